"""planrapport beleidsplan: write the plan document (.docx) of a workbook."""

from __future__ import annotations

import argparse

from planrapport.commands.documents import common as common

HELP = "Maak het beleidsplan in Word: doelstellingen, tabellen met resultaten, acties en indicatoren, begroting."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = "Het plan komt naast het werkboek, bv. beleidsplan-2011-2013-waregem.docx.\n" + common.EXIT_CODES
    common.add_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from reporting.documents import PLAN_DOCUMENT, output_name, render_plan_document

    return common.make_document(
        args, "het beleidsplan", render_plan_document, lambda plan: output_name(PLAN_DOCUMENT, plan)
    )
