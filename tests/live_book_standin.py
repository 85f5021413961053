"""A stand-in for a workbook open in Excel, built from a workbook file's own values, for the button tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.styles import PatternFill

from workbook.plan.errors import WorkbookError
from workbook.reading.live_book import SheetContent
from workbook.sheets.generated_sheets import cell_look
from workbook.spreadsheet.cells import column_letters

OWN_FILL = "eigen"  # a fill that is no plain colour (a pattern, a theme colour, a gradient)


class StandInBook:
    """Answers as xlwings does for the calling book: numbers as float, rich text as plain text with its bold
    characters to be asked for, error values as text; records what the buttons write, show and open."""

    def __init__(self, path: Path, saved: bool = True) -> None:
        self._path = path
        self.saved = saved
        self.name = path.name
        workbook = load_workbook(path, data_only=True, rich_text=True)
        self.cells: dict[str, list[list[object]]] = {}
        self.cell_bold: dict[str, list[list[bool]]] = {}
        self.cell_formats: dict[str, list[list[str]]] = {}
        self.fills: dict[str, dict[tuple[int, int], str]] = {}  # (row, column) -> ARGB, as Excel's Interior
        for sheet in workbook.worksheets:
            self.cells[sheet.title] = [[c.value for c in row] for row in sheet.iter_rows()]
            self.cell_bold[sheet.title] = [[bool(c.font and c.font.b) for c in row] for row in sheet.iter_rows()]
            self.cell_formats[sheet.title] = [[c.number_format for c in row] for row in sheet.iter_rows()]
            self.fills[sheet.title] = {
                (c.row, c.column): fill
                for row in sheet.iter_rows()
                for c in row
                if (fill := fill_colour(c.fill)) is not None
            }
        workbook.close()
        self.rendered: dict[str, RenderedSheet] = {}
        self.written: dict[str, SheetContent] = {}
        self.shown: list[str] = []
        self.opened: list[Path] = []
        self.messages: list[tuple[str, bool]] = []
        self.statuses: list[str | None] = []
        self.calls = {"bold": 0, "characters_bold": 0}
        self.answers: list[str | None] = []  # what the officer types when asked, in turn; else the default
        self.questions: list[tuple[str, str]] = []
        self.hidden: set[str] = set()
        self.saves = 0

    # What the officer does in Excel without saving.
    def type(self, sheet: str, row: int, column: int, value: object) -> None:
        rows = self.cells[sheet]
        while len(rows) < row:
            rows.append([None] * len(rows[0]))
        while len(rows[row - 1]) < column:
            rows[row - 1].append(None)
        rows[row - 1][column - 1] = value

    # The LiveBook protocol.
    def path(self) -> Path:
        if not self.saved:
            raise WorkbookError("Bewaar het werkboek eerst.")
        return self._path

    def sheet_names(self) -> list[str]:
        return list(self.cells)

    def values(self, sheet: str) -> list[list[object]]:
        rows = self.cells[sheet] or [[None]]
        width = max(len(r) for r in rows)
        return [[_as_excel_gives(v) for v in row] + [None] * (width - len(row)) for row in rows]

    def bold(self, sheet: str, first: tuple[int, int], last: tuple[int, int]) -> bool | None:
        self.calls["bold"] += 1
        states = set()
        for row in range(first[0], last[0] + 1):
            for column in range(first[1], last[1] + 1):
                states |= set(self._character_states(sheet, row, column) or [self._cell_bold(sheet, row, column)])
        return states.pop() if len(states) == 1 else None

    def number_format(self, sheet: str, first: tuple[int, int], last: tuple[int, int]) -> str | None:
        rows = self.cell_formats.get(sheet, [])
        codes = {
            rows[r - 1][c - 1] if r <= len(rows) and c <= len(rows[r - 1]) else "General"
            for r in range(first[0], last[0] + 1)
            for c in range(first[1], last[1] + 1)
        }
        return codes.pop() if len(codes) == 1 else None

    def characters_bold(self, sheet: str, row: int, column: int, start: int, length: int) -> bool | None:
        self.calls["characters_bold"] += 1
        states = set(self._character_states(sheet, row, column)[start - 1 : start - 1 + length])
        return states.pop() if len(states) == 1 else None

    def write_sheet(self, name: str, content: SheetContent) -> None:
        self.written[name] = content
        self.cells[name] = [list(row) for row in content.rows]
        self.cell_bold[name] = [[False] * len(row) for row in content.rows]
        self.rendered[name] = RenderedSheet.of(content)
        self.fills[name] = dict(self.rendered[name].fills)

    def mark_cells(self, marks: dict[str, dict[tuple[int, int], str]], clear: frozenset[str]) -> None:
        for sheet, cells in marks.items():
            fills = self.fills.setdefault(sheet, {})
            for cell in [cell for cell, colour in fills.items() if colour in clear]:
                del fills[cell]
            for cell, colour in cells.items():
                fills.setdefault(cell, colour)  # the officer's own fill stays

    def show_sheet(self, name: str) -> None:
        self.shown.append(name)

    def open_file(self, path: Path) -> None:
        self.opened.append(path)

    def message(self, text: str, ok: bool) -> None:
        self.messages.append((text, ok))

    def status(self, text: str | None) -> None:
        self.statuses.append(text)

    def ask(self, question: str, default: str) -> str | None:
        self.questions.append((question, default))
        return self.answers.pop(0) if self.answers else default

    def set_values(self, sheet: str, cells: dict[tuple[int, int], object]) -> None:
        for (row, column), value in cells.items():
            self.type(sheet, row, column, value)

    def append_rows(self, sheet: str, first: tuple[int, int], rows: list[list[object]]) -> None:
        for offset, values in enumerate(rows):
            for index, value in enumerate(values):
                self.type(sheet, first[0] + offset, first[1] + index, value)

    def write_record(self, name: str, rows: list[list[object]]) -> None:
        self.cells[name] = [list(row) for row in rows]
        self.cell_bold[name] = [[False] * len(row) for row in rows]
        self.hidden.add(name)

    def save(self) -> None:
        self.saves += 1

    def _cell(self, sheet: str, row: int, column: int) -> object:
        rows = self.cells[sheet]
        return rows[row - 1][column - 1] if row <= len(rows) and column <= len(rows[row - 1]) else None

    def _cell_bold(self, sheet: str, row: int, column: int) -> bool:
        rows = self.cell_bold[sheet]
        return rows[row - 1][column - 1] if row <= len(rows) and column <= len(rows[row - 1]) else False

    def _character_states(self, sheet: str, row: int, column: int) -> list[bool]:
        value = self._cell(sheet, row, column)
        if isinstance(value, CellRichText):
            states: list[bool] = []
            for part in value:
                if isinstance(part, TextBlock):
                    states += [bool(part.font and part.font.b)] * len(part.text)
                else:
                    states += [self._cell_bold(sheet, row, column)] * len(str(part))
            return states
        if isinstance(value, str):
            return [self._cell_bold(sheet, row, column)] * len(value)
        return []


def _as_excel_gives(value: object) -> object:
    if isinstance(value, CellRichText):
        return str(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    return value


def fill_colour(fill) -> str | None:
    """A cell's fill as openpyxl reads it from the file: its ARGB colour, OWN_FILL, or None for no fill."""
    if fill is not None and fill.tagname == PatternFill.tagname:  # openpyxl hands a cell's fill in a proxy
        if fill.patternType in (None, "none"):
            return None
        colour = fill.fgColor
        return str(colour.rgb).upper() if fill.patternType == "solid" and colour.type == "rgb" else OWN_FILL
    return OWN_FILL if fill is not None else None


class RenderedSheet:
    """A generated sheet as the open workbook shows it after LiveBook.write_sheet, in the terms openpyxl reads a
    file in: values, column widths, bold cells, fills, links, frozen panes, conditional colours."""

    def __init__(self) -> None:
        self.values: dict[str, object] = {}
        self.widths: dict[str, float] = {}
        self.bold: set[str] = set()
        self.fills: dict[tuple[int, int], str] = {}
        self.links: dict[str, str] = {}
        self.frozen = "A1"
        self.word_colours: dict[str, dict[str, str]] = {}

    @classmethod
    def of(cls, content: SheetContent) -> RenderedSheet:
        # As planrapport.excel_book.ExcelBook.write_sheet does it in Excel.
        sheet = cls()
        for number, row in enumerate(content.rows, start=1):
            filled = [c for c, value in enumerate(row, start=1) if value not in (None, "")]
            for column in filled:
                ref = f"{column_letters(column)}{number}"
                sheet.values[ref] = row[column - 1]
                look, _ = cell_look(content, number, column)
                if look == "header" or (look in ("title", "section") and column == 1):
                    sheet.bold.add(ref)
            if number in content.header_rows and content.header_fill and filled:
                for column in range(1, filled[-1] + 1):
                    sheet.fills[(number, column)] = content.header_fill
        sheet.fills.update(content.fills)
        sheet.widths = {column_letters(c): float(w) for c, w in enumerate(content.widths, start=1)}
        sheet.links = {f"{column_letters(c)}{r}": location for (r, c), location in content.links.items()}
        sheet.frozen = content.frozen
        sheet.word_colours = {
            area: {word: fill for word, (fill, _) in words.items()} for area, words in content.word_colours.items()
        }
        return sheet
