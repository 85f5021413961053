"""planrapport evaluatie: write the evaluation of the whole plan period (.docx) of a workbook."""

from __future__ import annotations

import argparse

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
    from reporting.documents import evaluation_name, render_evaluation

    return common.make_document(args, "de evaluatie", render_evaluation, evaluation_name)
