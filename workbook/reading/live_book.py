"""A workbook open in Excel, read into the same grids the file reader uses: live values, bold phrases as markup."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from workbook.plan.errors import WorkbookError
from workbook.plan.model import Plan
from workbook.plan.schema import DATA_SHEETS, LISTS_SHEET, SETTINGS_SHEET, normalize_header
from workbook.reading.reader import plan_from_grids
from workbook.sheets.generated_sheets import SheetContent
from workbook.spreadsheet.loading import Grid, is_percent_format, percent_text
from workbook.spreadsheet.richtext import to_markup

# Only these sheets feed the model, so only here are bold phrases looked for.
__all__ = ["READ_SHEETS", "LiveBook", "SheetContent", "live_grids", "read_live_plan"]
READ_SHEETS = frozenset(
    normalize_header(name) for name in (SETTINGS_SHEET, LISTS_SHEET, *(s.name for s in DATA_SHEETS))
)


class LiveBook(Protocol):
    """What the buttons need from the workbook that called them; the xlwings adapter in planrapport.buttons is one.

    Rows, columns and character positions are 1-based, as in Excel."""

    name: str

    def path(self) -> Path:
        """The workbook's file on this pc; raises WorkbookError when it has none (never saved, or only online)."""

    def sheet_names(self) -> list[str]: ...

    def values(self, sheet: str) -> list[list[object]]:
        """The sheet's values from A1 to its last used cell, as Excel gives them (numbers as float)."""

    def bold(self, sheet: str, first: tuple[int, int], last: tuple[int, int]) -> bool | None:
        """Whether the text in the area is bold: True, False, or None when it is mixed."""

    def characters_bold(self, sheet: str, row: int, column: int, start: int, length: int) -> bool | None:
        """Whether `length` characters from `start` in one cell are bold: True, False, or None when mixed."""

    def number_format(self, sheet: str, first: tuple[int, int], last: tuple[int, int]) -> str | None:
        """The number format of the area ("0%", "General"), or None when its cells differ."""

    def write_sheet(self, name: str, content: SheetContent) -> None:
        """Replace the sheet `name` (added at the end when missing) with `content`."""

    def mark_cells(self, marks: dict[str, dict[tuple[int, int], str]], clear: frozenset[str]) -> None:
        """On every sheet named in `marks`: take the fills whose ARGB colour is in `clear` off all its cells, then
        fill the given cells (row, column) -> ARGB, except those with a fill of the officer's own."""

    def show_sheet(self, name: str) -> None: ...

    def open_file(self, path: Path) -> None: ...

    def message(self, text: str, ok: bool) -> None: ...

    def status(self, text: str | None) -> None: ...

    def ask(self, question: str, default: str) -> str | None:
        """The officer's answer to `question`, offered `default`; None when they cancel."""

    def set_values(self, sheet: str, cells: dict[tuple[int, int], object]) -> None:
        """Put values in single cells (row, column), keeping their formats; text stays text."""

    def append_rows(self, sheet: str, first: tuple[int, int], rows: list[list[object]]) -> None:
        """Write `rows` from the cell `first`, directly below the sheet's table, and grow the table (an Excel
        ListObject) over them, so its drop-downs and formats reach the new rows."""

    def write_record(self, name: str, rows: list[list[object]]) -> None:
        """Replace the hidden, protected sheet `name` (added when missing) with `rows` from A1."""

    def save(self) -> None:
        """Save the workbook where it is."""


def read_live_plan(book: LiveBook, need_file: bool = True) -> Plan:
    """The plan as the file reader would read it from the saved file, but with what is on screen now.

    The plan's source is the workbook's file; without `need_file` a workbook that has none is read too."""
    try:
        source = book.path()
    except WorkbookError:
        if need_file:
            raise
        source = None
    plan = plan_from_grids(live_grids(book), book.name)
    return replace(plan, source=source)


def live_grids(book: LiveBook) -> dict[str, Grid]:
    """Every sheet as rows of values, like workbook.spreadsheet.loading.load_grids gives them for the saved file."""
    grids = {}
    for name in book.sheet_names():
        rows = [[normalize_value(value) for value in row] for row in book.values(name)]
        if normalize_header(name) in READ_SHEETS:
            for row, column in percent_cells(book, name, rows):
                rows[row - 1][column - 1] = percent_text(rows[row - 1][column - 1])
            for row, column in mixed_bold_cells(book, name, rows):
                text = rows[row - 1][column - 1]
                if isinstance(text, str) and text:
                    rows[row - 1][column - 1] = to_markup(rich_text(text, bold_runs(book, name, row, column, text)))
        grids[name] = [tuple(row) for row in rows]
    return grids


def normalize_value(value: object) -> object:
    """A value as openpyxl reads it from the file: whole numbers as int (Excel hands every number over as float)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    return value


def mixed_bold_cells(book: LiveBook, sheet: str, rows: list[list[object]]) -> list[tuple[int, int]]:
    """The text cells whose characters are partly bold: each column is asked as a whole, and the parts that
    Excel calls mixed are halved until single cells remain (a column's cells are mostly all bold or all not)."""
    last_row = len(rows)
    last_column = max((len(r) for r in rows), default=0)
    found: list[tuple[int, int]] = []
    pending = [(1, last_row, column) for column in range(last_column, 0, -1)] if last_row else []
    while pending:
        top, bottom, column = pending.pop()
        if not any(
            isinstance(row[column - 1], str) and row[column - 1] for row in rows[top - 1 : bottom] if column <= len(row)
        ):
            continue
        if book.bold(sheet, (top, column), (bottom, column)) is not None:
            continue
        if top == bottom:
            found.append((top, column))
        else:
            middle = (top + bottom) // 2
            pending += [(middle + 1, bottom, column), (top, middle, column)]
    return sorted(found)


def percent_cells(book: LiveBook, sheet: str, rows: list[list[object]]) -> list[tuple[int, int]]:
    """The number cells shown as a percentage: each column asked as a whole, mixed parts halved, as for bold."""

    def numeric(value: object) -> bool:
        return isinstance(value, int | float) and not isinstance(value, bool)

    last_column = max((len(r) for r in rows), default=0)
    found: list[tuple[int, int]] = []
    pending = [(1, len(rows), column) for column in range(last_column, 0, -1)] if rows else []
    while pending:
        top, bottom, column = pending.pop()
        cells = [
            (number, row[column - 1])
            for number, row in enumerate(rows[top - 1 : bottom], start=top)
            if column <= len(row)
        ]
        if not any(numeric(value) for _, value in cells):
            continue
        code = book.number_format(sheet, (top, column), (bottom, column))
        if code is None and top < bottom:
            middle = (top + bottom) // 2
            pending += [(middle + 1, bottom, column), (top, middle, column)]
        elif is_percent_format(code or ""):
            found += [(number, column) for number, value in cells if numeric(value)]
    return sorted(found)


def bold_runs(book: LiveBook, sheet: str, row: int, column: int, text: str) -> list[tuple[str, bool]]:
    """The text of one cell cut into runs that are wholly bold or wholly not."""
    states: list[tuple[int, int, bool]] = []
    pending = [(1, len(text))]
    while pending:
        start, length = pending.pop()
        state = book.characters_bold(sheet, row, column, start, length)
        if state is None and length > 1:
            half = length // 2
            pending += [(start + half, length - half), (start, half)]
        else:
            states.append((start, length, bool(state)))
    runs: list[tuple[str, bool]] = []
    for start, length, bold in sorted(states):
        part = text[start - 1 : start - 1 + length]
        if runs and runs[-1][1] == bold:
            runs[-1] = (runs[-1][0] + part, bold)
        else:
            runs.append((part, bold))
    return runs


def rich_text(text: str, runs: list[tuple[str, bool]]) -> CellRichText | str:
    """The cell as openpyxl would read it from the file: rich text when some runs are bold."""
    if not any(bold for _, bold in runs):
        return text
    return CellRichText(*[TextBlock(InlineFont(b=True), part) if bold else part for part, bold in runs])
