"""Where the yearly cycle's buttons put new rows in a workbook open in Excel: below the last row of a sheet's table."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from workbook.plan.errors import WorkbookError
from workbook.plan.schema import HEADER_SCAN_ROWS, Sheet, normalize_header


def rows_to_append(
    values: Sequence[Sequence[object]], spec: Sheet, rows: Sequence[Mapping[str, object]]
) -> tuple[tuple[int, int], list[list[object]]]:
    """The first cell (row, column) for `rows` ({header: value}) on a sheet shown as `values` (from A1), and each
    row as values from that column: directly below the last row with a value in the table's columns, as the
    file command (workbook.spreadsheet.rows.TableSheet.append) puts them."""
    required = {normalize_header(c.header) for c in spec.columns if c.required}
    header_row, columns = _header(values, required)
    if not header_row:
        raise WorkbookError(
            f"Op blad '{spec.name}' staan de kolomnamen niet. Geef de kolommen hun namen terug (rij 3) en klik opnieuw."
        )
    first, last = min(columns.values()), max(columns.values())
    last_data = header_row
    for number, line in enumerate(values[header_row:], start=header_row + 1):
        if any(v not in (None, "") for v in line[first - 1 : last]):
            last_data = number
    lines = []
    for row in rows:
        line: list[object] = [None] * (last - first + 1)
        for header, value in row.items():
            column = columns.get(normalize_header(header))
            if column is not None:
                line[column - first] = value
        lines.append(line)
    return (last_data + 1, first), lines


def _header(values: Sequence[Sequence[object]], required: set[str]) -> tuple[int, dict[str, int]]:
    """The header row (0 when none) and its columns by normalized name."""
    for number, line in enumerate(values[:HEADER_SCAN_ROWS], start=1):
        columns = {normalize_header(v): c for c, v in enumerate(line, start=1) if normalize_header(v)}
        if required <= set(columns):
            return number, columns
    return 0, {}
