"""The rendering shortcuts give what docxtpl and python-docx themselves give: listing characters in texts, the
package's bytes."""

from __future__ import annotations

import io

import pytest
from documents_support import open_docx, year_report
from docxtpl import DocxTemplate

from reporting.documents.engine.docxtpl_internals import has_listing
from reporting.documents.engine.packaging import normalized_zip, package_bytes

W_DECLARATION = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _body(inner: str) -> str:
    return f"<w:body {W_DECLARATION}>{inner}</w:body>"


def _paragraph(text: str) -> str:
    return (
        f'<w:p><w:pPr><w:pStyle w:val="x"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>'
        f'<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
    )


@pytest.mark.parametrize(
    "xml",
    [
        _body(_paragraph("een") + "\n" + _paragraph("twee") + "\n\n"),
        _body(_paragraph("regel\neen")),
        _body(_paragraph("kolom\tkolom") + "\n" + _paragraph("pagina\feinde\aalinea")),
        _body('<w:p><w:r><w:t xml:space="preserve"/></w:r><w:r><w:t>na\nleeg</w:t></w:r></w:p>'),
        _body("<w:p><w:r><w:t>\n</w:t></w:r></w:p>"),
        _body('<w:p><w:r><w:instrText>TOC \\o "1-3"\n</w:instrText><w:t>a</w:t></w:r></w:p>\n'),
    ],
)
def test_listing_characters_are_resolved_exactly_as_docxtpl_does(xml):
    resolved = DocxTemplate(io.BytesIO()).resolve_listing(xml)
    if not has_listing(xml):
        assert resolved == xml
    assert has_listing(xml) == (resolved != xml)


def test_package_bytes_are_those_of_the_saved_and_normalized_document():
    document = open_docx(year_report("waregem"))  # charts with their workbooks, headers, footers
    saved = io.BytesIO()
    document.save(saved)
    assert package_bytes(document) == normalized_zip(saved.getvalue())
