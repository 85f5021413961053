"""The plan document (beleidsplan): context, template, finishing, bytes."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from reporting.documents.choice import template_path
from reporting.documents.contexts.plan_context import plan_document_context
from reporting.documents.engine.packaging import package_bytes
from reporting.documents.engine.rendering import render
from reporting.documents.finishing import BlockSteps, Properties, finish
from reporting.documents.naming import PLAN_DOCUMENT
from reporting.documents.wordml.lists import Lists
from workbook.plan.model import Plan


def document_bytes(document) -> bytes:
    """The rendered and finished document as a .docx, the same bytes for the same document."""
    return package_bytes(document)


def render_plan_document(
    plan: Plan, *, template: str | Path | None = None, draft: bool = False, today: date | None = None
) -> bytes:
    """The plan as a .docx: title page, objectives with their three-column tables, the budget annex."""
    holder: dict[str, dict] = {}

    def build(template_object) -> dict:
        holder["context"] = plan_document_context(plan, draft=draft, lists=Lists.of(template_object))
        return holder["context"]

    document = render(template_path(plan, PLAN_DOCUMENT, template), build, BlockSteps)
    return _finished(document, holder["context"], today, draft)


def _finished(document, context: dict, today: date | None, draft: bool) -> bytes:
    when = today or date.today()
    subject = " ".join(part for part in ("Beleidsplan", context["gemeente"], context["periode"]) if part)
    finish(
        document,
        Properties(
            title=context["titel"],
            subject=subject,
            author=context["opgesteld_door"] or context["gemeente"] or "planrapport",
            keywords="beleidsplan; doelstellingen; acties; indicatoren",
            when=datetime(when.year, when.month, when.day),
        ),
        draft=draft,
    )
    return document_bytes(document)
