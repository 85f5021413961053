"""The workbook with buttons: its VBA project is the committed one, every button reaches a Python function, same sheets
as the template, rebuilt byte for byte, valid and opened by LibreOffice."""

from __future__ import annotations

import importlib
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
import tomllib
import xlwings
from conftest import ooxml_validator, soffice
from lxml import etree
from oletools.olevba import VBA_Parser
from openpyxl import load_workbook

from workbook.builders.build_xlsm import (
    ALL_BUTTONS,
    BAR_SHEETS,
    CONFIG,
    CONFIG_SHEET,
    INTERPRETER,
    MACRO_TEMPLATE,
    bar_buttons,
    build,
)
from workbook.builders.vba_project import MACRO_SOURCE, OUR_MODULE, VBA_PROJECT
from workbook.plan.schema import DATA_SHEETS, GUIDE_SHEET, SETTINGS_SHEET
from xlsx_templates import TEMPLATE

ROOT = Path(__file__).parent.parent
SUB = re.compile(r"^Public Sub (\w+)\(\)\s*$", re.MULTILINE)
CALL = re.compile(r'Private Const PYTHON_CALL As String = "import ([\w.]+); ([\w.]+)\."')
RUN_BUTTON = re.compile(r'^Public Sub (\w+)\(\)\s*\n\s*RunButton "(\w+)", ', re.MULTILINE)


def source_lines(text: str) -> list[str]:
    """A module's code without Attribute lines, line endings or trailing blank lines."""
    lines = [line for line in text.replace("\r\n", "\n").split("\n") if not line.startswith("Attribute ")]
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def modules_of(path: Path) -> dict[str, str]:
    parser = VBA_Parser(str(path))
    try:
        return {name: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()


def standard_modules(path: Path) -> dict[str, str]:
    return {name: code for name, code in modules_of(path).items() if name.endswith(".bas")}


def button_macros(path: Path) -> dict[str, list[str]]:
    """Sheet drawing part -> the macro of each button in it (the VML's FmlaMacro)."""
    found = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/drawings/vmlDrawing"):
                root = etree.fromstring(archive.read(name))
                found[name] = [m.text for m in root.iter("{urn:schemas-microsoft-com:office:excel}FmlaMacro")]
    return found


def test_the_workbook_holds_the_committed_vba_project():
    with zipfile.ZipFile(MACRO_TEMPLATE) as archive:
        assert archive.read("xl/vbaProject.bin") == VBA_PROJECT.read_bytes()
    assert sorted(modules_of(MACRO_TEMPLATE)) == [
        "Dictionary.cls",
        f"{OUR_MODULE}.bas",
        "Sheet1.cls",
        "Sheet2.cls",
        "ThisWorkbook.cls",
        "xlwings.bas",
    ]
    ours = standard_modules(MACRO_TEMPLATE)[f"{OUR_MODULE}.bas"]
    assert source_lines(ours) == source_lines(MACRO_SOURCE.read_bytes().decode("cp1252"))


def test_every_button_runs_a_public_sub_that_exists():
    subs = set(SUB.findall("\n".join(source_lines(standard_modules(MACRO_TEMPLATE)[f"{OUR_MODULE}.bas"]))))
    macros = button_macros(MACRO_TEMPLATE)
    assert len(macros) == 1 + 1 + len(DATA_SHEETS)  # the guide, the settings and every data sheet
    found = sorted([name.removeprefix("[0]!") for name in names] for names in macros.values())
    expected = [[b.macro for b in ALL_BUTTONS]]  # the guide
    expected += [[b.macro for group in bar_buttons(name) for b in group] for name in BAR_SHEETS]
    assert found == sorted(expected)
    assert [b.macro for group in bar_buttons("Opvolging") for b in group] == [
        "Controleer",
        "NieuwJaar",
        "VraagOpvolgingOp",
        "VerzamelOpvolging",
        "DienIn",
    ]
    assert [b.macro for group in bar_buttons("Instellingen") for b in group] == [
        "Controleer",
        "GenereerJaarrapport",
        "GenereerBeleidsplan",
        "MaakEvaluatie",
        "NieuwPlan",
    ]
    assert [b.macro for b in ALL_BUTTONS][-2:] == ["MaakEvaluatie", "NieuwPlan"]  # on the guide too
    assert {b.macro for b in ALL_BUTTONS} == subs


def test_every_sub_runs_a_function_of_the_installed_package():
    code = "\n".join(source_lines(standard_modules(MACRO_TEMPLATE)[f"{OUR_MODULE}.bas"]))
    module_name, prefix = CALL.search(code).groups()
    assert prefix == module_name
    module = importlib.import_module(module_name)
    subs = RUN_BUTTON.findall(code)
    assert [sub for sub, _ in subs] == [b.macro for b in ALL_BUTTONS]
    for sub, function in subs:
        assert callable(getattr(module, function)), sub


def test_the_xlwings_module_is_the_installed_version():
    installed = xlwings.__version__
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = [d for d in project["dependencies"] if re.match(r"xlwings\b", d)]
    assert pins == [f"xlwings=={installed}"]
    module = standard_modules(MACRO_TEMPLATE)["xlwings.bas"]
    assert f'Public Const XLWINGS_VERSION As String = "{installed}"' in module
    assert f"'Version: {installed}" in module
    assert set(re.findall(r"xlwings(?:32|64)-([\d.]+)\.dll", module)) == {installed}
    wheel = Path(xlwings.__file__).with_name("xlwings.bas").read_bytes().decode("cp1252")
    assert source_lines(module) == source_lines(wheel)


def test_the_settings_sheet_points_at_the_installed_interpreter():
    workbook = load_workbook(MACRO_TEMPLATE)
    sheet = workbook[CONFIG_SHEET]
    assert sheet.sheet_state == "hidden"
    pairs = []
    for row in sheet.iter_rows(min_col=1, max_col=2, values_only=True):
        if row[0] in (None, ""):
            break  # xlwings reads column A from A1 down to the first empty cell
        pairs.append(row)
    assert tuple(pairs) == CONFIG
    assert dict(pairs)["Interpreter_Win"] == r"%LOCALAPPDATA%\planrapport\venv\Scripts\pythonw.exe" == INTERPRETER
    script = (ROOT / "install-windows.ps1").read_text(encoding="utf-8")
    assert "Join-Path $env:LOCALAPPDATA 'planrapport'" in script and "'venv'" in script
    assert f"$XlwingsVersion = '{xlwings.__version__}'" in script


def width(sheet, column: int) -> float | None:
    """A column's width, also when the file describes several columns in one element."""
    return next((d.width for d in sheet.column_dimensions.values() if d.min and d.min <= column <= d.max), None)


def test_the_sheets_are_the_templates_sheets():
    template = load_workbook(TEMPLATE)
    macro = load_workbook(MACRO_TEMPLATE)
    assert macro.sheetnames == [*template.sheetnames, CONFIG_SHEET]
    for name in template.sheetnames:
        old, new = template[name], macro[name]
        assert [[c.value for c in row] for row in old.iter_rows()] == [
            [c.value for c in row] for row in new.iter_rows()
        ], name
        assert old.freeze_panes == new.freeze_panes
        assert {t: old.tables[t].ref for t in old.tables} == {t: new.tables[t].ref for t in new.tables}
        assert {t.tableStyleInfo.name for t in old.tables.values()} == {
            t.tableStyleInfo.name for t in new.tables.values()
        }
        validations = [
            (
                dv.type,
                dv.formula1.lstrip("=") if dv.formula1 else None,
                dv.formula2,
                str(dv.sqref),
                dv.error,
                dv.errorTitle,
            )
            for dv in old.data_validations.dataValidation
        ]
        assert validations == [
            (dv.type, dv.formula1, dv.formula2, str(dv.sqref), dv.error, dv.errorTitle)
            for dv in new.data_validations.dataValidation
        ], name
        for letter, dimension in old.column_dimensions.items():
            assert width(new, dimension.min) == pytest.approx(dimension.width, abs=0.01), (name, letter)
        for cell in (c for row in old.iter_rows() for c in row if c.value is not None):
            twin = new[cell.coordinate]
            assert (twin.font.b, twin.font.i, twin.alignment.wrap_text, twin.number_format) == (
                cell.font.b,
                cell.font.i,
                cell.alignment.wrap_text,
                cell.number_format,
            ), (name, cell.coordinate)
    assert {n: d.attr_text for n, d in template.defined_names.items()} == {
        n: d.attr_text for n, d in macro.defined_names.items()
    }
    assert macro.properties.creator == template.properties.creator
    assert macro.properties.created == template.properties.created


def test_the_button_bar_sits_in_the_first_row_beside_the_title():
    with zipfile.ZipFile(MACRO_TEMPLATE) as archive:
        anchors = [
            re.findall(r"<x:Anchor>([^<]+)</x:Anchor>", archive.read(name).decode())
            for name in archive.namelist()
            if name.startswith("xl/drawings/vmlDrawing")
        ]
    for per_sheet in anchors:
        for anchor in per_sheet:
            _, _, top_row, _, _, _, bottom_row, _ = (int(v) for v in anchor.split(","))
            assert top_row == bottom_row == 0  # row 1 only: the hint in row 2 and the headers stay free
    workbook = load_workbook(MACRO_TEMPLATE)
    for name in (GUIDE_SHEET, SETTINGS_SHEET, *(s.name for s in DATA_SHEETS)):
        assert workbook[name].row_dimensions[1].height is not None


def test_a_fresh_workbook_with_buttons_is_a_copy_of_the_template(tmp_path, capsys):
    import xlsx_templates
    from planrapport.cli import main

    if not hasattr(xlsx_templates, "MACRO_TEMPLATE"):
        pytest.skip("xlsx_templates.MACRO_TEMPLATE is not declared yet")
    assert xlsx_templates.MACRO_TEMPLATE == MACRO_TEMPLATE
    target = tmp_path / "plan.xlsm"
    assert main(["sjabloon", str(target), "--met-knoppen"]) == 0
    assert capsys.readouterr().out == f"{target}\n"
    assert target.read_bytes() == MACRO_TEMPLATE.read_bytes()


def test_rebuilding_gives_the_committed_file_byte_for_byte(tmp_path):
    first, second = tmp_path / "eerste.xlsm", tmp_path / "tweede.xlsm"
    build(first)
    build(second)
    assert first.read_bytes() == second.read_bytes() == MACRO_TEMPLATE.read_bytes()


def test_the_open_xml_validator_accepts_it():
    result = subprocess.run([ooxml_validator(), str(MACRO_TEMPLATE)], capture_output=True, text=True, timeout=180)
    assert '"ok": true' in result.stdout, result.stdout[:2000]


def test_libreoffice_opens_it(tmp_path):
    subprocess.run(
        [
            soffice(),
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(MACRO_TEMPLATE),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "planrapport.pdf"
    assert pdf.stat().st_size > 1000
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Doelstellingen" in text and "Instellingen" in text
