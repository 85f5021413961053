"""The Trends sheet: the indicator table and the roll-ups in the workbook, and no other change to it."""

import json
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from conftest import DENDERLEEUW, FIXTURES, WAREGEM, ooxml_validator, soffice
from openpyxl import load_workbook

from reporting.figures.trends import indicator_trends
from reporting.trends_table import trends_rows, trends_table
from workbook.plan.errors import WorkbookError
from workbook.reading.reader import read_plan
from workbook.sheets.trends_sheet import INDICATOR_HEADERS, write_trends_sheet

SHEET_LIST_PARTS = {"[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"}


def _copy(source: Path, tmp_path: Path, name: str | None = None) -> Path:
    target = tmp_path / (name or source.name)
    shutil.copyfile(source, target)
    return target


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _values(path: Path) -> list[list[object]]:
    sheet = load_workbook(path)["Trends"]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_only_the_trends_sheet_its_styles_and_the_sheet_list_change(tmp_path):
    path = _copy(DENDERLEEUW, tmp_path)
    before = _parts(path)
    plan = read_plan(path)
    backup = write_trends_sheet(path, trends_table(plan))
    assert backup == tmp_path / f"denderleeuw-2023 (reservekopie {date.today().isoformat()}).xlsx"
    assert backup.read_bytes() == DENDERLEEUW.read_bytes()
    after = _parts(path)
    new = set(after) - set(before)
    assert len(new) == 1 and new.pop().startswith("xl/worksheets/sheet")
    changed = {name for name in before if after[name] != before[name]}
    assert changed == SHEET_LIST_PARTS | {"xl/styles.xml"}  # every sheet of the officer byte for byte the same
    assert read_plan(path) == plan
    assert load_workbook(path).sheetnames[-1] == "Trends"


def test_the_sheet_holds_the_indicator_table_with_links_and_verdict_colours(tmp_path):
    path = _copy(DENDERLEEUW, tmp_path)
    write_trends_sheet(path, trends_table(read_plan(path)))
    sheet = load_workbook(path)["Trends"]
    assert sheet["A1"].value == "Trends 2023"
    assert [c.value for c in sheet[3]][: len(INDICATOR_HEADERS)] == [
        h.replace("{year}", "2023") for h in INDICATOR_HEADERS
    ]
    foreign = [c.value for c in sheet[6]]
    assert foreign[:6] == ["A10911-I3", "van buitenlandse herkomst", "geen gegevens", "2022", 539, 0.52]
    assert foreign[16] == "nee"
    assert foreign[17].endswith("Aandeel in 2021 (juni-december): 52%.")
    assert sheet["F6"].number_format == "0.0%"
    assert sheet["A6"].hyperlink.location == "'Indicatoren'!C6"
    assert sheet.freeze_panes == "C4"
    rules = {str(area.sqref): [(r.operator, r.formula) for r in area.rules] for area in sheet.conditional_formatting}
    assert rules["C4:C10"] == [
        ("equal", ['"op koers"']),
        ("equal", ['"aandacht"']),
        ("equal", ['"niet op koers"']),
        ("equal", ['"geen gegevens"']),
    ]


def test_the_roll_ups_follow_the_indicator_table(tmp_path):
    path = _copy(WAREGEM, tmp_path)
    write_trends_sheet(path, trends_table(read_plan(path)))
    rows = _values(path)
    titles = [row[0] for row in rows]
    actions = titles.index("Acties en indicatoren per doelstelling in 2012")
    header = rows[actions + 1]
    whole = dict(zip(header, rows[actions + 2], strict=True))
    assert (whole["Doelstelling"], whole["Acties"], whole["Met opvolging"], whole["Op schema"]) == (
        "Hele plan",
        90,
        50,
        41,
    )
    assert whole["Op schema (%)"] == 0.82
    assert (whole["Status: In uitvoering"], whole["Tijd: Vertraagd"], whole["Indicatoren op koers"]) == (39, 7, 5)
    budget = titles.index("Begroting per jaar")
    assert rows[budget + 2][:4] == [
        2011,
        "Eigen middelen besteed: 37,2% van de Vlaamse subsidie (minimum 33,3%): gehaald.",
        85000,
        84057,
    ]
    assert rows[budget + 2][14:16] == ["ja", "ja"]
    assert rows[budget + 4][0] == 2013 and rows[budget + 4][3] is None  # nothing spent yet


def test_trends_rows_are_what_the_sheet_shows(tmp_path):
    path = _copy(WAREGEM, tmp_path)
    plan = read_plan(path)
    write_trends_sheet(path, trends_table(plan))
    written = _values(path)
    rows = trends_rows(plan)
    width = len(written[0])
    assert [r + [None] * (width - len(r)) for r in rows] == [[None if v == "" else v for v in r] for r in written]


def test_writing_again_replaces_the_sheet_and_does_not_grow_the_styles(tmp_path):
    path = _copy(DENDERLEEUW, tmp_path)
    plan = read_plan(path)
    first_backup = write_trends_sheet(path, trends_table(plan, 2023))
    first = _parts(path)
    second_backup = write_trends_sheet(path, trends_table(plan, 2022))
    assert second_backup != first_backup and first_backup.exists()  # the first of the day, then the rotation's
    after = _parts(path)
    assert after["xl/styles.xml"] == first["xl/styles.xml"]
    assert {name for name in first if after[name] != first[name]} == {
        name for name in first if name.startswith("xl/worksheets/sheet") and name not in _parts(DENDERLEEUW)
    }
    workbook = load_workbook(path)
    assert workbook.sheetnames.count("Trends") == 1
    assert workbook["Trends"]["A1"].value == "Trends 2022"


def test_a_trends_sheet_the_officer_made_is_not_overwritten(tmp_path):
    path = _copy(DENDERLEEUW, tmp_path, "plan.xlsx")
    workbook = load_workbook(path, rich_text=True)
    workbook.create_sheet("Trends")["A1"] = "Mijn eigen grafieken"
    workbook.save(path)
    original = path.read_bytes()
    with pytest.raises(WorkbookError) as raised:
        write_trends_sheet(path, trends_table(read_plan(path)))
    assert raised.value.message == (
        "plan.xlsx: het werkboek heeft al een blad 'Trends' dat planrapport niet gemaakt heeft. Geef dat blad "
        "een andere naam en probeer opnieuw."
    )
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_a_workbook_open_in_excel_is_left_alone(tmp_path):
    path = _copy(DENDERLEEUW, tmp_path, "plan.xlsx")
    (tmp_path / "~$plan.xlsx").write_bytes(b"lock")
    with pytest.raises(WorkbookError) as raised:
        write_trends_sheet(path, trends_table(read_plan(path)))
    assert raised.value.message == "plan.xlsx: het werkboek is open in Excel. Sluit het en probeer opnieuw."
    assert path.read_bytes() == DENDERLEEUW.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx", "~$plan.xlsx"]


def test_a_macro_workbook_keeps_its_macros(tmp_path):
    path = _copy(FIXTURES / "validatie" / "met-macro.xlsm", tmp_path)
    before = _parts(path)
    write_trends_sheet(path, trends_table(read_plan(path)))
    after = _parts(path)
    assert after["xl/vbaProject.bin"] == before["xl/vbaProject.bin"]
    assert {name for name in before if after[name] != before[name]} <= SHEET_LIST_PARTS | {"xl/styles.xml"}
    assert b"macroEnabled" in after["[Content_Types].xml"]
    assert load_workbook(path, keep_vba=True).sheetnames[-1] == "Trends"


def test_a_plan_without_indicators_or_budget_still_gets_a_sheet(tmp_path):
    from workbook.builders.template import build_template

    path = tmp_path / "leeg.xlsx"
    build_template().save(path)
    plan = read_plan(path)
    table = trends_table(plan)
    assert table.rows[0] == ["Trends"] and table.rows[2][0] == "Code" and table.verdict_ranges == []
    assert len(indicator_trends(plan)) == 0
    write_trends_sheet(path, trends_table(plan))
    rows = _values(path)
    assert ["Er staan geen begrotingsregels op het blad Begroting." in row for row in rows].count(True) == 1


def test_the_result_is_valid_for_the_open_xml_validator_and_libreoffice(tmp_path):
    path = _copy(WAREGEM, tmp_path, "plan.xlsx")
    before = _validator_errors(path)
    write_trends_sheet(path, trends_table(read_plan(path)))
    assert _validator_errors(path) == before
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
    converted = load_workbook(tmp_path / "lo" / "plan.xlsx")["Trends"]
    assert converted["A1"].value == "Trends 2012"
    verdicts = {converted.cell(row=r, column=3).value for r in range(4, 152)}
    assert {"op koers", "aandacht", "geen gegevens"} <= verdicts


def _validator_errors(path: Path) -> set[tuple[str, str, str]]:
    result = subprocess.run([ooxml_validator(), str(path)], capture_output=True, text=True, timeout=180)
    found = json.loads(result.stdout)
    return {(e["description"], e["path"], e["xPath"]) for e in found.get("errors", [])}
