"""The rendered body parsed piece by piece while jinja writes it, handed out one finished block at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from docxtpl import DocxTemplate
from lxml import etree

from reporting.documents.finishing.tree import GRID_SPAN, TBL, TBLGRID, TC, TCPR, TR, VAL, W, first_child
from reporting.documents.wordml.ooxml import w

GRID_COL = w("gridCol")
_PARAGRAPH_END = "</w:p>"
# Characters gathered before the text up to its last closed paragraph is finished and parsed.
PIECE = 1 << 20


def finished_pieces(chunks: Iterable[str], finish: Callable[[str], str]) -> Iterator[str]:
    """`"".join(chunks)` passed through `finish`, in pieces of about PIECE characters, each cut right after a
    </w:p>: docxtpl's rewrites after rendering (removing the line breaks put before paragraphs, resolving the \\n
    and \\t in texts) look at one paragraph at a time, so they give the same text on the pieces as on the whole."""
    pending: list[str] = []
    size, limit = 0, PIECE
    for chunk in chunks:
        pending.append(chunk)
        size += len(chunk)
        if size < limit:
            continue
        text = "".join(pending)
        cut = text.rfind(_PARAGRAPH_END)
        if cut < 0:
            pending, limit = [text], 2 * size  # no paragraph closed yet: join again only when twice as long
            continue
        cut += len(_PARAGRAPH_END)
        yield finish(text[:cut])
        rest = text[cut:]
        pending, size, limit = [rest], len(rest), PIECE
    last = finish("".join(pending))
    if last:
        yield last


def parse_blocks(pieces: Iterable[str | bytes], root_tag: str) -> Iterator[tuple[etree._Element, etree._Element]]:
    """(root, child) for every child of the root element (tag `root_tag`) that the joined pieces parse to (lxml,
    recovering as docxtpl does), in order, each one complete when it is handed out. The caller takes each child
    out of the root, or it is dropped, so that only the children not yet handed out are held at a time."""
    parser = etree.XMLPullParser(events=("start",), tag=root_tag, recover=True)
    root = None
    for piece in pieces:
        parser.feed(piece)
        if root is None:
            root = next((node for _, node in parser.read_events()), None)
        # Every child but the last one is complete: the parser only adds to the last.
        while root is not None and len(root) > 1:
            yield from _hand_out(root)
    closed = parser.close()
    while len(closed):
        yield from _hand_out(closed)


def _hand_out(root):
    child = root[0]
    yield root, child
    if len(root) and root[0] is child:
        root.remove(child)


def fix_table_grids(root) -> None:
    """docxtpl's fix_tables on a parsed body: tables whose rows hold more or fewer cells than their grid has
    columns (after a {%tc %} loop) get docxtpl's own grid. The tables whose grid fits, nearly all, are only
    looked at; each other one is fixed by docxtpl on a copy and its grid columns copied back."""
    for table in root.iter(TBL):
        if not _grid_changes(table):
            continue
        fixed = DocxTemplate.fix_tables(None, etree.tostring(table, encoding="unicode"))
        _copy_grid(fixed.find(TBLGRID), table.find(TBLGRID))


def _grid_changes(table) -> bool:
    """Would docxtpl's fix_tables change this table's grid (or fail on it, as it does without a grid)?"""
    grid = table.find(TBLGRID)
    if grid is None:
        return True
    columns = len(grid.findall(GRID_COL))
    most_cells = most_spans = 0
    for row in table.iter(TR):  # as docxtpl: the rows of nested tables count too
        cells = spans = 0
        for cell in row.iterchildren(TC):
            cells += 1
            properties = first_child(cell, TCPR)
            span = None if properties is None else first_child(properties, GRID_SPAN)
            spans += 1 if span is None else int(span.get(VAL))
        most_cells, most_spans = max(most_cells, cells), max(most_spans, spans)
    return most_cells > columns or most_spans < columns


def _copy_grid(fixed, grid) -> None:
    """docxtpl rescales the grid columns, adds new ones at the end of the grid or removes the last ones."""
    old, new = grid.findall(GRID_COL), fixed.findall(GRID_COL)
    for column, fixed_column in zip(old, new, strict=False):
        if fixed_column.get(W) is not None and column.get(W) != fixed_column.get(W):
            column.set(W, fixed_column.get(W))
    for column in old[len(new) :]:
        grid.remove(column)
    for fixed_column in new[len(old) :]:
        etree.SubElement(grid, GRID_COL, {W: fixed_column.get(W)})
