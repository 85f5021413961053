"""The context of the plan document (beleidsplan): every name its template may use, built from the model."""

from __future__ import annotations

from reporting.documents.contexts.budget import plan_budget
from reporting.documents.contexts.grouping import by_timing
from reporting.documents.contexts.structure import PlanTree, level_names, plan_tree
from reporting.documents.engine.made_on_demand import MadeOnDemand
from reporting.documents.wordml.lists import Lists
from reporting.documents.wordml.text import blocks, clean, paragraphs
from reporting.figures.formatting import number
from workbook.plan.model import BBC, Action, Chapter, Indicator, Objective, Plan, Result, has_results
from workbook.plan.schema import DATA_SHEETS, SETTINGS, SETTINGS_SHEET
from workbook.reading.adjustments import adjustment_notes

CLASSIC_COLUMNS = ["Resultaten", "Acties", "Wijze & tijdstip evaluatie / indicatoren"]
BBC_COLUMNS = ["Actie", "Omschrijving", "Wijze & tijdstip evaluatie / indicatoren"]
# A plan without actions (results with their evaluation only, as older plans are written) gets two columns.
NO_ACTION_COLUMNS = ["Resultaten", "Wijze & tijdstip evaluatie / indicatoren"]
# A plan without results whose actions have no indicators of their own: the actions in two columns, each objective's
# indicators in a table of their own under them.
ACTION_ONLY_COLUMNS = ["Actie", "Omschrijving"]


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
        "ontwerp_ontbreekt": "; ".join(not_read(plan)) if draft else "",
        "nummering": settings.numbering,
        "namen": level_names(settings.numbering),
    }


def not_read(plan: Plan) -> list[str]:
    """What the reader could not read and a document therefore misses: "het blad Metingen", "de kolom 'Status'
    op blad Opvolging", in workbook order."""
    sheets = {spec.name: spec for spec in DATA_SHEETS}
    found = []
    for note in plan.notes:
        if not note.error:
            continue
        if note.field == "*":
            found.append(f"het blad {note.sheet}")
        elif note.sheet in sheets:
            header = sheets[note.sheet].column(note.field).header
            found.append(f"de kolom '{header}' op blad {note.sheet}")
        elif note.sheet == SETTINGS_SHEET:
            key = next((s.key for s in SETTINGS if s.field == note.field), note.field)
            found.append(f"de instelling '{key}'")
    return found


def heading(names: dict[str, str], level: str, objective: Objective) -> str:
    return f"{names[level]} {objective.code}: {clean(objective.title)}"


def plan_document_context(plan: Plan, *, draft: bool = False, lists: Lists | None = None) -> dict:
    """`lists` numbers the lists of the document being rendered (without it, they are numbered on their own)."""
    lists = lists or Lists()
    context = common_context(plan, draft)
    tree = plan_tree(plan)
    names = context["namen"]
    numbering = plan.settings.numbering
    results = plan.settings.has_results
    context["titel"] = context["titel"] or f"Beleidsplan {context['periode']}".strip()
    context["zonder_acties"] = results and not plan.actions
    actions = {a.code for a in plan.actions}
    context["acties_zonder_indicatoren"] = split = not results and not any(
        i.parent_code in actions for i in plan.indicators
    )
    context["kolommen"] = (
        (ACTION_ONLY_COLUMNS if split else BBC_COLUMNS)
        if not results
        else NO_ACTION_COLUMNS
        if context["zonder_acties"]
        else CLASSIC_COLUMNS
    )
    notes = adjustment_notes(plan.adjustments)
    context["doelstellingen"] = MadeOnDemand(
        tree.strategic,
        lambda sd: _noted(
            notes,
            {
                "code": sd.code,
                "titel": clean(sd.title),
                "kop": heading(names, "strategisch", sd),
                "motivering": paragraphs(sd.motivation),
                "motivering_lijst": lists.paragraphs(blocks(sd.motivation), bold_markup=True),
                "domein": clean(sd.domain),
                "indicator_rijen": _strategic_indicators(sd, tree),
                "operationele": [
                    _operational(od, tree, names, numbering, lists, split) for od in tree.operational.get(sd.code, [])
                ],
            },
        ),
    )
    context["hoofdstukken_voor"] = [_chapter(c) for c in plan.chapters if not c.after]
    context["hoofdstukken_na"] = [_chapter(c) for c in plan.chapters if c.after]
    context["begroting"] = plan_budget(plan)
    context["niet_ingedeeld"] = [
        {"soort": u.kind, "code": u.code, "tekst": clean(u.text), "cel": u.cell} for u in tree.unplaced
    ]
    return context


def _noted(notes: dict[str, str], value: object) -> object:
    """The plan as adjusted: beside each result, action and indicator changed on blad Bijsturing, in its table
    cell, the note of the change."""
    if not notes:
        return value
    if isinstance(value, list):
        return [_noted(notes, item) for item in value]
    if not isinstance(value, dict):
        return value
    found = {key: _noted(notes, item) for key, item in value.items()}
    note = notes.get(found.get("code") or "")
    if note and "tekst" in found:
        found["tekst"] = f"{found['tekst']} ({note})"
    return found


def _chapter(chapter: Chapter) -> dict:
    return {"titel": clean(chapter.title), "alineas": paragraphs(chapter.text)}


def _operational(
    od: Objective, tree: PlanTree, names: dict[str, str], numbering: str, lists: Lists, split: bool = False
) -> dict:
    """Without a results level (BBC, classic without results) a row per action, as the council wrote them; the
    objective's own indicators in a table of their own under them when no action has indicators (`split`) or in a
    BBC plan, else in a last row."""
    rows, own_table = [], []
    if not has_results(numbering):
        rows = [_action_row(action, tree, lists) for action in tree.actions.get(od.code, [])]
        own = tree.indicators.get(od.code, [])
        if own and (split or numbering == BBC):  # a BBC plan evaluates its actions: the actieplan's apart
            own_table = [_row("", "", [], own)]
        elif own:
            rows.append(_row("", "", [], tree.indicators_under(od.code, [])))
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
        "motivering_lijst": lists.paragraphs(blocks(od.motivation), bold_markup=True),
        "rijen": rows,
        "indicator_rijen": own_table,
    }


def _strategic_indicators(sd: Objective, tree: PlanTree) -> list[dict]:
    """The indicators of the strategic objective itself, as the one row of a table under its motivation; none when
    it has none."""
    own = tree.indicators.get(sd.code, [])
    return [_row("", "", [], own)] if own else []


def _result_row(result: Result, tree: PlanTree) -> dict:
    actions = tree.actions.get(result.code, [])
    return _row(result.code, clean(result.text), actions, tree.indicators_under(result.code, actions))


def _row(code: str, text: str, actions: list[Action], indicators: list[Indicator]) -> dict:
    return {
        "code": code,
        "tekst": text,
        "acties": _with_details(by_timing(actions, lambda a: a.timing, _action_item)),
        "indicatoren": _with_details(by_timing(indicators, lambda i: i.timing, _indicator_item)),
    }


def _action_row(action: Action, tree: PlanTree, lists: Lists) -> dict:
    description = [{"code": "", **item} for item in lists.paragraphs(blocks(action.description), table=True)]
    if details := action_details(action):
        description.append(_plain_line(details))
    return {
        "code": action.code,
        "tekst": clean(action.title),
        "acties": [{"kop": "", "lijst": description}] if description else [],
        "indicatoren": _with_details(
            by_timing(tree.indicators_under(action.code, []), lambda i: i.timing, _indicator_item)
        ),
    }


def _listed(code: str, text: str, detail: str) -> dict:
    """An item of a cell's list: its code and text as a bullet, `detail` for the plain line under it."""
    return {"code": code, "tekst": clean(text), "opsomming": True, "lijstalinea": None, "detail": detail}


def _plain_line(text: str) -> dict:
    """A line of a cell's list without code or bullet."""
    return {"code": "", "tekst": text, "opsomming": False, "lijstalinea": None}


def _action_item(action: Action) -> dict:
    return _listed(action.code, action.title, action_details(action, with_timing=False))


def _with_details(groups: list[dict]) -> list[dict]:
    """Under each item with details (trekker, partners, budget; nulmeting, streefwaarde) a plain line with them."""
    for group in groups:
        lijst = []
        for item in group["lijst"]:
            detail = item.pop("detail", "")
            lijst.append(item)
            if detail:
                lijst.append(_plain_line(detail))
        group["lijst"] = lijst
    return groups


def action_details(action: Action, with_timing: bool = True) -> str:
    """ "Trekker: Integratiedienst – Partners: OCMW – Budget: € 2.500", as `planrapport importeren` reads it back."""
    fields = [
        ("Timing", action.timing if with_timing else ""),
        ("Trekker", action.lead),
        ("Partners", action.partners),
        ("Budget", action.budget),
        ("Contact", action.contact),
    ]
    return " \u2013 ".join(f"{name}: {' '.join(clean(value).split())}" for name, value in fields if value)


def _indicator_item(indicator: Indicator) -> dict:
    return _listed(indicator.code, indicator.text, measures(indicator))


def measures(indicator: Indicator) -> str:
    """ "(nulmeting 2011: 14; streefwaarde 2013: 22)" for an indicator with a baseline or a target, else ""."""
    parts = []
    for word, year, value in (
        ("nulmeting", indicator.baseline_year, indicator.baseline_value),
        ("streefwaarde", indicator.target_year, indicator.target_value),
    ):
        if value is not None:
            parts.append(f"{word}{f' {year}' if year else ''}: {number(value, 6)}")
    return f"({'; '.join(parts)})" if parts else ""
