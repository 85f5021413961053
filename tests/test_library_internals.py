"""Canaries: the private parts of openpyxl planrapport relies on are still there (the adapters of docxtpl, python-docx
and python-pptx have theirs in test_docxtpl_internals.py, test_docx_internals.py and test_pptx_internals.py).

Each failure names what moved; pyproject.toml bounds these libraries below their next minor release, and raising a
bound means running these tests and the document tests on the new release."""

from conftest import WAREGEM


def test_openpyxl_still_parses_a_read_only_sheet_as_the_adapter_expects():
    from openpyxl import load_workbook

    from workbook.spreadsheet.openpyxl_internals import custom_number_formats, sheet_parser, style_number_format_ids

    book = load_workbook(WAREGEM, read_only=True, rich_text=True, data_only=True)
    try:
        with sheet_parser(book, book["Instellingen"]) as parser:
            rows = list(parser.parse())
        cell = rows[0][1][0]
        assert {"row", "column", "value", "data_type", "style_id"} <= set(cell), (
            f"openpyxl's sheet parser gives cells with {sorted(cell)}: adapt workbook/spreadsheet/openpyxl_internals.py"
        )
        assert rows[0][1][0]["value"] == "Instellingen"
        assert all(isinstance(number, int) for number in style_number_format_ids(book))
        assert all(isinstance(code, str) for code in custom_number_formats(book))
    finally:
        book.close()
