"""The record of what each trekker was sent (the hidden sheet Uitgevraagd): file, fingerprint, rows, values."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from workbook.files import open_for_rewrite, rewrite_with_backup
from workbook.loading import Grid
from workbook.model import RequestedValue
from workbook.numbers import parse_year
from workbook.record_sheet import write_record_sheet
from workbook.schema import HEADER_ROW, REQUESTED_SHEET, normalize_header
from workbook.writer_lock import writes_workbook

TITLE = "Uitgevraagd"
HINT = ("Wat planrapport uitvragen aan elke trekker stuurde. Niet wijzigen: verzamelen neemt van een bestand alleen "
        "de rijen aan die hier voor dat bestand staan.")
HEADERS = ("Jaar", "Kenmerk", "Bestand", "Trekker", "Blad", "Code", "Jaar of periode", "Kolom", "Waarde")


def read_requested(grids: Mapping[str, Grid]) -> tuple[RequestedValue, ...]:
    """The rows of the Uitgevraagd sheet (none when the workbook has no such sheet)."""
    grid = next((g for name, g in grids.items() if normalize_header(name) == normalize_header(REQUESTED_SHEET)),
                None)
    if not grid:
        return ()
    result = []
    for values in grid[HEADER_ROW:]:
        cells = [*values, *([None] * len(HEADERS))][: len(HEADERS)]
        year, token, file, lead, sheet, code, key, header, value = cells
        parsed_year = parse_year(year)
        if parsed_year is None or not token or not sheet or not code:
            continue
        result.append(RequestedValue(parsed_year, _text(token), _text(file), _text(lead), _text(sheet), _text(code),
                                     _text(key), _text(header), "" if value is None else value))
    return tuple(result)


def record_lines(rows: list[RequestedValue]) -> list[list[object]]:
    """The Uitgevraagd sheet's cells from A1: title, hint, headers, one line per value sent."""
    lines: list[list[object]] = [[TITLE], [HINT], list(HEADERS)]
    lines += [[r.year, r.token, r.file, r.lead, r.sheet, r.code, r.key, r.header, r.value] for r in rows]
    return lines


@writes_workbook
def write_request_record(path: Path, rows: list[RequestedValue]) -> Path:
    """Put the record on the hidden sheet Uitgevraagd of the workbook, after today's backup; returns the backup."""
    package = open_for_rewrite(path)
    write_record_sheet(package, REQUESTED_SHEET, TITLE, record_lines(rows))
    return rewrite_with_backup(path, package.write)


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split()) if value is not None else ""
