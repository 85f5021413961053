"""Build the plan workbook from the sheet definitions, and fill it with rows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from workbook.plan.schema import (
    ADJUSTMENTS,
    DATA_SHEETS,
    FIRST_DATA_ROW,
    GUIDE_SHEET,
    HEADER_ROW,
    LISTS,
    LISTS_SHEET,
    SETTINGS,
    SETTINGS_SHEET,
    TEMPLATE_ROWS,
    Sheet,
    list_range_name,
)
from workbook.spreadsheet.richtext import to_rich_text

FIXED_TIME = datetime(2026, 1, 1)
LIST_ROWS = 50
TITLE_FONT = Font(size=14, bold=True, color="1F3864")
HINT_FONT = Font(italic=True, color="595959")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")

GUIDE = (
    ("Planrapport: uw beleidsplan in Excel, uw jaarrapport in Word", "title"),
    (
        "Dit werkboek bevat uw beleidsplan integratie / samenleven en de opvolging ervan. "
        "planrapport leest het, controleert het en maakt er het jaarrapport en het beleidsplan in Word van.",
        "",
    ),
    ("Zo vult u het in", "heading"),
    (
        "1. Instellingen: vul de gemeente, de titel van het plan, de planperiode en het rapportjaar in. "
        "Kies de nummering: 'klassiek' (SD 1, OD 1.1, resultaat 1.1.1, actie 1.1.1.1), 'klassiek zonder "
        "resultaten' (SD 1, OD 1.1, actie 1.1.1) of 'BBC' (BD109, AP1090, A10900).",
        "",
    ),
    (
        "Een plan zonder resultaten, met de acties rechtstreeks onder de operationele doelstelling (SD 1, OD 1.1, "
        "acties 1.1.1, 1.1.2, ...): kies 'klassiek zonder resultaten' en laat blad Resultaten leeg. Een actie krijgt "
        "de code van haar operationele doelstelling en een volgnummer: 1.1.2 is de tweede actie van OD 1.1. Het "
        "beleidsplan toont dan per operationele doelstelling één rij per actie, met omschrijving, timing, trekker, "
        "partners en budget, zoals de gemeenteraad het plan schreef.",
        "",
    ),
    ("2. Doelstellingen: één rij per strategische en operationele doelstelling, met titel, motivering en domein.", ""),
    ("3. Resultaten (alleen bij nummering 'klassiek'): één rij per verwacht resultaat (1.1.1, 1.1.2, ...).", ""),
    (
        "4. Acties: één rij per actie. De code zegt waar de actie onder valt: 1.1.1.1 is de eerste actie van "
        "resultaat 1.1.1; zonder resultaten is 1.1.1 de eerste actie van OD 1.1; A10900 valt onder actieplan "
        "AP1090. Tijdstip zoals in het plan: 'Jaarlijks', '2011', "
        "'Vanaf 2012', '2011-2013', 'Per 2 jaar'. Bij 'Zie ook' noemt u andere acties, bv. 'A30002 ...'.",
        "",
    ),
    (
        "5. Opvolging: elk jaar één rij per actie met status, stand van zaken, tijd en geld. Kies de woorden "
        "uit de keuzelijst. Een actie die vertraagd of uitgesteld is, krijgt altijd een stand van zaken die "
        "uitlegt waarom. Zet belangrijke woorden vet (Ctrl+B) of tussen **sterretjes**.",
        "",
    ),
    (
        "6. Indicatoren: één rij per indicator of evaluatieregel, met code van het resultaat of de actie + -I1, "
        "-I2 (bv. 1.3.3-I1 of A10911-I1). Tijdstip mag ook 'Norm', 'Trend' of '2013: eindmeting' zijn. "
        "Geef bij cijfermatige indicatoren de soort 'kwantitatief', de eenheid, de gewenste richting, "
        "de nulmeting en de streefwaarde.",
        "",
    ),
    (
        "7. Metingen: één rij per indicator en periode. Voeg elk jaar nieuwe rijen toe. Een periode mag "
        "ook een deel van een jaar zijn: '2021 (juni-december)'. Waarde is het cijfer in de eenheid van de "
        "indicator: een aantal, een bedrag, of bij eenheid 'percentage' het percentage zelf (22,4 of 22,4%). "
        "Aandeel gebruikt u alleen naast een aantal, voor het deel dat het is (381 personen, waarvan 52%: "
        "Waarde 381, Aandeel 52%); samen in één cel mag ook: '381 (52%)'. Een percentage typt u als 52 of 52%, "
        "niet als 0,52.",
        "",
    ),
    ("8. Begroting: één rij per kostenpost en jaar, met gepland en besteed bedrag in euro.", ""),
    ("Uw eigen woorden", "heading"),
    (
        "Het blad Lijsten bevat de toegelaten woorden voor status, tijd, kleur, eenheid, richting en "
        "financiering. Past u daar een woord aan, dan volgen de keuzelijsten en de controle vanzelf.",
        "",
    ),
    ("Controleren en rapport maken", "heading"),
    (
        "Klik op 'Controleer' of typ 'planrapport controleer werkboek.xlsx'. Elk probleem komt op het blad "
        "Controle, met een link naar de cel. Daarna maakt 'Genereer jaarrapport' of 'planrapport jaarrapport "
        "werkboek.xlsx' het rapport in Word, naast dit werkboek.",
        "",
    ),
    ("Het jaarlijkse verloop", "heading"),
    (
        "In het werkboek met knoppen doet u elke stap met de knoppen hierboven of op het blad Opvolging; zonder "
        "knoppen typt u de opdracht die erbij staat.",
        "",
    ),
    (
        "1. Nieuw jaar: klik op 'Nieuw jaar' (planrapport stelt het jaar na het Rapportjaar voor) of typ 'planrapport "
        "nieuw-jaar werkboek.xlsx 2024'. Het Rapportjaar wordt 2024; elke actie die dat jaar loopt, krijgt een lege "
        "rij op blad Opvolging (alleen code en jaar: de status van 2024 vult de trekker in) en elke cijfermatige "
        "indicator een lege rij op blad Metingen. Een actie zonder rij staat in de melding, met de reden. Nog eens "
        "klikken voegt niets toe.",
        "",
    ),
    (
        "2. Opvolging vragen: vul op blad Acties de kolom Trekker in. Klik op 'Vraag opvolging op' of typ "
        "'planrapport uitvragen werkboek.xlsx': in de map 'opvolging 2024' naast dit werkboek komt één klein "
        "werkboek per trekker, met uitleg, om te mailen.",
        "",
    ),
    (
        "3. Verzamelen: zet de teruggestuurde bestanden in die map (een andere naam mag) en klik op 'Verzamel "
        "opvolging' of typ 'planrapport verzamelen werkboek.xlsx MAP'. Lege cellen krijgen het antwoord; wat u al "
        "anders invulde, blijft staan en wordt getoond op blad Verzameld, met wie nog niet antwoordde.",
        "",
    ),
    ("4. Controleren en rapport maken, zoals hierboven.", ""),
    (
        "5. Indienen: klik op 'Dien in' of typ 'planrapport indienen werkboek.xlsx --jaar 2024'. Dat maakt het "
        "definitieve rapport en bewaart wat u indiende op het verborgen blad Ingediend; wijzigt u daarna een "
        "ingediende waarde, dan meldt de controle het. Bewaar het werkboek na elke stap (de knop Dien in doet dat "
        "zelf).",
        "",
    ),
    ("Het einde van de planperiode", "heading"),
    (
        "Bijsturing: beslist de gemeenteraad of het college tijdens de periode een wijziging (een actie erbij of "
        "stopgezet, een andere streefwaarde of een ander tijdstip), pas dan het plan aan en noteer de "
        "wijziging op blad "
        "Bijsturing: datum, code, wat, van, naar, wie besliste en waarom. De controle kijkt de rijen na en het "
        "jaarrapport van dat jaar noemt ze.",
        "",
    ),
    (
        "Nieuw plan: typ 'planrapport nieuw-plan werkboek.xlsx nieuw.xlsx --periode 2026-2031'. Wat nog loopt, gaat "
        "mee; een kolom 'Loopt door' (ja of nee) op de bladen Doelstellingen, Resultaten, Acties en "
        "Indicatoren beslist "
        "het anders. Dit werkboek blijft zoals het is.",
        "",
    ),
    (
        "Kolommen en bladen toevoegen mag: planrapport leest kolommen en bladen op hun naam. Wijzig de namen "
        "niet. Wat planrapport niet leest (een eigen kolom of blad, een hernoemde kolom), meldt de controle, "
        "zodat u weet wat niet in de documenten komt.",
        "",
    ),
    ("Doen de knoppen niets?", "heading"),
    ("Dan houdt Office of Windows de macro's van dit werkboek tegen. Er zijn drie oorzaken:", ""),
    (
        "1. De macro's zijn geblokkeerd. Een gele balk 'Inhoud inschakelen': klik erop. Geen balk: een instelling "
        "van Excel of van de informaticadienst schakelt macro's uit.",
        "",
    ),
    (
        "2. Het werkboek kwam uit een mail of van het internet (het Mark of the Web): Excel opent het in de "
        "beveiligde weergave of toont een rode balk. Sluit het, kies in Verkenner Eigenschappen > Blokkering "
        "opheffen en open het opnieuw.",
        "",
    ),
    (
        "3. Een regel van Microsoft Defender verbiedt Office programma's te starten, en de knoppen starten Python. "
        "Alleen de informaticadienst kan daar een uitzondering op maken.",
        "",
    ),
    (
        "De informaticadienst ziet met 'planrapport zelftest werkboek.xlsm' welke oorzaak het is. Intussen doet u "
        "alles zonder knoppen in het venster van planrapport: typ 'planrapport venster' of kies planrapport in het "
        "menu Start.",
        "",
    ),
)


def build_template(next_plan_columns: bool = False) -> Workbook:
    """A fresh, empty plan workbook with all sheets, tables, drop-downs and the guide; `next_plan_columns` adds the
    columns Loopt door and Code vorig plan (a workbook made by nieuw-plan)."""
    workbook = Workbook()
    guide = workbook.active
    guide.title = GUIDE_SHEET
    _write_guide(guide)
    _write_settings(workbook.create_sheet(SETTINGS_SHEET))
    for sheet in DATA_SHEETS:
        _write_data_sheet(workbook.create_sheet(sheet.name), sheet, next_plan_columns)
    _write_data_sheet(workbook.create_sheet(ADJUSTMENTS.name), ADJUSTMENTS)
    _write_lists(workbook.create_sheet(LISTS_SHEET))
    workbook.properties.creator = "planrapport"
    workbook.properties.title = "Beleidsplan en opvolging"
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    return workbook


def add_sheet(workbook: Workbook, spec: Sheet, explanation: Iterable[str] = ()) -> Worksheet:
    """Add a sheet a fresh workbook does not have (the import's Hoofdstukken and Import) before Lijsten.

    Lines of `explanation` go in a column of their own, one empty column right of the table."""
    sheet = workbook.create_sheet(spec.name, index=workbook.sheetnames.index(LISTS_SHEET))
    _write_data_sheet(sheet, spec)
    column = len(spec.columns) + 2
    sheet.column_dimensions[get_column_letter(column)].width = 70
    for row, line in enumerate(explanation, start=FIRST_DATA_ROW):
        cell = sheet.cell(row=row, column=column, value=line)
        cell.alignment = WRAP
        cell.font = HINT_FONT if row > FIRST_DATA_ROW else Font(bold=True, color="1F3864")
    return sheet


def _write_guide(sheet: Worksheet) -> None:
    sheet.column_dimensions["A"].width = 110
    for row, (text, style) in enumerate(GUIDE, start=1):
        cell = sheet.cell(row=row, column=1, value=text)
        cell.alignment = WRAP
        # Row heights are not computed by Excel for files it did not write; LibreOffice would overlap lines.
        if style != "title":  # the title row is left free for the buttons of the macro workbook
            sheet.row_dimensions[row].height = 15 * (len(text) // 120 + 1) + (8 if style else 3)
        if style == "title":
            cell.font = Font(size=16, bold=True, color="1F3864")
        elif style == "heading":
            cell.font = Font(size=12, bold=True, color="1F3864")
    sheet.sheet_view.showGridLines = False


def _title(sheet: Worksheet, title: str, hint: str) -> None:
    sheet.cell(row=1, column=1, value=title).font = TITLE_FONT
    sheet.cell(row=2, column=1, value=hint).font = HINT_FONT
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"


def _write_settings(sheet: Worksheet) -> None:
    _title(sheet, "Instellingen", "Vul kolom Waarde in. Deze gegevens komen op het titelblad van de rapporten.")
    for column, (header, width) in enumerate((("Instelling", 28), ("Waarde", 45), ("Uitleg", 80)), start=1):
        sheet.cell(row=HEADER_ROW, column=column, value=header)
        sheet.column_dimensions[get_column_letter(column)].width = width
    for offset, setting in enumerate(SETTINGS):
        row = FIRST_DATA_ROW + offset
        sheet.cell(row=row, column=1, value=setting.key).font = Font(bold=True)
        sheet.cell(row=row, column=2).alignment = WRAP
        sheet.cell(row=row, column=3, value=setting.explanation).alignment = WRAP
        if setting.field == "cofinancing_min":
            sheet.cell(row=row, column=2).number_format = "# ?/?"
        if setting.kind == "year":
            _add_year_validation(sheet, f"B{row}")
        if setting.list_name:
            _add_list_validation(sheet, f"B{row}", setting.list_name)
    last = FIRST_DATA_ROW + len(SETTINGS) - 1
    _add_table(sheet, "tblInstellingen", f"A{HEADER_ROW}:C{last}")


def _write_data_sheet(sheet: Worksheet, spec: Sheet, optional: bool = False) -> None:
    _title(sheet, spec.title, spec.hint)
    last_validated = FIRST_DATA_ROW + TEMPLATE_ROWS
    columns = [c for c in spec.columns if optional or not c.optional]
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.cell(row=HEADER_ROW, column=index, value=column.header)
        sheet.column_dimensions[letter].width = column.width
        area = f"{letter}{FIRST_DATA_ROW}:{letter}{last_validated}"
        if column.list_name:
            _add_list_validation(sheet, area, column.list_name)
        elif column.kind == "year":
            _add_year_validation(sheet, area)
        elif column.hint:
            _add_hint(sheet, area, column.header, column.hint)
    sheet.row_dimensions[HEADER_ROW].height = 30
    _add_table(sheet, spec.table, f"A{HEADER_ROW}:{get_column_letter(len(columns))}{FIRST_DATA_ROW}")


def _write_lists(sheet: Worksheet) -> None:
    _title(sheet, "Lijsten", "De toegelaten woorden voor de keuzelijsten. Pas ze aan aan de woorden van uw gemeente.")
    for index, (name, values) in enumerate(LISTS.items(), start=1):
        letter = get_column_letter(index)
        sheet.cell(row=HEADER_ROW, column=index, value=name)
        sheet.column_dimensions[letter].width = max(18, len(name) + 4)
        for offset, value in enumerate(values):
            sheet.cell(row=FIRST_DATA_ROW + offset, column=index, value=value)
        first, last = f"${letter}${FIRST_DATA_ROW}", f"${letter}${FIRST_DATA_ROW + LIST_ROWS - 1}"
        reference = f"OFFSET('{LISTS_SHEET}'!{first},0,0,MAX(1,COUNTA('{LISTS_SHEET}'!{first}:{last})),1)"
        sheet.parent.defined_names[list_range_name(name)] = DefinedName(list_range_name(name), attr_text=reference)
    last_row = FIRST_DATA_ROW + max(len(v) for v in LISTS.values()) - 1
    _add_table(sheet, "tblLijsten", f"A{HEADER_ROW}:{get_column_letter(len(LISTS))}{last_row}")


def _add_table(sheet: Worksheet, name: str, ref: str) -> None:
    table = Table(displayName=name, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    sheet.add_table(table)


def _add_list_validation(sheet: Worksheet, area: str, list_name: str) -> None:
    validation = DataValidation(
        type="list",
        formula1=list_range_name(list_name),
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle="Onbekend woord",
        error=f"Kies een woord uit de lijst '{list_name}' (blad Lijsten), of voeg uw woord daar toe.",
    )
    validation.add(area)
    sheet.add_data_validation(validation)


def _add_hint(sheet: Worksheet, area: str, title: str, text: str) -> None:
    """No rule, only a note Excel shows beside the selected cell."""
    validation = DataValidation(allow_blank=True, showInputMessage=True, promptTitle=title[:32], prompt=text[:255])
    validation.add(area)
    sheet.add_data_validation(validation)


def _add_year_validation(sheet: Worksheet, area: str) -> None:
    validation = DataValidation(
        type="whole",
        operator="between",
        formula1="1990",
        formula2="2100",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Geen jaartal",
        error="Typ een jaartal, bijvoorbeeld 2023.",
    )
    validation.add(area)
    sheet.add_data_validation(validation)


def write_cell(sheet: Worksheet, row: int, column: int, value: object) -> None:
    """Write a value as data: text is a text cell whatever it starts with (=, +, -, @), **markup** becomes bold
    runs."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = to_rich_text(value)
        cell.data_type = "s"  # openpyxl makes a formula of a str that starts with =
    else:
        cell.value = value
    if isinstance(value, str) and ("\n" in value or len(value) > 40):
        cell.alignment = WRAP
    else:
        cell.alignment = TOP


def fill(workbook: Workbook, data: Mapping[str, object]) -> Workbook:
    """Write settings and rows (sheet name -> list of {header: value}) into a template workbook."""
    settings = data.get(SETTINGS_SHEET) or {}
    if settings:
        fill_settings(workbook[SETTINGS_SHEET], settings)
    for spec in (*DATA_SHEETS, ADJUSTMENTS):
        rows = data.get(spec.name) or []
        if rows:
            fill_rows(workbook[spec.name], spec, rows)
    return workbook


def fill_settings(sheet: Worksheet, values: Mapping[str, object]) -> None:
    rows = {sheet.cell(row=r, column=1).value: r for r in range(FIRST_DATA_ROW, sheet.max_row + 1)}
    for key, value in values.items():
        if key in rows and value not in (None, ""):
            write_cell(sheet, rows[key], 2, value)


def fill_rows(sheet: Worksheet, spec: Sheet, rows: Iterable[Mapping[str, object]]) -> None:
    """Write rows below the header, matching keys to header names, and grow the table to cover them."""
    headers = {
        sheet.cell(row=HEADER_ROW, column=c).value: c
        for c in range(1, sheet.max_column + 1)
        if sheet.cell(row=HEADER_ROW, column=c).value is not None
    }
    row = FIRST_DATA_ROW
    for values in rows:
        for key, value in values.items():
            if value not in (None, "") and key in headers:
                write_cell(sheet, row, headers[key], value)
        row += 1
    table = sheet.tables[spec.table]
    last_column = get_column_letter(max(headers.values()))
    table.ref = f"A{HEADER_ROW}:{last_column}{max(row - 1, FIRST_DATA_ROW)}"
