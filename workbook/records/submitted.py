"""The record of what was submitted for a year: a hidden, protected sheet "Ingediend" in the workbook."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from workbook.plan.model import BudgetLine, Plan, Submission
from workbook.plan.schema import BUDGET, FOLLOW_UP, INDICATORS, MEASUREMENTS, SUBMITTED_SHEET
from workbook.records.record_sheet import write_record_sheet
from workbook.records.submission_record import HEADERS, HINT, SEAL, SEAL_HEADER, TITLE, fingerprint
from workbook.storage.files import open_for_rewrite, rewrite_with_backup
from workbook.storage.permissions import check_writable
from workbook.storage.writer_lock import writes_workbook

# What the year report shows of an indicator and of a budget line, beside its key.
INDICATOR_HEADERS = ("Norm", "Nulmeting jaar", "Nulmeting waarde", "Streefjaar", "Streefwaarde")
BUDGET_HEADERS = ("Financier", "Gepland", "Besteed")


def submission_rows(plan: Plan, year: int, day: date) -> list[Submission]:
    """What is submitted for `year`, column by column: every follow-up row and measurement of that year, every
    budget line of that year (keyed by budget_keys) and each indicator's norm, baseline and target."""
    rows = []
    for row in plan.follow_ups:
        if row.year != year:
            continue
        for column in FOLLOW_UP.columns[2:]:
            rows.append(
                Submission(
                    year, day, FOLLOW_UP.name, row.action_code, str(year), column.header, getattr(row, column.field)
                )
            )
    for row in plan.measurements:
        if row.year != year:
            continue
        for column in MEASUREMENTS.columns[2:]:
            value = row.origin.raw.get(column.field)
            rows.append(
                Submission(
                    year,
                    day,
                    MEASUREMENTS.name,
                    row.indicator_code,
                    row.period,
                    column.header,
                    "" if value is None else value,
                )
            )
    fields = {c.header: c.field for c in (*INDICATORS.columns, *BUDGET.columns)}
    for indicator in plan.indicators:
        if indicator.code:
            rows += [
                Submission(
                    year, day, INDICATORS.name, indicator.code, "", header, _value(getattr(indicator, fields[header]))
                )
                for header in INDICATOR_HEADERS
            ]
    for description, key, line in budget_keys(plan, year):
        rows += [
            Submission(year, day, BUDGET.name, description, key, header, _value(getattr(line, fields[header])))
            for header in BUDGET_HEADERS
        ]
    return rows


def budget_keys(plan: Plan, year: int) -> list[tuple[str, str, BudgetLine]]:
    """The budget lines of `year`, each with its key: the description (Code on Ingediend) and the funding kind
    (the second and later line with both the same: "Subsidie (lijn 2)", ...)."""
    seen: dict[tuple[str, str], int] = {}
    keyed = []
    for line in plan.budget_lines:
        description = " ".join(line.description.split())
        if line.year != year or not description:
            continue
        kind = " ".join(line.funding_kind.split())
        number = seen[(description.casefold(), kind.casefold())] = (
            seen.get((description.casefold(), kind.casefold()), 0) + 1
        )
        keyed.append((description, kind if number == 1 else f"{kind} (lijn {number})".strip(), line))
    return keyed


def _value(value: object) -> object:
    return "" if value is None else value


def seal_row(year: int, day: date, values: list[Submission], document: str) -> Submission:
    """The row that closes a year's record: its fingerprint and the name of its final document."""
    return Submission(year, day, SEAL, fingerprint(year, values), "", SEAL_HEADER, document)


def submission_record(
    plan: Plan, year: int, day: date, document: str = ""
) -> tuple[list[Submission], date | None, int]:
    """The whole record after submitting `year` (an earlier submission of that year replaced): its rows, the day
    of the submission it replaced (or None) and the number of values recorded for `year`. The year's rows end
    with its Kenmerk row (seal_row), which names `document`, the final report."""
    earlier = [s for s in plan.submitted if s.year == year]
    kept = [s for s in plan.submitted if s.year != year]
    new = submission_rows(plan, year, day)
    rows = [*new, seal_row(year, day, new, document)]
    return sorted([*kept, *rows], key=lambda s: s.year), (earlier[0].day if earlier else None), len(new)


def record_lines(rows: list[Submission]) -> list[list[object]]:
    """The Ingediend sheet's cells from A1: title, hint, headers, one line per submitted value."""
    lines: list[list[object]] = [[TITLE], [HINT], list(HEADERS)]
    lines += [[s.year, s.day.isoformat() if s.day else "", s.sheet, s.code, s.key, s.header, s.value] for s in rows]
    return lines


@writes_workbook
def write_submission(
    path: str | Path, plan: Plan, year: int, day: date, document: str = ""
) -> tuple[Path, date | None, int]:
    """Record the year's submission (replacing an earlier one of the same year) after today's backup.
    Returns the backup, the day of the submission it replaced (or None) and the number of values recorded."""
    staged = stage_submission(path, plan, year, day, document)
    return staged.write(), staged.replaced, staged.count


@dataclass
class StagedRecord:
    """The workbook with the year's record put in, not written yet: `write` writes it (after today's backup)."""

    path: Path
    package: object
    replaced: date | None
    count: int

    def write(self) -> Path:
        """Write the workbook with its new record; returns today's backup copy."""
        return rewrite_with_backup(self.path, self.package.write)


def stage_submission(path: str | Path, plan: Plan, year: int, day: date, document: str = "") -> StagedRecord:
    """Everything that can refuse a record, before anything is written: the workbook readable and not open, the
    file and its folder writable, a sheet Ingediend of planrapport's own (or none); the record put in the
    package in memory."""
    path = Path(path)
    package = open_for_rewrite(path)
    check_writable(path)
    rows, replaced, count = submission_record(plan, year, day, document)
    write_record_sheet(package, SUBMITTED_SHEET, TITLE, record_lines(rows))
    return StagedRecord(path, package, replaced, count)
