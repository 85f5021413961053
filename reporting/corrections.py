"""Submitted values changed afterwards: the record of planrapport indienen against the rows as they are now."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from workbook.plan.model import NO_ORIGIN, Origin, Plan, Submission
from workbook.plan.schema import BUDGET, FOLLOW_UP, INDICATORS, MEASUREMENTS
from workbook.records.submission_record import untrusted_years
from workbook.records.submitted import budget_keys


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
        """ "actie A10900 (2023)", "indicator A10911-I1 (2022)", "indicator A10911-I1", "begrotingslijn
        'Taallessen' (Subsidie, 2023)"."""
        return what(self.sent)


def what(sent: Submission) -> str:
    """The submitted row a value belongs to, as a message names it."""
    if sent.sheet == FOLLOW_UP.name:
        return f"actie {sent.code} ({sent.key})"
    if sent.sheet == INDICATORS.name:
        return f"indicator {sent.code}"
    if sent.sheet == BUDGET.name:
        return f"begrotingslijn '{sent.code}' ({', '.join(p for p in (sent.key, str(sent.year)) if p)})"
    return f"indicator {sent.code} ({sent.key})"


def corrections(plan: Plan) -> Iterator[Correction]:
    """Every submitted value that changed since, in the order of the record; a removed row once. A year whose
    record no longer gives its fingerprint is left out (the check names it); an indicator's norm, baseline and
    target count as last submitted."""
    if not plan.submitted:
        return
    follow_ups = {(r.action_code, str(r.year)): r for r in plan.follow_ups}
    measurements = {(m.indicator_code, " ".join(m.period.split())): m for m in plan.measurements}
    indicators = {i.code: i for i in plan.indicators}
    budget = {
        (year, code.casefold(), key.casefold()): line
        for year in {s.year for s in plan.submitted if s.sheet == BUDGET.name}
        for code, key, line in budget_keys(plan, year)
    }
    fields = {
        spec.name: {c.header: c.field for c in spec.columns} for spec in (FOLLOW_UP, MEASUREMENTS, INDICATORS, BUDGET)
    }
    skipped = untrusted_years(plan.submitted)
    latest = {}
    for sent in plan.submitted:
        if sent.sheet == INDICATORS.name and sent.year not in skipped:
            latest[(sent.code, sent.header)] = max(sent.year, latest.get((sent.code, sent.header), sent.year))
    removed: set[tuple[int, str, str, str]] = set()
    for sent in plan.submitted:
        field_name = fields.get(sent.sheet, {}).get(sent.header)
        if field_name is None or sent.year in skipped:
            continue
        if sent.sheet == FOLLOW_UP.name:
            row = follow_ups.get((sent.code, sent.key))
            current = getattr(row, field_name) if row is not None else None
        elif sent.sheet == MEASUREMENTS.name:
            row = measurements.get((sent.code, sent.key))
            current = row.origin.raw.get(field_name) if row is not None else None
        elif sent.sheet == INDICATORS.name:
            if latest.get((sent.code, sent.header)) != sent.year:
                continue
            row = indicators.get(sent.code)
            current = getattr(row, field_name) if row is not None else None
        else:
            row = budget.get((sent.year, sent.code.casefold(), sent.key.casefold()))
            current = getattr(row, field_name) if row is not None else None
        if row is None:
            if (sent.year, sent.sheet, sent.code, sent.key) not in removed:
                removed.add((sent.year, sent.sheet, sent.code, sent.key))
                yield Correction(sent, None, NO_ORIGIN, field_name, removed=True)
        elif not same(current, sent.value):
            yield Correction(sent, current, row.origin, field_name)


def same(a: object, b: object) -> bool:
    if a in (None, "") or b in (None, ""):
        return a in (None, "") and b in (None, "")
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    return " ".join(str(a).split()) == " ".join(str(b).split())
