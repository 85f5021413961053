"""The verdict on an indicator's figures (op koers, aandacht, niet op koers, geen gegevens) and its reason in Dutch."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from reporting.figures import formatting
from reporting.figures.words import at_year, format_value, join_words, shown, signed, signed_pct

if TYPE_CHECKING:
    from reporting.figures.trend import Trend

ON_TRACK = "op koers"
ATTENTION = "aandacht"
OFF_TRACK = "niet op koers"
NO_DATA = "geen gegevens"
VERDICTS = (ON_TRACK, ATTENTION, OFF_TRACK, NO_DATA)

RISE, FALL, KEEP = "stijgen", "dalen", "behouden"
# A value to be kept ("behouden") is on track while it stays within this fraction of its reference value.
KEEP_TOLERANCE = 0.05
_SIGN = {RISE: 1, FALL: -1, KEEP: 0}

# Values are compared as printed (`shown`: Decimal at their unit's decimals): 80% shown, target 80%, is met.


def _reaches(value: float, target: float, unit: str, sign: int) -> bool:
    """Is `value` at or past `target` in the wanted direction, as both are printed?"""
    return (shown(value, unit) - shown(target, unit)) * sign >= 0


def _printed_pct(value: float) -> Decimal:
    return formatting.shown(value, 1)


def verdict_and_reason(trend: Trend) -> tuple[str, str]:
    """The verdict on a quantitative indicator's figures, and its reason."""
    valued = trend.valued
    verdict, sentences = _judge(trend, bool(trend.full), bool(valued))
    if trend.baseline_origin == "eerste meting" and trend.change_baseline is not None:
        sentences.append(
            f"Er is geen nulmeting ingevuld: de eerste meting ({trend.baseline_year}) geldt als nulmeting."
        )
    target, baseline = trend.target_value, trend.baseline_value
    if target is not None and baseline is not None and shown(target, trend.unit) == shown(baseline, trend.unit):
        sentences.append(
            "De streefwaarde is gelijk aan de nulmeting, dus er is geen afstand om te overbruggen: "
            "geen percentage bereikt."
        )
    partial = [p.period for p in valued if p.partial]
    if partial:
        periods = join_words(partial)
        what = "is geen volledig jaar" if len(partial) == 1 else "zijn geen volledige jaren"
        sentences.append(
            f"{periods[0].upper()}{periods[1:]} {what}: niet vergelijkbaar met de volledige jaren en dus niet "
            "meegerekend."
        )
    if trend.share_latest is not None:
        sentences.append(f"Aandeel in {trend.share_period}: {formatting.percent(trend.share_latest, 1)}.")
    return verdict, " ".join(sentences)


def _judge(trend: Trend, full: bool, valued: bool) -> tuple[str, list[str]]:
    unit = trend.unit
    direction = trend.direction
    baseline, target = trend.baseline_value, trend.target_value
    if not valued and not trend.line_years:
        return NO_DATA, ["Nog geen gemeten waarden."]
    if not full and not (trend.line_years and trend.baseline_origin == "nulmeting"):
        return NO_DATA, ["Alleen metingen over een deel van een jaar."]
    if not full:
        start = at_year(baseline, trend.baseline_year, unit)
        return NO_DATA, [f"Alleen de nulmeting: {start}; nog geen latere meting."]
    value, year = trend.compared_value, trend.compared_year
    now = at_year(value, year, unit)
    if not direction:
        return NO_DATA, [
            f"Laatste volledige meting: {now}. Er is geen gewenste richting en geen streefwaarde ingevuld, "
            "dus planrapport kan niet zeggen of dit op koers is."
        ]
    sign = _SIGN[direction]
    goal = at_year(target, trend.target_year, unit, "tegen") if target is not None else ""
    if target is not None and sign and _reaches(value, target, unit, sign):
        return ON_TRACK, [f"{_since(trend)}De streefwaarde {goal} is bereikt."]
    if trend.change_baseline is None:
        return NO_DATA, [f"Pas één volledig jaar gemeten: {now}. Nog geen evolutie te berekenen."]
    start = at_year(baseline, trend.baseline_year, unit)
    change = trend.change_baseline
    if sign == 0:
        reference = shown(target if target is not None else baseline, unit)
        printed = shown(value, unit)
        deviation = (
            abs(printed - reference) / abs(reference) * 100 if reference else (Decimal(0) if printed == 0 else None)
        )
        what = f"de streefwaarde {goal}" if target is not None else f"de nulmeting {start}"
        if deviation is None:
            return ATTENTION, [f"{now} wijkt af van {what}, terwijl de waarde behouden moet blijven."]
        if _printed_pct(float(deviation)) <= Decimal(str(KEEP_TOLERANCE)) * 100:
            return ON_TRACK, [
                f"{now} blijft binnen {formatting.percent(KEEP_TOLERANCE * 100, 0)} van {what}, "
                "zoals gewenst (behouden)."
            ]
        return ATTENTION, [
            f"{now} wijkt {formatting.percent(float(deviation), 1)} af van {what}, terwijl de "
            "waarde behouden moet blijven."
        ]
    wanted = "een stijging" if sign > 0 else "een daling"
    moved_by = shown(value, unit) - shown(baseline, unit)
    if moved_by * sign < 0:
        moved = "Daling" if moved_by < 0 else "Stijging"
        return OFF_TRACK, [f"{moved} van {start} naar {now}, terwijl {wanted} gewenst is."]
    if moved_by == 0:
        return ATTENTION, [f"Gelijk gebleven: {start} en {now}, terwijl {wanted} gewenst is."]
    moved = f"{'Stijging' if change > 0 else 'Daling'} van {start} naar {now} ({signed(change, unit)}"
    moved += f", {signed_pct(trend.change_baseline_pct)})." if trend.change_baseline_pct is not None else ")."
    if target is None:
        return ON_TRACK, [moved[:-1] + ", zoals gewenst."]
    target_year = trend.target_year
    if target_year is not None and year >= target_year:
        return OFF_TRACK, [
            moved,
            f"Het streefjaar {target_year} is bereikt, maar de streefwaarde {format_value(target, unit)} niet.",
        ]
    reached = f"Dat is {formatting.percent(trend.attainment_pct, 1)} van de weg naar de streefwaarde {goal}."
    if trend.projection_value is not None and target_year is not None:
        projected = at_year(trend.projection_value, trend.projection_year, unit)
        line = f"De lijn door {trend.line_years} volledige jaren komt uit op {projected}"
        if _reaches(trend.projection_value, target, unit, sign):
            return ON_TRACK, [moved, reached, line + ": de streefwaarde wordt gehaald."]
        return ATTENTION, [moved, reached, line + ": dat haalt de streefwaarde niet."]
    baseline_year = trend.baseline_year
    if target_year is None or baseline_year is None or target_year <= baseline_year:
        missing = (
            "streefjaar"
            if target_year is None
            else "jaar van de nulmeting"
            if baseline_year is None
            else "streefjaar na de nulmeting"
        )
        return ON_TRACK, [moved, reached, f"Er is geen {missing} om het tempo aan af te meten."]
    expected = (year - baseline_year) / (target_year - baseline_year) * 100
    elapsed = f"Na {year - baseline_year} van de {target_year - baseline_year} jaar tot het streefjaar"
    if _printed_pct(trend.attainment_pct) >= _printed_pct(expected):
        return ON_TRACK, [moved, reached, f"{elapsed} is dat op schema (minstens {formatting.percent(expected, 1)})."]
    return ATTENTION, [moved, reached, f"{elapsed} zou dat {formatting.percent(expected, 1)} moeten zijn."]


def _since(trend: Trend) -> str:
    if trend.change_baseline is None:
        return f"Laatste volledige meting: {at_year(trend.compared_value, trend.compared_year, trend.unit)}. "
    start = at_year(trend.baseline_value, trend.baseline_year, trend.unit)
    return f"Van {start} naar {at_year(trend.compared_value, trend.compared_year, trend.unit)}. "
