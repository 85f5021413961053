"""Ask each trekker for a year's follow-up: one small workbook per trekker with their actions and rows to fill."""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from workbook.builders.template import FIXED_TIME, HINT_FONT, TITLE_FONT, WRAP, write_cell
from workbook.plan import codes
from workbook.plan.errors import WorkbookError
from workbook.plan.model import FollowUp, Measurement, Plan, RequestedValue
from workbook.plan.schema import (
    ACTIONS,
    FIRST_DATA_ROW,
    FOLLOW_UP,
    HEADER_ROW,
    LISTS,
    MEASUREMENTS,
    Column,
    list_range_name,
)
from workbook.records.request_record import write_request_record
from workbook.storage.backups import name_max
from workbook.storage.files import write_atomically
from workbook.storage.writer_lock import writes_workbook

IDENTITY_SHEET = "planrapport"
IDENTITY_KIND = "Uitvraag opvolging"
NO_LEAD = "zonder trekker"
PREVIOUS_SHEET = "Vorig jaar"
ACTIONS_SHEET = "Uw acties"
REQUEST_LISTS = ("Status", "Tijd", "Kleur")
FILL = PatternFill("solid", fgColor="FFFFF2CC")  # the cells to fill, as Excel's own "Invoer" style
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
FOLLOW_UP_FIELDS = tuple(c.field for c in FOLLOW_UP.columns)
MEASUREMENT_FIELDS = tuple(c.field for c in MEASUREMENTS.columns)
# Rows of the identity sheet: key in column A, value in column B; the rows sent follow from SENT_ROW on.
IDENTITY_KEYS = ("Soort", "Gemeente", "Titel van het plan", "Jaar", "Trekker", "Werkboek", "Kenmerk")
SENT_ROW = 10
_LOCK_ROOM = 10  # bytes kept free in a file name for the lock files of Excel (~$) and LibreOffice (.~lock.#)


@dataclass
class Request:
    """What one trekker is asked: their actions, last year's rows and this year's rows to fill."""

    lead: str  # "" for the actions without a trekker
    action_codes: list[str] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    previous: list[FollowUp] = field(default_factory=list)
    measurements: list[Measurement] = field(default_factory=list)

    @property
    def who(self) -> str:
        return self.lead or NO_LEAD


def requests_for(plan: Plan, year: int) -> list[Request]:
    """One request per trekker of the actions with a follow-up row for `year`, in the order of the Acties sheet;
    actions without a trekker, and measurements of indicators under no trekker's action, in the last one."""
    actions = {a.code: a for a in plan.actions}
    by_lead: dict[str, Request] = {}
    rows = [r for r in plan.follow_ups if r.year == year and r.action_code in actions]
    if not rows:
        raise WorkbookError(
            f"op blad Opvolging staan geen rijen voor {year}. Begin het jaar met 'planrapport nieuw-jaar "
            f"{plan.source.name if plan.source else 'PAD'} {year}'."
        )
    order = {a.code: i for i, a in enumerate(plan.actions)}
    for row in sorted(rows, key=lambda r: order[r.action_code]):
        lead = " ".join(actions[row.action_code].lead.split())
        request = by_lead.setdefault(lead.casefold(), Request(lead))
        if row.action_code not in request.action_codes:
            request.action_codes.append(row.action_code)
        request.follow_ups.append(row)
    owner = {code: key for key, request in by_lead.items() for code in request.action_codes}
    for row in plan.follow_ups:
        if row.year == year - 1 and row.action_code in owner:
            by_lead[owner[row.action_code]].previous.append(row)
    for measurement in plan.measurements:
        if measurement.year != year:
            continue
        key = owner.get(codes.indicator_parent(measurement.indicator_code) or "", "")
        by_lead.setdefault(key, Request("")).measurements.append(measurement)
    named = [r for k, r in by_lead.items() if k]
    return [*named, *([by_lead[""]] if "" in by_lead else [])]


def without_leads(plan: Plan) -> str | None:
    """What to say when the workbook has no column Trekker: every action then goes to the officer's own file."""
    note = next((n for n in plan.notes if n.sheet == ACTIONS.name and n.field == "lead"), None)
    if note is None:
        return None
    where = f" ({note.cell})"
    return (
        f"Let op: op blad Acties staat geen kolom 'Trekker'{where}, dus komen alle acties in het bestand "
        f"'{NO_LEAD}'. Geef de kolom haar naam terug en vraag opnieuw op als de trekkers elk hun eigen bestand "
        "moeten krijgen."
    )


def default_folder(workbook: Path, year: int) -> Path:
    """Where the files go when no folder is named, and where the button Verzamel opvolging looks for them."""
    return workbook.parent / f"opvolging {year}"


def file_name(request: Request, year: int) -> str:
    """The file's name before names that collide or are too long are made distinct (see planned_requests)."""
    return f"opvolging {year} {_who_in_name(request)}.xlsx"


def _who_in_name(request: Request) -> str:
    return _UNSAFE.sub(" ", request.who).strip(" .") or NO_LEAD


@dataclass(frozen=True)
class Planned:
    """One file to write: the request, its path, its fingerprint and whether the trekker's name was shortened."""

    request: Request
    path: Path
    token: str
    shortened: bool = False


def planned_requests(plan: Plan, year: int, folder: Path) -> list[Planned]:
    """Every trekker's file with a name of its own: names that a file system would make the same ("Jeugd/Sport",
    "Jeugd:Sport") get " (2)", " (3)"; a name too long for the file system is shortened."""
    room = name_max(_existing(folder)) - _LOCK_ROOM
    taken: set[str] = set()
    result = []
    for request in requests_for(plan, year):
        who, shortened = _who_in_name(request), False
        number = 1
        while True:
            suffix = f" ({number})" if number > 1 else ""
            name = f"opvolging {year} {who}{suffix}.xlsx"
            while len(os.fsencode(name)) > room:
                who, shortened = who[:-1].rstrip(" ."), True
                name = f"opvolging {year} {who}{suffix}.xlsx"
            if name.casefold() not in taken:
                break
            number += 1
        taken.add(name.casefold())
        result.append(Planned(request, folder / name, request_token(plan, year, request, name), shortened))
    return result


def _existing(folder: Path) -> Path:
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder


def sent_values(request: Request) -> list[tuple[str, str, str, str, object]]:
    """What a trekker's file holds to fill: (sheet, code, year or period, column, value) for every column."""
    values: list[tuple[str, str, str, str, object]] = []
    for row in request.follow_ups:
        for column in FOLLOW_UP.columns[2:]:
            value = getattr(row, column.field)
            values.append(
                (FOLLOW_UP.name, row.action_code, str(row.year), column.header, "" if value is None else value)
            )
    for row in request.measurements:
        for column in MEASUREMENTS.columns[2:]:
            value = row.origin.raw.get(column.field, getattr(row, column.field))
            values.append(
                (
                    MEASUREMENTS.name,
                    row.indicator_code,
                    " ".join(str(row.period).split()),
                    column.header,
                    "" if value is None else value,
                )
            )
    return values


def request_token(plan: Plan, year: int, request: Request, name: str) -> str:
    """The fingerprint of one request: the plan, the year, the trekker, the file's name and every value sent."""
    content = [
        plan.settings.municipality,
        plan.settings.title,
        year,
        request.lead,
        name,
        [[str(v) for v in value] for value in sent_values(request)],
    ]
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode()).hexdigest()[:16]


def requested_rows(planned: list[Planned], year: int) -> list[RequestedValue]:
    """The lines of the record Uitgevraagd for these files."""
    return [
        RequestedValue(year, p.token, p.path.name, p.request.lead, sheet, code, key, header, value)
        for p in planned
        for sheet, code, key, header, value in sent_values(p.request)
    ]


def request_record(plan: Plan, planned: list[Planned], year: int) -> list[RequestedValue]:
    """The whole record after asking: what was asked before (other years, other files) and these files."""
    new = requested_rows(planned, year)
    tokens = {p.token for p in planned}
    kept = [r for r in plan.requested if r.token not in tokens]
    return sorted([*kept, *new], key=lambda r: r.year)


def check_free(planned: list[Planned], folder: Path, overwrite: bool = False) -> None:
    existing = [p.path.name for p in planned if p.path.exists()]
    if existing and not overwrite:
        raise WorkbookError(
            f"in {folder} staan al {', '.join(existing)}. Kies een andere map met --uit, of gebruik --overschrijf."
        )


def write_requests(
    plan: Plan, year: int, folder: Path, overwrite: bool = False, planned: list[Planned] | None = None
) -> list[Planned]:
    """Write every trekker's workbook into `folder`; refuses (before writing any) when one exists already."""
    planned = planned if planned is not None else planned_requests(plan, year, folder)
    check_free(planned, folder, overwrite)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WorkbookError(f"de map {folder} kan niet gemaakt worden ({error.strerror}).") from None
    for item in planned:
        book = build_request(plan, year, item.request, item.token)
        write_atomically(item.path, book.save, overwrite=True)
    return planned


@writes_workbook
def ask(path: Path, plan: Plan, year: int, folder: Path, overwrite: bool = False) -> tuple[list[Planned], Path]:
    """Record on the workbook's sheet Uitgevraagd what each trekker is sent, then write their files. Every check
    (free names, a workbook that can be rewritten) comes first; returns the files and the workbook's backup."""
    planned = planned_requests(plan, year, folder)
    check_free(planned, folder, overwrite)
    backup = write_request_record(path, request_record(plan, planned, year))
    return write_requests(plan, year, folder, overwrite, planned), backup


def build_request(plan: Plan, year: int, request: Request, token: str = "") -> Workbook:
    book = Workbook()
    guide = book.active
    guide.title = "Uitleg"
    _write_guide(guide, plan, year, request)
    actions = {a.code: a for a in plan.actions}
    sheet = book.create_sheet(ACTIONS_SHEET)
    _title(sheet, "Uw acties", "Ter informatie: de acties uit het plan waarover wij u de opvolging vragen.")
    headers = (("Code", 11), ("Actie", 60), ("Omschrijving", 70), ("Tijdstip", 16), ("Partners", 30))
    _headers(sheet, headers)
    for number, code in enumerate(request.action_codes, start=FIRST_DATA_ROW):
        action = actions[code]
        for column, value in enumerate((code, action.title, action.description, action.timing, action.partners), 1):
            if value:
                write_cell(sheet, number, column, value)
    _protect(sheet)
    sheet = book.create_sheet(PREVIOUS_SHEET)
    _title(sheet, f"Opvolging {year - 1}", f"Ter informatie: wat voor {year - 1} over uw acties gerapporteerd werd.")
    _rows(sheet, FOLLOW_UP.columns, [[getattr(r, f) for f in FOLLOW_UP_FIELDS] for r in request.previous])
    _protect(sheet)
    sheet = book.create_sheet(FOLLOW_UP.name)
    _title(sheet, f"Opvolging {year}", "Vul de gele cellen in. Kies status, tijd en kleuren uit de keuzelijst.")
    _rows(sheet, FOLLOW_UP.columns, [[getattr(r, f) for f in FOLLOW_UP_FIELDS] for r in request.follow_ups], fixed=2)
    _protect(sheet)
    if request.measurements:
        sheet = book.create_sheet(MEASUREMENTS.name)
        _title(sheet, f"Metingen {year}", "Vul de gele cellen in: het cijfer in de eenheid van kolom Eenheid.")
        indicators = {i.code: i for i in plan.indicators}
        columns = (*MEASUREMENTS.columns, Column("Eenheid", "unit", 12), Column("Over de indicator", "text", 60))
        values = []
        for row in request.measurements:
            indicator = indicators.get(row.indicator_code)
            raw = [row.origin.raw.get(f, getattr(row, f)) for f in MEASUREMENT_FIELDS]
            values.append([*raw, indicator.unit if indicator else "", indicator.text if indicator else ""])
        _rows(sheet, columns, values, fixed=2, filled=len(MEASUREMENTS.columns))
        _protect(sheet)
    _write_lists(book, plan)
    _write_identity(book, plan, year, request, token)
    for sheet in book.worksheets:  # printed, every sheet is one page wide
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.properties.creator = "planrapport"
    book.properties.created = book.properties.modified = FIXED_TIME
    return book


def _title(sheet: Worksheet, title: str, hint: str) -> None:
    sheet.cell(row=1, column=1, value=title).font = TITLE_FONT
    sheet.cell(row=2, column=1, value=hint).font = HINT_FONT
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"


def _headers(sheet: Worksheet, headers) -> None:
    for column, (header, width) in enumerate(headers, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=header)
        cell.font = Font(bold=True)
        cell.alignment = WRAP
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[HEADER_ROW].height = 30


def _rows(sheet: Worksheet, columns, rows, fixed: int | None = None, filled: int | None = None) -> None:
    """Header and rows; with `fixed`, the columns after the first `fixed` (up to `filled`) are yellow, unlocked and
    have the drop-downs of their column."""
    _headers(sheet, [(c.header, c.width) for c in columns])
    last = FIRST_DATA_ROW + max(len(rows), 1) - 1
    for number, values in enumerate(rows, start=FIRST_DATA_ROW):
        for column, value in enumerate(values, start=1):
            if value not in (None, ""):
                write_cell(sheet, number, column, value)
    if fixed is None:
        return
    end = filled or len(columns)
    for index, column in enumerate(columns[fixed:end], start=fixed + 1):
        letter = get_column_letter(index)
        for number in range(FIRST_DATA_ROW, FIRST_DATA_ROW + len(rows)):
            cell = sheet.cell(number, index)
            cell.protection = Protection(locked=False)
            cell.fill = FILL
            if column.kind == "long":
                cell.alignment = WRAP
        if column.list_name in REQUEST_LISTS and rows:
            validation = DataValidation(
                type="list",
                formula1=list_range_name(column.list_name),
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="Onbekend woord",
                error=f"Kies een woord uit de lijst '{column.list_name}'.",
            )
            validation.add(f"{letter}{FIRST_DATA_ROW}:{letter}{last}")
            sheet.add_data_validation(validation)


def _protect(sheet: Worksheet) -> None:
    """Locked cells cannot be changed (no password: it guards against slips, not against people)."""
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False


def _write_lists(book: Workbook, plan: Plan) -> None:
    sheet = book.create_sheet("Lijsten")
    _title(sheet, "Lijsten", "De woorden van de keuzelijsten.")
    for index, name in enumerate(REQUEST_LISTS, start=1):
        words = plan.lists.get(name) or LISTS[name]
        letter = get_column_letter(index)
        sheet.cell(row=HEADER_ROW, column=index, value=name).font = Font(bold=True)
        sheet.column_dimensions[letter].width = 20
        for offset, word in enumerate(words):
            sheet.cell(row=FIRST_DATA_ROW + offset, column=index, value=word).data_type = "s"  # text, never a formula
        last = FIRST_DATA_ROW + len(words) - 1
        reference = f"'Lijsten'!${letter}${FIRST_DATA_ROW}:${letter}${last}"
        book.defined_names[list_range_name(name)] = DefinedName(list_range_name(name), attr_text=reference)
    _protect(sheet)


def _write_identity(book: Workbook, plan: Plan, year: int, request: Request, token: str) -> None:
    """The hidden sheet that says which plan, year and trekker the file is for, and the values as sent."""
    sheet = book.create_sheet(IDENTITY_SHEET)
    workbook_name = plan.source.name if plan.source else ""
    values = (IDENTITY_KIND, plan.settings.municipality, plan.settings.title, year, request.lead, workbook_name, token)
    for number, (key, value) in enumerate(zip(IDENTITY_KEYS, values, strict=True), start=1):
        sheet.cell(row=number, column=1, value=key)
        if value not in (None, ""):
            write_cell(sheet, number, 2, value)
    number = SENT_ROW
    for row in request.follow_ups:
        _sent(sheet, number, FOLLOW_UP.name, [getattr(row, f) for f in FOLLOW_UP_FIELDS])
        number += 1
    for row in request.measurements:
        _sent(sheet, number, MEASUREMENTS.name, [row.origin.raw.get(f, getattr(row, f)) for f in MEASUREMENT_FIELDS])
        number += 1
    sheet.sheet_state = "hidden"
    _protect(sheet)


def _sent(sheet: Worksheet, number: int, kind: str, values: list) -> None:
    sheet.cell(row=number, column=1, value=kind)
    for column, value in enumerate(values, start=2):
        if value not in (None, ""):
            write_cell(sheet, number, column, value)


def _write_guide(sheet: Worksheet, plan: Plan, year: int, request: Request) -> None:
    municipality = plan.settings.municipality
    whom = (
        f"Dit bestand is voor {request.lead}."
        if request.lead
        else ("Dit bestand bevat de acties zonder trekker; vul ze zelf in of geef ze aan wie ze opvolgt.")
    )
    lines = (
        (f"Opvolging {year}: {plan.settings.title}", "title"),
        (
            f"{municipality} maakt elk jaar een rapport over het plan '{plan.settings.title}'. U trekt een of meer "
            f"acties van dat plan. Wij vragen u hoe ver die acties in {year} staan. {whom}",
            "",
        ),
        ("Wat u doet", "heading"),
        (
            "1. Kijk op het blad 'Uw acties' om welke acties het gaat. Op het blad 'Vorig jaar' staat wat er vorig "
            "jaar over gerapporteerd werd.",
            "",
        ),
        (
            f"2. Vul op het blad 'Opvolging' de gele cellen in, één rij per actie: de status, de stand van zaken "
            f"(wat er in {year} gebeurde, in een paar zinnen), of de actie op schema zit (Tijd) en hoe het met het "
            "geld staat (Geld). Kies status, tijd en de kleuren (groen, oranje, rood) uit de keuzelijst.",
            "",
        ),
        (
            "3. Staat er een blad 'Metingen', vul dan ook daar de gele cellen in: het cijfer (Waarde) in de eenheid "
            "van de indicator, en de bron.",
            "",
        ),
        (
            "4. Bewaar het bestand en stuur het terug. De naam van het bestand mag u veranderen; de andere bladen, "
            "de codes en de jaren niet.",
            "",
        ),
        ("Wat er met uw antwoord gebeurt", "heading"),
        (
            "Uw antwoorden worden in het werkboek van het plan overgenomen. Staat daar intussen iets anders, dan "
            "wordt het niet zomaar vervangen: wie het plan opvolgt, bekijkt het eerst.",
            "",
        ),
    )
    sheet.column_dimensions["A"].width = 110
    for number, (text, style) in enumerate(lines, start=1):
        cell = sheet.cell(row=number, column=1, value=text)
        cell.data_type = "s"  # the plan's own words are text, never a formula
        cell.alignment = WRAP
        if style == "title":
            cell.font = Font(size=16, bold=True, color="1F3864")
        elif style == "heading":
            cell.font = Font(size=12, bold=True, color="1F3864")
        else:
            sheet.row_dimensions[number].height = 15 * (len(text) // 120 + 1) + 3
    sheet.sheet_view.showGridLines = False
