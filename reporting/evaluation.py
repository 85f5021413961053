"""The figures of the whole plan period: each action per year, each indicator against its target, the budget."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reporting.figures.trend import Trend
from reporting.figures.verdict import FALL, KEEP, NO_DATA, ON_TRACK, RISE
from reporting.figures.words import at_year, shown
from reporting.rollups import NO_FOLLOW_UP, NOT_FILLED, BudgetYear, budget_years
from workbook.plan.errors import WorkbookError
from workbook.plan.model import Action, FollowUp, Indicator, Plan
from workbook.plan.running import answered, running, word

# What became of an action by the end of the period.
FINISHED, STOPPED, CARRIED_ON, NEVER_FOLLOWED = "afgerond", "stopgezet", "loopt door", "nooit opgevolgd"
OUTCOMES = (FINISHED, STOPPED, CARRIED_ON, NEVER_FOLLOWED)
# The status cell of a year in which the action did not run, or for which nothing at all was filled in.
NOT_RUNNING = "–"

# The verdict on an indicator over the whole period.
MET, NOT_MET, ON_COURSE, OFF_COURSE, NOT_JUDGEABLE = (
    "gehaald",
    "niet gehaald",
    "op koers",
    "niet op koers",
    "niet te beoordelen",
)
VERDICTS = (MET, NOT_MET, ON_COURSE, OFF_COURSE, NOT_JUDGEABLE)
_SIGN = {RISE: 1, FALL: -1, KEEP: 0}


@dataclass(frozen=True, slots=True)
class ActionCourse:
    """One action over the period: its status word per year (NOT_RUNNING, NO_FOLLOW_UP or the officer's word),
    what became of it, in which year, and the stand van zaken of that year (the reason when it was stopped)."""

    action: Action
    statuses: tuple[str, ...]
    outcome: str
    outcome_year: int | None = None
    last_status: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class IndicatorCourse:
    """One quantitative indicator over the period: its trend as of the end year and the verdict of the evaluation
    with its reason in Dutch."""

    indicator: Indicator
    trend: Trend
    verdict: str
    reason: str


@dataclass(frozen=True, slots=True)
class Evaluation:
    start: int
    end: int
    finished: bool  # the last year of the period is over
    open_years: tuple[int, ...]  # years of the period not over yet on the day of the evaluation
    empty_years: tuple[int, ...]  # years for which no action was followed up
    actions: tuple[ActionCourse, ...]
    indicators: tuple[IndicatorCourse, ...]
    budget: tuple[BudgetYear, ...]
    status_words: tuple[str, ...]
    trends: tuple[Trend, ...]  # every indicator's, as of the end year

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.start, self.end + 1))

    def outcome_counts(self) -> dict[str, int]:
        return {outcome: sum(a.outcome == outcome for a in self.actions) for outcome in OUTCOMES}

    def verdict_counts(self) -> dict[str, int]:
        return {verdict: sum(i.verdict == verdict for i in self.indicators) for verdict in VERDICTS}

    def statuses_in(self, year: int) -> dict[str, int]:
        """The actions of `year` per status word (those that ran in it), in the order of status_words."""
        index = self.years.index(year)
        counted: dict[str, int] = {}
        for course in self.actions:
            status = course.statuses[index]
            if status != NOT_RUNNING:
                counted[status] = counted.get(status, 0) + 1
        return {w: counted[w] for w in self.status_words if counted.get(w)}


def evaluate(plan: Plan, today: date) -> Evaluation:
    """The evaluation of the whole period as of `today`, which decides whether the period is over."""
    from reporting.figures.trends import indicator_trends

    start, end = plan.settings.start_year, plan.settings.end_year
    if start is None or end is None or end < start:
        raise WorkbookError(
            f"De planperiode is niet bekend: vul 'Beginjaar' en 'Eindjaar' in op blad Instellingen "
            f"({plan.settings.cell('start_year')}, {plan.settings.cell('end_year')})."
        )
    years = tuple(range(start, end + 1))
    open_years = tuple(y for y in years if y >= today.year)
    finished = not open_years
    actions, empty = _action_courses(plan, years)
    trends = indicator_trends(plan, end)
    indicators = []
    by_code = {i.code: i for i in plan.indicators}
    for trend in trends:
        if trend.quantitative and trend.code in by_code:
            verdict, reason = judge(trend, end, finished)
            indicators.append(IndicatorCourse(by_code[trend.code], trend, verdict, reason))
    status_words = _ordered(plan.lists.get("Status"), [s for a in actions for s in a.statuses])
    return Evaluation(
        start,
        end,
        finished,
        open_years,
        empty,
        tuple(actions),
        tuple(indicators),
        tuple(b for b in budget_years(plan) if start <= b.year <= end),
        status_words,
        trends,
    )


# ---------------------------------------------------------------- actions


def _action_courses(plan: Plan, years: tuple[int, ...]) -> tuple[list[ActionCourse], tuple[int, ...]]:
    rows: dict[tuple[str, int], FollowUp] = {}
    for row in plan.follow_ups:
        if row.year in years and row.action_code:
            rows[(row.action_code, row.year)] = row  # the lowest row wins, as the officer corrects by adding
    runs = {year: running(plan, year) for year in years}
    answers: dict[tuple[str, int], FollowUp] = {}
    for action in plan.actions:
        last = None
        for year in years:
            row = rows.get((action.code, year))
            if answered(row, last):
                answers[(action.code, year)] = row
            if row is not None and row.status.strip():
                last = row
    empty = tuple(y for y in years if not any(year == y for _, year in answers))
    courses = []
    for action in plan.actions:
        statuses = []
        latest: FollowUp | None = None
        for year in years:
            row = answers.get((action.code, year))
            if row is not None:
                statuses.append(" ".join(row.status.split()) or NOT_FILLED)
                latest = row if row.status.strip() else latest
            elif year in empty or not (action.code in runs[year] or (action.code, year) in rows):
                statuses.append(NOT_RUNNING)
            else:
                statuses.append(NO_FOLLOW_UP)
        courses.append(_course(action, tuple(statuses), latest, any((action.code, y) in answers for y in years)))
    return courses, empty


def _course(action: Action, statuses: tuple[str, ...], latest: FollowUp | None, followed: bool) -> ActionCourse:
    if latest is None:
        return ActionCourse(action, statuses, CARRIED_ON if followed else NEVER_FOLLOWED)
    status = word(latest.status)
    note = " ".join(latest.progress.replace("**", "").split())
    if status == FINISHED:
        return ActionCourse(action, statuses, FINISHED, latest.year, latest.status.strip(), note)
    if status == STOPPED:
        return ActionCourse(action, statuses, STOPPED, latest.year, latest.status.strip(), note)
    return ActionCourse(action, statuses, CARRIED_ON, latest.year, latest.status.strip())


def _ordered(listed: tuple[str, ...], found: list[str]) -> tuple[str, ...]:
    """The workbook's status words first (in its order), then other words found, then the two gaps."""
    order = list(dict.fromkeys(listed))
    known = {w.casefold() for w in order}
    for status in found:
        if status not in (NOT_RUNNING, NOT_FILLED, NO_FOLLOW_UP) and status.casefold() not in known:
            order.append(status)
            known.add(status.casefold())
    spelled = {w.casefold(): w for w in order}
    return (*dict.fromkeys(spelled.get(w.casefold(), w) for w in order), NOT_FILLED, NO_FOLLOW_UP)


# ---------------------------------------------------------------- indicators


def judge(trend: Trend, end: int, finished: bool) -> tuple[str, str]:
    """The verdict over the period from the trend as of the end year (reporting.figures.verdict): gehaald when
    the last full-year value reaches the target; niet gehaald when the period (or the target year) is over with
    a final measurement that does not; op koers or niet op koers while the period runs; niet te beoordelen
    without enough full-year measurements, without a target or without a final measurement."""
    verdict, reason = trend.verdict, trend.reason
    if verdict == NO_DATA:
        return NOT_JUDGEABLE, reason
    unit = trend.unit
    target, value, year = trend.target_value, trend.compared_value, trend.compared_year
    if target is None:
        return NOT_JUDGEABLE, _joined(
            "Er is geen streefwaarde ingevuld, dus of het doel gehaald is, valt niet te zeggen.", reason
        )
    sign = _SIGN.get(trend.direction)
    if sign is None:
        return NOT_JUDGEABLE, reason
    reached = ((shown(value, unit) - shown(target, unit)) * sign >= 0) if sign else verdict == ON_TRACK
    if reached:
        return MET, reason
    target_year = trend.target_year if trend.target_year is not None else end
    final_year = min(int(target_year), end)
    if year is not None and int(year) >= final_year:
        return NOT_MET, reason
    if finished:
        goal = at_year(float(target), trend.target_year, unit, "tegen")
        return NOT_JUDGEABLE, _joined(
            f"Er is geen eindmeting: voor {final_year} staat er geen volledige meting op blad Metingen. "
            f"De laatste, {at_year(float(value), int(year), unit)}, haalt de streefwaarde {goal} niet.",
            reason,
        )
    return (ON_COURSE if verdict == ON_TRACK else OFF_COURSE), reason


def _joined(*sentences: str) -> str:
    return " ".join(s for s in sentences if s)
