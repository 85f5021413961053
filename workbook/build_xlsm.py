"""Build the workbook with buttons (planrapport.xlsm) from the template: python -m workbook.build_xlsm."""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from workbook.files import write_atomically
from workbook.schema import DATA_SHEETS, GUIDE_SHEET, SETTINGS_SHEET
from workbook.xlsx_copy import CopyReport, copy_workbook
from xlsx_templates import TEMPLATE

MACRO_TEMPLATE = TEMPLATE.with_name("planrapport.xlsm")
VBA_PROJECT = TEMPLATE.with_name("vbaProject.bin")
MACROS_DIR = Path(__file__).resolve().parent.parent / "macros"
MACRO_MODULES = ("xlwings.bas", "planrapport.bas")

CONFIG_SHEET = "xlwings.conf"
# Where install-windows.ps1 puts the environment; xlwings expands %VARIABLES% in these values.
INTERPRETER = r"%LOCALAPPDATA%\planrapport\venv\Scripts\pythonw.exe"
# xlwings reads column A (key) and B (value) from A1 down to the first empty cell; nothing else.
CONFIG = (
    ("Interpreter_Win", INTERPRETER),
    # Leave the workbook's own folder off sys.path, so a file beside the workbook cannot hide planrapport.
    ("ADD_WORKBOOK_TO_PYTHONPATH", "false"),
)
CONFIG_NOTE = (
    "Instellingen voor de knoppen (xlwings). Interpreter_Win is het Python-programma dat "
    "install-windows.ps1 installeert. Pas het alleen aan als planrapport elders staat; zie "
    "'Installatie op de pc van de dienst'."
)


@dataclass(frozen=True)
class Button:
    macro: str  # a Public Sub in macros/planrapport.bas
    caption: str
    width: int  # pixels in the bar on the main sheets


BUTTONS = (
    Button("Controleer", "Controleer", 100),
    Button("GenereerJaarrapport", "Genereer jaarrapport", 160),
    Button("GenereerBeleidsplan", "Genereer beleidsplan", 160),
)
BAR_SHEETS = (SETTINGS_SHEET, *(sheet.name for sheet in DATA_SHEETS))
# The bar sits in row 1, right of the sheet title; the guide's buttons are stacked beside its text.
BAR_ROW_HEIGHT = 24  # points (32 pixels)
BAR_LEFT, BAR_TOP, BAR_HEIGHT, BAR_GAP = 280, 3, 26, 8
GUIDE_ROW_HEIGHT = 102  # points (136 pixels): room for three buttons
GUIDE_LEFT, GUIDE_TOP, GUIDE_WIDTH, GUIDE_HEIGHT, GUIDE_GAP = 12, 10, 220, 34, 8


def write_macro_workbook(source: Path | bytes, target: Path, vba_project: Path = VBA_PROJECT) -> CopyReport:
    """Write `target` (.xlsm): every sheet of the .xlsx `source`, plus buttons, macros and the xlwings settings."""
    import xlsxwriter
    from openpyxl import load_workbook

    def open_source(**options):
        return load_workbook(io.BytesIO(source) if isinstance(source, bytes) else source, **options)

    formulas = open_source(rich_text=True)
    values = open_source(data_only=True)
    book = xlsxwriter.Workbook(str(target), {"in_memory": True})
    try:
        sheets, report = copy_workbook(formulas, values, book, skip={CONFIG_SHEET})
        book.add_vba_project(str(vba_project))
        for name, sheet in sheets.items():
            custom_first_row = formulas[name].row_dimensions[1].height is not None
            if name == GUIDE_SHEET:
                _guide_buttons(sheet, custom_first_row)
            elif name in BAR_SHEETS:
                _button_bar(sheet, custom_first_row)
        _config_sheet(book)
    finally:
        book.close()
        formulas.close()
        values.close()
    return report


def _button_bar(sheet, custom_first_row: bool) -> None:
    if not custom_first_row:
        sheet.set_row(0, BAR_ROW_HEIGHT)
    left = BAR_LEFT
    for button in BUTTONS:
        sheet.insert_button(0, 0, {
            "macro": button.macro, "caption": button.caption, "width": button.width, "height": BAR_HEIGHT,
            "x_offset": left, "y_offset": BAR_TOP, "description": button.caption,
        })
        left += button.width + BAR_GAP


def _guide_buttons(sheet, custom_first_row: bool) -> None:
    if not custom_first_row:
        sheet.set_row(0, GUIDE_ROW_HEIGHT)
    for index, button in enumerate(BUTTONS):
        sheet.insert_button(0, 1, {
            "macro": button.macro, "caption": button.caption, "width": GUIDE_WIDTH, "height": GUIDE_HEIGHT,
            "x_offset": GUIDE_LEFT, "y_offset": GUIDE_TOP + index * (GUIDE_HEIGHT + GUIDE_GAP),
            "description": button.caption,
        })


def _config_sheet(book) -> None:
    sheet = book.add_worksheet(CONFIG_SHEET)
    for row, (key, value) in enumerate(CONFIG):
        sheet.write_string(row, 0, key)
        sheet.write_string(row, 1, value)
    sheet.write_string(0, 3, CONFIG_NOTE)
    sheet.set_column(0, 0, 30)
    sheet.set_column(1, 1, 60)
    sheet.hide()


def build(target: Path = MACRO_TEMPLATE) -> Path:
    """The fresh template, as a workbook with buttons."""
    from workbook.template import build_template

    data = io.BytesIO()
    build_template().save(data)
    return write_atomically(target, lambda temporary: write_macro_workbook(data.getvalue(), temporary),
                            overwrite=True)


def uno_python() -> str | None:
    """A Python that can import LibreOffice's uno bridge (PLANRAPPORT_UNO_PYTHON, else the usual places)."""
    candidates = [os.environ.get("PLANRAPPORT_UNO_PYTHON"), "/usr/bin/python3",
                  "/usr/lib/libreoffice/program/python", "/Applications/LibreOffice.app/Contents/Resources/python",
                  shutil.which("python3")]
    for candidate in filter(None, candidates):
        try:
            found = subprocess.run([candidate, "-c", "import uno"], capture_output=True, timeout=60).returncode == 0
        except OSError:
            continue
        if found:
            return candidate
    return None


def build_vba_project(out: Path, modules: list[Path]) -> Path:
    """vbaProject.bin with exactly `modules`, made by LibreOffice from xlwings' standalone quickstart workbook."""
    import xlwings

    python = uno_python()
    if python is None:
        raise SystemExit("No Python with LibreOffice's uno bridge: install python3-uno or set PLANRAPPORT_UNO_PYTHON.")
    script = Path(__file__).with_name("vba_project.py")
    quickstart = Path(xlwings.__file__).with_name("quickstart_standalone.xlsm")
    subprocess.run([python, str(script), "--quickstart", str(quickstart), "--out", str(out),
                    *(str(m) for m in modules)], check=True, timeout=600, stdout=subprocess.DEVNULL)
    return out


def rebuild_vba_project() -> Path:
    """Copy the installed xlwings' VBA module into macros/ and rebuild vbaProject.bin with LibreOffice."""
    import xlwings

    shutil.copyfile(Path(xlwings.__file__).with_name("xlwings.bas"), MACROS_DIR / "xlwings.bas")
    return build_vba_project(VBA_PROJECT, [MACROS_DIR / name for name in MACRO_MODULES])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--vba", action="store_true",
                        help="first rebuild xlsx_templates/vbaProject.bin from macros/*.bas (needs LibreOffice "
                             "and python3-uno; copies xlwings.bas from the installed xlwings)")
    args = parser.parse_args(argv)
    if args.vba:
        print(rebuild_vba_project())
    print(build())
    return 0


if __name__ == "__main__":
    sys.exit(main())
