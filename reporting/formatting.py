"""Dutch (Belgian) formatting of numbers, percentages, amounts and dates, through babel."""

from __future__ import annotations

import decimal
import functools
from datetime import date

from babel.dates import format_date as _format_date
from babel.numbers import format_currency, format_decimal

LOCALE = "nl_BE"


def _wide(format_function):
    """Format with room for any float: babel's default 28 digits fail on amounts like 1e28 typed by mistake."""

    @functools.wraps(format_function)
    def wrapper(*args, **kwargs):
        with decimal.localcontext() as context:
            context.prec = 400
            return format_function(*args, **kwargs)

    return wrapper


@_wide
def number(value: float | None, decimals: int = 1) -> str:
    """1168 -> "1.168"; 22.45 -> "22,5"; whole numbers without decimals."""
    if value is None:
        return ""
    if float(value).is_integer():
        return format_decimal(int(value), format="#,##0", locale=LOCALE)
    pattern = "#,##0." + "#" * decimals if decimals else "#,##0"
    return format_decimal(value, format=pattern, locale=LOCALE)


@_wide
def percent(value: float | None, decimals: int = 1) -> str:
    """A value in percent points: 22.4 -> "22,4%"."""
    if value is None:
        return ""
    return number(round(value, decimals), decimals) + "%"


@_wide
def euro(value: float | None) -> str:
    """20667 -> "€ 20.667"; cents only when there are any."""
    if value is None:
        return ""
    pattern = "¤ #,##0" if float(value).is_integer() else "¤ #,##0.00"
    return format_currency(value, "EUR", format=pattern, locale=LOCALE, currency_digits=False)


def long_date(value: date) -> str:
    """date(2023, 9, 17) -> "17 september 2023"."""
    return _format_date(value, format="d MMMM y", locale=LOCALE)
