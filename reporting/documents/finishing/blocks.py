"""The finishing steps that look at one block of the body at a time, and what the document-wide steps need."""

from __future__ import annotations

from reporting.documents.finishing.cleanup import drop_empty_runs, fill_empty_cells
from reporting.documents.finishing.contents import contents_depth
from reporting.documents.finishing.headings import heading_level, style_levels
from reporting.documents.finishing.layout import is_wide
from reporting.documents.finishing.properties import set_text_language
from reporting.documents.finishing.table_rows import keep_rows_together, mark_header_rows
from reporting.documents.finishing.tree import SECTPR, TBL, P
from reporting.documents.wordml.block_roles import BULK, OUTLINE, WHOLE
from reporting.documents.wordml.ooxml import w

_FIELDS = (w("fldChar"), w("instrText"), w("fldSimple"))
_BOOKMARK = w("bookmarkStart")


class BlockSteps:
    """Finishes each block of a document's body once it is rendered and says what the document-wide steps need of
    it (wordml/block_roles): the whole block for fields (the table of contents), section breaks and the
    headings that the contents and the landscape pages look at; the outline of a table (is it one of the plan's
    wide tables?); nothing of the rest."""

    def __init__(self, document) -> None:
        self.levels = style_levels(document)
        self.depth: int | None = None  # headings up to this level are listed, once the contents field is seen
        self.last_bookmark = 0  # the highest bookmark number in the body

    def __call__(self, block) -> str:
        if not isinstance(block.tag, str):
            return BULK
        drop_empty_runs(block)
        fill_empty_cells(block)
        mark_header_rows(block)
        keep_rows_together(block)
        set_text_language(block)
        for mark in block.iter(_BOOKMARK):
            number = mark.get(w("id")) or ""
            if number.isdigit():
                self.last_bookmark = max(self.last_bookmark, int(number))
        return self._role(block)

    def _role(self, block) -> str:
        if block.tag == TBL:
            return OUTLINE if is_wide(block) else BULK
        if block.tag == SECTPR or next(block.iter(SECTPR), None) is not None:
            return WHOLE
        if next(block.iter(*_FIELDS), None) is not None:
            if self.depth is None:
                self.depth = contents_depth(block)
            return WHOLE
        if block.tag == P:
            level = heading_level(block, self.levels)
            # Landscape pages start at a heading of level 1 (0 here); the contents list the levels it asks for.
            if level is not None and (self.depth is None or level < max(1, self.depth)):
                return WHOLE
        return BULK
