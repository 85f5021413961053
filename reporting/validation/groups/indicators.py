"""Indicators and measurements: numbers that make sense for their unit, one value per period, a direction."""

from __future__ import annotations

from collections.abc import Iterator

from reporting.figures.formatting import number
from reporting.validation.cells import number_cell
from reporting.validation.context import Context, at, is_blank, normalize_word
from reporting.validation.report import Issue
from reporting.validation.words import unknown_word
from workbook.plan.model import Indicator, Origin
from workbook.plan.schema import INDICATORS

PERCENT_UNITS = frozenset({"percentage", "procent", "%"})
COUNT_UNITS = frozenset({"aantal", "personen"})
_WORD_COLUMNS = (("kind", "Soort"), ("unit", "Eenheid"), ("direction", "Gewenste richting"))


def check(ctx: Context) -> Iterator[Issue]:
    plan = ctx.plan
    by_code: dict[str, Indicator] = {}
    for indicator in plan.indicators:
        if indicator.code:
            by_code.setdefault(indicator.code, indicator)
    measured: set[str] = set()
    seen: dict[tuple[str, str], Origin] = {}
    for row in plan.measurements:
        code = row.indicator_code
        indicator = by_code.get(code)
        measured.add(code)
        yield from number_cell(row.origin, "value", code, "Waarde", "Opmerking")
        yield from number_cell(row.origin, "share", code, "Aandeel", "Opmerking")
        if row.year is not None and ctx.latest is not None and row.year > ctx.latest:
            yield at(
                row.origin,
                "period",
                "meting-na-rapportjaar",
                code,
                f"Deze meting is voor {row.year}, na het rapportjaar {ctx.latest}. Verbeter de periode; "
                "metingen voor later komen pas in het rapport van dat jaar.",
            )
        if code and row.period:
            earlier = seen.setdefault((code, normalize_word(row.period)), row.origin)
            if earlier is not row.origin:
                yield at(
                    row.origin,
                    "period",
                    "dubbele-meting",
                    code,
                    f"Indicator {code} heeft voor '{row.period}' ook een meting in rij {earlier.row}. Houd één "
                    "meting per indicator en periode: wis of verbeter een van beide rijen.",
                )
        if indicator is not None:
            yield from _fits_unit(indicator, row.value, row.origin, "value", "Waarde")
            if normalize_word(indicator.unit) in PERCENT_UNITS:
                yield from _ambiguous_share(row.origin, "value", "Waarde", code)
        yield from _ambiguous_share(row.origin, "share", "Aandeel", code)
        if row.share is not None and not 0 <= row.share <= 100:
            field_name = "value" if is_blank(row.origin.raw.get("share")) else "share"
            yield at(
                row.origin,
                field_name,
                "percentage-buiten-bereik",
                code,
                f"Het aandeel {number(row.share)}% ligt niet tussen 0 en 100%. Verbeter het aandeel.",
            )
    for indicator in plan.indicators:
        yield from _indicator(ctx, indicator, indicator.code in measured)


def _indicator(ctx: Context, indicator: Indicator, measured: bool) -> Iterator[Issue]:
    origin, code = indicator.origin, indicator.code
    for field_name, list_name in _WORD_COLUMNS:
        column = INDICATORS.column(field_name).header
        yield from unknown_word(ctx, origin, field_name, column, list_name, code)
    for field_name in ("baseline_value", "target_value"):
        column = INDICATORS.column(field_name).header
        yield from number_cell(origin, field_name, code, column, "Norm")
        yield from _fits_unit(indicator, getattr(indicator, field_name), origin, field_name, column)
        if normalize_word(indicator.unit) in PERCENT_UNITS:
            yield from _ambiguous_share(origin, field_name, column, code)
    if ctx.start is not None and indicator.baseline_year is not None and indicator.baseline_year > ctx.start:
        yield at(
            origin,
            "baseline_year",
            "nulmeting-na-start",
            code,
            f"De nulmeting van indicator {code} is van {indicator.baseline_year}, na het eerste planjaar "
            f"{ctx.start}. Een nulmeting hoort in of voor {ctx.start}; kon dat niet, vermeld dan in kolom "
            "Toelichting waarom.",
        )
    tracked = measured or indicator.baseline_value is not None or indicator.target_value is not None
    direction_read = ctx.plan.was_read(INDICATORS.name, "direction")
    if indicator.quantitative and tracked and is_blank(indicator.direction) and direction_read:
        yield at(
            origin,
            "direction",
            "geen-richting",
            code,
            f"Indicator {code} is kwantitatief maar heeft geen gewenste richting. Kies 'stijgen', 'dalen' of "
            f"'behouden' in kolom Gewenste richting, zodat het rapport kan zeggen of de evolutie goed is"
            f"{_suggestion(indicator)}.",
        )


def _suggestion(indicator: Indicator) -> str:
    start, goal = indicator.baseline_value, indicator.target_value
    if start is None or goal is None or start == goal:
        return ""
    word = "stijgen" if goal > start else "dalen"
    return f" (van nulmeting {number(start)} naar streefwaarde {number(goal)} is '{word}')"


def _ambiguous_share(origin: Origin, field_name: str, column: str, code: str) -> Iterator[Issue]:
    """A share typed as 0.55 without a % format: 0,55% or 55%? The report would print 0,55%."""
    raw = origin.raw.get(field_name)
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not 0 < raw <= 1:
        return
    yield at(
        origin,
        field_name,
        "dubbelzinnig-aandeel",
        code,
        f"{number(raw, 3)} in kolom {column} is een percentage: bedoelt u {number(raw * 100, 1)}%? planrapport "
        f"leest {number(raw, 3)}%. Typ het percentage als getal van 0 tot 100 ({number(raw * 100, 1)}), of "
        "typ het met een %-teken zodat Excel het als percentage toont.",
    )


def _fits_unit(
    indicator: Indicator, value: float | None, origin: Origin, field_name: str, column: str
) -> Iterator[Issue]:
    if value is None:
        return
    unit = normalize_word(indicator.unit)
    code = indicator.code or (origin.raw.get("indicator_code") or "")
    if unit in PERCENT_UNITS and not 0 <= value <= 100:
        yield at(
            origin,
            field_name,
            "percentage-buiten-bereik",
            str(code),
            f"Indicator {code} is een percentage, maar {number(value)} in kolom {column} ligt niet tussen "
            "0 en 100. Schrijf het percentage als getal van 0 tot 100, bv. 22,4 voor 22,4%.",
        )
    elif unit in COUNT_UNITS and (value < 0 or not float(value).is_integer()):
        problem = "negatief" if value < 0 else "geen geheel getal"
        yield at(
            origin,
            field_name,
            "ongeldig-aantal",
            str(code),
            f"De eenheid van indicator {code} is '{indicator.unit.strip()}', maar {number(value, 3)} in kolom "
            f"{column} is {problem}. "
            "Een aantal is een geheel getal van 0 of meer.",
        )
