"""The free chapters of the sheet Hoofdstukken (written by the Word import) read into the model."""

from __future__ import annotations

from collections.abc import Mapping

from openpyxl.utils import get_column_letter

from workbook.plan.model import Chapter, Origin
from workbook.plan.schema import CHAPTERS, HEADER_ROW, normalize_header
from workbook.spreadsheet.loading import Grid

AFTER = "na"


def read_chapters(grids: Mapping[str, Grid]) -> tuple[Chapter, ...]:
    """The chapters in sheet order; a workbook without the sheet has none."""
    grid = next((g for name, g in grids.items() if normalize_header(name) == normalize_header(CHAPTERS.name)), None)
    if not grid:
        return ()
    header_index = _header_index(grid)
    if header_index is None:
        return ()
    headers = {normalize_header(v): i for i, v in enumerate(grid[header_index]) if v not in (None, "")}
    positions = {c.field: headers.get(normalize_header(c.header)) for c in CHAPTERS.columns}
    letters = {f: get_column_letter(p + 1) for f, p in positions.items() if p is not None}
    chapters = []
    for number, row in enumerate(grid[header_index + 1 :], start=header_index + 2):
        values = {f: _text(row[p]) if p is not None and p < len(row) else "" for f, p in positions.items()}
        if not values["title"] and not values["text"]:
            continue
        chapters.append(
            Chapter(
                title=values["title"],
                text=values["text"],
                after=values["position"].casefold() == AFTER,
                origin=Origin(CHAPTERS.name, number, letters, dict(values)),
            )
        )
    return tuple(chapters)


def _header_index(grid: Grid) -> int | None:
    wanted = normalize_header(CHAPTERS.columns[0].header)
    for index, row in enumerate(grid[: HEADER_ROW + 9]):
        if any(normalize_header(v) == wanted for v in row):
            return index
    return None


def _text(value: object) -> str:
    if value is None:
        return ""
    return str(value).replace("\r\n", "\n").strip()
