"""Submitted values changed afterwards: each one a warning at its cell."""

from __future__ import annotations

from collections.abc import Iterator

from reporting.corrections import corrections
from reporting.formatting import long_date
from reporting.validation.context import Context, at, issue, quoted
from reporting.validation.report import Issue
from workbook.schema import SUBMITTED_SHEET


def check(ctx: Context) -> Iterator[Issue]:
    for change in corrections(ctx.plan):
        sent = change.sent
        when = f"na indiening op {long_date(sent.day)}" if sent.day else "na indiening"
        if change.removed:
            yield issue("gewijzigd-na-indiening", f"{SUBMITTED_SHEET}!A1", sent.code,
                        f"De rij van {change.what} op blad {sent.sheet} is verwijderd {when}. Zet ze terug, of dien "
                        f"{sent.year} opnieuw in als de verwijdering klopt.")
            continue
        was = quoted(sent.value) if sent.value not in (None, "") else "leeg"
        yield at(change.origin, change.field, "gewijzigd-na-indiening", sent.code,
                 f"{sent.header} van {change.what} is gewijzigd {when}: was {was}. Klopt de nieuwe waarde, dien "
                 f"{sent.year} dan opnieuw in; anders zet u de ingediende waarde terug.")
