"""Build the workbook with buttons (planrapport.xlsm) from the template: python -m workbook.builders.build_xlsm."""

from __future__ import annotations

import argparse
import io
import sys
from dataclasses import dataclass
from pathlib import Path

from workbook.builders.vba_project import VBA_PROJECT, build_vba_project
from workbook.builders.xlsx_copy import CopyReport, copy_workbook
from workbook.plan.schema import DATA_SHEETS, FOLLOW_UP, GUIDE_SHEET, SETTINGS_SHEET
from workbook.storage.files import write_atomically
from xlsx_templates import MACRO_TEMPLATE

CONFIG_SHEET = "xlwings.conf"
# Where install-windows.ps1 puts the environment; xlwings expands %VARIABLES% in these values.
INTERPRETER = r"%LOCALAPPDATA%\planrapport\venv\Scripts\pythonw.exe"
# xlwings reads column A (key) and B (value) from A1 down to the first empty cell; nothing else.
CONFIG = (
    ("Interpreter_Win", INTERPRETER),
    # Leave the workbook's own folder off sys.path, so a file beside the workbook cannot hide planrapport.
    ("ADD_WORKBOOK_TO_PYTHONPATH", "false"),
    # xlwings then leaves Python's error on a sheet "Error", where the macros (macros/planrapport.bas) take it
    # for their own Dutch message instead of xlwings' English popup.
    ("SHOW_ERROR_POPUPS", "False"),
)
# Only on the copy `planrapport zelftest` clicks: the buttons put their message beside this setting (column C)
# instead of in a box, and open no document, so clicking every button runs unattended.
SELFTEST_KEY = "PLANRAPPORT_ZELFTEST"
MESSAGE_COLUMN = 3
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


# On every main sheet; `planrapport zelftest` clicks these (they change nothing the officer typed).
BUTTONS = (
    Button("Controleer", "Controleer", 100),
    Button("GenereerJaarrapport", "Genereer jaarrapport", 160),
    Button("GenereerBeleidsplan", "Genereer beleidsplan", 160),
)
# The yearly cycle, in its order: on the guide and on Opvolging, where the year's follow-up is.
CYCLE_BUTTONS = (
    Button("NieuwJaar", "Nieuw jaar", 100),
    Button("VraagOpvolgingOp", "Vraag opvolging op", 150),
    Button("VerzamelOpvolging", "Verzamel opvolging", 150),
    Button("DienIn", "Dien in", 90),
)
# The end of the plan period: on the guide and on Instellingen, where the period is.
PERIOD_BUTTONS = (
    Button("MaakEvaluatie", "Maak evaluatie", 130),
    Button("NieuwPlan", "Nieuw plan", 100),
)
ALL_BUTTONS = BUTTONS + CYCLE_BUTTONS + PERIOD_BUTTONS
BAR_SHEETS = (SETTINGS_SHEET, *(sheet.name for sheet in DATA_SHEETS))
# The bar sits in row 1, right of the sheet title; the guide's buttons are stacked beside its text.
BAR_ROW_HEIGHT = 24  # points (32 pixels)
BAR_LEFT, BAR_TOP, BAR_HEIGHT, BAR_GAP, BAR_GROUP_GAP = 280, 3, 26, 8, 24
GUIDE_ROW_HEIGHT = 120  # points (160 pixels): room for the four buttons of the cycle
GUIDE_LEFT, GUIDE_TOP, GUIDE_WIDTH, GUIDE_HEIGHT, GUIDE_GAP = 12, 10, 200, 30, 6


def bar_buttons(sheet: str) -> tuple[tuple[Button, ...], ...]:
    """The groups of buttons in row 1 of a main sheet: on Opvolging Controleer and the cycle's, on Instellingen
    BUTTONS and the period's, elsewhere BUTTONS (seven would not fit in a screen's width)."""
    if sheet == FOLLOW_UP.name:
        return (BUTTONS[:1], CYCLE_BUTTONS)
    if sheet == SETTINGS_SHEET:
        return (BUTTONS, PERIOD_BUTTONS)
    return (BUTTONS,)


def write_macro_workbook(
    source: Path | bytes,
    target: Path,
    vba_project: Path = VBA_PROJECT,
    extra_settings: tuple[tuple[str, str], ...] = (),
) -> CopyReport:
    """Write `target` (.xlsm): every sheet of the .xlsx `source`, plus buttons, macros and the xlwings settings
    (CONFIG, then `extra_settings`)."""
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
                _button_bar(sheet, custom_first_row, bar_buttons(name))
        _config_sheet(book, CONFIG + extra_settings)
    finally:
        book.close()
        formulas.close()
        values.close()
    return report


def _button_bar(sheet, custom_first_row: bool, groups: tuple[tuple[Button, ...], ...]) -> None:
    if not custom_first_row:
        sheet.set_row(0, BAR_ROW_HEIGHT)
    left = BAR_LEFT
    for group in groups:
        for button in group:
            sheet.insert_button(
                0,
                0,
                {
                    "macro": button.macro,
                    "caption": button.caption,
                    "width": button.width,
                    "height": BAR_HEIGHT,
                    "x_offset": left,
                    "y_offset": BAR_TOP,
                    "description": button.caption,
                },
            )
            left += button.width + BAR_GAP
        left += BAR_GROUP_GAP - BAR_GAP


def _guide_buttons(sheet, custom_first_row: bool) -> None:
    """Three stacks beside the title: the checks and documents, the yearly cycle step by step, the end of the
    plan period."""
    if not custom_first_row:
        sheet.set_row(0, GUIDE_ROW_HEIGHT)
    for stack, buttons in enumerate((BUTTONS, CYCLE_BUTTONS, PERIOD_BUTTONS)):
        for index, button in enumerate(buttons):
            sheet.insert_button(
                0,
                1,
                {
                    "macro": button.macro,
                    "caption": button.caption,
                    "width": GUIDE_WIDTH,
                    "height": GUIDE_HEIGHT,
                    "x_offset": GUIDE_LEFT + stack * (GUIDE_WIDTH + 2 * GUIDE_GAP),
                    "y_offset": GUIDE_TOP + index * (GUIDE_HEIGHT + GUIDE_GAP),
                    "description": button.caption,
                },
            )


def _config_sheet(book, settings: tuple[tuple[str, str], ...]) -> None:
    sheet = book.add_worksheet(CONFIG_SHEET)
    for row, (key, value) in enumerate(settings):
        sheet.write_string(row, 0, key)
        sheet.write_string(row, 1, value)
    sheet.write_string(0, 3, CONFIG_NOTE)
    sheet.set_column(0, 0, 30)
    sheet.set_column(1, 1, 60)
    sheet.hide()


def button_settings(path: Path) -> dict[str, str]:
    """The settings on a workbook's xlwings.conf sheet as xlwings reads them: keys in capitals, from A1 down to the
    first empty cell of column A; empty when the sheet is missing."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        if CONFIG_SHEET not in book.sheetnames:
            return {}
        settings = {}
        for key, value in book[CONFIG_SHEET].iter_rows(min_col=1, max_col=2, values_only=True):
            if key in (None, ""):
                break
            settings[str(key).upper()] = "" if value is None else str(value)
        return settings
    finally:
        book.close()


def build(target: Path = MACRO_TEMPLATE) -> Path:
    """The fresh template, as a workbook with buttons."""
    from workbook.builders.template import build_template

    data = io.BytesIO()
    build_template().save(data)
    return write_atomically(target, lambda temporary: write_macro_workbook(data.getvalue(), temporary), overwrite=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--vba",
        action="store_true",
        help="first rebuild xlsx_templates/vbaProject.bin: the VBA project of the installed xlwings' "
        "quickstart_standalone.xlsm with macros/planrapport.bas as the source of Module1",
    )
    args = parser.parse_args(argv)
    if args.vba:
        print(build_vba_project())
    print(build())
    return 0


if __name__ == "__main__":
    sys.exit(main())
