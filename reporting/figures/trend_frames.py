"""The frames trends are computed on: all measurements, the indicators, and the points of each indicator."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from workbook.plan.model import Plan
from workbook.plan.numbers import parse_year

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


def typed_measurements(measurements: pd.DataFrame) -> pd.DataFrame:
    """Years as numbers (a year typed as text "2025", number 2025 or 2025.0 is one and the same period), values
    and shares as floats (NaN when missing), texts as texts."""
    years = measurements["year"]
    if not pd.api.types.is_numeric_dtype(years) or pd.api.types.is_bool_dtype(years):
        years = pd.Series([parse_year(y) for y in years], index=years.index, dtype=object)
    years = years.to_numpy(dtype=float, na_value=np.nan)
    valid = (years % 1 == 0) & (years >= 1900) & (years <= 2100)
    return pd.DataFrame(
        {
            CODE: measurements[CODE].to_numpy(dtype=object),
            "period": measurements["period"].to_numpy(dtype=object),
            "year": np.where(valid, years, np.nan),
            "partial": measurements["partial"].fillna(False).to_numpy(dtype=bool),
            "value": measurements["value"].to_numpy(dtype=float, na_value=np.nan),
            "share": measurements["share"].to_numpy(dtype=float, na_value=np.nan),
            "cell": measurements["cell"].fillna("").to_numpy(dtype=object),
            "order": measurements["order"].to_numpy(),
        }
    )


class Sheet:
    """The indicators as typed columns, in the order of the sheet."""

    def __init__(self, indicators: pd.DataFrame) -> None:
        self.code = indicators["code"].to_numpy(dtype=object)
        self.text, self.parent_code, self.cell = (_texts(indicators[c]) for c in ("text", "parent_code", "cell"))
        self.unit = [text or "" for text in _texts(indicators["unit"])]
        kinds = _texts(indicators["kind"])
        self.quantitative = np.array([str(k or "").strip().casefold() == "kwantitatief" for k in kinds], dtype=bool)
        self.direction = [str(d or "") for d in _texts(indicators["direction"])]
        self.baseline_year, self.target_year = (
            np.trunc(indicators[c].to_numpy(dtype=float, na_value=np.nan)) for c in ("baseline_year", "target_year")
        )
        self.baseline_value, self.target_value = (
            indicators[c].to_numpy(dtype=float, na_value=np.nan) for c in ("baseline_value", "target_value")
        )

    def __len__(self) -> int:
        return len(self.code)


def _texts(column: pd.Series) -> list[object]:
    return [None if pd.isna(text) else text for text in column.tolist()]


def points_by_indicator(sheet: Sheet, usable: pd.DataFrame) -> pd.DataFrame:
    """The measurements of each indicator (by its ROW on the sheet), oldest first: by year, a full year after
    the part of it; a period typed twice counts once, the lower row winning, as when the officer corrects a
    value by adding a row."""
    unique, rows_of_code = pd.factorize(sheet.code)
    code = pd.Index(rows_of_code).get_indexer(usable[CODE])
    if len(rows_of_code) == len(sheet):
        points = usable[code >= 0].assign(**{ROW: code[code >= 0]})
    else:  # indicators sharing a code (a faulty workbook) each get the code's measurements
        by_code = np.argsort(unique, kind="stable")
        count = np.bincount(unique, minlength=len(rows_of_code))
        start = np.concatenate(([0], np.cumsum(count)[:-1]))
        repeat = np.where(code >= 0, count[code], 0)
        taken = np.repeat(np.arange(len(usable)), repeat)
        within = np.arange(len(taken)) - np.repeat(np.cumsum(repeat) - repeat, repeat)
        points = usable.iloc[taken].assign(**{ROW: by_code[start[code[taken]] + within]})
    points = points.sort_values([ROW, "year", "partial", "order"])
    return points[~points.duplicated([ROW, "year", "partial"], keep="last")].reset_index(drop=True)
