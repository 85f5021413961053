"""Bijsturing: each noted change names a code of the plan, a date in the period, and agrees with the plan now."""

from __future__ import annotations

import math
from collections.abc import Iterator

from reporting.figures.formatting import number
from reporting.validation.context import Context, at, is_blank, normalize_word
from reporting.validation.report import Issue
from reporting.validation.words import unknown_word
from workbook.plan.dates import day_in_words
from workbook.plan.model import Adjustment, Plan
from workbook.plan.numbers import parse_number

STOPPED = "actie stopgezet"
TARGET_CHANGED = "streefwaarde gewijzigd"
STOPPED_STATUS = "stopgezet"


def check(ctx: Context) -> Iterator[Issue]:
    plan = ctx.plan
    known = _codes(plan)
    for adjustment in plan.adjustments:
        origin, code = adjustment.origin, adjustment.code
        yield from unknown_word(ctx, origin, "kind", "Wat", "Bijsturing", code)
        if not code:
            yield at(
                origin,
                "code",
                "bijsturing-onbekende-code",
                "",
                "Deze bijsturing heeft geen code. Vul in kolom Code de code in van de doelstelling, het "
                "resultaat, de actie of de indicator die gewijzigd werd.",
            )
        elif code not in known:
            yield at(
                origin,
                "code",
                "bijsturing-onbekende-code",
                code,
                f"De code {code} staat niet in het plan. Controleer de code, of voeg het onderdeel toe op zijn "
                "blad (een nieuwe actie op blad Acties).",
            )
        yield from _day(ctx, adjustment)
        kind = normalize_word(adjustment.kind)
        if kind == STOPPED:
            yield from _stopped(ctx, adjustment)
        elif kind == TARGET_CHANGED:
            yield from _target(ctx, adjustment)


def _codes(plan: Plan) -> set[str]:
    return {item.code for group in (plan.objectives, plan.results, plan.actions, plan.indicators) for item in group}


def _day(ctx: Context, adjustment: Adjustment) -> Iterator[Issue]:
    origin, code = adjustment.origin, adjustment.code
    if adjustment.day is None:
        raw = origin.raw.get("day")
        what = "geen datum" if is_blank(raw) else f"een datum die niet gelezen kan worden ('{raw}')"
        yield at(
            origin,
            "day",
            "bijsturing-zonder-datum",
            code,
            f"De bijsturing van {code or 'deze rij'} heeft {what}. Vul de datum van de beslissing in, bv. 12/03/2024.",
        )
    elif not ctx.in_period(adjustment.day.year):
        yield at(
            origin,
            "day",
            "bijsturing-buiten-periode",
            code,
            f"De bijsturing van {code or 'deze rij'} is gedateerd op {day_in_words(adjustment.day)}, buiten de "
            f"planperiode {ctx.period_text}. Controleer de datum; een wijziging voor een ander plan hoort in "
            "het werkboek van dat plan.",
        )


def _stopped(ctx: Context, adjustment: Adjustment) -> Iterator[Issue]:
    origin, code = adjustment.origin, adjustment.code
    if not adjustment.reason.strip():
        yield at(
            origin,
            "reason",
            "bijsturing-onvolledig",
            code,
            f"Actie {code} is stopgezet zonder reden. Vul in kolom Reden in waarom de actie stopt.",
        )
    if adjustment.day is None or code not in {a.code for a in ctx.plan.actions}:
        return
    year = adjustment.day.year
    rows = [r for r in ctx.plan.follow_ups if r.action_code == code and r.year is not None and r.year >= year]
    for row in rows:
        if normalize_word(row.status) != STOPPED_STATUS:
            shown = f"'{row.status}'" if row.status.strip() else "geen status"
            yield at(
                row.origin,
                "status",
                "stopgezet-niet-opgevolgd",
                code,
                f"Actie {code} is stopgezet op {day_in_words(adjustment.day)} (blad Bijsturing, rij "
                f"{origin.row}), maar haar opvolging van {row.year} heeft {shown}. Zet de status op "
                "Stopgezet.",
            )
    if not rows and ctx.year is not None and ctx.year >= year:
        yield at(
            origin,
            "code",
            "stopgezet-niet-opgevolgd",
            code,
            f"Actie {code} is stopgezet op {day_in_words(adjustment.day)}, maar op blad Opvolging staat er "
            f"vanaf {year} geen rij met status Stopgezet. Voeg voor {year} een rij toe met status Stopgezet en "
            "een stand van zaken.",
        )


def _target(ctx: Context, adjustment: Adjustment) -> Iterator[Issue]:
    origin, code = adjustment.origin, adjustment.code
    missing = [
        column for column, value in (("Van", adjustment.previous), ("Naar", adjustment.new)) if not value.strip()
    ]
    if missing:
        columns = " en ".join(missing)
        yield at(
            origin,
            "previous" if missing[0] == "Van" else "new",
            "bijsturing-onvolledig",
            code,
            f"De streefwaarde van {code} is gewijzigd, maar kolom {columns} is leeg. Vul in kolom Van de "
            "streefwaarde van voor de beslissing in en in kolom Naar de nieuwe.",
        )
    indicator = next((i for i in ctx.plan.indicators if i.code == code), None)
    if indicator is None or not adjustment.new.strip():
        return
    new = parse_number(adjustment.new).value
    now = indicator.target_value
    if new is None or now is None or not math.isclose(new, now, rel_tol=1e-9, abs_tol=1e-9):
        target = number(now) if now is not None else "leeg"
        yield at(
            origin,
            "new",
            "streefwaarde-anders",
            code,
            f"De streefwaarde van {code} is gewijzigd naar '{adjustment.new}', maar op blad Indicatoren is de "
            f"streefwaarde {target} ({indicator.origin.cell('target_value')}). Pas de streefwaarde of kolom "
            "Naar aan, zodat ze gelijk zijn.",
        )
