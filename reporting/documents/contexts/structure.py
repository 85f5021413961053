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
    strategic_codes = {o.code for o in strategic}
    operational: dict[str, list[Objective]] = defaultdict(list)
    unplaced: list[Unplaced] = []
    for objective in _sorted(plan.operational):
        if objective.parent_code in strategic_codes:
            operational[objective.parent_code].append(objective)
        else:
            unplaced.append(Unplaced("doelstelling", objective.code, objective.title, objective.origin.cell("code")))
    placed_operational = {o.code for members in operational.values() for o in members}
    results: dict[str, list[Result]] = defaultdict(list)
    for result in _sorted(plan.results):
        if result.parent_code in placed_operational:
            results[result.parent_code].append(result)
        else:
            unplaced.append(Unplaced("resultaat", result.code, result.text, result.origin.cell("code")))
    placed_results = {r.code for members in results.values() for r in members}
    actions: dict[str, list[Action]] = defaultdict(list)
    for action in _sorted(plan.actions):
        if action.parent_code in placed_results or action.parent_code in placed_operational:
            actions[action.parent_code].append(action)
        else:
            unplaced.append(Unplaced("actie", action.code, action.title, action.origin.cell("code")))
    parents = placed_operational | placed_results | {a.code for members in actions.values() for a in members}
    indicators: dict[str, list[Indicator]] = defaultdict(list)
    for indicator in _sorted(plan.indicators):
        if indicator.parent_code in parents:
            indicators[indicator.parent_code].append(indicator)
        else:
            unplaced.append(Unplaced("indicator", indicator.code, indicator.text, indicator.origin.cell("code")))
    return PlanTree(strategic, dict(operational), dict(results), dict(actions), dict(indicators), unplaced)


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
