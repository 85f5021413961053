"""The one place planrapport uses python-docx's private parts: the XML elements of its proxies, its package writer.

python-docx's public API edits a document through proxy objects (Paragraph, Table, _Row, _Cell) that do not give the
element they wrap; a Run (`run.element`), a Document (`document.element`) and a part (`part.element`) do, and
planrapport uses those directly. Each function below names the public API it stands in for. pyproject.toml bounds
python-docx below its next minor release; tests/test_docx_internals.py says in plain words what moved if this breaks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.opc.pkgwriter import PackageWriter

if TYPE_CHECKING:
    from collections.abc import Iterable

    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml.table import CT_Row, CT_Tbl, CT_Tc
    from docx.oxml.text.paragraph import CT_P
    from docx.table import Table, _Cell, _Row
    from docx.text.paragraph import Paragraph


def paragraph_element(paragraph: Paragraph) -> CT_P:
    """The <w:p> of a paragraph. Missing public API: `Paragraph.element` (a Run has it, a Paragraph not)."""
    return paragraph._p


def table_element(table: Table) -> CT_Tbl:
    """The <w:tbl> of a table. Missing public API: `Table.element` (for tblPr, tblGrid and the table's place)."""
    return table._tbl


def row_element(row: _Row) -> CT_Row:
    """The <w:tr> of a table row. Missing public API: `_Row.element` (for trPr, e.g. a repeated header row)."""
    return row._tr


def cell_element(cell: _Cell) -> CT_Tc:
    """The <w:tc> of a table cell. Missing public API: `_Cell.element` (for tcPr: widths in percent, alignment)."""
    return cell._tc


def content_types_xml(parts: Iterable[Part]) -> bytes:
    """The [Content_Types].xml of a package of `parts`, as python-docx's `Document.save` writes it. Missing public
    API: the content types item without zipping the package (`PackageWriter.write` takes only a file to zip into)."""
    collected = _Collected()
    PackageWriter._write_content_types_stream(collected, parts)
    return collected.blob


class _Collected:
    """Takes the one member python-docx's writer writes, in place of its zip writer."""

    blob: bytes = b""

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        self.blob = blob
