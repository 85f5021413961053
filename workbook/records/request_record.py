"""The record of what each trekker was sent (the hidden sheet Uitgevraagd): file, fingerprint, rows, values."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from workbook.plan.model import RequestedValue
from workbook.plan.numbers import parse_year
from workbook.plan.schema import REQUESTED_SHEET
from workbook.records.record_sheet import read_record_lines, record_text, write_record_sheet
from workbook.spreadsheet.loading import Grid
from workbook.storage.files import edit_workbook
from workbook.storage.writer_lock import writes_workbook

TITLE = "Uitgevraagd"
HINT = (
    "Wat planrapport uitvragen aan elke trekker stuurde. Niet wijzigen: verzamelen neemt van een bestand alleen "
    "de rijen aan die hier voor dat bestand staan."
)
HEADERS = ("Jaar", "Kenmerk", "Bestand", "Trekker", "Blad", "Code", "Jaar of periode", "Kolom", "Waarde")


def read_requested(grids: Mapping[str, Grid]) -> tuple[RequestedValue, ...]:
    """The rows of the Uitgevraagd sheet (none when the workbook has no such sheet)."""
    result = []
    for cells in read_record_lines(grids, REQUESTED_SHEET, len(HEADERS)):
        year, token, file, lead, sheet, code, key, header, value = cells
        parsed_year = parse_year(year)
        if parsed_year is None or not token or not sheet or not code:
            continue
        texts = [record_text(v) for v in (token, file, lead, sheet, code, key, header)]
        result.append(RequestedValue(parsed_year, *texts, "" if value is None else value))
    return tuple(result)


def record_lines(rows: list[RequestedValue]) -> list[list[object]]:
    """The Uitgevraagd sheet's cells from A1: title, hint, headers, one line per value sent."""
    lines: list[list[object]] = [[TITLE], [HINT], list(HEADERS)]
    lines += [[r.year, r.token, r.file, r.lead, r.sheet, r.code, r.key, r.header, r.value] for r in rows]
    return lines


@writes_workbook
def write_request_record(path: Path, rows: list[RequestedValue]) -> Path:
    """Put the record on the hidden sheet Uitgevraagd of the workbook, after today's backup; returns the backup."""
    return edit_workbook(path, lambda package: write_record_sheet(package, REQUESTED_SHEET, TITLE, record_lines(rows)))
