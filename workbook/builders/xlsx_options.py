"""XlsxWriter's options for what openpyxl read of a sheet: its tables, data validations and conditional formats."""

from __future__ import annotations

from collections.abc import Callable

from openpyxl.utils import range_boundaries
from openpyxl.worksheet.worksheet import Worksheet as SourceSheet

from workbook.builders.xlsx_formats import font_properties, rgb

_VALIDATION_TYPES = {
    None: "any",
    "whole": "integer",
    "decimal": "decimal",
    "list": "list",
    "date": "date",
    "time": "time",
    "textLength": "length",
    "custom": "custom",
}
_OPERATORS = {
    None: "between",
    "between": "between",
    "notBetween": "not between",
    "equal": "==",
    "notEqual": "!=",
    "greaterThan": ">",
    "lessThan": "<",
    "greaterThanOrEqual": ">=",
    "lessThanOrEqual": "<=",
}


def table_options(source: SourceSheet, table) -> tuple[tuple[int, int, int, int], dict]:
    """Where a table stands (first row, first column, last row, last column, from 0) and its options."""
    min_col, min_row, max_col, max_row = range_boundaries(table.ref)
    style = table.tableStyleInfo
    columns = []
    for offset, column in enumerate(table.tableColumns):
        header = source.cell(row=min_row, column=min_col + offset).value if table.headerRowCount != 0 else None
        options = {"header": str(header) if header not in (None, "") else column.name}
        if column.totalsRowFunction and column.totalsRowFunction != "custom":
            options["total_function"] = column.totalsRowFunction
        elif column.totalsRowLabel:
            options["total_string"] = column.totalsRowLabel
        columns.append(options)
    options = {
        "name": table.displayName,
        "style": style.name if style is not None and style.name else None,
        "banded_rows": bool(style.showRowStripes) if style is not None else False,
        "banded_columns": bool(style.showColumnStripes) if style is not None else False,
        "first_column": bool(style.showFirstColumn) if style is not None else False,
        "last_column": bool(style.showLastColumn) if style is not None else False,
        "autofilter": table.autoFilter is not None,
        "header_row": table.headerRowCount != 0,
        "total_row": bool(table.totalsRowCount),
        "columns": columns,
    }
    return (min_row - 1, min_col - 1, max_row - 1, max_col - 1), options


def validation_options(validation) -> tuple[list[str], dict[str, object]]:
    """The ranges a data validation covers (none: it covers nothing) and its options."""
    kind = _VALIDATION_TYPES.get(validation.type, "any")
    options: dict[str, object] = {"validate": kind}
    if kind == "list":
        options["source"] = validation.formula1 or '""'
        options["dropdown"] = not validation.showDropDown
    elif kind == "custom":
        options["value"] = validation.formula1 or ""
    elif kind != "any":
        criteria = _OPERATORS.get(validation.operator, "between")
        options["criteria"] = criteria
        if criteria in ("between", "not between"):
            options["minimum"], options["maximum"] = validation.formula1, validation.formula2
        else:
            options["value"] = validation.formula1
    options["ignore_blank"] = bool(validation.allow_blank)
    options["show_input"] = bool(validation.showInputMessage)
    options["show_error"] = bool(validation.showErrorMessage)
    if validation.errorStyle in ("warning", "information"):
        options["error_type"] = validation.errorStyle
    for attribute, key in (
        ("promptTitle", "input_title"),
        ("prompt", "input_message"),
        ("errorTitle", "error_title"),
        ("error", "error_message"),
    ):
        if getattr(validation, attribute):
            options[key] = getattr(validation, attribute)
    ranges = str(validation.sqref).split()
    if len(ranges) > 1:
        options["multi_range"] = " ".join(ranges)
    return ranges, options


def rule_options(rule, add_format: Callable[[dict], object]) -> dict | None:
    """The options of a conditional format's rule, its style made a format by `add_format`; None: XlsxWriter has no
    such rule."""
    style = {}
    if rule.dxf is not None:
        if rule.dxf.font is not None:
            style.update(font_properties(rule.dxf.font))
        fill = rule.dxf.fill
        if fill is not None:
            colour = rgb(getattr(fill, "bgColor", None)) or rgb(getattr(fill, "fgColor", None))
            if colour:
                style["bg_color"] = colour
    options: dict[str, object] = {"format": add_format(style)} if style else {}
    if rule.stopIfTrue:
        options["stop_if_true"] = True
    formulas = list(rule.formula or [])
    if rule.type == "cellIs" and formulas:
        criteria = _OPERATORS.get(rule.operator, "==")
        options.update(type="cell", criteria=criteria)
        if criteria in ("between", "not between") and len(formulas) > 1:
            options.update(minimum=formulas[0], maximum=formulas[1])
        else:
            options["value"] = formulas[0]
        return options
    if rule.type == "expression" and formulas:
        options.update(type="formula", criteria="=" + formulas[0].lstrip("="))
        return options
    return None
