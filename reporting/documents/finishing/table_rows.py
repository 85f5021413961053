"""Table rows: header rows that repeat, rows that never break, small tables kept on one page."""

from __future__ import annotations

from lxml import etree

from reporting.documents.finishing.layout import LONG_ROW_CAPTIONS, VALUES_CAPTION, caption_of, is_wide
from reporting.documents.finishing.tree import (
    CANT_SPLIT,
    KEEP_NEXT,
    PPR,
    TBL,
    TBLPR,
    TC,
    TR,
    TRPR,
    VAL,
    P,
    first_child,
    first_grandchild,
    is_bare,
)
from reporting.documents.wordml.ooxml import ORDER, element, put, rank, w

# Smaller tables are kept on one page, with the text that follows.
KEEP_TOGETHER_ROWS = 15
_KEEP_NEXT_RANK = ORDER["pPr"].index("keepNext")


def _is_on(value: str | None) -> bool:
    return value in ("1", "true", "on")


def _has_header_look(table) -> bool:
    look = first_grandchild(table, TBLPR, w("tblLook"))
    if look is None:
        return False
    if look.get(w("firstRow")) is not None:
        return _is_on(look.get(w("firstRow")))
    value = look.get(VAL)
    return bool(value) and bool(int(value, 16) & 0x0020)


def mark_header_rows(body) -> None:
    """Tables with header-row formatting repeat that row on every page and never split it."""
    for table in body.iter(TBL):
        rows = table.findall(TR)
        if len(rows) < 2 or not _has_header_look(table):
            continue
        properties = rows[0].find(TRPR)
        if properties is None:
            properties = element("trPr")
            first_cell = rows[0].find(TC)
            first_cell.addprevious(properties)
        for name in ("cantSplit", "tblHeader"):
            if properties.find(w(name)) is None:
                properties.append(element(name))


def keep_rows_together(body) -> None:
    """Rows never break across pages, and a small table stays on one page; the plan's tables of results
    (three columns, or two in a plan without actions or without action indicators), whose rows can be longer than
    a page, may break, and so
    may the table of values per year."""
    for table in body.iter(TBL):
        if is_wide(table) or caption_of(table) in LONG_ROW_CAPTIONS:
            continue
        rows = list(table.iterchildren(TR))
        for row in rows:
            properties = first_child(row, TRPR)
            if properties is None:
                first_cell = first_child(row, TC)
                first_cell.addprevious(properties := etree.SubElement(row, TRPR))
                etree.SubElement(properties, CANT_SPLIT)
            elif first_child(properties, CANT_SPLIT) is None:
                properties.insert(0, etree.SubElement(properties, CANT_SPLIT))
        if len(rows) > KEEP_TOGETHER_ROWS or caption_of(table) == VALUES_CAPTION:
            continue  # long enough to break; its header row repeats on the next page
        for row in rows[:-1]:
            for paragraph in row.iter(P):
                properties = first_child(paragraph, PPR)
                if properties is None:
                    properties = etree.SubElement(paragraph, PPR)
                    paragraph.insert(0, properties)
                    etree.SubElement(properties, KEEP_NEXT)
                else:
                    _keep_next(properties)


def _keep_next(properties) -> None:
    """put(properties, element("keepNext")) with one look at the children, for thousands of paragraphs; a bare
    <w:keepNext/> already there stays, as a new one in its place would be the same."""
    before = None
    for index, child in enumerate(properties):
        if child.tag == KEEP_NEXT:
            if not is_bare(child):
                put(properties, element("keepNext"))
            return
        if before is None and rank("pPr", child) > _KEEP_NEXT_RANK:
            before = index
    new = etree.SubElement(properties, KEEP_NEXT)
    if before is not None:
        properties.insert(before, new)
