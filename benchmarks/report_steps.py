"""The timed steps of the year report (read, validate, trends, charts, render, save), each on what those before made."""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import inspect
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

MISSING = "ontbreekt"
STEPS = ("read", "validate", "trends", "charts", "render", "save")


class Missing(Exception):
    """A module or function of the pipeline that does not exist (yet)."""


def need(module: str, name: str) -> Callable:
    if importlib.util.find_spec(module) is None:
        raise Missing(module)
    found = getattr(importlib.import_module(module), name, None)
    if found is None:
        raise Missing(f"{module}.{name}")
    return found


def step_read(state: dict) -> None:
    state["plan"] = need("workbook.reading.reader", "read_plan")(state["path"])


def step_validate(state: dict) -> None:
    report = need("reporting.validation", "validate")(state["plan"], state["year"])
    state["report"] = report
    state["errors"] = len(report.errors)
    state["warnings"] = len(report.warnings)
    state["error_codes"] = sorted({issue.code for issue in report.errors})


def step_trends(state: dict) -> None:
    trends = need("reporting.figures.trends", "indicator_trends")
    rollup = need("reporting.rollups", "plan_rollup")
    state["trends"] = trends(state["plan"], state["year"])
    if "trends" in inspect.signature(rollup).parameters:
        state["rollup"] = rollup(state["plan"], state["year"], trends=state["trends"])
    else:
        state["rollup"] = rollup(state["plan"], state["year"])


def step_charts(state: dict) -> None:
    """Every chart the plan has, built as a Word chart with its data workbook: one per quantitative indicator,
    one status chart per strategic objective (a report builds only those it shows)."""
    planned_charts = need("reporting.charts", "planned_charts")
    forget_charts()
    if "trends" not in state or "rollup" not in state:
        raise Missing("trends")
    rollup = state["rollup"]
    lines, bars = planned_charts(state["trends"], rollup, [o.code for o in rollup.strategic])
    created = datetime(state["year"], 12, 31)
    state["charts"] = [chart.build(created) for chart in [*lines.values(), *bars.values()]]


def as_the_command():
    """The garbage-collection setting `planrapport jaarrapport` runs under (reporting.collecting), if there is one."""
    if importlib.util.find_spec("reporting.collecting") is None:
        return contextlib.nullcontext()
    return importlib.import_module("reporting.collecting").fewer_collections()


def forget_charts() -> None:
    """Drop the chart formatting made in this process, so that no step is timed on what an earlier one made."""
    if importlib.util.find_spec("reporting.chart_xml") is not None:
        module = importlib.import_module("reporting.chart_xml")
        for made in ("_line_template", "_status_template"):
            if hasattr(module, made):
                getattr(module, made).cache_clear()


def step_render(state: dict) -> None:
    render = need("reporting.documents", "render_year_report")
    forget_charts()
    state["docx"] = render(state["plan"], state["year"])


def step_save(state: dict) -> None:
    from workbook.storage.files import write_atomically

    data = state.get("docx")
    if data is None:
        raise Missing("render")
    target = Path(state["out"]) / "jaarrapport.docx"
    write_atomically(target, lambda temporary: temporary.write_bytes(data), overwrite=True)


STEP_FUNCTIONS = {
    "read": step_read,
    "validate": step_validate,
    "trends": step_trends,
    "charts": step_charts,
    "render": step_render,
    "save": step_save,
}
