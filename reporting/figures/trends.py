"""Indicator trends: one frame of all measurements, each indicator's figures computed on it, a Trend each.

`measurement_frame` holds every measurement (MEASUREMENT_COLUMNS), `indicator_frame` every indicator
(INDICATOR_COLUMNS); `compute_trends` works out the figures of reporting.figures.trend.Trend on them by indicator,
column by column, and hands on one Trend per indicator, in the order of the Indicatoren sheet, with its verdict
(reporting.figures.verdict). This is the one module that imports pandas: commands without trends never load it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import numpy as np
import pandas as pd

from reporting.figures.trend import Point, Trend
from reporting.figures.verdict import FALL, KEEP, RISE, verdict_and_reason
from reporting.figures.words import shown
from workbook.plan.model import Plan
from workbook.plan.numbers import parse_year

__all__ = ["compute_trends", "indicator_frame", "indicator_trends", "measurement_frame"]

MIN_PROJECTION_POINTS = 3
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
CODE = "indicator_code"
ROW = "row"  # an indicator's position on the sheet: two indicators may share a code in a faulty workbook

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


def indicator_frame(plan: Plan) -> pd.DataFrame:
    """The indicators as a table (INDICATOR_COLUMNS)."""
    found = plan.indicators
    return pd.DataFrame(
        {
            "code": [i.code for i in found],
            "text": [i.text for i in found],
            "parent_code": [i.parent_code for i in found],
            "cell": [i.origin.cell("text") for i in found],
            "kind": [i.kind for i in found],
            "unit": [i.unit for i in found],
            "direction": [i.direction for i in found],
            "baseline_year": _numbers(i.baseline_year for i in found),
            "baseline_value": _numbers(i.baseline_value for i in found),
            "target_year": _numbers(i.target_year for i in found),
            "target_value": _numbers(i.target_value for i in found),
        },
        columns=list(INDICATOR_COLUMNS),
    )


def measurement_frame(plan: Plan) -> pd.DataFrame:
    """The long table of all measurements: one row per indicator and period, in the sheet's order
    (MEASUREMENT_COLUMNS)."""
    found = plan.measurements
    return pd.DataFrame(
        {
            CODE: [m.indicator_code for m in found],
            "period": [m.period for m in found],
            "year": _numbers(m.year for m in found),
            "partial": np.array([bool(m.partial) for m in found], dtype=bool),
            "value": _numbers(m.value for m in found),
            "share": _numbers(m.share for m in found),
            "cell": [m.origin.cell("value") for m in found],
            "order": np.arange(len(found)),
        },
        columns=list(MEASUREMENT_COLUMNS),
    )


def _numbers(values: Iterable[object]) -> np.ndarray:
    return np.array([np.nan if v is None else float(v) for v in values], dtype=float)


def compute_trends(
    indicators: pd.DataFrame, measurements: pd.DataFrame, year: int | str | None = None, end_year: int | None = None
) -> tuple[Trend, ...]:
    """The trends from an indicator table and a long measurement table (see `indicator_frame` and
    `measurement_frame`); `end_year` is where a projection goes when an indicator has no target year."""
    year = parse_year(year) if year is not None else None
    found = _typed_measurements(measurements)
    measured = set(found.loc[found["year"] == year, CODE]) if year is not None else set()
    usable = found[found["year"].notna()]
    if year is not None:
        usable = usable[usable["year"] <= year]
    # A period typed twice: the lower row wins, as when the officer corrects a value by adding a row.
    usable = usable.sort_values("order").drop_duplicates([CODE, "year", "partial"], keep="last")
    usable = usable.sort_values([CODE, "year", "partial", "order"])
    frame = _typed_indicators(indicators)
    _add_latest(frame, usable)
    _add_shares(frame, usable)
    full = usable[usable["value"].notna() & ~usable["partial"]]
    _add_baseline(frame, full)
    series = _full_series(frame, full)
    _add_changes(frame, series)
    _add_projection(frame, series, end_year)
    frame["measured_in_year"] = frame["code"].isin(measured) if year is not None else None
    return _trends(frame, _points(usable), year)


def _typed_measurements(measurements: pd.DataFrame) -> pd.DataFrame:
    """Years as numbers (a year typed as text "2025", number 2025 or 2025.0 is one and the same period), values
    and shares as floats (NaN when missing), texts as texts."""
    typed = measurements.copy()
    years = measurements["year"]
    if not pd.api.types.is_numeric_dtype(years) or pd.api.types.is_bool_dtype(years):
        years = pd.Series([parse_year(y) for y in years], index=years.index, dtype=object)
    years = pd.to_numeric(years).astype(float)
    typed["year"] = years.where((years % 1 == 0) & years.between(1900, 2100))
    typed["value"] = pd.to_numeric(measurements["value"]).astype(float)
    typed["share"] = pd.to_numeric(measurements["share"]).astype(float)
    typed["partial"] = measurements["partial"].fillna(False).astype(bool)
    typed["cell"] = measurements["cell"].fillna("").astype(object)
    typed[CODE] = measurements[CODE].astype(object)
    typed["period"] = measurements["period"].astype(object)
    return typed


def _typed_indicators(indicators: pd.DataFrame) -> pd.DataFrame:
    frame = indicators.reset_index(drop=True)
    typed = pd.DataFrame({"code": frame["code"].astype(object)})
    for column in ("text", "parent_code", "cell"):
        typed[column] = frame[column].astype(object).where(frame[column].notna(), None)
    typed["unit"] = frame["unit"].fillna("").astype(object)
    kind = frame["kind"].fillna("").astype(str)
    typed["quantitative"] = kind.str.strip().str.casefold() == "kwantitatief"
    typed["typed_direction"] = frame["direction"].fillna("").astype(str)
    for column in ("baseline_year", "target_year"):
        typed[column] = np.trunc(pd.to_numeric(frame[column]).astype(float))
    for column in ("baseline_value", "target_value"):
        typed[column] = pd.to_numeric(frame[column]).astype(float)
    typed[ROW] = np.arange(len(typed))
    return typed


def _by_code(frame: pd.DataFrame, per_code: pd.DataFrame, columns: dict[str, str]) -> None:
    """Copy per-code columns (one row per indicator code) onto the indicator rows, under new names."""
    aligned = per_code.reindex(frame["code"].to_numpy())
    for source, target in columns.items():
        frame[target] = aligned[source].to_numpy()


def _add_latest(frame: pd.DataFrame, usable: pd.DataFrame) -> None:
    valued = usable[usable["value"].notna()]
    latest = valued.drop_duplicates(CODE, keep="last").set_index(CODE)
    _by_code(
        frame,
        latest,
        {"period": "latest_period", "year": "latest_year", "value": "latest_value", "partial": "latest_partial"},
    )
    full = valued[~valued["partial"]]
    compared = full.drop_duplicates(CODE, keep="last").set_index(CODE)
    _by_code(frame, compared, {"year": "compared_year", "value": "compared_value"})
    partial = usable[usable["partial"]].groupby(CODE)["period"].agg("; ".join)
    frame["partial_periods"] = partial.astype(object).reindex(frame["code"].to_numpy()).fillna("").to_numpy()


def _add_shares(frame: pd.DataFrame, usable: pd.DataFrame) -> None:
    shared = usable[usable["share"].notna()]
    latest = shared.drop_duplicates(CODE, keep="last").set_index(CODE)
    _by_code(frame, latest, {"period": "share_period", "share": "share_latest", "partial": "share_partial"})
    last_two = shared[~shared["partial"]].groupby(CODE).tail(2).groupby(CODE)["share"].agg(["first", "last", "size"])
    last_two = last_two[last_two["size"] == 2]
    last_two["change"] = last_two["last"] - last_two["first"]
    _by_code(frame, last_two, {"first": "share_previous", "change": "share_change"})


def _add_baseline(frame: pd.DataFrame, full: pd.DataFrame) -> None:
    """The Nulmeting on the sheet (its value, or the full-year measurement of its year), else the first full-year
    measurement; the direction typed, else target against baseline as the report prints them."""
    sheet_year, sheet_value = frame["baseline_year"], frame["baseline_value"]
    same_year = frame[["code", "baseline_year"]].merge(
        full[[CODE, "year", "value"]], how="left", left_on=["code", "baseline_year"], right_on=[CODE, "year"]
    )["value"]
    first = full.drop_duplicates(CODE, keep="first").set_index(CODE).reindex(frame["code"].to_numpy())
    from_sheet = sheet_value.notna().to_numpy()
    from_year = ~from_sheet & sheet_year.notna().to_numpy() & same_year.notna().to_numpy()
    from_first = ~from_sheet & ~from_year & first["year"].notna().to_numpy()
    frame["baseline_year"] = np.select(
        [from_sheet | from_year, from_first], [sheet_year, first["year"].to_numpy()], np.nan
    )
    frame["baseline_value"] = np.select(
        [from_sheet, from_year, from_first], [sheet_value, same_year.to_numpy(), first["value"].to_numpy()], np.nan
    )
    frame["baseline_origin"] = np.select([from_sheet | from_year, from_first], ["nulmeting", "eerste meting"], "")
    words = frame["typed_direction"].str.casefold().str.split().str.join(" ").map(_DIRECTION_WORDS)
    frame["direction"] = [
        word if isinstance(word, str) else _direction_of(baseline, target, unit)
        for word, baseline, target, unit in zip(
            words, frame["baseline_value"], frame["target_value"], frame["unit"], strict=True
        )
    ]


def _direction_of(baseline: float, target: float, unit: str) -> str:
    if baseline != baseline or target != target:
        return ""
    # Target against baseline as the report prints them (see reporting.figures.verdict): equal there means keep.
    printed_target, printed_baseline = shown(target, unit), shown(baseline, unit)
    if printed_target > printed_baseline:
        return RISE
    return FALL if printed_target < printed_baseline else KEEP


def _full_series(frame: pd.DataFrame, full: pd.DataFrame) -> pd.DataFrame:
    """Each indicator's full-year values by year (ROW, year, value); a Nulmeting from the sheet counts as a
    measurement of its year."""
    measured = frame[[ROW, "code"]].merge(full[[CODE, "year", "value"]], left_on="code", right_on=CODE)
    baselines = frame.loc[
        (frame["baseline_origin"] == "nulmeting") & frame["baseline_year"].notna(),
        [ROW, "baseline_year", "baseline_value"],
    ].set_axis([ROW, "year", "value"], axis=1)
    taken = pd.MultiIndex.from_frame(measured[[ROW, "year"]])
    baselines = baselines[~pd.MultiIndex.from_frame(baselines[[ROW, "year"]]).isin(taken)]
    series = pd.concat([measured[[ROW, "year", "value"]], baselines], ignore_index=True)
    return series.sort_values([ROW, "year"], ignore_index=True)


def _add_changes(frame: pd.DataFrame, series: pd.DataFrame) -> None:
    """The changes against the previous full year and against the baseline, per year, and the attainment."""
    compared_year, compared_value = frame["compared_year"], frame["compared_value"]
    frame["line_years"] = series.groupby(ROW).size().reindex(frame[ROW]).fillna(0).astype(int).to_numpy()
    before = series[series["year"].to_numpy() < compared_year.to_numpy()[series[ROW].to_numpy()]]
    previous = before.drop_duplicates(ROW, keep="last").set_index(ROW).reindex(frame[ROW])
    frame["previous_year"] = previous["year"].to_numpy()
    frame["previous_value"] = previous["value"].to_numpy()
    frame["change_previous"] = compared_value - frame["previous_value"]
    frame["change_previous_pct"] = _pct(frame["change_previous"], frame["previous_value"])
    baseline_year, baseline_value = frame["baseline_year"], frame["baseline_value"]
    # A change to report: a baseline, and a later (or, for a Nulmeting without a year, any) full-year value.
    evolves = compared_value.notna() & baseline_value.notna() & (baseline_year.isna() | (compared_year > baseline_year))
    change = (compared_value - baseline_value).where(evolves)
    frame["change_baseline"] = change
    frame["change_baseline_pct"] = _pct(change, baseline_value)
    frame["yearly_change"] = change / (compared_year - baseline_year)
    target = frame["target_value"]
    distance = [
        target_value == target_value and shown(target_value, unit) != shown(baseline, unit)
        for target_value, baseline, unit in zip(target.where(evolves), baseline_value, frame["unit"], strict=True)
    ]
    frame["attainment_pct"] = (change / (target - baseline_value) * 100).where(distance)


def _pct(change: pd.Series, base: pd.Series) -> pd.Series:
    return (change / base.abs() * 100).where(base.notna() & (base != 0))


def _add_projection(frame: pd.DataFrame, series: pd.DataFrame, end_year: int | None) -> None:
    """The value in the projection year on the least-squares line through each indicator's full-year values."""
    target_year = frame["target_year"]
    fallback = np.nan if end_year is None else float(end_year)
    frame["projection_year"] = target_year.where(target_year.notna() & (target_year != 0), fallback)
    lines = series[series[ROW].map(frame["line_years"]) >= MIN_PROJECTION_POINTS]
    grouped = lines.groupby(ROW)
    x = lines["year"] - grouped["year"].transform("mean")
    y = lines["value"] - grouped["value"].transform("mean")
    fit = pd.DataFrame({ROW: lines[ROW], "xy": x * y, "xx": x * x}).groupby(ROW).sum()
    fit["slope"] = fit["xy"] / fit["xx"]
    fit["mean_year"] = grouped["year"].mean()
    fit["mean_value"] = grouped["value"].mean()
    fit = fit.reindex(frame[ROW])
    projected = fit["mean_value"].to_numpy() + fit["slope"].to_numpy() * (
        frame["projection_year"].to_numpy() - fit["mean_year"].to_numpy()
    )
    frame["projection_value"] = projected


def _points(usable: pd.DataFrame) -> dict[str, list[Point]]:
    """The points of each indicator code, oldest first (`usable` is sorted so)."""
    found: dict[str, list[Point]] = {}
    columns = zip(
        usable[CODE],
        usable["period"],
        usable["year"].astype(int),
        usable["partial"],
        _values(usable["value"]),
        _values(usable["share"]),
        usable["cell"],
        strict=True,
    )
    for code, period, year, partial, value, share, cell in columns:
        found.setdefault(code, []).append(Point(period, int(year), bool(partial), value, share, cell or ""))
    return found


def _values(column: pd.Series) -> list:
    """The column as plain Python values, None where missing."""
    return column.astype(object).where(column.notna(), None).tolist()


def _years(column: pd.Series) -> list[int | None]:
    return [None if y is None else int(y) for y in _values(column)]


def _flags(column: pd.Series) -> list[bool | None]:
    return [None if f is None else bool(f) for f in _values(column)]


FIGURES = {
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
    "baseline_year": _years,
    "baseline_value": _values,
}


def _trends(frame: pd.DataFrame, points: dict[str, list[Point]], year: int | None) -> tuple[Trend, ...]:
    """One Trend per indicator row, with its verdict; a descriptive indicator gets no figures."""
    quantitative = frame["quantitative"]
    columns = {name: convert(frame[name].where(quantitative)) for name, convert in FIGURES.items()}
    columns.update(
        code=frame["code"].tolist(),
        text=frame["text"].tolist(),
        parent_code=frame["parent_code"].tolist(),
        cell=frame["cell"].tolist(),
        quantitative=quantitative.tolist(),
        unit=frame["unit"].tolist(),
        direction=frame["direction"].where(quantitative, "").tolist(),
        baseline_origin=frame["baseline_origin"].where(quantitative, "").tolist(),
        target_year=_years(frame["target_year"]),
        target_value=_values(frame["target_value"]),
        line_years=frame["line_years"].where(quantitative, 0).tolist(),
        partial_periods=frame["partial_periods"].tolist(),
        measured_in_year=_flags(frame["measured_in_year"]) if year is not None else [None] * len(frame),
    )
    names = list(columns)
    trends = []
    for values in zip(*columns.values(), strict=True):
        fields = dict(zip(names, values, strict=True))
        trend = Trend(points=tuple(points.get(fields["code"], ())), year=year, **fields)
        if trend.quantitative:
            verdict, reason = verdict_and_reason(trend)
        else:
            verdict, reason = "", _descriptive_reason(year, trend.measured_in_year)
        trends.append(replace(trend, verdict=verdict, reason=reason))
    return tuple(trends)


def _descriptive_reason(year: int | None, measured: bool | None) -> str:
    if year is None:
        return "Beschrijvende indicator: geen cijfers."
    return f"Beschrijvende indicator, gemeten in {year}: {'ja' if measured else 'nee'}."
