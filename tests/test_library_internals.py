"""Canaries: the private parts of openpyxl, docxtpl and python-docx planrapport relies on are still there (python-docx's
adapter and python-pptx's have theirs in test_docx_internals.py and test_pptx_internals.py).

Each failure names what moved; pyproject.toml bounds these libraries below their next minor release, and raising a
bound means running these tests and the document tests on the new release."""

import inspect

import pytest
from conftest import WAREGEM

METHODS_OVERRIDDEN = {  # reporting/documents/engine/rendering.py: docxtpl's rendering steps, overridden or called
    "render_xml_part": ["self", "src_xml", "part", "context", "jinja_env"],
    "build_xml": ["self", "context", "jinja_env"],
    "render_footnotes": ["self", "context", "jinja_env"],
    "fix_tables": ["self", "xml"],
    "fix_docpr_ids": ["self", "tree"],
    "map_tree": ["self", "tree"],
    "patch_xml": ["self", "src_xml"],
    "get_xml": ["self"],
}


def _parameters(function) -> list[str]:
    return list(inspect.signature(function).parameters)


@pytest.mark.parametrize("name", METHODS_OVERRIDDEN)
def test_docxtpl_still_has_the_rendering_steps_planrapport_overrides(name):
    from docxtpl import DocxTemplate

    method = getattr(DocxTemplate, name, None)
    assert method is not None, (
        f"docxtpl.DocxTemplate.{name} is gone: reporting/documents/engine/rendering.py overrides it"
    )
    assert _parameters(method) == METHODS_OVERRIDDEN[name], (
        f"docxtpl.DocxTemplate.{name} now takes {_parameters(method)}: adapt reporting/documents/engine/rendering.py"
    )


def test_python_docx_relationships_still_keep_their_targets_by_id():
    from docx import Document

    relationships = Document().part.rels
    assert isinstance(getattr(relationships, "_target_parts_by_rId", None), dict), (
        "python-docx's Relationships lost _target_parts_by_rId: documents/rendering.py _sync_parts points it at the "
        "header and footer parts docxtpl swaps in"
    )


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
