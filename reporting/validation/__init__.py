"""Validation of a plan workbook: every problem named by sheet and cell, with a Dutch message."""

from reporting.validation.checks import validate
from reporting.validation.report import ERROR, WARNING, Issue, ValidationReport
from reporting.validation.rules import RULES, Rule

__all__ = ["ERROR", "RULES", "WARNING", "Issue", "Rule", "ValidationReport", "validate"]
