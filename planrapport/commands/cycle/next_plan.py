"""planrapport nieuw-plan: the workbook of the next plan period, built on the old one, which stays as it is."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from planrapport.commands import arguments

if TYPE_CHECKING:
    from workbook.cycle.next_plan import NextPlan

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
    arguments.add_workbook(parser, "het werkboek van het huidige plan (.xlsx of .xlsm)")
    parser.add_argument("nieuw", metavar="NIEUW.xlsx", help="het nieuwe werkboek")
    parser.add_argument("--periode", required=True, metavar="BEGIN-EIND", help="de nieuwe planperiode, bv. 2026-2031")


def run(args: argparse.Namespace) -> int:
    from workbook.cycle.next_plan import build_next_plan, parse_period, write_next_plan
    from workbook.reading.reader import read_plan

    source, target = Path(args.pad), Path(args.nieuw)
    start, end = parse_period(args.periode)
    plan = read_plan(source)
    next_plan = build_next_plan(plan, start, end, source.name)
    write_next_plan(plan, target, next_plan)
    *lines, last = made_lines(source, target, next_plan)
    for line in lines:
        print(line)
    print(f"{last} Daarna: planrapport nieuw-jaar {target.name} {start}")
    return 0


def made_lines(source: Path, target: Path, next_plan: NextPlan) -> list[str]:
    """What nieuw-plan says about the workbook it made: what went on, what did not, what to look at."""
    from workbook.cycle.next_plan import summary_lines
    from workbook.plan.schema import ACTIONS, INDICATORS, OBJECTIVES, RESULTS

    lines = [
        f"{target}: plan {next_plan.start}-{next_plan.end} met {next_plan.count(OBJECTIVES.name)} "
        f"doelstellingen, {next_plan.count(RESULTS.name)} resultaten, {next_plan.count(ACTIONS.name)} acties en "
        f"{next_plan.count(INDICATORS.name)} indicatoren uit {source.name}; Rapportjaar {next_plan.start}."
    ]
    if next_plan.dropped:
        lines.append(f"Niet mee ({len(next_plan.dropped)}):")
        lines += [f"- blad {dropped.sheet}, {dropped.code}: {dropped.why}" for dropped in next_plan.dropped]
    notes = summary_lines(next_plan)
    if notes:
        lines.append("Na te kijken:")
        lines += [f"- {note}" for note in notes]
    lines.append(f"{source.name} is niet gewijzigd.")
    return lines
