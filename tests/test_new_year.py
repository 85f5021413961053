"""planrapport nieuw-jaar: Rapportjaar set, empty rows for the year added, and not one other change."""

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import DENDERLEEUW, FIXTURES, WAREGEM, soffice
from openpyxl import load_workbook

from planrapport.cli import main
from workbook.cycle.new_year import open_year
from workbook.reading.reader import read_plan
from workbook.spreadsheet.package import Package

# Instellingen, Opvolging, Metingen and the tables of Opvolging and Metingen
CHANGED = {
    "xl/worksheets/sheet2.xml",
    "xl/worksheets/sheet6.xml",
    "xl/worksheets/sheet8.xml",
    "xl/tables/table5.xml",
    "xl/tables/table7.xml",
}


def _copy(source: Path, tmp_path: Path, name: str = "plan.xlsx") -> Path:
    target = tmp_path / name
    shutil.copyfile(source, target)
    return target


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize(
    ("source", "year", "follow_ups", "measurements"), [(WAREGEM, 2013, 90, 38), (DENDERLEEUW, 2024, 6, 7)]
)
def test_a_new_year_adds_its_rows_and_changes_nothing_else(tmp_path, source, year, follow_ups, measurements):
    path = _copy(source, tmp_path)
    before_plan, before = read_plan(path), _parts(path)
    result = open_year(path, year)
    assert (len(result.follow_ups), len(result.measurements)) == (follow_ups, measurements)
    after = _parts(path)
    assert set(after) == set(before)
    assert {name for name in before if after[name] != before[name]} == CHANGED
    plan = read_plan(path)
    assert plan.settings.report_year == year
    assert plan.follow_ups[: len(before_plan.follow_ups)] == before_plan.follow_ups
    assert plan.measurements[: len(before_plan.measurements)] == before_plan.measurements
    new = plan.follow_ups[len(before_plan.follow_ups) :]
    assert [row.action_code for row in new] == list(result.follow_ups)
    assert all(row.year == year and not row.progress and not row.time and not row.money for row in new)
    measured = plan.measurements[len(before_plan.measurements) :]
    assert [(m.indicator_code, m.period, m.value) for m in measured] == [
        (c, str(year), None) for c in result.measurements
    ]
    assert result.backup.read_bytes() == source.read_bytes()


def test_the_new_row_carries_nothing_over_and_only_finished_once_only_actions_get_none(tmp_path):
    path = _copy(WAREGEM, tmp_path)
    plan = read_plan(path)
    ended = plan.ended_before(2013)
    result = open_year(path, 2013)
    new = [row for row in read_plan(path).follow_ups if row.year == 2013]
    assert all((row.status, row.progress, row.time, row.money) == ("", "", "", "") for row in new)
    timings = {a.code: a.timing for a in plan.actions}
    # Finished in 2011 or 2012: the once-only actions (2011) end, the yearly ones come back.
    assert {code for code in ended if code not in result.follow_ups} == {
        code for code in ended if timings[code] == "2011"
    }
    assert {code for code in ended if code in result.follow_ups} == {"1.6.1.3", "2.2.1.1", "2.2.4.1"}
    assert [(s.code, s.reason) for s in result.skipped if s.code in ended][:2] == [
        ("1.2.2.1", "afgerond in 2011, geen rij"),
        ("1.2.2.2", "afgerond in 2011, geen rij"),
    ]
    # 2.5.1.1 (2011) was still 'In uitvoering' in 2011: it runs on, with a warning.
    assert [s.code for s in result.overdue] == ["2.5.1.1"] and "2.5.1.1" in result.follow_ups


def test_twice_adds_nothing_and_writes_nothing(tmp_path):
    path = _copy(DENDERLEEUW, tmp_path)
    open_year(path, 2024)
    once = path.read_bytes()
    backups = sorted(p.name for p in tmp_path.iterdir())
    again = open_year(path, 2024)
    assert not again.changed and (again.follow_ups, again.measurements) == ((), ())
    assert path.read_bytes() == once
    assert sorted(p.name for p in tmp_path.iterdir()) == backups


def test_the_table_and_the_drop_downs_reach_the_new_rows(tmp_path):
    path = _copy(DENDERLEEUW, tmp_path)
    package = Package(path)
    # A workbook whose drop-downs end at its last row, as when the officer's rows filled the template's 500.
    sheet = package.data["xl/worksheets/sheet6.xml"].replace(b":C504", b":C10").replace(b":E504", b":E10")
    package.put("xl/worksheets/sheet6.xml", sheet)
    package.write(tmp_path / "kort.xlsx")
    path = tmp_path / "kort.xlsx"
    open_year(path, 2024)
    sheet = load_workbook(path)["Opvolging"]
    assert sheet.tables["tblOpvolging"].ref == "A3:I15"
    sqrefs = {str(v.sqref) for v in sheet.data_validations.dataValidation}
    assert {"C4:C15", "E4:E15"} <= sqrefs
    assert (sheet["A15"].value, sheet["B15"].value, sheet["C15"].value) == ("A10921", 2024, None)
    assert sheet["A15"].style_id == sheet["A9"].style_id


def test_a_macro_workbook_keeps_its_macros(tmp_path):
    path = _copy(FIXTURES / "validatie" / "met-macro.xlsm", tmp_path, "plan.xlsm")
    before = _parts(path)
    plan = read_plan(path)
    open_year(path, plan.settings.report_year + 1)
    after = _parts(path)
    assert after["xl/vbaProject.bin"] == before["xl/vbaProject.bin"]
    assert b"macroEnabled" in after["[Content_Types].xml"]
    assert {n for n in before if after[n] != before[n]} <= CHANGED


def test_the_command_prints_what_it_added_and_refuses_a_year_outside_the_period(tmp_path, capsys):
    path = _copy(DENDERLEEUW, tmp_path)
    assert main(["nieuw-jaar", str(path), "2024"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == [
        "Rapportjaar: 2024 (was 2023).",
        "Blad Opvolging: 6 rijen voor 2024 toegevoegd.",
        "Blad Metingen: 7 rijen voor 2024 toegevoegd.",
    ]
    assert main(["nieuw-jaar", str(path), "2024"]) == 0
    assert capsys.readouterr().out == "plan.xlsx staat al op rapportjaar 2024; er was niets toe te voegen.\n"
    original = path.read_bytes()
    assert main(["nieuw-jaar", str(path), "2031"]) == 1
    assert capsys.readouterr().err.startswith("planrapport: plan.xlsx: ")
    assert path.read_bytes() == original


def test_libreoffice_opens_the_new_year(tmp_path):
    path = _copy(DENDERLEEUW, tmp_path)
    open_year(path, 2024)
    subprocess.run(
        [
            soffice(),
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(tmp_path / "lo"),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    plan = read_plan(tmp_path / "lo" / "plan.xlsx")
    assert plan.settings.report_year == 2024
    assert sum(row.year == 2024 for row in plan.follow_ups) == 6
