"""Which tables are the plan's wide tables, and which section each body element belongs to."""

from __future__ import annotations

from reporting.documents.finishing.tree import (
    CAPTION,
    PPR,
    SECTPR,
    TBLPR,
    TC,
    TR,
    VAL,
    P,
    T,
    first_child,
    first_grandchild,
    walk_tags,
)
from reporting.documents.wordml.ooxml import w

WIDE_TABLE_CAPTION = "Resultaten, acties en indicatoren"
WIDE_TABLE_HEADERS = (
    ("resultaten", "acties", "wijze & tijdstip evaluatie / indicatoren"),
    ("actie", "omschrijving", "wijze & tijdstip evaluatie / indicatoren"),
)
VALUES_CAPTION = "Metingen per jaar"
# The two-column table of a plan without actions: full width, rows may break, portrait pages suffice.
RESULTS_TABLE_CAPTION = "Resultaten en indicatoren"
# The same for the actions of a plan without results whose actions have no indicators of their own.
ACTIONS_TABLE_CAPTION = "Acties en omschrijving"
LONG_ROW_CAPTIONS = {RESULTS_TABLE_CAPTION, ACTIONS_TABLE_CAPTION}
# The one-column tables of an objective's own indicators: full width.
OBJECTIVE_INDICATOR_CAPTIONS = {
    "Indicatoren van de strategische doelstelling",
    "Indicatoren van de operationele doelstelling",
}


def caption_of(table) -> str:
    caption = first_grandchild(table, TBLPR, CAPTION)
    return caption.get(VAL, "").strip() if caption is not None else ""


def cells_of(row) -> list:
    return list(row.iterchildren(TC))


def text_width(section) -> int:
    size, margins = section.find(w("pgSz")), section.find(w("pgMar"))
    page = int(size.get(w("w"), "11906"))
    if margins is None:
        return page - 2 * 1440
    return page - int(margins.get(w("left"), "1440")) - int(margins.get(w("right"), "1440"))


def section_of(body, found: dict[str, list] | None = None) -> dict:
    """Body-level element -> the sectPr that closes its section, in one pass from the end (the dict holds the
    elements, so lxml hands out the same objects when the body is walked again)."""
    own: dict = {}  # body-level paragraph -> its first pPr/sectPr
    for section in (found or walk_tags(body, SECTPR))[SECTPR]:
        properties = section.getparent()
        paragraph = properties.getparent() if properties.tag == PPR else None
        if paragraph is not None and paragraph.tag == P and paragraph.getparent() is body:
            own.setdefault(paragraph, section)
    current = first_child(body, SECTPR)
    found: dict = {}
    for node in reversed(body):
        if node in own:
            current = own[node]
        found[node] = current
    return found


def is_wide(table) -> bool:
    caption = first_grandchild(table, TBLPR, CAPTION)
    if caption is not None and caption.get(VAL, "").strip() == WIDE_TABLE_CAPTION:
        return True
    first = first_child(table, TR)
    if first is None:
        return False
    cells = cells_of(first)
    if all(len(cells) != len(headers) for headers in WIDE_TABLE_HEADERS):
        return False  # no need to read the texts
    texts = tuple(" ".join("".join(t.text or "" for t in cell.iter(T)).split()).casefold() for cell in cells)
    return texts in WIDE_TABLE_HEADERS
