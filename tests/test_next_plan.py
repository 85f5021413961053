"""planrapport nieuw-plan: the next period's workbook from what goes on, the old workbook untouched."""

from __future__ import annotations

import copy
import hashlib
import importlib.util
from datetime import datetime
from pathlib import Path

import pytest
from conftest import FIXTURES

from planrapport.cli import main
from reporting.validation import validate
from workbook.builders.template import build_template, fill
from workbook.reading.reader import read_plan
from workbook.storage.files import save_workbook


def _base() -> dict:
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "validatie" / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return copy.deepcopy(module.BASE)


def _old(tmp_path: Path, change=None, columns: bool = False) -> Path:
    """The small plan 2020-2025 of the validation fixtures: 1.1.1.1 runs, 1.1.1.2 was finished in 2022."""
    data = _base()
    if change:
        change(data)
    path = tmp_path / "plan 2020-2025.xlsx"
    save_workbook(fill(build_template(next_plan_columns=columns), data), path)
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(*argv: str) -> int:
    return main([str(a) for a in argv])


def test_what_runs_goes_on_with_its_last_measurement_as_baseline(tmp_path, capsys):
    old = _old(tmp_path)
    before = _sha(old)
    new = tmp_path / "plan 2026-2031.xlsx"
    assert _run("nieuw-plan", old, new, "--periode", "2026-2031") == 0
    out = capsys.readouterr().out
    assert _sha(old) == before
    assert f"{new}: plan 2026-2031 met 2 doelstellingen, 1 resultaten, 1 acties en 3 indicatoren" in out
    assert "- blad Acties, 1.1.1.2: afgerond" in out
    assert "plan 2020-2025.xlsx is niet gewijzigd." in out
    plan = read_plan(new)
    settings = plan.settings
    assert (settings.start_year, settings.end_year, settings.report_year) == (2026, 2031, 2026)
    assert settings.title == "Samenleven in diversiteit 2026-2031"
    assert settings.municipality == "Voorbeeldstad"
    assert [a.code for a in plan.actions] == ["1.1.1.1"]
    assert [a.origin.raw["previous_code"] for a in plan.actions] == ["1.1.1.1"]
    assert [o.origin.raw["previous_code"] for o in plan.objectives] == ["1", "1.1"]
    assert plan.follow_ups == () and plan.measurements == () and plan.budget_lines == ()
    indicators = {i.code: i for i in plan.indicators}
    first = indicators["1.1.1-I1"]
    assert (first.baseline_year, first.baseline_value) == (2022, 210)  # 2021 (juni-december) is not a whole year
    assert first.note == "Nulmeting: de meting van 2022 uit het vorige plan (plan 2020-2025.xlsx, bron: PIN vzw)."
    assert (first.target_year, first.target_value) == (2031, 300)
    assert (indicators["1.1.1-I2"].baseline_year, indicators["1.1.1-I2"].baseline_value) == (2022, 45)
    assert indicators["1.1.1-I3"].timing == "2031: eindmeting"
    assert "streefwaarden gelden nu voor 2031; stel ze opnieuw vast: 1.1.1-I1 (was 2025)." in out
    assert validate(plan).ok
    assert plan.notes == ()


def test_the_column_loopt_door_decides_and_parents_come_along(tmp_path, capsys):
    def marks(data: dict) -> None:
        data["Acties"][0]["Loopt door"] = "nee"
        data["Acties"][1]["Loopt door"] = "ja"
        data["Resultaten"][0]["Loopt door"] = "nee"

    old = _old(tmp_path, marks, columns=True)
    new = tmp_path / "nieuw.xlsx"
    assert _run("nieuw-plan", old, new, "--periode", "2026-2031") == 0
    out = capsys.readouterr().out
    plan = read_plan(new)
    assert [a.code for a in plan.actions] == ["1.1.1.2"]
    assert plan.actions[0].timing == "Jaarlijks"  # 2022 lies before the new period
    assert [r.code for r in plan.results] == ["1.1.1"]
    assert "- 1.1.1 gaat toch mee: 1.1.1.2 valt eronder en loopt door." in out
    assert "- blad Acties, 1.1.1.1: Loopt door: nee" in out
    assert (
        "Blad Acties: 1 tijdstippen vielen buiten 2026-2031 en zijn aangepast; kijk ze na: 1.1.1.2 ('2022' -> "
        "'Jaarlijks')." in out
    )


def test_an_action_stopped_on_blad_bijsturing_does_not_go_on(tmp_path, capsys):
    def stopped(data: dict) -> None:
        data["Bijsturing"] = [
            {
                "Datum": datetime(2024, 3, 12),
                "Code": "1.1.1.1",
                "Wat": "actie stopgezet",
                "Beslist door": "gemeenteraad",
                "Reden": "PIN vzw stopt.",
            }
        ]
        data["Acties"].append({"Code": "1.1.1.3", "Tijdstip": "Vanaf 2024", "Actie": "Taalcafé"})

    new = tmp_path / "nieuw.xlsx"
    assert _run("nieuw-plan", _old(tmp_path, stopped), new, "--periode", "2026-2031") == 0
    assert "- blad Acties, 1.1.1.1: stopgezet (blad Bijsturing)" in capsys.readouterr().out
    assert [a.code for a in read_plan(new).actions] == ["1.1.1.3"]


def test_an_unknown_word_in_loopt_door_and_an_existing_target_are_refused(tmp_path, capsys):
    def word(data: dict) -> None:
        data["Acties"][0]["Loopt door"] = "misschien"

    old = _old(tmp_path, word, columns=True)
    new = tmp_path / "nieuw.xlsx"
    assert _run("nieuw-plan", old, new, "--periode", "2026-2031") == 1
    assert (
        "Acties!J4: 'misschien' in kolom Loopt door van blad Acties is geen ja of nee. Typ ja of nee, of laat de "
        "cel leeg (dan gaat mee wat nog loopt)."
    ) in capsys.readouterr().err
    assert not new.exists()
    new.write_bytes(b"van iemand anders")
    (tmp_path / "geldig").mkdir()
    assert _run("nieuw-plan", _old(tmp_path / "geldig"), new, "--periode", "2026-2031") == 1
    assert (
        "nieuw.xlsx: dit werkboek bestaat al; nieuw-plan overschrijft nooit een werkboek. Kies een andere naam."
    ) in capsys.readouterr().err
    assert new.read_bytes() == b"van iemand anders"
    assert _run("nieuw-plan", old, tmp_path / "x.xlsx", "--periode", "2031-2026") == 1
    assert "'2031-2026' is geen planperiode." in capsys.readouterr().err


@pytest.mark.parametrize("name", ["nieuw.xlsx"])
def test_the_yearly_cycle_runs_on_the_new_workbook_from_its_first_year(tmp_path, capsys, name):
    old = _old(tmp_path)
    new = tmp_path / name
    assert _run("nieuw-plan", old, new, "--periode", "2026-2031") == 0
    assert _run("nieuw-jaar", new, "2026") == 0
    assert "Blad Opvolging: 1 rij voor 2026 toegevoegd." in capsys.readouterr().out
    assert _run("uitvragen", new) == 0
    assert (tmp_path / "opvolging 2026").is_dir()
    assert _run("controleer", new) == 0
    plan = read_plan(new)
    assert [(r.action_code, r.year) for r in plan.follow_ups] == [("1.1.1.1", 2026)]
    report = validate(plan)
    assert report.ok
    assert {i.code for i in report.issues} <= {"ontbrekende-opvolging", "ontbrekende-status"}


@pytest.mark.parametrize(
    ("example", "period", "first"), [("waregem", "2014-2019", 2014), ("denderleeuw", "2026-2031", 2026)]
)
def test_the_next_plan_of_each_example_passes_the_check_once_its_targets_are_set_and_runs_a_year(
    tmp_path, capsys, example, period, first
):
    """The officer fills only the new period's targets; then a whole first year of the cycle runs on it."""
    from conftest import DENDERLEEUW, WAREGEM
    from openpyxl import load_workbook

    source = {"waregem": WAREGEM, "denderleeuw": DENDERLEEUW}[example]
    new = tmp_path / "nieuw.xlsx"
    before = _sha(source)
    assert _run("nieuw-plan", source, new, "--periode", period) == 0
    assert _sha(source) == before
    end = int(period.split("-")[1])
    book = load_workbook(new)
    sheet = book["Indicatoren"]
    headers = {cell.value: cell.column for cell in sheet[3] if cell.value}
    for number in range(4, sheet.max_row + 1):
        if sheet.cell(number, 1).value and sheet.cell(number, headers["Soort"]).value == "kwantitatief":
            sheet.cell(number, headers["Streefjaar"]).value = end
            baseline = sheet.cell(number, headers["Nulmeting waarde"]).value
            sheet.cell(number, headers["Streefwaarde"]).value = (baseline or 0) + 10
    book.save(new)
    capsys.readouterr()
    report = validate(read_plan(new))
    assert report.ok, [(i.code, i.cell, i.message) for i in report.errors]
    assert _run("nieuw-jaar", new, str(first)) == 0
    assert _run("uitvragen", new) == 0
    folder = tmp_path / f"opvolging {first}"
    reply = sorted(folder.iterdir())[0]
    book = load_workbook(reply)
    book["Opvolging"].cell(4, 3).value = "In uitvoering"
    book["Opvolging"].cell(4, 4).value = "Het eerste jaar van het nieuwe plan is begonnen."
    book.save(reply)
    assert _run("verzamelen", new, folder) == 0
    plan = read_plan(new)
    answered = {r.progress for r in plan.follow_ups if r.year == first}
    assert "Het eerste jaar van het nieuwe plan is begonnen." in answered
    assert validate(plan).ok
