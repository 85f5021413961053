"""Read the workbooks trekkers send back: which plan, year and trekker they are for, what was sent, what they filled."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.cycle.request_book import (
    FOLLOW_UP_FIELDS,
    IDENTITY_KEYS,
    IDENTITY_KIND,
    IDENTITY_SHEET,
    MEASUREMENT_FIELDS,
    SENT_ROW,
)
from workbook.plan import codes
from workbook.plan.errors import WorkbookError, shown_name
from workbook.plan.numbers import parse_number, parse_year
from workbook.plan.schema import FOLLOW_UP, HEADER_ROW, MEASUREMENTS, Sheet, normalize_header
from workbook.spreadsheet.loading import check_file, percent_styles, percent_text
from workbook.spreadsheet.openpyxl_internals import sheet_parser
from workbook.spreadsheet.richtext import to_markup
from workbook.storage.backups import is_backup
from workbook.storage.locks import is_lock_file
from workbook.storage.temporaries import is_temporary

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
# A returned file holds a few dozen rows: far below these, and the limits keep a hostile file cheap to refuse.
MAX_UNPACKED = 20 * 1024 * 1024
MAX_ROWS = 5_000
MAX_COLUMNS = 40
MAX_TEXT = 32_767  # Excel's own limit for the text of one cell
_DOCTYPE = (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))
DAMAGED = (
    "het bestand is beschadigd of onvolledig en kan niet gelezen worden; vraag de trekker het opnieuw te "
    "bewaren in Excel en terug te sturen"
)
TRUE, FALSE = "WAAR", "ONWAAR"  # as Excel in Dutch shows a logical value


@dataclass(frozen=True)
class ReturnedRow:
    sheet: str  # Opvolging or Metingen
    row: int  # in the returned file
    key: tuple[str, str]  # (action code, year) or (indicator code, period)
    values: dict[str, object]  # field -> value as the reader of the workbook reads it
    letters: dict[str, str]  # field -> column letter in the returned file
    percent: frozenset[str] = frozenset()  # the number fields typed as a percentage (a %-cell or "45%")


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
    refusals: list[str] = field(default_factory=list)  # cells not taken, each "file, Sheet!D5: why"


@dataclass(frozen=True)
class CellError:
    """A cell that shows an error (#DIV/0!, #N/B): no value to take."""

    text: str

    def __str__(self) -> str:
        return self.text


class _Refused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


Grid = dict[int, dict[int, object]]  # row -> column -> value, only the cells with a value


def returned_files(folder: Path) -> list[Path]:
    """The workbooks in a folder, without backups, lock files and planrapport's temporary files."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() in WORKBOOK_SUFFIXES
        and not is_backup(p.name)
        and not is_lock_file(p.name)
        and not is_temporary(p.name)
    )


def other_files(folder: Path) -> list[Path]:
    """The files in a folder that are no workbook, without lock files, planrapport's own and hidden files."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() not in WORKBOOK_SUFFIXES
        and not p.name.startswith(".")
        and p.name.casefold() not in ("desktop.ini", "thumbs.db")
        and not is_backup(p.name)
        and not is_lock_file(p.name)
        and not is_temporary(p.name)
    )


def read_returned(path: Path) -> Returned:
    """Read a returned file with the guards of the workbook's own reader; never raises: what is wrong with the file
    is its `problem`, in Dutch."""
    result = Returned(path)
    try:
        _read(path, result)
    except _Refused as refused:
        result.problem = refused.reason
    except WorkbookError as error:
        result.problem = _reason(path, error.message)
    except RecursionError:
        result.problem = DAMAGED
    except Exception:  # openpyxl and the XML parser raise many kinds for damaged parts
        result.problem = DAMAGED
    if result.problem:
        result.sent, result.rows, result.refusals = {}, [], []
    return result


def _reason(path: Path, message: str) -> str:
    """A reader's message without the file's name in front and the advice meant for the officer's own workbook."""
    prefix = f"{shown_name(path)}: "
    message = message[len(prefix) :] if message.startswith(prefix) else message
    first = message.split(". ")[0].rstrip(".")
    return first or DAMAGED


def _read(path: Path, result: Returned) -> None:
    from openpyxl import load_workbook

    _check_size(path)
    check_file(path)
    _check_parts(path)
    book = load_workbook(path, read_only=True, data_only=True, rich_text=True, keep_links=False)
    try:
        if IDENTITY_SHEET not in book.sheetnames:
            raise _Refused("dit is geen bestand van een uitvraag van planrapport")
        identity = _grid(book, IDENTITY_SHEET, 1 + max(len(FOLLOW_UP_FIELDS), len(MEASUREMENT_FIELDS)))
        sheets = {
            spec.name: _grid(book, spec.name, MAX_COLUMNS)
            for spec in (FOLLOW_UP, MEASUREMENTS)
            if spec.name in book.sheetnames
        }
    finally:
        book.close()
    values = {_text(identity.get(n, {}).get(1)): identity.get(n, {}).get(2) for n in range(1, len(IDENTITY_KEYS) + 1)}
    if _text(values.get("Soort")) != IDENTITY_KIND:
        raise _Refused("dit is geen bestand van een uitvraag van planrapport")
    result.municipality = _text(values.get("Gemeente"))
    result.title = _text(values.get("Titel van het plan"))
    result.year = parse_year(values.get("Jaar"))
    result.lead = _text(values.get("Trekker"))
    result.token = _text(values.get("Kenmerk"))
    for number in sorted(n for n in identity if n >= SENT_ROW):
        cells = identity[number]
        kind = _text(cells.get(1))
        fields = {FOLLOW_UP.name: FOLLOW_UP_FIELDS, MEASUREMENTS.name: MEASUREMENT_FIELDS}.get(kind)
        if fields is None:
            continue
        row = {f: _plain(cells.get(i)) for i, f in enumerate(fields, start=2)}
        result.sent[(kind, _key(kind, row))] = row
    for spec in (FOLLOW_UP, MEASUREMENTS):
        if spec.name in sheets:
            result.rows += _rows(path, sheets[spec.name], spec, result.refusals)


def _check_size(path: Path) -> None:
    """A returned file is small: refused by its size unpacked before anything of it is read."""
    try:
        with zipfile.ZipFile(path) as archive:
            size = sum(i.file_size for i in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # check_file says what the file is
    if size > MAX_UNPACKED:
        raise _Refused(
            f"het bestand is uitgepakt groter dan {MAX_UNPACKED // (1024 * 1024)} MB; een ingevuld "
            "antwoord is veel kleiner. Vraag de trekker de antwoorden in het verstuurde bestand te typen"
        )


def _check_parts(path: Path) -> None:
    """No part holds a document type declaration: Excel never writes one, and its entities could."""
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.filename.endswith((".xml", ".rels")):
                with archive.open(info) as handle:
                    head = handle.read(4096)
                if any(marker in head for marker in _DOCTYPE):
                    raise _Refused(
                        f"het deel {info.filename} van het bestand bevat een DOCTYPE-verklaring, wat "
                        "Excel nooit schrijft"
                    )


def _grid(book: Workbook, title: str, width: int) -> Grid:
    """A sheet's cells with a value, read with the workbook reader's parser and its rules for %-formatted numbers,
    down to MAX_ROWS whatever its <dimension> says; a value further down refuses the file."""
    sheet = book[title]
    percent = percent_styles(book)
    cells: Grid = {}
    with sheet_parser(book, sheet) as parser:
        for index, row in parser.parse():
            for cell in row:
                value = cell["value"]
                if value is None or value == "":
                    continue
                if index > MAX_ROWS:
                    raise _Refused(
                        f"op blad {title} staat iets in rij {index}; een antwoord heeft hoogstens "
                        f"{MAX_ROWS:_} rijen".replace("_", ".")
                    )
                if cell["column"] > width:
                    continue
                if cell["data_type"] == "e":
                    value = CellError(str(value))
                elif cell["style_id"] in percent and isinstance(value, int | float) and not isinstance(value, bool):
                    value = percent_text(value)
                value = to_markup(value)
                if isinstance(value, str) and len(value) > MAX_TEXT:
                    raise _Refused(
                        f"de cel {title}!{_letter(cell['column'])}{cell['row']} heeft meer dan "
                        f"{MAX_TEXT:_} tekens, meer dan Excel in een cel toelaat".replace("_", ".")
                    )
                cells.setdefault(cell["row"], {})[cell["column"]] = value
    return cells


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)


def _rows(path: Path, grid: Grid, spec: Sheet, refusals: list[str]) -> list[ReturnedRow]:
    header = grid.get(HEADER_ROW, {})
    headers: dict[str, int] = {}
    for column, value in sorted(header.items()):
        headers.setdefault(normalize_header(value), column)
    positions = {c.field: headers.get(normalize_header(c.header)) for c in spec.columns}
    letters = {f: _letter(p) for f, p in positions.items() if p}
    rows = []
    for number in sorted(n for n in grid if n > HEADER_ROW):
        cells = grid[number]
        values = {f: _plain(cells.get(p)) if p else None for f, p in positions.items()}
        if all(v in (None, "") for v in values.values()):
            continue
        for name, value in values.items():
            if not isinstance(value, CellError):
                continue
            column = spec.column(name)
            if column.kind in ("text", "long") and not column.list_name and not column.required:
                refusals.append(
                    f"{path.name}, {spec.name}!{letters[name]}{number}: de cel toont een fout "
                    f"({value}); de cel wordt niet overgenomen."
                )
                values[name] = None
            else:  # a code, a year, a word of a list or a number: refused as any text that is none
                values[name] = value.text
        percent = set()
        for name, value in values.items():  # a number as the reader reads it: "12,5", "4,6%" (a %-cell) -> 12.5, 4.6
            parsed = parse_number(value) if spec.column(name).kind == "number" else None
            if parsed is not None and parsed.value is not None:
                values[name] = int(parsed.value) if parsed.value.is_integer() else parsed.value
                if parsed.percent:
                    percent.add(name)
        rows.append(ReturnedRow(spec.name, number, _key(spec.name, values), values, letters, frozenset(percent)))
    return rows


def _key(kind: str, row: dict[str, object]) -> tuple[str, str]:
    if kind == FOLLOW_UP.name:
        year = parse_year(row.get("year"))
        return codes.normalize(row.get("action_code")), str(year) if year is not None else _text(row.get("year"))
    return codes.normalize(row.get("indicator_code")), " ".join(shown_text(row.get("period")).split())


def _plain(value: object) -> object:
    """A cell's value as the workbook's reader reads it: text stripped, whole numbers as int, and what Excel shows
    for a logical value, a date and a time (a number stays a number; its column decides later)."""
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
        return value or None
    if isinstance(value, bool | date | time | timedelta):
        return shown_text(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def typed_value(value: object, kind: str, in_percent: bool = False) -> str | int | float | None:
    """A returned value as a cell of a column of this kind (schema Column.kind; "" when unknown) holds it: a number,
    into a %-formatted cell as Excel keeps it (4,6 -> 0.046); a year; else text as Excel shows it."""
    if kind == "number":
        parsed = parse_number(value)
        if parsed.value is not None:
            return parsed.value / 100 if in_percent else parsed.value
    elif kind == "year":
        year = parse_year(value)
        if year is not None:
            return year
    elif not kind and isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if value is None or isinstance(value, str):
        return value
    return shown_text(value)


def shown_text(value: object) -> str:
    """A value as Excel in Dutch shows it, for a text column: 12,5; WAAR; 01/03/2024; 14:30; 36:00."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return TRUE if value else FALSE
    if isinstance(value, datetime):
        shown = value.strftime("%d/%m/%Y")
        return shown if value.time() == time() else f"{shown} {_clock(value.time())}"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, time):
        return _clock(value)
    if isinstance(value, timedelta):
        seconds = round(value.total_seconds())
        sign, seconds = ("-", -seconds) if seconds < 0 else ("", seconds)
        hours, rest = divmod(seconds, 3600)
        shown = f"{sign}{hours}:{rest // 60:02}"
        return shown if not rest % 60 else f"{shown}:{rest % 60:02}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return (str(int(value)) if value.is_integer() else f"{value:.15g}").replace(".", ",")
    return str(value)


def _clock(value: time) -> str:
    return value.strftime("%H:%M") if not value.second else value.strftime("%H:%M:%S")


def _text(value: object) -> str:
    return " ".join(shown_text(value).split())
