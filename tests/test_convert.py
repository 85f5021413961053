"""planrapport omzetten: a filled .xlsx becomes a new .xlsm with buttons, every value kept, the source untouched."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import DENDERLEEUW, WAREGEM, ooxml_validator
from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText
from openpyxl.comments import Comment
from openpyxl.worksheet.hyperlink import Hyperlink

from planrapport.cli import main
from reporting.validation import validate
from workbook.builders.build_xlsm import CONFIG_SHEET, MACRO_TEMPLATE
from workbook.reading.reader import read_plan
from workbook.sheets.writeback import write_check_sheet


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cells(path: Path, **options) -> dict[str, dict[str, object]]:
    """Every non-empty cell of every sheet; rich text as (text, bold) runs."""
    workbook = load_workbook(path, **options)
    result = {}
    for sheet in workbook.worksheets:
        values = {}
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, CellRichText):
                    value = tuple(
                        (getattr(p, "text", p), bool(getattr(getattr(p, "font", None), "b", False))) for p in value
                    )
                if value is not None:
                    values[cell.coordinate] = value
        result[sheet.title] = values
    workbook.close()
    return result


@pytest.fixture
def denderleeuw(tmp_path) -> Path:
    path = tmp_path / "denderleeuw-2023.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    return path


@pytest.mark.parametrize("example", [DENDERLEEUW, WAREGEM], ids=["denderleeuw", "waregem"])
def test_every_value_comes_along_and_the_source_stays(example, tmp_path, capsys):
    source = tmp_path / example.name
    shutil.copyfile(example, source)
    before = digest(source)
    assert main(["omzetten", str(source)]) == 0
    target = source.with_suffix(".xlsm")
    assert capsys.readouterr() == (f"{target}\n", "")
    assert digest(source) == before
    converted = cells(target, rich_text=True)
    assert converted.pop(CONFIG_SHEET)
    assert converted == cells(source, rich_text=True)
    assert cells(target, data_only=True) | {CONFIG_SHEET: None} == cells(source, data_only=True) | {CONFIG_SHEET: None}
    plan = read_plan(target)
    assert replace(plan, source=None) == replace(read_plan(source), source=None)
    assert validate(plan) == validate(read_plan(source))


def test_the_macros_and_buttons_are_those_of_the_template(denderleeuw):
    assert main(["omzetten", str(denderleeuw)]) == 0
    target = denderleeuw.with_suffix(".xlsm")
    with zipfile.ZipFile(target) as converted, zipfile.ZipFile(MACRO_TEMPLATE) as template:
        assert converted.read("xl/vbaProject.bin") == template.read("xl/vbaProject.bin")
        drawings = sorted(n for n in converted.namelist() if n.startswith("xl/drawings/vmlDrawing"))
        assert [converted.read(n) for n in drawings] == [template.read(n) for n in drawings]
    assert load_workbook(target)[CONFIG_SHEET].sheet_state == "hidden"


def test_own_sheets_columns_formulas_links_and_notes_come_along(denderleeuw, tmp_path):
    workbook = load_workbook(denderleeuw)
    actions = workbook["Acties"]
    actions["K3"] = "Eigen kolom"
    actions["K4"] = "=LEN(C4)"
    actions["K5"] = "=tekst die met een isgelijkteken begint"
    actions["K5"].data_type = "s"
    actions["C4"].comment = Comment("Nagevraagd bij de dienst", "Ambtenaar")
    notes = workbook.create_sheet("Mijn notities")
    notes["A1"] = "Overleg met de partners"
    notes["B2"] = 1234.5
    notes["B2"].number_format = "#,##0.00"
    notes["C3"] = "naar de acties"
    notes["C3"].hyperlink = Hyperlink(ref="C3", location="'Acties'!C4")
    notes.merge_cells("A5:C5")
    notes["A5"] = "Samengevoegd"
    workbook.save(denderleeuw)
    # Let LibreOffice compute the formula, as Excel would have, so the file holds its result.
    computed = tmp_path / "berekend"
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(computed),
            str(denderleeuw),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    source = computed / denderleeuw.name
    assert main(["omzetten", str(source)]) == 0
    converted = load_workbook(source.with_suffix(".xlsm"))
    sheet = converted["Acties"]
    assert sheet["K3"].value == "Eigen kolom"
    assert sheet["K4"].value == "=LEN(C4)"
    assert sheet["K5"].value == "=tekst die met een isgelijkteken begint" and sheet["K5"].data_type == "s"
    assert sheet["C4"].comment.text.endswith("Nagevraagd bij de dienst")
    notes = converted["Mijn notities"]
    assert notes["B2"].value == 1234.5 and notes["B2"].number_format == "#,##0.00"
    assert notes["C3"].hyperlink.location == "'Acties'!C4"
    assert [str(r) for r in notes.merged_cells.ranges] == ["A5:C5"] and notes["A5"].value == "Samengevoegd"
    cached = load_workbook(source.with_suffix(".xlsm"), data_only=True)["Acties"]["K4"].value
    assert cached == load_workbook(source, data_only=True)["Acties"]["K4"].value and cached > 0


def test_a_workbook_with_a_controle_sheet_keeps_it(denderleeuw):
    write_check_sheet(denderleeuw, validate(read_plan(denderleeuw)).check_list())
    assert main(["omzetten", str(denderleeuw)]) == 0
    converted = load_workbook(denderleeuw.with_suffix(".xlsm"))
    original = load_workbook(denderleeuw)
    assert [[c.value for c in r] for r in converted["Controle"].iter_rows()] == [
        [c.value for c in r] for r in original["Controle"].iter_rows()
    ]
    assert converted["Controle"]["C4"].hyperlink.location == original["Controle"]["C4"].hyperlink.location


def test_the_result_is_valid_open_xml(denderleeuw):
    assert main(["omzetten", str(denderleeuw)]) == 0
    result = subprocess.run(
        [ooxml_validator(), str(denderleeuw.with_suffix(".xlsm"))], capture_output=True, text=True, timeout=180
    )
    assert '"ok": true' in result.stdout, result.stdout[:2000]


def test_an_existing_xlsm_is_not_replaced_without_asking(denderleeuw, capsys):
    target = denderleeuw.with_suffix(".xlsm")
    target.write_bytes(b"eigen bestand")
    assert main(["omzetten", str(denderleeuw)]) == 1
    assert capsys.readouterr().err == (
        "planrapport: denderleeuw-2023.xlsm: dit bestand bestaat al. Kies een andere naam of gebruik --overschrijf.\n"
    )
    assert target.read_bytes() == b"eigen bestand"
    assert main(["omzetten", str(denderleeuw), "--overschrijf"]) == 0
    assert zipfile.is_zipfile(target)


def test_another_target_name(denderleeuw, tmp_path, capsys):
    target = tmp_path / "met knoppen.xlsm"
    assert main(["omzetten", str(denderleeuw), str(target)]) == 0
    assert capsys.readouterr().out == f"{target}\n"
    assert replace(read_plan(target), source=None) == replace(read_plan(denderleeuw), source=None)


@pytest.mark.parametrize(
    ("name", "target", "message"),
    [
        ("plan.xlsm", None, "plan.xlsm: dit is al een werkboek met knoppen (.xlsm); omzetten is niet nodig."),
        ("plan.ods", None, "plan.ods: omzetten kan alleen vanuit een Excel-werkmap (.xlsx)."),
        ("plan.xlsx", "plan.xlsx", "plan.xlsx: een werkboek met knoppen moet eindigen op .xlsm."),
    ],
)
def test_wrong_names_are_refused(name, target, message, tmp_path, capsys):
    path = tmp_path / name
    shutil.copyfile(DENDERLEEUW, path)
    arguments = ["omzetten", str(path)] + ([str(tmp_path / target)] if target else [])
    assert main(arguments) == 1
    assert capsys.readouterr().err == f"planrapport: {message}\n"


def test_a_missing_file_is_named(tmp_path, capsys):
    assert main(["omzetten", str(tmp_path / "weg.xlsx")]) == 1
    assert capsys.readouterr().err == f"planrapport: weg.xlsx: het bestand bestaat niet ({tmp_path / 'weg.xlsx'}).\n"


def test_pictures_and_charts_are_named_when_left_out(denderleeuw, capsys):
    from openpyxl.chart import BarChart, Reference

    workbook = load_workbook(denderleeuw)
    sheet = workbook["Begroting"]
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=5, min_row=3, max_row=6), titles_from_data=True)
    sheet.add_chart(chart, "J3")
    workbook.save(denderleeuw)
    assert main(["omzetten", str(denderleeuw)]) == 0
    assert capsys.readouterr().err == (
        "planrapport: niet overgenomen in denderleeuw-2023.xlsm: grafieken, tekeningen of vormen.\n"
    )
