"""planrapport importeren: a Word plan (.docx) into a new workbook, with the list of what was unsure."""

from __future__ import annotations

import argparse
from pathlib import Path

from planrapport.commands import arguments
from workbook.plan.errors import WorkbookError

HELP = "Lees een bestaand beleidsplan in Word (.docx) in een nieuw werkboek."
EPILOG = (
    "Doelstellingen, resultaten, acties, evaluatieregels en (bij een opvolgingsdocument) de opvolging en\n"
    "metingen komen op hun blad. Wat de import niet kon plaatsen of op een gok plaatste, staat op het blad\n"
    "Import en hieronder. Een bestaand werkboek wordt nooit overschreven.\n"
    "Afloopcode: 0 gelukt, 1 document onleesbaar, zonder doelstellingen of doel bestaat al, 2 verkeerd gebruik."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.add_argument("plan", metavar="PLAN.docx", help="het beleidsplan in Word (.docx)")
    arguments.add_optional_workbook(
        parser, "het nieuwe werkboek (.xlsx, of .xlsm met --met-knoppen); standaard naast het plan"
    )
    arguments.add_buttons(parser, "maak een werkboek met knoppen (.xlsm)")


def run(args: argparse.Namespace) -> int:
    from workbook.word_import.importing import import_document
    from workbook.word_import.sheets import save_imported

    source = Path(args.plan)
    suffix = ".xlsm" if args.met_knoppen else ".xlsx"
    target = Path(args.werkboek) if args.werkboek else source.with_suffix(suffix)
    if target.suffix.lower() != suffix:
        kind = "met knoppen moet eindigen op .xlsm" if args.met_knoppen else "zonder knoppen moet eindigen op .xlsx"
        raise WorkbookError(f"{target.name}: een werkboek {kind}.")
    if target.exists():
        raise WorkbookError(
            f"{target.name}: dit werkboek bestaat al; de import overschrijft nooit een werkboek. Kies een andere naam."
        )
    imported = import_document(source)
    save_imported(imported, target, with_buttons=args.met_knoppen)
    print(f"{target}: " + ", ".join(f"{count.found} {count.name}" for count in imported.counts) + ".")
    for count in imported.counts:
        if remark := count.remark():
            print(remark)
    notes = imported.notes[len(imported.counts) :]  # the sheet starts with the counts printed above
    if notes:
        print(f"Op het blad Import ({len(notes)} regels onder de telling):")
        for note in notes:
            where = f"{note.position}: " if note.position else ""
            print(f"- {where}{_short(note.text)} -> {note.action}")
    return 0


def _short(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 3] + "..."
