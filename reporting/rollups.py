"""Roll-ups per objective and for the whole plan: actions by status, time and money, indicators by verdict, budget."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from reporting.figures.cofinancing import cofinancing_met
from reporting.figures.trend import Trend
from reporting.figures.verdict import VERDICTS
from workbook.plan import codes
from workbook.plan.model import Action, FollowUp, Plan
from workbook.plan.running import answered, previous_rows, running
from workbook.plan.schema import OFF_TRACK

NO_FOLLOW_UP = "geen opvolging"
NOT_FILLED = "niet ingevuld"
FLEMISH = "Vlaamse subsidie"
OWN = "Eigen middelen gemeente"
PLAN_LEVEL = 0


@dataclass(frozen=True, slots=True)
class GroupRollup:
    """The actions and indicators under one objective (level 1 or 2), or under the whole plan (level 0).

    Actions count when they run in the year (workbook.plan.running) or have a follow-up row for it. The counts by
    status, time and colour use the officer's own words; NO_FOLLOW_UP counts actions without a row for the year
    or whose row does not answer for it (workbook.plan.running.answered), NOT_FILLED rows where the column is empty.
    An action is on schedule when it has a follow-up row for the year that answers for it and none of its
    status, time and time colour is a word for off schedule (workbook.plan.schema.OFF_TRACK: vertraagd, uitgesteld,
    stopgezet, rood); `on_schedule_share` is on_schedule / followed_up (0..1).
    """

    code: str
    title: str
    level: int
    parent_code: str | None = None
    actions: int = 0
    followed_up: int = 0
    by_status: Mapping[str, int] = field(default_factory=dict)
    by_time: Mapping[str, int] = field(default_factory=dict)
    by_time_colour: Mapping[str, int] = field(default_factory=dict)
    by_money_colour: Mapping[str, int] = field(default_factory=dict)
    on_schedule: int = 0
    on_schedule_share: float | None = None
    indicators: int = 0
    by_verdict: Mapping[str, int] = field(default_factory=dict)
    descriptive: int = 0
    descriptive_measured: int = 0


@dataclass(frozen=True, slots=True)
class BudgetYear:
    """Planned and spent per year; co-financing = own municipal funding / Flemish subsidy (0..1).

    The rule is met when own funding is at least `cofinancing_min` times the Flemish subsidy; the `_spent`
    figures are None until something is spent that year.
    """

    year: int
    planned: float = 0.0
    spent: float | None = None
    flemish_planned: float = 0.0
    flemish_spent: float | None = None
    own_planned: float = 0.0
    own_spent: float | None = None
    other_planned: float = 0.0
    other_spent: float | None = None
    cofinancing_min: float | None = None
    cofinancing_planned: float | None = None
    cofinancing_spent: float | None = None
    required_own_planned: float | None = None
    required_own_spent: float | None = None
    rule_met_planned: bool | None = None
    rule_met_spent: bool | None = None


@dataclass(frozen=True, slots=True)
class PlanRollup:
    year: int | None
    plan: GroupRollup
    objectives: tuple[GroupRollup, ...] = ()
    budget: tuple[BudgetYear, ...] = ()
    status_words: tuple[str, ...] = ()

    def objective(self, code: str) -> GroupRollup:
        return next(o for o in self.objectives if o.code == code)

    @property
    def strategic(self) -> tuple[GroupRollup, ...]:
        return tuple(o for o in self.objectives if o.level == 1)

    def children(self, code: str) -> tuple[GroupRollup, ...]:
        return tuple(o for o in self.objectives if o.parent_code == code)


def plan_rollup(plan: Plan, year: int | None = None, trends: Sequence[Trend] | None = None) -> PlanRollup:
    """Roll the plan up for `year` (default: the report year); pass `trends` when already computed."""
    if year is None:
        year = plan.settings.report_year
    if trends is None:
        from reporting.figures.trends import indicator_trends

        trends = indicator_trends(plan, year)
    ancestry = _Ancestry(plan)
    objective_codes = {o.code for o in plan.objectives}

    def groups(code: str | None) -> list[str]:
        return [""] + [c for c in ancestry.ancestors(code) if c in objective_codes]

    # The facts of each action and indicator under every group it counts for ("" is the whole plan), in plan
    # order: plain lists, as pandas costs milliseconds per group and a plan has hundreds of objectives.
    actions: list[dict[str, object]] = []  # every action once per group, as the word orders see them
    actions_by_group: dict[str, list[dict[str, object]]] = {}
    for action, follow_up in _actions_in_year(plan, year):
        facts = _action_facts(follow_up)
        for group in groups(action.code):
            actions_by_group.setdefault(group, []).append(facts)
            actions.append(facts)
    indicators_by_group: dict[str, list[Trend]] = {}
    for trend in trends:
        for group in groups(trend.code):
            indicators_by_group.setdefault(group, []).append(trend)
    status_words = _ordered_words(plan.lists.get("Status"), [a["status"] for a in actions])
    time_words = _ordered_words(plan.lists.get("Tijd"), [a["time"] for a in actions])
    colour_words = _ordered_words(
        plan.lists.get("Kleur"), [a["time_colour"] for a in actions] + [a["money_colour"] for a in actions]
    )

    def rollup(code: str, title: str, level: int, parent: str | None) -> GroupRollup:
        found = actions_by_group.get(code, [])
        measured = indicators_by_group.get(code, [])
        quantitative = [i for i in measured if i.quantitative]
        descriptive = [i for i in measured if not i.quantitative]
        followed = sum(bool(a["followed_up"]) for a in found)
        on_schedule = sum(bool(a["on_schedule"]) for a in found)
        return GroupRollup(
            code=code,
            title=title,
            level=level,
            parent_code=parent,
            actions=len(found),
            followed_up=followed,
            by_status=_counts([a["status"] for a in found], status_words),
            by_time=_counts([a["time"] for a in found], time_words),
            by_time_colour=_counts([a["time_colour"] for a in found], colour_words),
            by_money_colour=_counts([a["money_colour"] for a in found], colour_words),
            on_schedule=on_schedule,
            on_schedule_share=on_schedule / followed if followed else None,
            indicators=len(quantitative),
            by_verdict=_counts([i.verdict for i in quantitative], VERDICTS),
            descriptive=len(descriptive),
            descriptive_measured=sum(bool(i.measured_in_year) for i in descriptive),
        )

    title = plan.settings.title or plan.settings.municipality
    return PlanRollup(
        year=year,
        plan=rollup("", title, PLAN_LEVEL, None),
        objectives=tuple(rollup(o.code, o.title, o.level, o.parent_code) for o in plan.objectives),
        budget=budget_years(plan),
        status_words=status_words,
    )


class _Ancestry:
    """Walk up from an action, result or indicator code to the objectives above it."""

    def __init__(self, plan: Plan) -> None:
        self.parents: dict[str, str | None] = {}
        for row in (*plan.objectives, *plan.results, *plan.actions, *plan.indicators):
            self.parents.setdefault(row.code, row.parent_code)
        self.numbering = plan.settings.numbering

    def parent(self, code: str) -> str | None:
        if self.parents.get(code):
            return self.parents[code]
        if parent := codes.indicator_parent(code):
            return parent
        return codes.expected_parent(code, self.numbering)

    def ancestors(self, code: str | None) -> Iterator[str]:
        seen: set[str] = set()
        current = self.parent(code) if code else None
        while current and current not in seen:
            yield current
            seen.add(current)
            current = self.parent(current)


def _actions_in_year(plan: Plan, year: int | None) -> Iterator[tuple[Action, FollowUp | None]]:
    """Actions running in the year (workbook.plan.running) or with a row for it, each with its (last) follow-up row for
    the year when that row answers for it; without a year, every action with its most recent follow-up."""
    latest: dict[str, FollowUp] = {}
    for follow_up in plan.follow_ups:
        if year is not None and follow_up.year != year:
            continue
        known = latest.get(follow_up.action_code)
        if known is None or (follow_up.year or 0) >= (known.year or 0):
            latest[follow_up.action_code] = follow_up
    if year is None:
        yield from ((action, latest.get(action.code)) for action in plan.actions)
        return
    runs, previous = running(plan, year), previous_rows(plan, year)
    for action in plan.actions:
        follow_up = latest.get(action.code)
        if follow_up is not None or action.code in runs:
            # A row without its own status or stand van zaken is no follow-up (workbook.plan.running.answered).
            yield action, follow_up if answered(follow_up, previous.get(action.code)) else None


def _action_facts(follow_up: FollowUp | None) -> dict[str, object]:
    if follow_up is None:
        return {
            "followed_up": False,
            "status": NO_FOLLOW_UP,
            "time": NO_FOLLOW_UP,
            "time_colour": NO_FOLLOW_UP,
            "money_colour": NO_FOLLOW_UP,
            "on_schedule": False,
        }
    words = [w.strip() for w in (follow_up.status, follow_up.time, follow_up.time_colour)]
    on_schedule = any(words) and not any(w.casefold() in OFF_TRACK for w in words)
    return {
        "followed_up": True,
        "status": follow_up.status.strip() or NOT_FILLED,
        "time": follow_up.time.strip() or NOT_FILLED,
        "time_colour": follow_up.time_colour.strip() or NOT_FILLED,
        "money_colour": follow_up.money_colour.strip() or NOT_FILLED,
        "on_schedule": on_schedule,
    }


def _ordered_words(listed: tuple[str, ...], found: list[str]) -> tuple[str, ...]:
    """The list's words first (in the officer's order), then other words found, then the two gap labels."""
    order = list(dict.fromkeys(listed))
    known = {w.casefold() for w in order}
    for word in found:
        if word not in (NOT_FILLED, NO_FOLLOW_UP) and word.casefold() not in known:
            order.append(word)
            known.add(word.casefold())
    return (*order, NOT_FILLED, NO_FOLLOW_UP)


def _counts(values: list[str], order: tuple[str, ...]) -> dict[str, int]:
    """Counts in the given order, words matched without regard to case; only words that occur."""
    spelled = {w.casefold(): w for w in reversed(order)}
    counted = Counter(spelled.get(w.casefold(), w) for w in values)
    result = {w: counted[w] for w in dict.fromkeys(order) if w in counted}
    for word, number in counted.most_common():
        result.setdefault(word, number)
    return result


def budget_years(plan: Plan) -> tuple[BudgetYear, ...]:
    """Planned against spent per year, and own funding against the Flemish subsidy (Minimale cofinanciering)."""
    lines_by_year: dict[int, list[tuple[str | None, float | None, float | None]]] = {}
    for line in plan.budget_lines:
        if line.year is not None:
            lines_by_year.setdefault(line.year, []).append((_funding(line.funding_kind), line.planned, line.spent))
    minimum = plan.settings.cofinancing_min
    result = []
    for year, lines in sorted(lines_by_year.items()):
        sums = {}
        for kind in (FLEMISH, OWN, None):
            part = [line for line in lines if kind is None or line[0] == kind]
            planned = float(sum(p for _, p, _ in part if p is not None))
            spent_values = [s for _, _, s in part if s is not None]
            spent = float(sum(spent_values)) if spent_values else None
            sums[kind] = (planned, spent)
        any_spent = sums[None][1] is not None
        flemish_spent = (sums[FLEMISH][1] or 0.0) if any_spent else None
        own_spent = (sums[OWN][1] or 0.0) if any_spent else None
        result.append(
            BudgetYear(
                year=int(year),
                planned=sums[None][0],
                spent=sums[None][1],
                flemish_planned=sums[FLEMISH][0],
                flemish_spent=flemish_spent,
                own_planned=sums[OWN][0],
                own_spent=own_spent,
                other_planned=sums[None][0] - sums[FLEMISH][0] - sums[OWN][0],
                other_spent=None if not any_spent else sums[None][1] - flemish_spent - own_spent,
                cofinancing_min=minimum,
                cofinancing_planned=_ratio(sums[OWN][0], sums[FLEMISH][0]),
                cofinancing_spent=_ratio(own_spent, flemish_spent),
                required_own_planned=_required(minimum, sums[FLEMISH][0]),
                required_own_spent=_required(minimum, flemish_spent),
                rule_met_planned=_met(sums[OWN][0], minimum, sums[FLEMISH][0]),
                rule_met_spent=_met(own_spent, minimum, flemish_spent),
            )
        )
    return tuple(result)


def _funding(kind: str) -> str | None:
    """ "Vlaamse subsidie" and "Eigen middelen gemeente", also in the officer's own spelling of them."""
    word = kind.casefold()
    if "vlaams" in word:
        return FLEMISH
    if "eigen" in word:
        return OWN
    return "andere"


def _ratio(own: float | None, flemish: float | None) -> float | None:
    return own / flemish if own is not None and flemish else None


def _required(minimum: float | None, flemish: float | None) -> float | None:
    return minimum * flemish if minimum is not None and flemish else None


def _met(own: float | None, minimum: float | None, flemish: float | None) -> bool | None:
    if own is None or minimum is None or not flemish:
        return None
    return cofinancing_met(own, minimum, flemish)
