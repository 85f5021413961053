"""Run every group of rules over a plan and collect all issues in one report."""

from __future__ import annotations

from reporting.validation import reading
from reporting.validation.context import Context
from reporting.validation.groups import (
    adjustments,
    budget,
    cross_references,
    follow_up,
    indicators,
    limits,
    settings,
    structure,
    submitted,
    text,
    timing,
)
from reporting.validation.report import ValidationReport
from workbook.plan.model import Plan

GROUPS = (
    reading,
    settings,
    structure,
    cross_references,
    timing,
    follow_up,
    indicators,
    budget,
    text,
    limits,
    submitted,
    adjustments,
)


def validate(plan: Plan, year: int | None = None) -> ValidationReport:
    """Check the whole plan; `year` is the report year (default: Rapportjaar on blad Instellingen)."""
    report_year = year if year is not None else plan.settings.report_year
    known_years = [y for y in (report_year, plan.settings.report_year) if y is not None]
    ctx = Context(
        plan=plan,
        year=report_year,
        year_given=year is not None and year != plan.settings.report_year,
        latest=max(known_years) if known_years else None,
    )
    issues = [found for group in GROUPS for found in group.check(ctx)]
    return ValidationReport(tuple(issues), year=report_year)
