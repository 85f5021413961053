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
                          missing or target equals baseline as printed
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

from reporting.figures.verdict import (
    ATTENTION,
    FALL,
    KEEP,
    NO_DATA,
    OFF_TRACK,
    ON_TRACK,
    RISE,
    VERDICTS,
    verdict_and_reason,
)
from reporting.figures.words import format_value, shown
from workbook.plan.model import Plan
from workbook.plan.numbers import parse_year

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ATTENTION",
    "COLUMNS",
    "NO_DATA",
    "OFF_TRACK",
    "ON_TRACK",
    "VERDICTS",
    "Point",
    "compute_trends",
    "format_value",
    "indicator_frame",
    "indicator_trends",
    "measurement_frame",
]

MIN_PROJECTION_POINTS = 3

COLUMNS = (
    "code",
    "text",
    "parent_code",
    "cell",
    "quantitative",
    "unit",
    "direction",
    "baseline_year",
    "baseline_value",
    "baseline_origin",
    "target_year",
    "target_value",
    "points",
    "latest_period",
    "latest_year",
    "latest_value",
    "latest_partial",
    "compared_year",
    "compared_value",
    "previous_year",
    "previous_value",
    "change_previous",
    "change_previous_pct",
    "change_baseline",
    "change_baseline_pct",
    "yearly_change",
    "attainment_pct",
    "projection_year",
    "projection_value",
    "share_period",
    "share_latest",
    "share_partial",
    "share_previous",
    "share_change",
    "partial_periods",
    "year",
    "measured_in_year",
    "verdict",
    "reason",
)
MEASUREMENT_COLUMNS = ("indicator_code", "period", "year", "partial", "value", "share", "cell", "order")
INDICATOR_COLUMNS = (
    "code",
    "text",
    "parent_code",
    "cell",
    "kind",
    "unit",
    "direction",
    "baseline_year",
    "baseline_value",
    "target_year",
    "target_value",
)

_DIRECTION_WORDS = {
    RISE: RISE,
    "stijging": RISE,
    "stijgend": RISE,
    "toename": RISE,
    "toenemen": RISE,
    "hoger": RISE,
    FALL: FALL,
    "daling": FALL,
    "dalend": FALL,
    "afname": FALL,
    "afnemen": FALL,
    "lager": FALL,
    KEEP: KEEP,
    "behoud": KEEP,
    "gelijk": KEEP,
    "gelijk blijven": KEEP,
    "stabiel": KEEP,
}


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
            "code": i.code,
            "text": i.text,
            "parent_code": i.parent_code,
            "cell": i.origin.cell("text"),
            "kind": i.kind,
            "unit": i.unit,
            "direction": i.direction,
            "baseline_year": i.baseline_year,
            "baseline_value": i.baseline_value,
            "target_year": i.target_year,
            "target_value": i.target_value,
        }
        for i in plan.indicators
    ]
    return pd.DataFrame(rows, columns=list(INDICATOR_COLUMNS), dtype=object)


def measurement_frame(plan: Plan) -> pd.DataFrame:
    """The long table of measurements: one row per indicator and period (MEASUREMENT_COLUMNS)."""
    import pandas as pd

    rows = [
        {
            "indicator_code": m.indicator_code,
            "period": m.period,
            "year": m.year,
            "partial": m.partial,
            "value": m.value,
            "share": m.share,
            "cell": m.origin.cell("value"),
            "order": index,
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

    # A year typed as text ("2025"), number (2025) or 2025.0 is one and the same period.
    years = pd.Series([parse_year(y) for y in measurements["year"]], index=measurements.index, dtype=object)
    measurements = measurements.assign(year=years)
    year = parse_year(year) if year is not None else None
    usable = measurements[measurements["year"].notna()]
    if year is not None:
        usable = usable[usable["year"].astype(int) <= year]
    # A period typed twice: the lower row wins, as when the officer corrects a value by adding a row.
    usable = usable.sort_values("order").drop_duplicates(["indicator_code", "year", "partial"], keep="last")
    usable = usable.sort_values(["year", "partial", "order"], key=lambda c: c.astype(int))
    groups: dict[str, list[Point]] = {}
    for m in usable.to_dict("records"):
        groups.setdefault(m["indicator_code"], []).append(
            Point(
                m["period"], int(m["year"]), bool(m["partial"]), _float(m["value"]), _float(m["share"]), m["cell"] or ""
            )
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
    record: Mapping[str, object],
    points: tuple[Point, ...],
    year: int | None,
    end_year: int | None,
    measured: bool | None,
) -> dict[str, object]:
    row: dict[str, object] = dict.fromkeys(COLUMNS)
    quantitative = str(record.get("kind") or "").strip().casefold() == "kwantitatief"
    row.update(
        code=record["code"],
        text=record["text"],
        parent_code=record["parent_code"],
        cell=record["cell"],
        quantitative=quantitative,
        unit=record["unit"] or "",
        year=year,
        measured_in_year=measured,
        points=points,
        target_year=_int(record["target_year"]),
        target_value=_float(record["target_value"]),
        partial_periods="; ".join(p.period for p in points if p.partial),
    )
    if not quantitative:
        row.update(direction="", baseline_origin="", verdict="", reason=_descriptive_reason(year, measured))
        return row
    valued = [p for p in points if p.value is not None]
    full = [p for p in valued if not p.partial]
    if valued:
        latest = valued[-1]
        row.update(
            latest_period=latest.period,
            latest_year=latest.year,
            latest_value=latest.value,
            latest_partial=latest.partial,
        )
    _shares(row, points)
    baseline = _baseline(record, full)
    row.update(baseline_year=baseline[0], baseline_value=baseline[1], baseline_origin=baseline[2])
    direction = _direction(str(record["direction"] or ""), baseline[1], row["target_value"], row["unit"])
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
            if target is not None and shown(target, row["unit"]) != shown(baseline[1], row["unit"]):
                row["attainment_pct"] = change / (target - baseline[1]) * 100
    row["projection_year"] = row["target_year"] or end_year
    if len(series) >= MIN_PROJECTION_POINTS and row["projection_year"] is not None:
        row["projection_value"] = _projection(series, row["projection_year"])
    row["verdict"], row["reason"] = verdict_and_reason(row, full, valued, series)
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


def _direction(typed: str, baseline: float | None, target: float | None, unit: str) -> str:
    word = _DIRECTION_WORDS.get(" ".join(typed.casefold().split()))
    if word:
        return word
    if baseline is None or target is None:
        return ""
    # Target against baseline as the report prints them (see trend_verdict): equal there means keep.
    printed_target, printed_baseline = shown(target, unit), shown(baseline, unit)
    if printed_target > printed_baseline:
        return RISE
    return FALL if printed_target < printed_baseline else KEEP


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
