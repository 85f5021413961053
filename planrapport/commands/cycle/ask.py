"""planrapport uitvragen: one small workbook per trekker to fill in the year's follow-up."""

from __future__ import annotations

import argparse
from pathlib import Path

from planrapport.commands import arguments
from planrapport.commands.documents import common as common
from workbook.storage.writer_lock import command_writes_workbook

HELP = "Maak per trekker een klein werkboek om de opvolging van zijn acties voor een jaar in te vullen."
EPILOG = (
    "Elk bestand heeft een uitleg, de acties van de trekker (ter informatie), de opvolging van vorig jaar, de\n"
    "rijen van dit jaar om in te vullen met dezelfde keuzelijsten, en de metingen van de indicatoren onder zijn\n"
    "acties. Acties zonder trekker komen in één bestand voor uzelf. Haal de antwoorden binnen met\n"
    "'planrapport verzamelen PAD MAP'. Op het verborgen blad Uitgevraagd van het werkboek komt wat elke trekker\n"
    "kreeg: verzamelen neemt van een bestand alleen die rijen aan. Vooraf komt er een reservekopie naast.\n"
    "Afloopcode: 0 gelukt, 1 werkboek onleesbaar, open of geen rijen voor het jaar, 2 verkeerd gebruik."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    arguments.add_workbook(parser)
    arguments.add_year(parser, "het jaar, bv. 2024 (standaard: Rapportjaar op blad Instellingen)")
    arguments.add_out(parser, "de map voor de bestanden (standaard: 'opvolging JAAR' naast het werkboek)")
    arguments.add_overwrite(parser, "vervang bestanden die er al staan")


@command_writes_workbook()
def run(args: argparse.Namespace) -> int:
    from workbook.cycle.requests import ask, default_folder, without_leads
    from workbook.plan.errors import WorkbookError

    path, plan = common.plan_for_year(args)
    year = args.jaar if args.jaar is not None else plan.settings.report_year
    if year is None:
        raise WorkbookError(f"{path.name}: er staat geen Rapportjaar op blad Instellingen; geef --jaar JAAR.")
    folder = Path(args.uit) if args.uit else default_folder(path, year)
    try:
        written, backup = ask(path, plan, year, folder, overwrite=args.overschrijf)
    except WorkbookError as error:
        message = error.message
        raise WorkbookError(message if message.startswith(path.name) else f"{path.name}: {message}") from None
    print(f"Uitvraag opvolging {year}: {len(written)} {'bestand' if len(written) == 1 else 'bestanden'} in {folder}")
    print("\n".join(asked_lines(written)))
    if (warning := without_leads(plan)) is not None:
        print(warning)
    print(f"Wat elke trekker kreeg, staat op het verborgen blad Uitgevraagd van {path.name}.")
    print(f"Reservekopie van het werkboek: {backup.name}")
    return 0


def asked_lines(written) -> list[str]:
    """One line per trekker: who, the file, how many actions and measurements it asks for."""
    width = max(len(item.request.who) for item in written)
    return [
        f"  {item.request.who:<{width}}  {item.path.name}  ({asked_what(item.request)})"
        + (" (naam ingekort)" if item.shortened else "")
        for item in written
    ]


def asked_what(request) -> str:
    """ "3 acties, 2 metingen": what one file asks for."""
    count = len(request.follow_ups)
    what = f"{count} {'actie' if count == 1 else 'acties'}"
    if request.measurements:
        what += f", {len(request.measurements)} {'meting' if len(request.measurements) == 1 else 'metingen'}"
    return what
