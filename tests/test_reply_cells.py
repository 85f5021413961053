"""Every kind of cell a colleague can return, in every column to fill: read like the officer's own, written valid."""

from __future__ import annotations

import copy
import io
import re
import shutil
import zipfile
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import WAREGEM
from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from workbook.cycle.collect import collect
from workbook.cycle.new_year import open_year
from workbook.cycle.requests import write_requests
from workbook.cycle.returns import read_returned
from workbook.plan.schema import FOLLOW_UP, MEASUREMENTS
from workbook.reading.reader import read_plan
from workbook.spreadsheet.package import Package
from workbook.spreadsheet.rows import TableSheet
from workbook.spreadsheet.styles import Stylesheet

YEAR = 2013
REPLY = "opvolging 2013 zonder trekker.xlsx"
FILLED = {FOLLOW_UP.name: FOLLOW_UP.columns[2:], MEASUREMENTS.name: MEASUREMENTS.columns[2:]}
REFUSED = None
# name: (value written with openpyxl, number format, text as it arrives in a text column, number in a number column)
CASES = {
    "tekst": ("Tekst van de collega", None, "Tekst van de collega", REFUSED),
    "Nederlandse getaltekst": ("1.250,5", None, "1.250,5", 1250.5),
    "int": (12, None, "12", 12),
    "float": (12.5, None, "12,5", 12.5),
    "Decimal": (Decimal("12.25"), None, "12,25", 12.25),
    "bool": (True, None, "WAAR", REFUSED),
    "datetime": (datetime(2024, 3, 1), None, "01/03/2024", REFUSED),
    "datetime met uur": (datetime(2024, 3, 1, 9, 15), "dd/mm/yyyy hh:mm", "01/03/2024 09:15", REFUSED),
    "date": (date(2024, 3, 1), None, "01/03/2024", REFUSED),
    "time": (time(14, 30), None, "14:30", REFUSED),
    "timedelta": (timedelta(hours=36), None, "36:00", REFUSED),
    "leeg": (None, None, "", REFUSED),
    "formule met berekende waarde": ("=6*2", None, "12", 12),
    "rijke tekst": (CellRichText([TextBlock(InlineFont(b=True), "vet"), " gewoon"]), None, "**vet** gewoon", REFUSED),
    "percentage": (0.046, "0.0%", "4,6%", 4.6),
    "getal met datumopmaak": (45352, "dd/mm/yyyy", "01/03/2024", REFUSED),
    "foutwaarde": ("#DIV/0!", None, REFUSED, REFUSED),
}


def _path(item: object) -> Path:
    return item.path if hasattr(item, "path") else item[1]


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("basis")
    path = root / "plan.xlsx"
    shutil.copyfile(WAREGEM, path)
    open_year(path, YEAR)
    written = [_path(w) for w in write_requests(read_plan(path), YEAR, root / "uit")]
    assert REPLY in {p.name for p in written}
    return root


def _fill(source: Path, target: Path, value: object, number_format: str | None) -> dict[str, list[int]]:
    """Every column to fill of every row gets `value`; the year and the period are typed the other way round
    (text, a number). Returns the rows filled per sheet."""
    book = load_workbook(source)
    rows: dict[str, list[int]] = {}
    for name, columns in FILLED.items():
        sheet = book[name]
        rows[name] = list(range(4, sheet.max_row + 1))
        for number in rows[name]:
            key = sheet.cell(number, 2)
            key.value = str(key.value) if name == FOLLOW_UP.name else int(key.value)
            for index in range(3, 3 + len(columns)):
                cell = sheet.cell(number, index)
                cell.value = copy.copy(value)
                if number_format:
                    cell.number_format = number_format
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive, zipfile.ZipFile(target, "w") as out:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename.startswith("xl/worksheets/"):  # Excel stores the formula's result beside it
                data = re.sub(rb"<f>6\*2</f>(?:<v\s*/>|<v></v>)?", b"<f>6*2</f><v>12</v>", data)
            out.writestr(info, data)
    return rows


def _letter(index: int) -> str:
    return "ABCDEFGHIJ"[index - 1]


@pytest.mark.parametrize("case", list(CASES))
def test_every_kind_of_cell_arrives_with_its_meaning_or_is_refused_by_name(base, tmp_path, case):
    value, number_format, as_text, as_number = CASES[case]
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(base / "plan.xlsx", path)
    folder = tmp_path / "terug"
    folder.mkdir()
    reply = folder / REPLY
    rows = _fill(base / "uit" / REPLY, reply, value, number_format)
    before = read_plan(path)
    result = collect(path, folder)
    after = read_plan(path)  # never "damaged"
    refusals = result.refusals + read_returned(reply).refusals
    assert not [r for r in refusals if r.startswith(f"{REPLY}: ")], refusals  # the file itself is read

    def refused(sheet: str, index: int, number: int) -> bool:
        return any(
            re.match(rf"{re.escape(REPLY)}, {sheet}!{_letter(index)}{number}( \([^)]*\))?: ", r) for r in refusals
        )

    follow_ups = {r.origin.row: r for r in after.follow_ups}
    old = {r.origin.row: r for r in before.follow_ups}
    returned = read_returned(reply)
    targets = {
        row.row: follow_ups[next(r.origin.row for r in before.follow_ups if (r.action_code, str(r.year)) == row.key)]
        for row in returned.rows
        if row.sheet == FOLLOW_UP.name
    }
    assert len(targets) == len(rows[FOLLOW_UP.name])
    for number, target in targets.items():
        for index, column in enumerate(FILLED[FOLLOW_UP.name], start=3):
            got = getattr(target, column.field)
            if value is None:
                assert got == getattr(old[target.origin.row], column.field)
            elif column.list_name or as_text is REFUSED:
                assert refused(FOLLOW_UP.name, index, number), (column.header, refusals)
                assert got == getattr(old[target.origin.row], column.field)
            else:
                assert got == as_text, column.header
    measurements = {(m.indicator_code, m.period): m for m in after.measurements}
    units = {i.code: i.unit for i in before.indicators}
    for row in (r for r in returned.rows if r.sheet == MEASUREMENTS.name):
        target = measurements[row.key]
        for index, column in enumerate(FILLED[MEASUREMENTS.name], start=3):
            got = getattr(target, column.field)
            counted = units.get(row.key[0], "") not in ("", "percentage")
            if value is None:
                assert got in (None, "")
            elif column.kind == "number":
                if case == "percentage" and column.field == "value" and counted:  # a % for a count: named
                    assert refused(MEASUREMENTS.name, index, row.row), (column.header, refusals)
                    assert got is None
                elif as_number is REFUSED:
                    assert refused(MEASUREMENTS.name, index, row.row), (column.header, refusals)
                    assert got is None
                else:
                    assert got == pytest.approx(as_number), column.header
            elif as_text is REFUSED:
                assert refused(MEASUREMENTS.name, index, row.row), (column.header, refusals)
                assert got == ""
            else:
                assert got == as_text, column.header
    _written_cells_are_valid(path, result.changes)


def _written_cells_are_valid(path: Path, changes: dict) -> None:
    """A text column gets a string cell, a number column a number cell: never a date or a logical value."""
    book = load_workbook(path)
    kinds = {}
    for spec in (FOLLOW_UP, MEASUREMENTS):
        headers = {book[spec.name].cell(3, c).value: _letter(c) for c in range(1, 10)}
        kinds.update({(spec.name, headers[c.header]): c.kind for c in spec.columns if c.header in headers})
    for sheet, row, letter in changes:
        cell = book[sheet][f"{letter}{row}"]
        assert not cell.is_date and cell.data_type != "b", (sheet, letter, row, cell.value)
        if kinds[(sheet, letter)] == "number":
            assert cell.data_type == "n" and isinstance(cell.value, int | float), (sheet, letter, row, cell.value)
        else:
            assert cell.data_type == "s" and isinstance(cell.value, str), (sheet, letter, row, cell.value)


def test_a_percentage_into_a_percent_formatted_column_keeps_its_format(base, tmp_path):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(base / "plan.xlsx", path)
    plan = read_plan(path)
    units = {i.code: i.unit for i in plan.indicators}
    rows = [m.origin.row for m in plan.measurements if m.year == YEAR and units.get(m.indicator_code) == "percentage"]
    assert rows
    package = Package(path)
    styles = Stylesheet(package.xml("xl/styles.xml"))
    sheet = TableSheet(package, MEASUREMENTS.name, None)
    xf = copy.deepcopy(styles.xf(sheet.cells.style_of(rows[0], 3)))
    xf.set("numFmtId", "10")
    xf.set("applyNumberFormat", "1")
    percent = styles.ensure_xf(xf)
    for row in rows:
        sheet.cells.set_style(row, 3, percent)
    sheet.changed = True
    sheet.save()
    package.put_xml("xl/styles.xml", styles.root)
    package.write(tmp_path / "met procent.xlsx")
    shutil.move(tmp_path / "met procent.xlsx", path)
    assert read_plan(path).measurements  # still the workbook
    folder = tmp_path / "terug"
    folder.mkdir()
    _fill(base / "uit" / REPLY, folder / REPLY, 0.046, "0.0%")
    collect(path, folder)
    values = {m.origin.row: m.value for m in read_plan(path).measurements}
    assert all(values[row] == pytest.approx(4.6) for row in rows)  # the others, counts, are named
    book = load_workbook(path)
    cell = book[MEASUREMENTS.name][f"C{rows[0]}"]
    assert cell.value == pytest.approx(0.046) and "%" in cell.number_format
