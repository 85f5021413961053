"""The sheets planrapport writes itself (Controle, Trends), described once for the file and the open workbook."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from workbook.plan.check_list import CheckList, CheckRow
from workbook.plan.schema import CHECK_SHEET, TRENDS_SHEET, normalize_header
from workbook.spreadsheet.cells import split_ref

# ---- Controle ----

HEADERS = ("Ernst", "Blad", "Cel", "Code", "Melding")
WIDTHS = (14, 16, 9, 26, 110)
# Marker colours: close to Excel's own "Slecht" and "Neutraal" styles but not equal, so an officer's own
# fills are never mistaken for ours and cleared.
ERROR_FILL = "FFFFC8C8"
WARNING_FILL = "FFFFEEB0"
FILLS = {"fout": ERROR_FILL, "waarschuwing": WARNING_FILL}
MARKER_FILLS = frozenset(FILLS.values())
FIRST_ISSUE_ROW = 4

# ---- Trends ----

INDICATOR_HEADERS = (
    "Code",
    "Indicator",
    "Oordeel",
    "Laatste periode",
    "Laatste waarde",
    "Aandeel",
    "Nulmeting jaar",
    "Nulmeting",
    "Verschil met vorige meting",
    "Verschil met nulmeting",
    "Verschil met nulmeting (%)",
    "Gemiddeld per jaar",
    "Streefjaar",
    "Streefwaarde",
    "Bereikt",
    "Projectie streefjaar",
    "Gemeten in {year}",
    "Uitleg",
)
INDICATOR_WIDTHS = (12, 48, 14, 20, 12, 9, 10, 11, 12, 12, 12, 11, 10, 11, 9, 12, 11, 90)
OTHER_WIDTH = 14
VERDICT_COLUMN = "C"
FIRST_ROW = 4
# Excel's own "Goed", "Neutraal" and "Slecht" colours, and grey for no data: fill and font colour.
VERDICT_COLOURS = {
    "op koers": ("FFC6EFCE", "FF006100"),
    "aandacht": ("FFFFEB9C", "FF9C5700"),
    "niet op koers": ("FFFFC7CE", "FF9C0006"),
    "geen gegevens": ("FFEDEDED", "FF595959"),
}
RULE_COLOURS = {"ja": VERDICT_COLOURS["op koers"], "nee": VERDICT_COLOURS["niet op koers"]}
INTEGER, DECIMAL, PERCENT, EURO = "#,##0", "#,##0.0", "0.0%", '"€" #,##0'

# ---- the look both share ----

TITLE_COLOUR = "FF1F3864"
HINT_COLOUR = "FF595959"
LINK_COLOUR = "FF0563C1"
TRENDS_HEADER_FILL = "FFD9E1F2"
LINE_HEIGHT = 15

# The column names in row 3 by which planrapport knows a sheet of its own.
OWN_HEADERS = {normalize_header(CHECK_SHEET): HEADERS, normalize_header(TRENDS_SHEET): INDICATOR_HEADERS[:2]}


@dataclass
class TrendsTable:
    """The sheet as values from A1, plus what a writer needs to format it (1-based rows and columns)."""

    rows: list[list[object]]
    formats: dict[tuple[int, int], str] = field(default_factory=dict)
    links: dict[tuple[int, int], str] = field(default_factory=dict)
    headers: list[int] = field(default_factory=list)
    sections: list[int] = field(default_factory=list)
    verdict_ranges: list[str] = field(default_factory=list)
    rule_ranges: list[str] = field(default_factory=list)
    wrapped_columns: tuple[int, ...] = (2, 18)  # the indicator or title, and the explanation


@dataclass
class SheetContent:
    """A sheet planrapport owns as values from A1 plus how to show them; rows and columns 1-based.

    The file writers (sheets.writeback, sheets.trends_sheet) and the open workbook (LiveBook.write_sheet)
    both show a sheet from this, cell by cell as `cell_look` says."""

    rows: list[list[object]]
    widths: tuple[float, ...] = ()
    title_rows: tuple[int, ...] = (1,)
    hint_rows: tuple[int, ...] = (2,)
    header_rows: tuple[int, ...] = (3,)
    section_rows: tuple[int, ...] = ()
    wrapped_columns: tuple[int, ...] = ()
    number_formats: dict[tuple[int, int], str] = field(default_factory=dict)
    links: dict[tuple[int, int], str] = field(default_factory=dict)  # cell -> "'Acties'!D14"
    fills: dict[tuple[int, int], str] = field(default_factory=dict)  # cell -> ARGB
    # Conditional formats: area ("C4:C20") -> {word: (fill ARGB, font ARGB)}
    word_colours: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    frozen: str = "A4"  # the first cell below and right of the frozen panes
    header_fill: str | None = None  # ARGB of the header rows' cells
    header_wrapped: bool = True
    # Row heights for wrapped text (a file opened in Excel does not fit them itself; the open workbook does).
    row_heights: dict[int, int] = field(default_factory=dict)


def cell_look(content: SheetContent, row: int, column: int) -> tuple[str, str | None]:
    """How one cell is shown: ("title" | "hint" | "section" | "header" | "link" | "wrapped" | "text", None),
    ("fill", ARGB) or ("format", number format)."""
    if row in content.title_rows:
        return "title", None
    if row in content.hint_rows:
        return "hint", None
    if row in content.section_rows:
        return "section", None
    if row in content.header_rows:
        return "header", content.header_fill
    if (row, column) in content.fills:
        return "fill", content.fills[(row, column)]
    if (row, column) in content.links:
        return "link", None
    if (row, column) in content.number_formats:
        return "format", content.number_formats[(row, column)]
    if column in content.wrapped_columns:
        return "wrapped", None
    return "text", None


def sheet_value(value: object) -> object:
    """A value as the sheet shows it: yes/no as "ja"/"nee", a figure that cannot be computed (infinity) empty."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


# ---- which sheet is planrapport's own ----


def own_header_count(name: str) -> int:
    """How many cells of row 3 tell whether the sheet `name` is planrapport's own (0: not one of its sheets)."""
    return len(OWN_HEADERS.get(normalize_header(name), ()))


def is_own_sheet(name: str, has_values: bool, row3: Sequence[object]) -> bool:
    """Whether the sheet `name` (Controle, Trends) is one planrapport made, or an empty one, by its row 3."""
    headers = OWN_HEADERS[normalize_header(name)]
    texts = ["" if value is None else str(value) for value in row3[: len(headers)]]
    texts += [""] * (len(headers) - len(texts))
    return not has_values or tuple(texts) == headers


# ---- Controle ----


def check_rows(checks: CheckList) -> list[list[str]]:
    """The rows of the Controle sheet from A1: title, summary, header, then one row per problem."""
    blank = [""] * (len(HEADERS) - 1)
    rows: list[list[str]] = [["Controle", *blank], [_summary(checks), *blank], list(HEADERS)]
    rows += [list(row) for row in checks.rows]
    return rows


def link_location(row: CheckRow, sheet_name: str | None = None) -> str:
    """Where the hyperlink of a problem points inside the workbook: "'Acties'!D14"."""
    name = (sheet_name or row.sheet).replace("'", "''")
    return f"'{name}'!{row.cell}"


def check_sheet(checks: CheckList, sheet_names: Iterable[str]) -> SheetContent:
    """The Controle sheet: its rows, the severity's colour in column A, links to the cells of the problems."""
    names = {normalize_header(s): s for s in sheet_names}
    content = SheetContent(rows=check_rows(checks), widths=WIDTHS, wrapped_columns=(5,), header_wrapped=False)
    for number, problem in enumerate(checks.rows, start=FIRST_ISSUE_ROW):
        name = names.get(normalize_header(problem.sheet))
        if name and problem.cell:  # a missing sheet or a --jaar problem has no cell to go to
            content.links[(number, 3)] = link_location(problem, name)
        if problem.severity in FILLS:
            content.fills[(number, 1)] = FILLS[problem.severity]
    return content


def marked_cells(checks: CheckList) -> dict[tuple[str, str], str]:
    """(sheet, cell) -> the ARGB fill of its most severe problem."""
    marks: dict[tuple[str, str], str] = {}
    for row in checks.rows:
        key = (row.sheet, row.cell)
        if row.severity == "fout" or key not in marks:
            marks[key] = FILLS.get(row.severity, WARNING_FILL)
    return marks


def cell_marks(checks: CheckList, sheet_names: Iterable[str]) -> dict[str, dict[tuple[int, int], str]]:
    """Every sheet but Controle, as the workbook spells it, with its cells to colour: (row, column) -> ARGB.

    A writer first takes the marker colours (MARKER_FILLS) off every cell of these sheets, then colours these
    cells, except those with a fill of the officer's own (the Controle sheet still lists them)."""
    names = [s for s in sheet_names if normalize_header(s) != normalize_header(CHECK_SHEET)]
    by_name = {normalize_header(s): s for s in names}
    marks: dict[str, dict[tuple[int, int], str]] = {s: {} for s in names}
    for (sheet, coordinate), colour in marked_cells(checks).items():
        target = by_name.get(normalize_header(sheet))
        position = split_ref(coordinate)
        if target is not None and position is not None:
            marks[target][position] = colour
    return marks


def _summary(checks: CheckList) -> str:
    year = f" (rapportjaar {checks.year})" if checks.year else ""
    text = checks.summary[0].upper() + checks.summary[1:]
    if not checks.rows:
        return f"{text}{year}."
    return (
        f"{text}{year}. Klik op een cel in kolom Cel om naar het probleem te gaan. De volgende controle "
        "vervangt deze lijst en wist de kleuren weer."
    )


# ---- Trends ----


def trends_sheet(table: TrendsTable) -> SheetContent:
    """The Trends sheet: the table's rows with its number formats, links, verdict colours and row heights."""
    rows = [[sheet_value(value) for value in row] for row in table.rows]
    width = max((len(row) for row in rows), default=0)
    widths = tuple(INDICATOR_WIDTHS[c] if c < len(INDICATOR_WIDTHS) else OTHER_WIDTH for c in range(width))
    colours = {area: dict(VERDICT_COLOURS) for area in table.verdict_ranges}
    colours.update({area: dict(RULE_COLOURS) for area in table.rule_ranges})
    headers, sections = set(table.headers), set(table.sections)
    heights = {}
    for number, values in enumerate(rows, start=1):
        wrapped = range(1, len(values) + 1) if number in headers else table.wrapped_columns
        lines = max([_lines(values[c - 1], widths[c - 1]) for c in wrapped if c <= len(values)] or [1])
        if lines > 1 and number > 2 and number not in sections:
            heights[number] = LINE_HEIGHT * lines
    return SheetContent(
        rows=rows,
        widths=widths,
        header_rows=tuple(table.headers),
        section_rows=tuple(table.sections),
        wrapped_columns=tuple(table.wrapped_columns),
        number_formats=dict(table.formats),
        links=dict(table.links),
        word_colours=colours,
        frozen="C4",
        header_fill=TRENDS_HEADER_FILL,
        row_heights=heights,
    )


def _lines(value: object, width: float) -> int:
    """How many lines a wrapped text needs in a column of this width (a width unit holds about one character)."""
    if not isinstance(value, str) or not value:
        return 1
    per_line = max(1, int(width * 0.95))
    return sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))
