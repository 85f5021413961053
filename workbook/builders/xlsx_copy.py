"""Copy an openpyxl workbook into an XlsxWriter workbook: values, rich text, styles, layout, tables, validations."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.cell.cell import MergedCell
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.utils import range_boundaries
from openpyxl.workbook.workbook import Workbook as SourceBook
from openpyxl.worksheet.formula import ArrayFormula
from openpyxl.worksheet.worksheet import Worksheet as SourceSheet

from workbook.builders.xlsx_formats import (
    alignment_properties,
    border_properties,
    fill_properties,
    font_properties,
    is_font_key,
)
from workbook.builders.xlsx_options import rule_options, table_options, validation_options

# Excel stores a column width W as what it shows plus 5 pixels of padding at 7 pixels per character.
WIDTH_PADDING = 5 / 7


@dataclass
class CopyReport:
    """What could not be carried over, in words for the officer (empty when everything came along)."""

    skipped: list[str] = field(default_factory=list)


def copy_workbook(formulas: SourceBook, values: SourceBook | None, target, *, skip: Collection[str] = ()):
    """Write every sheet of `formulas` into the XlsxWriter workbook `target`; cached results come from `values`.

    Returns the new worksheets by name and a CopyReport of what XlsxWriter could not take.
    """
    copier = _Copier(target)
    sheets = {}
    for source in formulas.worksheets:
        if source.title in skip:
            continue
        cached = values[source.title] if values is not None and source.title in values.sheetnames else None
        sheets[source.title] = copier.sheet(source, cached)
    copier.names(formulas, sheets)
    copier.properties(formulas)
    active = formulas.active
    if active is not None and active.title in sheets and active.sheet_state == "visible":
        sheets[active.title].activate()
    return sheets, copier.report


def rewrite_with_xlsxwriter(data: bytes, target: Path) -> None:
    """Write the workbook that openpyxl saved as `data` to `target` through XlsxWriter: schema-valid parts, and the
    same bytes for the same workbook."""
    import xlsxwriter
    from openpyxl import load_workbook

    source = load_workbook(io.BytesIO(data), rich_text=True)
    book = xlsxwriter.Workbook(str(target), {"in_memory": True})
    try:
        copy_workbook(source, None, book)
    finally:
        book.close()
        source.close()


def stored_width_to_xlsxwriter(width: float) -> float:
    """The width to give XlsxWriter so that the file stores `width`, as openpyxl wrote it."""
    return max(0.0, width - WIDTH_PADDING) if width >= 1 else width


class _Copier:
    def __init__(self, target) -> None:
        self.target = target
        self.formats: dict[tuple, object] = {}
        self.report = CopyReport()

    # -- formats -------------------------------------------------------------------------------------------

    def format(self, properties: dict):
        if not properties:
            return None
        key = tuple(sorted(properties.items()))
        if key not in self.formats:
            self.formats[key] = self.target.add_format(properties)
        return self.formats[key]

    def cell_format(self, cell) -> dict:
        if not cell.has_style:
            return {}
        properties = font_properties(cell.font)
        properties.update(fill_properties(cell.fill))
        properties.update(border_properties(cell.border))
        properties.update(alignment_properties(cell.alignment))
        if cell.number_format and cell.number_format != "General":
            properties["num_format"] = cell.number_format
        if cell.protection is not None:
            if cell.protection.locked is False:
                properties["locked"] = False
            if cell.protection.hidden:
                properties["hidden"] = True
        return properties

    # -- sheets --------------------------------------------------------------------------------------------

    def sheet(self, source: SourceSheet, cached: SourceSheet | None):
        sheet = self.target.add_worksheet(source.title)
        self._layout(source, sheet)
        merged = self._merged(source, sheet)
        for table in source.tables.values():
            self._table(source, sheet, table)
        for row in source.iter_rows():
            for cell in row:
                if isinstance(cell, MergedCell) or cell.coordinate in merged:
                    continue
                self._cell(sheet, cell, cached)
        for top_left in merged.values():
            self._cell(sheet, top_left, cached)
        for validation in source.data_validations.dataValidation:
            self._validation(sheet, validation)
        self._conditional_formats(source, sheet)
        if source.auto_filter is not None and source.auto_filter.ref:
            sheet.autofilter(source.auto_filter.ref)
        return sheet

    def _layout(self, source: SourceSheet, sheet) -> None:
        if source.sheet_state == "hidden":
            sheet.hide()
        elif source.sheet_state == "veryHidden":
            sheet.very_hidden()
        view = source.sheet_view
        if view.showGridLines is False:
            sheet.hide_gridlines(2)
        if view.zoomScale and view.zoomScale != 100:
            sheet.set_zoom(view.zoomScale)
        tab = source.sheet_properties.tabColor
        if tab is not None and tab.type == "rgb" and tab.rgb:
            sheet.set_tab_color("#" + tab.rgb[-6:])
        if source.freeze_panes:
            min_col, min_row, _, _ = range_boundaries(source.freeze_panes)
            sheet.freeze_panes(min_row - 1, min_col - 1)
        for dimension in sorted(source.column_dimensions.values(), key=lambda d: d.min or 0):
            if not dimension.min:
                continue
            width = dimension.width or None
            options = {"hidden": True} if dimension.hidden else {}
            if dimension.outlineLevel:
                options["level"] = dimension.outlineLevel
            if width is None and not options:
                continue
            width = stored_width_to_xlsxwriter(width) if width is not None else None
            sheet.set_column(dimension.min - 1, dimension.max - 1, width, None, options or None)
        for index, dimension in sorted(source.row_dimensions.items()):
            options = {"hidden": True} if dimension.hidden else {}
            if dimension.outlineLevel:
                options["level"] = dimension.outlineLevel
            height = dimension.height or None
            if height is None and not options:
                continue
            sheet.set_row(index - 1, height, None, options or None)
        setup = source.page_setup
        if setup is not None and setup.orientation == "landscape":
            sheet.set_landscape()
        if source.print_area:
            for area in str(source.print_area).split(","):
                sheet.print_area(area.split("!")[-1].replace("$", ""))
                break
        if source.print_title_rows:
            first, _, last = str(source.print_title_rows).replace("$", "").partition(":")
            sheet.repeat_rows(int(first) - 1, int(last or first) - 1)

    def _merged(self, source: SourceSheet, sheet) -> dict[str, object]:
        tops = {}
        for merged in source.merged_cells.ranges:
            top_left = source.cell(row=merged.min_row, column=merged.min_col)
            sheet.merge_range(
                merged.min_row - 1,
                merged.min_col - 1,
                merged.max_row - 1,
                merged.max_col - 1,
                "",
                self.format(self.cell_format(top_left)),
            )
            tops[top_left.coordinate] = top_left
        return tops

    def _cell(self, sheet, cell, cached: SourceSheet | None) -> None:
        row, column = cell.row - 1, cell.column - 1
        properties = self.cell_format(cell)
        cell_format = self.format(properties)
        value = cell.value
        linked = cell.hyperlink is not None and cell.data_type != "f" and self._link(sheet, cell, cell_format)
        if linked:
            pass
        elif value is None:
            if cell_format is not None:
                sheet.write_blank(row, column, None, cell_format)
        elif isinstance(value, ArrayFormula):
            result = _cached(cached, cell)
            sheet.write_array_formula(value.ref, value.text, cell_format, "" if result is None else result)
        elif cell.data_type == "f" and isinstance(value, str):
            result = _cached(cached, cell)
            sheet.write_formula(row, column, value, cell_format, "" if result is None else result)
        elif isinstance(value, CellRichText):
            self._rich(sheet, row, column, value, properties)
        elif cell.data_type == "e":
            sheet.write_formula(row, column, "=" + str(value), cell_format, str(value))
        elif isinstance(value, bool):
            sheet.write_boolean(row, column, value, cell_format)
        elif isinstance(value, int | float):
            sheet.write_number(row, column, value, cell_format)
        elif isinstance(value, dt.datetime | dt.date | dt.time | dt.timedelta):
            if cell_format is None:
                cell_format = self.format({"num_format": cell.number_format or "yyyy-mm-dd"})
            sheet.write_datetime(row, column, value, cell_format)
        elif isinstance(value, str):
            sheet.write_string(row, column, value, cell_format)
        else:
            self.report.skipped.append(f"{cell.parent.title}!{cell.coordinate}: {type(value).__name__}")
        if cell.comment is not None:
            options = {"author": cell.comment.author} if cell.comment.author else {}
            sheet.write_comment(row, column, cell.comment.text, options)

    def _link(self, sheet, cell, cell_format) -> bool:
        link = cell.hyperlink
        if link.location:
            url = "internal:" + link.location
        elif link.target:
            url = (
                link.target
                if "://" in link.target or link.target.startswith("mailto:")
                else ("external:" + link.target)
            )
        else:
            return False
        text = cell.value if isinstance(cell.value, str) else None
        if isinstance(cell.value, CellRichText):
            text = str(cell.value)
        if cell.value is not None and text is None:
            return False
        result = sheet.write_url(cell.row - 1, cell.column - 1, url, cell_format, text, link.tooltip)
        return result == 0

    def _rich(self, sheet, row: int, column: int, value: CellRichText, cell_properties: dict) -> None:
        runs = [
            (part.text, font_properties(part.font)) if isinstance(part, TextBlock) else (str(part), {})
            for part in value
        ]
        runs = [(text, properties) for text, properties in runs if text]
        cell_format = self.format({k: v for k, v in cell_properties.items() if not is_font_key(k)})
        if len(runs) == 1 and len(runs[0][0]) > 1:
            # XlsxWriter needs two fragments for rich text; one formatted run is split in two equal parts.
            text, properties = runs[0]
            runs = [(text[:-1], properties), (text[-1], properties)]
        if len(runs) < 2:
            text, properties = runs[0] if runs else ("", {})
            sheet.write_string(row, column, text, self.format({**cell_properties, **properties}))
            return
        fragments: list[object] = []
        for text, properties in runs:
            if properties:
                fragments.append(self.format(properties))
            fragments.append(text)
        if sheet.write_rich_string(row, column, *fragments, cell_format) != 0:
            self.report.skipped.append(f"{sheet.name}: opmaak in cel rij {row + 1}, kolom {column + 1}")
            sheet.write_string(row, column, str(value), cell_format)

    def _table(self, source: SourceSheet, sheet, table) -> None:
        (first_row, first_column, last_row, last_column), options = table_options(source, table)
        sheet.add_table(first_row, first_column, last_row, last_column, options)

    def _validation(self, sheet, validation) -> None:
        ranges, options = validation_options(validation)
        if not ranges:
            return
        min_col, min_row, max_col, max_row = range_boundaries(ranges[0])
        if sheet.data_validation(min_row - 1, min_col - 1, max_row - 1, max_col - 1, options) != 0:
            self.report.skipped.append(f"{sheet.name}: keuzelijst of invoerregel in {' '.join(ranges)}")

    def _conditional_formats(self, source: SourceSheet, sheet) -> None:
        for area in source.conditional_formatting:
            ranges = str(area.sqref).split()
            min_col, min_row, max_col, max_row = range_boundaries(ranges[0])
            for rule in area.rules:
                options = rule_options(rule, self.format)
                if options is None:
                    self.report.skipped.append(f"{source.title}: voorwaardelijke opmaak in {' '.join(ranges)}")
                    continue
                if len(ranges) > 1:
                    options["multi_range"] = " ".join(ranges)
                sheet.conditional_format(min_row - 1, min_col - 1, max_row - 1, max_col - 1, options)

    # -- workbook ------------------------------------------------------------------------------------------

    def names(self, source: SourceBook, sheets: dict) -> None:
        for name, defined in source.defined_names.items():
            if not name.startswith("_xlnm.") and defined.attr_text:
                self.target.define_name(name, "=" + defined.attr_text)
        for sheet in source.worksheets:
            if sheet.title not in sheets:
                continue
            for name, defined in sheet.defined_names.items():
                if not name.startswith("_xlnm.") and defined.attr_text:
                    quoted = "'" + sheet.title.replace("'", "''") + "'"
                    self.target.define_name(f"{quoted}!{name}", "=" + defined.attr_text)

    def properties(self, source: SourceBook) -> None:
        props = source.properties
        values = {
            "title": props.title,
            "subject": props.subject,
            "author": props.creator,
            "category": props.category,
            "keywords": props.keywords,
            "comments": props.description,
            "status": props.contentStatus,
            "created": props.created,
        }
        self.target.set_properties({k: v for k, v in values.items() if v})


def _cached(cached: SourceSheet | None, cell):
    if cached is None:
        return None
    value = cached.cell(row=cell.row, column=cell.column).value
    return value if isinstance(value, str | int | float | bool) else None
