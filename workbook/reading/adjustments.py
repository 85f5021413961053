"""The sheet Bijsturing (the changes the council made during the period) read into the model."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime

from openpyxl.utils import get_column_letter

from workbook.plan import codes
from workbook.plan.model import Adjustment, Origin, ReadNote, RowValues
from workbook.plan.schema import ADJUSTMENTS, HEADER_ROW, normalize_header
from workbook.reading.read_notes import column_notes
from workbook.spreadsheet.loading import Grid

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_WORDS = re.compile(r"(\d{1,2})\s+([a-z]+)\s+(\d{4})")


def read_adjustments(grids: Mapping[str, Grid], notes: list[ReadNote] | None = None) -> tuple[Adjustment, ...]:
    """The rows of the sheet in their order; a workbook without the sheet (an older one) has none. Columns of the
    sheet that are missing or renamed, and columns with data it does not read, go to `notes`, as on every sheet."""
    title, grid = next(
        ((name, g) for name, g in grids.items() if normalize_header(name) == normalize_header(ADJUSTMENTS.name)),
        ("", None),
    )
    if not grid:
        return ()
    header_index = _header_index(grid)
    if header_index is None:
        return ()
    headers: dict[str, int] = {}
    for column, value in enumerate(grid[header_index]):
        if value not in (None, ""):
            headers.setdefault(normalize_header(value), column)
    positions = {c.field: headers.get(normalize_header(c.header)) for c in ADJUSTMENTS.columns}
    letters = {f: get_column_letter(p + 1) for f, p in positions.items() if p is not None}
    index = {f: number for number, f in enumerate(positions)}
    found = []
    for number, row in enumerate(grid[header_index + 1 :], start=header_index + 2):
        values = tuple(_clean(row[p]) if p is not None and p < len(row) else None for p in positions.values())
        if all(v is None for v in values):
            continue
        raw = RowValues(index, values)
        found.append(
            Adjustment(
                code=codes.normalize(raw["code"]),
                kind=" ".join(text(raw["kind"]).split()),
                day=parse_day(raw["day"]),
                previous=text(raw["previous"]),
                new=text(raw["new"]),
                decided_by=text(raw["decided_by"]),
                reason=text(raw["reason"]),
                origin=Origin(ADJUSTMENTS.name, number, letters, raw),
            )
        )
    if notes is not None:
        notes += column_notes(grid, ADJUSTMENTS, title, header_index, positions, bool(found))
    return tuple(found)


def parse_day(value: object) -> date | None:
    """A date cell, or a date typed as text: 12/03/2024, 2024-03-12, 12 maart 2024; None otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    typed = " ".join(value.casefold().split())
    try:
        if m := _NUMERIC.fullmatch(typed):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if m := _ISO.fullmatch(typed):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if (m := _WORDS.fullmatch(typed)) and m[2] in MONTHS:
            return date(int(m[3]), MONTHS.index(m[2]) + 1, int(m[1]))
    except ValueError:
        return None
    return None


def day_in_words(day: date) -> str:
    """12 maart 2024."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return f"{value:.15g}".replace(".", ",")
    if isinstance(value, datetime | date):
        return day_in_words(value if isinstance(value, date) and not isinstance(value, datetime) else value.date())
    return str(value)


def _clean(value: object) -> object:
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").strip()
        return value or None
    return value


def _header_index(grid: Grid) -> int | None:
    wanted = {normalize_header(c.header) for c in ADJUSTMENTS.columns if c.required}
    for index, row in enumerate(grid[: HEADER_ROW + 9]):
        if wanted <= {normalize_header(v) for v in row}:
            return index
    return None


def adjustment_notes(adjustments: tuple[Adjustment, ...]) -> dict[str, str]:
    """Per code, the note the plan document prints under a changed item: "bijgestuurd op 12 maart 2024 door de
    gemeenteraad: streefwaarde gewijzigd, van 250 naar 300"; several changes of one item joined by "; "."""
    notes: dict[str, list[str]] = {}
    for adjustment in sorted((a for a in adjustments if a.code), key=lambda a: (a.day is None, a.day or date.min)):
        when = f" op {day_in_words(adjustment.day)}" if adjustment.day else ""
        who = " ".join(adjustment.decided_by.split())
        by = f" door {'het' if who.casefold().startswith('college') else 'de'} {who}" if who else ""
        what = " ".join(adjustment.kind.split()) or "gewijzigd"
        if adjustment.previous.strip() or adjustment.new.strip():
            what += f", van {adjustment.previous.strip() or '(leeg)'} naar {adjustment.new.strip() or '(leeg)'}"
        notes.setdefault(adjustment.code, []).append(f"bijgestuurd{when}{by}: {what}")
    return {code: "; ".join(found) for code, found in notes.items()}
