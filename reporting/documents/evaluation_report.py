"""The evaluation of the plan period (evaluatie): figures, charts, context, template, finishing, bytes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from reporting.charts import PlannedChart, planned_charts
from reporting.documents.contexts.evaluation_context import MIN_CHART_POINTS, evaluation_context
from reporting.documents.contexts.evaluation_layout import EvaluationBlocks, landscape_for_objectives
from reporting.documents.engine.chart_parts import DocumentCharts
from reporting.documents.engine.rendering import render
from reporting.documents.finishing import Properties, finish, style_levels
from reporting.documents.naming import slug
from reporting.documents.plan_document import document_bytes
from reporting.evaluation import Evaluation, evaluate
from reporting.templates import HERE
from workbook.plan.model import Plan

EVALUATION = "evaluatie"
EVALUATION_TEMPLATE = HERE / "evaluatie.docx"


def evaluation_name(plan: Plan) -> str:
    """evaluatie-2011-2013-waregem.docx"""
    settings = plan.settings
    place = slug(settings.municipality)[:60].strip("-") or "plan"
    if settings.start_year and settings.end_year:
        return f"{EVALUATION}-{settings.start_year}-{settings.end_year}-{place}.docx"
    return f"{EVALUATION}-{place}.docx"


def render_evaluation(
    plan: Plan, *, template: str | Path | None = None, draft: bool = False, today: date | None = None
) -> bytes:
    """The evaluation as a .docx; a period whose last year is not over yet, or `draft`, marks it ONTWERP."""
    today = today or date.today()
    evaluation = evaluate(plan, today)
    draft = draft or not evaluation.finished
    created = datetime(today.year, today.month, today.day)
    charts = evaluation_charts(evaluation)
    holder: dict = {}

    def steps(document) -> EvaluationBlocks:
        holder["steps"] = EvaluationBlocks(document)
        return holder["steps"]

    def build(template_object) -> dict:
        holder["context"] = evaluation_context(
            plan,
            evaluation,
            charts,
            DocumentCharts(template_object, created).chart,
            today=today,
            draft=draft,
        )
        holder["steps"].plan(holder["context"])
        return holder["context"]

    document = render(Path(template) if template else EVALUATION_TEMPLATE, build, steps)
    context = holder["context"]
    layout = holder["steps"].layout
    if layout is not None and layout.landscape:
        landscape_for_objectives(document.element.body, style_levels(document))
    finish(
        document,
        Properties(
            title=f"Evaluatie {context['periode']} - {context['titel']}",
            subject=" ".join(p for p in (f"Evaluatie {context['periode']}", context["gemeente"]) if p),
            author=context["opgesteld_door"] or context["gemeente"] or "planrapport",
            keywords="evaluatie; planperiode; indicatoren; begroting",
            when=created,
        ),
        draft=draft,
    )
    return document_bytes(document)


def evaluation_charts(evaluation: Evaluation) -> dict[str, PlannedChart]:
    """A status chart over the years ("verloop") and a line chart per indicator with two or more measured periods,
    whose alt text carries the verdict of the evaluation."""
    from reporting.chart_xml import status_style

    verdicts = {c.indicator.code: c.verdict for c in evaluation.indicators}
    drawn = [
        replace(trend, verdict=verdicts.get(trend.code, ""))
        for trend in evaluation.trends
        if len(trend.valued) >= MIN_CHART_POINTS
    ]
    found: dict[str, PlannedChart] = {}
    lines, _ = planned_charts(drawn, None, ())
    found.update(lines)
    rows = [(str(year), evaluation.statuses_in(year)) for year in evaluation.years]
    words = [w for w in evaluation.status_words if any(counts.get(w) for _, counts in rows)]
    if words:
        spec = {
            "code": f"{evaluation.start}-{evaluation.end}",
            "title": "acties per status per jaar",
            "rows": tuple((year, tuple(counts.get(w, 0) for w in words)) for year, counts in rows),
            "words": tuple(words),
            "styles": tuple(status_style(w, evaluation.status_words) for w in words),
            "year": None,
        }
        found["verloop"] = PlannedChart("status", spec, _status_alt_text(spec))
    return found


def _status_alt_text(spec: dict) -> str:
    parts = []
    for year, counts in spec["rows"]:
        named = [f"{n} {w[:1].lower()}{w[1:]}" for w, n in zip(spec["words"], counts, strict=True) if n]
        parts.append(f"{year}: {', '.join(named) if named else 'niets ingevuld'}")
    return (
        f"Staafgrafiek van de acties per status in elk jaar van de planperiode {spec['code']}. "
        + "; ".join(parts)
        + "."
    )
