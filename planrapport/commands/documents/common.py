"""What the jaarrapport and beleidsplan commands share: options, the check before writing, the writing."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from planrapport.commands import arguments
from planrapport.commands.arguments import year as year  # the type of --jaar, for the commands that name it so
from workbook.plan.errors import WorkbookError

if TYPE_CHECKING:
    from workbook.plan.model import Plan

EXIT_CODES = (
    "Afloopcode: 0 document geschreven, 1 werkboek of sjabloon met fouten (niets geschreven),\n2 verkeerd gebruik."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    arguments.add_workbook(parser)
    arguments.add_out(parser, "map voor het document (standaard: de map van het werkboek)")
    arguments.add_overwrite(
        parser, "vervang een bestaand document met dezelfde naam (anders: een nieuwe naam met een nummer)"
    )
    parser.add_argument(
        "--forceer",
        action="store_true",
        help="maak het document ook als het werkboek fouten heeft; elke pagina krijgt dan 'ONTWERP'",
    )
    parser.add_argument(
        "--sjabloon",
        metavar="DOCX",
        help="een ander Word-sjabloon dan het standaardsjabloon of dat op blad Instellingen",
    )


def require_year_in_period(plan, year_: int | None, name: str) -> None:
    """A --jaar outside the plan period stops every command the same way, --forceer or not."""
    from reporting.validation.groups.settings import year_outside_period

    if year_ is not None and (problem := year_outside_period(plan, year_)):
        raise WorkbookError(f"{name}: {problem}")


def check(plan, year_: int | None, force: bool, what: str, name: str):
    """Validate; with errors refuse (WorkbookError listing them) unless `force`. Returns (draft, report)."""
    from reporting.validation import validate

    report = validate(plan, year_)
    if report.ok:
        return False, report
    lines = [f"  {issue.cell}  {issue.code}  {issue.message}" for issue in report.errors]
    count = f"{len(report.errors)} {'fout' if len(report.errors) == 1 else 'fouten'}"
    if not force:
        raise WorkbookError(
            f"{name} heeft {count}; {what} wordt niet gemaakt.\n"
            + "\n".join(lines)
            + f"\nVerbeter het werkboek (planrapport controleer {name} --schrijf zet de lijst op blad Controle), "
            "of maak een ontwerp met --forceer."
        )
    print(f"planrapport: let op, {name} heeft {count}; {what} is gemarkeerd als ONTWERP.", file=sys.stderr)
    for line in lines:
        print(line, file=sys.stderr)
    return True, report


def build_year_report(
    path: Path, year: int | None, *, force: bool, template: str | None = None, with_warnings: bool = False
) -> tuple[str, bytes]:
    """Read, check and render the year report of one workbook: its file name and its bytes (nothing written).
    The batch (planrapport.commands.documents.batch) runs this in each of its worker processes."""
    from reporting.collecting import fewer_collections
    from reporting.documents import YEAR_REPORT, output_name, render_year_report
    from workbook.reading.reader import read_plan

    with fewer_collections():
        plan = read_plan(path)
        require_year_in_period(plan, year, path.name)
        draft, report = check(plan, year, force, "het jaarrapport", path.name)
        data = render_year_report(
            plan, year, template=template, draft=draft, warnings=report.warnings if with_warnings else None
        )
    return output_name(YEAR_REPORT, plan, year), data


def make_document(
    args: argparse.Namespace, what: str, render: Callable[..., bytes], name: Callable[[Plan], str]
) -> int:
    """A document of the whole plan (the beleidsplan, the evaluation): read, checked (`what` names it in the
    messages), rendered and written beside the workbook or in --uit."""
    from reporting.collecting import fewer_collections
    from workbook.reading.reader import read_plan

    path = Path(args.pad)
    with fewer_collections():
        plan = read_plan(path)
        draft, _ = check(plan, None, args.forceer, what, path.name)
        data = render(plan, template=args.sjabloon, draft=draft)
    write(path, name(plan), data, args)
    return 0


def plan_for_year(args: argparse.Namespace) -> tuple[Path, Plan]:
    """The workbook PAD and its plan, refused when --jaar lies outside the plan period."""
    from workbook.reading.reader import read_plan

    path = Path(args.pad)
    plan = read_plan(path)
    require_year_in_period(plan, args.jaar, path.name)
    return path, plan


def write(workbook: Path, name: str, data: bytes, args: argparse.Namespace) -> Path:
    from reporting.documents.output import target, write_document

    written = write_document(target(workbook, name, args.uit), data, overwrite=args.overschrijf)
    if written.renamed:
        print(f"planrapport: {written.notice()}", file=sys.stderr)
    print(written.path)
    return written.path
