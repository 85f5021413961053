"""A stand-in for a workbook open in Excel, built from a workbook file's own values, for the button tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock

from workbook.errors import WorkbookError
from workbook.live_book import SheetContent


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
        for sheet in workbook.worksheets:
            self.cells[sheet.title] = [[c.value for c in row] for row in sheet.iter_rows()]
            self.cell_bold[sheet.title] = [[bool(c.font and c.font.b) for c in row] for row in sheet.iter_rows()]
            self.cell_formats[sheet.title] = [[c.number_format for c in row] for row in sheet.iter_rows()]
        workbook.close()
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
        codes = {rows[r - 1][c - 1] if r <= len(rows) and c <= len(rows[r - 1]) else "General"
                 for r in range(first[0], last[0] + 1) for c in range(first[1], last[1] + 1)}
        return codes.pop() if len(codes) == 1 else None

    def characters_bold(self, sheet: str, row: int, column: int, start: int, length: int) -> bool | None:
        self.calls["characters_bold"] += 1
        states = set(self._character_states(sheet, row, column)[start - 1:start - 1 + length])
        return states.pop() if len(states) == 1 else None

    def write_sheet(self, name: str, content: SheetContent) -> None:
        self.written[name] = content
        self.cells[name] = [list(row) for row in content.rows]
        self.cell_bold[name] = [[False] * len(row) for row in content.rows]

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
