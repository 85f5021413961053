"""One trekker's request: what they are asked, and the workbook that asks it, with the hidden sheet of what was sent."""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from workbook.builders.template import FIXED_TIME, HINT_FONT, TITLE_FONT, WRAP, write_cell
from workbook.plan.model import FollowUp, Measurement, Plan
from workbook.plan.schema import FIRST_DATA_ROW, FOLLOW_UP, HEADER_ROW, LISTS, MEASUREMENTS, Column, list_range_name

IDENTITY_SHEET = "planrapport"
IDENTITY_KIND = "Uitvraag opvolging"
NO_LEAD = "zonder trekker"
PREVIOUS_SHEET = "Vorig jaar"
ACTIONS_SHEET = "Uw acties"
REQUEST_LISTS = ("Status", "Tijd", "Kleur")
FILL = PatternFill("solid", fgColor="FFFFF2CC")  # the cells to fill, as Excel's own "Invoer" style
FOLLOW_UP_FIELDS = tuple(c.field for c in FOLLOW_UP.columns)
MEASUREMENT_FIELDS = tuple(c.field for c in MEASUREMENTS.columns)
# Rows of the identity sheet: key in column A, value in column B; the rows sent follow from SENT_ROW on.
IDENTITY_KEYS = ("Soort", "Gemeente", "Titel van het plan", "Jaar", "Trekker", "Werkboek", "Kenmerk")
SENT_ROW = 10


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
