"""planrapport nieuw-jaar: move the workbook to a new report year with empty rows to fill for it."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from planrapport.commands import arguments
from planrapport.commands.documents import common as common
from workbook.storage.writer_lock import command_writes_workbook

if TYPE_CHECKING:
    from workbook.cycle.new_year import NewYear
    from workbook.plan.running import Standing

HELP = "Begin een nieuw rapportjaar: Rapportjaar instellen en lege rijen voor opvolging en metingen toevoegen."
EPILOG = (
    "Elke actie die in JAAR loopt krijgt een lege rij op blad Opvolging, met alleen de code en het jaar: een\n"
    "terugkerende actie (Jaarlijks, Vanaf 2012, 2012-2014) elk jaar van haar tijdstip, ook na een afgeronde\n"
    "editie; een eenmalige actie tot ze afgerond of stopgezet is, ook na haar tijdstip (dan met een\n"
    "waarschuwing). Elke kwantitatieve indicator krijgt een lege rij op blad Metingen. De acties zonder rij\n"
    "staan erbij, met de reden. Bestaande rijen blijven ongemoeid; nog eens uitvoeren voegt niets toe.\n"
    "Vooraf komt er een reservekopie van het werkboek naast.\n"
    "Afloopcode: 0 gelukt, 1 werkboek onleesbaar of jaar buiten de planperiode, 2 verkeerd gebruik."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    arguments.add_workbook(parser)
    parser.add_argument("jaar", type=arguments.year, metavar="JAAR", help="het nieuwe rapportjaar, bv. 2024")


@command_writes_workbook()
def run(args: argparse.Namespace) -> int:
    from workbook.cycle.new_year import open_year

    path, _ = common.plan_for_year(args)
    result = open_year(path, args.jaar)
    print("\n".join(new_year_lines(result, path.name)))
    return 0


def new_year_lines(result: NewYear, name: str) -> list[str]:
    if not result.changed:
        return [f"{name} staat al op rapportjaar {result.year}; er was niets toe te voegen."]
    lines = []
    if result.previous_year != result.year:
        lines.append(f"Rapportjaar: {result.year} (was {result.previous_year or 'leeg'}).")
    lines.append(f"Blad Opvolging: {_rows(len(result.follow_ups))} voor {result.year} toegevoegd.")
    lines.append(f"Blad Metingen: {_rows(len(result.measurements))} voor {result.year} toegevoegd.")
    lines += standing_lines(result.overdue, result.skipped)
    lines.append(f"Reservekopie van het werkboek: {result.backup.name}")
    return lines


def standing_lines(overdue: Sequence[Standing], skipped: Sequence[Standing], limit: int | None = None) -> list[str]:
    """One line per action that runs on after its timing, then one per action without a row, each with why; past
    `limit` lines, one line says how many more (a message box is not a list)."""
    lines = [f"{found.code}: {found.reason}" for found in (*overdue, *skipped)]
    if limit is not None and len(lines) > limit:
        rest = len(lines) - limit
        lines = lines[:limit] + [f"... en nog {rest} {'actie' if rest == 1 else 'acties'}."]
    return lines


def _rows(count: int) -> str:
    return f"{count} {'rij' if count == 1 else 'rijen'}"
