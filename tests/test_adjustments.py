"""Blad Bijsturing: read into the model, checked by controleer, and shown in the year report of its year."""

from __future__ import annotations

import copy
import importlib.util
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from conftest import FIXTURES
from documents_support import REPORT_DATE, all_texts

from reporting.documents import render_year_report
from reporting.documents.contexts.report_context import adjustments_in
from reporting.validation import validate
from workbook.builders.template import build_template, fill
from workbook.plan.dates import parse_day
from workbook.plan.model import Adjustment
from workbook.reading.adjustments import read_adjustments
from workbook.reading.reader import read_plan
from workbook.storage.files import save_workbook
from xlsx_templates import example_path


def _base() -> dict:
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "validatie" / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return copy.deepcopy(module.BASE)


def _plan(tmp_path: Path, *rows: dict, change=None):
    data = _base()
    data["Bijsturing"] = list(rows)
    if change:
        change(data)
    path = tmp_path / "plan.xlsx"
    save_workbook(fill(build_template(), data), path, overwrite=True)
    return read_plan(path)


STOP = {
    "Datum": datetime(2023, 3, 12),
    "Code": "1.1.1.1",
    "Wat": "actie stopgezet",
    "Beslist door": "gemeenteraad",
    "Reden": "PIN vzw stopt met het onthaal.",
}
TARGET = {
    "Datum": "2 oktober 2023",
    "Code": "1.1.1-I1",
    "Wat": "streefwaarde gewijzigd",
    "Van": 250,
    "Naar": 300,
    "Beslist door": "college van burgemeester en schepenen",
    "Reden": "Meer nieuwkomers dan verwacht",
}


def test_the_rows_are_read_with_their_dates_and_cells(tmp_path):
    plan = _plan(tmp_path, STOP, TARGET)
    first, second = plan.adjustments
    assert (first.code, first.kind, first.day, first.decided_by) == (
        "1.1.1.1",
        "actie stopgezet",
        date(2023, 3, 12),
        "gemeenteraad",
    )
    assert (second.day, second.previous, second.new) == (date(2023, 10, 2), "250", "300")
    assert second.origin.cell("new") == "Bijsturing!E5"
    assert parse_day("12/03/2024") == date(2024, 3, 12) == parse_day("2024-03-12")
    assert parse_day("31/02/2024") is None and parse_day("volgend jaar") is None


def test_an_older_workbook_without_the_sheet_reads_as_before():
    plan = read_plan(FIXTURES / "validatie" / "geldig.xlsx")
    assert plan.adjustments == () and plan.notes == ()
    assert read_adjustments({}) == ()
    for name in ("waregem-2011-2013", "denderleeuw-2023"):
        assert read_plan(example_path(name)).adjustments == ()


def test_a_stopped_action_needs_its_follow_up_to_say_stopgezet(tmp_path):
    plan = _plan(tmp_path, STOP)
    assert [(i.code, i.cell, i.message) for i in validate(plan).issues] == [
        (
            "stopgezet-niet-opgevolgd",
            "Opvolging!C4",
            "Actie 1.1.1.1 is stopgezet op 12 maart 2023 (blad Bijsturing, rij 4), maar haar opvolging van 2023 heeft "
            "'In uitvoering'. Zet de status op Stopgezet.",
        )
    ]

    def stopped(data: dict) -> None:
        data["Opvolging"][0]["Status"] = "Stopgezet"

    assert validate(_plan(tmp_path, STOP, change=stopped)).issues == ()

    def no_row(data: dict) -> None:
        data["Opvolging"].pop(0)

    messages = {i.code: i.message for i in validate(_plan(tmp_path, STOP, change=no_row)).issues}
    assert messages["stopgezet-niet-opgevolgd"] == (
        "Actie 1.1.1.1 is stopgezet op 12 maart 2023, maar op blad Opvolging staat er vanaf 2023 geen rij met status "
        "Stopgezet. Voeg voor 2023 een rij toe met status Stopgezet en een stand van zaken."
    )


def test_a_changed_target_says_from_what_to_what_and_matches_the_indicator(tmp_path):
    assert validate(_plan(tmp_path, TARGET)).issues == ()
    issues = validate(_plan(tmp_path, {**TARGET, "Van": None, "Naar": 320})).issues
    assert [(i.code, i.cell, i.message) for i in issues] == [
        (
            "bijsturing-onvolledig",
            "Bijsturing!D4",
            "De streefwaarde van 1.1.1-I1 is gewijzigd, maar kolom Van is leeg. Vul in kolom Van de "
            "streefwaarde van voor "
            "de beslissing in en in kolom Naar de nieuwe.",
        ),
        (
            "streefwaarde-anders",
            "Bijsturing!E4",
            "De streefwaarde van 1.1.1-I1 is gewijzigd naar '320', maar op blad Indicatoren is de streefwaarde 300 "
            "(Indicatoren!K4). Pas de streefwaarde of kolom Naar aan, zodat ze gelijk zijn.",
        ),
    ]


def test_the_code_must_exist_and_the_date_lie_in_the_period(tmp_path):
    issues = validate(
        _plan(tmp_path, {**STOP, "Code": "1.1.1.9", "Datum": datetime(2026, 1, 5)}, {**TARGET, "Datum": None})
    ).issues
    assert [(i.code, i.cell, i.message) for i in issues] == [
        (
            "bijsturing-buiten-periode",
            "Bijsturing!A4",
            "De bijsturing van 1.1.1.9 is gedateerd op 5 januari 2026, buiten de planperiode 2020-2025. Controleer de "
            "datum; een wijziging voor een ander plan hoort in het werkboek van dat plan.",
        ),
        (
            "bijsturing-onbekende-code",
            "Bijsturing!B4",
            "De code 1.1.1.9 staat niet in het plan. Controleer de code, of voeg het onderdeel toe op zijn blad (een "
            "nieuwe actie op blad Acties).",
        ),
        (
            "bijsturing-zonder-datum",
            "Bijsturing!A5",
            "De bijsturing van 1.1.1-I1 heeft geen datum. Vul de datum van de beslissing in, bv. 12/03/2024.",
        ),
    ]


def test_the_year_report_lists_the_changes_of_its_year(tmp_path):
    def stopped(data: dict) -> None:
        data["Opvolging"][0]["Status"] = "Stopgezet"

    earlier = {**TARGET, "Datum": datetime(2022, 5, 1), "Naar": 300}
    plan = _plan(tmp_path, TARGET, STOP, earlier, change=stopped)
    assert adjustments_in(plan, 2023) == [
        {
            "datum": "12 maart 2023",
            "code": "1.1.1.1",
            "onderdeel": "Onthaalgesprekken met elke nieuwkomer",
            "wat": "Actie stopgezet",
            "beslissing": "Beslist door de gemeenteraad. PIN vzw stopt met het onthaal.",
        },
        {
            "datum": "2 oktober 2023",
            "code": "1.1.1-I1",
            "onderdeel": "Aantal onthaalgesprekken",
            "wat": "Streefwaarde gewijzigd",
            "beslissing": "Van 250 naar 300. Beslist door het college van burgemeester en schepenen. Meer nieuwkomers "
            "dan verwacht.",
        },
    ]
    texts = all_texts(render_year_report(plan, today=REPORT_DATE))
    assert "Bijsturing" in texts
    assert "In 2023 werd het plan zo bijgestuurd:" in texts
    assert "12 maart 2023" in texts and "1.1.1.1 Onthaalgesprekken met elke nieuwkomer" in texts
    assert "1 mei 2022" not in texts
    report = render_year_report(replace(plan, adjustments=()), today=REPORT_DATE)
    assert "In 2023 werd het plan zo bijgestuurd:" not in all_texts(report)


def test_a_model_row_without_a_date_is_not_in_the_report():
    row = Adjustment(code="1.1", kind="doelstelling herschreven")
    plan = replace(read_plan(FIXTURES / "validatie" / "geldig.xlsx"), adjustments=(row,))
    assert adjustments_in(plan, 2023) == []


def test_the_plan_document_notes_each_changed_item(tmp_path):
    from reporting.documents import render_plan_document

    plan = _plan(
        tmp_path,
        TARGET,
        {**TARGET, "Datum": datetime(2022, 5, 1), "Van": 200, "Naar": 250, "Beslist door": "gemeenteraad"},
    )
    texts = all_texts(render_plan_document(plan, today=REPORT_DATE))
    note = (
        "(bijgestuurd op 1 mei 2022 door de gemeenteraad: streefwaarde gewijzigd, van 200 naar 250; bijgestuurd "
        "op 2 oktober 2023 door het college van burgemeester en schepenen: streefwaarde gewijzigd, van 250 naar "
        "300)"
    )
    assert [t for t in texts if t.endswith(note)] == [t for t in texts if t.startswith("Aantal onthaalgesprekken")]
    assert len([t for t in texts if "bijgestuurd" in t]) == 1
    assert not any(
        "bijgestuurd" in t for t in all_texts(render_plan_document(replace(plan, adjustments=()), today=REPORT_DATE))
    )


def test_a_renamed_column_of_bijsturing_is_named_like_on_every_sheet(tmp_path):
    from datetime import date

    from conftest import DENDERLEEUW
    from openpyxl import load_workbook

    from workbook.reading.reader import read_plan

    book = load_workbook(DENDERLEEUW)
    sheet = book["Bijsturing"]
    headers = {cell.value: cell.column for cell in sheet[3] if cell.value}
    sheet.cell(3, headers["Reden"]).value = "Waarom"
    for header, value in {
        "Datum": date(2023, 3, 12),
        "Code": "A10900",
        "Wat": "actie verschoven",
        "Beslist door": "gemeenteraad",
        "Reden": "Geen zaal",
    }.items():
        sheet.cell(4, headers[header]).value = value
    book.save(tmp_path / "plan.xlsx")
    notes = [(n.code, n.cell) for n in read_plan(tmp_path / "plan.xlsx").notes if n.sheet == "Bijsturing"]
    letter = "ABCDEFG"[headers["Reden"] - 1]
    assert notes == [("ontbrekende-tekstkolom", "Bijsturing!A3"), ("kolom-niet-gelezen", f"Bijsturing!{letter}3")]
