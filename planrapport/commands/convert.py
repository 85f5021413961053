"""planrapport omzetten: copy a filled workbook (.xlsx) into a new workbook with buttons (.xlsm)."""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

from planrapport.commands import arguments
from workbook.plan.errors import WorkbookError
from workbook.storage.files import write_atomically

HELP = "Zet een ingevuld werkboek (.xlsx) om naar een werkboek met knoppen (.xlsm); het origineel blijft ongewijzigd."
EPILOG = (
    "Alle bladen en waarden gaan mee, met hun opmaak, keuzelijsten en tabellen. Afbeeldingen, grafieken en\n"
    "draaitabellen gaan niet mee; planrapport zegt het als het werkboek ze heeft.\n"
    "Afloopcode: 0 gelukt, 1 werkboek onleesbaar of doel bestaat al, 2 verkeerd gebruik."
)
# Parts of a workbook that the copy cannot carry, and how to name them for the officer.
NOT_CARRIED = (
    ("xl/charts/", "grafieken"),
    ("xl/media/", "afbeeldingen"),
    ("xl/pivotTables/", "draaitabellen"),
    ("xl/drawings/drawing", "tekeningen of vormen"),
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    arguments.add_workbook(parser, "het ingevulde werkboek (.xlsx)")
    parser.add_argument(
        "doel", metavar="DOEL", nargs="?", help="het nieuwe werkboek (.xlsm); standaard naast PAD, met dezelfde naam"
    )
    arguments.add_overwrite(parser, "vervang een bestaand werkboek met knoppen")


def run(args: argparse.Namespace) -> int:
    from workbook.builders.build_xlsm import write_macro_workbook
    from workbook.spreadsheet.loading import FRESH_TEMPLATE, check_file

    source = Path(args.pad)
    check_file(source)
    if source.suffix.lower() == ".xlsm":
        raise WorkbookError(f"{source.name}: dit is al een werkboek met knoppen (.xlsm); omzetten is niet nodig.")
    if source.suffix.lower() != ".xlsx":
        raise WorkbookError(f"{source.name}: omzetten kan alleen vanuit een Excel-werkmap (.xlsx).")
    target = Path(args.doel) if args.doel else source.with_suffix(".xlsm")
    if target.suffix.lower() != ".xlsm":
        raise WorkbookError(f"{target.name}: een werkboek met knoppen moet eindigen op .xlsm.")
    data = source.read_bytes()  # the source is only read, once
    lost = not_carried(source)

    def write(temporary: Path) -> None:
        try:
            report = write_macro_workbook(data, temporary)
        except WorkbookError:
            raise
        except Exception:  # openpyxl and XlsxWriter raise many kinds for damaged parts
            raise WorkbookError(
                f"{source.name}: het werkboek kan niet omgezet worden; het is beschadigd of onvolledig. "
                f"Open het in Excel en bewaar het opnieuw. {FRESH_TEMPLATE}"
            ) from None
        lost.extend(report.skipped)

    write_atomically(target, write, overwrite=args.overschrijf)
    if lost:
        print(f"planrapport: niet overgenomen in {target.name}: {', '.join(lost)}.", file=sys.stderr)
    print(target)
    return 0


def not_carried(path: Path) -> list[str]:
    """What the workbook holds that the copy leaves out (charts, pictures, ...), in words."""
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    return [words for prefix, words in NOT_CARRIED if any(name.startswith(prefix) for name in names)]
