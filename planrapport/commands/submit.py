"""planrapport indienen: the final year report, and a record in the workbook of what was submitted."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from planrapport.commands import documents_common as common
from workbook.writer_lock import command_writes_workbook

HELP = "Dien het jaarrapport in: het definitieve rapport, en in het werkboek een verslag van wat ingediend werd."
EPILOG = (
    "Met fouten in het werkboek wordt niets ingediend. Het verslag staat op een verborgen, beveiligd blad\n"
    "Ingediend: per rij opvolging en meting van het jaar de waarden en de datum. Daarna meldt 'controleer' elke\n"
    "ingediende waarde die nog gewijzigd wordt. Opnieuw indienen vervangt het verslag van dat jaar.\n"
    "Afloopcode: 0 gelukt, 1 fouten in het werkboek of werkboek onleesbaar, 2 verkeerd gebruik."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.add_argument("pad", metavar="PAD", help="het werkboek (.xlsx of .xlsm)")
    parser.add_argument("--jaar", type=common.year, metavar="JAAR", required=True,
                        help="het jaar dat ingediend wordt, bv. 2024")
    parser.add_argument("--uit", metavar="MAP", help="de map voor het rapport (standaard: naast het werkboek)")
    parser.add_argument("--overschrijf", action="store_true", help="vervang een rapport met dezelfde naam")


@command_writes_workbook()
def run(args: argparse.Namespace) -> int:
    from reporting.formatting import long_date
    from workbook.reader import read_plan
    from workbook.submitted import write_submission

    path = Path(args.pad)
    plan = read_plan(path)
    common.require_year_in_period(plan, args.jaar, path.name)
    common.check(plan, args.jaar, False, "het jaarrapport", path.name)
    name, data = common.build_year_report(path, args.jaar, force=False)
    args.sjabloon = None
    common.write(path, name, data, args)
    today = date.today()
    backup, replaced, _ = write_submission(path, plan, args.jaar, today)
    rows = sum(r.year == args.jaar for r in plan.follow_ups)
    measurements = sum(m.year == args.jaar for m in plan.measurements)
    print(f"Ingediend op {long_date(today)}: de opvolging van {rows} {'actie' if rows == 1 else 'acties'} en "
          f"{measurements} {'meting' if measurements == 1 else 'metingen'} van {args.jaar} staan op het verborgen "
          "blad Ingediend.")
    if replaced is not None:
        print(f"Dit vervangt de indiening van {args.jaar} op {long_date(replaced)}.")
    print(f"Reservekopie van het werkboek: {backup.name}")
    return 0
