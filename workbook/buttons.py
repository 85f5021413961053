"""The workbook's buttons (Controleer, Genereer jaarrapport, Genereer beleidsplan), run from Excel through xlwings."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workbook.errors import WorkbookError
from workbook.live_book import LiveBook, SheetContent, read_live_plan
from workbook.schema import CHECK_SHEET, TRENDS_SHEET, normalize_header

NOT_SAVED = ("Bewaar het werkboek eerst (Bestand > Opslaan als) in een map op deze pc of in een gesynchroniseerde "
             "map; planrapport zet het rapport naast het werkboek.")
ONLY_ONLINE = ("Het werkboek staat op OneDrive of SharePoint en planrapport vindt geen kopie ervan op deze pc. "
               "Open het werkboek vanuit de gesynchroniseerde map in Verkenner (of bewaar een kopie op de pc) "
               "en klik opnieuw.")
TITLE = "planrapport"


@dataclass(frozen=True)
class Outcome:
    """What a button did: whether it worked, the message for the officer, a document to open, a sheet to show."""

    ok: bool
    message: str
    document: Path | None = None
    sheet: str | None = None


# ---- the entry points named in macros/planrapport.bas ----

def check() -> None:
    """Button Controleer: the checks on the Controle sheet, the trends on the Trends sheet."""
    _press(run_check)


def year_report() -> None:
    """Button Genereer jaarrapport: check, then the year report next to the workbook, opened in Word."""
    _press(run_year_report)


def plan_document() -> None:
    """Button Genereer beleidsplan: check, then the plan document next to the workbook, opened in Word."""
    _press(run_plan_document)


def _press(action: Callable[[LiveBook], Outcome]) -> None:
    import xlwings as xw

    press(action, ExcelBook(xw.Book.caller()))


# ---- what the buttons do, on any book-like object ----

def press(action: Callable[[LiveBook], Outcome], book: LiveBook) -> Outcome:
    """Run a button's action and tell the officer how it went, in one message; never raises."""
    book.status("planrapport is bezig ...")
    try:
        outcome = action(book)
    except WorkbookError as error:
        outcome = Outcome(False, error.message)
    except Exception as error:  # the officer gets a message box, never a traceback
        log = _log_failure()
        outcome = Outcome(
            False,
            f"Er liep iets onverwacht mis ({type(error).__name__}: {error}).\n\nUw eigen gegevens zijn niet "
            f"gewijzigd. Stuur het werkboek en het bestand {log} naar de beheerder van planrapport.",
        )
    finally:
        book.status(None)
    message = outcome.message
    if outcome.sheet:
        try:
            book.show_sheet(outcome.sheet)
        except Exception:  # showing the sheet is a courtesy; the message still says where to look
            pass
    if outcome.document is not None:
        try:
            book.open_file(outcome.document)
        except Exception:
            message += f"\n\nWord kon het document niet zelf openen; u vindt het in {outcome.document.parent}."
    book.message(message, outcome.ok)
    return outcome


def run_check(book: LiveBook) -> Outcome:
    from reporting.validation import validate

    plan = read_live_plan(book, need_file=False)
    report = validate(plan)
    write_check(book, report)
    write_trends(book, plan, report.year)
    year = f" (rapportjaar {report.year})" if report.year else ""
    if not report.issues:
        return Outcome(True, f"Controle klaar{year}: geen fouten of waarschuwingen.\n\nDe trends van de "
                             "indicatoren staan op het blad Trends.")
    advice = ("Verbeter de fouten voor u een rapport maakt. " if not report.ok else "")
    return Outcome(
        report.ok,
        f"Controle klaar{year}: {report.summary()}.\n\nDe lijst staat op het blad Controle; klik op een cel in "
        f"kolom Cel om naar het probleem te gaan. {advice}De trends staan op het blad Trends.",
        sheet=CHECK_SHEET,
    )


def run_year_report(book: LiveBook) -> Outcome:
    from reporting.documents import YEAR_REPORT, output_name, render_year_report

    plan = read_live_plan(book)
    report, refusal = _check_before(book, plan, "het jaarrapport", "Genereer jaarrapport")
    if refusal is not None:
        return refusal
    write_trends(book, plan, report.year)
    data = render_year_report(plan)
    return _written(plan, output_name(YEAR_REPORT, plan), data, "Het jaarrapport", report)


def run_plan_document(book: LiveBook) -> Outcome:
    from reporting.documents import PLAN_DOCUMENT, output_name, render_plan_document

    plan = read_live_plan(book)
    report, refusal = _check_before(book, plan, "het beleidsplan", "Genereer beleidsplan")
    if refusal is not None:
        return refusal
    data = render_plan_document(plan)
    return _written(plan, output_name(PLAN_DOCUMENT, plan), data, "Het beleidsplan", report)


def _check_before(book: LiveBook, plan, what: str, button: str):
    """Validate as the command line does, put the list on the Controle sheet; with errors, the refusal."""
    from reporting.validation import validate

    report = validate(plan)
    write_check(book, report)
    if report.ok:
        return report, None
    count = f"{len(report.errors)} {'fout' if len(report.errors) == 1 else 'fouten'}"
    return report, Outcome(
        False,
        f"{what[0].upper()}{what[1:]} is niet gemaakt: het werkboek heeft {count}.\n\nDe lijst staat op het "
        "blad Controle; klik op een cel in kolom Cel om naar het probleem te gaan. Verbeter de fouten en klik "
        f"opnieuw op '{button}'.",
        sheet=CHECK_SHEET,
    )


def _written(plan, name: str, data: bytes, what: str, report) -> Outcome:
    from reporting.documents.output import target, write_document

    written = write_document(target(plan.source, name), data)
    message = f"{what} is klaar: {written.path.name}, in de map van het werkboek ({written.path.parent})."
    if written.renamed:
        message += f"\n\n{written.wanted.name} bestond al en bleef ongewijzigd; het nieuwe document heeft een nummer."
    if report.warnings:
        count = len(report.warnings)
        message += (f"\n\nHet werkboek heeft {count} {'waarschuwing' if count == 1 else 'waarschuwingen'}; "
                    "ze staan op het blad Controle.")
    return Outcome(True, message, document=written.path)


# ---- the sheets planrapport owns ----

def write_check(book: LiveBook, report) -> None:
    _refuse_foreign(book, CHECK_SHEET, is_own_check_sheet)
    book.write_sheet(CHECK_SHEET, check_content(report, book.sheet_names()))


def write_trends(book: LiveBook, plan, year: int | None) -> None:
    _refuse_foreign(book, TRENDS_SHEET, is_own_trends_sheet)
    book.write_sheet(TRENDS_SHEET, trends_content(plan, year))


def _refuse_foreign(book: LiveBook, name: str, is_own: Callable[[list[list[object]]], bool]) -> None:
    existing = next((s for s in book.sheet_names() if normalize_header(s) == normalize_header(name)), None)
    if existing is not None and not is_own(book.values(existing)):
        raise WorkbookError(
            f"Het werkboek heeft al een blad '{existing}' dat planrapport niet gemaakt heeft. Geef dat blad een "
            "andere naam en klik opnieuw; planrapport maakt dan zijn eigen blad."
        )


def is_own_check_sheet(values: list[list[object]]) -> bool:
    """Empty, or made by planrapport (its header row)."""
    from workbook.writeback import HEADERS

    return not _has_values(values) or tuple(_row(values, 3)[: len(HEADERS)]) == HEADERS


def is_own_trends_sheet(values: list[list[object]]) -> bool:
    from workbook.trends_sheet import INDICATOR_HEADERS

    return not _has_values(values) or tuple(_row(values, 3)[:2]) == INDICATOR_HEADERS[:2]


def _row(values: list[list[object]], number: int) -> list[object]:
    return list(values[number - 1]) if len(values) >= number else []


def _has_values(values: list[list[object]]) -> bool:
    return any(v not in (None, "") for row in values for v in row)


def check_content(report, sheet_names: list[str]) -> SheetContent:
    """The Controle sheet: the rows of workbook.writeback.check_rows, with links to the cells."""
    from workbook.writeback import FILLS, FIRST_ISSUE_ROW, WIDTHS, check_rows, link_location

    names = {normalize_header(s): s for s in sheet_names}
    content = SheetContent(rows=check_rows(report), widths=WIDTHS, wrapped_columns=(5,))
    for number, issue in enumerate(report.issues, start=FIRST_ISSUE_ROW):
        content.links[(number, 3)] = link_location(issue, names.get(normalize_header(issue.sheet), issue.sheet))
        if issue.severity in FILLS:
            content.fills[(number, 1)] = FILLS[issue.severity]
    return content


def trends_content(plan, year: int | None) -> SheetContent:
    """The Trends sheet: the rows of workbook.trends_sheet, with its number formats, links and colours."""
    from workbook.trends_sheet import INDICATOR_WIDTHS, RULE_COLOURS, VERDICT_COLOURS, trends_table

    table = trends_table(plan, year)
    width = max((len(row) for row in table.rows), default=0)
    widths = tuple(INDICATOR_WIDTHS[c] if c < len(INDICATOR_WIDTHS) else 14 for c in range(width))
    colours = {area: dict(VERDICT_COLOURS) for area in table.verdict_ranges}
    colours.update({area: dict(RULE_COLOURS) for area in table.rule_ranges})
    return SheetContent(
        rows=table.rows, widths=widths, header_rows=tuple(table.headers), section_rows=tuple(table.sections),
        wrapped_columns=tuple(table.wrapped_columns), number_formats=dict(table.formats), links=dict(table.links),
        word_colours=colours, frozen="C4",
    )


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


def _log_failure() -> Path:
    """Append the traceback to a log file for whoever supports planrapport; returns its path."""
    folder = Path(os.environ.get("LOCALAPPDATA") or tempfile.gettempdir()) / "planrapport"
    path = folder / "fouten.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')} (Python {sys.version.split()[0]})\n")
            log.write(traceback.format_exc())
    except OSError:
        pass
    return path


# ---- the xlwings adapter: the only code that talks to Excel ----

def as_text(value: object) -> object:
    """A value to hand to Excel: text gets Excel's text prefix, so that "1.1" stays text and never turns into
    a date or a number, and "=..." never into a formula; numbers and empty cells stay as they are."""
    return "'" + value if isinstance(value, str) and value else value


def _hex(argb: str) -> str:
    return "#" + argb[-6:]


class ExcelBook:
    """The calling workbook through xlwings, as a LiveBook."""

    XL_TOP = -4160  # xlTop

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

    def characters_bold(self, sheet: str, row: int, column: int, start: int, length: int) -> bool | None:
        cell = self.book.sheets[sheet].range((row, column))
        return cell.characters[start - 1:start - 1 + length].font.bold

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
                header = sheet.range((number, 1), (number, width))
                self._font(header, bold=True)
                header.wrap_text = True
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
                sheet.api.Hyperlinks.Add(Anchor=anchor.api, Address="", SubAddress=location,
                                         TextToDisplay=str(rows[row - 1][column - 1]))
            for area, words in content.word_colours.items():
                for word, (fill, font) in words.items():
                    sheet.range(area).conditional_formats.add_cell_value(
                        "equal_to", f'="{word}"', fill_color=_hex(fill), font_color=_hex(font))
            if last >= first_data:
                sheet.range((first_data, 1), (last, width)).rows.autofit()
            self._freeze(sheet, content.frozen)
        finally:
            active.activate()
            app.screen_updating = True

    @staticmethod
    def _font(area, bold: bool = False, italic: bool = False, size: float | None = None,
              colour: str | None = None) -> None:
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
        os.startfile(path)  # noqa: S606 (Windows: open with the program that belongs to .docx)

    def message(self, text: str, ok: bool) -> None:
        self.book.app.alert(text, title=TITLE, mode="info" if ok else "critical")

    def status(self, text: str | None) -> None:
        self.book.app.status_bar = text if text else False
