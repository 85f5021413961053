"""planrapport indienen: the final report, a hidden record of what was submitted, and controleer after it."""

import shutil
import zipfile
from datetime import date
from pathlib import Path

from conftest import DENDERLEEUW, FIXTURES
from docx import Document
from openpyxl import load_workbook

from planrapport.cli import main
from reporting.formatting import long_date
from reporting.validation import validate
from workbook.reader import read_plan
from workbook.xlsx_package import Package
from workbook.xlsx_rows import TableSheet


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _set(path: Path, sheet_name: str, row: int, column: int, value) -> None:
    package = Package(path)
    sheet = TableSheet(package, sheet_name, None)
    sheet.set_value(row, column, value)
    sheet.save()
    package.write(path.with_suffix(".tmp"))
    path.with_suffix(".tmp").replace(path)


def test_submitting_writes_the_final_report_and_a_hidden_protected_record(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    before = _parts(path)
    assert main(["indienen", str(path), "--jaar", "2023"]) == 0
    today = long_date(date.today())
    assert capsys.readouterr().out.splitlines()[:2] == [
        str(tmp_path / "jaarrapport-2023-denderleeuw.docx"),
        f"Ingediend op {today}: de opvolging van 6 acties en 0 metingen van 2023 staan op het verborgen blad "
        "Ingediend."]
    text = "\n".join(p.text for p in Document(tmp_path / "jaarrapport-2023-denderleeuw.docx").paragraphs)
    assert "ONTWERP" not in text
    after = _parts(path)
    assert {n for n in before if after[n] != before[n]} == {"[Content_Types].xml", "xl/workbook.xml",
                                                              "xl/_rels/workbook.xml.rels"}
    record = load_workbook(path)["Ingediend"]
    assert record.sheet_state == "hidden" and record.protection.sheet
    assert [c.value for c in record[4]] == [2023, date.today().isoformat(), "Opvolging", "A10900", "2023", "Status",
                                            read_plan(path).follow_ups[0].status]
    report = validate(read_plan(path))
    assert not [i for i in report.issues if i.code == "gewijzigd-na-indiening"]
    assert not [n for n in read_plan(path).notes if n.sheet == "Ingediend"]


def test_controleer_names_a_submitted_value_changed_afterwards_and_resubmitting_replaces_the_record(tmp_path,
                                                                                                    capsys):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    assert main(["indienen", str(path), "--jaar", "2023"]) == 0
    plan = read_plan(path)
    row = plan.follow_ups[0]
    _set(path, "Opvolging", row.origin.row, 3, "Afgerond")
    capsys.readouterr()
    assert main(["controleer", str(path)]) == 0
    assert "gewijzigd-na-indiening" in capsys.readouterr().out
    changed = [(i.cell, i.severity, i.message) for i in validate(read_plan(path)).issues
               if i.code == "gewijzigd-na-indiening"]
    assert changed == [(f"Opvolging!C{row.origin.row}", "waarschuwing",
                        f"Status van actie A10900 (2023) is gewijzigd na indiening op {long_date(date.today())}: was "
                        f"'{row.status}'. Klopt de nieuwe waarde, dien 2023 dan opnieuw in; anders zet u de "
                        "ingediende waarde terug.")]
    assert main(["indienen", str(path), "--jaar", "2023", "--overschrijf"]) == 0
    assert f"Dit vervangt de indiening van 2023 op {long_date(date.today())}." in capsys.readouterr().out
    assert not [i for i in validate(read_plan(path)).issues if i.code == "gewijzigd-na-indiening"]
    assert load_workbook(path).sheetnames.count("Ingediend") == 1


def test_nothing_is_submitted_while_the_workbook_has_errors(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(FIXTURES / "validatie" / "onbekende-status.xlsx", path)
    original = path.read_bytes()
    assert main(["indienen", str(path), "--jaar", "2023"]) == 1
    assert capsys.readouterr().err.startswith("planrapport: plan.xlsx heeft 1 fout; het jaarrapport wordt niet "
                                              "gemaakt.")
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]
