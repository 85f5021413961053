"""The verdict on an indicator's figures (op koers, aandacht, niet op koers, geen gegevens) and its reason in Dutch."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from reporting.figures import formatting
from reporting.figures.words import at_year, format_value, join_words, shown, signed, signed_pct

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
    return formatting.shown(round(value, 1), 1)


def verdict_and_reason(
    row: Mapping[str, object], full: list, valued: list, series: list[tuple[int, float]]
) -> tuple[str, str]:
    """The verdict and its reason; `full` and `valued` are the indicator's trends.Point measurements (full years,
    all with a value), `series` its (year, value) pairs from the baseline on."""
    verdict, sentences = _judge(row, full, valued, series)
    if row["baseline_origin"] == "eerste meting" and row["change_baseline"] is not None:
        sentences.append(
            f"Er is geen nulmeting ingevuld: de eerste meting ({row['baseline_year']}) geldt als nulmeting."
        )
    target, baseline = row["target_value"], row["baseline_value"]
    if target is not None and baseline is not None and shown(target, row["unit"]) == shown(baseline, row["unit"]):
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
    if row["share_latest"] is not None:
        sentences.append(f"Aandeel in {row['share_period']}: {formatting.percent(row['share_latest'], 1)}.")
    return verdict, " ".join(sentences)


def _judge(
    row: Mapping[str, object], full: list, valued: list, series: list[tuple[int, float]]
) -> tuple[str, list[str]]:
    unit = row["unit"]
    direction = row["direction"]
    baseline, target = row["baseline_value"], row["target_value"]
    if not valued and not series:
        return NO_DATA, ["Nog geen gemeten waarden."]
    if not full and not (series and row["baseline_origin"] == "nulmeting"):
        return NO_DATA, ["Alleen metingen over een deel van een jaar."]
    if not full:
        start = at_year(baseline, row["baseline_year"], unit)
        return NO_DATA, [f"Alleen de nulmeting: {start}; nog geen latere meting."]
    value, year = row["compared_value"], row["compared_year"]
    now = at_year(value, year, unit)
    if not direction:
        return NO_DATA, [
            f"Laatste volledige meting: {now}. Er is geen gewenste richting en geen streefwaarde ingevuld, "
            "dus planrapport kan niet zeggen of dit op koers is."
        ]
    sign = _SIGN[direction]
    goal = at_year(target, row["target_year"], unit, "tegen") if target is not None else ""
    if target is not None and sign and _reaches(value, target, unit, sign):
        return ON_TRACK, [f"{_since(row)}De streefwaarde {goal} is bereikt."]
    if row["change_baseline"] is None:
        return NO_DATA, [f"Pas één volledig jaar gemeten: {now}. Nog geen evolutie te berekenen."]
    start = at_year(baseline, row["baseline_year"], unit)
    change = row["change_baseline"]
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
    moved += f", {signed_pct(row['change_baseline_pct'])})." if row["change_baseline_pct"] is not None else ")."
    if target is None:
        return ON_TRACK, [moved[:-1] + ", zoals gewenst."]
    target_year = row["target_year"]
    if target_year is not None and year >= target_year:
        return OFF_TRACK, [
            moved,
            f"Het streefjaar {target_year} is bereikt, maar de streefwaarde {format_value(target, unit)} niet.",
        ]
    reached = f"Dat is {formatting.percent(row['attainment_pct'], 1)} van de weg naar de streefwaarde {goal}."
    if row["projection_value"] is not None and target_year is not None:
        projected = at_year(row["projection_value"], row["projection_year"], unit)
        trend = f"De lijn door {len(series)} volledige jaren komt uit op {projected}"
        if _reaches(row["projection_value"], target, unit, sign):
            return ON_TRACK, [moved, reached, trend + ": de streefwaarde wordt gehaald."]
        return ATTENTION, [moved, reached, trend + ": dat haalt de streefwaarde niet."]
    baseline_year = row["baseline_year"]
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
    if _printed_pct(row["attainment_pct"]) >= _printed_pct(expected):
        return ON_TRACK, [moved, reached, f"{elapsed} is dat op schema (minstens {formatting.percent(expected, 1)})."]
    return ATTENTION, [moved, reached, f"{elapsed} zou dat {formatting.percent(expected, 1)} moeten zijn."]


def _since(row: Mapping[str, object]) -> str:
    if row["change_baseline"] is None:
        return f"Laatste volledige meting: {at_year(row['compared_value'], row['compared_year'], row['unit'])}. "
    start = at_year(row["baseline_value"], row["baseline_year"], row["unit"])
    return f"Van {start} naar {at_year(row['compared_value'], row['compared_year'], row['unit'])}. "
