"""planrapport demo: the main job on the bundled examples, written into ./planrapport-demo/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = (
    "Maak met de meegeleverde voorbeelden het jaarrapport en het beleidsplan van Waregem en het jaarrapport "
    "van Denderleeuw."
)
FOLDER = "planrapport-demo"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = "Een tweede keer vervangt de documenten van de vorige keer."
    parser.add_argument("--uit", metavar="MAP", default=FOLDER, help=f"map voor de documenten (standaard: {FOLDER})")


def run(args: argparse.Namespace) -> int:
    from reporting.documents import PLAN_DOCUMENT, YEAR_REPORT, output_name, render_plan_document, render_year_report
    from reporting.documents.output import target, write_document
    from reporting.validation import validate
    from workbook.reading.reader import read_plan
    from xlsx_templates import example_path

    jobs = (("waregem-2011-2013", YEAR_REPORT), ("waregem-2011-2013", PLAN_DOCUMENT), ("denderleeuw-2023", YEAR_REPORT))
    plans = {}
    for example, kind in jobs:
        if example not in plans:
            plans[example] = read_plan(example_path(example))
        plan = plans[example]
        draft = not validate(plan).ok
        if draft:
            print(
                f"planrapport: het voorbeeld {example} heeft fouten; het document is gemarkeerd als ONTWERP.",
                file=sys.stderr,
            )
        if kind == YEAR_REPORT:
            data = render_year_report(plan, draft=draft)
        else:
            data = render_plan_document(plan, draft=draft)
        path = target(Path(example_path(example)), output_name(kind, plan), args.uit)
        print(write_document(path, data, overwrite=True).path)
    return 0
