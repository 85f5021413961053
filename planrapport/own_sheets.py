"""What a button did (Outcome), and the sheets the buttons write that planrapport owns: Controle and Trends."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workbook.plan.errors import WorkbookError
from workbook.plan.schema import CHECK_SHEET, TRENDS_SHEET, normalize_header
from workbook.reading.live_book import LiveBook, SheetContent
from workbook.sheets.generated_sheets import MARKER_FILLS, cell_marks, check_sheet, is_own_sheet, trends_sheet


@dataclass(frozen=True)
class Outcome:
    """What a button did: whether it worked, the message for the officer, a document to open, a sheet to show."""

    ok: bool
    message: str
    document: Path | None = None
    sheet: str | None = None


def write_check(book: LiveBook, report) -> None:
    """The Controle sheet and the colours on the cells with a problem, as `controleer --schrijf` writes them."""
    refuse_foreign(book, CHECK_SHEET)
    checks = report.check_list()
    names = book.sheet_names()
    book.write_sheet(CHECK_SHEET, check_sheet(checks, names))
    book.mark_cells(cell_marks(checks, names), clear=MARKER_FILLS)


def write_trends(book: LiveBook, plan, year: int | None) -> None:
    refuse_foreign(book, TRENDS_SHEET)
    book.write_sheet(TRENDS_SHEET, trends_content(plan, year))


def sheet_named(book: LiveBook, name: str) -> str | None:
    """The sheet's name as the workbook spells it (case and spaces aside), or None when it has none."""
    return next((s for s in book.sheet_names() if normalize_header(s) == normalize_header(name)), None)


def refuse_foreign(book: LiveBook, name: str, is_ours: Callable[[list[list[object]]], bool] | None = None) -> None:
    """Refuse to write the sheet `name` over one the officer made; Controle and Trends are known by their row 3."""
    existing = sheet_named(book, name)
    values = book.values(existing) if existing is not None else []
    if existing is not None and not (is_ours(values) if is_ours else is_own(name, values)):
        raise WorkbookError(
            f"Het werkboek heeft al een blad '{existing}' dat planrapport niet gemaakt heeft. Geef dat blad een "
            "andere naam en klik opnieuw; planrapport maakt dan zijn eigen blad."
        )


def is_own(name: str, values: list[list[object]]) -> bool:
    """Whether the open workbook's Controle or Trends sheet is empty or made by planrapport (its header row)."""
    has_values = any(v not in (None, "") for row in values for v in row)
    return is_own_sheet(name, has_values, list(values[2]) if len(values) >= 3 else [])


def check_content(report, sheet_names: list[str]) -> SheetContent:
    """The Controle sheet as workbook.sheets.writeback writes it into the file."""
    return check_sheet(report.check_list(), sheet_names)


def trends_content(plan, year: int | None) -> SheetContent:
    """The Trends sheet as workbook.sheets.trends_sheet writes it into the file, from reporting.trends_table."""
    from reporting.trends_table import trends_table

    return trends_sheet(trends_table(plan, year))
