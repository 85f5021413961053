"""Numbers beyond what a report can show: named by their cell, so no document or sheet gets a number it cannot hold."""

from __future__ import annotations

from collections.abc import Iterator

from reporting.figures.formatting import number
from reporting.validation.context import Context, at, is_blank, quoted
from reporting.validation.report import Issue
from workbook.plan.model import Origin
from workbook.plan.numbers import LARGEST, parse_number
from workbook.plan.schema import BUDGET, INDICATORS, MEASUREMENTS, SETTINGS_SHEET, Sheet

_LARGEST_TEXT = number(LARGEST - 1, 0)


def check(ctx: Context) -> Iterator[Issue]:
    plan = ctx.plan
    for sheet, rows in ((INDICATORS, plan.indicators), (MEASUREMENTS, plan.measurements), (BUDGET, plan.budget_lines)):
        numbers = [column for column in sheet.columns if column.kind == "number"]
        for row in rows:
            for column in numbers:
                yield from _too_large(row.origin, column.field, column.header, _code(row), sheet)
    origin = plan.settings.origins.get("cofinancing_min")
    if origin is not None:
        yield from _too_large(origin, "value", "Waarde", "", None)


def _shown(raw: object) -> str:
    """As Excel shows a number this large (9E+307); text as typed."""
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return f"'{float(raw):.15G}'"
    return quoted(raw)


def _code(row: object) -> str:
    return getattr(row, "code", "") or getattr(row, "indicator_code", "")


def _too_large(origin: Origin, field_name: str, header: str, row_code: str, sheet: Sheet | None) -> Iterator[Issue]:
    raw = origin.raw.get(field_name)
    if is_blank(raw) or not parse_number(raw).too_large:
        return
    where = f"kolom {header}" if sheet is not None else f"blad {SETTINGS_SHEET}"
    yield at(
        origin,
        field_name,
        "getal-te-groot",
        row_code,
        f"Het getal {_shown(raw)} in {where} is te groot om in een rapport te tonen: Excel en Word tonen "
        f"getallen tot {_LARGEST_TEXT} zoals ze getypt zijn. Kijk na of er geen cijfers te veel staan.",
    )
