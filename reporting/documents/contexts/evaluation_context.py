"""The context of the evaluation of the plan period (evaluatie): every name its template may use."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from reporting.documents.contexts.evaluation_budget import budget_sentences, period_budget
from reporting.documents.contexts.plan_context import common_context, heading
from reporting.documents.contexts.structure import PlanTree, plan_tree
from reporting.documents.wordml.markers import marker
from reporting.documents.wordml.text import clean
from reporting.evaluation import (
    CARRIED_ON,
    FINISHED,
    MET,
    NEVER_FOLLOWED,
    NOT_JUDGEABLE,
    NOT_MET,
    NOT_RUNNING,
    OFF_COURSE,
    ON_COURSE,
    STOPPED,
    ActionCourse,
    Evaluation,
    IndicatorCourse,
)
from reporting.figures import formatting
from reporting.figures.words import at_year, join_words, measured_value, year_span
from workbook.plan.model import Indicator, Plan

ImageMaker = Callable[[object, float], object]
CHART_WIDTH_CM = 14.0
# An indicator chart needs at least this many measured periods (as in the year report).
MIN_CHART_POINTS = 2

_OUTCOME_COLOURS = {FINISHED: "groen", STOPPED: "rood", CARRIED_ON: "", NEVER_FOLLOWED: ""}
_OUTCOME_LABELS = {
    FINISHED: "Afgerond",
    STOPPED: "Stopgezet",
    CARRIED_ON: "Loopt door",
    NEVER_FOLLOWED: "Nooit opgevolgd",
}
_VERDICT_COLOURS = {MET: "groen", NOT_MET: "rood", ON_COURSE: "groen", OFF_COURSE: "oranje", NOT_JUDGEABLE: ""}
_VERDICT_PHRASES = {
    MET: ("is gehaald", "zijn gehaald"),
    NOT_MET: ("is niet gehaald", "zijn niet gehaald"),
    ON_COURSE: ("is op koers", "zijn op koers"),
    OFF_COURSE: ("is niet op koers", "zijn niet op koers"),
    NOT_JUDGEABLE: ("is niet te beoordelen", "zijn niet te beoordelen"),
}


def _count(number: int, one: str, many: str) -> str:
    return f"{formatting.number(number)} {one if number == 1 else many}"


def _share(part: int | float, whole: int | float) -> str:
    return formatting.percent(part / whole * 100, 0) if whole else ""


def running_note(evaluation: Evaluation) -> str:
    """The sentence of a draft made before the period is over, or ""."""
    if evaluation.finished:
        return ""
    return (
        f"De planperiode loopt tot {evaluation.end}; de cijfers van {year_span(evaluation.open_years)} zijn nog "
        "niet volledig."
    )


def evaluation_context(
    plan: Plan,
    evaluation: Evaluation,
    charts: Mapping[str, object],
    image: ImageMaker,
    *,
    today: date,
    draft: bool = False,
) -> dict:
    """`charts` holds the planned charts: "verloop" (statuses over the years) and one per indicator code."""
    context = common_context(plan, draft)
    tree = plan_tree(plan)
    names = context["namen"]
    period = f"{evaluation.start}-{evaluation.end}"
    courses = {c.action.code: c for c in evaluation.actions}
    indicators = {c.indicator.code: c for c in evaluation.indicators}
    status_chart = charts.get("verloop")
    context.update(
        datum=formatting.long_date(today),
        titel=context["titel"] or f"Evaluatie {period}",
        periode=period,
        lopend=running_note(evaluation),
        jaren=[str(y) for y in evaluation.years],
        samenvatting=_summary(plan, evaluation),
        verloop={
            "zinnen": _course_sentences(evaluation),
            "grafiek": {
                "beeld": image(status_chart, CHART_WIDTH_CM),
                "bijschrift": f"Acties per status in elk jaar van de planperiode {period}",
            }
            if status_chart is not None
            else None,
        },
        doelstellingen=[
            _strategic(plan, sd, tree, names, evaluation, courses, indicators, charts, image) for sd in tree.strategic
        ],
        begroting=period_budget(evaluation),
        bijsturingen=adjustments(plan),
        niet_ingedeeld=[
            {"soort": u.kind, "code": u.code, "tekst": clean(u.text), "cel": u.cell} for u in tree.unplaced
        ],
    )
    return context


# ---------------------------------------------------------------- the council summary


def _summary(plan: Plan, evaluation: Evaluation) -> dict:
    title = clean(plan.settings.title) or "beleidsplan"
    place = clean(plan.settings.municipality)
    period = f"{evaluation.start}-{evaluation.end}"
    intro = [
        f"Deze evaluatie beschrijft wat er van het plan '{title}'{f' van {place}' if place else ''} terechtkwam "
        f"over de hele planperiode {period}: wat er van elke actie werd, hoe de indicatoren evolueerden tegenover "
        f"hun streefwaarde{' en hoe het budget besteed werd' if evaluation.budget else ''}."
    ]
    if note := running_note(evaluation):
        intro.append(note + " Dit is daarom een ontwerp; maak de evaluatie opnieuw als het laatste jaar voorbij is.")
    if evaluation.empty_years:
        intro.append(
            f"Voor {year_span(evaluation.empty_years)} is op blad Opvolging voor geen enkele actie een opvolging "
            "ingevuld."
        )
    outcomes = evaluation.outcome_counts()
    total = len(evaluation.actions)
    action_lines = []
    if total:
        parts = [
            f"{formatting.number(n)} {what}"
            for n, what in (
                (outcomes[FINISHED], "afgerond"),
                (outcomes[STOPPED], "stopgezet"),
                (outcomes[CARRIED_ON], "nog niet afgerond of stopgezet (die lopen door)"),
            )
            if n
        ]
        sentence = (
            (
                f"Van de {_count(total, 'actie', 'acties')} {'is' if total == 1 else 'zijn er'} "
                + join_words(parts)
                + "."
            )
            if parts
            else ""
        )
        if outcomes[NEVER_FOLLOWED]:
            never = _count(outcomes[NEVER_FOLLOWED], "actie werd", "acties werden")
            sentence += f"{' ' if sentence else ''}{never} in geen enkel jaar opgevolgd."
        action_lines.append(sentence)
    verdicts = evaluation.verdict_counts()
    indicator_lines = []
    counted = len(evaluation.indicators)
    if counted:
        parts = []
        for verdict, number in verdicts.items():
            if number:
                one, many = _VERDICT_PHRASES[verdict]
                parts.append(f"{formatting.number(number)} {one if number == 1 else many}")
        indicator_lines.append(
            f"Van de {_count(counted, 'cijfermatige indicator', 'cijfermatige indicatoren')}: {join_words(parts)}."
        )
    budget_lines, spent_share = budget_sentences(evaluation)
    return {
        "inleiding": intro,
        "acties": [
            {
                "uitkomst": _OUTCOME_LABELS[o],
                "aantal": formatting.number(n),
                "aandeel": _share(n, total),
                "marker": marker(o, _OUTCOME_COLOURS[o]),
            }
            for o, n in outcomes.items()
            if n
        ],
        "acties_totaal": formatting.number(total),
        "actiezinnen": action_lines,
        "indicatoren": [
            {
                "oordeel": v,
                "aantal": formatting.number(n),
                "aandeel": _share(n, counted),
                "marker": marker(v, _VERDICT_COLOURS[v]),
            }
            for v, n in verdicts.items()
            if n
        ],
        "indicatorzinnen": indicator_lines,
        "budgetzinnen": budget_lines,
        "besteed_aandeel": spent_share,
    }


def _course_sentences(evaluation: Evaluation) -> list[str]:
    lines = [
        f"Per actie de status van elk jaar op blad Opvolging en wat er op het einde van werd. "
        f"'{NOT_RUNNING}' betekent dat de actie dat jaar niet liep of dat er dat jaar voor geen enkele actie "
        f"iets is ingevuld; 'geen opvolging' dat ze liep maar niet werd opgevolgd."
    ]
    stopped = [c for c in evaluation.actions if c.outcome == STOPPED]
    if stopped:
        lines.append(f"Stopgezet: {join_words([c.action.code for c in stopped])}; de reden staat bij elke actie.")
    return lines


# ---------------------------------------------------------------- objectives, actions, indicators


def _strategic(
    plan, sd, tree: PlanTree, names, evaluation: Evaluation, courses, indicators, charts, image: ImageMaker
) -> dict:
    own = tree.indicators.get(sd.code, [])
    return {
        "kop": heading(names, "strategisch", sd),
        "indicatoren": _indicator_block(
            evaluation, [i for i in own if i.code in indicators], indicators, charts, image
        ),
        "beschrijvend": [{"code": i.code, "tekst": clean(i.text)} for i in own if i.code not in indicators],
        "operationele": [
            _operational(plan, od, tree, names, evaluation, courses, indicators, charts, image)
            for od in tree.operational.get(sd.code, [])
        ],
    }


def _operational(
    plan, od, tree: PlanTree, names, evaluation: Evaluation, courses, indicators, charts, image: ImageMaker
) -> dict:
    under = [od.code] + [r.code for r in tree.results.get(od.code, [])]
    actions = [a for code in under for a in tree.actions.get(code, [])]
    found = tree.indicators_under(od.code, [])
    for code in under[1:]:
        found += tree.indicators_under(code, tree.actions.get(code, []))
    for action in tree.actions.get(od.code, []):
        found += tree.indicators.get(action.code, [])
    rows = [_action_row(courses[a.code]) for a in actions if a.code in courses]
    ended = [c for c in (courses.get(a.code) for a in actions) if c is not None and c.outcome in (STOPPED, FINISHED)]
    return {
        "kop": heading(names, "operationeel", od),
        "domein": clean(od.domain),
        "acties": rows,
        "beeindigd": [
            {
                "code": c.action.code,
                "uitkomst": _OUTCOME_LABELS[c.outcome],
                "jaar": c.outcome_year,
                "reden": clean(c.note) or ("geen reden ingevuld" if c.outcome == STOPPED else ""),
            }
            for c in ended
        ],
        "indicatoren": _indicator_block(
            evaluation, [i for i in found if i.code in indicators], indicators, charts, image
        ),
        "beschrijvend": [{"code": i.code, "tekst": clean(i.text)} for i in found if i.code not in indicators],
    }


def _action_row(course: ActionCourse) -> dict:
    statuses = []
    for status in course.statuses:
        statuses.append({"tekst": status, "marker": marker(status) if status != NOT_RUNNING else ""})
    return {
        "code": course.action.code,
        "titel": clean(course.action.title),
        "statussen": statuses,
        "uitkomst": _OUTCOME_LABELS[course.outcome],
        "marker": marker(course.outcome, _OUTCOME_COLOURS[course.outcome]),
    }


def _periods(evaluation: Evaluation, courses: list[IndicatorCourse]) -> list[tuple[int, bool, str]]:
    """The measured periods of these indicators, and the end year (the final measurement), in time order."""
    found = {(evaluation.end, False): str(evaluation.end)}
    for course in courses:
        for point in course.trend.points:
            if point.value is not None or point.share is not None:
                found[(point.year, point.partial)] = point.period
    return [(year, partial, label) for (year, partial), label in sorted(found.items())]


def _indicator_block(
    evaluation: Evaluation, found: list[Indicator], indicators: Mapping[str, IndicatorCourse], charts, image: ImageMaker
) -> dict | None:
    courses = [indicators[i.code] for i in found]
    if not courses:
        return None
    periods = _periods(evaluation, courses)
    rows, notes, drawn, unmeasured = [], [], [], []
    for course in courses:
        trend, unit = course.trend, course.trend.unit
        by_period = {(p.year, p.partial): p for p in trend.points}
        baseline = ""
        if trend.baseline_value is not None and trend.baseline_origin == "nulmeting":
            baseline = at_year(trend.baseline_value, trend.baseline_year, unit)
        target = ""
        if trend.target_value is not None:
            target = at_year(trend.target_value, trend.target_year, unit, "tegen")
        rows.append(
            {
                "tekst": f"{course.indicator.code} {clean(course.indicator.text)}",
                "nulmeting": baseline,
                "waarden": [
                    measured_value(by_period[(y, p)].value, by_period[(y, p)].share, unit)
                    if (y, p) in by_period
                    else ""
                    for y, p, _ in periods
                ],
                "streefwaarde": target,
                "oordeel": course.verdict,
                "marker": marker(course.verdict, _VERDICT_COLOURS[course.verdict]),
            }
        )
        if not any(p.value is not None or p.share is not None for p in trend.points):
            unmeasured.append(course.indicator.code)
        else:
            explanation = [course.reason]
            if clean(course.indicator.norm):
                explanation.append(f"Norm: {clean(course.indicator.norm)}.")
            notes.append({"code": course.indicator.code, "uitleg": " ".join(explanation)})
        chart = charts.get(course.indicator.code)
        if chart is not None:
            drawn.append(
                {
                    "beeld": image(chart, CHART_WIDTH_CM),
                    "bijschrift": f"{course.indicator.code} {clean(course.indicator.text)}",
                }
            )
    if unmeasured:
        notes.append(
            {
                "code": "Zonder metingen",
                "uitleg": f"{join_words(unmeasured)}: er is in de hele planperiode niets gemeten, dus niet te "
                "beoordelen.",
            }
        )
    return {"perioden": [label for _, _, label in periods], "rijen": rows, "toelichting": notes, "grafieken": drawn}


# ---------------------------------------------------------------- adjustments


def adjustments(plan: Plan) -> list[dict]:
    """The changes of the sheet Bijsturing (Plan.adjustments), one row each, in the workbook's order; none in a
    workbook without that sheet."""
    rows = []
    for found in getattr(plan, "adjustments", ()) or ():
        day = getattr(found, "day", None)
        rows.append(
            {
                "datum": formatting.long_date(day) if isinstance(day, date) else "",
                "code": clean(getattr(found, "code", "")),
                "wat": clean(getattr(found, "kind", "")),
                "van": clean(getattr(found, "previous", "")),
                "naar": clean(getattr(found, "new", "")),
                "door": clean(getattr(found, "decided_by", "")),
                "reden": clean(getattr(found, "reason", "")),
            }
        )
    return rows
