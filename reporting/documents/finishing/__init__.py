"""What docxtpl cannot do, done on the rendered document, one module per step."""

from __future__ import annotations

from reporting.documents.finishing.blocks import BlockSteps
from reporting.documents.finishing.cleanup import drop_empty_runs, fill_empty_cells
from reporting.documents.finishing.contents import fill_contents
from reporting.documents.finishing.headings import heading_level, maybe_headings, style_levels
from reporting.documents.finishing.landscape import landscape_for_wide_tables
from reporting.documents.finishing.properties import Properties, set_language, set_properties, update_fields_on_open
from reporting.documents.finishing.table_rows import keep_rows_together, mark_header_rows
from reporting.documents.finishing.table_widths import fit_tables
from reporting.documents.finishing.watermark import add_watermark

__all__ = [
    "BlockSteps",
    "Properties",
    "add_watermark",
    "drop_empty_runs",
    "fill_contents",
    "fill_empty_cells",
    "finish",
    "fit_tables",
    "heading_level",
    "keep_rows_together",
    "landscape_for_wide_tables",
    "mark_header_rows",
    "maybe_headings",
    "set_language",
    "set_properties",
    "style_levels",
    "update_fields_on_open",
]


def finish(document, properties: Properties, *, draft: bool) -> None:
    """The document-wide steps, in an order where later steps see the final page layout; the steps that look at
    one block at a time (BlockSteps) ran on every block when the body was rendered."""
    body = document.element.body
    landscape_for_wide_tables(body, style_levels(document))
    fit_tables(body)
    set_language(document)
    set_properties(document, properties)
    fill_contents(document)
    update_fields_on_open(document)
    if draft:
        add_watermark(document)
