"""Dates as officers type them and as messages name them: 12/03/2024, 2024-03-12, 12 maart 2024."""

from __future__ import annotations

import re
from datetime import date, datetime

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_WORDS = re.compile(r"(\d{1,2})\s+([a-z]+)\s+(\d{4})")


def parse_day(value: object) -> date | None:
    """A date cell, or a date typed as text: 12/03/2024, 2024-03-12, 12 maart 2024; None otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    typed = " ".join(value.casefold().split())
    try:
        if m := _NUMERIC.fullmatch(typed):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if m := _ISO.fullmatch(typed):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if (m := _WORDS.fullmatch(typed)) and m[2] in MONTHS:
            return date(int(m[3]), MONTHS.index(m[2]) + 1, int(m[1]))
    except ValueError:
        return None
    return None


def day_in_words(day: date) -> str:
    """12 maart 2024."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
