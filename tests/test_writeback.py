"""The check's write-back: a Controle sheet and marker fills, and not one other change to the workbook."""

import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from conftest import DENDERLEEUW, FIXTURES, WAREGEM, ooxml_validator, soffice
from openpyxl import load_workbook
from openpyxl.styles import PatternFill

from reporting.validation import ValidationReport, validate
from workbook.plan.errors import WorkbookError
from workbook.reading.reader import read_plan
from workbook.sheets.writeback import ERROR_FILL, WARNING_FILL, check_rows, write_check_sheet
from workbook.spreadsheet.richtext import to_markup

VALIDATIE = FIXTURES / "validatie"
MARKERS = {ERROR_FILL, WARNING_FILL}


def _copy(source: Path, tmp_path: Path, name: str | None = None) -> Path:
    target = tmp_path / (name or source.name)
    shutil.copyfile(source, target)
    return target


def _snapshot(path: Path) -> dict:
    """Every cell's value and style (fill apart), data validations, defined names and tables, per sheet."""
    workbook = load_workbook(path, rich_text=True, keep_vba=path.suffix == ".xlsm")
    sheets, fills = {}, {}
    for sheet in workbook.worksheets:
        if sheet.title == "Controle":
            continue
        cells = {}
        for row in sheet.iter_rows():
            for cell in row:
                style = (
                    repr(cell.font),
                    repr(cell.border),
                    repr(cell.alignment),
                    cell.number_format,
                    repr(cell.protection),
                )
                cells[cell.coordinate] = (to_markup(cell.value), style)
                fills[(sheet.title, cell.coordinate)] = cell.fill
        validations = sorted(
            (str(dv.sqref), dv.type, dv.formula1, dv.formula2, dv.error, dv.errorTitle, dv.errorStyle)
            for dv in sheet.data_validations.dataValidation
        )
        tables = sorted((t.name, t.ref) for t in sheet.tables.values())
        local_names = sorted((n, d.attr_text) for n, d in sheet.defined_names.items())
        sheets[sheet.title] = (
            cells,
            validations,
            tables,
            local_names,
            sheet.freeze_panes,
            {k: d.width for k, d in sheet.column_dimensions.items()},
        )
    names = sorted((n, d.attr_text) for n, d in workbook.defined_names.items())
    return {"sheets": sheets, "names": names, "order": workbook.sheetnames, "fills": fills}


def _fill_colour(fill: PatternFill) -> str | None:
    return fill.fgColor.rgb if fill.fill_type == "solid" and isinstance(fill.fgColor.rgb, str) else None


@pytest.mark.parametrize(
    "source", [VALIDATIE / "uitleg-ontbreekt.xlsx", WAREGEM, DENDERLEEUW], ids=["fout", "waregem", "denderleeuw"]
)
def test_write_back_changes_nothing_but_the_check_sheet_and_fills(tmp_path, source):
    path = _copy(source, tmp_path, "plan.xlsx")
    original = path.read_bytes()
    before = _snapshot(path)
    report = validate(read_plan(path))
    assert report.issues
    backup = write_check_sheet(path, report.check_list())
    assert backup.name == f"plan (reservekopie {date.today().isoformat()}).xlsx" and backup.read_bytes() == original
    after = _snapshot(path)
    assert after["order"] == [*before["order"], "Controle"]
    assert after["names"] == before["names"]
    assert after["sheets"] == before["sheets"]
    expected_marks = {(i.sheet, i.coordinate) for i in report.issues}
    for key, fill in after["fills"].items():
        if key in expected_marks:
            assert _fill_colour(fill) in MARKERS, key
        else:
            assert repr(fill) == repr(before["fills"].get(key, PatternFill())), key


def test_the_check_sheet_holds_the_rows_with_a_link_to_each_cell(tmp_path):
    path = _copy(WAREGEM, tmp_path)
    report = validate(read_plan(path))
    write_check_sheet(path, report.check_list())
    sheet = load_workbook(path)["Controle"]
    values = [[v if v is not None else "" for v in row] for row in sheet.iter_rows(values_only=True)]
    assert values == check_rows(report.check_list())
    assert values[2] == ["Ernst", "Blad", "Cel", "Code", "Melding"]
    assert values[1][0].startswith("Geen fouten, 41 waarschuwingen (rapportjaar 2012).")
    first = report.issues[0]
    assert values[3] == ["waarschuwing", "Acties", first.coordinate, first.code, first.message]
    links = {
        cell.coordinate: cell.hyperlink.location for row in sheet.iter_rows(min_row=4) for cell in row if cell.hyperlink
    }
    assert links == {f"C{n}": f"'{i.sheet}'!{i.coordinate}" for n, i in enumerate(report.issues, start=4)}
    assert sheet.freeze_panes == "A4"


def test_the_next_check_clears_the_fills_and_replaces_the_list(tmp_path):
    path = _copy(VALIDATIE / "uitleg-ontbreekt.xlsx", tmp_path, "plan.xlsx")
    before = _snapshot(path)
    write_check_sheet(path, validate(read_plan(path)).check_list())
    assert _fill_colour(load_workbook(path)["Opvolging"]["D4"].fill) == ERROR_FILL
    write_check_sheet(path, ValidationReport((), year=2023).check_list())
    after = _snapshot(path)
    assert {k: repr(f) for k, f in after["fills"].items()} == {k: repr(f) for k, f in before["fills"].items()}
    assert after["sheets"] == before["sheets"]
    sheet = load_workbook(path)["Controle"]
    assert [c.value for c in sheet["A"]] == ["Controle", "Geen fouten of waarschuwingen (rapportjaar 2023).", "Ernst"]
    rotation, *rest = sorted(p.name for p in tmp_path.iterdir())  # the second write's copy sorts first
    assert rest == [f"plan (reservekopie {date.today().isoformat()}).xlsx", "plan.xlsx"]
    assert rotation.startswith(f"plan (reservekopie {date.today().isoformat()} ")


def test_fills_are_cleared_after_the_officer_saved_the_workbook_again(tmp_path):
    path = _copy(VALIDATIE / "uitleg-ontbreekt.xlsx", tmp_path, "plan.xlsx")
    write_check_sheet(path, validate(read_plan(path)).check_list())
    workbook = load_workbook(path, rich_text=True)
    workbook["Opvolging"]["D4"] = "Vertraagd door ziekte van de toeleider."
    workbook.save(path)
    report = validate(read_plan(path))
    assert report.ok and not report.issues
    write_check_sheet(path, report.check_list())
    cell = load_workbook(path)["Opvolging"]["D4"]
    assert cell.value == "Vertraagd door ziekte van de toeleider." and cell.fill.fill_type is None


def test_repeated_checks_do_not_grow_the_styles(tmp_path):
    path = _copy(VALIDATIE / "uitleg-ontbreekt.xlsx", tmp_path, "plan.xlsx")
    report = validate(read_plan(path))
    write_check_sheet(path, report.check_list())
    first = zipfile.ZipFile(path).read("xl/styles.xml")
    write_check_sheet(path, report.check_list())
    write_check_sheet(path, report.check_list())
    assert zipfile.ZipFile(path).read("xl/styles.xml") == first


def test_an_officers_own_fill_is_never_replaced_or_cleared(tmp_path):
    path = _copy(VALIDATIE / "uitleg-ontbreekt.xlsx", tmp_path, "plan.xlsx")
    workbook = load_workbook(path, rich_text=True)
    workbook["Opvolging"]["D4"].fill = PatternFill("solid", fgColor="FFFFFF00")
    workbook.save(path)
    report = validate(read_plan(path))
    write_check_sheet(path, report.check_list())
    assert _fill_colour(load_workbook(path)["Opvolging"]["D4"].fill) == "FFFFFF00"
    write_check_sheet(path, ValidationReport(()).check_list())
    assert _fill_colour(load_workbook(path)["Opvolging"]["D4"].fill) == "FFFFFF00"


def test_a_macro_workbook_keeps_its_macros_button_and_every_other_part(tmp_path):
    path = _copy(VALIDATIE / "met-macro.xlsm", tmp_path)
    before = zipfile.ZipFile(path)
    parts = {name: before.read(name) for name in before.namelist()}
    snapshot = _snapshot(path)
    report = validate(read_plan(path))
    assert [i.code for i in report.issues] == ["uitleg-ontbreekt", "geen-richting"]
    write_check_sheet(path, report.check_list())
    after = zipfile.ZipFile(path)
    assert after.read("xl/vbaProject.bin") == parts["xl/vbaProject.bin"]
    changed = {name for name in parts if after.read(name) != parts[name]}
    assert changed == {
        "[Content_Types].xml",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/worksheets/sheet6.xml",
        "xl/worksheets/sheet7.xml",
    }  # Opvolging, Indicatoren
    assert set(after.namelist()) - set(parts) == {"xl/worksheets/sheet11.xml"}
    assert b"macroEnabled" in after.read("[Content_Types].xml")
    later = _snapshot(path)
    assert later["sheets"] == snapshot["sheets"] and later["names"] == snapshot["names"]
    assert load_workbook(path, keep_vba=True).sheetnames[-1] == "Controle"


def test_a_check_sheet_the_officer_made_is_not_overwritten(tmp_path):
    path = _copy(VALIDATIE / "geldig.xlsx", tmp_path, "plan.xlsx")
    workbook = load_workbook(path, rich_text=True)
    workbook.create_sheet("Controle")["A1"] = "Mijn eigen controlelijst"
    workbook.save(path)
    original = path.read_bytes()
    with pytest.raises(WorkbookError) as raised:
        write_check_sheet(path, validate(read_plan(path)).check_list())
    assert raised.value.message == (
        "plan.xlsx: het werkboek heeft al een blad 'Controle' dat planrapport niet gemaakt heeft. Geef dat blad "
        "een andere naam en probeer opnieuw."
    )
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_a_workbook_open_in_excel_is_left_alone(tmp_path):
    path = _copy(VALIDATIE / "geldig.xlsx", tmp_path, "plan.xlsx")
    (tmp_path / "~$plan.xlsx").write_bytes(b"lock")
    original = path.read_bytes()
    with pytest.raises(WorkbookError) as raised:
        write_check_sheet(path, validate(read_plan(path)).check_list())
    assert raised.value.message == "plan.xlsx: het werkboek is open in Excel. Sluit het en probeer opnieuw."
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx", "~$plan.xlsx"]


def test_text_that_excel_would_decode_is_shown_as_written(tmp_path):
    path = _copy(VALIDATIE / "ongeldig-teken.xlsx", tmp_path, "plan.xlsx")
    report = validate(read_plan(path))
    write_check_sheet(path, report.check_list())
    assert b"_x005F_x000B_" not in zipfile.ZipFile(path).read("xl/worksheets/sheet11.xml")  # message quotes no text
    assert load_workbook(path)["Controle"]["D4"].value == "ongeldig-teken"


def test_the_result_is_valid_for_the_open_xml_validator_and_libreoffice(tmp_path):
    path = _copy(WAREGEM, tmp_path, "plan.xlsx")
    before = _validator_errors(path)
    write_check_sheet(path, validate(read_plan(path)).check_list())
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
    saved_again = tmp_path / "lo" / "plan.xlsx"
    converted = load_workbook(saved_again)
    assert converted["Controle"]["D4"].value == "ontbrekende-opvolging"
    assert _fill_colour(converted["Acties"]["A69"].fill) == WARNING_FILL
    # Saved by another program (shared strings, its own styles): the next check still finds its sheet and fills.
    write_check_sheet(saved_again, ValidationReport((), year=2012).check_list())
    cleared = load_workbook(saved_again)
    assert cleared.sheetnames.count("Controle") == 1 and cleared["Controle"]["A3"].value == "Ernst"
    assert not [
        c.coordinate
        for s in cleared.worksheets
        for row in s.iter_rows()
        for c in row
        if _fill_colour(c.fill) in MARKERS and s.title != "Controle"
    ]


def _validator_errors(path: Path) -> set[tuple[str, str, str]]:
    import json

    result = subprocess.run([ooxml_validator(), str(path)], capture_output=True, text=True, timeout=180)
    found = json.loads(result.stdout)
    return {(e["description"], e["path"], e["xPath"]) for e in found.get("errors", [])}
