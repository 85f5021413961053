"""Read the record of submitted values (the hidden sheet Ingediend) into the model."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from workbook.loading import Grid
from workbook.model import Submission
from workbook.numbers import parse_year
from workbook.schema import HEADER_ROW, SUBMITTED_SHEET, normalize_header

TITLE = "Ingediend"
HINT = "Wat planrapport indienen per jaar indiende. Niet wijzigen: de controle vergelijkt het werkboek hiermee."
HEADERS = ("Jaar", "Ingediend op", "Blad", "Code", "Jaar of periode", "Kolom", "Waarde")


def read_submissions(grids: Mapping[str, Grid]) -> tuple[Submission, ...]:
    """The rows of the Ingediend sheet (none when the workbook has no such sheet)."""
    grid = next((g for name, g in grids.items() if normalize_header(name) == normalize_header(SUBMITTED_SHEET)),
                None)
    if not grid:
        return ()
    result = []
    for values in grid[HEADER_ROW:]:
        cells = [*values, *([None] * len(HEADERS))][: len(HEADERS)]
        year, day, sheet, code, key, header, value = cells
        parsed_year = parse_year(year)
        if parsed_year is None or not sheet or not code:
            continue
        result.append(Submission(parsed_year, _day(day), str(sheet), str(code), _text(key), _text(header),
                                 "" if value is None else value))
    return tuple(result)


def _day(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split()) if value is not None else ""
