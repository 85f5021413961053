"""Dutch (Belgian) formatting of numbers, percentages, amounts and dates, through babel."""

from __future__ import annotations

import decimal
import functools
from datetime import date

from babel import Locale
from babel.dates import format_date as _format_date
from babel.numbers import NumberPattern, format_currency, format_decimal, parse_pattern

LOCALE = "nl_BE"
# A half rounds away from zero, on the number as it is written (its shortest decimal text), as Excel shows it and
# as a reader reckons: 22,45 -> 22,5 and 2,5 -> 3; not to the even digit, nor by the float's binary value.
ROUNDING = decimal.ROUND_HALF_UP


def _wide(format_function):
    """Format with room for any float (babel's default 28 digits fail on amounts like 1e28 typed by mistake), a half
    rounded as ROUNDING says."""

    @functools.wraps(format_function)
    def wrapper(*args, **kwargs):
        with decimal.localcontext() as context:
            context.prec = 400
            context.rounding = ROUNDING
            return format_function(*args, **kwargs)

    return wrapper


@functools.cache
def _locale() -> Locale:
    return Locale.parse(LOCALE)


@functools.cache
def _pattern(pattern: str) -> NumberPattern:
    return parse_pattern(pattern)


# babel parses a locale or pattern given as text again on every call (half its time, thousands of calls in a
# report); parsed once, they are handed over as they are.
def _decimal(value, pattern: str) -> str:
    return format_decimal(value, format=_pattern(pattern), locale=_locale())


def _currency(value, pattern: str, currency: str) -> str:
    return format_currency(value, currency, format=_pattern(pattern), locale=_locale(), currency_digits=False)


# Reports print the same counts and values again and again. Equal values print the same here (whole numbers go
# through int), so the text is kept by value; not so for euro, where babel prints -0.0 with its sign.
@functools.lru_cache(maxsize=20000)
@_wide
def number(value: float | None, decimals: int = 1) -> str:
    """1168 -> "1.168"; 22.45 -> "22,5"; whole numbers without decimals."""
    if value is None:
        return ""
    if float(value).is_integer():
        return _decimal(int(value), "#,##0")
    pattern = "#,##0." + "#" * decimals if decimals else "#,##0"
    return _decimal(value, pattern)


@_wide
def percent(value: float | None, decimals: int = 1) -> str:
    """A value in percent points: 22.4 -> "22,4%"."""
    if value is None:
        return ""
    return number(shown(value, decimals), decimals) + "%"


def shown(value: float | decimal.Decimal, decimals: int = 1) -> decimal.Decimal:
    """The value exactly as `number` prints it with `decimals` decimals: 79.99999999 -> Decimal("80.0")."""
    if isinstance(value, decimal.Decimal):
        exact = value
    elif float(value).is_integer():
        exact = decimal.Decimal(int(value))
    else:
        exact = decimal.Decimal(str(value))  # babel starts from the same text
    if not exact.is_finite():
        return exact
    with decimal.localcontext() as context:
        context.prec = 400
        return exact.quantize(decimal.Decimal(1).scaleb(-decimals), rounding=ROUNDING)


def rounded(value: float, decimals: int) -> float:
    """A number for a cell, rounded as the documents print it: 22.45 -> 22.5 (Python's round gives 22.4)."""
    return float(shown(value, decimals))


def percentage_points(change: float, decimals: int = 1) -> str:
    """A signed change of a percentage: "+6 procentpunten", "-1 procentpunt", "+0,5 procentpunt", "0 procentpunten".

    Singular up to and including 1 as printed (0,5 and 1 procentpunt), plural above it and for 0."""
    printed = shown(change, decimals)
    sign = "+" if printed > 0 else "-" if printed < 0 else ""
    word = "procentpunt" if 0 < abs(printed) <= 1 else "procentpunten"
    return f"{sign}{number(abs(printed), decimals)} {word}"


@_wide
def euro(value: float | None) -> str:
    """20667 -> "€ 20.667"; cents only when there are any."""
    if value is None:
        return ""
    pattern = "¤ #,##0" if float(value).is_integer() else "¤ #,##0.00"
    return _currency(value, pattern, "EUR")


def long_date(value: date) -> str:
    """date(2023, 9, 17) -> "17 september 2023"."""
    return _format_date(value, format="d MMMM y", locale=LOCALE)
