"""The year report (jaarrapport): figures, context, template, finishing, bytes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from reporting.documents.choice import template_path
from reporting.documents.contexts.figures import report_figures
from reporting.documents.contexts.report_context import year_report_context
from reporting.documents.engine.chart_parts import DocumentCharts
from reporting.documents.engine.rendering import render
from reporting.documents.finishing import BlockSteps, Properties, finish
from reporting.documents.naming import YEAR_REPORT
from reporting.documents.plan_document import document_bytes
from reporting.documents.wordml.lists import Lists
from workbook.plan.errors import WorkbookError
from workbook.plan.model import Plan


def render_year_report(
    plan: Plan,
    year: int | None = None,
    *,
    template: str | Path | None = None,
    draft: bool = False,
    warnings: Iterable | None = None,
    today: date | None = None,
) -> bytes:
    """The year report as a .docx: title page, contents, summary, objectives and actions, indicators, budget."""
    year = year if year is not None else plan.settings.report_year
    if year is None:
        raise WorkbookError(
            f"Er is geen rapportjaar: vul 'Rapportjaar' in op blad Instellingen ({plan.settings.cell('report_year')}) "
            "of geef --jaar op."
        )
    today = today or date.today()
    figures = report_figures(plan, year)

    created = datetime(today.year, today.month, today.day)
    holder: dict[str, dict] = {}

    def build(template_object) -> dict:
        # A chart's parts are made when the template prints it: only the charts the report shows are built.
        holder["context"] = year_report_context(
            plan,
            figures,
            DocumentCharts(template_object, created).chart,
            today=today,
            draft=draft,
            warnings=warnings,
            lists=Lists.of(template_object),
        )
        return holder["context"]

    document = render(template_path(plan, YEAR_REPORT, template), build, BlockSteps)
    return _finished(document, holder["context"], year, created, draft)


def _finished(document, context: dict, year: int, created: datetime, draft: bool) -> bytes:
    subject = " ".join(part for part in (f"Jaarrapport {year}", context["gemeente"]) if part)
    finish(
        document,
        Properties(
            title=f"Jaarrapport {year} - {context['titel']}",
            subject=subject,
            author=context["opgesteld_door"] or context["gemeente"] or "planrapport",
            keywords="jaarrapport; voortgangsrapport; indicatoren; begroting",
            when=created,
        ),
        draft=draft,
    )
    return document_bytes(document)
