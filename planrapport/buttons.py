"""The workbook's buttons (Controleer, Genereer jaarrapport, Genereer beleidsplan), run from Excel through xlwings."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workbook.errors import WorkbookError
from workbook.live_book import LiveBook, SheetContent, read_live_plan
from workbook.schema import CHECK_SHEET, TRENDS_SHEET, normalize_header


@dataclass(frozen=True)
class Outcome:
    """What a button did: whether it worked, the message for the officer, a document to open, a sheet to show."""

    ok: bool
    message: str
    document: Path | None = None
    sheet: str | None = None


# ---- the entry points named in macros/planrapport.bas ----

def check() -> None:
    """Button Controleer: the checks on the Controle sheet, the trends on the Trends sheet."""
    _press(run_check)


def year_report() -> None:
    """Button Genereer jaarrapport: check, then the year report next to the workbook, opened in Word."""
    _press(run_year_report)


def plan_document() -> None:
    """Button Genereer beleidsplan: check, then the plan document next to the workbook, opened in Word."""
    _press(run_plan_document)


def _press(action: Callable[[LiveBook], Outcome]) -> None:
    import xlwings as xw

    from planrapport.excel_book import ExcelBook

    press(action, ExcelBook(xw.Book.caller()))


# ---- what the buttons do, on any book-like object ----

def press(action: Callable[[LiveBook], Outcome], book: LiveBook) -> Outcome:
    """Run a button's action and tell the officer how it went, in one message; never raises."""
    book.status("planrapport is bezig ...")
    try:
        outcome = action(book)
    except WorkbookError as error:
        outcome = Outcome(False, error.message)
    except Exception as error:  # the officer gets a message box, never a traceback
        log = _log_failure()
        outcome = Outcome(
            False,
            f"Er liep iets onverwacht mis ({type(error).__name__}: {error}).\n\nUw eigen gegevens zijn niet "
            f"gewijzigd. Stuur het werkboek en het bestand {log} naar de beheerder van planrapport.",
        )
    finally:
        book.status(None)
    message = outcome.message
    if outcome.sheet:
        try:
            book.show_sheet(outcome.sheet)
        except Exception:  # showing the sheet is a courtesy; the message still says where to look
            pass
    if outcome.document is not None:
        try:
            book.open_file(outcome.document)
        except Exception:
            message += f"\n\nWord kon het document niet zelf openen; u vindt het in {outcome.document.parent}."
    book.message(message, outcome.ok)
    return outcome


def run_check(book: LiveBook) -> Outcome:
    from reporting.validation import validate

    plan = read_live_plan(book, need_file=False)
    report = validate(plan)
    write_check(book, report)
    write_trends(book, plan, report.year)
    year = f" (rapportjaar {report.year})" if report.year else ""
    if not report.issues:
        return Outcome(True, f"Controle klaar{year}: geen fouten of waarschuwingen.\n\nDe trends van de "
                             "indicatoren staan op het blad Trends.")
    advice = ("Verbeter de fouten voor u een rapport maakt. " if not report.ok else "")
    return Outcome(
        report.ok,
        f"Controle klaar{year}: {report.summary()}.\n\nDe lijst staat op het blad Controle; klik op een cel in "
        f"kolom Cel om naar het probleem te gaan. {advice}De trends staan op het blad Trends.",
        sheet=CHECK_SHEET,
    )


def run_year_report(book: LiveBook) -> Outcome:
    from reporting.documents import YEAR_REPORT, output_name, render_year_report

    plan = read_live_plan(book)
    report, refusal = _check_before(book, plan, "het jaarrapport", "Genereer jaarrapport")
    if refusal is not None:
        return refusal
    write_trends(book, plan, report.year)
    data = render_year_report(plan)
    return _written(plan, output_name(YEAR_REPORT, plan), data, "Het jaarrapport", report)


def run_plan_document(book: LiveBook) -> Outcome:
    from reporting.documents import PLAN_DOCUMENT, output_name, render_plan_document

    plan = read_live_plan(book)
    report, refusal = _check_before(book, plan, "het beleidsplan", "Genereer beleidsplan")
    if refusal is not None:
        return refusal
    data = render_plan_document(plan)
    return _written(plan, output_name(PLAN_DOCUMENT, plan), data, "Het beleidsplan", report)


def _check_before(book: LiveBook, plan, what: str, button: str):
    """Validate as the command line does, put the list on the Controle sheet; with errors, the refusal."""
    from reporting.validation import validate

    report = validate(plan)
    write_check(book, report)
    if report.ok:
        return report, None
    count = f"{len(report.errors)} {'fout' if len(report.errors) == 1 else 'fouten'}"
    return report, Outcome(
        False,
        f"{what[0].upper()}{what[1:]} is niet gemaakt: het werkboek heeft {count}.\n\nDe lijst staat op het "
        "blad Controle; klik op een cel in kolom Cel om naar het probleem te gaan. Verbeter de fouten en klik "
        f"opnieuw op '{button}'.",
        sheet=CHECK_SHEET,
    )


def _written(plan, name: str, data: bytes, what: str, report) -> Outcome:
    from reporting.documents.output import target, write_document

    written = write_document(target(plan.source, name), data)
    message = f"{what} is klaar: {written.path.name}, in de map van het werkboek ({written.path.parent})."
    if written.renamed:
        message += f"\n\n{written.wanted.name} bestond al en bleef ongewijzigd; het nieuwe document heeft een nummer."
    if report.warnings:
        count = len(report.warnings)
        message += (f"\n\nHet werkboek heeft {count} {'waarschuwing' if count == 1 else 'waarschuwingen'}; "
                    "ze staan op het blad Controle.")
    return Outcome(True, message, document=written.path)


# ---- the sheets planrapport owns ----

def write_check(book: LiveBook, report) -> None:
    _refuse_foreign(book, CHECK_SHEET, is_own_check_sheet)
    book.write_sheet(CHECK_SHEET, check_content(report, book.sheet_names()))


def write_trends(book: LiveBook, plan, year: int | None) -> None:
    _refuse_foreign(book, TRENDS_SHEET, is_own_trends_sheet)
    book.write_sheet(TRENDS_SHEET, trends_content(plan, year))


def _refuse_foreign(book: LiveBook, name: str, is_own: Callable[[list[list[object]]], bool]) -> None:
    existing = next((s for s in book.sheet_names() if normalize_header(s) == normalize_header(name)), None)
    if existing is not None and not is_own(book.values(existing)):
        raise WorkbookError(
            f"Het werkboek heeft al een blad '{existing}' dat planrapport niet gemaakt heeft. Geef dat blad een "
            "andere naam en klik opnieuw; planrapport maakt dan zijn eigen blad."
        )


def is_own_check_sheet(values: list[list[object]]) -> bool:
    """Empty, or made by planrapport (its header row)."""
    from workbook.writeback import HEADERS

    return not _has_values(values) or tuple(_row(values, 3)[: len(HEADERS)]) == HEADERS


def is_own_trends_sheet(values: list[list[object]]) -> bool:
    from workbook.trends_sheet import INDICATOR_HEADERS

    return not _has_values(values) or tuple(_row(values, 3)[:2]) == INDICATOR_HEADERS[:2]


def _row(values: list[list[object]], number: int) -> list[object]:
    return list(values[number - 1]) if len(values) >= number else []


def _has_values(values: list[list[object]]) -> bool:
    return any(v not in (None, "") for row in values for v in row)


def check_content(report, sheet_names: list[str]) -> SheetContent:
    """The Controle sheet: the rows of workbook.writeback.check_rows, with links to the cells."""
    from workbook.writeback import FILLS, FIRST_ISSUE_ROW, WIDTHS, check_rows, link_location

    names = {normalize_header(s): s for s in sheet_names}
    checks = report.check_list()
    content = SheetContent(rows=check_rows(checks), widths=WIDTHS, wrapped_columns=(5,))
    for number, problem in enumerate(checks.rows, start=FIRST_ISSUE_ROW):
        name = names.get(normalize_header(problem.sheet))
        if name and problem.cell:  # a missing sheet or a --jaar problem has no cell to go to
            content.links[(number, 3)] = link_location(problem, name)
        if problem.severity in FILLS:
            content.fills[(number, 1)] = FILLS[problem.severity]
    return content


def trends_content(plan, year: int | None) -> SheetContent:
    """The Trends sheet: the rows of reporting.trends_table, with its number formats, links and colours."""
    from reporting.trends_table import trends_table
    from workbook.trends_sheet import INDICATOR_WIDTHS, RULE_COLOURS, VERDICT_COLOURS

    table = trends_table(plan, year)
    width = max((len(row) for row in table.rows), default=0)
    widths = tuple(INDICATOR_WIDTHS[c] if c < len(INDICATOR_WIDTHS) else 14 for c in range(width))
    colours = {area: dict(VERDICT_COLOURS) for area in table.verdict_ranges}
    colours.update({area: dict(RULE_COLOURS) for area in table.rule_ranges})
    return SheetContent(
        rows=table.rows, widths=widths, header_rows=tuple(table.headers), section_rows=tuple(table.sections),
        wrapped_columns=tuple(table.wrapped_columns), number_formats=dict(table.formats), links=dict(table.links),
        word_colours=colours, frozen="C4",
    )


def _log_failure() -> Path:
    """Append the traceback to a log file for whoever supports planrapport; returns its path."""
    folder = Path(os.environ.get("LOCALAPPDATA") or tempfile.gettempdir()) / "planrapport"
    path = folder / "fouten.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')} (Python {sys.version.split()[0]})\n")
            log.write(traceback.format_exc())
    except OSError:
        pass
    return path
