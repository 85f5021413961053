"""The evaluation's wide tables: column widths that keep every status word and column heading whole, and landscape
pages for the objectives when the years of the plan do not fit side by side on a portrait page."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from reporting.documents.finishing import BlockSteps
from reporting.documents.finishing.headings import heading_level
from reporting.documents.finishing.landscape import _continuing, _orient, _section_break_paragraph
from reporting.documents.finishing.layout import caption_of, cells_of, section_of
from reporting.documents.finishing.tree import TBL, TBLGRID, TBLPR, TCPR, TR, first_child
from reporting.documents.wordml.ooxml import element, local, put, w

# The captions of the evaluation template's tables (reporting/template_builder/evaluation_template.py).
STATUS_CAPTION = "Status van de acties per jaar"
INDICATOR_CAPTION = "Indicatoren: nulmeting, metingen en streefwaarde"
# In twips (567 a centimetre). A character of the 7.5 pt status text at most (0.16 cm; Arial's widest lowercase
# letters, m and w, are narrower), the cell margins of the house style's table (2 x 85) with room to spare.
CM = 567
STATUS_CHARACTER, CELL_PADDING = 91, 230
# A character of a bold 9 pt column heading at most (0.2 cm), and the heading of the outcome column.
HEADING_CHARACTER, OUTCOME_HEADING = 113, "Uitkomst"
# The action's title wraps, but keeps at least this much; no status column gets wider than this.
MIN_TITLE, MAX_STATUS = 5 * CM, 4 * CM
# The indicator table: its text at least this wide, each measured period this wide, and the columns whose headings
# must not break ("Nulmeting", "Streefwaarde", bold 9 pt) with their values and the verdict, at least.
MIN_INDICATOR, PERIOD = 4 * CM, int(1.5 * CM)
INDICATOR_FIXED = (int(2.2 * CM), int(2.8 * CM), int(2.2 * CM))  # Nulmeting, Streefwaarde, Oordeel
MARKER = "\u25cf\u00a0"  # the coloured dot and the no-break space before a status word (markers.py)
_BREAKS = re.compile(r"[ \t\r\n]+")  # where a line may break; not at the no-break space after the marker
_NUMBER_BREAKS = re.compile(r"[ \t\r\n]+|(?<=-)")  # in a period or a value also after a hyphen
# A character of the 9 pt figures at most (0.185 cm).
NUMBER_CHARACTER = 105


def longest_piece(text: str) -> int:
    """The characters of the longest part of `text` that a line cannot break."""
    return max((len(piece) for piece in _BREAKS.split(text)), default=0)


def status_width(texts, heading: str = "") -> int:
    """The width of a status column that holds each of `texts` (as shown, marker included) and its `heading` with
    no word broken."""
    longest = max((longest_piece(text) for text in texts), default=0)
    return min(MAX_STATUS, max(STATUS_CHARACTER * longest, HEADING_CHARACTER * longest_piece(heading)) + CELL_PADDING)


def _text(cell) -> str:
    return " ".join("".join(t.text or "" for t in p.iter(w("t"))) for p in cell.iter(w("p")))


@dataclass(frozen=True)
class Layout:
    years: int
    year_width: int  # twips, each year's column
    outcome_width: int
    periods: int  # the most measured periods of an indicator table
    width: int  # the text width the tables are made for
    landscape: bool


def page_widths(section) -> tuple[int, int, bool]:
    """The text width of `section` in portrait and in landscape, and whether it is landscape already."""
    size, margins = section.find(w("pgSz")), section.find(w("pgMar"))
    width, height = int(size.get(w("w"), "11906")), int(size.get(w("h"), "16838"))
    sides = 2 * 1440 if margins is None else int(margins.get(w("left"), "1440")) + int(margins.get(w("right"), "1440"))
    return min(width, height) - sides, max(width, height) - sides, width > height


def plan_layout(context: dict, section) -> Layout:
    """The widths of the evaluation's tables for the rendered `context`, on portrait pages when they fit there."""
    actions = [a for sd in context["doelstellingen"] for od in sd["operationele"] for a in od["acties"]]
    statuses = [(MARKER if s["marker"] else "") + s["tekst"] for a in actions for s in a["statussen"]]
    years = max((len(a["statussen"]) for a in actions), default=0)
    outcomes = [MARKER + a["uitkomst"] for a in actions]
    periods = max(
        (
            len(od["indicatoren"]["perioden"])
            for sd in context["doelstellingen"]
            for od in sd["operationele"]
            if od["indicatoren"]
        ),
        default=0,
    )
    year_width, outcome_width = status_width(statuses), status_width(outcomes, OUTCOME_HEADING)
    portrait, landscape, already = page_widths(section)
    needed = max(
        MIN_TITLE + years * year_width + outcome_width, MIN_INDICATOR + periods * PERIOD + sum(INDICATOR_FIXED)
    )
    wide = not already and needed > portrait
    return Layout(years, year_width, outcome_width, periods, landscape if wide or already else portrait, wide)


def _set_widths(table, widths: list[int]) -> None:
    rows = list(table.iterchildren(TR))
    if not rows or any(len(cells_of(row)) != len(widths) for row in rows):
        return
    grid = first_child(table, TBLGRID)
    if grid is None:
        return
    for column in list(grid):
        grid.remove(column)
    for width in widths:
        grid.append(element("gridCol", w=str(width)))
    for row in rows:
        for cell, width in zip(cells_of(row), widths, strict=True):
            properties = first_child(cell, TCPR)
            if properties is None:
                properties = element("tcPr")
                cell.insert(0, properties)
            put(properties, element("tcW", w=str(width), type="dxa"))
    put(first_child(table, TBLPR), element("tblW", w=str(sum(widths)), type="dxa"))


def fit_status_table(table, layout: Layout) -> None:
    """The action's title, a column per year, the outcome: the years and the outcome as wide as their longest word
    needs, the title the rest of the text width."""
    first = first_child(table, TR)
    if first is None:
        return
    headings = [_text(cell) for cell in cells_of(first)]
    years = len(headings) - 2
    if years < 1:
        return
    year_width = max([layout.year_width, *(status_width((), heading) for heading in headings[1:-1])])
    outcome_width = max(layout.outcome_width, status_width((), headings[-1]))
    rest = layout.width - years * year_width - outcome_width
    _set_widths(table, [max(MIN_TITLE, rest), *[year_width] * years, outcome_width])


def fit_indicator_table(table, layout: Layout) -> None:
    """The indicator's text, the nulmeting, a column per measured period, the streefwaarde and the verdict: the
    headings whole, the text the rest of the text width."""
    first = first_child(table, TR)
    if first is None:
        return
    periods = len(cells_of(first)) - 4
    if periods < 0:
        return
    headings = [_text(cell) for cell in cells_of(first)]
    baseline, target, verdict = (
        max(least, status_width((), heading))
        for least, heading in zip(INDICATOR_FIXED, headings[1:2] + headings[-2:], strict=True)
    )
    widths = [PERIOD] * periods
    for row in table.iterchildren(TR):
        cells = cells_of(row)
        if len(cells) != periods + 4:
            return
        for column, cell in enumerate(cells[2:-2]):
            # A heading such as "2021 (juni-december)" breaks after its hyphen at most; a value not in a digit.
            character = HEADING_CHARACTER if row is first else NUMBER_CHARACTER
            longest = max((len(piece) for piece in _NUMBER_BREAKS.split(_text(cell))), default=0)
            widths[column] = max(widths[column], min(MAX_STATUS, character * longest + CELL_PADDING))
    rest = layout.width - baseline - sum(widths) - target - verdict
    _set_widths(table, [max(MIN_INDICATOR, rest), baseline, *widths, target, verdict])


class EvaluationBlocks(BlockSteps):
    """The finishing steps of each block, and the widths of the evaluation's status and indicator tables once the
    context (and so the layout) is known."""

    def __init__(self, document) -> None:
        super().__init__(document)
        self.section = document.element.body.find(w("sectPr"))
        self.layout: Layout | None = None

    def plan(self, context: dict) -> None:
        if self.section is not None:
            self.layout = plan_layout(context, self.section)

    def __call__(self, block) -> None:
        super().__call__(block)
        if block.tag != TBL or self.layout is None:
            return
        caption = caption_of(block)
        if caption == STATUS_CAPTION:
            fit_status_table(block, self.layout)
        elif caption == INDICATOR_CAPTION:
            fit_indicator_table(block, self.layout)


def landscape_for_objectives(body, levels: dict[str, int]) -> None:
    """Landscape pages from the chapter (heading 1) of the first status or indicator table to the end of the chapter
    of the last one; the pages before and after stay portrait."""
    tables = [t for t in body.iterchildren(TBL) if caption_of(t) in (STATUS_CAPTION, INDICATOR_CAPTION)]
    if not tables:
        return
    sections = section_of(body)
    section = sections[tables[0]]
    if section is None or section is not sections[tables[-1]] or page_widths(section)[2]:
        return
    children = [node for node in body if isinstance(node.tag, str) and local(node) != "sectPr"]
    index = {id(node): position for position, node in enumerate(children)}

    def breaks_section(node) -> bool:
        return local(node) == "p" and node.find(f"{w('pPr')}/{w('sectPr')}") is not None

    section_start = next(
        (position + 1 for position in range(index[id(tables[0])] - 1, -1, -1) if breaks_section(children[position])), 0
    )
    start = next(
        (
            position
            for position in range(index[id(tables[0])] - 1, section_start - 1, -1)
            if local(children[position]) == "p" and heading_level(children[position], levels) == 0
        ),
        index[id(tables[0])],
    )
    end = index[id(tables[-1])] + 1
    while end < len(children) and not (
        local(children[end]) == "p" and (heading_level(children[end], levels) == 0 or breaks_section(children[end]))
    ):
        end += 1
    before = start > section_start
    if before:
        portrait = copy.deepcopy(section)
        # An explicit "next page" type; without it LibreOffice leaves the page fields of this section empty.
        put(portrait, element("type", val="nextPage"))
        children[start].addprevious(_section_break_paragraph(portrait))
    if end >= len(children) or breaks_section(children[end]):
        closing = section if end >= len(children) else children[end].find(f"{w('pPr')}/{w('sectPr')}")
        if before:
            _restart_nothing(closing)
        _orient(closing, True)
        return
    landscape = _continuing(section) if before else copy.deepcopy(section)
    put(landscape, element("type", val="nextPage"))
    _orient(landscape, True)
    children[end].addprevious(_section_break_paragraph(landscape))
    _restart_nothing(section)


def _restart_nothing(section) -> None:
    """A section that continues another: no title page of its own, page numbers that go on."""
    for title_page in section.findall(w("titlePg")):
        section.remove(title_page)
    numbering = section.find(w("pgNumType"))
    if numbering is not None:
        numbering.attrib.pop(w("start"), None)
