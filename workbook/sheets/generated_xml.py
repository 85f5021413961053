"""The parts of a generated sheet's XML that Controle and Trends share: view, columns, cells and links."""

from __future__ import annotations

import re

from lxml import etree

from workbook.plan.errors import WorkbookError
from workbook.sheets.generated_sheets import SheetContent, is_own_sheet, own_header_count
from workbook.spreadsheet.cells import column_letters, split_ref
from workbook.spreadsheet.package import MAIN, REL, STYLES, Package, SheetRef, cell_texts, claim_generated_sheet, q
from workbook.spreadsheet.styles import Stylesheet

_INVALID_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ESCAPE_LIKE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def claim_with_styles(package: Package, name: str) -> tuple[str, Stylesheet, SheetRef | None, bool]:
    """The workbook's styles (part and stylesheet) and its generated sheet `name`, claimed to be written anew (see
    claim_generated_sheet); refused when the workbook has no styles."""
    styles_part = package.related(STYLES)
    if styles_part is None:
        raise WorkbookError(f"{package.path.name}: het werkboek heeft geen opmaak; bewaar het opnieuw in Excel.")
    styles = Stylesheet(package.xml(styles_part))
    existing, selected = claim_generated_sheet(package, name, lambda root: is_own_sheet_xml(package, root, name))
    return styles_part, styles, existing, selected


def is_own_sheet_xml(package: Package, root: etree._Element, name: str) -> bool:
    """Whether a Controle or Trends sheet in the file is planrapport's own (or empty), by its column names in row 3."""
    refs = [f"{column_letters(column)}3" for column in range(1, own_header_count(name) + 1)]
    headers = cell_texts(package, root, refs)
    has_values = any(c.find(q("v")) is not None or c.find(q("is")) is not None for c in root.iter(q("c")))
    return is_own_sheet(name, has_values, [headers[ref] for ref in refs])


def sheet_start(content: SheetContent, selected: bool) -> tuple[etree._Element, etree._Element]:
    """The worksheet up to its sheetData: size, frozen panes, column widths; returns (worksheet, sheetData)."""
    rows = content.rows
    width = max((len(r) for r in rows), default=1)
    root = etree.Element(q("worksheet"), nsmap={None: MAIN, "r": REL})
    etree.SubElement(root, q("dimension"), {"ref": f"A1:{column_letters(width)}{len(rows)}"})
    view = etree.SubElement(etree.SubElement(root, q("sheetViews")), q("sheetView"), {"workbookViewId": "0"})
    if selected:
        view.set("tabSelected", "1")
    row, column = split_ref(content.frozen) or (1, 1)
    pane = "bottomRight" if column > 1 else "bottomLeft"
    split = {"xSplit": str(column - 1)} if column > 1 else {}
    etree.SubElement(
        view,
        q("pane"),
        {**split, "ySplit": str(row - 1), "topLeftCell": content.frozen, "activePane": pane, "state": "frozen"},
    )
    etree.SubElement(view, q("selection"), {"pane": pane, "activeCell": content.frozen, "sqref": content.frozen})
    etree.SubElement(root, q("sheetFormatPr"), {"defaultRowHeight": "15"})
    cols = etree.SubElement(root, q("cols"))
    for number, size in enumerate(content.widths, start=1):
        etree.SubElement(
            cols, q("col"), {"min": str(number), "max": str(number), "width": str(size), "customWidth": "1"}
        )
    return root, etree.SubElement(root, q("sheetData"))


def row_element(data: etree._Element, content: SheetContent, number: int) -> etree._Element:
    row = etree.SubElement(data, q("row"), {"r": str(number)})
    if number in content.row_heights:  # Excel does not always fit wrapped text when it opens a file
        row.set("ht", str(content.row_heights[number]))
        row.set("customHeight", "1")
    return row


def add_hyperlinks(root: etree._Element, content: SheetContent) -> None:
    if not content.links:
        return
    hyperlinks = etree.SubElement(root, q("hyperlinks"))
    for (number, column), location in sorted(content.links.items()):
        etree.SubElement(
            hyperlinks,
            q("hyperlink"),
            {
                "ref": f"{column_letters(column)}{number}",
                "location": location,
                "display": str(content.rows[number - 1][column - 1]),
            },
        )


def text_cell(row: etree._Element, ref: str, value: str, style: int) -> etree._Element:
    cell = etree.SubElement(row, q("c"), {"r": ref, "t": "inlineStr"})
    text = etree.SubElement(etree.SubElement(cell, q("is")), q("t"))
    text.text = xml_text(value)
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    if style:
        cell.set("s", str(style))
    return cell


def xml_text(value: object) -> str:
    """Text Excel shows as written: no characters XML forbids, and no _xHHHH_ that Excel would decode."""
    return _ESCAPE_LIKE.sub(r"_x005F_\1", _INVALID_XML.sub(" ", str(value)))
