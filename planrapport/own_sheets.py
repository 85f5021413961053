"""What a button did (Outcome), and the sheets the buttons write that planrapport owns: Controle and Trends."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workbook.errors import WorkbookError
from workbook.live_book import LiveBook, SheetContent
from workbook.schema import CHECK_SHEET, TRENDS_SHEET, normalize_header


@dataclass(frozen=True)
class Outcome:
    """What a button did: whether it worked, the message for the officer, a document to open, a sheet to show."""

    ok: bool
    message: str
    document: Path | None = None
    sheet: str | None = None


def write_check(book: LiveBook, report) -> None:
    refuse_foreign(book, CHECK_SHEET, is_own_check_sheet)
    book.write_sheet(CHECK_SHEET, check_content(report, book.sheet_names()))


def write_trends(book: LiveBook, plan, year: int | None) -> None:
    refuse_foreign(book, TRENDS_SHEET, is_own_trends_sheet)
    book.write_sheet(TRENDS_SHEET, trends_content(plan, year))


def sheet_named(book: LiveBook, name: str) -> str | None:
    """The sheet's name as the workbook spells it (case and spaces aside), or None when it has none."""
    return next((s for s in book.sheet_names() if normalize_header(s) == normalize_header(name)), None)


def refuse_foreign(book: LiveBook, name: str, is_own: Callable[[list[list[object]]], bool]) -> None:
    existing = sheet_named(book, name)
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
    checks = report.check_list()
    content = SheetContent(rows=check_rows(checks), widths=WIDTHS, wrapped_columns=(5,))
    for number, problem in enumerate(checks.rows, start=FIRST_ISSUE_ROW):
        name = names.get(normalize_header(problem.sheet))
        if name and problem.cell:  # a missing sheet or a --jaar problem has no cell to go to
            content.links[(number, 3)] = link_location(problem, name)
        if problem.severity in FILLS:
            content.fills[(number, 1)] = FILLS[problem.severity]
    return content


def trends_content(plan, year: int | None) -> SheetContent:
    """The Trends sheet: the rows of reporting.trends_table, with its number formats, links and colours."""
    from reporting.trends_table import trends_table
    from workbook.trends_sheet import INDICATOR_WIDTHS, RULE_COLOURS, VERDICT_COLOURS

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
