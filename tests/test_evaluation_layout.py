"""The evaluation's tables keep their words whole: the status words per year small (7.5 pt, by a paragraph style the
rendered runs keep), each year's column as wide as its longest word needs, the headings of the indicator table whole;
a plan of six years on landscape pages, one of three on portrait pages."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from conftest import DENDERLEEUW, WAREGEM
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from benchmarks.make_plan import main as make_plan
from reporting.documents import render_evaluation
from reporting.documents.wordml.docx_internals import table_element
from workbook.reading.reader import read_plan

TODAY = date(2030, 6, 1)
STATUS_CAPTION, INDICATOR_CAPTION = "Status van de acties per jaar", "Indicatoren: nulmeting, metingen en streefwaarde"
TWIPS_PER_CM = 567
# An honest bound on the room a word needs: 0.16 cm a character of 7.5 pt text, 0.2 cm of a bold 9 pt heading,
# and the cell margins of the table (2 x 85 twips).
STATUS_CM, HEADING_CM, MARGINS = 0.16, 0.2, 170
_BREAKS = re.compile(r"[ \t\r\n]+")  # not the no-break space between a marker and its word


@pytest.fixture(scope="module")
def six_years(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("zes") / "zes-jaar.xlsx"
    assert make_plan(["klein", str(path), "--years", "6", "--seed", "3"]) in (None, 0)
    return path


@pytest.fixture(scope="module")
def documents(six_years) -> dict:
    return {
        name: Document(io.BytesIO(render_evaluation(read_plan(path), today=TODAY)))
        for name, path in (("waregem", WAREGEM), ("denderleeuw", DENDERLEEUW), ("zes", six_years))
    }


def _caption(table) -> str:
    caption = table_element(table).tblPr.find(qn("w:tblCaption"))
    return caption.get(qn("w:val")) if caption is not None else ""


def _tables(document, caption: str) -> list:
    return [t for t in document.tables if _caption(t) == caption]


def _widths(table) -> list[int]:
    return [int(column.get(qn("w:w"))) for column in table_element(table).tblGrid.findall(qn("w:gridCol"))]


def _needs(text: str, cm_per_character: float) -> int:
    """Twips for the longest part of `text` a line cannot break, and the cell margins."""
    longest = max((len(piece) for piece in _BREAKS.split(text)), default=0)
    return round(longest * cm_per_character * TWIPS_PER_CM) + MARGINS


def _text_width(document, table) -> int:
    body = document.element.body
    following = table_element(table).getnext()
    while following is not None and following.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is None:
        following = following.getnext()
    section = following.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if following is not None else body.find(qn("w:sectPr"))
    size, margins = section.find(qn("w:pgSz")), section.find(qn("w:pgMar"))
    return int(size.get(qn("w:w"))) - int(margins.get(qn("w:left"))) - int(margins.get(qn("w:right")))


def _size(paragraph, run) -> Pt | None:
    """The size a run is shown at: its own, else that of the paragraph's style or the styles it is based on."""
    if run.font.size is not None:
        return run.font.size
    style = paragraph.style
    while style is not None:
        if style.font.size is not None:
            return style.font.size
        style = style.base_style
    return None


@pytest.mark.parametrize("name", ["waregem", "denderleeuw", "zes"])
def test_status_words_are_small_and_their_columns_hold_the_longest_whole(documents, name):
    document = documents[name]
    tables = _tables(document, STATUS_CAPTION)
    assert tables
    for table in tables:
        widths = _widths(table)
        rows = table.rows
        years = len(rows[0].cells) - 2
        assert years == {"waregem": 3, "denderleeuw": 6, "zes": 6}[name]
        assert sum(widths) <= _text_width(document, table)
        assert widths[0] >= 5 * TWIPS_PER_CM - 1  # the action's title has room to wrap
        for column, heading in enumerate(rows[0].cells[1:], start=1):
            assert widths[column] >= _needs(heading.text, HEADING_CM), (name, heading.text)
        for row in rows[1:]:
            for column, cell in enumerate(row.cells[1:], start=1):
                assert widths[column] >= _needs(cell.text, STATUS_CM), (name, cell.text, widths[column])
                for paragraph in cell.paragraphs:
                    assert paragraph.style.name == "Tabelstatus"
                    for run in paragraph.runs:
                        assert _size(paragraph, run) == Pt(7.5), (name, run.text)


@pytest.mark.parametrize("name", ["waregem", "denderleeuw", "zes"])
def test_the_headings_of_the_indicator_table_stay_whole(documents, name):
    document = documents[name]
    tables = _tables(document, INDICATOR_CAPTION)
    assert tables
    for table in tables:
        widths = _widths(table)
        assert sum(widths) <= _text_width(document, table)
        headings = [cell.text for cell in table.rows[0].cells]
        assert headings[1] == "Nulmeting" and headings[-2] == "Streefwaarde"
        for column, heading in enumerate(headings[1:], start=1):
            # A period such as "2021 (juni-december)" may break after its hyphen.
            longest = max(len(piece) for piece in re.split(r"\s+|(?<=-)", heading))
            assert widths[column] >= round(longest * HEADING_CM * TWIPS_PER_CM) + MARGINS, (name, heading)


def _orientations(document) -> list[bool]:
    return [section.page_width > section.page_height for section in document.sections]


def test_six_years_of_actions_go_on_landscape_pages_the_rest_stays_portrait(documents):
    for name in ("denderleeuw", "zes"):
        document = documents[name]
        landscape = _orientations(document)
        assert landscape[0] is False and True in landscape, (name, landscape)
        for table in _tables(document, STATUS_CAPTION) + _tables(document, INDICATOR_CAPTION):
            assert _text_width(document, table) > 20 * TWIPS_PER_CM
    assert _orientations(documents["zes"])[-1] is False  # the budget is portrait again
    assert True not in _orientations(documents["waregem"])  # three years fit on a portrait page
