"""The plan as a tree for documents: objectives, results, actions and indicators under their parents, in code order."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from workbook.plan.codes import sort_key
from workbook.plan.model import Action, Indicator, Objective, Plan, Result


@dataclass(frozen=True)
class Unplaced:
    """A row whose parent code is nowhere in the plan, so it has no place in the document's structure."""

    kind: str
    code: str
    text: str
    cell: str


@dataclass(frozen=True)
class PlanTree:
    strategic: list[Objective]
    operational: dict[str, list[Objective]] = field(default_factory=dict)
    results: dict[str, list[Result]] = field(default_factory=dict)
    actions: dict[str, list[Action]] = field(default_factory=dict)
    indicators: dict[str, list[Indicator]] = field(default_factory=dict)
    unplaced: list[Unplaced] = field(default_factory=list)

    def indicators_under(self, code: str, actions: list[Action]) -> list[Indicator]:
        """Indicators of a result or objective and of the given actions under it, in code order."""
        found = list(self.indicators.get(code, []))
        for action in actions:
            found += self.indicators.get(action.code, [])
        return sorted(found, key=lambda i: sort_key(i.code))


def _sorted(rows, key=lambda row: row.code):
    return sorted(rows, key=lambda row: sort_key(key(row)))


def plan_tree(plan: Plan) -> PlanTree:
    """Place every row under its parent; rows whose parent is missing are listed as unplaced."""
    strategic = _sorted(plan.strategic)
    unplaced: list[Unplaced] = []
    operational = _placed(plan.operational, {o.code for o in strategic}, "doelstelling", lambda o: o.title, unplaced)
    placed_operational = _codes(operational)
    # A numbering without a results level (BBC, classic without results) places no result: the row is listed.
    result_parents = placed_operational if plan.settings.has_results else set()
    results = _placed(plan.results, result_parents, "resultaat", lambda r: r.text, unplaced)
    placed_results = _codes(results)
    actions = _placed(plan.actions, placed_results | placed_operational, "actie", lambda a: a.title, unplaced)
    parents = {o.code for o in strategic} | placed_operational | placed_results | _codes(actions)
    indicators = _placed(plan.indicators, parents, "indicator", lambda i: i.text, unplaced)
    return PlanTree(strategic, operational, results, actions, indicators, unplaced)


def _placed(rows, parents: set[str], kind: str, text, unplaced: list[Unplaced]) -> dict[str, list]:
    """The rows in code order under their parent's code when it is one of `parents`; the others added to `unplaced`
    as `kind` with their `text`."""
    placed: dict[str, list] = defaultdict(list)
    for row in _sorted(rows):
        if row.parent_code in parents:
            placed[row.parent_code].append(row)
        else:
            unplaced.append(Unplaced(kind, row.code, text(row), row.origin.cell("code")))
    return dict(placed)


def _codes(placed: dict[str, list]) -> set[str]:
    return {row.code for members in placed.values() for row in members}


def level_names(numbering: str) -> dict[str, str]:
    """What the levels are called in documents: classic plans and BBC plans use different words."""
    from workbook.plan.model import BBC

    if numbering == BBC:
        return {
            "strategisch": "Beleidsdoelstelling",
            "strategisch_mv": "Beleidsdoelstellingen",
            "operationeel": "Actieplan",
            "operationeel_mv": "Actieplannen",
            "resultaat": "Resultaat",
            "actie": "Actie",
        }
    return {
        "strategisch": "Strategische doelstelling",
        "strategisch_mv": "Strategische doelstellingen",
        "operationeel": "Operationele doelstelling",
        "operationeel_mv": "Operationele doelstellingen",
        "resultaat": "Resultaat",
        "actie": "Actie",
    }
