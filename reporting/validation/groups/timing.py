"""Timing: every timing text parses, every year cell holds a year, and all fall inside the plan period."""

from __future__ import annotations

from collections.abc import Iterator

from reporting.validation.context import Context, at, is_blank, is_formula_error, quoted
from reporting.validation.report import Issue
from workbook.plan.model import Origin
from workbook.plan.timing import parse_timing


def check(ctx: Context) -> Iterator[Issue]:
    plan = ctx.plan
    for action in plan.actions:
        yield from _timing(ctx, action.timing, action.origin, action.code, f"actie {action.code}", baseline=False)
    for indicator in plan.indicators:
        yield from _timing(
            ctx, indicator.timing, indicator.origin, indicator.code, f"indicator {indicator.code}", baseline=True
        )
    for row in plan.follow_ups:
        yield from _year(
            ctx,
            row.year,
            row.origin,
            "year",
            row.action_code,
            f"het jaar waarover de opvolging van actie {row.action_code or '(zonder code)'} gaat",
        )
    for row in plan.budget_lines:
        yield from _year(ctx, row.year, row.origin, "year", "", "het jaar van de kostenpost")
    for row in plan.indicators:
        yield from _year(
            ctx, row.baseline_year, row.origin, "baseline_year", row.code, "", required=False, in_period=False
        )
        yield from _year(ctx, row.target_year, row.origin, "target_year", row.code, "het streefjaar", required=False)
    for row in plan.measurements:
        if row.year is None and not is_formula_error(row.origin.raw.get("period")):
            raw = row.origin.raw.get("period")
            if is_blank(raw):
                text = (
                    "De meting heeft geen periode. Vul het jaar in, bv. 2022, of een deel van een jaar, bv. "
                    "'2021 (juni-december)'."
                )
            else:
                text = (
                    f"De periode {quoted(raw)} begint niet met een jaartal. Schrijf het jaar eerst, bv. '2022' "
                    "of '2022 (voorjaar)'."
                )
            yield at(row.origin, "period", "ongeldige-periode", row.indicator_code, text)


def _timing(ctx: Context, text: str, origin: Origin, code: str, what: str, baseline: bool) -> Iterator[Issue]:
    if not text or is_formula_error(origin.raw.get("timing")):
        return
    timing = parse_timing(text, ctx.start, ctx.end)
    if timing.error:
        reason = timing.error[0].lower() + timing.error[1:]
        yield at(origin, "timing", "onbekende-timing", code, f"{what.capitalize()}: {reason}")
        return
    if not timing.years or not ctx.has_period:
        return
    before_allowed = baseline and timing.measurement == "nulmeting"
    outside = [y for y in timing.years if y > ctx.end or (y < ctx.start and not before_allowed)]
    if outside:
        years = ", ".join(str(y) for y in outside)
        yield at(
            origin,
            "timing",
            "jaar-buiten-periode",
            code,
            f"Het tijdstip '{text}' van {what} valt buiten de planperiode {ctx.period_text} ({years}). "
            "Verbeter het tijdstip, of de planperiode op blad Instellingen.",
        )


def _year(
    ctx: Context,
    year: int | None,
    origin: Origin,
    field_name: str,
    code: str,
    what: str,
    required: bool = True,
    in_period: bool = True,
) -> Iterator[Issue]:
    raw = origin.raw.get(field_name)
    if is_formula_error(raw):
        return
    if year is None:
        if not is_blank(raw):
            yield at(
                origin,
                field_name,
                "geen-jaartal",
                code,
                f"{quoted(raw)} is geen jaartal. Schrijf een jaartal met vier cijfers, bv. 2023.",
            )
        elif required:
            yield at(
                origin, field_name, "geen-jaartal", code, f"Het jaar ontbreekt. Vul {what} in, bv. {ctx.year or 2023}."
            )
        return
    if in_period and ctx.has_period and not ctx.in_period(year):
        yield at(
            origin,
            field_name,
            "jaar-buiten-periode",
            code,
            f"{what[0].upper() + what[1:]} ({year}) valt buiten de planperiode {ctx.period_text}. "
            "Verbeter het jaar, of de planperiode op blad Instellingen.",
        )
