"""The context of the plan document (beleidsplan): every name its template may use, built from the model."""

from __future__ import annotations

from reporting.documents.budget import plan_budget
from reporting.documents.grouping import by_timing
from reporting.documents.structure import PlanTree, level_names, plan_tree
from reporting.documents.text import blocks, clean, paragraphs
from workbook.model import BBC, Action, Chapter, Indicator, Objective, Plan, Result

CLASSIC_COLUMNS = ["Resultaten", "Acties", "Wijze & tijdstip evaluatie / indicatoren"]
BBC_COLUMNS = ["Actie", "Omschrijving", "Wijze & tijdstip evaluatie / indicatoren"]


def common_context(plan: Plan, draft: bool) -> dict:
    """The names both documents share: who, what, when, and the draft and fiction notes."""
    settings = plan.settings
    period = ""
    if settings.start_year and settings.end_year:
        period = f"{settings.start_year}-{settings.end_year}"
    return {
        "gemeente": clean(settings.municipality),
        "titel": clean(settings.title),
        "periode": period,
        "beginjaar": settings.start_year or "",
        "eindjaar": settings.end_year or "",
        "opgesteld_door": clean(settings.author),
        "fictief": clean(settings.fictitious_note),
        "ontwerp": draft,
        "nummering": settings.numbering,
        "namen": level_names(settings.numbering),
    }


def heading(names: dict[str, str], level: str, objective: Objective) -> str:
    return f"{names[level]} {objective.code}: {clean(objective.title)}"


def plan_document_context(plan: Plan, *, draft: bool = False) -> dict:
    context = common_context(plan, draft)
    tree = plan_tree(plan)
    names = context["namen"]
    bbc = plan.settings.numbering == BBC
    context["titel"] = context["titel"] or f"Beleidsplan {context['periode']}".strip()
    context["kolommen"] = BBC_COLUMNS if bbc else CLASSIC_COLUMNS
    context["doelstellingen"] = [
        {
            "code": sd.code,
            "titel": clean(sd.title),
            "kop": heading(names, "strategisch", sd),
            "motivering": paragraphs(sd.motivation),
            "domein": clean(sd.domain),
            "operationele": [_operational(od, tree, names, bbc) for od in tree.operational.get(sd.code, [])],
        }
        for sd in tree.strategic
    ]
    context["hoofdstukken_voor"] = [_chapter(c) for c in plan.chapters if not c.after]
    context["hoofdstukken_na"] = [_chapter(c) for c in plan.chapters if c.after]
    context["begroting"] = plan_budget(plan)
    context["niet_ingedeeld"] = [
        {"soort": u.kind, "code": u.code, "tekst": clean(u.text), "cel": u.cell} for u in tree.unplaced
    ]
    return context


def _chapter(chapter: Chapter) -> dict:
    return {"titel": clean(chapter.title), "alineas": paragraphs(chapter.text)}


def _operational(od: Objective, tree: PlanTree, names: dict[str, str], bbc: bool) -> dict:
    rows = []
    if bbc:
        rows = [_action_row(action, tree) for action in tree.actions.get(od.code, [])]
    else:
        rows = [_result_row(result, tree) for result in tree.results.get(od.code, [])]
        direct = tree.actions.get(od.code, [])
        own = tree.indicators.get(od.code, [])
        if direct or own:
            rows.append(_row("", "", direct, tree.indicators_under(od.code, direct)))
    return {
        "code": od.code,
        "titel": clean(od.title),
        "kop": heading(names, "operationeel", od),
        "domein": clean(od.domain),
        "motivering": paragraphs(od.motivation),
        "rijen": rows,
    }


def _result_row(result: Result, tree: PlanTree) -> dict:
    actions = tree.actions.get(result.code, [])
    return _row(result.code, clean(result.text), actions, tree.indicators_under(result.code, actions))


def _row(code: str, text: str, actions: list[Action], indicators: list[Indicator]) -> dict:
    return {
        "code": code,
        "tekst": text,
        "acties": by_timing(actions, lambda a: a.timing, _action_item),
        "indicatoren": by_timing(indicators, lambda i: i.timing, _indicator_item),
    }


def _action_row(action: Action, tree: PlanTree) -> dict:
    description = [{"code": "", "tekst": text, "opsomming": bullet} for text, bullet in blocks(action.description)]
    return {
        "code": action.code,
        "tekst": clean(action.title),
        "acties": [{"kop": "", "lijst": description}] if description else [],
        "indicatoren": by_timing(tree.indicators_under(action.code, []), lambda i: i.timing, _indicator_item),
    }


def _action_item(action: Action) -> dict:
    return {"code": action.code, "tekst": clean(action.title), "opsomming": True}


def _indicator_item(indicator: Indicator) -> dict:
    return {"code": indicator.code, "tekst": clean(indicator.text), "opsomming": True}
