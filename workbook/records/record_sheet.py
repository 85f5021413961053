"""A hidden, protected sheet of plain lines that planrapport writes anew: the records Ingediend and Uitgevraagd."""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from workbook.plan.schema import HEADER_ROW, normalize_header
from workbook.spreadsheet.loading import Grid
from workbook.spreadsheet.package import MAIN, REL, Package, cell_texts, claim_generated_sheet, q
from workbook.spreadsheet.rows import xml_text

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def write_record_sheet(package: Package, name: str, title: str, lines: list[list[object]]) -> None:
    """Put `lines` (from A1, title first) on the hidden sheet `name`, replacing the one planrapport wrote before;
    a sheet of that name the officer made is refused. Numbers stay numbers, every other value is a text cell."""
    sheet, _ = claim_generated_sheet(package, name, lambda root: cell_texts(package, root, ["A1"])["A1"] == title)
    part = sheet.part if sheet is not None else package.add_sheet(name)
    element = next(s.element for s in package.sheets() if s.part == part)
    element.set("state", "hidden")
    package.put_xml(package.workbook_part, package.workbook)
    package.put_xml(part, record_xml(lines))


def record_xml(lines: list[list[object]]) -> etree._Element:
    width = max((len(values) for values in lines), default=1)
    root = etree.Element(q("worksheet"), nsmap={None: MAIN, "r": REL})
    etree.SubElement(root, q("dimension"), {"ref": f"A1:{_LETTERS[width - 1]}{max(len(lines), 1)}"})
    etree.SubElement(etree.SubElement(root, q("sheetViews")), q("sheetView"), {"workbookViewId": "0"})
    etree.SubElement(root, q("sheetFormatPr"), {"defaultRowHeight": "15"})
    data = etree.SubElement(root, q("sheetData"))
    for number, values in enumerate(lines, start=1):
        row = etree.SubElement(data, q("row"), {"r": str(number)})
        for column, value in enumerate(values):
            if value is None or value == "":
                continue
            ref = f"{_LETTERS[column]}{number}"
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                cell = etree.SubElement(row, q("c"), {"r": ref})
                etree.SubElement(cell, q("v")).text = repr(value) if isinstance(value, float) else str(value)
                continue
            cell = etree.SubElement(row, q("c"), {"r": ref, "t": "inlineStr"})
            text = etree.SubElement(etree.SubElement(cell, q("is")), q("t"))
            text.text = xml_text(str(value))
            text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    etree.SubElement(root, q("sheetProtection"), {"sheet": "1", "objects": "1", "scenarios": "1"})
    etree.SubElement(
        root,
        q("pageMargins"),
        {"left": "0.7", "right": "0.7", "top": "0.75", "bottom": "0.75", "header": "0.3", "footer": "0.3"},
    )
    return root


def read_record_lines(grids: Mapping[str, Grid], name: str, width: int) -> list[list[object]]:
    """The lines of a record sheet under its headers, each `width` cells long (none without such a sheet)."""
    grid = next((g for title, g in grids.items() if normalize_header(title) == normalize_header(name)), None)
    return [[*values, *([None] * width)][:width] for values in (grid or [])[HEADER_ROW:]]


def record_text(value: object) -> str:
    """A cell of a record as text: whole numbers without ".0", spaces collapsed."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split()) if value is not None else ""
