"""Figures in words: a value in its unit, at a year, a signed change, a measurement, a list joined with "en", years."""

from __future__ import annotations

from decimal import Decimal

from reporting.figures import formatting


def _percentage(unit: str) -> bool:
    return unit.strip().casefold() in ("percentage", "%")


def format_value(value: float | None, unit: str = "") -> str:
    """A value in the unit's Dutch form: 1168 -> "1.168", percentage 22.4 -> "22,4%", euro -> "€ 20.667"."""
    if value is None:
        return ""
    if _percentage(unit):
        return formatting.percent(value, 1)
    if unit.strip().casefold() == "euro":
        return formatting.euro(formatting.shown(value, 2))
    return formatting.number(value, 1)


def shown(value: float, unit: str = "") -> Decimal:
    """The value exactly as `format_value` prints it, to compare as the report shows it: 79.99999999% -> 80.0."""
    if _percentage(unit):
        return formatting.shown(value, 1)
    if unit.strip().casefold() == "euro":
        return formatting.shown(value, 2)
    return formatting.shown(value, 1)


def at_year(value: float | None, year: int | None, unit: str, word: str = "in") -> str:
    text = format_value(value, unit)
    return f"{text} {word} {year}" if year is not None else text


def signed(change: float, unit: str) -> str:
    if _percentage(unit):
        return formatting.percentage_points(change, 1)
    return ("+" if change > 0 else "-" if change < 0 else "") + format_value(abs(change), unit)


def signed_pct(pct: float) -> str:
    return ("+" if pct > 0 else "-" if pct < 0 else "") + formatting.percent(abs(pct), 1)


def join_words(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def year_span(years: list[int] | tuple[int, ...]) -> str:
    """2013; 2011 en 2012; 2023 tot en met 2025 (three or more years in a row)."""
    years = sorted(years)
    if len(years) >= 3 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]} tot en met {years[-1]}"
    return join_words([str(y) for y in years])


def measured_value(value: float | None, share: float | None, unit: str) -> str:
    """A measurement as a table cell: "381 (52%)", "539", or the share alone."""
    text = format_value(value, unit) if value is not None else ""
    if share is not None:
        printed = formatting.percent(share, 1)
        text = f"{text} ({printed})" if text else printed
    return text
