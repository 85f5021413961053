"""The one place planrapport uses openpyxl's private parts: its sheet parser and the style lists of a workbook.

openpyxl has no public way to read a read-only sheet's cells with their rich text and style ids past what the sheet's
<dimension> claims, nor to list the number format of each cell style of a loaded workbook. pyproject.toml bounds
openpyxl below its next minor release; tests/test_library_internals.py says in plain words what moved if this breaks.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element

from openpyxl.worksheet._reader import WorkSheetParser

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_INLINE, _INLINE_TEXT = f"{{{_MAIN}}}is", f"{{{_MAIN}}}t"


class SheetParser(WorkSheetParser):
    """openpyxl's sheet parser; a plain inline string (one <t>, no runs) skips the slow rich-text objects."""

    def parse_cell(self, element: Element) -> dict[str, object]:
        inline = element.find(_INLINE) if element.get("t") == "inlineStr" else None
        if inline is None or inline.attrib or len(inline) != 1 or inline[0].tag != _INLINE_TEXT:
            return super().parse_cell(element)
        text = inline[0].text
        element.remove(inline)
        cell = super().parse_cell(element)
        cell["value"], cell["data_type"] = text.replace("x005F_", "") if text else "", "s"  # as openpyxl reads it
        return cell


@contextmanager
def sheet_parser(workbook: Workbook, sheet: ReadOnlyWorksheet) -> Iterator[SheetParser]:
    """The parser of one sheet of a read-only workbook, with cached values, rich text and the workbook's dates;
    `parse()` gives (row number, cells) with each cell's "row", "column", "value", "data_type" and "style_id"."""
    with sheet._get_source() as source:
        yield SheetParser(
            source,
            sheet._shared_strings,
            data_only=True,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
            rich_text=True,
        )


def custom_number_formats(workbook: Workbook) -> Sequence[str]:
    """The workbook's own number format codes, in the order of their ids from 164 on."""
    return workbook._number_formats


def style_number_format_ids(workbook: Workbook) -> list[int]:
    """The number format id of each cell style, by style id."""
    return [style.numFmtId for style in workbook._cell_styles]
