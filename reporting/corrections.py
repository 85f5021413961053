"""Submitted values changed afterwards: the record of planrapport indienen against the rows as they are now."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from workbook.model import NO_ORIGIN, Origin, Plan, Submission
from workbook.schema import FOLLOW_UP, MEASUREMENTS


@dataclass(frozen=True)
class Correction:
    """One submitted value that is not what the workbook holds now; `removed` when its whole row is gone."""

    sent: Submission
    current: object
    origin: Origin
    field: str
    removed: bool = False

    @property
    def what(self) -> str:
        """"actie A10900 (2023)", "indicator A10911-I1 (2022)"."""
        kind = "actie" if self.sent.sheet == FOLLOW_UP.name else "indicator"
        return f"{kind} {self.sent.code} ({self.sent.key})"


def corrections(plan: Plan) -> Iterator[Correction]:
    """Every submitted value that changed since, in the order of the record; a removed row once."""
    if not plan.submitted:
        return
    follow_ups = {(r.action_code, str(r.year)): r for r in plan.follow_ups}
    measurements = {(m.indicator_code, " ".join(m.period.split())): m for m in plan.measurements}
    fields = {FOLLOW_UP.name: {c.header: c.field for c in FOLLOW_UP.columns},
              MEASUREMENTS.name: {c.header: c.field for c in MEASUREMENTS.columns}}
    removed: set[tuple[str, str, str]] = set()
    for sent in plan.submitted:
        field_name = fields.get(sent.sheet, {}).get(sent.header)
        if field_name is None:
            continue
        if sent.sheet == FOLLOW_UP.name:
            row = follow_ups.get((sent.code, sent.key))
            current = getattr(row, field_name) if row is not None else None
        else:
            row = measurements.get((sent.code, sent.key))
            current = row.origin.raw.get(field_name) if row is not None else None
        if row is None:
            if (sent.sheet, sent.code, sent.key) not in removed:
                removed.add((sent.sheet, sent.code, sent.key))
                yield Correction(sent, None, NO_ORIGIN, field_name, removed=True)
        elif not same(current, sent.value):
            yield Correction(sent, current, row.origin, field_name)


def same(a: object, b: object) -> bool:
    if a in (None, "") or b in (None, ""):
        return a in (None, "") and b in (None, "")
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    return " ".join(str(a).split()) == " ".join(str(b).split())
