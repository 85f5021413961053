"""planrapport sjabloon: write a fresh, empty plan workbook."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from planrapport.commands import arguments
from workbook.plan.errors import WorkbookError
from workbook.storage.files import write_atomically
from xlsx_templates import TEMPLATE

HELP = "Maak een nieuw, leeg werkboek voor een beleidsplan."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    arguments.add_workbook(parser, "waar het nieuwe werkboek komt, bv. plan.xlsx")
    arguments.add_overwrite(parser, "vervang een bestaand bestand")
    arguments.add_buttons(
        parser, "maak een werkboek met knoppen (.xlsm) om vanuit Excel te controleren en rapporten te maken"
    )


def run(args: argparse.Namespace) -> int:
    target = Path(args.pad)
    source = TEMPLATE
    if args.met_knoppen:
        from xlsx_templates import MACRO_TEMPLATE

        source = MACRO_TEMPLATE
        if target.suffix.lower() != ".xlsm":
            raise WorkbookError(f"{target.name}: een werkboek met knoppen moet eindigen op .xlsm.")
    elif target.suffix.lower() != ".xlsx":
        buttons = target.suffix.lower() == ".xlsm"
        hint = " Wilt u een werkboek met knoppen, gebruik dan --met-knoppen." if buttons else ""
        raise WorkbookError(f"{target.name}: een werkboek zonder knoppen moet eindigen op .xlsx.{hint}")
    write_atomically(target, lambda temporary: shutil.copyfile(source, temporary), overwrite=args.overschrijf)
    print(target)
    return 0
