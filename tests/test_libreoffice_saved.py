"""A workbook saved by LibreOffice after planrapport wrote its Trends and Controle sheets accepts both write-backs
again: the own-sheet check reads the header cells whether stored inline or as shared strings."""

import shutil
import subprocess
import zipfile
from pathlib import Path

from conftest import FIXTURES, WAREGEM, soffice
from openpyxl import load_workbook

from reporting.trends_table import trends_table
from reporting.validation import validate
from workbook.reading.reader import read_plan
from workbook.sheets.trends_sheet import write_trends_sheet
from workbook.sheets.writeback import write_check_sheet

SAVED = FIXTURES / "regressies" / "trends-en-controle-door-libreoffice-bewaard.xlsx"


def _write_both(path: Path) -> None:
    plan = read_plan(path)
    write_trends_sheet(path, trends_table(plan))
    write_check_sheet(path, validate(plan).check_list())


def _shared_string_headers(path: Path) -> bool:
    with zipfile.ZipFile(path) as package:
        return all(
            b't="inlineStr"' not in package.read(name)
            for name in package.namelist()
            if name.startswith("xl/worksheets/")
        )


def test_both_write_backs_work_again_on_the_committed_libreoffice_saved_workbook(tmp_path):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(SAVED, path)
    assert _shared_string_headers(path)
    _write_both(path)
    book = load_workbook(path)
    assert [name for name in book.sheetnames if name in ("Trends", "Controle")] == ["Trends", "Controle"]
    assert len(book.sheetnames) == len(load_workbook(SAVED).sheetnames)
    assert book["Trends"]["A3"].value == "Code" and book["Controle"]["A3"].value == "Ernst"


def test_both_write_backs_work_again_after_a_real_libreoffice_save(tmp_path):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(WAREGEM, path)
    _write_both(path)
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
    shutil.copyfile(tmp_path / "lo" / "plan.xlsx", path)
    assert _shared_string_headers(path)
    _write_both(path)
    _write_both(path)
    book = load_workbook(path)
    assert book["Trends"]["A3"].value == "Code" and book["Controle"]["A3"].value == "Ernst"
    assert sum(name in ("Trends", "Controle") for name in book.sheetnames) == 2
