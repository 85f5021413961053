"""Write a check's results into the workbook: the "Controle" sheet and a fill on offending cells, nothing else."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from workbook.plan.check_list import CheckList, CheckRow
from workbook.plan.schema import CHECK_SHEET
from workbook.sheets.generated_sheets import (
    ERROR_FILL,
    FILLS,
    FIRST_ISSUE_ROW,
    HEADERS,
    HINT_COLOUR,
    LINK_COLOUR,
    MARKER_FILLS,
    TITLE_COLOUR,
    WARNING_FILL,
    WIDTHS,
    SheetContent,
    cell_look,
    cell_marks,
    check_rows,
    check_sheet,
    link_location,
    marked_cells,
)
from workbook.sheets.generated_xml import add_hyperlinks, claim_with_styles, row_element, sheet_start, text_cell
from workbook.spreadsheet.cells import SheetCells, column_letters
from workbook.spreadsheet.package import (
    Package,
    q,
)
from workbook.spreadsheet.styles import Stylesheet
from workbook.storage.files import edit_workbook
from workbook.storage.writer_lock import writes_workbook

__all__ = [
    "ERROR_FILL",
    "FILLS",
    "FIRST_ISSUE_ROW",
    "HEADERS",
    "WARNING_FILL",
    "WIDTHS",
    "CheckList",
    "CheckRow",
    "check_rows",
    "link_location",
    "marked_cells",
    "write_check_sheet",
]
_STYLE_ATTRIBUTE = re.compile(rb'\ss="(\d+)"')


@writes_workbook
def write_check_sheet(path: str | Path, checks: CheckList) -> Path:
    """Put the check's list in the workbook (after a backup copy, atomically); returns the backup's path."""
    return edit_workbook(path, lambda package: _apply(package, checks))


def _apply(package: Package, checks: CheckList) -> None:
    styles_part, styles, check, tab_selected = claim_with_styles(package, CHECK_SHEET)
    sheets = package.sheets()
    others = [s for s in sheets if check is None or s.part != check.part]
    marks = cell_marks(checks, [s.name for s in others])
    marker_fills = {i for i in range(len(styles.fills)) if styles.fill_colour(i) in MARKER_FILLS}
    marker_xfs = {i for i in range(len(styles.cell_xfs)) if styles.fill_of(i) in marker_fills}
    fill_index = {colour: styles.ensure_fill(colour) for colour in dict.fromkeys(FILLS.values())} if checks.rows else {}
    for sheet in others:
        sheet_marks = marks.get(sheet.name, {})
        data = package.data[sheet.part]
        in_use = {int(v) for v in _STYLE_ATTRIBUTE.findall(data)}
        if not sheet_marks and not (in_use & marker_xfs):
            continue
        root = package.xml(sheet.part)
        cells = SheetCells(root)
        used = cells.styles_in_use() & marker_xfs
        if used:
            cells.restyle({index: styles.without_fill(index) for index in used})
        for (row, column), colour in sorted(sheet_marks.items()):
            base = cells.style_of(row, column)
            if base in marker_xfs:
                base = styles.without_fill(base)
            if not styles.is_empty_fill(styles.fill_of(base)):
                continue  # the officer's own fill stays; the Controle sheet still lists the cell
            cells.set_style(row, column, styles.with_fill(base, fill_index[colour]))
        package.put_xml(sheet.part, root)
    part = check.part if check is not None else package.add_sheet(CHECK_SHEET)
    content = check_sheet(checks, [s.name for s in sheets])
    package.put_xml(part, _check_sheet_xml(content, styles, fill_index, tab_selected))
    if styles.changed:
        package.put_xml(styles_part, styles.root)


def _check_sheet_xml(
    content: SheetContent, styles: Stylesheet, fill_index: dict[str, int], tab_selected: bool
) -> etree._Element:
    title = styles.new_xf(font=styles.ensure_font(bold=True, size=14, colour=TITLE_COLOUR))
    hint = styles.new_xf(font=styles.ensure_font(italic=True, colour=HINT_COLOUR))
    header = styles.new_xf(font=styles.ensure_font(bold=True))
    text = styles.new_xf()
    wrapped = styles.new_xf(wrap=True)
    link = styles.new_xf(font=styles.ensure_font(underline=True, colour=LINK_COLOUR))
    filled = {colour: styles.new_xf(fill=index) for colour, index in fill_index.items()}
    by_look = {"title": title, "hint": hint, "header": header, "link": link, "wrapped": wrapped, "text": text}
    root, data = sheet_start(content, tab_selected)
    for number, values in enumerate(content.rows, start=1):
        row = row_element(data, content, number)
        for column, value in enumerate(values, start=1):
            if value == "":
                continue
            look, detail = cell_look(content, number, column)
            style = filled.get(detail or "", text) if look == "fill" else by_look.get(look, text)
            text_cell(row, f"{column_letters(column)}{number}", value, style)
    add_hyperlinks(root, content)
    etree.SubElement(
        root,
        q("pageMargins"),
        {"left": "0.7", "right": "0.7", "top": "0.75", "bottom": "0.75", "header": "0.3", "footer": "0.3"},
    )
    return root
