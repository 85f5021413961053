"""The Controleer button and `controleer --schrijf` give the same Controle, Trends and cell colours, cell by cell."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DENDERLEEUW, FIXTURES, WAREGEM
from live_book_standin import RenderedSheet, StandInBook, fill_colour
from openpyxl import load_workbook
from openpyxl.styles import PatternFill

from planrapport.buttons import press, run_check
from planrapport.cli import main
from planrapport.excel_book import bgr, marker_areas
from workbook.plan.schema import CHECK_SHEET, TRENDS_SHEET
from workbook.sheets.generated_sheets import ERROR_FILL, MARKER_FILLS, WARNING_FILL, is_own_sheet

GENERATED = (CHECK_SHEET, TRENDS_SHEET)
VALIDATION = FIXTURES / "validatie"
CASES = {
    "waregem": WAREGEM,
    "denderleeuw": DENDERLEEUW,
    **{
        name: VALIDATION / f"{name}.xlsx"
        for name in ("onbekende-status", "negatief-bedrag", "geen-getal", "ontbrekend-blad", "dubbele-code")
    },
}
OWN_GREEN = "FF00B050"


def copies(source: Path, folder: Path) -> tuple[Path, Path]:
    paths = []
    for side in ("opdracht", "knop"):
        (folder / side).mkdir(parents=True, exist_ok=True)
        paths.append(shutil.copyfile(source, folder / side / source.name))
    return paths[0], paths[1]


def run_commands(path: Path, capsys) -> None:
    assert main(["controleer", str(path), "--schrijf"]) in (0, 1)
    assert main(["trends", str(path), "--schrijf"]) in (0, 1)
    capsys.readouterr()


def file_sheet(sheet) -> RenderedSheet:
    """A sheet of the written file in the terms of the stand-in's RenderedSheet."""
    rendered = RenderedSheet()
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value not in (None, ""):
                rendered.values[cell.coordinate] = cell.value
                if cell.font is not None and cell.font.b:
                    rendered.bold.add(cell.coordinate)
            if (fill := fill_colour(cell.fill)) is not None:
                rendered.fills[(cell.row, cell.column)] = fill
            if cell.hyperlink is not None:
                rendered.links[cell.coordinate] = cell.hyperlink.location
    rendered.widths = {letter: float(d.width) for letter, d in sheet.column_dimensions.items() if d.customWidth}
    rendered.frozen = sheet.freeze_panes or "A1"
    for formatting in sheet.conditional_formatting:
        words = {}
        for rule in formatting.rules:
            words[rule.formula[0][1:-1].replace('""', '"')] = str(rule.dxf.fill.bgColor.rgb)
        rendered.word_colours[str(formatting.sqref)] = words
    return rendered


def live_sheet(book: StandInBook, name: str) -> RenderedSheet:
    rendered = book.rendered[name]
    rendered.values = {ref: value for ref, value in rendered.values.items()}
    rendered.fills = book.fills[name]
    return rendered


def assert_same(path: Path, book: StandInBook) -> None:
    workbook = load_workbook(path)
    assert {s.casefold() for s in workbook.sheetnames} == {s.casefold() for s in book.sheet_names()}
    for name in GENERATED:
        by_file, by_button = file_sheet(workbook[name]), live_sheet(book, name)
        for part in ("values", "widths", "bold", "fills", "links", "frozen", "word_colours"):
            assert getattr(by_button, part) == getattr(by_file, part), f"{name}: {part}"
    for sheet in workbook.worksheets:
        if sheet.title not in GENERATED:
            fills = {cell: fill for cell, fill in file_sheet(sheet).fills.items()}
            assert book.fills.get(sheet.title, {}) == fills, f"{sheet.title}: kleuren"


@pytest.mark.parametrize("case", CASES)
def test_the_button_writes_what_the_command_writes(case, tmp_path, capsys):
    by_command, by_button = copies(CASES[case], tmp_path)
    run_commands(by_command, capsys)
    book = StandInBook(by_button)
    press(run_check, book)
    assert_same(by_command, book)
    if case not in ("waregem", "denderleeuw"):
        assert any(colour in MARKER_FILLS for fills in book.fills.values() for colour in fills.values())


def test_a_second_check_clears_the_colours_of_a_fixed_problem_and_the_officers_fill_stays(tmp_path, capsys):
    source = tmp_path / "onbekende-status.xlsx"
    workbook = load_workbook(CASES["onbekende-status"])
    follow_up = workbook["Opvolging"]
    assert follow_up["C4"].value == "Bezig"
    follow_up["C5"] = "Bezig"  # a second problem, on a cell the officer coloured herself
    follow_up["C5"].fill = PatternFill("solid", fgColor=OWN_GREEN)
    workbook.save(source)
    by_command, by_button = copies(source, tmp_path)
    run_commands(by_command, capsys)
    book = StandInBook(by_button)
    press(run_check, book)
    assert_same(by_command, book)
    assert book.fills["Opvolging"][(4, 3)] == ERROR_FILL and book.fills["Opvolging"][(5, 3)] == OWN_GREEN
    assert {"C4", "C5"} <= {ref for ref in book.rendered[CHECK_SHEET].links.values() for ref in [ref.split("!")[1]]}

    fixed = load_workbook(by_command)
    fixed["Opvolging"]["C4"] = "Niet gestart"
    fixed.save(by_command)
    run_commands(by_command, capsys)
    book.type("Opvolging", 4, 3, "Niet gestart")
    press(run_check, book)
    assert_same(by_command, book)
    assert (4, 3) not in book.fills["Opvolging"] and book.fills["Opvolging"][(5, 3)] == OWN_GREEN


def test_controle_and_trends_are_known_as_planrapports_own_in_one_place():
    header = ["Ernst", "Blad", "Cel", "Code", "Melding"]
    assert is_own_sheet(CHECK_SHEET, True, header) and is_own_sheet("controle ", True, [*header, "x"])
    assert not is_own_sheet(CHECK_SHEET, True, ["mijn", "notities"]) and is_own_sheet(CHECK_SHEET, False, [])
    assert is_own_sheet(TRENDS_SHEET, True, ["Code", "Indicator", None]) and not is_own_sheet(TRENDS_SHEET, True, [])


def test_marker_colours_are_found_a_column_at_a_time():
    grid = {(r, c): 0xFFFFFF for r in range(1, 101) for c in range(1, 4)}
    grid[(7, 2)] = grid[(8, 2)] = bgr(ERROR_FILL)
    grid[(50, 3)] = bgr(WARNING_FILL)
    grid[(60, 3)] = 0x00B050  # the officer's own
    asked = []

    def colour(top: int, bottom: int, column: int) -> int | None:
        asked.append((top, bottom, column))
        found = {grid[(r, column)] for r in range(top, bottom + 1)}
        return found.pop() if len(found) == 1 else None

    areas = marker_areas(colour, 100, 3, {bgr(c) for c in MARKER_FILLS})
    cells = {(r, c) for (top, c), (bottom, _) in areas for r in range(top, bottom + 1)}
    assert cells == {(7, 2), (8, 2), (50, 3)}
    assert len(asked) < 60
    assert bgr("FFFFC8C8") == 0xFF + 0xC8 * 256 + 0xC8 * 65536
