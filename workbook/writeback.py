"""Write a check's results into the workbook: the "Controle" sheet and a fill on offending cells, nothing else."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from workbook.check_list import CheckList, CheckRow
from workbook.errors import WorkbookError
from workbook.files import open_for_rewrite, rewrite_with_backup
from workbook.schema import CHECK_SHEET, normalize_header
from workbook.writer_lock import writes_workbook
from workbook.xlsx_cells import SheetCells, split_ref
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

HEADERS = ("Ernst", "Blad", "Cel", "Code", "Melding")
WIDTHS = (14, 16, 9, 26, 110)
# Marker colours: close to Excel's own "Slecht" and "Neutraal" styles but not equal, so an officer's own
# fills are never mistaken for ours and cleared.
ERROR_FILL = "FFFFC8C8"
WARNING_FILL = "FFFFEEB0"
FILLS = {"fout": ERROR_FILL, "waarschuwing": WARNING_FILL}
FIRST_ISSUE_ROW = 4
_INVALID_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ESCAPE_LIKE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_STYLE_ATTRIBUTE = re.compile(rb'\ss="(\d+)"')


def check_rows(checks: CheckList) -> list[list[str]]:
    """The rows of the Controle sheet from A1: title, summary, header, then one row per problem."""
    blank = [""] * (len(HEADERS) - 1)
    rows: list[list[str]] = [["Controle", *blank], [_summary(checks), *blank], list(HEADERS)]
    rows += [list(row) for row in checks.rows]
    return rows


def link_location(row: CheckRow, sheet_name: str | None = None) -> str:
    """Where the hyperlink of a problem points inside the workbook: "'Acties'!D14"."""
    name = (sheet_name or row.sheet).replace("'", "''")
    return f"'{name}'!{row.cell}"


def marked_cells(checks: CheckList) -> dict[tuple[str, str], str]:
    """(sheet, cell) -> the ARGB fill of its most severe problem."""
    marks: dict[tuple[str, str], str] = {}
    for row in checks.rows:
        key = (row.sheet, row.cell)
        if row.severity == "fout" or key not in marks:
            marks[key] = FILLS.get(row.severity, WARNING_FILL)
    return marks


@writes_workbook
def write_check_sheet(path: str | Path, checks: CheckList) -> Path:
    """Put the check's list in the workbook (after a backup copy, atomically); returns the backup's path."""
    path = Path(path)
    package = open_for_rewrite(path)
    _apply(package, checks)
    return rewrite_with_backup(path, package.write)


def _summary(checks: CheckList) -> str:
    year = f" (rapportjaar {checks.year})" if checks.year else ""
    text = checks.summary[0].upper() + checks.summary[1:]
    if not checks.rows:
        return f"{text}{year}."
    return (f"{text}{year}. Klik op een cel in kolom Cel om naar het probleem te gaan. De volgende controle "
            "vervangt deze lijst en wist de kleuren weer.")


def _apply(package: Package, checks: CheckList) -> None:
    styles_part = package.related(STYLES)
    if styles_part is None:
        raise WorkbookError(f"{package.path.name}: het werkboek heeft geen opmaak; bewaar het opnieuw in Excel.")
    styles = Stylesheet(package.xml(styles_part))
    check, tab_selected = claim_generated_sheet(package, CHECK_SHEET, lambda root: _is_own_sheet(package, root))
    sheets = package.sheets()
    by_name = {normalize_header(s.name): s for s in sheets if check is None or s.part != check.part}
    marks: dict[str, dict[tuple[int, int], str]] = {}
    for (sheet, coordinate), colour in marked_cells(checks).items():
        target = by_name.get(normalize_header(sheet))
        position = split_ref(coordinate)
        if target is not None and position is not None:
            marks.setdefault(target.part, {})[position] = colour
    marker_fills = {i for i in range(len(styles.fills)) if styles.fill_colour(i) in (ERROR_FILL, WARNING_FILL)}
    marker_xfs = {i for i in range(len(styles.cell_xfs)) if styles.fill_of(i) in marker_fills}
    fill_index = {colour: styles.ensure_fill(colour) for colour in dict.fromkeys(FILLS.values())} if checks.rows else {}
    for sheet in by_name.values():
        cell_marks = marks.get(sheet.part, {})
        data = package.data[sheet.part]
        in_use = {int(v) for v in _STYLE_ATTRIBUTE.findall(data)}
        if not cell_marks and not (in_use & marker_xfs):
            continue
        root = package.xml(sheet.part)
        cells = SheetCells(root)
        used = cells.styles_in_use() & marker_xfs
        if used:
            cells.restyle({index: styles.without_fill(index) for index in used})
        for (row, column), colour in sorted(cell_marks.items()):
            base = cells.style_of(row, column)
            if base in marker_xfs:
                base = styles.without_fill(base)
            if not styles.is_empty_fill(styles.fill_of(base)):
                continue  # the officer's own fill stays; the Controle sheet still lists the cell
            cells.set_style(row, column, styles.with_fill(base, fill_index[colour]))
        package.put_xml(sheet.part, root)
    part = check.part if check is not None else package.add_sheet(CHECK_SHEET)
    names = {normalize_header(s.name): s.name for s in sheets}
    package.put_xml(part, _check_sheet_xml(checks, styles, fill_index, names, tab_selected))
    if styles.changed:
        package.put_xml(styles_part, styles.root)


def _is_own_sheet(package: Package, root: etree._Element) -> bool:
    """A "Controle" sheet planrapport made (or an empty one), by its column names in row 3."""
    headers = cell_texts(package, root, [f"{letter}3" for letter in "ABCDE"])
    texts = [headers[f"{letter}3"] for letter in "ABCDE"]
    has_values = any(c.find(q("v")) is not None or c.find(q("is")) is not None for c in root.iter(q("c")))
    return not has_values or tuple(texts[: len(HEADERS)]) == HEADERS


def _check_sheet_xml(checks: CheckList, styles: Stylesheet, fill_index: dict[str, int],
                     sheet_names: dict[str, str], tab_selected: bool) -> etree._Element:
    title = styles.new_xf(font=styles.ensure_font(bold=True, size=14, colour="FF1F3864"))
    hint = styles.new_xf(font=styles.ensure_font(italic=True, colour="FF595959"))
    header = styles.new_xf(font=styles.ensure_font(bold=True))
    text = styles.new_xf()
    wrapped = styles.new_xf(wrap=True)
    link = styles.new_xf(font=styles.ensure_font(underline=True, colour="FF0563C1"))
    severity = {word: styles.new_xf(fill=fill_index[colour]) for word, colour in FILLS.items() if fill_index}
    rows = check_rows(checks)
    root = etree.Element(q("worksheet"), nsmap={None: MAIN, "r": REL})
    etree.SubElement(root, q("dimension"), {"ref": f"A1:E{len(rows)}"})
    views = etree.SubElement(root, q("sheetViews"))
    view = etree.SubElement(views, q("sheetView"), {"workbookViewId": "0"})
    if tab_selected:
        view.set("tabSelected", "1")
    etree.SubElement(view, q("pane"), {"ySplit": "3", "topLeftCell": "A4", "activePane": "bottomLeft",
                                       "state": "frozen"})
    etree.SubElement(view, q("selection"), {"pane": "bottomLeft", "activeCell": "A4", "sqref": "A4"})
    etree.SubElement(root, q("sheetFormatPr"), {"defaultRowHeight": "15"})
    cols = etree.SubElement(root, q("cols"))
    for number, width in enumerate(WIDTHS, start=1):
        etree.SubElement(cols, q("col"), {"min": str(number), "max": str(number), "width": str(width),
                                          "customWidth": "1"})
    data = etree.SubElement(root, q("sheetData"))
    links = []
    for number, values in enumerate(rows, start=1):
        row = etree.SubElement(data, q("row"), {"r": str(number)})
        for column, value in enumerate(values):
            if value == "":
                continue
            letter = "ABCDE"[column]
            if number == 1:
                style = title
            elif number == 2:
                style = hint
            elif number == 3:
                style = header
            elif column == 0:
                style = severity.get(value, text)
            elif column == 2:
                style = link
            elif column == 4:
                style = wrapped
            else:
                style = text
            _inline(row, f"{letter}{number}", value, style)
    for number, problem in enumerate(checks.rows, start=FIRST_ISSUE_ROW):
        name = sheet_names.get(normalize_header(problem.sheet))
        if name and problem.cell:  # a missing sheet or a --jaar problem has no cell to go to
            links.append((f"C{number}", link_location(problem, name), problem.cell))
    if links:
        hyperlinks = etree.SubElement(root, q("hyperlinks"))
        for ref, location, display in links:
            etree.SubElement(hyperlinks, q("hyperlink"), {"ref": ref, "location": location, "display": display})
    etree.SubElement(root, q("pageMargins"), {"left": "0.7", "right": "0.7", "top": "0.75", "bottom": "0.75",
                                              "header": "0.3", "footer": "0.3"})
    return root


def _inline(row: etree._Element, ref: str, value: str, style: int) -> None:
    cell = etree.SubElement(row, q("c"), {"r": ref, "t": "inlineStr"})
    if style:
        cell.set("s", str(style))
    text = etree.SubElement(etree.SubElement(cell, q("is")), q("t"))
    text.text = _xml_text(value)
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _xml_text(value: str) -> str:
    """Text Excel shows as written: no characters XML forbids, and no _xHHHH_ that Excel would decode."""
    return _ESCAPE_LIKE.sub(r"_x005F_\1", _INVALID_XML.sub(" ", str(value)))

