"""Finishing steps on small bodies: what they remove, add and rewrite, whichever way the body was written."""

from __future__ import annotations

import pytest
from lxml import etree

from reporting.documents.finishing import (
    drop_empty_runs,
    fill_empty_cells,
    fit_tables,
    heading_level,
    keep_rows_together,
    maybe_headings,
)
from reporting.documents.wordml.ooxml import W_NS

DECLARATION = f'xmlns:w="{W_NS}"'
SECTION = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:left="1440" w:right="1440"/></w:sectPr>'


def _body(inner: str) -> etree._Element:
    return etree.fromstring(f"<w:body {DECLARATION}>{inner}{SECTION}</w:body>")


def _xml(node: etree._Element) -> str:
    return etree.tostring(node, encoding="unicode").replace(f" {DECLARATION}", "")


def test_empty_runs_go_and_runs_with_anything_else_stay():
    body = _body(
        "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t></w:t></w:r><w:r><w:rPr/></w:r><w:r><w:t/><w:t/></w:r>"
        "<w:r><w:t>tekst</w:t></w:r><w:r><w:t/><w:br/></w:r><w:r><w:t/><!-- opmerking --></w:r>"
        "<w:r><w:t/><w:t>na een lege</w:t></w:r><w:r/></w:p>"
    )
    drop_empty_runs(body)
    assert _xml(body[0]) == (
        "<w:p><w:r><w:t>tekst</w:t></w:r><w:r><w:t/><w:br/></w:r><w:r><w:t/><!-- opmerking --></w:r>"
        "<w:r><w:t/><w:t>na een lege</w:t></w:r><w:r/></w:p>"
    )


def test_cells_end_with_a_paragraph():
    body = _body(
        "<w:tbl><w:tr><w:tc><w:tcPr/></w:tc>"
        "<w:tc><w:p/><w:tbl/></w:tc>"
        "<w:tc><w:p/><w:tbl/><!-- na de tabel --></w:tc>"
        "<w:tc><w:tbl/><w:p/><!-- na de alinea --></w:tc></w:tr></w:tbl>"
    )
    fill_empty_cells(body)
    assert _xml(body[0]) == (
        "<w:tbl><w:tr><w:tc><w:tcPr/><w:p/></w:tc>"
        "<w:tc><w:p/><w:tbl/><w:p/></w:tc>"
        "<w:tc><w:p/><w:tbl/><!-- na de tabel --><w:p/></w:tc>"
        "<w:tc><w:tbl/><w:p/><!-- na de alinea --></w:tc></w:tr></w:tbl>"
    )


@pytest.mark.parametrize(
    "second_row",
    [
        '<w:tc><w:tcPr><w:tcW w:w="1" w:type="pct"/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr/><w:p/></w:tc>',
        '<w:tc><w:tcPr><w:tcW w:w="1" w:type="pct"/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc>',
    ],
)
def test_cell_widths_written_the_same_way_whatever_was_there(second_row):
    cells = (
        '<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2000"/></w:tcPr><w:p/></w:tc>',
        '<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa" w:hidden="1"/><w:vAlign w:val="top"/></w:tcPr><w:p/></w:tc>',
    )
    body = _body(f"<w:tbl><w:tblPr/><w:tblGrid/><w:tr>{''.join(cells)}</w:tr><w:tr>{second_row}</w:tr></w:tbl>")
    fit_tables(body)
    assert _xml(body[0]) == (
        '<w:tbl><w:tblPr><w:tblW w:w="4000" w:type="dxa"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid><w:tr>'
        '<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr><w:p/></w:tc>'
        '<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/><w:vAlign w:val="top"/></w:tcPr><w:p/></w:tc></w:tr><w:tr>'
        '<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr><w:p/></w:tc>'
        '<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>'
    )


def test_small_tables_keep_their_rows_together_with_the_next():
    paragraphs = (
        '<w:p><w:pPr><w:pStyle w:val="x"/></w:pPr></w:p>',
        "<w:p/>",
        '<w:p><w:pPr><w:keepNext w:val="0"/><w:jc w:val="left"/></w:pPr></w:p>',
        "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>",
        '<w:p><w:pPr><w:pStyle w:val="x"/><!-- y --><w:spacing w:after="0"/><w:jc w:val="left"/></w:pPr></w:p>',
    )
    rows = "".join(f"<w:tr><w:tc>{p}</w:tc></w:tr>" for p in (*paragraphs, "<w:p/>"))
    body = _body(f"<w:tbl><w:tblPr/>{rows}</w:tbl>")
    keep_rows_together(body)
    kept = [_xml(p) for p in body.iter(f"{{{W_NS}}}p")]
    assert kept == [
        '<w:p><w:pPr><w:pStyle w:val="x"/><w:keepNext/></w:pPr></w:p>',
        "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>",
        '<w:p><w:pPr><w:keepNext/><w:jc w:val="left"/></w:pPr></w:p>',
        "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>",
        '<w:p><w:pPr><w:pStyle w:val="x"/><!-- y --><w:keepNext/><w:spacing w:after="0"/><w:jc w:val="left"/>'
        "</w:pPr></w:p>",
        "<w:p/>",
    ]
    assert all(
        _xml(row).startswith("<w:tr><w:trPr><w:cantSplit/></w:trPr>") for row in body[0].iterchildren(f"{{{W_NS}}}tr")
    )


def test_every_heading_of_the_body_is_found_in_order():
    levels = {"Kop1": 0, "Kop2": 1, "Kop 3": 2}
    body = _body(
        '<w:p><w:pPr><w:pStyle w:val="Kop2"/></w:pPr></w:p><w:p><w:pPr><w:pStyle w:val="Standaard"/></w:pPr></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="Standaard"/><w:outlineLvl w:val="0"/></w:pPr></w:p><w:p/>'
        '<w:tbl><w:tr><w:tc><w:p><w:pPr><w:pStyle w:val="Kop1"/></w:pPr></w:p></w:tc></w:tr></w:tbl>'
        '<w:p><w:pPr><w:pStyle w:val="Kop 3"/></w:pPr></w:p><w:p><w:pPr><w:pStyle w:val="Kop"/></w:pPr></w:p>'
        '<w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:pPr><w:pStyle w:val="Kop1"/></w:pPr></w:p>'
    )
    headings = [p for p in body.iterchildren(f"{{{W_NS}}}p") if heading_level(p, levels) is not None]
    found = maybe_headings(body, levels)
    assert [p for p in found if p in headings] == headings
    assert [heading_level(p, levels) for p in headings] == [1, 0, 2]
