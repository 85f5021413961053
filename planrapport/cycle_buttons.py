"""The yearly cycle's buttons (Nieuw jaar, Vraag opvolging op, Verzamel opvolging, Dien in) on the open workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from planrapport.local_folder import beside, command_path_note, only_online
from planrapport.own_sheets import Outcome, refuse_foreign, sheet_named, write_check
from workbook.plan.errors import WorkbookError
from workbook.plan.model import Plan
from workbook.plan.schema import COLLECTED_SHEET, FOLLOW_UP, MEASUREMENTS, REQUESTED_SHEET, SUBMITTED_SHEET
from workbook.reading.live_book import LiveBook, SheetContent, read_live_plan

SAVE = "Bewaar het werkboek (Ctrl+S) om de wijzigingen te houden."
# Where install-windows.ps1 puts the command, as the macros name it (macros/planrapport.bas, COMMAND_LINE).
COMMAND_LINE = r"%LOCALAPPDATA%\planrapport\venv\Scripts\planrapport.exe"


def run_new_year(book: LiveBook) -> Outcome:
    """Rapportjaar + 1 (asked), set on Instellingen, with its empty rows on Opvolging and Metingen."""
    from planrapport.commands.cycle.new_year import standing_lines
    from workbook.cycle.new_year import follow_up_rows, measurement_rows, report_year_cell, year_standings
    from workbook.sheets.live_edits import rows_to_append

    plan = read_live_plan(book, need_file=False)
    current = plan.settings.report_year
    offered = current + 1 if current else plan.settings.start_year
    question = (f"Rapportjaar is nu {current}. " if current else "") + (
        "Welk rapportjaar begint u? planrapport zet het op blad Instellingen en geeft elke actie die dan loopt "
        "een lege rij op blad Opvolging en elke cijfermatige indicator een lege rij op blad Metingen."
    )
    year, refusal = _asked_year(book, plan, question, offered, "Nieuw jaar")
    if refusal is not None:
        return refusal
    follow_ups = follow_up_rows(plan, year)
    measurements = measurement_rows(plan, year)
    overdue, skipped = year_standings(plan, year)
    next_step = (
        "Volgende stap: vul op blad Acties de kolom Trekker in (wie de opvolging van de actie geeft) en "
        "klik op 'Vraag opvolging op'."
    )
    if current == year and not follow_ups and not measurements:
        return Outcome(True, f"Het werkboek staat al op rapportjaar {year}; er was niets toe te voegen.\n\n{next_step}")
    lines = []
    if current != year:
        sheet, row, column = report_year_cell(plan, book.name)
        book.set_values(_sheet(book, sheet), {(row, column): year})
        lines.append(f"Rapportjaar: {year} (was {current or 'leeg'}).")
    for spec, rows in ((FOLLOW_UP, follow_ups), (MEASUREMENTS, measurements)):
        if rows:
            name = _sheet(book, spec.name)
            first, values = rows_to_append(book.values(name), spec, rows)
            book.append_rows(name, first, values)
    lines.append(
        f"Blad Opvolging: {_count(len(follow_ups), 'rij', 'rijen')} voor {year} toegevoegd, leeg tot de "
        "trekker antwoordt."
    )
    lines.append(f"Blad Metingen: {_count(len(measurements), 'rij', 'rijen')} voor {year} toegevoegd.")
    lines += standing_lines(overdue, skipped, limit=20)
    return Outcome(True, "\n".join(lines) + f"\n\n{SAVE} {next_step}", sheet=FOLLOW_UP.name)


def run_ask(book: LiveBook) -> Outcome:
    """One small workbook per trekker in the folder 'opvolging JAAR' beside the workbook; the folder opened."""
    from planrapport.commands.cycle.ask import asked_what
    from workbook.cycle.requests import planned_requests, request_record, without_leads, write_requests
    from workbook.records.request_record import TITLE, record_lines

    found = _year_and_folder(book)
    if isinstance(found, Outcome):
        return found
    plan, year, folder = found
    planned = planned_requests(plan, year, folder)
    existing = [item.path.name for item in planned if item.path.exists()]
    if existing:
        return Outcome(
            False,
            f"In de map {folder} staan al {', '.join(existing)}. planrapport vervangt ze niet: "
            "er kunnen al antwoorden in staan.\n\nHaal de antwoorden binnen met 'Verzamel "
            "opvolging', of verplaats de bestanden naar een andere map en klik opnieuw.",
        )
    refuse_foreign(book, REQUESTED_SHEET, lambda values: is_own_sheet(values, TITLE))
    book.write_record(_sheet(book, REQUESTED_SHEET, missing_ok=True), record_lines(request_record(plan, planned, year)))
    book.save()  # verzamelen reads the record from the file: without it no reply is taken
    written = write_requests(plan, year, folder, planned=planned)
    count = _count(len(written), "bestand", "bestanden")
    return Outcome(
        True,
        f"Uitvraag opvolging {year}: {count} in de map {folder}:\n"
        + "\n".join(
            f"- {item.request.who}: {item.path.name} ({asked_what(item.request)})"
            + (" (naam ingekort)" if item.shortened else "")
            for item in written
        )
        + (f"\n\n{warning}" if (warning := without_leads(plan)) else "")
        + "\n\nWat elke trekker kreeg, staat op het verborgen blad Uitgevraagd; het werkboek is bewaard."
        "\n\nMail elk bestand naar de trekker. Zet de ingevulde bestanden die terugkomen in dezelfde map (een andere "
        "naam mag) en klik dan op 'Verzamel opvolging'.",
        document=folder,
    )


def run_collect(book: LiveBook) -> Outcome:
    """The returned files of the folder 'opvolging JAAR' merged into the open workbook; conflicts never taken."""
    from planrapport.commands.cycle.collect import collected_lines
    from workbook.cycle.collect import gather
    from workbook.spreadsheet.cells import column_number

    found = _year_and_folder(book)
    if isinstance(found, Outcome):
        return found
    plan, year, folder = found
    if not folder.is_dir():
        return Outcome(
            False,
            f"De map {folder} bestaat niet. Klik eerst op 'Vraag opvolging op': die maakt de "
            "map met een bestand per trekker. Zet de ingevulde bestanden die terugkomen in die map.",
        )
    refuse_foreign(book, COLLECTED_SHEET, is_own_collected_sheet)
    result = gather(plan, folder, year)
    for spec in (FOLLOW_UP, MEASUREMENTS):
        cells = {
            (row, column_number(letter)): value
            for (sheet, row, letter), value in result.changes.items()
            if sheet == spec.name
        }
        if cells:
            book.set_values(_sheet(book, spec.name), cells)
    lines = collected_lines(result)
    book.write_sheet(COLLECTED_SHEET, collected_content(lines))
    filled = sum(a.cells for a in result.answers)
    answers = _count(len(result.answers), "antwoord", "antwoorden")
    message = [
        f"Opvolging {year} verzameld uit de map {folder}: {answers}, "
        f"{_count(len(result.changes), 'cel', 'cellen')} overgenomen."
    ]
    if result.conflicts:
        message.append(f"Conflicten: {len(result.conflicts)} (niet overgenomen).")
    if result.clashes:
        message.append(f"Verschillende antwoorden voor dezelfde cel: {len(result.clashes)} (niet overgenomen).")
    if result.refusals:
        message.append(f"Geweigerd: {len(result.refusals)}.")
    message.append(
        f"Nog geen antwoord van: {', '.join(result.waiting)}." if result.waiting else "Iedereen heeft geantwoord."
    )
    if not result.changes:
        message.append("Er was niets nieuws om over te nemen.")
    message.append("\nHet volledige overzicht staat op blad Verzameld.")
    if result.conflicts:
        online = only_online(book)
        message.append(
            "\nBij een conflict houdt het werkboek zijn eigen waarde. Kies zelf: pas de cel aan (de cel staat op "
            "blad Verzameld), of neem de ingevulde waarden toch over vanaf de opdrachtprompt, met het werkboek "
            "bewaard en gesloten:"
            + (f" {command_path_note(online)}" if online is not None else "")
            + f'\n{COMMAND_LINE} verzamelen "{plan.source}" "{folder}" --overschrijf'
        )
    if filled:
        message.append(f"\n{SAVE} Volgende stap: klik op 'Controleer' en daarna op 'Dien in'.")
    return Outcome(True, "\n".join(message), sheet=COLLECTED_SHEET)


def run_submit(book: LiveBook) -> Outcome:
    """The final year report beside the workbook, and the record of what was submitted on the sheet Ingediend,
    all or nothing: the report is moved into place only once the workbook with its record is saved."""
    from planrapport.commands.cycle.submit import submit
    from reporting.documents.output import target
    from reporting.figures.formatting import long_date
    from reporting.submission_part import final_name
    from reporting.validation import validate
    from reporting.validation.groups.submitted import replaced_by_submitting
    from workbook.records.submitted import record_lines
    from workbook.storage.permissions import check_writable

    plan = read_live_plan(book)
    year, refusal = _asked_year(
        book,
        plan,
        "Welk jaar dient u in? planrapport maakt het definitieve jaarrapport "
        "en bewaart wat u indient op het verborgen blad Ingediend.",
        plan.settings.report_year,
        "Dien in",
    )
    if refusal is not None:
        return refusal
    refuse_foreign(book, SUBMITTED_SHEET, is_own_record)
    report = validate(plan, year)
    write_check(book, report)
    errors = [e for e in report.errors if not replaced_by_submitting(e, year)]
    if errors:
        count = _count(len(errors), "fout", "fouten")
        return Outcome(
            False,
            f"Er is niets ingediend: het werkboek heeft {count}.\n\nDe lijst staat op het blad "
            "Controle; klik op een cel in kolom Cel om naar het probleem te gaan. Verbeter de "
            "fouten en klik opnieuw op 'Dien in'.",
            sheet="Controle",
        )
    check_writable(plan.source)
    document = target(plan.source, final_name(plan, year))
    sheet = _sheet(book, SUBMITTED_SHEET, missing_ok=True)
    before = book.values(sheet) if sheet in book.sheet_names() else []

    def record(rows) -> None:
        book.write_record(sheet, record_lines(rows))
        try:
            book.save()
        except Exception:  # read-only, locked or gone: the record is taken back and nothing is submitted
            book.write_record(sheet, before or [[None]])
            raise WorkbookError(
                "Er is niets ingediend: planrapport kon het werkboek niet bewaren (is het "
                "alleen-lezen, of elders geopend?). Bewaar het werkboek zelf eens (Bestand > Opslaan "
                "als) en klik opnieuw op 'Dien in'."
            ) from None

    today = date.today()
    done = submit(plan.source, plan, year, document, today, record=record)
    actions = sum(r.year == year for r in plan.follow_ups)
    measurements = sum(m.year == year for m in plan.measurements)
    message = [
        f"Ingediend op {long_date(today)}: het definitieve jaarrapport {document.name} staat "
        f"{beside(plan.source)}. De opvolging van {_count(actions, 'actie', 'acties')} en "
        f"{_count(measurements, 'meting', 'metingen')} van {year} staat op het verborgen blad Ingediend."
    ]
    if done.replaced is not None:
        message.append(done.replaced_sentence())
    if report.warnings:
        count = len(report.warnings)
        message.append(
            f"Het werkboek heeft {count} {'waarschuwing' if count == 1 else 'waarschuwingen'}; ze staan "
            "op het blad Controle."
        )
    message.append(
        "\nHet werkboek is bewaard, zodat het verslag van de indiening blijft. Wijzigt u daarna een "
        "ingediende waarde, dan meldt 'Controleer' het."
    )
    return Outcome(True, "\n".join(message), document=document)


# ---- shared by the cycle's buttons ----


def _asked_year(
    book: LiveBook, plan: Plan, question: str, offered: int | None, button: str
) -> tuple[int, Outcome | None]:
    answer = book.ask(question, str(offered) if offered else "")
    if answer is None:
        return 0, Outcome(True, f"'{button}' is afgebroken; er is niets gewijzigd.")
    text = answer.strip()
    if not (text.isdigit() and len(text) == 4):
        return 0, Outcome(
            False,
            f"'{text}' is geen jaar. Klik opnieuw op '{button}' en typ een jaar, bv. {offered or date.today().year}.",
        )
    year = int(text)
    start, end = plan.settings.start_year, plan.settings.end_year
    if start is not None and end is not None and start <= end and not start <= year <= end:
        return 0, Outcome(
            False,
            f"{year} valt buiten de planperiode {start}-{end} (Beginjaar en Eindjaar op blad "
            f"Instellingen). Klik opnieuw op '{button}' en kies een jaar van {start} tot en "
            f"met {end}.",
        )
    return year, None


def _year_and_folder(book: LiveBook) -> tuple[Plan, int, Path] | Outcome:
    """The open workbook's plan, its report year (with rows on blad Opvolging) and the folder 'opvolging JAAR'
    beside the workbook; or the Outcome that says why not."""
    from workbook.cycle.requests import default_folder

    plan = read_live_plan(book)
    year, refusal = _year_with_rows(plan)
    if refusal is not None:
        return refusal
    return plan, year, default_folder(plan.source, year)


def _year_with_rows(plan: Plan) -> tuple[int, Outcome | None]:
    """The plan's report year when blad Opvolging has rows for it; else the Outcome that says why not."""
    year = plan.settings.report_year
    if year is None:
        return 0, Outcome(False, "Er staat geen Rapportjaar op blad Instellingen. Klik eerst op 'Nieuw jaar'.")
    if not any(r.year == year for r in plan.follow_ups):
        return 0, Outcome(False, f"Op blad Opvolging staan geen rijen voor {year}. Klik eerst op 'Nieuw jaar'.")
    return year, None


def _sheet(book: LiveBook, name: str, missing_ok: bool = False) -> str:
    """The sheet's name as the workbook spells it."""
    found = sheet_named(book, name)
    if found is None and not missing_ok:
        raise WorkbookError(f"Het blad '{name}' ontbreekt in het werkboek.")
    return found or name


def _count(number: int, one: str, more: str) -> str:
    return f"{number} {one if number == 1 else more}"


def is_own_collected_sheet(values: list[list[object]]) -> bool:
    from workbook.sheets.collected_sheet import TITLE

    return not _filled(values) or (values[0][:1] == [TITLE])


def is_own_record(values: list[list[object]]) -> bool:
    from workbook.records.submission_record import TITLE

    return is_own_sheet(values, TITLE)


def is_own_sheet(values: list[list[object]], title: str) -> bool:
    """Whether a sheet is empty or one planrapport wrote (its title in A1)."""
    return not _filled(values) or (values[0][:1] == [title])


def _filled(values: list[list[object]]) -> bool:
    return any(v not in (None, "") for row in values for v in row)


def collected_content(lines: list[str]) -> SheetContent:
    """The sheet Verzameld as the command writes it: the title, then one line per row in column A."""
    from workbook.sheets.collected_sheet import TITLE

    return SheetContent(
        rows=[[TITLE], *[[line] for line in lines]], widths=(160,), hint_rows=(), header_rows=(), frozen="A2"
    )
