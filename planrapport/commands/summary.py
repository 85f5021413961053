"""planrapport samenvatting: print what the reader found in a workbook."""

from __future__ import annotations

import argparse

from planrapport.commands import arguments

HELP = "Toon kort wat er in een werkboek staat: aantallen per niveau en jaren met gegevens."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    arguments.add_workbook(parser)


def run(args: argparse.Namespace) -> int:
    from reporting.summary import summary_lines
    from workbook.reading.reader import read_plan

    print("\n".join(summary_lines(read_plan(args.pad))))
    return 0
