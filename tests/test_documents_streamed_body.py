"""The body parsed in pieces while jinja writes it, finished block by block and spooled to a temporary file, gives
the document the whole text and the whole tree gave, and docxtpl's own table grids."""

from __future__ import annotations

import pytest
from documents_support import DOCUMENTS, REPORT_DATE, W, open_docx, plan_document, plan_of, year_report
from docxtpl import DocxTemplate
from lxml import etree

import reporting.documents.engine.spooled_body as spooled_body
import reporting.documents.engine.streamed_body as streamed_body
import reporting.documents.plan_document as plan_module
import reporting.documents.year_report as year_report_module
from reporting.documents import render_year_report
from reporting.documents.engine.spooled_body import spool_body
from reporting.documents.engine.streamed_body import finished_pieces, fix_table_grids, parse_blocks
from reporting.documents.plan_document import render_plan_document
from reporting.documents.wordml.block_roles import BULK, WHOLE
from workbook.reading.reader import read_plan

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

    chunks = [
        f"<w:body {W_DECLARATION}>",
        "<w:p><w:r><w:t>een</w:t>",
        "</w:r></w:p>",
        "<w:p>",
        "<w:r><w:t>twee</w:t></w:r></w:p><w:sectPr/>",
        "</w:body>",
    ]
    assert "".join(finished_pieces(chunks, finish)) == "".join(chunks)
    assert "".join(seen) == "".join(chunks)
    assert len(seen) > 1 and all(piece.endswith("</w:p>") for piece in seen[:-1])


@pytest.mark.parametrize("size", [1, 3, 7, 1000])
def test_blocks_are_handed_out_whole_and_in_order_whatever_the_pieces(size):
    text = (
        f"<w:body {W_DECLARATION}>\n<w:p><w:r><w:t>een &amp; één</w:t></w:r></w:p>\n<!-- opmerking -->"
        f"<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>staart<w:p/><w:sectPr/></w:body>"
    ).encode()
    expected = [etree.tostring(child) for child in etree.fromstring(text)]
    handed = [
        etree.tostring(child)
        for _, child in parse_blocks([text[i : i + size] for i in range(0, len(text), size)], f"{W}body")
    ]
    assert handed == expected


def _whole_body(monkeypatch) -> None:
    """Render as before the spooling: every block stays in the tree and the finishing steps see the whole body."""
    monkeypatch.setattr(year_report_module, "BlockSteps", None)
    monkeypatch.setattr(plan_module, "BlockSteps", None)


@pytest.mark.parametrize("workbook", [None, "plan-zonder-acties.xlsx", "opsommingen-in-tekst.xlsx"])
@pytest.mark.parametrize("template", [None, "voorbeeldegem-jaarrapport.docx", "eigen-grafiek-jaarrapport.docx"])
def test_the_spooled_body_gives_the_bytes_of_the_whole_body(workbook, template, monkeypatch):
    # Read back a few bytes at a time, so blocks are cut everywhere; the plan document's wide tables get landscape
    # pages, whose section breaks go into a paragraph that waited in the file.
    plan = plan_of("waregem") if workbook is None else read_plan(DOCUMENTS / workbook)
    chosen = None if template is None else DOCUMENTS / template
    monkeypatch.setattr(spooled_body, "_READ", 97)
    made = [
        render_year_report(plan, today=REPORT_DATE, template=chosen),
        render_year_report(plan, today=REPORT_DATE, template=chosen, draft=True),
    ]
    if template is None:
        made.append(render_plan_document(plan, today=REPORT_DATE))
    _whole_body(monkeypatch)
    expected = [
        render_year_report(plan, today=REPORT_DATE, template=chosen),
        render_year_report(plan, today=REPORT_DATE, template=chosen, draft=True),
    ]
    if template is None:
        expected.append(render_plan_document(plan, today=REPORT_DATE))
    assert made == expected


def test_most_of_the_body_waits_in_the_file(monkeypatch):
    seen = {}
    package_bytes = plan_module.package_bytes

    def look(document):
        body = document.element.body
        seen["in memory"] = sum(len(t.text or "") for t in body.iter(f"{W}t"))
        seen["blocks"] = len(body)
        seen["stand-ins"] = sum(1 for node in body if node.get("{urn:planrapport:body}start") is not None)
        data = package_bytes(document)
        seen["written"] = sum(len(t.text or "") for t in open_docx(data).element.body.iter(f"{W}t"))
        return data

    monkeypatch.setattr(plan_module, "package_bytes", look)
    render_year_report(plan_of("waregem"), today=REPORT_DATE)
    # The headings that the contents list (and the contents, filled with them) stay; every stretch of text and
    # tables between them is one stand-in. Waregem has many headings for its size (16% of the text stays).
    assert seen["stand-ins"] > seen["blocks"] / 3
    assert seen["in memory"] < seen["written"] / 5


def _table(grid: str, *rows: str) -> str:
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def _columns(*widths: int) -> str:
    return "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)


def _row(cells: int, span: int = 0) -> str:
    spanned = f'<w:tc><w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr><w:p/></w:tc>' if span else ""
    return "<w:tr>" + "<w:tc><w:p/></w:tc>" * cells + spanned + "</w:tr>"


@pytest.mark.parametrize(
    "table",
    [
        _table(_columns(3000, 3000), _row(2), _row(2)),  # fits: unchanged
        _table(_columns(3000, 3000), _row(2), _row(4)),  # a {%tc %} loop made more cells: columns added
        _table(_columns(2000, 2000, 2000, 2000), _row(2), _row(1)),  # fewer cells: the last columns removed
        _table(_columns(2000, 2000, 2000), _row(1, span=2)),  # a spanning cell counts its columns
        _table(_columns(2000, 2000)),  # no rows: docxtpl removes every column
        _table(_columns(3000, 3000), "<w:tr><w:tc>" + _table(_columns(1000), _row(3)) + "<w:p/></w:tc></w:tr>"),
    ],
)
def test_table_grids_are_docxtpl_s_own(table):
    xml = f"<w:body {W_DECLARATION}><w:p/>{table}<w:sectPr/></w:body>"
    expected = DocxTemplate.fix_tables(None, xml)
    root = etree.fromstring(xml)
    fix_table_grids(root)
    assert etree.tostring(root) == etree.tostring(expected)


def test_a_spooled_body_is_written_out_as_it_was_parsed(monkeypatch):
    # A kept heading, then a run of a paragraph, a comment on its own, and a run of a table and a paragraph
    # (its stand-in a paragraph, like its last block), read back five bytes at a time.
    monkeypatch.setattr(spooled_body, "_READ", 5)
    text = (
        f"<w:body {W_DECLARATION}><w:p><w:pPr><w:pStyle w:val='Kop'/></w:pPr></w:p>"
        "<w:p><w:r><w:t>één &amp; twee</w:t></w:r></w:p><!-- opmerking --><w:tbl><w:tr/></w:tbl><w:p/>"
        "<w:sectPr/></w:body>"
    )

    def role(block) -> str:
        kept = block.tag == f"{W}sectPr" or b"Kop" in etree.tostring(block)
        return WHOLE if kept else BULK

    spooled = spool_body([text], role)
    try:
        stand_ins = [node.get("{urn:planrapport:body}start") is not None for node in spooled.skeleton]
        assert [etree.QName(node).localname for node in spooled.skeleton] == ["p", "p", "bulk", "p", "sectPr"]
        assert stand_ins == [False, True, True, True, False]
        written = b"".join(spooled.pieces(spooled.skeleton, spooled.skeleton.nsmap))
    finally:
        spooled.close()
    again = etree.fromstring(f"<w:body {W_DECLARATION}>".encode() + written + b"</w:body>")
    assert etree.tostring(again) == etree.tostring(etree.fromstring(text))
