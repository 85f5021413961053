"""Charts for the report: a line chart per quantitative indicator and an action-status chart per objective,
planned from the figures (with their text alternative) and built as native Word charts when a document shows them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from reporting.figures import formatting
from reporting.figures.trend import Trend
from reporting.figures.words import format_value

if TYPE_CHECKING:
    from reporting.chart_xml import ChartPart
    from reporting.rollups import PlanRollup

# Height of a line chart as a share of its width; a status chart grows with its bars.
LINE_ASPECT = 0.47
STATUS_BASE_CM, STATUS_BAR_CM = 2.6, 0.85


@dataclass(frozen=True)
class PlannedChart:
    """A chart to show: what building it takes, and its text alternative."""

    kind: str  # "line" | "status"
    spec: Mapping[str, object]
    alt_text: str

    def height_cm(self, width_cm: float) -> float:
        if self.kind == "line":
            return round(width_cm * LINE_ASPECT, 2)
        return round(STATUS_BASE_CM + STATUS_BAR_CM * len(self.spec["rows"]), 2)

    def build(self, created: datetime, font: str | None = None) -> ChartPart:
        """The chart part and its data workbook, dated `created` (the document's date), in the document's font."""
        from reporting.chart_xml import line_chart, status_chart

        make = line_chart if self.kind == "line" else status_chart
        return make(self.spec, created, font)


def planned_charts(
    trends: Iterable[Trend] | None, rollup: PlanRollup | None, status_codes: Iterable[str]
) -> tuple[dict[str, PlannedChart], dict[str, PlannedChart]]:
    """A line chart per quantitative indicator with a value, and a status chart per objective in `status_codes`,
    by code; a document builds only those it shows."""
    lines = {}
    for trend in trends if trends is not None else ():
        if _drawable(trend):
            spec = _line_spec(trend)
            lines[spec["code"]] = PlannedChart("line", spec, _line_alt_text(spec))
    bars = {}
    for code in status_codes if rollup is not None else ():
        spec = _status_spec(rollup, code)
        bars[code] = PlannedChart("status", spec, _status_alt_text(spec))
    return lines, bars


# ---- indicator line charts ----


def _drawable(trend: Trend) -> bool:
    return trend.quantitative and bool(trend.valued)


def _line_spec(trend: Trend) -> dict[str, object]:
    """The figures a line chart and its alt text need, as plain values."""
    return {
        "code": trend.code,
        "text": trend.text,
        "unit": trend.unit,
        "points": tuple((p.period, p.year, p.partial, p.value, p.share) for p in trend.valued),
        "baseline": _pair(trend.baseline_year, trend.baseline_value),
        "baseline_origin": trend.baseline_origin,
        "target": _pair(trend.target_year, trend.target_value),
        "projection": _pair(trend.projection_year, trend.projection_value),
        "verdict": trend.verdict,
    }


def _pair(year: object, value: object) -> tuple[int, float] | None:
    if value is None or year is None:
        return None
    return int(year), float(value)


def _line_alt_text(spec: Mapping[str, object]) -> str:
    unit = spec["unit"]
    values = []
    for period, _, partial, value, share in spec["points"]:
        text = f"{period}: {format_value(value, unit)}"
        if share is not None:
            text += f" ({formatting.percent(share, 1)})"
        if partial:
            text += ", deel van een jaar"
        values.append(text)
    parts = [f"Lijngrafiek van de indicator {spec['code']}, {spec['text']}. Waarden per jaar: {'; '.join(values)}."]
    if spec["baseline"]:
        year, value = spec["baseline"]
        word = "Nulmeting" if spec["baseline_origin"] == "nulmeting" else "Eerste meting als nulmeting"
        parts.append(f"{word}: {format_value(value, unit)} in {year}.")
    if spec["target"]:
        year, value = spec["target"]
        parts.append(f"Streefwaarde: {format_value(value, unit)} tegen {year}.")
    if spec["projection"]:
        year, value = spec["projection"]
        parts.append(f"De lijn door de volledige jaren komt in {year} uit op {format_value(value, unit)}.")
    if spec["verdict"]:
        parts.append(f"Oordeel: {spec['verdict']}.")
    return " ".join(parts)


# ---- status chart per strategic objective ----


def _status_spec(rollup: PlanRollup, code: str) -> dict[str, object]:
    from reporting.chart_xml import status_style

    objective = rollup.objective(code)
    rows = rollup.children(code) or (objective,)
    words = [w for w in rollup.status_words if any(r.by_status.get(w) for r in rows)]
    return {
        "code": code,
        "title": objective.title,
        "rows": tuple((r.code, tuple(r.by_status.get(w, 0) for w in words)) for r in rows),
        "words": tuple(words),
        "styles": tuple(status_style(w, rollup.status_words) for w in words),
        "year": rollup.year,
    }


def _status_alt_text(spec: Mapping[str, object]) -> str:
    year = f" in {spec['year']}" if spec["year"] else ""
    parts = []
    for code, counts in spec["rows"]:
        found = [f"{n} {w[:1].lower()}{w[1:]}" for w, n in zip(spec["words"], counts, strict=True) if n]
        parts.append(f"{code}: {', '.join(found) if found else 'geen acties'}")
    return (
        f"Staafgrafiek van de acties per status{year} onder {spec['code']}, {spec['title']}. " + "; ".join(parts) + "."
    )
