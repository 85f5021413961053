"""The "Trends" sheet's layout and its writer: a table of plain rows put into the workbook, nothing else changed."""

from __future__ import annotations

import math
from pathlib import Path

from lxml import etree

from workbook.plan.schema import TRENDS_SHEET
from workbook.sheets.generated_sheets import (
    DECIMAL,
    EURO,
    FIRST_ROW,
    HINT_COLOUR,
    INDICATOR_HEADERS,
    INDICATOR_WIDTHS,
    INTEGER,
    LINK_COLOUR,
    PERCENT,
    RULE_COLOURS,
    TITLE_COLOUR,
    TRENDS_HEADER_FILL,
    VERDICT_COLOURS,
    VERDICT_COLUMN,
    SheetContent,
    TrendsTable,
    cell_look,
    trends_sheet,
)
from workbook.sheets.generated_xml import add_hyperlinks, claim_with_styles, row_element, sheet_start, text_cell
from workbook.spreadsheet.cells import column_letters
from workbook.spreadsheet.package import Package, q
from workbook.spreadsheet.styles import Stylesheet
from workbook.storage.files import edit_workbook
from workbook.storage.writer_lock import writes_workbook

__all__ = [
    "DECIMAL",
    "EURO",
    "FIRST_ROW",
    "INDICATOR_HEADERS",
    "INDICATOR_WIDTHS",
    "INTEGER",
    "PERCENT",
    "RULE_COLOURS",
    "VERDICT_COLOURS",
    "VERDICT_COLUMN",
    "TrendsTable",
    "write_trends_sheet",
]
_BUILT_IN_FORMATS = {INTEGER: 3, "0": 1}


# ---- writing the sheet into the workbook file ----


@writes_workbook
def write_trends_sheet(path: str | Path, table: TrendsTable) -> Path:
    """Put the Trends sheet's table in the workbook (after a backup copy, atomically); returns the backup's path.
    Only the Trends sheet, the styles it adds and the workbook's list of sheets change."""
    return edit_workbook(path, lambda package: _apply(package, table))


def _apply(package: Package, table: TrendsTable) -> None:
    styles_part, styles, existing, selected = claim_with_styles(package, TRENDS_SHEET)
    before = etree.tostring(styles.root, method="c14n")
    part = existing.part if existing is not None else package.add_sheet(TRENDS_SHEET)
    package.put_xml(part, _sheet_xml(trends_sheet(table), _Styles(styles), selected))
    if etree.tostring(styles.root, method="c14n") != before:
        package.put_xml(styles_part, styles.root)


class _Styles:
    """The few cell formats and conditional formats the sheet uses, added to (or found in) styles.xml."""

    def __init__(self, styles: Stylesheet) -> None:
        self.sheet = styles
        self.root = styles.root
        self.title = styles.new_xf(font=styles.ensure_font(bold=True, size=14, colour=TITLE_COLOUR))
        self.hint = styles.new_xf(font=styles.ensure_font(italic=True, colour=HINT_COLOUR))
        self.section = styles.new_xf(font=styles.ensure_font(bold=True, size=12, colour=TITLE_COLOUR))
        header_fill = styles.ensure_fill(TRENDS_HEADER_FILL)
        self.header = styles.new_xf(styles.ensure_font(bold=True), header_fill, wrap=True, num_fmt=0)
        self.text = styles.new_xf()
        self.wrapped = styles.new_xf(wrap=True)
        self.link = styles.new_xf(font=styles.ensure_font(underline=True, colour=LINK_COLOUR))
        # All of them, used or not, so that writing the sheet again finds every style already there.
        self.numbers = {
            code: styles.new_xf(num_fmt=self._num_fmt(code)) for code in (INTEGER, DECIMAL, PERCENT, EURO, "0")
        }
        self.verdicts = {word: self.dxf(*colours) for word, colours in VERDICT_COLOURS.items()}
        self.rules = {word: self.dxf(*colours) for word, colours in RULE_COLOURS.items()}

    def number(self, code: str) -> int:
        return self.numbers[code]

    def _num_fmt(self, code: str) -> int:
        if code in _BUILT_IN_FORMATS:
            return _BUILT_IN_FORMATS[code]
        formats = self.root.find(q("numFmts"))
        if formats is None:
            formats = etree.Element(q("numFmts"), {"count": "0"})
            self.root.insert(0, formats)
        used = [int(f.get("numFmtId", "0")) for f in formats.iter(q("numFmt"))]
        for element in formats.iter(q("numFmt")):
            if element.get("formatCode") == code:
                return int(element.get("numFmtId", "0"))
        number = max([163, *used]) + 1
        etree.SubElement(formats, q("numFmt"), {"numFmtId": str(number), "formatCode": code})
        formats.set("count", str(len(formats)))
        return number

    def dxf(self, fill: str, font: str) -> int:
        dxfs = self.root.find(q("dxfs"))
        if dxfs is None:
            dxfs = etree.Element(q("dxfs"), {"count": "0"})
            before = ("tableStyles", "colors", "extLst")
            position = len(self.root)
            for index, child in enumerate(self.root):
                if etree.QName(child).localname in before:
                    position = index
                    break
            self.root.insert(position, dxfs)
        dxf = etree.Element(q("dxf"))
        etree.SubElement(etree.SubElement(dxf, q("font")), q("color"), {"rgb": font})
        pattern = etree.SubElement(etree.SubElement(dxf, q("fill")), q("patternFill"))
        etree.SubElement(pattern, q("bgColor"), {"rgb": fill})
        key = _shape(dxf)
        for index, existing in enumerate(dxfs):
            if _shape(existing) == key:
                return index
        dxfs.append(dxf)
        dxfs.set("count", str(len(dxfs)))
        return len(dxfs) - 1


def _shape(element: etree._Element) -> tuple:
    """An element's tag, attributes and children, whatever namespace prefixes it was written with."""
    return element.tag, sorted(element.attrib.items()), tuple(_shape(child) for child in element)


def _sheet_xml(content: SheetContent, styles: _Styles, selected: bool) -> etree._Element:
    by_look = {
        "title": styles.title,
        "hint": styles.hint,
        "section": styles.section,
        "header": styles.header,
        "link": styles.link,
        "wrapped": styles.wrapped,
        "text": styles.text,
    }
    root, data = sheet_start(content, selected)
    for number, values in enumerate(content.rows, start=1):
        row = row_element(data, content, number)
        for column, value in enumerate(values, start=1):
            if value is None or value == "":
                continue
            look, detail = cell_look(content, number, column)
            style = styles.number(detail) if look == "format" and detail else by_look.get(look, styles.text)
            _cell(row, f"{column_letters(column)}{number}", value, style)
    priority = 0
    for area, words in content.word_colours.items():
        formatting = etree.SubElement(root, q("conditionalFormatting"), {"sqref": area})
        for word, colours in words.items():
            priority += 1
            rule = etree.SubElement(
                formatting,
                q("cfRule"),
                {"type": "cellIs", "dxfId": str(styles.dxf(*colours)), "priority": str(priority), "operator": "equal"},
            )
            etree.SubElement(rule, q("formula")).text = '"' + word.replace('"', '""') + '"'  # a literal
    add_hyperlinks(root, content)
    etree.SubElement(
        root,
        q("pageMargins"),
        {"left": "0.5", "right": "0.5", "top": "0.6", "bottom": "0.6", "header": "0.3", "footer": "0.3"},
    )
    etree.SubElement(root, q("pageSetup"), {"paperSize": "9", "orientation": "landscape"})
    return root


def _cell(row: etree._Element, ref: str, value: object, style: int) -> None:
    if isinstance(value, bool):
        value = "ja" if value else "nee"
    if isinstance(value, float) and not math.isfinite(value):
        return  # a sheet holds no infinity: the cell stays empty, as for a figure that cannot be computed
    if isinstance(value, int | float):
        cell = etree.SubElement(row, q("c"), {"r": ref})
        etree.SubElement(cell, q("v")).text = repr(value) if isinstance(value, float) else str(value)
        if style:
            cell.set("s", str(style))
    else:
        text_cell(row, ref, str(value), style)
