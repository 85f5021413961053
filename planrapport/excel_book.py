"""The calling workbook in Excel through xlwings, as the LiveBook the buttons work on: the only code that talks
to Excel."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from workbook.plan.errors import WorkbookError
from workbook.plan.schema import normalize_header
from workbook.reading.live_book import SheetContent

NOT_SAVED = (
    "Bewaar het werkboek eerst (Bestand > Opslaan als) in een map op deze pc of in een gesynchroniseerde "
    "map; planrapport zet het rapport naast het werkboek."
)
ONLY_ONLINE = (
    "Het werkboek staat op OneDrive of SharePoint en planrapport vindt geen kopie ervan op deze pc. "
    "Open het werkboek vanuit de gesynchroniseerde map in Verkenner (of bewaar een kopie op de pc) "
    "en klik opnieuw."
)
TITLE = "planrapport"


def format_blocks(formats: dict[tuple[int, int], str]) -> list[tuple[tuple[int, int], tuple[int, int], str]]:
    """Cell formats grouped into runs of rows in one column with one format: fewer calls into Excel."""
    blocks: list[tuple[tuple[int, int], tuple[int, int], str]] = []
    for (row, column), code in sorted(formats.items(), key=lambda item: (item[0][1], item[0][0])):
        if blocks:
            (first, (last_row, last_column), last_code) = blocks[-1]
            if last_column == column and last_row == row - 1 and last_code == code:
                blocks[-1] = (first, (row, column), code)
                continue
        blocks.append(((row, column), (row, column), code))
    return blocks


def as_text(value: object) -> object:
    """A value to hand to Excel: text gets Excel's text prefix, so that "1.1" stays text and never turns into
    a date or a number, and "=..." never into a formula; numbers and empty cells stay as they are."""
    return "'" + value if isinstance(value, str) and value else value


def _hex(argb: str) -> str:
    return "#" + argb[-6:]


XL_NONE = -4142  # xlColorIndexNone: a cell without a fill


def bgr(argb: str) -> int:
    """An ARGB colour ("FFFFC8C8") as Excel's Interior.Color number (red + green * 256 + blue * 65536)."""
    red, green, blue = (int(argb[-6:][i : i + 2], 16) for i in (0, 2, 4))
    return red + green * 256 + blue * 65536


def marker_areas(
    colour: Callable[[int, int, int], int | None], rows: int, columns: int, markers: set[int]
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The parts of columns whose fill is one of `markers`: each column is asked as a whole (`colour` gives None
    when its cells differ) and the mixed parts are halved until they are one colour, as for bold text."""
    found: list[tuple[tuple[int, int], tuple[int, int]]] = []
    pending = [(1, rows, column) for column in range(columns, 0, -1)] if rows else []
    while pending:
        top, bottom, column = pending.pop()
        value = colour(top, bottom, column)
        if value is None and top < bottom:
            middle = (top + bottom) // 2
            pending += [(middle + 1, bottom, column), (top, middle, column)]
        elif value in markers:
            found.append(((top, column), (bottom, column)))
    return found


class ExcelBook:
    """The calling workbook through xlwings, as a LiveBook."""

    XL_TOP = -4160  # xlTop
    XL_SHEET_HIDDEN = 0  # xlSheetHidden

    def __init__(self, book) -> None:
        self.book = book
        self.name = book.name

    def path(self) -> Path:
        try:
            full = self.book.fullname
        except Exception:  # xlwings cannot map an online-only OneDrive/SharePoint file to a local one
            raise WorkbookError(ONLY_ONLINE) from None
        if "://" in full:
            raise WorkbookError(ONLY_ONLINE)
        path = Path(full)
        if not path.is_absolute() or not path.parent.is_dir():
            raise WorkbookError(NOT_SAVED)
        return path

    def sheet_names(self) -> list[str]:
        return [sheet.name for sheet in self.book.sheets]

    def values(self, sheet: str) -> list[list[object]]:
        target = self.book.sheets[sheet]
        last = target.used_range.last_cell
        area = target.range((1, 1), (last.row, last.column))
        return area.options(ndim=2, err_to_str=True).value

    def bold(self, sheet: str, first: tuple[int, int], last: tuple[int, int]) -> bool | None:
        return self.book.sheets[sheet].range(first, last).font.bold

    def number_format(self, sheet: str, first: tuple[int, int], last: tuple[int, int]) -> str | None:
        return self.book.sheets[sheet].range(first, last).number_format

    def characters_bold(self, sheet: str, row: int, column: int, start: int, length: int) -> bool | None:
        cell = self.book.sheets[sheet].range((row, column))
        return cell.characters[start - 1 : start - 1 + length].font.bold

    def sheet(self, name: str):
        existing = next((s for s in self.book.sheets if normalize_header(s.name) == normalize_header(name)), None)
        if existing is not None:
            return existing
        visible = [s for s in self.book.sheets if s.visible]
        return self.book.sheets.add(name, after=visible[-1])

    def write_sheet(self, name: str, content: SheetContent) -> None:
        app = self.book.app
        active = self.book.sheets.active
        app.screen_updating = False
        try:
            sheet = self.sheet(name)
            sheet.api.Cells.Hyperlinks.Delete()
            sheet.api.Cells.FormatConditions.Delete()
            sheet.clear()
            width = max((len(row) for row in content.rows), default=1)
            rows = [list(row) + [None] * (width - len(row)) for row in content.rows]
            sheet.range((1, 1)).value = [[as_text(value) for value in row] for row in rows]
            last = len(rows)
            everything = sheet.range((1, 1), (last, width))
            everything.api.VerticalAlignment = self.XL_TOP
            for column, size in enumerate(content.widths, start=1):
                sheet.range((1, column)).column_width = size
            for number in content.title_rows:
                self._font(sheet.range((number, 1)), bold=True, size=14, colour="#1F3864")
            for number in content.hint_rows:
                self._font(sheet.range((number, 1)), italic=True, colour="#595959")
            for number in content.section_rows:
                self._font(sheet.range((number, 1)), bold=True, size=12, colour="#1F3864")
            for number in content.header_rows:
                filled = [c for c, value in enumerate(rows[number - 1], start=1) if value not in (None, "")]
                if not filled:
                    continue
                header = sheet.range((number, 1), (number, filled[-1]))
                self._font(header, bold=True)
                header.wrap_text = content.header_wrapped
                if content.header_fill:
                    header.color = _hex(content.header_fill)
            first_data = max(content.header_rows, default=3) + 1
            for column in content.wrapped_columns:
                if column <= width and last >= first_data:
                    sheet.range((first_data, column), (last, column)).wrap_text = True
            for first, end, code in format_blocks(content.number_formats):
                sheet.range(first, end).number_format = code
            for cell, argb in content.fills.items():
                sheet.range(cell).color = _hex(argb)
            for (row, column), location in content.links.items():
                anchor = sheet.range((row, column))
                sheet.api.Hyperlinks.Add(
                    Anchor=anchor.api, Address="", SubAddress=location, TextToDisplay=str(rows[row - 1][column - 1])
                )
            for area, words in content.word_colours.items():
                for word, (fill, font) in words.items():
                    sheet.range(area).conditional_formats.add_cell_value(
                        "equal_to", '="' + word.replace('"', '""') + '"', fill_color=_hex(fill), font_color=_hex(font)
                    )
            if last >= first_data:
                sheet.range((first_data, 1), (last, width)).rows.autofit()
            self._freeze(sheet, content.frozen)
        finally:
            active.activate()
            app.screen_updating = True

    def mark_cells(self, marks: dict[str, dict[tuple[int, int], str]], clear: frozenset[str]) -> None:
        app = self.book.app
        app.screen_updating = False
        try:
            markers = {bgr(argb) for argb in clear}
            for name, cells in marks.items():
                sheet = self.book.sheets[name]
                protected = bool(sheet.api.ProtectContents)
                if protected:  # Ingediend, protected by planrapport without a password
                    try:
                        sheet.api.Unprotect()
                    except Exception:  # the officer's own password: the sheet keeps its look; Controle lists it
                        continue
                try:
                    self._mark_sheet(sheet, cells, markers)
                finally:
                    if protected:
                        sheet.api.Protect()
        finally:
            app.screen_updating = True

    @staticmethod
    def _mark_sheet(sheet, cells: dict[tuple[int, int], str], markers: set[int]) -> None:
        last = sheet.used_range.last_cell

        def colour(top: int, bottom: int, column: int) -> int | None:
            value = sheet.range((top, column), (bottom, column)).api.Interior.Color
            return None if value is None else int(value)

        whole = sheet.range((1, 1), (last.row, last.column)).api.Interior.Color
        if whole is None or int(whole) in markers:  # one call for a sheet with one fill (or none) everywhere
            for first, end in marker_areas(colour, last.row, last.column, markers):
                sheet.range(first, end).api.Interior.ColorIndex = XL_NONE
        for cell, argb in sorted(cells.items()):
            interior = sheet.range(cell).api.Interior
            if interior.ColorIndex == XL_NONE:  # the officer's own fill stays
                interior.Color = bgr(argb)

    @staticmethod
    def _font(
        area, bold: bool = False, italic: bool = False, size: float | None = None, colour: str | None = None
    ) -> None:
        font = area.font
        font.bold = bold
        font.italic = italic
        if size:
            font.size = size
        if colour:
            font.color = colour

    def _freeze(self, sheet, cell: str) -> None:
        from openpyxl.utils import coordinate_to_tuple

        row, column = coordinate_to_tuple(cell)
        sheet.activate()
        window = self.book.api.Windows(1)
        window.FreezePanes = False
        window.ScrollRow = 1
        window.ScrollColumn = 1
        window.SplitRow = row - 1
        window.SplitColumn = column - 1
        window.FreezePanes = True

    def show_sheet(self, name: str) -> None:
        self.sheet(name).activate()

    def open_file(self, path: Path) -> None:
        if self._selftest_row() is not None:
            return
        os.startfile(path)  # noqa: S606 (Windows: open with the program that belongs to .docx)

    def message(self, text: str, ok: bool) -> None:
        from workbook.builders.build_xlsm import CONFIG_SHEET, MESSAGE_COLUMN

        row = self._selftest_row()
        if row is not None:
            self.book.sheets[CONFIG_SHEET].range((row, MESSAGE_COLUMN)).value = f"{'OK' if ok else 'NIET OK'}\t{text}"
            return
        self.book.app.alert(text, title=TITLE, mode="info" if ok else "critical")

    def _selftest_row(self) -> int | None:
        """The row of the setting build_xlsm.SELFTEST_KEY on xlwings.conf; only the self-test copy has it."""
        from workbook.builders.build_xlsm import CONFIG_SHEET, SELFTEST_KEY

        if CONFIG_SHEET not in self.sheet_names():
            return None
        for number, row in enumerate(self.values(CONFIG_SHEET), start=1):
            if not row or row[0] in (None, ""):
                return None
            if str(row[0]) == SELFTEST_KEY:
                return number
        return None

    def status(self, text: str | None) -> None:
        self.book.app.status_bar = text if text else False

    def ask(self, question: str, default: str) -> str | None:
        if self._selftest_row() is not None:
            return default
        # Application.InputBox with Type 2 (text) gives False when the officer cancels.
        answer = self.book.app.api.InputBox(Prompt=question, Title=TITLE, Default=default, Type=2)
        return None if answer is False else str(answer)

    def set_values(self, sheet: str, cells: dict[tuple[int, int], object]) -> None:
        target = self.book.sheets[sheet]
        for cell, value in sorted(cells.items()):
            target.range(cell).value = as_text(value)

    def append_rows(self, sheet: str, first: tuple[int, int], rows: list[list[object]]) -> None:
        target = self.book.sheets[sheet]
        width = max((len(row) for row in rows), default=0)
        if not width:
            return
        last = first[0] + len(rows) - 1
        app = self.book.app
        app.screen_updating = False
        try:
            for table in target.tables:
                area = table.range
                bottom, right = area.last_cell.row, area.last_cell.column
                if not (area.column <= first[1] <= right and area.row < first[0] <= bottom + 1):
                    continue
                if bottom < last:  # the table grows first: the new rows get its style and drop-downs
                    table.resize(target.range((area.row, area.column), (last, right)))
                if first[0] - 1 > area.row:  # and the cell formats of the row above, as the file command gives them
                    target.range((first[0] - 1, area.column), (last, right)).api.FillDown()
                    target.range((first[0], area.column), (last, right)).clear_contents()
            target.range(first).value = [[as_text(v) for v in row] + [None] * (width - len(row)) for row in rows]
        finally:
            app.screen_updating = True

    def write_record(self, name: str, rows: list[list[object]]) -> None:
        app = self.book.app
        active = self.book.sheets.active
        app.screen_updating = False
        try:
            sheet = self.sheet(name)
            sheet.api.Unprotect()
            sheet.clear()
            width = max((len(row) for row in rows), default=1)
            sheet.range((1, 1)).value = [[as_text(v) for v in row] + [None] * (width - len(row)) for row in rows]
            sheet.api.Protect()
            active.activate()
            sheet.api.Visible = self.XL_SHEET_HIDDEN
        finally:
            active.activate()
            app.screen_updating = True

    def save(self) -> None:
        self.book.save()
