"""One indicator's trend as the reports use it: its measured points, its figures, the verdict and its reason."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Point:
    """One measurement of an indicator: its period as typed ("2021 (juni-december)"), year, whether it covers
    only part of the year, its value, its share in percent ("381 (52%)" keeps 52) and its cell."""

    period: str
    year: int
    partial: bool
    value: float | None
    share: float | None
    cell: str = ""


@dataclass(frozen=True, slots=True)
class Trend:
    """The figures of one indicator, as of `year` (measurements after it are left out); None where a figure
    cannot be computed. Descriptive indicators (not `quantitative`) get no figures, only `measured_in_year`.

    Every change is computed on the most recent full-year measurement (`compared_*`): a period covering only
    part of a year is never compared with full years. Percentages are in percent (22.5 means 22,5%).
    """

    code: str  # e.g. "A10911-I4"
    text: str  # the indicator as the officer wrote it
    parent_code: str | None  # the result or action it belongs to ("1.3.3", "A10911")
    cell: str  # the indicator's cell, e.g. "Indicatoren!C5"
    quantitative: bool  # kind "kwantitatief"
    unit: str  # as typed: "aantal", "percentage", "euro", ...
    # "stijgen" | "dalen" | "behouden"; when the sheet leaves it empty it follows from target against baseline;
    # "" when it cannot be known
    direction: str
    baseline_year: int | None
    baseline_value: float | None
    # "nulmeting" (Nulmeting jaar/waarde on the Indicatoren sheet) | "eerste meting" (the first full-year
    # measurement stands in) | "" (none)
    baseline_origin: str
    target_year: int | None  # Streefjaar
    target_value: float | None  # Streefwaarde
    points: tuple[Point, ...]  # every measurement up to the year, oldest first; charts draw these
    latest_period: str | None  # the most recent measurement with a value
    latest_year: int | None
    latest_value: float | None
    latest_partial: bool | None  # True when it covers only part of a year
    compared_year: int | None  # the most recent full-year measurement
    compared_value: float | None
    previous_year: int | None  # the full-year measurement before it (the baseline counts as a measurement)
    previous_value: float | None
    change_previous: float | None  # compared_value - previous_value
    change_previous_pct: float | None  # that change in percent of previous_value
    change_baseline: float | None  # compared_value - baseline_value
    change_baseline_pct: float | None  # that change in percent of baseline_value
    yearly_change: float | None  # change_baseline / (compared_year - baseline_year)
    # (compared - baseline) / (target - baseline) in percent; None when target or baseline is missing or target
    # equals baseline as printed
    attainment_pct: float | None
    line_years: int  # years with a full-year value (a Nulmeting on the sheet counts): the points of the line
    projection_year: int | None  # the target year, else the plan's end year
    # value at projection_year on the least-squares line through the full-year values, with 3 or more of them
    projection_value: float | None
    share_period: str | None  # period of the most recent share
    share_latest: float | None  # that share, in percent
    share_partial: bool | None  # True when that period covers only part of a year
    share_previous: float | None  # the full-year share before the latest full-year share
    share_change: float | None  # latest full-year share - share_previous, in percentage points
    partial_periods: str  # periods covering only part of a year, joined by "; "
    year: int | None  # the year the trend is computed for
    measured_in_year: bool | None  # a measurement row exists for `year`; None without a year
    # "op koers" | "aandacht" | "niet op koers" | "geen gegevens"; "" for descriptive indicators
    verdict: str = ""
    reason: str = ""  # the verdict explained in Dutch sentences

    @property
    def valued(self) -> tuple[Point, ...]:
        """The points with a value."""
        return tuple(p for p in self.points if p.value is not None)

    @property
    def full(self) -> tuple[Point, ...]:
        """The full-year points with a value."""
        return tuple(p for p in self.points if p.value is not None and not p.partial)
