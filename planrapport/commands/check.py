"""planrapport controleer: list every problem of a workbook by cell; with --schrijf also on its Controle sheet."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from planrapport.commands import arguments
from workbook.storage.writer_lock import command_writes_workbook

if TYPE_CHECKING:
    from reporting.validation import ValidationReport

HELP = "Controleer een werkboek: elk probleem met blad, cel, code en uitleg."
EPILOG = (
    "Zonder --schrijf wordt het werkboek alleen gelezen, niet gewijzigd.\n"
    "Afloopcode: 0 geen fouten (waarschuwingen mogen), 1 fouten gevonden of\n"
    "werkboek onleesbaar, 2 verkeerd gebruik."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    arguments.add_workbook(parser)
    arguments.add_write(
        parser,
        "zet de lijst ook op het blad Controle en kleur de cellen met een probleem "
        "(na een reservekopie van het werkboek)",
    )
    arguments.add_year(parser)
    parser.add_argument("--json", action="store_true", help="geef het resultaat als JSON, voor andere programma's")


@command_writes_workbook("schrijf")
def run(args: argparse.Namespace) -> int:
    from reporting.validation import validate
    from workbook.reading.reader import read_plan

    path = Path(args.pad)
    report = validate(read_plan(path), args.jaar)
    backup = None
    if args.schrijf:
        from workbook.sheets.writeback import write_check_sheet

        backup = write_check_sheet(path, report.check_list())
    if args.json:
        result = {"file": str(path), **report.as_dict(), "backup": str(backup) if backup else None}
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print("\n".join(report_lines(report, path.name, backup)))
    return 0 if report.ok else 1


def report_lines(report: ValidationReport, name: str, backup: Path | None = None) -> list[str]:
    """One aligned line per issue ("Acties!B5  fout  jaar-buiten-periode  ..."), then a summary."""
    issues = report.issues
    cell_width = max((len(i.cell) for i in issues), default=0)
    severity_width = max((len(i.severity) for i in issues), default=0)
    code_width = max((len(i.code) for i in issues), default=0)
    lines = [
        f"{i.cell:<{cell_width}}  {i.severity:<{severity_width}}  {i.code:<{code_width}}  {i.message}" for i in issues
    ]
    year = f" (rapportjaar {report.year})" if report.year else ""
    summary = f"{name}: {report.summary()}{year}."
    if not report.ok:
        summary += " Los de fouten op voor u een rapport maakt."
    lines.append(summary)
    if backup is not None:
        lines.append(f"De lijst staat op het blad Controle van {name}. Reservekopie van het werkboek: {backup.name}")
    return lines
