"""planrapport jaarrapport: write the year report (.docx) of a workbook."""

from __future__ import annotations

import argparse
from pathlib import Path

from planrapport.commands import arguments
from planrapport.commands.documents import common as common

HELP = "Maak het jaarrapport in Word: samenvatting, stand van zaken per actie, indicatoren en begroting."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "Het rapport komt naast het werkboek, bv. jaarrapport-2023-denderleeuw.docx. Is PAD een map, dan krijgt\n"
        "elk werkboek erin zijn rapport (op alle processorkernen); één onleesbaar werkboek houdt de andere niet\n"
        "tegen.\n" + common.EXIT_CODES
    )
    common.add_arguments(parser)
    arguments.add_year(parser)
    parser.add_argument(
        "--met-waarschuwingen",
        action="store_true",
        help="zet de openstaande waarschuwingen van de controle in een bijlage",
    )


def run(args: argparse.Namespace) -> int:
    path = Path(args.pad)
    if path.is_dir():
        from planrapport.commands.documents.batch import batch_command

        return batch_command(
            path,
            args.jaar,
            args.uit,
            args.overschrijf,
            args.forceer,
            template=args.sjabloon,
            with_warnings=args.met_waarschuwingen,
        )
    name, data = common.build_year_report(
        path, args.jaar, force=args.forceer, template=args.sjabloon, with_warnings=args.met_waarschuwingen
    )
    common.write(path, name, data, args)
    return 0
