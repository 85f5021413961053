"""Numbers beyond what a report can show and texts longer than a document property are never a crash."""

import shutil
import warnings
import zipfile

import pytest
from conftest import FIXTURES
from openpyxl import load_workbook

from planrapport.cli import main
from workbook.plan.numbers import parse_number
from workbook.reading.reader import read_plan
from workbook.sheets.trends_sheet import TrendsTable, write_trends_sheet

HUGE = FIXTURES / "regressies" / "getal-te-groot.xlsx"  # ±9E+307 in Metingen, 9E+307 twice in Begroting
MESSAGE = (
    "is te groot om in een rapport te tonen: Excel en Word tonen getallen tot 999.999.999.999.999 zoals ze "
    "getypt zijn. Kijk na of er geen cijfers te veel staan."
)


@pytest.fixture(autouse=True)
def no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def test_controleer_names_each_huge_number_by_its_cell(capsys):
    code = main(["controleer", str(HUGE)])
    out, err = capsys.readouterr()
    assert code == 1 and err == ""
    errors = [" ".join(line.split()) for line in out.splitlines() if " fout " in line]
    assert errors == [
        f"Metingen!C4 fout getal-te-groot Het getal '9E+307' in kolom Waarde {MESSAGE}",
        f"Metingen!C5 fout getal-te-groot Het getal '-9E+307' in kolom Waarde {MESSAGE}",
        f"Begroting!E4 fout getal-te-groot Het getal '9E+307' in kolom Gepland {MESSAGE}",
        f"Begroting!E5 fout getal-te-groot Het getal '9E+307' in kolom Gepland {MESSAGE}",
    ]
    assert out.splitlines()[-1] == (
        "getal-te-groot.xlsx: 4 fouten en 10 waarschuwingen (rapportjaar 2023). Los de "
        "fouten op voor u een rapport maakt."
    )


def test_jaarrapport_refuses_with_the_cells_and_makes_a_draft_when_forced(capsys, tmp_path):
    assert main(["jaarrapport", str(HUGE), "--uit", str(tmp_path)]) == 1
    _, err = capsys.readouterr()
    assert err.startswith(
        "planrapport: getal-te-groot.xlsx heeft 4 fouten; het jaarrapport wordt niet gemaakt.\n"
        "  Metingen!C4  getal-te-groot  Het getal '9E+307'"
    )
    assert main(["jaarrapport", str(HUGE), "--uit", str(tmp_path), "--forceer"]) == 0
    assert [p.suffix for p in tmp_path.iterdir()] == [".docx"]


def test_trends_schrijf_leaves_a_workbook_planrapport_and_openpyxl_read_again(capsys, tmp_path):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(HUGE, path)
    assert main(["trends", str(path), "--schrijf"]) == 0
    with zipfile.ZipFile(path) as package:
        sheets = [package.read(n) for n in package.namelist() if n.startswith("xl/worksheets/sheet")]
    assert not any(b"<v>inf" in xml or b"<v>nan" in xml or b"<v>-inf" in xml for xml in sheets)
    assert load_workbook(path)["Trends"]["A3"].value == "Code"
    assert read_plan(path).settings.municipality == "Kleingene"


def test_the_trends_writer_never_puts_a_non_finite_number_in_a_sheet(tmp_path):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(FIXTURES / "validatie" / "geldig.xlsx", path)
    table = TrendsTable(
        [
            ["Trends"],
            ["uitleg"],
            ["Code", "Indicator", "Getal"],
            ["1", "a", float("inf")],
            ["2", "b", float("nan")],
            ["3", "c", 1.5],
        ]
    )
    write_trends_sheet(path, table)
    sheet = load_workbook(path)["Trends"]
    assert [sheet.cell(row=r, column=3).value for r in (4, 5, 6)] == [None, None, 1.5]


@pytest.mark.parametrize("raw", [9e307, float("inf"), "1" + "0" * 400, "1e15", 1e15, "12 (1" + "0" * 400 + "%)"])
def test_numbers_beyond_what_a_report_shows_are_read_as_no_number(raw):
    parsed = parse_number(raw)
    assert parsed.value is None and parsed.too_large


def test_the_largest_shown_number_is_still_a_number():
    assert parse_number(999_999_999_999_999).value == 999_999_999_999_999
    assert parse_number("999.999.999.999.999").value == 999_999_999_999_999
