"""The "Verzameld" sheet: what the last gathering of the trekkers' follow-up found, one line per row."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from workbook.plan.schema import COLLECTED_SHEET
from workbook.spreadsheet.package import MAIN, REL, Package, cell_texts, claim_generated_sheet, q
from workbook.spreadsheet.rows import xml_text
from workbook.storage.files import edit_workbook
from workbook.storage.writer_lock import writes_workbook

TITLE = "Verzamelde opvolging"


@writes_workbook
def write_collected_sheet(path: str | Path, lines: list[str]) -> Path:
    """Put the lines on the sheet Verzameld (made anew each time), after today's backup; returns the backup."""

    def edit(package: Package) -> None:
        sheet, selected = claim_generated_sheet(
            package, COLLECTED_SHEET, lambda root: cell_texts(package, root, ["A1"])["A1"] == TITLE
        )
        part = sheet.part if sheet is not None else package.add_sheet(COLLECTED_SHEET)
        package.put_xml(part, _sheet_xml([TITLE, *lines], selected))

    return edit_workbook(path, edit)


def _sheet_xml(lines: list[str], selected: bool) -> etree._Element:
    root = etree.Element(q("worksheet"), nsmap={None: MAIN, "r": REL})
    etree.SubElement(root, q("dimension"), {"ref": f"A1:A{len(lines)}"})
    view = etree.SubElement(etree.SubElement(root, q("sheetViews")), q("sheetView"), {"workbookViewId": "0"})
    if selected:
        view.set("tabSelected", "1")
    etree.SubElement(root, q("sheetFormatPr"), {"defaultRowHeight": "15"})
    cols = etree.SubElement(root, q("cols"))
    etree.SubElement(cols, q("col"), {"min": "1", "max": "1", "width": "160", "customWidth": "1"})
    data = etree.SubElement(root, q("sheetData"))
    for number, line in enumerate(lines, start=1):
        row = etree.SubElement(data, q("row"), {"r": str(number)})
        if not line:
            continue
        cell = etree.SubElement(row, q("c"), {"r": f"A{number}", "t": "inlineStr"})
        text = etree.SubElement(etree.SubElement(cell, q("is")), q("t"))
        text.text = xml_text(line)
        text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    etree.SubElement(
        root,
        q("pageMargins"),
        {"left": "0.7", "right": "0.7", "top": "0.75", "bottom": "0.75", "header": "0.3", "footer": "0.3"},
    )
    return root
