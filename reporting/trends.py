"""Indicator trends: a long table of measurements in, one row of figures and a verdict per indicator out.

The DataFrame that `indicator_trends` and `compute_trends` return has one row per indicator, in the order of
the Indicatoren sheet, and these columns (missing values are None, never NaN; every column has dtype object):

    code                  indicator code, e.g. "A10911-I4"
    text                  the indicator as the officer wrote it
    parent_code           the result or action it belongs to ("1.3.3", "A10911")
    cell                  the indicator's cell, e.g. "Indicatoren!C5"
    quantitative          True for kind "kwantitatief"; the others get no figures, only `measured_in_year`
    unit                  the unit as typed ("aantal", "percentage", "euro", ...)
    direction             desired direction "stijgen" | "dalen" | "behouden"; when the sheet leaves it empty it
                          follows from target against baseline; "" when it cannot be known
    baseline_year         year of the baseline (int)
    baseline_value        the baseline value
    baseline_origin       "nulmeting" (Nulmeting jaar/waarde on the Indicatoren sheet) | "eerste meting" (the
                          first full-year measurement stands in) | "" (none)
    target_year           Streefjaar
    target_value          Streefwaarde
    points                tuple of Point(period, year, partial, value, share, cell): every measurement up to the
                          year, oldest first; charts draw these
    latest_period         period text of the most recent measurement with a value ("2021 (juni-december)")
    latest_year           its year
    latest_value          its value
    latest_partial        True when it covers only part of a year
    compared_year         the most recent full-year measurement: every change below is computed on it
    compared_value        its value
    previous_year         the full-year measurement before it (the baseline counts as a measurement)
    previous_value        its value
    change_previous       compared_value - previous_value
    change_previous_pct   that change in percent of previous_value (22.5 means 22,5%)
    change_baseline       compared_value - baseline_value
    change_baseline_pct   that change in percent of baseline_value
    yearly_change         change_baseline / (compared_year - baseline_year): average change per year
    attainment_pct        (compared - baseline) / (target - baseline) in percent; None when target or baseline is
                          missing or target == baseline
    projection_year       the target year, else the plan's end year
    projection_value      value at projection_year on the least-squares line through the full-year values,
                          only with 3 or more of them
    share_period          period of the most recent share ("381 (52%)" keeps 52 as a share)
    share_latest          that share, in percent
    share_partial         True when that period covers only part of a year
    share_previous        the full-year share before the latest full-year share
    share_change          latest full-year share - share_previous, in percentage points
    partial_periods       periods covering only part of a year, which are never compared with full years,
                          joined by "; "
    year                  the year the trends are computed for (measurements after it are left out)
    measured_in_year      True when a measurement row exists for `year`; None without a year
    verdict               "op koers" | "aandacht" | "niet op koers" | "geen gegevens"; "" for descriptive
                          indicators
    reason                the verdict explained in Dutch sentences
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from reporting import formatting
from workbook.model import Plan

if TYPE_CHECKING:
    import pandas as pd

ON_TRACK = "op koers"
ATTENTION = "aandacht"
OFF_TRACK = "niet op koers"
NO_DATA = "geen gegevens"
VERDICTS = (ON_TRACK, ATTENTION, OFF_TRACK, NO_DATA)

RISE, FALL, KEEP = "stijgen", "dalen", "behouden"
# A value to be kept ("behouden") is on track while it stays within this fraction of its reference value.
KEEP_TOLERANCE = 0.05
MIN_PROJECTION_POINTS = 3

COLUMNS = (
    "code", "text", "parent_code", "cell", "quantitative", "unit", "direction",
    "baseline_year", "baseline_value", "baseline_origin", "target_year", "target_value", "points",
    "latest_period", "latest_year", "latest_value", "latest_partial", "compared_year", "compared_value",
    "previous_year", "previous_value", "change_previous", "change_previous_pct",
    "change_baseline", "change_baseline_pct", "yearly_change", "attainment_pct",
    "projection_year", "projection_value",
    "share_period", "share_latest", "share_partial", "share_previous", "share_change",
    "partial_periods", "year", "measured_in_year", "verdict", "reason",
)
MEASUREMENT_COLUMNS = ("indicator_code", "period", "year", "partial", "value", "share", "cell", "order")
INDICATOR_COLUMNS = (
    "code", "text", "parent_code", "cell", "kind", "unit", "direction",
    "baseline_year", "baseline_value", "target_year", "target_value",
)

_DIRECTION_WORDS = {
    RISE: RISE, "stijging": RISE, "stijgend": RISE, "toename": RISE, "toenemen": RISE, "hoger": RISE,
    FALL: FALL, "daling": FALL, "dalend": FALL, "afname": FALL, "afnemen": FALL, "lager": FALL,
    KEEP: KEEP, "behoud": KEEP, "gelijk": KEEP, "gelijk blijven": KEEP, "stabiel": KEEP,
}
_SIGN = {RISE: 1, FALL: -1, KEEP: 0}


class Point(NamedTuple):
    period: str
    year: int
    partial: bool
    value: float | None
    share: float | None
    cell: str = ""


def indicator_trends(plan: Plan, year: int | None = None) -> pd.DataFrame:
    """One row per indicator of the plan (columns: see the module docstring), as of `year` (default: the
    report year; without either, every measurement counts)."""
    if year is None:
        year = plan.settings.report_year
    return compute_trends(indicator_frame(plan), measurement_frame(plan), year, plan.settings.end_year)


def indicator_frame(plan: Plan) -> pd.DataFrame:
    """The indicators as a table (INDICATOR_COLUMNS)."""
    import pandas as pd

    rows = [
        {
            "code": i.code, "text": i.text, "parent_code": i.parent_code, "cell": i.origin.cell("text"),
            "kind": i.kind, "unit": i.unit, "direction": i.direction,
            "baseline_year": i.baseline_year, "baseline_value": i.baseline_value,
            "target_year": i.target_year, "target_value": i.target_value,
        }
        for i in plan.indicators
    ]
    return pd.DataFrame(rows, columns=list(INDICATOR_COLUMNS), dtype=object)


def measurement_frame(plan: Plan) -> pd.DataFrame:
    """The long table of measurements: one row per indicator and period (MEASUREMENT_COLUMNS)."""
    import pandas as pd

    rows = [
        {
            "indicator_code": m.indicator_code, "period": m.period, "year": m.year, "partial": m.partial,
            "value": m.value, "share": m.share, "cell": m.origin.cell("value"), "order": index,
        }
        for index, m in enumerate(plan.measurements)
    ]
    return pd.DataFrame(rows, columns=list(MEASUREMENT_COLUMNS), dtype=object)


def compute_trends(
    indicators: pd.DataFrame, measurements: pd.DataFrame, year: int | None = None, end_year: int | None = None
) -> pd.DataFrame:
    """The trend table from an indicator table and a long measurement table (see `indicator_frame` and
    `measurement_frame`); `end_year` is where a projection goes when an indicator has no target year."""
    import pandas as pd

    usable = measurements[measurements["year"].notna()]
    if year is not None:
        usable = usable[usable["year"].astype(int) <= int(year)]
    # A period typed twice: the lower row wins, as when the officer corrects a value by adding a row.
    usable = usable.sort_values("order").drop_duplicates(["indicator_code", "year", "partial"], keep="last")
    usable = usable.sort_values(["year", "partial", "order"], key=lambda c: c.astype(int))
    groups: dict[str, list[Point]] = {}
    for m in usable.to_dict("records"):
        groups.setdefault(m["indicator_code"], []).append(
            Point(m["period"], int(m["year"]), bool(m["partial"]), _float(m["value"]), _float(m["share"]),
                  m["cell"] or "")
        )
    measured = set(measurements.loc[measurements["year"] == year, "indicator_code"]) if year is not None else set()
    rows = []
    for record in indicators.to_dict("records"):
        points = tuple(groups.get(record["code"], ()))
        rows.append(_trend(record, points, year, end_year, None if year is None else record["code"] in measured))
    return pd.DataFrame(rows, columns=list(COLUMNS), dtype=object)


def _float(value: object) -> float | None:
    if value is None:
        return None
    number = float(value)
    return None if number != number else number


def _int(value: object) -> int | None:
    number = _float(value)
    return None if number is None else int(number)


def _trend(
    record: Mapping[str, object], points: tuple[Point, ...], year: int | None, end_year: int | None,
    measured: bool | None,
) -> dict[str, object]:
    row: dict[str, object] = dict.fromkeys(COLUMNS)
    quantitative = str(record.get("kind") or "").strip().casefold() == "kwantitatief"
    row.update(
        code=record["code"], text=record["text"], parent_code=record["parent_code"], cell=record["cell"],
        quantitative=quantitative, unit=record["unit"] or "", year=year, measured_in_year=measured,
        points=points, target_year=_int(record["target_year"]), target_value=_float(record["target_value"]),
        partial_periods="; ".join(p.period for p in points if p.partial),
    )
    if not quantitative:
        row.update(direction="", baseline_origin="", verdict="", reason=_descriptive_reason(year, measured))
        return row
    valued = [p for p in points if p.value is not None]
    full = [p for p in valued if not p.partial]
    if valued:
        latest = valued[-1]
        row.update(latest_period=latest.period, latest_year=latest.year, latest_value=latest.value,
                   latest_partial=latest.partial)
    _shares(row, points)
    baseline = _baseline(record, full)
    row.update(baseline_year=baseline[0], baseline_value=baseline[1], baseline_origin=baseline[2])
    direction = _direction(str(record["direction"] or ""), baseline[1], row["target_value"])
    row["direction"] = direction
    series = _full_series(full, baseline)
    if full:
        compared = full[-1]
        row.update(compared_year=compared.year, compared_value=compared.value)
        earlier = [(y, v) for y, v in series if y < compared.year]
        if earlier:
            row.update(previous_year=earlier[-1][0], previous_value=earlier[-1][1])
            row["change_previous"] = compared.value - earlier[-1][1]
            row["change_previous_pct"] = _pct(row["change_previous"], earlier[-1][1])
        if _evolves(baseline, compared):
            change = compared.value - baseline[1]
            row.update(change_baseline=change, change_baseline_pct=_pct(change, baseline[1]))
            if baseline[0] is not None:
                row["yearly_change"] = change / (compared.year - baseline[0])
            target = row["target_value"]
            if target is not None and target != baseline[1]:
                row["attainment_pct"] = change / (target - baseline[1]) * 100
    row["projection_year"] = row["target_year"] or end_year
    if len(series) >= MIN_PROJECTION_POINTS and row["projection_year"] is not None:
        row["projection_value"] = _projection(series, row["projection_year"])
    row["verdict"], row["reason"] = _verdict(row, full, valued, series)
    return row


def _descriptive_reason(year: int | None, measured: bool | None) -> str:
    if year is None:
        return "Beschrijvende indicator: geen cijfers."
    return f"Beschrijvende indicator, gemeten in {year}: {'ja' if measured else 'nee'}."


def _baseline(record: Mapping[str, object], full: list[Point]) -> tuple[int | None, float | None, str]:
    """(year, value, origin): the Nulmeting on the sheet, else the first full-year measurement."""
    year, value = _int(record["baseline_year"]), _float(record["baseline_value"])
    if value is not None:
        return year, value, "nulmeting"
    if year is not None:
        same = [p for p in full if p.year == year]
        if same:
            return year, same[0].value, "nulmeting"
    if full:
        return full[0].year, full[0].value, "eerste meting"
    return None, None, ""


def _direction(typed: str, baseline: float | None, target: float | None) -> str:
    word = _DIRECTION_WORDS.get(" ".join(typed.casefold().split()))
    if word:
        return word
    if baseline is None or target is None:
        return ""
    if target > baseline:
        return RISE
    return FALL if target < baseline else KEEP


def _full_series(full: list[Point], baseline: tuple[int | None, float | None, str]) -> list[tuple[int, float]]:
    """Full-year values by year; a Nulmeting from the sheet counts as a measurement of its year."""
    series = {p.year: p.value for p in full}
    if baseline[2] == "nulmeting" and baseline[0] is not None and baseline[0] not in series:
        series[baseline[0]] = baseline[1]
    return sorted(series.items())


def _evolves(baseline: tuple[int | None, float | None, str], compared: Point) -> bool:
    """Is there a change to report: a baseline, and a later (or, without a year, another) measurement?"""
    year, value, origin = baseline
    if value is None:
        return False
    if year is None:
        return origin == "nulmeting"
    return compared.year > year


def _pct(change: float, base: float) -> float | None:
    return change / abs(base) * 100 if base else None


def _projection(series: list[tuple[int, float]], year: int) -> float:
    import numpy as np

    years = np.array([y for y, _ in series], dtype=float)
    values = np.array([v for _, v in series], dtype=float)
    slope, intercept = np.polyfit(years, values, 1)
    return float(slope * year + intercept)


def _shares(row: dict[str, object], points: tuple[Point, ...]) -> None:
    shared = [p for p in points if p.share is not None]
    if not shared:
        return
    row.update(share_period=shared[-1].period, share_latest=shared[-1].share, share_partial=shared[-1].partial)
    full = [p for p in shared if not p.partial]
    if len(full) >= 2:
        row.update(share_previous=full[-2].share, share_change=full[-1].share - full[-2].share)


# ---- the verdict and its reason, in Dutch ----

def _verdict(
    row: Mapping[str, object], full: list[Point], valued: list[Point], series: list[tuple[int, float]]
) -> tuple[str, str]:
    verdict, sentences = _judge(row, full, valued, series)
    if row["baseline_origin"] == "eerste meting" and row["change_baseline"] is not None:
        sentences.append(
            f"Er is geen nulmeting ingevuld: de eerste meting ({row['baseline_year']}) geldt als nulmeting."
        )
    if row["target_value"] is not None and row["target_value"] == row["baseline_value"]:
        sentences.append(
            "De streefwaarde is gelijk aan de nulmeting, dus er is geen afstand om te overbruggen: "
            "geen percentage bereikt."
        )
    partial = [p.period for p in valued if p.partial]
    if partial:
        periods = _join(partial)
        what = "is geen volledig jaar" if len(partial) == 1 else "zijn geen volledige jaren"
        sentences.append(
            f"{periods[0].upper()}{periods[1:]} {what}: niet vergelijkbaar met de volledige jaren en dus niet "
            "meegerekend."
        )
    if row["share_latest"] is not None:
        sentences.append(f"Aandeel in {row['share_period']}: {formatting.percent(row['share_latest'], 1)}.")
    return verdict, " ".join(sentences)


def _judge(
    row: Mapping[str, object], full: list[Point], valued: list[Point], series: list[tuple[int, float]]
) -> tuple[str, list[str]]:
    unit = row["unit"]
    direction = row["direction"]
    baseline, target = row["baseline_value"], row["target_value"]
    if not valued and not series:
        return NO_DATA, ["Nog geen gemeten waarden."]
    if not full and not (series and row["baseline_origin"] == "nulmeting"):
        return NO_DATA, ["Alleen metingen over een deel van een jaar."]
    if not full:
        return NO_DATA, [f"Alleen de nulmeting: {_at(baseline, row['baseline_year'], unit)}; nog geen latere meting."]
    value, year = row["compared_value"], row["compared_year"]
    now = _at(value, year, unit)
    if not direction:
        return NO_DATA, [
            f"Laatste volledige meting: {now}. Er is geen gewenste richting en geen streefwaarde ingevuld, "
            "dus planrapport kan niet zeggen of dit op koers is."
        ]
    sign = _SIGN[direction]
    goal = _at(target, row["target_year"], unit, "tegen") if target is not None else ""
    if target is not None and sign and (value - target) * sign >= 0:
        return ON_TRACK, [f"{_since(row)}De streefwaarde {goal} is bereikt."]
    if row["change_baseline"] is None:
        return NO_DATA, [f"Pas één volledig jaar gemeten: {now}. Nog geen evolutie te berekenen."]
    start = _at(baseline, row["baseline_year"], unit)
    change = row["change_baseline"]
    if sign == 0:
        reference = target if target is not None else baseline
        deviation = abs(value - reference) / abs(reference) if reference else (0.0 if value == 0 else None)
        what = f"de streefwaarde {goal}" if target is not None else f"de nulmeting {start}"
        if deviation is None:
            return ATTENTION, [f"{now} wijkt af van {what}, terwijl de waarde behouden moet blijven."]
        if deviation <= KEEP_TOLERANCE:
            return ON_TRACK, [f"{now} blijft binnen {formatting.percent(KEEP_TOLERANCE * 100, 0)} van {what}, "
                              "zoals gewenst (behouden)."]
        return ATTENTION, [f"{now} wijkt {formatting.percent(deviation * 100, 1)} af van {what}, terwijl de "
                           "waarde behouden moet blijven."]
    wanted = "een stijging" if sign > 0 else "een daling"
    if change * sign < 0:
        moved = "Daling" if change < 0 else "Stijging"
        return OFF_TRACK, [f"{moved} van {start} naar {now}, terwijl {wanted} gewenst is."]
    if change == 0:
        return ATTENTION, [f"Gelijk gebleven: {start} en {now}, terwijl {wanted} gewenst is."]
    moved = f"{'Stijging' if change > 0 else 'Daling'} van {start} naar {now} ({_signed(change, unit)}"
    moved += f", {_signed_pct(row['change_baseline_pct'])})." if row["change_baseline_pct"] is not None else ")."
    if target is None:
        return ON_TRACK, [moved[:-1] + ", zoals gewenst."]
    target_year = row["target_year"]
    if target_year is not None and year >= target_year:
        return OFF_TRACK, [moved, f"Het streefjaar {target_year} is bereikt, maar de streefwaarde "
                                  f"{format_value(target, unit)} niet."]
    reached = f"Dat is {formatting.percent(row['attainment_pct'], 1)} van de weg naar de streefwaarde {goal}."
    if row["projection_value"] is not None and target_year is not None:
        projected = _at(row["projection_value"], row["projection_year"], unit)
        trend = f"De lijn door {len(series)} volledige jaren komt uit op {projected}"
        if (row["projection_value"] - target) * sign >= 0:
            return ON_TRACK, [moved, reached, trend + ": de streefwaarde wordt gehaald."]
        return ATTENTION, [moved, reached, trend + ": dat haalt de streefwaarde niet."]
    baseline_year = row["baseline_year"]
    if target_year is None or baseline_year is None or target_year <= baseline_year:
        missing = "streefjaar" if target_year is None else "jaar van de nulmeting" if baseline_year is None \
            else "streefjaar na de nulmeting"
        return ON_TRACK, [moved, reached, f"Er is geen {missing} om het tempo aan af te meten."]
    expected = (year - baseline_year) / (target_year - baseline_year) * 100
    elapsed = f"Na {year - baseline_year} van de {target_year - baseline_year} jaar tot het streefjaar"
    if row["attainment_pct"] >= expected:
        return ON_TRACK, [moved, reached, f"{elapsed} is dat op schema (minstens {formatting.percent(expected, 1)})."]
    return ATTENTION, [moved, reached, f"{elapsed} zou dat {formatting.percent(expected, 1)} moeten zijn."]


def _since(row: Mapping[str, object]) -> str:
    if row["change_baseline"] is None:
        return f"Laatste volledige meting: {_at(row['compared_value'], row['compared_year'], row['unit'])}. "
    start = _at(row["baseline_value"], row["baseline_year"], row["unit"])
    return f"Van {start} naar {_at(row['compared_value'], row['compared_year'], row['unit'])}. "


def format_value(value: float | None, unit: str = "") -> str:
    """A value in the unit's Dutch form: 1168 -> "1.168", percentage 22.4 -> "22,4%", euro -> "€ 20.667"."""
    if value is None:
        return ""
    kind = unit.strip().casefold()
    if kind in ("percentage", "%"):
        return formatting.percent(value, 1)
    if kind == "euro":
        return formatting.euro(round(value, 2))
    return formatting.number(value, 1)


def _at(value: float | None, year: int | None, unit: str, word: str = "in") -> str:
    text = format_value(value, unit)
    return f"{text} {word} {year}" if year is not None else text


def _signed(change: float, unit: str) -> str:
    if unit.strip().casefold() in ("percentage", "%"):
        text = formatting.number(abs(change), 1) + (" procentpunt" if abs(change) == 1 else " procentpunten")
    else:
        text = format_value(abs(change), unit)
    return ("+" if change > 0 else "-" if change < 0 else "") + text


def _signed_pct(pct: float) -> str:
    return ("+" if pct > 0 else "-" if pct < 0 else "") + formatting.percent(abs(pct), 1)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]
