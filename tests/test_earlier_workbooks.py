"""Workbooks and trekker files made by the release before the record Uitgevraagd go through the whole cycle."""

import shutil
from pathlib import Path

from conftest import FIXTURES
from openpyxl import load_workbook

from planrapport.cli import main
from reporting.validation import validate
from workbook.reading.reader import read_plan

EARLIER = FIXTURES / "eerdere-versie"


def _fill(folder: Path) -> None:
    for file in sorted(folder.iterdir()):
        book = load_workbook(file)
        sheet = book["Opvolging"]
        for number in range(4, sheet.max_row + 1):
            sheet.cell(number, 3).value = "Afgerond"
            sheet.cell(number, 4).value = f"Gedaan volgens {file.stem}."
        book.save(file)


def test_a_workbook_cycled_before_goes_through_the_next_year(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(EARLIER / "eerdere-cyclus-2024.xlsx", path)
    before = validate(read_plan(path))
    assert not [i for i in before.issues if i.code == "gewijzigd-na-indiening"]
    assert main(["nieuw-jaar", str(path), "2025"]) == 0
    assert main(["uitvragen", str(path)]) == 0
    folder = tmp_path / "opvolging 2025"
    _fill(folder)
    capsys.readouterr()
    assert main(["verzamelen", str(path), str(folder), "--schrijf"]) == 0
    out = capsys.readouterr().out
    assert "Geweigerd" not in out and "Iedereen heeft geantwoord." in out
    plan = read_plan(path)
    rows = [r for r in plan.follow_ups if r.year == 2025]
    assert rows and all(r.status == "Afgerond" and r.progress.startswith("Gedaan volgens ") for r in rows)
    assert main(["indienen", str(path), "--jaar", "2025"]) == 0
    plan = read_plan(path)
    assert {s.year for s in plan.submitted} >= {2024, 2025}
    assert not [i for i in validate(plan).issues if i.code == "gewijzigd-na-indiening"]


def test_trekker_files_asked_before_the_record_are_still_taken_over_and_this_is_said(tmp_path, capsys):
    shutil.copytree(EARLIER / "uitvraag-2025", tmp_path / "uit")
    path = tmp_path / "plan.xlsx"
    shutil.move(tmp_path / "uit" / "plan.xlsx", path)
    _fill(tmp_path / "uit")
    assert main(["verzamelen", str(path), str(tmp_path / "uit")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Opvolging 2025 verzameld: 6 antwoorden."
    assert lines[1] == (
        "Op het blad Uitgevraagd van plan.xlsx staat niet wat er voor 2025 uitgevraagd werd (de bestanden werden "
        "gemaakt met een vroegere versie van planrapport): elk bestand wordt gelezen met wat het zelf zegt over zijn "
        "trekker en wat er verstuurd werd."
    )
    rows = [r for r in read_plan(path).follow_ups if r.year == 2025]
    assert len(rows) == 6 and all(r.status == "Afgerond" for r in rows)
