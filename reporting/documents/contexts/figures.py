"""The figures a year report shows, from the trend, roll-up and chart modules: one place that wires them in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbook.plan.model import Plan

if TYPE_CHECKING:
    from reporting.charts import PlannedChart
    from reporting.figures.trend import Trend
    from reporting.rollups import PlanRollup

# A line through one point says nothing; a chart needs at least this many measured periods.
MIN_CHART_POINTS = 2


@dataclass(frozen=True, slots=True)
class ReportFigures:
    year: int
    trends: Mapping[str, Trend]  # indicator code -> its trend
    rollup: PlanRollup
    # Charts are planned here and drawn when the document shows them.
    indicator_charts: Mapping[str, PlannedChart] = field(default_factory=dict)  # by indicator code
    status_charts: Mapping[str, PlannedChart] = field(default_factory=dict)  # by strategic objective code


def report_figures(plan: Plan, year: int) -> ReportFigures:
    from reporting.charts import planned_charts
    from reporting.figures.trends import indicator_trends
    from reporting.rollups import plan_rollup

    trends = indicator_trends(plan, year)
    rollup = plan_rollup(plan, year, trends)
    chartable = [t for t in trends if len(t.valued) >= MIN_CHART_POINTS]
    charts, statuses = planned_charts(chartable, rollup, [o.code for o in rollup.strategic if o.actions])
    return ReportFigures(year, {t.code: t for t in trends}, rollup, charts, statuses)
