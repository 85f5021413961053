"""planrapport huisstijl: copy the Word templates and their guide out, to make a municipality's own layout."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from planrapport.commands import arguments
from workbook.plan.errors import WorkbookError
from workbook.storage.files import write_atomically

HELP = "Kopieer de Word-sjablonen en de uitleg 'Uw eigen huisstijl' naar een map, om ze in Word aan te passen."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    arguments.add_folder(parser, "de map waarin de sjablonen komen (wordt gemaakt)")
    arguments.add_overwrite(parser, "vervang bestanden met dezelfde naam")


def run(args: argparse.Namespace) -> int:
    from reporting.templates import EVALUATION_TEMPLATE, HERE, PLAN_TEMPLATE, YEAR_REPORT_TEMPLATE

    folder = Path(args.map)
    if folder.exists() and not folder.is_dir():
        raise WorkbookError(f"{folder}: dit is een bestand, geen map.")
    folder.mkdir(parents=True, exist_ok=True)
    for source in (YEAR_REPORT_TEMPLATE, PLAN_TEMPLATE, EVALUATION_TEMPLATE, HERE / "huisstijl.md"):
        target = folder / source.name
        write_atomically(
            target, lambda temporary, source=source: shutil.copyfile(source, temporary), overwrite=args.overschrijf
        )
        print(target)
    return 0
