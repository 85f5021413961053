"""The floor process: read a workbook read-only with openpyxl and write its texts into a bare .docx with docxtpl."""

from __future__ import annotations

import io
import sys
from pathlib import Path


def workbook_texts(path: Path) -> list[str]:
    """Every text value of every sheet, read the cheapest way openpyxl offers."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    texts = [
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if isinstance(value, str)
    ]
    workbook.close()
    return texts


def write_texts(texts: list[str], target: Path) -> None:
    """Each text as a paragraph of a bare template, rendered with docxtpl (autoescape on, as the reports); the body
    put in linearly, as planrapport does (docxtpl's own swap grows with the square of the body)."""
    from docx import Document

    from reporting.documents.engine.docxtpl_internals import LinearBodyTemplate

    bare = Document()
    for line in ("{%p for text in texts %}", "{{ text }}", "{%p endfor %}"):
        bare.add_paragraph(line)
    buffer = io.BytesIO()
    bare.save(buffer)
    document = LinearBodyTemplate(io.BytesIO(buffer.getvalue()))
    document.render({"texts": texts}, autoescape=True)
    document.save(target)


def main(argv: list[str]) -> int:
    source, target = Path(argv[0]), Path(argv[1])
    write_texts(workbook_texts(source), target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
