"""The sheet Bijsturing (the changes the council made during the period) read into the model."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from workbook.plan import codes
from workbook.plan.dates import day_in_words, parse_day
from workbook.plan.model import Adjustment, Origin, ReadNote, RowValues
from workbook.plan.schema import ADJUSTMENTS, normalize_header
from workbook.reading.read_notes import column_notes
from workbook.reading.sheet_tables import column_letters, column_positions, find_header, table_rows
from workbook.reading.sheet_tables import text as cell_text
from workbook.spreadsheet.loading import Grid


def read_adjustments(grids: Mapping[str, Grid], notes: list[ReadNote] | None = None) -> tuple[Adjustment, ...]:
    """The rows of the sheet in their order; a workbook without the sheet (an older one) has none. Columns of the
    sheet that are missing or renamed, and columns with data it does not read, go to `notes`, as on every sheet."""
    title, grid = next(
        ((name, g) for name, g in grids.items() if normalize_header(name) == normalize_header(ADJUSTMENTS.name)),
        ("", None),
    )
    if not grid:
        return ()
    header = find_header(grid, [c.header for c in ADJUSTMENTS.columns if c.required])
    if header is None:
        return ()
    header_index, headers = header
    positions = column_positions(headers, ADJUSTMENTS)
    letters = column_letters(positions)
    index = {f: number for number, f in enumerate(positions)}
    found = []
    for number, values in table_rows(grid, header_index, positions, _clean):
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


def text(value: object) -> str:
    """A Bijsturing cell as text: as on every sheet, but a fraction with a decimal comma and a date in words."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.15g}".replace(".", ",")
    if isinstance(value, datetime | date):
        return day_in_words(value if isinstance(value, date) and not isinstance(value, datetime) else value.date())
    return cell_text(value)


def _clean(value: object) -> object:
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").strip()
        return value or None
    return value


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
