"""The buttons' entry points, run on a stand-in for the Excel book built from the example workbooks' own values."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import DENDERLEEUW, WAREGEM
from live_book_standin import StandInBook
from openpyxl import load_workbook

from planrapport import buttons
from planrapport.buttons import press, run_check, run_plan_document, run_year_report
from planrapport.cli import main
from planrapport.excel_book import as_text, format_blocks
from reporting.trends_table import trends_rows, trends_table
from reporting.validation import validate
from workbook.builders.template import build_template, fill
from workbook.reading.live_book import live_grids, read_live_plan
from workbook.reading.reader import read_plan
from workbook.sheets.writeback import FIRST_ISSUE_ROW, HEADERS, check_rows
from workbook.spreadsheet.loading import load_grids

EXAMPLES = {"denderleeuw": DENDERLEEUW, "waregem": WAREGEM}
BROKEN_PLAN = {
    "Instellingen": {
        "Gemeente": "Gent",
        "Titel van het plan": "Plan samenleven",
        "Beginjaar": 2020,
        "Eindjaar": 2025,
        "Rapportjaar": 2023,
        "Nummering": "klassiek",
    },
    "Doelstellingen": [{"Code": "1", "Titel": "Samen leven"}, {"Code": "1.1", "Titel": "Onthaal"}],
    "Resultaten": [{"Code": "1.1.1", "Resultaat": "Elke nieuwkomer krijgt een gesprek"}],
    "Acties": [{"Code": "1.1.1.1", "Tijdstip": "ooit", "Actie": "Onthaalgesprek"}],
}


def copy_of(example: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / EXAMPLES[example].name
    shutil.copyfile(EXAMPLES[example], path)
    return path


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_live_book_reads_as_the_saved_file(example):
    book = StandInBook(EXAMPLES[example])
    assert live_grids(book) == load_grids(EXAMPLES[example])
    assert read_live_plan(book) == read_plan(EXAMPLES[example])


def test_bold_phrases_are_found():
    book = StandInBook(DENDERLEEUW)
    progress = [f.progress for f in read_live_plan(book).follow_ups]
    assert any("**" in text for text in progress)
    assert progress == [f.progress for f in read_plan(DENDERLEEUW).follow_ups]


def test_excel_is_asked_about_bold_far_less_often_than_there_are_texts():
    book = StandInBook(WAREGEM)
    live_grids(book)
    texts = sum(isinstance(value, str) for rows in book.cells.values() for row in rows for value in row)
    assert book.calls["bold"] < texts / 4


def test_unsaved_edits_count(tmp_path):
    path = copy_of("denderleeuw", tmp_path)
    book = StandInBook(path)
    book.type("Instellingen", 4, 2, "Denderleeuw (test)")
    assert read_live_plan(book).settings.municipality == "Denderleeuw (test)"
    press(run_year_report, book)
    assert book.opened == [tmp_path / "jaarrapport-2023-denderleeuw-test.docx"]


@pytest.mark.parametrize("example", EXAMPLES)
def test_check_writes_the_same_rows_as_the_command_line(example, tmp_path, capsys):
    path = copy_of(example, tmp_path)
    book = StandInBook(path)
    outcome = press(run_check, book)
    plan = read_plan(path)
    report = validate(plan)
    assert main(["controleer", str(path)]) == 0
    capsys.readouterr()
    assert set(book.written) == {"Controle", "Trends"}
    assert book.written["Controle"].rows == check_rows(report.check_list())
    assert book.written["Trends"].rows == trends_rows(plan)
    table = trends_table(plan)
    assert book.written["Trends"].number_formats == table.formats and book.written["Trends"].links == table.links
    assert set(book.written["Trends"].word_colours) == {*table.verdict_ranges, *table.rule_ranges}
    assert outcome.ok and book.messages == [(outcome.message, True)]
    assert f"Controle klaar (rapportjaar {report.year}): {report.summary()}." in outcome.message
    issue = report.issues[0]
    assert book.written["Controle"].links[(FIRST_ISSUE_ROW, 3)] == f"'{issue.sheet}'!{issue.coordinate}"
    assert book.shown == ["Controle"] and book.opened == []
    assert book.statuses == ["planrapport is bezig ...", None]


@pytest.mark.parametrize("example", EXAMPLES)
def test_year_report_is_the_document_of_the_command_line(example, tmp_path, capsys):
    by_command = copy_of(example, tmp_path / "opdracht")
    by_button = copy_of(example, tmp_path / "knop")
    assert main(["jaarrapport", str(by_command)]) == 0
    expected = Path(capsys.readouterr().out.strip())
    book = StandInBook(by_button)
    outcome = press(run_year_report, book)
    assert outcome.ok, outcome.message
    assert book.opened == [by_button.parent / expected.name]
    assert book.opened[0].read_bytes() == expected.read_bytes()
    assert set(book.written) == {"Controle", "Trends"}
    assert f"Het jaarrapport is klaar: {expected.name}" in book.messages[0][0]
    assert load_grids(by_button) == load_grids(EXAMPLES[example])  # the workbook file itself is not touched


def test_plan_document_is_the_document_of_the_command_line(tmp_path, capsys):
    by_command = copy_of("waregem", tmp_path / "opdracht")
    by_button = copy_of("waregem", tmp_path / "knop")
    assert main(["beleidsplan", str(by_command)]) == 0
    expected = Path(capsys.readouterr().out.strip())
    book = StandInBook(by_button)
    outcome = press(run_plan_document, book)
    assert outcome.ok, outcome.message
    assert book.opened == [by_button.parent / expected.name]
    assert book.opened[0].read_bytes() == expected.read_bytes()
    assert set(book.written) == {"Controle"}


def test_an_existing_document_stays_and_the_new_one_gets_a_number(tmp_path):
    path = copy_of("denderleeuw", tmp_path)
    existing = tmp_path / "jaarrapport-2023-denderleeuw.docx"
    existing.write_bytes(b"van de gemeente")
    book = StandInBook(path)
    press(run_year_report, book)
    assert existing.read_bytes() == b"van de gemeente"
    assert book.opened == [tmp_path / "jaarrapport-2023-denderleeuw (2).docx"]
    assert "jaarrapport-2023-denderleeuw.docx bestond al en bleef ongewijzigd" in book.messages[0][0]


def test_a_workbook_with_errors_gets_no_document_and_is_told_where_to_look(tmp_path):
    path = tmp_path / "gent.xlsx"
    fill(build_template(), BROKEN_PLAN).save(path)
    book = StandInBook(path)
    outcome = press(run_year_report, book)
    report = validate(read_plan(path))
    assert not outcome.ok and not report.ok
    assert list(tmp_path.glob("*.docx")) == [] and book.opened == []
    assert book.written["Controle"].rows == check_rows(report.check_list())
    assert book.shown == ["Controle"]
    count = len(report.errors)
    assert book.messages == [
        (
            f"Het jaarrapport is niet gemaakt: het werkboek heeft {count} {'fout' if count == 1 else 'fouten'}.\n\n"
            "De lijst staat op het blad Controle; klik op een cel in kolom Cel om naar het probleem te gaan. "
            "Verbeter de fouten en klik opnieuw op 'Genereer jaarrapport'.",
            False,
        )
    ]


def test_an_unsaved_workbook_can_be_checked_but_gets_no_document(tmp_path):
    book = StandInBook(copy_of("denderleeuw", tmp_path), saved=False)
    assert press(run_check, book).ok
    outcome = press(run_year_report, book)
    assert not outcome.ok and outcome.message == "Bewaar het werkboek eerst."
    assert list(tmp_path.glob("*.docx")) == []


def test_an_officers_own_controle_sheet_is_left_alone(tmp_path):
    path = copy_of("denderleeuw", tmp_path)
    workbook = load_workbook(path)
    workbook.create_sheet("Controle")["A1"] = "mijn eigen notities"
    workbook.save(path)
    book = StandInBook(path)
    outcome = press(run_check, book)
    assert not outcome.ok and book.written == {}
    assert outcome.message.startswith("Het werkboek heeft al een blad 'Controle' dat planrapport niet gemaakt heeft.")
    assert book.cells["Controle"][0][0] == "mijn eigen notities"


def test_its_own_controle_sheet_is_replaced(tmp_path):
    book = StandInBook(copy_of("denderleeuw", tmp_path))
    press(run_check, book)
    first = book.written["Controle"].rows
    assert tuple(first[2]) == HEADERS
    book.written.clear()
    press(run_check, book)
    assert book.written["Controle"].rows == first


def test_an_unexpected_failure_is_one_message_with_a_log(tmp_path, monkeypatch):
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "appdata"))

    def broken(book):
        raise RuntimeError("kapot")

    book = StandInBook(copy_of("denderleeuw", tmp_path))
    outcome = press(broken, book)
    log = tmp_path / "appdata" / "planrapport" / "fouten.log"
    assert not outcome.ok
    assert outcome.message == (
        f"Er liep iets onverwacht mis (RuntimeError: kapot).\n\nUw eigen gegevens zijn niet gewijzigd. Stuur het "
        f"werkboek en het bestand {log} naar de beheerder van planrapport."
    )
    assert "RuntimeError: kapot" in log.read_text(encoding="utf-8")
    assert book.statuses[-1] is None


def test_number_formats_are_set_in_runs():
    formats = {(4, 5): "0", (5, 5): "0", (6, 5): "0.0%", (7, 5): "0", (4, 6): "0", (5, 6): "0"}
    assert format_blocks(formats) == [
        ((4, 5), (5, 5), "0"),
        ((6, 5), (6, 5), "0.0%"),
        ((7, 5), (7, 5), "0"),
        ((4, 6), (5, 6), "0"),
    ]


def test_text_goes_to_excel_as_text():
    assert [as_text(v) for v in ("1.1", "=SOM(A1)", "'citaat", "", None, 2023, 0.5)] == [
        "'1.1",
        "'=SOM(A1)",
        "''citaat",
        "",
        None,
        2023,
        0.5,
    ]


def test_the_buttons_module_imports_without_xlwings():
    code = "import sys, planrapport.buttons; print('xlwings' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(buttons.__file__).parent.parent,
    )
    assert result.stdout.strip() == "False"


def test_the_entry_points_ask_xlwings_for_the_calling_book(monkeypatch):
    import xlwings

    asked = []

    def caller():
        asked.append(True)
        raise LookupError("geen Excel")

    monkeypatch.setattr(xlwings.Book, "caller", staticmethod(caller))
    for entry in (buttons.check, buttons.year_report, buttons.plan_document):
        with pytest.raises(LookupError):
            entry()
    assert len(asked) == 3


def test_the_model_is_equal_apart_from_where_it_came_from(tmp_path):
    path = copy_of("waregem", tmp_path)
    book = StandInBook(path, saved=False)
    assert read_live_plan(book, need_file=False) == replace(read_plan(path), source=None)


def test_check_colours_the_cells_with_a_problem_and_clears_only_its_own_colours(tmp_path):
    from workbook.sheets.generated_sheets import ERROR_FILL, cell_marks

    path = tmp_path / "gent.xlsx"
    fill(build_template(), BROKEN_PLAN).save(path)
    book = StandInBook(path)
    press(run_check, book)
    checks = validate(read_plan(path)).check_list()
    marks = cell_marks(checks, book.sheet_names())
    assert marks["Acties"] and all(book.fills["Acties"][cell] == colour for cell, colour in marks["Acties"].items())
    assert ERROR_FILL in book.fills["Acties"].values()
    assert book.rendered["Controle"].fills[(FIRST_ISSUE_ROW, 1)] in (ERROR_FILL, "FFFFEEB0")
    book.mark_cells({name: {} for name in marks}, clear=frozenset({ERROR_FILL, "FFFFEEB0"}))
    assert not any(colour in (ERROR_FILL, "FFFFEEB0") for name in marks for colour in book.fills[name].values())
