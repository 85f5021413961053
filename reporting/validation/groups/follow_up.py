"""Follow-up: each action running in the report year is answered for it; off-track and overdue actions named."""

from __future__ import annotations

from collections.abc import Iterator

from reporting.validation.context import Context, at, is_blank, normalize_word
from reporting.validation.report import Issue
from reporting.validation.words import unknown_word
from workbook.plan.model import ENDED, FollowUp
from workbook.plan.running import answered, standings
from workbook.plan.schema import FOLLOW_UP, OFF_TRACK

_WORD_COLUMNS = (("time", "Tijd"), ("progress_colour", "Kleur"), ("time_colour", "Kleur"), ("money_colour", "Kleur"))


def check(ctx: Context) -> Iterator[Issue]:
    plan = ctx.plan
    for row in plan.follow_ups:
        yield from unknown_word(ctx, row.origin, "status", "Status", "Status", row.action_code, "onbekende-status")
        for field_name, list_name in _WORD_COLUMNS:
            column = FOLLOW_UP.column(field_name).header
            yield from unknown_word(ctx, row.origin, field_name, column, list_name, row.action_code)
    if ctx.year is None or not ctx.in_period(ctx.year):
        return  # a year outside the plan is named once, by the structure check
    year = ctx.year
    rows: dict[str, FollowUp] = {}
    for row in plan.follow_ups:
        if row.year == year and row.action_code:
            rows.setdefault(row.action_code, row)
    sheet_read = plan.was_read(FOLLOW_UP.name)
    status_read = plan.was_read(FOLLOW_UP.name, "status")
    progress_read = plan.was_read(FOLLOW_UP.name, "progress")
    found = standings(plan, year)
    seen: set[str] = set()
    for action in plan.actions:
        standing = found.get(action.code)
        if standing is None or action.code in seen or not action.years or (standing.overdue and not status_read):
            continue  # without statuses, whether an action ran on after its timing is not known
        seen.add(action.code)
        row = rows.get(action.code)
        if standing.overdue and not (row is not None and normalize_word(row.status) in ENDED):
            yield at(
                action.origin,
                "timing",
                "tijdstip-voorbij",
                action.code,
                f"Het tijdstip '{action.timing.strip()}' van actie {action.code} is voorbij, maar de actie is "
                f"niet afgerond of stopgezet, dus loopt ze in {year} nog. Verleng het tijdstip op blad Acties, "
                "of zet de status op Afgerond of Stopgezet.",
            )
        if not standing.runs or not sheet_read:
            continue
        if row is None:
            yield at(
                action.origin,
                "code",
                "ontbrekende-opvolging",
                action.code,
                f"Actie {action.code} loopt in {year} ({action.timing or 'hele planperiode'}), maar op blad "
                f"Opvolging staat geen rij voor {year}. Voeg een rij toe met status en stand van zaken; "
                "anders staat in het jaarrapport 'geen stand van zaken'.",
            )
        elif not status_read:
            continue
        elif progress_read and not answered(row, standing.last):
            yield at(
                row.origin,
                "status",
                "ontbrekende-opvolging",
                action.code,
                f"Actie {action.code} heeft voor {year} geen opvolging: geen status van dit jaar en geen stand "
                f"van zaken. Kies de status van {year} en vul de stand van zaken in; anders telt de actie in het "
                "jaarrapport als niet opgevolgd.",
            )
        elif is_blank(row.status):
            yield at(
                row.origin,
                "status",
                "ontbrekende-status",
                action.code,
                f"Actie {action.code} heeft voor {year} geen status. Kies een status uit de keuzelijst; "
                "anders staat in het jaarrapport 'geen stand van zaken'.",
            )
    for row in rows.values():
        reason = _off_track(row)
        if reason and is_blank(row.progress) and plan.was_read(FOLLOW_UP.name, "progress"):
            yield at(
                row.origin,
                "progress",
                "uitleg-ontbreekt",
                row.action_code,
                f"Actie {row.action_code} staat in {year} op {reason}, maar de stand van zaken is leeg. Leg in "
                "kolom Stand van zaken uit wat er aan de hand is en wat de volgende stap is.",
            )


def _off_track(row: FollowUp) -> str:
    for value, column in (
        (row.status, "Status"),
        (row.time, "Tijd"),
        (row.progress_colour, "Stand van zaken"),
        (row.time_colour, "Tijd"),
        (row.money_colour, "Geld"),
    ):
        word = normalize_word(value)
        if word in OFF_TRACK:
            return f"'{value.strip()}'" if word != "rood" else f"rood ({column})"
    return ""
