"""The rendering shortcuts give what docxtpl and python-docx themselves give: listing characters in texts, table
grids, the package's bytes."""

from __future__ import annotations

import io

import pytest
from documents_support import open_docx, year_report
from docxtpl import DocxTemplate
from lxml import etree

from reporting.documents.packaging import normalized_zip, package_bytes
from reporting.documents.rendering import _has_listing, _Template

W_DECLARATION = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _body(inner: str) -> str:
    return f"<w:body {W_DECLARATION}>{inner}</w:body>"


def _paragraph(text: str) -> str:
    return (f'<w:p><w:pPr><w:pStyle w:val="x"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>'
            f'<w:t xml:space="preserve">{text}</w:t></w:r></w:p>')


@pytest.mark.parametrize("xml", [
    _body(_paragraph("een") + "\n" + _paragraph("twee") + "\n\n"),
    _body(_paragraph("regel\neen")),
    _body(_paragraph("kolom\tkolom") + "\n" + _paragraph("pagina\feinde\aalinea")),
    _body('<w:p><w:r><w:t xml:space="preserve"/></w:r><w:r><w:t>na\nleeg</w:t></w:r></w:p>'),
    _body('<w:p><w:r><w:t>\n</w:t></w:r></w:p>'),
    _body('<w:p><w:r><w:instrText>TOC \\o "1-3"\n</w:instrText><w:t>a</w:t></w:r></w:p>\n'),
])
def test_listing_characters_are_resolved_exactly_as_docxtpl_does(xml):
    resolved = DocxTemplate.resolve_listing(None, xml)
    if not _has_listing(xml):
        assert resolved == xml
    assert _has_listing(xml) == (resolved != xml)


def _table(grid: list[int], rows: list[list[str]]) -> str:
    columns = "".join(f'<w:gridCol w:w="{width}"/>' for width in grid)
    body = "".join("<w:tr>" + "".join(row) + "</w:tr>" for row in rows)
    return f"<w:tbl><w:tblPr/><w:tblGrid>{columns}</w:tblGrid>{body}</w:tbl>"


def _cell(span: int | None = None, inner: str = "") -> str:
    properties = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span else "<w:tcPr/>"
    return f"<w:tc>{properties}{inner}<w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>"


@pytest.mark.parametrize("tables", [
    # A loop over columns added cells: columns are added and the width kept.
    [_table([3000, 3000], [[_cell(), _cell(), _cell(), _cell()], [_cell(), _cell()]])],
    # A loop over nothing left fewer cells: columns are removed and their width shared.
    [_table([2000, 2000, 2000, 2000], [[_cell(), _cell()], [_cell()]])],
    # Spanned cells count for their span; a table in a cell counts for the table around it too.
    [_table([1000, 1000, 1000],
            [[_cell(span=2)], [_cell(), _cell(inner=_table([500], [[_cell(), _cell(), _cell()]]))]])],
    [_table([1500, 1500], [[_cell(), _cell()]]), _table([1000], [])],
])
def test_table_grids_are_fixed_exactly_as_docxtpl_does(tables):
    xml = _body("".join(tables))
    ours = etree.tostring(_Template.fix_tables(None, xml))
    assert ours == etree.tostring(DocxTemplate.fix_tables(None, xml))


def test_package_bytes_are_those_of_the_saved_and_normalized_document():
    document = open_docx(year_report("waregem"))  # pictures, charts with their workbooks, headers, footers
    saved = io.BytesIO()
    document.save(saved)
    assert package_bytes(document) == normalized_zip(saved.getvalue())
