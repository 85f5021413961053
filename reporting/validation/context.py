"""What every check needs: the plan, the years that matter and one way to make an issue."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from reporting.validation.report import Issue
from reporting.validation.rules import RULES
from workbook.plan.model import Origin, Plan

ERROR_VALUES = frozenset(
    {
        "#NULL!",
        "#LEEG!",
        "#DIV/0!",
        "#DEEL/0!",
        "#VALUE!",
        "#WAARDE!",
        "#REF!",
        "#VERW!",
        "#NAME?",
        "#NAAM?",
        "#NUM!",
        "#GETAL!",
        "#N/A",
        "#N/B",
        "#GETTING_DATA",
        "#SPILL!",
        "#OVERLOOP!",
        "#CALC!",
        "#BEREKENEN!",
    }
)


def is_formula_error(value: object) -> bool:
    return isinstance(value, str) and value.strip().upper() in ERROR_VALUES


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def normalize_word(word: object) -> str:
    return " ".join(str(word or "").split()).casefold()


@dataclass(frozen=True)
class Context:
    """The plan under check; `year` is the report year, `latest` the last year data may be about."""

    plan: Plan
    year: int | None
    year_given: bool = False
    latest: int | None = None
    _lists: dict[str, dict[str, str]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def start(self) -> int | None:
        return self.plan.settings.start_year

    @property
    def end(self) -> int | None:
        return self.plan.settings.end_year

    @property
    def has_period(self) -> bool:
        return self.start is not None and self.end is not None and self.start <= self.end

    @property
    def period_text(self) -> str:
        return f"{self.start}-{self.end}"

    def in_period(self, year: int) -> bool:
        return not self.has_period or self.start <= year <= self.end

    def allowed(self, list_name: str) -> dict[str, str]:
        """The words of a list on blad Lijsten, normalized -> as written."""
        words = self._lists.get(list_name)
        if words is None:
            words = self._lists[list_name] = {normalize_word(w): w for w in self.plan.lists.get(list_name)}
        return words


def issue(code: str, cell: str, row_code: str, message: str) -> Issue:
    """An issue for a cell written "Sheet!D14"; the severity comes from the rule."""
    sheet = cell.rsplit("!", 1)[0] if "!" in cell else ""
    return Issue(code, RULES[code].severity, sheet, cell, row_code or "", message)


def at(origin: Origin, field_name: str | None, code: str, row_code: str, message: str) -> Issue:
    return issue(code, origin.cell(field_name), row_code, message)


def quoted(value: object) -> str:
    """A cell value as the officer sees it in Excel, for a message: "1 december 2024", "22,4"."""
    text = " ".join(shown(value).split())
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def shown(value: object) -> str:
    """A cell value as Excel shows it to a Flemish officer: dates in words, decimal comma."""
    from babel.dates import format_date, format_datetime

    if isinstance(value, datetime):
        if value.time() == time(0):
            return format_date(value.date(), "d MMMM y", locale="nl_BE")
        return format_datetime(value, "d MMMM y HH:mm", locale="nl_BE")
    if isinstance(value, date):
        return format_date(value, "d MMMM y", locale="nl_BE")
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, int | float):
        return f"{value:.15g}".replace(".", ",")  # as Excel's General format shows it: no thousands separator
    return str(value)
