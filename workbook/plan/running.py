"""Which actions run in a year, why the others do not, and which follow-up rows really answer for the year."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workbook.plan.model import ENDED, Action, FollowUp, Plan
from workbook.plan.timing import parse_timing

STOPPED = "stopgezet"
# Timing words of an action that comes back: every year, from a year on, every few years.
_RECURRING = re.compile(r"\b(jaarlijks|vanaf|per|om de|elke|doorlopend|continu|permanent)\b")


@dataclass(frozen=True, slots=True)
class Standing:
    """One action in one year: whether it runs (and so gets a row), why not, and whether its timing has passed."""

    code: str
    runs: bool
    reason: str = ""  # why it does not run ("afgerond in 2023, geen rij"), or that its timing has passed
    overdue: bool = False  # runs after the last year of its timing: not finished or stopped yet
    last: FollowUp | None = None  # its latest follow-up row before the year


def word(value: object) -> str:
    return " ".join(str(value or "").split()).casefold()


@lru_cache(maxsize=4096)
def recurring(timing: str, start: int | None, end: int | None) -> bool:
    """True for a timing that comes back ("Jaarlijks", "Vanaf 2012", "2012-2014", "Per 2 jaar", "2011 en 2013"):
    an edition finished ends that year only. False for one year, "Eenmalig" or no timing."""
    parsed = parse_timing(timing, start, end)
    if not parsed.ok or parsed.years is None or not parsed.label:
        return False
    return len(parsed.years) > 1 or bool(_RECURRING.search(parsed.label.casefold()))


def previous_rows(plan: Plan, year: int) -> dict[str, FollowUp]:
    """Each action's latest follow-up row before `year` (of two rows for one year, the lower)."""
    return plan.latest_before(year)


def standings(plan: Plan, year: int) -> dict[str, Standing]:
    """The standing in `year` of every action (the first row of a code counts)."""
    previous = previous_rows(plan, year)
    result: dict[str, Standing] = {}
    for action in plan.actions:
        if action.code and action.code not in result:
            result[action.code] = standing(plan, action, year, previous.get(action.code))
    return result


def running(plan: Plan, year: int) -> frozenset[str]:
    """The codes of the actions that run in `year` and so should be followed up for it."""
    return frozenset(code for code, found in standings(plan, year).items() if found.runs)


def standing(plan: Plan, action: Action, year: int, last: FollowUp | None) -> Standing:
    """A recurring action runs every year of its timing, whatever last year's edition said, unless it was
    stopped; a once-only action runs in its year unless finished or stopped before; an action not finished or
    stopped runs on after its timing (overdue), when it was followed up before."""
    code, timing, years = action.code, action.timing.strip(), action.years
    status = word(last.status) if last is not None else ""
    ended = f"{status} in {last.year}" if last is not None and status in ENDED else ""
    if not years or year in years:
        settings = plan.settings
        if ended and (status == STOPPED or not years or not recurring(timing, settings.start_year, settings.end_year)):
            return Standing(code, False, f"{ended}, geen rij", last=last)
        return Standing(code, True, last=last)
    if year < years[0]:
        return Standing(code, False, f"tijdstip '{timing}', begint pas in {years[0]}, geen rij", last=last)
    if year < years[-1]:
        return Standing(code, False, f"tijdstip '{timing}', niet in {year}, geen rij", last=last)
    if ended:
        return Standing(code, False, f"{ended}, geen rij", last=last)
    if last is None:
        return Standing(code, False, f"tijdstip '{timing}' voorbij en nooit opgevolgd, geen rij")
    said = f"'{last.status.strip()}' in {last.year}" if last.status.strip() else f"zonder status in {last.year}"
    return Standing(
        code,
        True,
        f"tijdstip '{timing}' voorbij en niet afgerond of stopgezet ({said}), toch een rij: "
        "verleng het tijdstip of zet de actie stop",
        overdue=True,
        last=last,
    )


def answered(row: FollowUp | None, last: FollowUp | None) -> bool:
    """Whether the year's row holds an answer: its own status or a stand van zaken. A status that only repeats
    the one of the year before, without a stand van zaken, is what an older nieuw-jaar put there: no answer."""
    if row is None:
        return False
    if row.progress.strip():
        return True
    status = word(row.status)
    return bool(status) and (last is None or word(last.status) != status)
