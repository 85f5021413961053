"""planrapport jaarrapport: write the year report (.docx) of a workbook."""

from __future__ import annotations

import argparse
from pathlib import Path

from reporting.commands import documents_common as common

HELP = "Maak het jaarrapport in Word: samenvatting, stand van zaken per actie, indicatoren en begroting."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "Het rapport komt naast het werkboek, bv. jaarrapport-2023-denderleeuw.docx. Is PAD een map, dan krijgt\n"
        "elk werkboek erin zijn rapport (op alle processorkernen); één onleesbaar werkboek houdt de andere niet\n"
        "tegen.\n" + common.EXIT_CODES
    )
    common.add_arguments(parser)
    parser.add_argument("--jaar", type=common.year, metavar="JAAR",
                        help="het rapportjaar, bv. 2023 (standaard: Rapportjaar op blad Instellingen)")
    parser.add_argument("--met-waarschuwingen", action="store_true",
                        help="zet de openstaande waarschuwingen van de controle in een bijlage")


def run(args: argparse.Namespace) -> int:
    path = Path(args.pad)
    if path.is_dir():
        from reporting.batch import batch_command

        return batch_command(path, args.jaar, args.uit, args.overschrijf, args.forceer, template=args.sjabloon,
                             with_warnings=args.met_waarschuwingen)
    name, data = build(path, args.jaar, force=args.forceer, template=args.sjabloon,
                       with_warnings=args.met_waarschuwingen)
    common.write(path, name, data, args)
    return 0


def build(path: Path, year: int | None, *, force: bool, template: str | None = None,
          with_warnings: bool = False) -> tuple[str, bytes]:
    """Read, check and render the year report of one workbook: its file name and its bytes (nothing written).
    A batch (reporting.batch) runs this in each of its worker processes."""
    from reporting.collecting import fewer_collections
    from reporting.documents import YEAR_REPORT, output_name, render_year_report
    from workbook.reader import read_plan

    with fewer_collections():
        plan = read_plan(path)
        draft, report = common.check(plan, year, force, "het jaarrapport", path.name)
        data = render_year_report(plan, year, template=template, draft=draft,
                                  warnings=report.warnings if with_warnings else None)
    return output_name(YEAR_REPORT, plan, year), data
