"""Canaries: the private parts of python-docx that reporting/documents/wordml/docx_internals.py relies on still work.

Each failure names what moved; pyproject.toml bounds python-docx below its next minor release, and raising that bound
means running these tests and the document tests on the new release."""

import inspect
import io
import zipfile

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import parse_xml
from docx.shared import Cm, Twips
from library_bounds import check_installed_within_bound

from reporting.documents.wordml.docx_internals import (
    cell_element,
    content_types_xml,
    paragraph_element,
    row_element,
    table_element,
)
from reporting.documents.wordml.ooxml import W_NS, element, put, w

ADAPTER = "reporting/documents/wordml/docx_internals.py"


def test_the_installed_python_docx_is_within_the_bound_the_adapter_was_checked_for():
    check_installed_within_bound("python-docx", ADAPTER)


def test_a_paragraphs_element_is_the_w_p_in_the_body_that_python_docx_reads():
    document = Document()
    paragraph = document.add_paragraph("Eerste")
    paragraph_xml = paragraph_element(paragraph)
    assert paragraph_xml.tag == w("p") and paragraph_xml.getparent() is document.element.body, (
        f"python-docx's Paragraph._p is no longer the paragraph's <w:p> in the body: adapt {ADAPTER}"
    )
    paragraph_xml.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:t> en tweede</w:t></w:r>'))
    put(paragraph_xml.get_or_add_pPr(), element("keepNext"))
    assert paragraph.text == "Eerste en tweede" and paragraph.paragraph_format.keep_with_next, (
        f"runs and properties added to Paragraph._p are not what python-docx reads back: adapt {ADAPTER}"
    )


def test_a_tables_element_has_the_properties_and_grid_python_docx_reads():
    document = Document()
    table = document.add_table(rows=1, cols=2)
    table_xml = table_element(table)
    assert table_xml.tag == w("tbl") and table_xml.tblPr is not None and table_xml.tblGrid is not None, (
        f"python-docx's Table._tbl is no longer a <w:tbl> with .tblPr and .tblGrid: adapt {ADAPTER}"
    )
    table_xml.tblGrid.findall(w("gridCol"))[0].set(w("w"), "1701")
    put(table_xml.tblPr, element("tblCaption", val="Proef"))
    assert table.columns[0].width == Twips(1701), f"widths set in Table._tbl's grid are not python-docx's: {ADAPTER}"
    assert table_xml.tblPr.find(w("tblCaption")).get(w("val")) == "Proef"


def test_a_rows_and_a_cells_elements_take_the_properties_python_docx_reads():
    document = Document()
    table = document.add_table(rows=1, cols=1)
    row, cell = table.rows[0], table.rows[0].cells[0]
    row_xml, cell_xml = row_element(row), cell_element(cell)
    assert row_xml.tag == w("tr") and row_xml.getparent() is table_element(table), (
        f"python-docx's _Row._tr is no longer the row's <w:tr> in the table: adapt {ADAPTER}"
    )
    assert cell_xml.tag == w("tc") and cell_xml.getparent() is row_xml, (
        f"python-docx's _Cell._tc is no longer the cell's <w:tc> in its row: adapt {ADAPTER}"
    )
    row_xml.get_or_add_trPr().append(element("tblHeader"))
    put(cell_xml.get_or_add_tcPr(), element("vAlign", val="bottom"))
    assert row_xml.find(f"{w('trPr')}/{w('tblHeader')}") is not None
    assert cell.vertical_alignment == WD_CELL_VERTICAL_ALIGNMENT.BOTTOM, (
        f"a vAlign put in _Cell._tc's tcPr is not what python-docx reads back: adapt {ADAPTER}"
    )


def test_the_content_types_are_those_python_docx_saves():
    document = Document()
    document.add_paragraph().add_run().add_picture(_png(), width=Cm(1))
    parts = list(document.part.package.iter_parts())
    saved = io.BytesIO()
    document.save(saved)
    written = zipfile.ZipFile(saved).read("[Content_Types].xml")
    assert inspect.signature(PackageWriter._write_content_types_stream).parameters.keys() == {"phys_writer", "parts"}, (
        f"python-docx's PackageWriter._write_content_types_stream takes other arguments: adapt {ADAPTER}"
    )
    assert content_types_xml(parts) == written, (
        f"python-docx's content types item differs from what Document.save writes: adapt {ADAPTER}"
    )
    assert b'Extension="png"' in written


def test_a_headers_part_element_is_the_w_hdr_its_paragraphs_come_from():
    # Public, but left out of python-docx's API documentation: the Word import and the watermark rely on it.
    document = Document()
    header = document.sections[0].header
    header.paragraphs[0].text = "Koptekst"
    root = header.part.element
    assert root.tag == w("hdr") and [p.text for p in header.paragraphs] == ["Koptekst"], (
        "python-docx's header.part.element is no longer the <w:hdr> of the header: adapt workbook/word_import/"
        "document.py and reporting/documents/finishing/watermark.py"
    )
    root.append(parse_xml(f'<w:p xmlns:w="{W_NS}"><w:r><w:t>Tweede</w:t></w:r></w:p>'))
    assert [p.text for p in header.paragraphs] == ["Koptekst", "Tweede"]


def _png() -> io.BytesIO:
    """A 1x1 white PNG."""
    return io.BytesIO(
        bytes.fromhex(
            "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8ffff3f0005fe02fe"
            "a7d6a4e00000000049454e44ae426082"
        )
    )
