"""planrapport nieuw-plan: the workbook of the next plan period, built on the old one, which stays as it is."""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = "Maak het werkboek van de volgende planperiode, met wat uit het huidige plan doorloopt."
EPILOG = (
    "Doelstellingen, resultaten, acties en indicatoren die doorlopen, gaan mee: wat kolom 'Loopt door' (ja of\n"
    "nee) zegt, anders elke actie die in haar laatste opvolging niet afgerond of stopgezet is, met de\n"
    "doelstelling en het resultaat erboven en de indicatoren eronder. Een indicator krijgt zijn laatste volledige\n"
    "meting als nulmeting. Kolom 'Code vorig plan' houdt de oude code bij. Opvolging, metingen en begroting gaan\n"
    "niet mee. Het huidige werkboek blijft zoals het is; een bestaand werkboek wordt nooit overschreven.\n"
    "Afloopcode: 0 gelukt, 1 werkboek onleesbaar, periode ongeldig of doel bestaat al, 2 verkeerd gebruik."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.add_argument("pad", metavar="PAD", help="het werkboek van het huidige plan (.xlsx of .xlsm)")
    parser.add_argument("nieuw", metavar="NIEUW.xlsx", help="het nieuwe werkboek")
    parser.add_argument("--periode", required=True, metavar="BEGIN-EIND", help="de nieuwe planperiode, bv. 2026-2031")


def run(args: argparse.Namespace) -> int:
    from workbook.next_plan import build_next_plan, parse_period, summary_lines, write_next_plan
    from workbook.reader import read_plan
    from workbook.schema import ACTIONS, INDICATORS, OBJECTIVES, RESULTS

    source, target = Path(args.pad), Path(args.nieuw)
    start, end = parse_period(args.periode)
    plan = read_plan(source)
    next_plan = build_next_plan(plan, start, end, source.name)
    write_next_plan(plan, target, next_plan)
    print(f"{target}: plan {start}-{end} met {next_plan.count(OBJECTIVES.name)} doelstellingen, "
          f"{next_plan.count(RESULTS.name)} resultaten, {next_plan.count(ACTIONS.name)} acties en "
          f"{next_plan.count(INDICATORS.name)} indicatoren uit {source.name}; Rapportjaar {start}.")
    if next_plan.dropped:
        print(f"Niet mee ({len(next_plan.dropped)}):")
        for dropped in next_plan.dropped:
            print(f"- blad {dropped.sheet}, {dropped.code}: {dropped.why}")
    notes = summary_lines(next_plan)
    if notes:
        print("Na te kijken:")
        for note in notes:
            print(f"- {note}")
    print(f"{source.name} is niet gewijzigd. Daarna: planrapport nieuw-jaar {target.name} {start}")
    return 0
