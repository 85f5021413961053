"""planrapport voorbeeld: copy a bundled example workbook out."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from planrapport.commands import arguments
from workbook.storage.files import write_atomically
from xlsx_templates import EXAMPLES, example_path

HELP = "Kopieer een voorbeeldwerkboek (Waregem of Denderleeuw) naar een map of bestand."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("naam", metavar="NAAM", choices=EXAMPLES, help="een van: " + ", ".join(EXAMPLES))
    arguments.add_workbook(parser, "doelbestand (.xlsx) of bestaande map")
    arguments.add_overwrite(parser, "vervang een bestaand bestand")


def run(args: argparse.Namespace) -> int:
    target = Path(args.pad)
    if target.is_dir():
        target = target / f"{args.naam}.xlsx"
    source = example_path(args.naam)
    write_atomically(target, lambda temporary: shutil.copyfile(source, temporary), overwrite=args.overschrijf)
    print(target)
    return 0
