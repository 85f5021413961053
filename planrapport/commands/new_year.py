"""planrapport nieuw-jaar: move the workbook to a new report year with empty rows to fill for it."""

from __future__ import annotations

import argparse
from pathlib import Path

from planrapport.commands import documents_common as common
from workbook.writer_lock import command_writes_workbook

HELP = "Begin een nieuw rapportjaar: Rapportjaar instellen en lege rijen voor opvolging en metingen toevoegen."
EPILOG = (
    "Elke actie die in JAAR loopt (volgens haar tijdstip, en niet eerder afgerond of stopgezet) krijgt een lege\n"
    "rij op blad Opvolging, met de status van vorig jaar als begin; elke kwantitatieve indicator een lege rij\n"
    "op blad Metingen. Bestaande rijen blijven ongemoeid; nog eens uitvoeren voegt niets toe.\n"
    "Vooraf komt er een reservekopie van het werkboek naast.\n"
    "Afloopcode: 0 gelukt, 1 werkboek onleesbaar of jaar buiten de planperiode, 2 verkeerd gebruik."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.add_argument("pad", metavar="PAD", help="het werkboek (.xlsx of .xlsm)")
    parser.add_argument("jaar", type=common.year, metavar="JAAR", help="het nieuwe rapportjaar, bv. 2024")


@command_writes_workbook()
def run(args: argparse.Namespace) -> int:
    from workbook.new_year import open_year
    from workbook.reader import read_plan

    path = Path(args.pad)
    common.require_year_in_period(read_plan(path), args.jaar, path.name)
    result = open_year(path, args.jaar)
    print("\n".join(new_year_lines(result, path.name)))
    return 0


def new_year_lines(result, name: str) -> list[str]:
    if not result.changed:
        return [f"{name} staat al op rapportjaar {result.year}; er was niets toe te voegen."]
    lines = []
    if result.previous_year != result.year:
        lines.append(f"Rapportjaar: {result.year} (was {result.previous_year or 'leeg'}).")
    lines.append(f"Blad Opvolging: {_rows(len(result.follow_ups))} voor {result.year} toegevoegd.")
    lines.append(f"Blad Metingen: {_rows(len(result.measurements))} voor {result.year} toegevoegd.")
    lines.append(f"Reservekopie van het werkboek: {result.backup.name}")
    return lines


def _rows(count: int) -> str:
    return f"{count} {'rij' if count == 1 else 'rijen'}"
