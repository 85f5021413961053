"""Read the workbooks trekkers send back: which plan, year and trekker they are for, what was sent, what they filled."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from workbook import codes
from workbook.backups import is_backup
from workbook.locks import is_lock_file
from workbook.numbers import parse_year
from workbook.requests import (
    FOLLOW_UP_FIELDS,
    IDENTITY_KEYS,
    IDENTITY_KIND,
    IDENTITY_SHEET,
    MEASUREMENT_FIELDS,
    SENT_ROW,
)
from workbook.richtext import to_markup
from workbook.schema import FOLLOW_UP, HEADER_ROW, MEASUREMENTS, Sheet, normalize_header
from workbook.temporaries import is_temporary

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class ReturnedRow:
    sheet: str  # Opvolging or Metingen
    row: int  # in the returned file
    key: tuple[str, str]  # (action code, year) or (indicator code, period)
    values: dict[str, object]  # field -> value as typed
    letters: dict[str, str]  # field -> column letter in the returned file


@dataclass
class Returned:
    path: Path
    municipality: str = ""
    title: str = ""
    year: int | None = None
    lead: str = ""
    token: str = ""  # the request's fingerprint, as recorded on the officer's side (sheet Uitgevraagd)
    sent: dict[tuple[str, tuple[str, str]], dict[str, object]] = field(default_factory=dict)
    rows: list[ReturnedRow] = field(default_factory=list)
    problem: str = ""  # why the file is not a returned request at all


def returned_files(folder: Path) -> list[Path]:
    """The workbooks in a folder, without backups, lock files and planrapport's temporary files."""
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in WORKBOOK_SUFFIXES and not is_backup(p.name)
                  and not is_lock_file(p.name) and not is_temporary(p.name))


def read_returned(path: Path) -> Returned:
    result = Returned(path)
    try:
        book = load_workbook(path, rich_text=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        result.problem = "het bestand kan niet gelezen worden"
        return result
    if IDENTITY_SHEET not in book.sheetnames:
        result.problem = "dit is geen bestand van een uitvraag van planrapport"
        return result
    identity = book[IDENTITY_SHEET]
    values = {str(identity.cell(row=n, column=1).value or ""): identity.cell(row=n, column=2).value
              for n in range(1, len(IDENTITY_KEYS) + 1)}
    if _text(values.get("Soort")) != IDENTITY_KIND:
        result.problem = "dit is geen bestand van een uitvraag van planrapport"
        return result
    result.municipality = _text(values.get("Gemeente"))
    result.title = _text(values.get("Titel van het plan"))
    result.year = parse_year(values.get("Jaar"))
    result.lead = _text(values.get("Trekker"))
    result.token = _text(values.get("Kenmerk"))
    for number in range(SENT_ROW, identity.max_row + 1):
        kind = _text(identity.cell(row=number, column=1).value)
        fields = {FOLLOW_UP.name: FOLLOW_UP_FIELDS, MEASUREMENTS.name: MEASUREMENT_FIELDS}.get(kind)
        if fields is None:
            continue
        row = {f: _value(identity.cell(row=number, column=i).value) for i, f in enumerate(fields, start=2)}
        result.sent[(kind, _key(kind, row))] = row
    for spec in (FOLLOW_UP, MEASUREMENTS):
        if spec.name in book.sheetnames:
            result.rows += _rows(book[spec.name], spec)
    return result


def _rows(sheet: Worksheet, spec: Sheet) -> list[ReturnedRow]:
    headers = {normalize_header(sheet.cell(row=HEADER_ROW, column=c).value): c
               for c in range(1, sheet.max_column + 1) if sheet.cell(row=HEADER_ROW, column=c).value}
    positions = {c.field: headers.get(normalize_header(c.header)) for c in spec.columns}
    letters = {f: sheet.cell(row=HEADER_ROW, column=p).column_letter for f, p in positions.items() if p}
    rows = []
    for number in range(HEADER_ROW + 1, sheet.max_row + 1):
        values = {f: _value(sheet.cell(row=number, column=p).value) if p else None for f, p in positions.items()}
        if all(v in (None, "") for v in values.values()):
            continue
        rows.append(ReturnedRow(spec.name, number, _key(spec.name, values), values, letters))
    return rows


def _key(kind: str, row: dict[str, object]) -> tuple[str, str]:
    if kind == FOLLOW_UP.name:
        year = parse_year(row.get("year"))
        return codes.normalize(row.get("action_code")), str(year) if year is not None else _text(row.get("year"))
    return codes.normalize(row.get("indicator_code")), " ".join(_text(row.get("period")).split())


def _value(value: object) -> object:
    value = to_markup(value)
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""
