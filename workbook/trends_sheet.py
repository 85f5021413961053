"""The "Trends" sheet's layout and its writer: a table of plain rows put into the workbook, nothing else changed."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from workbook.errors import WorkbookError
from workbook.files import open_for_rewrite, rewrite_with_backup
from workbook.schema import TRENDS_SHEET
from workbook.writer_lock import writes_workbook
from workbook.xlsx_cells import column_letters
from workbook.xlsx_package import (
    MAIN,
    REL,
    STYLES,
    Package,
    cell_texts,
    claim_generated_sheet,
    q,
)
from workbook.xlsx_styles import Stylesheet

INDICATOR_HEADERS = (
    "Code", "Indicator", "Oordeel", "Laatste periode", "Laatste waarde", "Aandeel", "Nulmeting jaar", "Nulmeting",
    "Verschil met vorige meting", "Verschil met nulmeting", "Verschil met nulmeting (%)", "Gemiddeld per jaar",
    "Streefjaar", "Streefwaarde", "Bereikt", "Projectie streefjaar", "Gemeten in {year}", "Uitleg",
)
INDICATOR_WIDTHS = (12, 48, 14, 20, 12, 9, 10, 11, 12, 12, 12, 11, 10, 11, 9, 12, 11, 90)
VERDICT_COLUMN = "C"
FIRST_ROW = 4
# Excel's own "Goed", "Neutraal" and "Slecht" colours, and grey for no data: fill and font colour.
VERDICT_COLOURS = {
    "op koers": ("FFC6EFCE", "FF006100"),
    "aandacht": ("FFFFEB9C", "FF9C5700"),
    "niet op koers": ("FFFFC7CE", "FF9C0006"),
    "geen gegevens": ("FFEDEDED", "FF595959"),
}
RULE_COLOURS = {"ja": VERDICT_COLOURS["op koers"], "nee": VERDICT_COLOURS["niet op koers"]}
INTEGER, DECIMAL, PERCENT, EURO = "#,##0", "#,##0.0", "0.0%", '"€" #,##0'
_BUILT_IN_FORMATS = {INTEGER: 3, "0": 1}
_INVALID_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ESCAPE_LIKE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


@dataclass
class TrendsTable:
    """The sheet as values from A1, plus what a writer needs to format it (1-based rows and columns)."""

    rows: list[list[object]]
    formats: dict[tuple[int, int], str] = field(default_factory=dict)
    links: dict[tuple[int, int], str] = field(default_factory=dict)
    headers: list[int] = field(default_factory=list)
    sections: list[int] = field(default_factory=list)
    verdict_ranges: list[str] = field(default_factory=list)
    rule_ranges: list[str] = field(default_factory=list)
    wrapped_columns: tuple[int, ...] = (2, 18)  # the indicator or title, and the explanation


# ---- writing the sheet into the workbook file ----

@writes_workbook
def write_trends_sheet(path: str | Path, table: TrendsTable) -> Path:
    """Put the Trends sheet's table in the workbook (after a backup copy, atomically); returns the backup's path.
    Only the Trends sheet, the styles it adds and the workbook's list of sheets change."""
    path = Path(path)
    package = open_for_rewrite(path)
    _apply(package, table)
    return rewrite_with_backup(path, package.write)


def _apply(package: Package, table: TrendsTable) -> None:
    styles_part = package.related(STYLES)
    if styles_part is None:
        raise WorkbookError(f"{package.path.name}: het werkboek heeft geen opmaak; bewaar het opnieuw in Excel.")
    styles = Stylesheet(package.xml(styles_part))
    before = etree.tostring(styles.root, method="c14n")
    existing, selected = claim_generated_sheet(package, TRENDS_SHEET, lambda root: _is_own_sheet(package, root))
    part = existing.part if existing is not None else package.add_sheet(TRENDS_SHEET)
    package.put_xml(part, _sheet_xml(table, _Styles(styles), selected))
    if etree.tostring(styles.root, method="c14n") != before:
        package.put_xml(styles_part, styles.root)


def _is_own_sheet(package: Package, root: etree._Element) -> bool:
    """A "Trends" sheet planrapport made (or an empty one), by its first column names in row 3."""
    has_values = any(c.find(q("v")) is not None or c.find(q("is")) is not None for c in root.iter(q("c")))
    headers = cell_texts(package, root, ("A3", "B3"))
    return not has_values or (headers["A3"], headers["B3"]) == INDICATOR_HEADERS[:2]


class _Styles:
    """The few cell formats and conditional formats the sheet uses, added to (or found in) styles.xml."""

    def __init__(self, styles: Stylesheet) -> None:
        self.sheet = styles
        self.root = styles.root
        self.title = styles.new_xf(font=styles.ensure_font(bold=True, size=14, colour="FF1F3864"))
        self.hint = styles.new_xf(font=styles.ensure_font(italic=True, colour="FF595959"))
        self.section = styles.new_xf(font=styles.ensure_font(bold=True, size=12, colour="FF1F3864"))
        header_fill = styles.ensure_fill("FFD9E1F2")
        self.header = self._xf(0, styles.ensure_font(bold=True), header_fill, wrap=True)
        self.text = styles.new_xf()
        self.wrapped = styles.new_xf(wrap=True)
        self.link = styles.new_xf(font=styles.ensure_font(underline=True, colour="FF0563C1"))
        # All of them, used or not, so that writing the sheet again finds every style already there.
        self.numbers = {code: self._xf(self._num_fmt(code), 0, 0) for code in (INTEGER, DECIMAL, PERCENT, EURO, "0")}
        self.verdicts = {word: self._dxf(*colours) for word, colours in VERDICT_COLOURS.items()}
        self.rules = {word: self._dxf(*colours) for word, colours in RULE_COLOURS.items()}

    def number(self, code: str) -> int:
        return self.numbers[code]

    def _xf(self, num_fmt: int, font: int, fill: int, wrap: bool = False) -> int:
        xf = etree.Element(q("xf"), {"numFmtId": str(num_fmt), "fontId": str(font), "fillId": str(fill),
                                     "borderId": "0", "xfId": "0", "applyNumberFormat": "1", "applyFont": "1",
                                     "applyFill": "1", "applyAlignment": "1"})
        alignment = {"vertical": "top"}
        if wrap:
            alignment["wrapText"] = "1"
        etree.SubElement(xf, q("alignment"), alignment)
        return self.sheet.ensure_xf(xf)

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

    def _dxf(self, fill: str, font: str) -> int:
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


def _sheet_xml(table: TrendsTable, styles: _Styles, selected: bool) -> etree._Element:
    rows = table.rows
    width = max(len(r) for r in rows)
    root = etree.Element(q("worksheet"), nsmap={None: MAIN, "r": REL})
    etree.SubElement(root, q("dimension"), {"ref": f"A1:{column_letters(width)}{len(rows)}"})
    view = etree.SubElement(etree.SubElement(root, q("sheetViews")), q("sheetView"), {"workbookViewId": "0"})
    if selected:
        view.set("tabSelected", "1")
    etree.SubElement(view, q("pane"), {"xSplit": "2", "ySplit": "3", "topLeftCell": "C4", "activePane": "bottomRight",
                                       "state": "frozen"})
    etree.SubElement(view, q("selection"), {"pane": "bottomRight", "activeCell": "C4", "sqref": "C4"})
    etree.SubElement(root, q("sheetFormatPr"), {"defaultRowHeight": "15"})
    cols = etree.SubElement(root, q("cols"))
    for number in range(1, width + 1):
        size = INDICATOR_WIDTHS[number - 1] if number <= len(INDICATOR_WIDTHS) else 14
        etree.SubElement(cols, q("col"), {"min": str(number), "max": str(number), "width": str(size),
                                          "customWidth": "1"})
    data = etree.SubElement(root, q("sheetData"))
    headers, sections = set(table.headers), set(table.sections)
    widths = [INDICATOR_WIDTHS[c] if c < len(INDICATOR_WIDTHS) else 14 for c in range(width)]
    for number, values in enumerate(rows, start=1):
        row = etree.SubElement(data, q("row"), {"r": str(number)})
        wrapped = range(1, len(values) + 1) if number in headers else table.wrapped_columns
        lines = max([_lines(values[c - 1], widths[c - 1]) for c in wrapped if c <= len(values)] or [1])
        if lines > 1 and number > 2 and number not in sections:
            # Excel does not always fit wrapped text when it opens a file: give the row its height.
            row.set("ht", str(15 * lines))
            row.set("customHeight", "1")
        for column, value in enumerate(values, start=1):
            if value is None or value == "":
                continue
            ref = f"{column_letters(column)}{number}"
            if number == 1:
                style = styles.title
            elif number == 2:
                style = styles.hint
            elif number in sections:
                style = styles.section
            elif number in headers:
                style = styles.header
            elif (number, column) in table.links:
                style = styles.link
            elif (number, column) in table.formats:
                style = styles.number(table.formats[(number, column)])
            elif column in table.wrapped_columns:
                style = styles.wrapped
            else:
                style = styles.text
            _cell(row, ref, value, style)
    priority = 0
    for ranges, words in ((table.verdict_ranges, styles.verdicts), (table.rule_ranges, styles.rules)):
        for area in ranges:
            formatting = etree.SubElement(root, q("conditionalFormatting"), {"sqref": area})
            for word, dxf in words.items():
                priority += 1
                rule = etree.SubElement(formatting, q("cfRule"), {"type": "cellIs", "dxfId": str(dxf),
                                                                  "priority": str(priority), "operator": "equal"})
                etree.SubElement(rule, q("formula")).text = '"' + word.replace('"', '""') + '"'  # a literal
    if table.links:
        hyperlinks = etree.SubElement(root, q("hyperlinks"))
        for (number, column), location in sorted(table.links.items()):
            ref = f"{column_letters(column)}{number}"
            etree.SubElement(hyperlinks, q("hyperlink"), {"ref": ref, "location": location,
                                                         "display": str(rows[number - 1][column - 1])})
    etree.SubElement(root, q("pageMargins"), {"left": "0.5", "right": "0.5", "top": "0.6", "bottom": "0.6",
                                              "header": "0.3", "footer": "0.3"})
    etree.SubElement(root, q("pageSetup"), {"paperSize": "9", "orientation": "landscape"})
    return root


def _lines(value: object, width: float) -> int:
    """How many lines a wrapped text needs in a column of this width (a width unit holds about one character)."""
    if not isinstance(value, str) or not value:
        return 1
    per_line = max(1, int(width * 0.95))
    return sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))


def _cell(row: etree._Element, ref: str, value: object, style: int) -> None:
    if isinstance(value, bool):
        value = "ja" if value else "nee"
    if isinstance(value, float) and not math.isfinite(value):
        return  # a sheet holds no infinity: the cell stays empty, as for a figure that cannot be computed
    if isinstance(value, int | float):
        cell = etree.SubElement(row, q("c"), {"r": ref})
        etree.SubElement(cell, q("v")).text = repr(value) if isinstance(value, float) else str(value)
    else:
        cell = etree.SubElement(row, q("c"), {"r": ref, "t": "inlineStr"})
        text = etree.SubElement(etree.SubElement(cell, q("is")), q("t"))
        text.text = _ESCAPE_LIKE.sub(r"_x005F_\1", _INVALID_XML.sub(" ", str(value)))
        text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    if style:
        cell.set("s", str(style))
