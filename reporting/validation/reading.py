"""What the reader did not read (missing, renamed or unknown sheets, columns and settings) as issues."""

from __future__ import annotations

from collections.abc import Iterator

from reporting.validation.context import Context
from reporting.validation.report import Issue
from reporting.validation.rules import RULES


def check(ctx: Context) -> Iterator[Issue]:
    for note in ctx.plan.notes:
        sheet, _, coordinate = note.cell.rpartition("!")
        yield Issue(note.code, RULES[note.code].severity, sheet, note.cell if coordinate else "", "", note.message)
