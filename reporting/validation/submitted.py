"""Submitted values changed afterwards: the record of planrapport indienen against the rows as they are now."""

from __future__ import annotations

from collections.abc import Iterator

from reporting.formatting import long_date
from reporting.validation.context import Context, at, issue, quoted
from reporting.validation.report import Issue
from workbook.schema import FOLLOW_UP, MEASUREMENTS, SUBMITTED_SHEET


def check(ctx: Context) -> Iterator[Issue]:
    plan = ctx.plan
    if not plan.submitted:
        return
    follow_ups = {(r.action_code, str(r.year)): r for r in plan.follow_ups}
    measurements = {(m.indicator_code, " ".join(m.period.split())): m for m in plan.measurements}
    fields = {FOLLOW_UP.name: {c.header: c.field for c in FOLLOW_UP.columns},
              MEASUREMENTS.name: {c.header: c.field for c in MEASUREMENTS.columns}}
    removed: set[tuple[str, str, str]] = set()
    for sent in plan.submitted:
        when = f"na indiening op {long_date(sent.day)}" if sent.day else "na indiening"
        field_name = fields.get(sent.sheet, {}).get(sent.header)
        if field_name is None:
            continue
        if sent.sheet == FOLLOW_UP.name:
            row = follow_ups.get((sent.code, sent.key))
            current = getattr(row, field_name) if row is not None else None
            what = f"actie {sent.code} ({sent.key})"
        else:
            row = measurements.get((sent.code, sent.key))
            current = row.origin.raw.get(field_name) if row is not None else None
            what = f"indicator {sent.code} ({sent.key})"
        if row is None:
            if (sent.sheet, sent.code, sent.key) not in removed:
                removed.add((sent.sheet, sent.code, sent.key))
                yield issue("gewijzigd-na-indiening", f"{SUBMITTED_SHEET}!A1", sent.code,
                            f"De rij van {what} op blad {sent.sheet} is verwijderd {when}. Zet ze terug, of dien "
                            f"{sent.year} opnieuw in als de verwijdering klopt.")
            continue
        if not _same(current, sent.value):
            was = quoted(sent.value) if sent.value not in (None, "") else "leeg"
            yield at(row.origin, field_name, "gewijzigd-na-indiening", sent.code,
                     f"{sent.header} van {what} is gewijzigd {when}: was {was}. Klopt de nieuwe waarde, dien "
                     f"{sent.year} dan opnieuw in; anders zet u de ingediende waarde terug.")


def _same(a: object, b: object) -> bool:
    if a in (None, "") or b in (None, ""):
        return a in (None, "") and b in (None, "")
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    return " ".join(str(a).split()) == " ".join(str(b).split())
