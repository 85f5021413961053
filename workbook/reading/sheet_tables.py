"""A data sheet's header row, found by its column names, and its rows with each value's cell."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import datetime

from openpyxl.utils import get_column_letter

from workbook.plan import codes
from workbook.plan.errors import WorkbookError
from workbook.plan.model import Origin, ReadNote, RowValues
from workbook.plan.schema import HEADER_ROW, HEADER_SCAN_ROWS, Sheet, normalize_header
from workbook.reading import read_notes
from workbook.spreadsheet.loading import FRESH_TEMPLATE, Grid

Row = dict[str, object]


def fresh_template() -> str:
    """The advice to start from a fresh template, as the end of a sentence."""
    return FRESH_TEMPLATE[0].lower() + FRESH_TEMPLATE[1:]


def find_header(grid: Grid, required: list[str]) -> tuple[int, dict[str, int]] | None:
    """The 0-based header row and each normalized header's 0-based column, found in the first rows."""
    for index, row in enumerate(grid[:HEADER_SCAN_ROWS]):
        headers = {}
        for column, value in enumerate(row):
            key = normalize_header(value)
            if key and key not in headers:
                headers[key] = column
        if all(normalize_header(r) in headers for r in required):
            return index, headers
    return None


def _likely_header(grid: Grid, spec: Sheet) -> int | None:
    """The 0-based row among the first rows with the most of the sheet's known column names (None: none has any)."""
    known = {normalize_header(c.header) for c in spec.columns}
    counts = [
        (sum(normalize_header(v) in known for v in row), -index) for index, row in enumerate(grid[:HEADER_SCAN_ROWS])
    ]
    best = max(counts, default=(0, 0))
    return -best[1] if best[0] else None


def read_table(
    grid: Grid | None, spec: Sheet, file_name: str, notes: list[ReadNote], titles: Mapping[str, str]
) -> list[tuple[Row, Origin]]:
    """The sheet's rows by field, codes normalized, each with its Origin; refused (WorkbookError) when a required
    column is missing; the notes on its columns go to `notes`."""
    if grid is None:
        return []
    required = [c.header for c in spec.columns if c.required]
    found = find_header(grid, required)
    if found is None:
        best = _likely_header(grid, spec)
        present = {normalize_header(v) for v in grid[best]} if best is not None else set()
        absent = next(h for h in required if normalize_header(h) not in present)
        header_row = grid[best] if best is not None else ()
        guess = read_notes.closest(absent, [str(v) for v in header_row if v not in (None, "")])
        hint = f" Er staat wel een kolom '{guess}'; bedoelt u die?" if guess else ""
        where = best + 1 if best is not None else HEADER_ROW
        raise WorkbookError(
            f"{file_name}: op blad '{spec.name}' ontbreekt de kolom '{absent}' (de kolomnamen staan in "
            f"rij {where}).{hint} Geef de kolom haar naam terug, of {fresh_template()}"
        )
    header_index, headers = found
    positions = column_positions(headers, spec)
    letters = column_letters(positions)
    rows = []
    index = {f: number for number, f in enumerate(positions)}
    for offset, values in table_rows(grid, header_index, positions, clean):
        raw = RowValues(index, values)
        row: Row = dict(zip(positions, values, strict=True))
        for column in spec.columns:
            if column.kind == "code":
                row[column.field] = codes.normalize(raw[column.field])
        rows.append((row, Origin(spec.name, offset, letters, raw)))
    notes += read_notes.column_notes(grid, spec, titles.get(spec.name, spec.name), header_index, positions, bool(rows))
    return rows


def column_positions(headers: Mapping[str, int], spec: Sheet) -> dict[str, int | None]:
    """Each field of the sheet's columns and its 0-based column (None: the column is not there)."""
    return {c.field: headers.get(normalize_header(c.header)) for c in spec.columns}


def column_letters(positions: Mapping[str, int | None]) -> dict[str, str]:
    """Each field found and its column's letter."""
    return {f: get_column_letter(p + 1) for f, p in positions.items() if p is not None}


def table_rows(
    grid: Grid, header_index: int, positions: Mapping[str, int | None], cleaned: Callable[[object], object]
) -> Iterator[tuple[int, tuple[object, ...]]]:
    """The rows under the header that are not empty: the row's number and its values in the order of `positions`,
    each `cleaned`."""
    for offset, values in enumerate(grid[header_index + 1 :], start=header_index + 2):
        row = tuple(cleaned(values[p]) if p is not None and p < len(values) else None for p in positions.values())
        if all(v in (None, "") for v in row):
            continue
        yield offset, row


def clean(value: object) -> object:
    """A cell's value as read: text with its line breaks as \\n and without surrounding space, None when empty."""
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
        return value or None
    return value


def text(value: object) -> str:
    """A cell's value as the model's text: a whole number without ",0", a date as 31/12/2024."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return str(value)
