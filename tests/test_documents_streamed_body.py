"""The body parsed in pieces while jinja writes it gives the document the whole text gave, and docxtpl's own table
grids."""

from __future__ import annotations

import pytest
from documents_support import REPORT_DATE, plan_document, plan_of, year_report
from docxtpl import DocxTemplate
from lxml import etree

import reporting.documents.streamed_body as streamed_body
from reporting.documents import render_year_report
from reporting.documents.plan_document import render_plan_document
from reporting.documents.streamed_body import fix_table_grids, parse_pieces

W_DECLARATION = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize("example", ["waregem", "denderleeuw"])
def test_small_pieces_give_the_bytes_of_one_piece(example, monkeypatch):
    # The examples' bodies fit in one piece; in pieces of 50 characters every cut falls after a paragraph, in
    # the middle of the text with line breaks that docxtpl resolves.
    report, plan = year_report(example), plan_document(example)
    monkeypatch.setattr(streamed_body, "PIECE", 50)
    assert render_year_report(plan_of(example), today=REPORT_DATE) == report
    assert render_plan_document(plan_of(example), today=REPORT_DATE) == plan


def test_pieces_are_cut_after_a_paragraph(monkeypatch):
    monkeypatch.setattr(streamed_body, "PIECE", 10)
    seen: list[str] = []

    def finish(text: str) -> str:
        seen.append(text)
        return text

    chunks = [f"<w:body {W_DECLARATION}>", "<w:p><w:r><w:t>een</w:t>", "</w:r></w:p>", "<w:p>",
              "<w:r><w:t>twee</w:t></w:r></w:p><w:sectPr/>", "</w:body>"]
    root = parse_pieces(chunks, finish)
    assert "".join(seen) == "".join(chunks)
    assert len(seen) > 1 and all(piece.endswith("</w:p>") for piece in seen[:-1])
    assert etree.tostring(root) == etree.tostring(etree.fromstring("".join(chunks)))


def _table(grid: str, *rows: str) -> str:
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def _columns(*widths: int) -> str:
    return "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)


def _row(cells: int, span: int = 0) -> str:
    spanned = f'<w:tc><w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr><w:p/></w:tc>' if span else ""
    return "<w:tr>" + "<w:tc><w:p/></w:tc>" * cells + spanned + "</w:tr>"


@pytest.mark.parametrize("table", [
    _table(_columns(3000, 3000), _row(2), _row(2)),  # fits: unchanged
    _table(_columns(3000, 3000), _row(2), _row(4)),  # a {%tc %} loop made more cells: columns added
    _table(_columns(2000, 2000, 2000, 2000), _row(2), _row(1)),  # fewer cells: the last columns removed
    _table(_columns(2000, 2000, 2000), _row(1, span=2)),  # a spanning cell counts its columns
    _table(_columns(2000, 2000)),  # no rows: docxtpl removes every column
    _table(_columns(3000, 3000), "<w:tr><w:tc>" + _table(_columns(1000), _row(3)) + "<w:p/></w:tc></w:tr>"),
])
def test_table_grids_are_docxtpl_s_own(table):
    xml = f"<w:body {W_DECLARATION}><w:p/>{table}<w:sectPr/></w:body>"
    expected = DocxTemplate.fix_tables(None, xml)
    root = etree.fromstring(xml)
    fix_table_grids(root)
    assert etree.tostring(root) == etree.tostring(expected)
