"""The workbook's buttons (Controleer, Genereer jaarrapport, Genereer beleidsplan, the yearly cycle's and those of the
end of the plan period), run from Excel through xlwings."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from planrapport.local_folder import beside, online_note, only_online
from planrapport.own_sheets import Outcome, write_check, write_trends
from workbook.plan.errors import WorkbookError
from workbook.plan.schema import CHECK_SHEET
from workbook.reading.live_book import LiveBook, read_live_plan

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


def new_year() -> None:
    """Button Nieuw jaar: Rapportjaar + 1 (asked), with its empty rows on Opvolging and Metingen."""
    from planrapport.cycle_buttons import run_new_year

    _press(run_new_year)


def ask_follow_up() -> None:
    """Button Vraag opvolging op: one small workbook per trekker in the folder 'opvolging JAAR' beside the workbook."""
    from planrapport.cycle_buttons import run_ask

    _press(run_ask)


def collect_follow_up() -> None:
    """Button Verzamel opvolging: the returned files of that folder merged into the open workbook."""
    from planrapport.cycle_buttons import run_collect

    _press(run_collect)


def submit() -> None:
    """Button Dien in: the final year report, the record of what was submitted on the hidden sheet Ingediend."""
    from planrapport.cycle_buttons import run_submit

    _press(run_submit)


def _press(action: Callable[[LiveBook], Outcome]) -> None:
    import xlwings as xw

    from planrapport.excel_book import ExcelBook
    from planrapport.local_folder import PlacedBook, place_of
    from planrapport.windows_settings import this_registry

    caller = xw.Book.caller()
    book = ExcelBook(caller)
    try:
        full_name = str(caller.api.FullName)  # the address itself, not xlwings' mapping of it
    except Exception:
        full_name = ""
    place = place_of(full_name, lambda: caller.fullname, this_registry())
    press(action, book if place is None else PlacedBook(book, place))


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
    online = only_online(book)
    if online is not None and str(online.path.parent) in message:
        message += "\n\n" + online_note(online)
        if outcome.document is not None and outcome.document != online.path.parent:
            try:
                book.open_file(online.path.parent)
            except Exception:  # the message names the folder
                pass
    if outcome.sheet:
        try:
            book.show_sheet(outcome.sheet)
        except Exception:  # showing the sheet is a courtesy; the message still says where to look
            pass
    if outcome.document is not None:
        try:
            book.open_file(outcome.document)
        except Exception:
            if outcome.document.is_dir():
                message += f"\n\nVerkenner kon de map niet zelf openen; u vindt ze op {outcome.document}."
            else:
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
        return Outcome(
            True,
            f"Controle klaar{year}: geen fouten of waarschuwingen.\n\nDe trends van de "
            "indicatoren staan op het blad Trends.",
        )
    advice = "Verbeter de fouten voor u een rapport maakt. " if not report.ok else ""
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
    message = f"{what} is klaar: {written.path.name}, {beside(plan.source)}."
    if written.renamed:
        message += f"\n\n{written.wanted.name} bestond al en bleef ongewijzigd; het nieuwe document heeft een nummer."
    if report.warnings:
        count = len(report.warnings)
        message += (
            f"\n\nHet werkboek heeft {count} {'waarschuwing' if count == 1 else 'waarschuwingen'}; "
            "ze staan op het blad Controle."
        )
    return Outcome(True, message, document=written.path)


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


# ---- the end of the plan period ----


def evaluation() -> None:
    """Button Maak evaluatie: check, then the evaluation of the whole plan period next to the workbook, opened."""
    _press(run_evaluation)


def next_plan() -> None:
    """Button Nieuw plan: the workbook of the next plan period (period and name asked), its folder opened."""
    from planrapport.period_buttons import run_next_plan

    _press(run_next_plan)


def run_evaluation(book: LiveBook) -> Outcome:
    """The evaluation as planrapport evaluatie makes it; an ONTWERP, which it says, while the period runs."""
    from reporting.documents import evaluation_name, render_evaluation
    from reporting.documents.contexts.evaluation_context import running_note
    from reporting.evaluation import evaluate

    plan = read_live_plan(book)
    report, refusal = _check_before(book, plan, "de evaluatie", "Maak evaluatie")
    if refusal is not None:
        return refusal
    today = dt.date.today()
    data = render_evaluation(plan, today=today)
    outcome = _written(plan, evaluation_name(plan), data, "De evaluatie", report)
    note = running_note(evaluate(plan, today))
    if note:
        outcome = Outcome(
            True,
            f"{outcome.message}\n\nHet is een ONTWERP: {note[:1].lower()}{note[1:]} Maak de "
            "evaluatie opnieuw als het laatste jaar voorbij is.",
            document=outcome.document,
        )
    return outcome
