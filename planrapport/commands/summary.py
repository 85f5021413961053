"""planrapport samenvatting: print what the reader found in a workbook."""

from __future__ import annotations

import argparse

HELP = "Toon kort wat er in een werkboek staat: aantallen per niveau en jaren met gegevens."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pad", metavar="PAD", help="het werkboek (.xlsx of .xlsm)")


def run(args: argparse.Namespace) -> int:
    from reporting.summary import summary_lines
    from workbook.reading.reader import read_plan

    print("\n".join(summary_lines(read_plan(args.pad))))
    return 0
