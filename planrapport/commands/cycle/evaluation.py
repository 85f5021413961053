"""planrapport evaluatie: write the evaluation of the whole plan period (.docx) of a workbook."""

from __future__ import annotations

import argparse
from pathlib import Path

from planrapport.commands.documents import common as common

HELP = (
    "Maak de evaluatie van de hele planperiode in Word: wat er van elke actie werd, de indicatoren tegenover hun "
    "streefwaarde en de begroting per jaar."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "De evaluatie komt naast het werkboek, bv. evaluatie-2011-2013-waregem.docx. Loopt de planperiode nog,\n"
        "dan is de evaluatie een ONTWERP dat zegt welke jaren nog niet volledig zijn.\n" + common.EXIT_CODES
    )
    common.add_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from reporting.collecting import fewer_collections
    from reporting.documents import evaluation_name, render_evaluation
    from workbook.reading.reader import read_plan

    path = Path(args.pad)
    with fewer_collections():
        plan = read_plan(path)
        draft, _ = common.check(plan, None, args.forceer, "de evaluatie", path.name)
        data = render_evaluation(plan, template=args.sjabloon, draft=draft)
    common.write(path, evaluation_name(plan), data, args)
    return 0
