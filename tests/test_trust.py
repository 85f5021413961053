"""Nothing silently lost or misread: formats, missing columns and sheets, knock-on errors, the plan's own logic."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import FIXTURES
from live_book_standin import StandInBook

from reporting.rollups import plan_rollup
from reporting.validation import validate
from workbook.reading.live_book import read_live_plan
from workbook.reading.reader import read_plan
from xlsx_templates import example_path

TRUST = FIXTURES / "vertrouwen"


def _issues(name: str) -> list[tuple[str, str, str]]:
    report = validate(read_plan(TRUST / f"{name}.xlsx"))
    return [(i.code, i.cell, i.message) for i in report.issues]


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "planrapport", *args], capture_output=True, text=True, cwd=cwd, check=False
    )


def test_a_percentage_typed_in_excel_is_read_as_shown():
    plan = read_plan(TRUST / "percentage-met-opmaak.xlsx")
    measurement = next(m for m in plan.measurements if m.indicator_code == "1.1.1-I2")
    assert measurement.value == 45
    assert measurement.origin.raw["value"] == "45%"
    assert _issues("percentage-met-opmaak") == []


def test_a_percentage_typed_in_excel_is_read_as_shown_from_the_open_workbook():
    plan = read_live_plan(StandInBook(TRUST / "percentage-met-opmaak.xlsx"))
    assert next(m for m in plan.measurements if m.indicator_code == "1.1.1-I2").value == 45


def test_a_share_below_one_without_percent_sign_is_ambiguous():
    report = validate(read_plan(FIXTURES / "validatie" / "dubbelzinnig-aandeel.xlsx"))
    assert [i.message for i in report.issues] == [
        "0,45 in kolom Aandeel is een percentage: bedoelt u 45%? planrapport leest 0,45%. Typ het percentage als "
        "getal van 0 tot 100 (45), of typ het met een %-teken zodat Excel het als percentage toont."
    ]


def test_a_date_in_a_message_reads_as_the_officer_sees_it():
    assert _issues("datum-als-periode") == [
        (
            "ongeldige-periode",
            "Metingen!B6",
            "De periode '1 december 2024' begint niet met een jaartal. Schrijf het jaar eerst, bv. '2022' of "
            "'2022 (voorjaar)'.",
        )
    ]


def test_a_renamed_column_the_report_needs_is_one_error_that_names_it():
    assert _issues("stand-van-zaken-hernoemd") == [
        (
            "ontbrekende-kolom",
            "Opvolging!D3",
            "Op blad Opvolging staat geen kolom 'Stand van zaken' (de kolomnamen staan in rij 3). Zonder die kolom "
            "mist het jaarrapport wat erin hoort. Er staat wel een kolom 'Stand v. zaken' (kolom D). Bedoelt u die "
            "kolom? Geef ze de naam 'Stand van zaken' terug.",
        )
    ]


def test_a_deleted_column_is_one_message_not_one_per_row():
    assert [(code, cell) for code, cell, _ in _issues("zonder-kolom-status")] == [("ontbrekende-kolom", "Opvolging!A3")]


def test_a_renamed_sheet_is_an_error_that_names_both_names():
    assert _issues("begroting-hernoemd") == [
        (
            "hernoemd-blad",
            "Budget!A1",
            "Het blad 'Begroting' ontbreekt; er staat wel een blad 'Budget'. Bedoelt u dat blad? planrapport leest "
            "alleen een blad met de naam 'Begroting': geef het blad die naam terug, anders komt wat erop staat niet in "
            "het jaarrapport.",
        )
    ]


@pytest.mark.parametrize(
    ("name", "code"), [("besteed-geen-getal", "geen-getal"), ("onbekende-financiering", "onbekend-woord")]
)
def test_a_bad_value_gives_no_knock_on_cofinancing_error(name, code):
    assert [c for c, _, _ in _issues(name)] == [code]


def test_a_finished_action_is_not_expected_in_later_years_a_finished_yearly_edition_is():
    plan = read_plan(TRUST / "afgeronde-actie.xlsx")
    action = next(a for a in plan.actions if a.code == "1.1.1.2")
    assert 2023 in action.years and "1.1.1.2" in plan.ended_before(2023)
    # "Vanaf 2021" comes back every year: the edition of 2022 was finished, the action runs on in 2023.
    assert [(code, cell) for code, cell, _ in _issues("afgeronde-actie")] == [("ontbrekende-opvolging", "Acties!A5")]
    assert (plan_rollup(plan, 2023).plan.actions, plan_rollup(plan, 2023).plan.followed_up) == (2, 1)
    once = replace(
        plan, actions=tuple(replace(a, timing="2023", years=(2023,)) if a is action else a for a in plan.actions)
    )
    assert validate(once).issues == ()
    rollup = plan_rollup(once, 2023).plan
    assert (rollup.actions, rollup.followed_up) == (1, 1)  # 1.1.1.1 only, not listed as without follow-up


def test_an_empty_municipality_is_an_error_with_its_cell():
    assert _issues("zonder-gemeente") == [
        (
            "ontbrekende-instelling",
            "Instellingen!B4",
            "Gemeente is niet ingevuld. Vul op blad Instellingen de naam van de gemeente in: die staat op de "
            "titelpagina en in de bestandsnaam van de documenten.",
        )
    ]


def test_the_examples_are_read_without_a_note():
    for name in ("waregem-2011-2013", "denderleeuw-2023"):
        assert read_plan(example_path(name)).notes == ()


def test_trends_with_a_year_outside_the_period_names_the_argument(tmp_path):
    shutil.copy(example_path("waregem-2011-2013"), tmp_path / "plan.xlsx")
    result = _cli("trends", str(tmp_path / "plan.xlsx"), "--jaar", "2030")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (
        "planrapport: plan.xlsx: --jaar 2030 valt buiten de planperiode 2011-2013 (Beginjaar en Eindjaar op blad "
        "Instellingen). Kies een jaar van 2011 tot en met 2013.\n"
    )


def test_a_template_named_xlsm_points_to_the_buttons_option(tmp_path):
    result = _cli("sjabloon", str(tmp_path / "nieuw.xlsm"))
    assert result.returncode == 1
    assert result.stderr == (
        "planrapport: nieuw.xlsm: een werkboek zonder knoppen moet eindigen op .xlsx. Wilt u "
        "een werkboek met knoppen, gebruik dan --met-knoppen.\n"
    )


def test_a_folder_without_a_name_is_named_by_its_path(tmp_path):
    result = _cli("controleer", ".", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == f"planrapport: {tmp_path}: dit is een map, geen Excel-bestand.\n"


def test_a_damaged_workbook_message_shows_no_program_internals():
    result = _cli("controleer", str(FIXTURES / "kapot" / "beschadigd.xlsx"))
    assert result.returncode == 1
    assert "Exception" not in result.stderr and "Error" not in result.stderr


@pytest.mark.parametrize("command", [["controleer"], ["jaarrapport", "--forceer"]])
def test_every_command_has_the_same_year_rule(tmp_path, command):
    shutil.copy(example_path("waregem-2011-2013"), tmp_path / "plan.xlsx")
    result = _cli(command[0], str(tmp_path / "plan.xlsx"), "--jaar", "2030", *command[1:])
    assert result.returncode == 1
    assert (
        "--jaar 2030 valt buiten de planperiode 2011-2013 (Beginjaar en Eindjaar op blad Instellingen). Kies "
        "een jaar van 2011 tot en met 2013."
    ) in result.stderr + result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_a_draft_says_which_data_it_could_not_read(tmp_path):
    from docx import Document

    shutil.copy(TRUST / "stand-van-zaken-hernoemd.xlsx", tmp_path / "plan.xlsx")
    result = _cli("jaarrapport", str(tmp_path / "plan.xlsx"), "--forceer")
    assert result.returncode == 0
    texts = [p.text for p in Document(result.stdout.strip()).paragraphs]
    assert "Niet gelezen, dus niet in dit document: de kolom 'Stand van zaken' op blad Opvolging." in texts


@pytest.mark.parametrize(("rows_above", "header_row"), [(0, 3), (2, 5)])
def test_a_renamed_first_column_is_named_with_the_closest_header_and_the_row_it_is_in(tmp_path, rows_above, header_row):
    from conftest import DENDERLEEUW
    from openpyxl import load_workbook

    from workbook.plan.errors import WorkbookError
    from workbook.reading.reader import read_plan

    book = load_workbook(DENDERLEEUW)
    sheet = book["Acties"]
    if rows_above:
        sheet.insert_rows(1, rows_above)
    sheet.cell(header_row, 1).value = "Codex"
    book.save(tmp_path / "plan.xlsx")
    with pytest.raises(WorkbookError) as raised:
        read_plan(tmp_path / "plan.xlsx")
    assert raised.value.message.startswith(
        f"plan.xlsx: op blad 'Acties' ontbreekt de kolom 'Code' (de kolomnamen staan in rij {header_row}). Er staat "
        "wel een kolom 'Codex'; bedoelt u die? "
    )
