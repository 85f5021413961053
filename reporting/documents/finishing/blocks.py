"""The finishing steps that look at one block of the body at a time, as it is rendered."""

from __future__ import annotations

from reporting.documents.finishing.cleanup import drop_empty_runs, fill_empty_cells
from reporting.documents.finishing.properties import set_text_language
from reporting.documents.finishing.table_rows import keep_rows_together, mark_header_rows


class BlockSteps:
    """Finishes each block of a document's body once it is rendered: empty runs dropped, empty cells filled,
    header rows marked and kept with the next row, the text's language set."""

    def __init__(self, document) -> None:
        self.document = document

    def __call__(self, block) -> None:
        if not isinstance(block.tag, str):
            return
        drop_empty_runs(block)
        fill_empty_cells(block)
        mark_header_rows(block)
        keep_rows_together(block)
        set_text_language(block)
