"""planrapport beleidsplan: write the plan document (.docx) of a workbook."""

from __future__ import annotations

import argparse
from pathlib import Path

from planrapport.commands.documents import common as common

HELP = "Maak het beleidsplan in Word: doelstellingen, tabellen met resultaten, acties en indicatoren, begroting."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = "Het plan komt naast het werkboek, bv. beleidsplan-2011-2013-waregem.docx.\n" + common.EXIT_CODES
    common.add_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from reporting.collecting import fewer_collections
    from reporting.documents import PLAN_DOCUMENT, output_name, render_plan_document
    from workbook.reading.reader import read_plan

    path = Path(args.pad)
    with fewer_collections():
        plan = read_plan(path)
        draft, _ = common.check(plan, None, args.forceer, "het beleidsplan", path.name)
        data = render_plan_document(plan, template=args.sjabloon, draft=draft)
    common.write(path, output_name(PLAN_DOCUMENT, plan), data, args)
    return 0
