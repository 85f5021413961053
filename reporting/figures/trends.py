"""Indicator trends: each indicator's figures computed on the frame of all measurements, then a Trend each."""

from __future__ import annotations

from dataclasses import fields

import numpy as np
import pandas as pd

from reporting.figures.trend import Point, Trend
from reporting.figures.trend_frames import (
    CODE,
    ROW,
    Sheet,
    indicator_frame,
    measurement_frame,
    points_by_indicator,
    typed_measurements,
)
from reporting.figures.verdict import FALL, KEEP, RISE, verdict_and_reason
from reporting.figures.words import shown
from workbook.plan.model import Plan
from workbook.plan.numbers import parse_year

__all__ = ["compute_trends", "indicator_frame", "indicator_trends", "measurement_frame"]

MIN_PROJECTION_POINTS = 3
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


def indicator_trends(plan: Plan, year: int | None = None) -> tuple[Trend, ...]:
    """One Trend per indicator of the plan, as of `year` (default: the report year; without either, every
    measurement counts)."""
    if year is None:
        year = plan.settings.report_year
    return compute_trends(indicator_frame(plan), measurement_frame(plan), year, plan.settings.end_year)


def compute_trends(
    indicators: pd.DataFrame, measurements: pd.DataFrame, year: int | str | None = None, end_year: int | None = None
) -> tuple[Trend, ...]:
    """One Trend per indicator, in the order of the indicator table, from that table and the long table of
    measurements (reporting.figures.trend_frames); `end_year` is where a projection goes when an indicator has
    no target year. The figures are worked out for all indicators at once, column by column: a group-by over
    the measurements finds each indicator's latest, compared, first and same-year point, another sums its line;
    only the verdict and its sentences are written per indicator."""
    year = parse_year(year) if year is not None else None
    sheet = Sheet(indicators)
    found = typed_measurements(measurements)
    years = found["year"].to_numpy()
    measured = None
    if year is not None:
        in_year = set(found[CODE].to_numpy()[years == year].tolist())
        measured = [code in in_year for code in sheet.code.tolist()]
    points = points_by_indicator(sheet, found[years <= (year if year is not None else np.inf)])
    figures = _figures(sheet, points, end_year)
    return _trends(sheet, figures, points, year, measured)


def _figures(sheet: Sheet, points: pd.DataFrame, end_year: int | None) -> dict[str, np.ndarray]:
    """Every figure of every indicator, as arrays in the order of the sheet (NaN where there is none)."""
    row = points[ROW].to_numpy()
    year, value, share = (points[c].to_numpy() for c in ("year", "value", "share"))
    partial = points["partial"].to_numpy()
    valued, shared = ~np.isnan(value), ~np.isnan(share)
    full, full_share = valued & ~partial, shared & ~partial
    position = np.arange(len(points))
    # Per indicator, the position of its last point of each kind (-1: none) and of its first full-year point.
    marks = {
        "latest": np.where(valued, position, -1),
        "compared": np.where(full, position, -1),
        "first_full": np.where(full, len(points) - position, 0),
        "same_year": np.where(full & (year == sheet.baseline_year[row]), position, -1),
        "share": np.where(shared, position, -1),
        "full_share": np.where(full_share, position, -1),
    }
    last = _per_indicator(marks, row, len(sheet), "max", -1)
    at = {name: last[:, index] for index, name in enumerate(marks)}
    at["first_full"] = np.where(at["first_full"] > 0, len(points) - at["first_full"], -1)
    at["previous_full"] = _before(full, row)[at["compared"]]
    at["previous_share"] = _before(full_share, row)[at["full_share"]]
    period = points["period"].to_numpy(dtype=object)
    found = {
        "latest_period": _take(period, at["latest"]),
        "latest_year": _take(year, at["latest"]),
        "latest_value": _take(value, at["latest"]),
        "latest_partial": _take(partial.astype(float), at["latest"]),
        "compared_year": _take(year, at["compared"]),
        "compared_value": _take(value, at["compared"]),
        "previous_full_year": _take(year, at["previous_full"]),
        "previous_full_value": _take(value, at["previous_full"]),
        "share_period": _take(period, at["share"]),
        "share_latest": _take(share, at["share"]),
        "share_partial": _take(partial.astype(float), at["share"]),
        "share_previous": _take(share, at["previous_share"]),
    }
    found["share_change"] = _take(share, at["full_share"]) - found["share_previous"]
    found["partial_periods"] = np.full(len(sheet), "", dtype=object)
    if partial.any():
        joined = points[partial].groupby(ROW)["period"].agg("; ".join)
        found["partial_periods"][joined.index.to_numpy()] = joined.to_numpy()
    _baseline(
        found, sheet, _take(value, at["same_year"]), _take(year, at["first_full"]), _take(value, at["first_full"])
    )
    _changes(found, sheet)
    _projection(found, sheet, row[full], year[full], value[full], end_year)
    return found


def _per_indicator(columns: dict[str, np.ndarray], row: np.ndarray, count: int, how: str, none: float) -> np.ndarray:
    """The columns aggregated per indicator (`how`: a pandas group-by aggregation), one row per indicator of the
    sheet, `none` for an indicator without points."""
    frame = pd.DataFrame(np.column_stack(list(columns.values())), columns=list(columns))
    return frame.groupby(row).agg(how).reindex(pd.RangeIndex(count), fill_value=none).to_numpy()


def _before(mask: np.ndarray, row: np.ndarray) -> np.ndarray:
    """Per point, the position of the indicator's point before it among those in `mask` (-1: none); -1 maps to
    -1, so the result can be indexed with positions that may be -1."""
    chosen = np.flatnonzero(mask)
    before = np.full(len(mask) + 1, -1)
    same = row[chosen[1:]] == row[chosen[:-1]]
    before[chosen[1:]] = np.where(same, chosen[:-1], -1)
    return before


def _take(values: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """values[positions], missing (NaN or None) where a position is -1."""
    missing = None if values.dtype == object else np.nan
    if not len(values):
        return np.full(len(positions), missing, dtype=values.dtype)
    return np.where(positions >= 0, values[np.maximum(positions, 0)], missing)


def _baseline(
    found: dict[str, np.ndarray], sheet: Sheet, same_year: np.ndarray, first_year: np.ndarray, first: np.ndarray
) -> None:
    """The Nulmeting on the sheet (its value, or the full-year measurement of its year), else the first full-year
    measurement; the direction typed, else target against baseline as the report prints them."""
    sheet_year, sheet_value = sheet.baseline_year, sheet.baseline_value
    from_sheet = ~np.isnan(sheet_value)
    from_year = ~from_sheet & ~np.isnan(sheet_year) & ~np.isnan(same_year)
    from_first = ~from_sheet & ~from_year & ~np.isnan(first_year)
    nulmeting = from_sheet | from_year
    found["baseline_year"] = np.select([nulmeting, from_first], [sheet_year, first_year], np.nan)
    found["baseline_value"] = np.select([from_sheet, from_year, from_first], [sheet_value, same_year, first], np.nan)
    found["baseline_origin"] = np.select([nulmeting, from_first], ["nulmeting", "eerste meting"], "")
    # A Nulmeting from the sheet counts as a measurement of its year when no full-year value has that year.
    found["baseline_point"] = nulmeting & ~np.isnan(sheet_year) & np.isnan(same_year)
    found["direction"] = np.array(
        [
            _DIRECTION_WORDS.get(" ".join(typed.casefold().split())) or _direction_of(baseline, target, unit)
            for typed, baseline, target, unit in zip(
                sheet.direction, found["baseline_value"].tolist(), sheet.target_value.tolist(), sheet.unit, strict=True
            )
        ],
        dtype=object,
    )


def _direction_of(baseline: float, target: float, unit: str) -> str:
    if baseline != baseline or target != target:
        return ""
    # Target against baseline as the report prints them (see reporting.figures.verdict): equal there means keep.
    printed_target, printed_baseline = shown(target, unit), shown(baseline, unit)
    if printed_target > printed_baseline:
        return RISE
    return FALL if printed_target < printed_baseline else KEEP


def _changes(found: dict[str, np.ndarray], sheet: Sheet) -> None:
    """The changes against the previous full year (the Nulmeting counts as one) and against the baseline, per
    year, and the attainment of the target."""
    compared_year, compared_value = found["compared_year"], found["compared_value"]
    baseline_year, baseline_value = found["baseline_year"], found["baseline_value"]
    previous_year, previous_value = found["previous_full_year"], found["previous_full_value"]
    baseline_before = found["baseline_point"] & (baseline_year < compared_year)
    baseline_later = baseline_before & ~(previous_year >= baseline_year)
    found["previous_year"] = np.where(baseline_later, baseline_year, previous_year)
    found["previous_value"] = np.where(baseline_later, baseline_value, previous_value)
    with np.errstate(divide="ignore", invalid="ignore"):
        found["change_previous"] = compared_value - found["previous_value"]
        found["change_previous_pct"] = _pct(found["change_previous"], found["previous_value"])
        # A change to report: a baseline, and a later (or, for a Nulmeting without a year, any) full-year value.
        evolves = ~np.isnan(compared_value) & ~np.isnan(baseline_value)
        evolves &= np.isnan(baseline_year) | (compared_year > baseline_year)
        change = np.where(evolves, compared_value - baseline_value, np.nan)
        found["change_baseline"] = change
        found["change_baseline_pct"] = _pct(change, baseline_value)
        found["yearly_change"] = change / (compared_year - baseline_year)
        target = sheet.target_value
        distance = [
            target_value == target_value and shown(target_value, unit) != shown(baseline, unit)
            for target_value, baseline, unit in zip(
                np.where(evolves, target, np.nan).tolist(), baseline_value.tolist(), sheet.unit, strict=True
            )
        ]
        found["attainment_pct"] = np.where(distance, change / (target - baseline_value) * 100, np.nan)


def _pct(change: np.ndarray, base: np.ndarray) -> np.ndarray:
    return np.where(base != 0, change / np.abs(base) * 100, np.nan)


def _projection(
    found: dict[str, np.ndarray],
    sheet: Sheet,
    row: np.ndarray,
    year: np.ndarray,
    value: np.ndarray,
    end_year: int | None,
) -> None:
    """The value in the projection year (the target year, else the plan's end year) on the least-squares line
    through each indicator's full-year values (`row`, `year`, `value`), with at least MIN_PROJECTION_POINTS."""
    target_year = sheet.target_year
    fallback = np.nan if end_year is None else float(end_year)
    projection_year = np.where(~np.isnan(target_year) & (target_year != 0), target_year, fallback)
    # Years counted from the projection year: the line's value there is its intercept, and the sums stay small.
    years = year - projection_year[row]
    line = {"n": np.ones(len(row)), "x": years, "y": value, "xx": years * years, "xy": years * value}
    sums = _per_indicator(line, row, len(sheet), "sum", 0.0)
    extra = found["baseline_point"]
    x = np.where(extra, found["baseline_year"] - projection_year, 0.0)
    y = np.where(extra, found["baseline_value"], 0.0)
    n = sums[:, 0] + extra
    sx, sy = sums[:, 1] + x, sums[:, 2] + y
    sxx, sxy = sums[:, 3] + x * x, sums[:, 4] + x * y
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = (n * sxy - sx * sy) / (n * sxx - sx * sx)
        projected = (sy - slope * sx) / n
    found["line_years"] = n.astype(int)
    found["projection_year"] = projection_year
    # Kept to 9 decimals: the float noise in the last digits would decide how a value exactly halfway prints.
    found["projection_value"] = np.where(n >= MIN_PROJECTION_POINTS, np.round(projected, 9), np.nan)


def _values(column: np.ndarray) -> list:
    """The column as plain Python values, None where missing."""
    return [None if v is None or v != v else v for v in column.tolist()]


def _years(column: np.ndarray) -> list[int | None]:
    return [None if v != v else int(v) for v in column.tolist()]


def _flags(column: np.ndarray) -> list[bool | None]:
    return [None if v != v else bool(v) for v in column.tolist()]


# The figures of a quantitative indicator, and how each becomes a plain value; a descriptive one has none.
FIGURES = {
    "baseline_year": _years,
    "baseline_value": _values,
    "latest_period": _values,
    "latest_year": _years,
    "latest_value": _values,
    "latest_partial": _flags,
    "compared_year": _years,
    "compared_value": _values,
    "previous_year": _years,
    "previous_value": _values,
    "change_previous": _values,
    "change_previous_pct": _values,
    "change_baseline": _values,
    "change_baseline_pct": _values,
    "yearly_change": _values,
    "attainment_pct": _values,
    "projection_year": _years,
    "projection_value": _values,
    "share_period": _values,
    "share_latest": _values,
    "share_partial": _flags,
    "share_previous": _values,
    "share_change": _values,
}


def _trends(
    sheet: Sheet,
    found: dict[str, np.ndarray],
    points: pd.DataFrame,
    year: int | None,
    measured: list[bool] | None,
) -> tuple[Trend, ...]:
    """One Trend per indicator, with its verdict."""
    quantitative = sheet.quantitative
    columns = {name: convert(np.where(quantitative, found[name], np.nan)) for name, convert in FIGURES.items()}
    columns.update(
        code=sheet.code.tolist(),
        text=sheet.text,
        parent_code=sheet.parent_code,
        cell=sheet.cell,
        quantitative=quantitative.tolist(),
        unit=sheet.unit,
        direction=np.where(quantitative, found["direction"], "").tolist(),
        baseline_origin=np.where(quantitative, found["baseline_origin"], "").tolist(),
        target_year=_years(sheet.target_year),
        target_value=_values(sheet.target_value),
        points=_point_tuples(points, len(sheet)),
        line_years=np.where(quantitative, found["line_years"], 0).tolist(),
        partial_periods=found["partial_periods"].tolist(),
        measured_in_year=measured if measured is not None else [None] * len(sheet),
        year=[year] * len(sheet),
    )
    # In the order of Trend's fields, verdict and reason last: positional, as a report builds thousands.
    ordered = [columns[name] for name in _FIELDS]
    trends = []
    for values in zip(*ordered, strict=True):
        if values[_QUANTITATIVE]:
            verdict, reason = verdict_and_reason(Trend(*values))
        else:
            verdict, reason = "", _descriptive_reason(year, values[_MEASURED])
        trends.append(Trend(*values, verdict, reason))
    return tuple(trends)


_FIELDS = [f.name for f in fields(Trend) if f.name not in ("verdict", "reason")]
_QUANTITATIVE, _MEASURED = _FIELDS.index("quantitative"), _FIELDS.index("measured_in_year")


def _point_tuples(points: pd.DataFrame, count: int) -> list[tuple[Point, ...]]:
    """Each indicator's points, in the order of the sheet (`points` is sorted by ROW)."""
    made = [
        Point(period, int(year), partial, value, share, cell)
        for period, year, partial, value, share, cell in zip(
            points["period"].tolist(),
            points["year"].tolist(),
            points["partial"].tolist(),
            _values(points["value"].to_numpy()),
            _values(points["share"].to_numpy()),
            points["cell"].tolist(),
            strict=True,
        )
    ]
    bounds = np.searchsorted(points[ROW].to_numpy(), np.arange(count + 1)).tolist()
    return [tuple(made[bounds[i] : bounds[i + 1]]) for i in range(count)]


def _descriptive_reason(year: int | None, measured: bool | None) -> str:
    if year is None:
        return "Beschrijvende indicator: geen cijfers."
    return f"Beschrijvende indicator, gemeten in {year}: {'ja' if measured else 'nee'}."
