"""The figures a year report shows, from the trend, roll-up and chart modules: one place that wires them in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from workbook.plan.model import Plan

# A line through one point says nothing; a chart needs at least this many measured periods.
MIN_CHART_POINTS = 2


@dataclass(frozen=True)
class ReportFigures:
    year: int
    trends: Mapping[str, Mapping[str, object]]  # indicator code -> row of reporting.figures.trends
    rollup: object  # reporting.rollups.PlanRollup
    # Charts are planned here and drawn when the document shows them (reporting.charts.PlannedChart).
    indicator_charts: Mapping[str, object] = field(default_factory=dict)  # indicator code -> PlannedChart
    status_charts: Mapping[str, object] = field(default_factory=dict)  # strategic objective code -> PlannedChart


def report_figures(plan: Plan, year: int) -> ReportFigures:
    from reporting.charts import planned_charts
    from reporting.figures.trends import indicator_trends
    from reporting.rollups import plan_rollup

    frame = indicator_trends(plan, year)
    rollup = plan_rollup(plan, year, frame)
    rows = {row["code"]: row for row in frame.to_dict("records")}
    chartable = (
        frame[[sum(1 for p in points if p.value is not None) >= MIN_CHART_POINTS for points in frame["points"]]]
        if len(frame)
        else frame
    )
    charts, statuses = planned_charts(chartable, rollup, [o.code for o in rollup.strategic if o.actions])
    return ReportFigures(year, rows, rollup, charts, statuses)
