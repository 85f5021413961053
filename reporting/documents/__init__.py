"""Word documents from the plan: the year report (jaarrapport) and the plan document (beleidsplan)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reporting.documents.naming import PLAN_DOCUMENT, YEAR_REPORT, output_name

if TYPE_CHECKING:
    from workbook.plan.model import Plan

__all__ = [
    "PLAN_DOCUMENT",
    "YEAR_REPORT",
    "evaluation_name",
    "output_name",
    "render_evaluation",
    "render_plan_document",
    "render_year_report",
]


def render_plan_document(
    plan: Plan, *, template: str | Path | None = None, draft: bool = False, today: date | None = None
) -> bytes:
    """The plan document as .docx bytes; `draft` marks every page ONTWERP."""
    from reporting.documents.plan_document import render_plan_document as render

    return render(plan, template=template, draft=draft, today=today)


def evaluation_name(plan: Plan) -> str:
    """The evaluation's file name: evaluatie-2011-2013-waregem.docx."""
    from reporting.documents.evaluation_report import evaluation_name as name

    return name(plan)


def render_evaluation(
    plan: Plan, *, template: str | Path | None = None, draft: bool = False, today: date | None = None
) -> bytes:
    """The evaluation of the whole plan period as .docx bytes; ONTWERP while its last year is not over."""
    from reporting.documents.evaluation_report import render_evaluation as render

    return render(plan, template=template, draft=draft, today=today)


def render_year_report(
    plan: Plan,
    year: int | None = None,
    *,
    template: str | Path | None = None,
    draft: bool = False,
    warnings=None,
    today: date | None = None,
) -> bytes:
    """The year report as .docx bytes; `warnings` (validation issues) adds the annex of open warnings."""
    from reporting.documents.year_report import render_year_report as render

    return render(plan, year, template=template, draft=draft, warnings=warnings, today=today)
