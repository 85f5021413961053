"""planrapport demo: run the main job on the bundled example workbooks."""

from __future__ import annotations

import argparse

from reporting.summary import summary_lines
from workbook.reader import read_plan
from xlsx_templates import EXAMPLES, example_path

HELP = "Toon wat planrapport doet, met de meegeleverde voorbeelden (Waregem en Denderleeuw)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--uit", metavar="MAP", default="planrapport-demo", help="map voor de documenten")


def run(args: argparse.Namespace) -> int:
    for name in EXAMPLES:
        print("\n".join(summary_lines(read_plan(example_path(name)))))
    return 0
