"""Column widths of the tables, by their cells and within the text width of their section."""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from reporting.documents.finishing.layout import (
    LONG_ROW_CAPTIONS,
    OBJECTIVE_INDICATOR_CAPTIONS,
    VALUES_CAPTION,
    WIDE_TABLE_CAPTION,
    caption_of,
    cells_of,
    is_wide,
    section_of,
    text_width,
)
from reporting.documents.finishing.tree import (
    GRID_SPAN,
    SECTPR,
    TBL,
    TBLGRID,
    TBLPR,
    TC,
    TCPR,
    TCW,
    TR,
    TYPE,
    P,
    T,
    W,
    first_child,
    first_grandchild,
    walk_tags,
)
from reporting.documents.wordml.ooxml import NSMAP, element, put

# Tables that always take the full text width (the plan's three-column tables, the indicator values).
FULL_WIDTH_CAPTIONS = {WIDE_TABLE_CAPTION, VALUES_CAPTION, *LONG_ROW_CAPTIONS, *OBJECTIVE_INDICATOR_CAPTIONS}
# Column widths by content, in twips: a character of 9 pt table text, the cell margins, the narrowest column.
CHARACTER, CELL_PADDING, MIN_COLUMN = 105, 200, 620
_PIECES = re.compile(r"\s+|(?<=-)")
# The first tcW of the first tcPr of every cell of a table, row by row.
_CELL_WIDTHS = etree.XPath("w:tr/w:tc/w:tcPr[1]/w:tcW[1]", namespaces=NSMAP)


def _width(cell) -> int | None:
    width = first_grandchild(cell, TCPR, TCW)
    if width is None or width.get(TYPE, "dxa") != "dxa":
        return None
    try:
        return int(float(width.get(W)))
    except (TypeError, ValueError):
        return None


def _spanned_tables(spans: list) -> set:
    """The tables with a cell that spans columns (tr/tc/tcPr/gridSpan), from the body's gridSpan elements."""
    found = set()
    for span in spans:
        cell = span.getparent().getparent() if span.getparent().tag == TCPR else None
        row = cell.getparent() if cell is not None and cell.tag == TC else None
        table = row.getparent() if row is not None and row.tag == TR else None
        if table is not None and table.tag == TBL:
            found.add(table)
    return found


def fit_tables(body) -> None:
    """Column widths from the cells (loops over columns add cells), within the text width of the section;
    the plan's three-column tables take the full width."""
    found = walk_tags(body, SECTPR, GRID_SPAN)
    sections = section_of(body, found)
    spanned = _spanned_tables(found[GRID_SPAN])
    text_widths = _TextWidths()
    for table in body.iterchildren(TBL):
        fit_table(table, lambda table=table: text_widths.of(sections[table]), spanned=table in spanned)


class _TextWidths:
    def __init__(self) -> None:
        self._known: dict = {}

    def of(self, section) -> int:
        if section not in self._known:
            self._known[section] = text_width(section)
        return self._known[section]


def fit_table(table, text_width_of: Callable[[], int], *, spanned: bool) -> None:
    """One table's column widths within the text width of its section; a table with a cell that spans columns,
    or rows of different lengths, is left as it is."""
    cells = [cells_of(row) for row in table.iterchildren(TR)]
    if not cells or len({len(row) for row in cells}) != 1 or spanned:
        return
    widths = [_width(cell) for cell in cells[0]]
    if not widths or None in widths:
        return
    available = text_width_of()
    caption = caption_of(table)
    if caption == VALUES_CAPTION:
        widths = _widths_by_content(cells, available)
    total = sum(widths)
    if total > available or (total < available and (is_wide(table) or caption in FULL_WIDTH_CAPTIONS)):
        widths = [max(1, int(width * available / total)) for width in widths]
    grid = first_child(table, TBLGRID)
    for column in list(grid):
        grid.remove(column)
    for width in widths:
        grid.append(element("gridCol", w=str(width)))
    texts = [str(width) for width in widths]
    current = _CELL_WIDTHS(table)
    if len(current) == len(texts) * len(cells):
        # Every cell has its tcPr and tcW (a cell gives at most one): they come row by row, cell by cell.
        for index, cell_width in enumerate(current):
            _set_width(cell_width, texts[index % len(texts)])
    else:
        for row in cells:
            for cell, text in zip(row, texts, strict=True):
                properties = first_child(cell, TCPR)
                properties = properties if properties is not None else _new_tcpr(cell)
                cell_width = first_child(properties, TCW)
                if cell_width is None:
                    put(properties, element("tcW", w=text, type="dxa"))
                else:
                    _set_width(cell_width, text)
    put(first_child(table, TBLPR), element("tblW", w=str(sum(widths)), type="dxa"))


def _set_width(current, width: str) -> None:
    """<w:tcW w:w=width w:type="dxa"/> in place of the cell's `current` one. A plain one (only those attributes,
    nothing inside or after it) gets them anew, in this order: the same as a new element put in its place, and
    much cheaper for thousands of cells."""
    if set(current.keys()) <= {W, TYPE} and not len(current) and current.text is None and current.tail is None:
        current.attrib.clear()
        current.set(W, width)
        current.set(TYPE, "dxa")
    else:
        put(current.getparent(), element("tcW", w=width, type="dxa"))


def _widths_by_content(cells: list[list], available: int) -> list[int]:
    """Value columns as wide as their longest word (a line may break after a hyphen), the first column the rest."""
    longest = [0] * len(cells[0])
    for row in cells:
        for index, cell in enumerate(row):
            text = " ".join("".join(t.text or "" for t in p.iter(T)) for p in cell.iter(P))
            longest[index] = max([longest[index], *(len(piece) for piece in _PIECES.split(text))])
    widths = [max(MIN_COLUMN, CHARACTER * length + CELL_PADDING) for length in longest]
    rest = available - sum(widths[1:])
    widths[0] = max(rest, int(available * 0.3))
    return widths


def _new_tcpr(cell):
    properties = element("tcPr")
    cell.insert(0, properties)
    return properties
