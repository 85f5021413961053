"""planrapport indienen: the final report, a hidden record of what was submitted, and controleer after it."""

import io
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest
from conftest import DENDERLEEUW, FIXTURES, WAREGEM, ooxml_validator
from docx import Document
from openpyxl import load_workbook

from planrapport.cli import main
from reporting.documents import render_year_report
from reporting.figures.formatting import long_date
from reporting.submission_part import read_submission_part
from reporting.validation import validate
from workbook.reading.reader import read_plan
from workbook.records.submission_record import year_records
from workbook.spreadsheet.cells import column_number
from workbook.spreadsheet.package import Package
from workbook.spreadsheet.rows import TableSheet


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


def set_cell(path: Path, cell: str, value) -> None:
    """Set "Begroting!F7" in the workbook as an officer would, the rest of the package as it was."""
    sheet_name, ref = cell.split("!")
    letters = "".join(c for c in ref if c.isalpha())
    _set(path, sheet_name, int(ref[len(letters) :]), column_number(letters), value)


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_submitting_writes_the_final_report_and_a_hidden_protected_record(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    before = _parts(path)
    assert main(["indienen", str(path), "--jaar", "2023"]) == 0
    today = long_date(date.today())
    assert capsys.readouterr().out.splitlines()[:2] == [
        str(tmp_path / "jaarrapport-2023-denderleeuw-ingediend.docx"),
        f"Ingediend op {today}: de opvolging van 6 acties en 0 metingen van 2023 staan op het verborgen blad "
        "Ingediend.",
    ]
    text = "\n".join(p.text for p in Document(tmp_path / "jaarrapport-2023-denderleeuw-ingediend.docx").paragraphs)
    assert "ONTWERP" not in text
    after = _parts(path)
    assert {n for n in before if after[n] != before[n]} == {
        "[Content_Types].xml",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
    }
    record = load_workbook(path)["Ingediend"]
    assert record.sheet_state == "hidden" and record.protection.sheet
    assert [c.value for c in record[4]] == [
        2023,
        date.today().isoformat(),
        "Opvolging",
        "A10900",
        "2023",
        "Status",
        read_plan(path).follow_ups[0].status,
    ]
    report = validate(read_plan(path))
    assert not [i for i in report.issues if i.code == "gewijzigd-na-indiening"]
    assert not [n for n in read_plan(path).notes if n.sheet == "Ingediend"]


def test_controleer_names_a_submitted_value_changed_afterwards_and_resubmitting_replaces_the_record(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    assert main(["indienen", str(path), "--jaar", "2023"]) == 0
    plan = read_plan(path)
    row = plan.follow_ups[0]
    _set(path, "Opvolging", row.origin.row, 3, "Afgerond")
    capsys.readouterr()
    assert main(["controleer", str(path)]) == 0
    assert "gewijzigd-na-indiening" in capsys.readouterr().out
    changed = [
        (i.cell, i.severity, i.message) for i in validate(read_plan(path)).issues if i.code == "gewijzigd-na-indiening"
    ]
    assert changed == [
        (
            f"Opvolging!C{row.origin.row}",
            "waarschuwing",
            f"Status van actie A10900 (2023) is gewijzigd na indiening op {long_date(date.today())}: was "
            f"'{row.status}'. Klopt de nieuwe waarde, dien 2023 dan opnieuw in; anders zet u de "
            "ingediende waarde terug.",
        )
    ]
    assert main(["indienen", str(path), "--jaar", "2023", "--overschrijf"]) == 0
    assert (
        f"Dit vervangt de indiening van 2023 op {long_date(date.today())} en het document "
        "jaarrapport-2023-denderleeuw-ingediend.docx."
    ) in capsys.readouterr().out
    assert not [i for i in validate(read_plan(path)).issues if i.code == "gewijzigd-na-indiening"]
    assert load_workbook(path).sheetnames.count("Ingediend") == 1
    assert [p.name for p in tmp_path.glob("*.docx")] == ["jaarrapport-2023-denderleeuw-ingediend.docx"]


def test_nothing_is_submitted_while_the_workbook_has_errors(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(FIXTURES / "validatie" / "onbekende-status.xlsx", path)
    original = path.read_bytes()
    assert main(["indienen", str(path), "--jaar", "2023"]) == 1
    assert capsys.readouterr().err.startswith("planrapport: plan.xlsx heeft 1 fout; er wordt niets ingediend.\n")
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_the_record_holds_the_budget_and_the_targets_and_a_later_change_is_named_and_reported(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(WAREGEM, path)
    assert main(["indienen", str(path), "--jaar", "2012"]) == 0
    printed = capsys.readouterr().out.splitlines()
    record = year_records(read_plan(path).submitted)[2012]
    assert printed[2] == (
        "Ook de 3 begrotingslijnen van 2012 en de nulmeting, streefwaarde en norm van 148 "
        f"indicatoren staan erop, met het kenmerk {record.fingerprint[:16]}, dat ook in het "
        "jaarrapport staat."
    )
    assert record.intact and record.document == "jaarrapport-2012-waregem-ingediend.docx"
    budget = [(s.code, s.key, s.header, s.value) for s in record.values if s.sheet == "Begroting"]
    first = ("Loonkost 1FT medewerker integratie", "Vlaamse subsidie")
    assert budget[:3] == [
        (*first, "Financier", "Vlaamse Gemeenschap"),
        (*first, "Gepland", 27700),
        (*first, "Besteed", 28105),
    ]
    plan = read_plan(path)
    line = next(b for b in plan.budget_lines if b.year == 2012)
    indicator = plan.indicators[0]
    set_cell(path, line.origin.cell("spent"), 30000)
    set_cell(path, indicator.origin.cell("target_value"), 55)
    plan = read_plan(path)
    today = long_date(date.today())
    assert [(i.cell, i.severity, i.message) for i in validate(plan).issues if i.code == "gewijzigd-na-indiening"] == [
        (
            "Indicatoren!K4",
            "waarschuwing",
            f"Streefwaarde van indicator 1.1.1-I1 is gewijzigd na indiening op {today}: "
            "was leeg. Klopt de nieuwe waarde, dien 2012 dan opnieuw in; anders zet u de ingediende waarde terug.",
        ),
        (
            "Begroting!F7",
            "waarschuwing",
            "Besteed van begrotingslijn 'Loonkost 1FT medewerker integratie' (Vlaamse "
            f"subsidie, 2012) is gewijzigd na indiening op {today}: was '28105'. Klopt de nieuwe waarde, dien 2012 dan "
            "opnieuw in; anders zet u de ingediende waarde terug.",
        ),
    ]
    text = "\n".join(p.text for p in Document(io.BytesIO(render_year_report(plan, 2013, draft=True))).paragraphs)
    assert (
        f"Streefwaarde van indicator 1.1.1-I1: bij de indiening op {today} leeg, nu 55.\n"
        "Besteed van begrotingslijn 'Loonkost 1FT medewerker integratie' (Vlaamse subsidie, 2012): bij de "
        f"indiening op {today} 28.105, nu 30.000."
    ) in text


def test_two_budget_lines_with_the_same_description_and_kind_keep_their_own_key(tmp_path):
    from workbook.records.submitted import budget_keys

    path = tmp_path / "plan.xlsx"
    shutil.copyfile(WAREGEM, path)
    plan = read_plan(path)
    second = [b for b in plan.budget_lines if b.year == 2012][1]
    set_cell(path, second.origin.cell("description"), "Loonkost 1FT medewerker integratie")
    keys = [(code, key) for code, key, _ in budget_keys(read_plan(path), 2012)]
    assert keys == [
        ("Loonkost 1FT medewerker integratie", "Vlaamse subsidie"),
        ("Loonkost 1FT medewerker integratie", "Vlaamse subsidie (lijn 2)"),
        ("Loonkost ½FT beleidsmedewerker", "Eigen middelen gemeente"),
    ]


@pytest.mark.parametrize("lock", ["~$plan.xlsx", ".~lock.plan.xlsx#"])
def test_nothing_is_written_while_the_workbook_is_open(tmp_path, capsys, lock):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    (tmp_path / lock).write_bytes(b"")
    before = listing(tmp_path)
    assert main(["indienen", str(path), "--jaar", "2023"]) == 1
    assert capsys.readouterr().err == (
        "planrapport: plan.xlsx: het werkboek is open in Excel. Sluit het en probeer opnieuw.\n"
    )
    assert listing(tmp_path) == before


def test_nothing_is_written_while_the_final_report_is_open(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    assert main(["indienen", str(path), "--jaar", "2023"]) == 0
    (tmp_path / "~$arrapport-2023-denderleeuw-ingediend.docx").write_bytes(b"")  # Word's name for its lock
    before = listing(tmp_path)
    capsys.readouterr()
    assert main(["indienen", str(path), "--jaar", "2023"]) == 1
    assert capsys.readouterr().err == (
        "planrapport: jaarrapport-2023-denderleeuw-ingediend.docx: het ingediende jaarrapport is open in Word. Sluit "
        "het en probeer opnieuw; er is niets ingediend.\n"
    )
    assert listing(tmp_path) == before


def test_a_file_of_the_same_name_that_is_no_final_report_is_not_replaced(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    (tmp_path / "jaarrapport-2023-denderleeuw-ingediend.docx").write_bytes(b"mijn eigen versie")
    before = listing(tmp_path)
    assert main(["indienen", str(path), "--jaar", "2023"]) == 1
    assert capsys.readouterr().err == (
        "planrapport: jaarrapport-2023-denderleeuw-ingediend.docx: er staat al een bestand met die naam dat geen "
        "ingediend jaarrapport van planrapport is, of dat planrapport niet mag vervangen. Er is niets ingediend. "
        "Verplaats het bestand, of gebruik --overschrijf om het te vervangen.\n"
    )
    assert listing(tmp_path) == before
    assert main(["indienen", str(path), "--jaar", "2023", "--overschrijf"]) == 0
    assert read_submission_part(tmp_path / "jaarrapport-2023-denderleeuw-ingediend.docx").intact


def test_a_read_only_workbook_gets_nothing_written(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    path.chmod(0o444)
    before = listing(tmp_path)
    try:
        assert main(["indienen", str(path), "--jaar", "2023"]) == 1
    finally:
        path.chmod(0o644)
    assert "alleen-lezen" in capsys.readouterr().err
    assert listing(tmp_path) == before


def test_a_failing_record_write_leaves_no_final_report(tmp_path, capsys, monkeypatch):
    from workbook.records import submitted

    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    original = path.read_bytes()

    def broken(self):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(submitted.StagedRecord, "write", broken)
    assert main(["indienen", str(path), "--jaar", "2023"]) != 0
    assert "OSError: [Errno 28] No space left on device" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"] and path.read_bytes() == original


def test_the_final_report_carries_the_submission_in_a_valid_custom_xml_part(tmp_path):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    assert main(["indienen", str(path), "--jaar", "2023"]) == 0
    document = tmp_path / "jaarrapport-2023-denderleeuw-ingediend.docx"
    parts = _parts(document)
    assert b"urn:planrapport:indiening:1" in parts["customXml/item2.xml"]
    assert b"customXmlProps" in parts["customXml/_rels/item2.xml.rels"]
    assert b'Target="../customXml/item2.xml"' in parts["word/_rels/document.xml.rels"]
    assert b'PartName="/customXml/itemProps2.xml"' in parts["[Content_Types].xml"]
    part = read_submission_part(document)
    record = year_records(read_plan(path).submitted)[2023]
    assert part.intact and part.year == 2023 and part.day == date.today()
    assert part.fingerprint == record.fingerprint and len(part.values) == len(record.values)
    import json
    import subprocess

    result = subprocess.run([ooxml_validator(), str(document)], capture_output=True, text=True, timeout=300)
    assert json.loads(result.stdout)["errors"] == []


def test_the_button_submits_nothing_when_the_workbook_cannot_be_saved(tmp_path):
    from live_book_standin import StandInBook

    from planrapport.buttons import press
    from planrapport.cycle_buttons import run_submit

    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    book = StandInBook(path)

    def refused() -> None:
        raise OSError(13, "Permission denied")

    book.save = refused
    outcome = press(run_submit, book)
    assert not outcome.ok and outcome.message == (
        "Er is niets ingediend: planrapport kon het werkboek niet bewaren (is het alleen-lezen, of elders geopend?). "
        "Bewaar het werkboek zelf eens (Bestand > Opslaan als) en klik opnieuw op 'Dien in'."
    )
    assert book.cells["Ingediend"] == [[None]] and not read_live_submitted(book)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_the_button_submits_nothing_while_the_final_report_is_open(tmp_path):
    from live_book_standin import StandInBook

    from planrapport.buttons import press
    from planrapport.cycle_buttons import run_submit

    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    (tmp_path / ".~lock.jaarrapport-2023-denderleeuw-ingediend.docx#").write_bytes(b"")
    book = StandInBook(path)
    before = listing(tmp_path)
    outcome = press(run_submit, book)
    assert not outcome.ok and outcome.message == (
        "jaarrapport-2023-denderleeuw-ingediend.docx: het ingediende jaarrapport is open in Word. Sluit het en "
        "probeer opnieuw; er is niets ingediend."
    )
    assert "Ingediend" not in book.cells and book.saves == 0 and listing(tmp_path) == before


def read_live_submitted(book) -> tuple:
    from workbook.reading.live_book import read_live_plan

    return read_live_plan(book).submitted
