"""What docxtpl cannot do, done on the rendered document, one module per step."""

from __future__ import annotations

from reporting.documents.finishing.blocks import BlockSteps
from reporting.documents.finishing.cleanup import drop_empty_runs, fill_empty_cells
from reporting.documents.finishing.contents import fill_contents
from reporting.documents.finishing.headings import heading_level, maybe_headings, style_levels
from reporting.documents.finishing.landscape import landscape_for_wide_tables
from reporting.documents.finishing.properties import Properties, set_language, set_properties, update_fields_on_open
from reporting.documents.finishing.table_rows import keep_rows_together, mark_header_rows
from reporting.documents.finishing.table_widths import fit_tables, table_fitter
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
    """Every step, in an order where later steps see the final page layout. When the body was rendered with
    BlockSteps, the steps that look at one block at a time are done, and the body's bulk is written out later
    (spooled_body): the table widths, which need each table's section, are fitted then."""
    body = document.element.body
    spooled = getattr(document.part, "spooled_body", None)
    blocks = spooled.steps if spooled is not None and isinstance(spooled.steps, BlockSteps) else None
    if blocks is None:
        drop_empty_runs(body)
        fill_empty_cells(body)
        mark_header_rows(body)
        keep_rows_together(body)
    landscape_for_wide_tables(body, style_levels(document))
    if blocks is None:
        fit_tables(body)
    else:
        spooled.late_steps.append(table_fitter(body))
    set_language(document)
    set_properties(document, properties)
    fill_contents(document, blocks.last_bookmark if blocks is not None else 0)
    update_fields_on_open(document)
    if draft:
        add_watermark(document)
