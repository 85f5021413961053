"""The context of the evaluation of the plan period (evaluatie): every name its template may use."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from docxtpl import RichText

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
from reporting.figures.words import at_year, format_value, join_words
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


def _years(years: list[int] | tuple[int, ...]) -> str:
    """2013; 2011 en 2012; 2023 tot en met 2025 (three or more years in a row)."""
    years = sorted(years)
    if len(years) >= 3 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]} tot en met {years[-1]}"
    return join_words([str(y) for y in years])


def running_note(evaluation: Evaluation) -> str:
    """The sentence of a draft made before the period is over, or ""."""
    if evaluation.finished:
        return ""
    return (
        f"De planperiode loopt tot {evaluation.end}; de cijfers van {_years(evaluation.open_years)} zijn nog "
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
        begroting=_budget(evaluation),
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
            f"Voor {_years(evaluation.empty_years)} is op blad Opvolging voor geen enkele actie een opvolging ingevuld."
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
    budget_lines, spent_share = _budget_sentences(evaluation)
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
    return {
        "kop": heading(names, "strategisch", sd),
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
        for point in course.trend["points"]:
            if point.value is not None or point.share is not None:
                found[(point.year, point.partial)] = point.period
    return [(year, partial, label) for (year, partial), label in sorted(found.items())]


def _value(point, unit: str) -> str:
    text = format_value(point.value, unit) if point.value is not None else ""
    if point.share is not None:
        share = formatting.percent(point.share, 1)
        text = f"{text} ({share})" if text else share
    return text


def _indicator_block(
    evaluation: Evaluation, found: list[Indicator], indicators: Mapping[str, IndicatorCourse], charts, image: ImageMaker
) -> dict | None:
    courses = [indicators[i.code] for i in found]
    if not courses:
        return None
    periods = _periods(evaluation, courses)
    rows, notes, drawn, unmeasured = [], [], [], []
    for course in courses:
        trend, unit = course.trend, str(course.trend["unit"] or "")
        by_period = {(p.year, p.partial): p for p in trend["points"]}
        baseline = ""
        if trend["baseline_value"] is not None and trend["baseline_origin"] == "nulmeting":
            baseline = at_year(float(trend["baseline_value"]), trend["baseline_year"], unit)
        target = ""
        if trend["target_value"] is not None:
            target = at_year(float(trend["target_value"]), trend["target_year"], unit, "tegen")
        rows.append(
            {
                "tekst": f"{course.indicator.code} {clean(course.indicator.text)}",
                "nulmeting": baseline,
                "waarden": [_value(by_period[(y, p)], unit) if (y, p) in by_period else "" for y, p, _ in periods],
                "streefwaarde": target,
                "oordeel": course.verdict,
                "marker": marker(course.verdict, _VERDICT_COLOURS[course.verdict]),
            }
        )
        if not any(p.value is not None or p.share is not None for p in trend["points"]):
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


# ---------------------------------------------------------------- the budget over the period


def _money(value: float | None) -> str:
    return formatting.euro(value) if value is not None else ""


def _rich(text: str, bold: bool = False) -> RichText:
    return RichText(text, bold=bold or None)


def _budget(evaluation: Evaluation) -> dict | None:
    years = evaluation.budget
    if not years:
        return None
    rows = []
    for found in years:
        first = True
        for label, planned, spent in (
            ("Vlaamse subsidie", found.flemish_planned, found.flemish_spent),
            ("Eigen middelen gemeente", found.own_planned, found.own_spent),
            ("Andere financiering", found.other_planned, found.other_spent),
        ):
            if not planned and not spent:
                continue
            rows.append(_budget_row(str(found.year) if first else "", label, planned, spent))
            first = False
        rows.append(_budget_row("", f"Totaal {found.year}", found.planned, found.spent, bold=True))
    planned = sum(b.planned for b in years)
    spent_years = [b for b in years if b.spent is not None]
    spent = sum(b.spent for b in spent_years) if spent_years else None
    total = _budget_row("", f"Totaal {evaluation.start}-{evaluation.end}", planned, spent, bold=True)
    if len(spent_years) < len(years):
        total["verschil"] = _rich("")  # spent of some years against planned of all says nothing
    rows.append(total)
    cofinancing = []
    for found in years:
        judged_on_spent = found.spent is not None
        met = found.rule_met_spent if judged_on_spent else found.rule_met_planned
        share = found.cofinancing_spent if judged_on_spent else found.cofinancing_planned
        cofinancing.append(
            {
                "jaar": str(found.year),
                "vlaams": _money(found.flemish_spent if judged_on_spent else found.flemish_planned),
                "eigen": _money(found.own_spent if judged_on_spent else found.own_planned),
                "vereist": _money(found.required_own_spent if judged_on_spent else found.required_own_planned),
                "aandeel": formatting.percent(share * 100, 1) if share is not None else "",
                "gehaald": "ja" if met is True else "nee" if met is False else "",
                "marker": marker("", "groen" if met is True else "rood") if met is not None else "",
                "basis": "besteed" if judged_on_spent else "gepland",
            }
        )
    lines, _ = _budget_sentences(evaluation)
    return {
        "rijen": rows,
        "cofinanciering": cofinancing,
        "zinnen": lines,
        "minimum": formatting.percent(years[0].cofinancing_min * 100, 1)
        if years[0].cofinancing_min is not None
        else "",
    }


def _budget_row(year: str, label: str, planned: float | None, spent: float | None, bold: bool = False) -> dict:
    difference = spent - planned if spent is not None and planned is not None else None
    return {
        "jaar": _rich(year, bold),
        "financiering": _rich(label, bold),
        "gepland": _rich(_money(planned), bold),
        "besteed": _rich(_money(spent), bold),
        "verschil": _rich(_money(difference), bold),
    }


def _budget_sentences(evaluation: Evaluation) -> tuple[list[str], str]:
    years = evaluation.budget
    if not years:
        return [], ""
    period = f"{evaluation.start}-{evaluation.end}"
    planned = sum(b.planned for b in years)
    spent_years = [b for b in years if b.spent is not None]
    lines = []
    share = ""
    if spent_years:
        spent = sum(b.spent for b in spent_years)
        share = _share_1(spent, planned)
        lines.append(
            f"Over de planperiode {period} was {formatting.euro(planned)} gepland en werd "
            f"{formatting.euro(spent)} besteed{f' ({share} van het geplande bedrag)' if share else ''}."
        )
    else:
        lines.append(
            f"Over de planperiode {period} was {formatting.euro(planned)} gepland; er zijn nog geen bestede "
            "bedragen ingevuld."
        )
    unspent = [b.year for b in years if b.spent is None]
    if spent_years and unspent:
        lines.append(f"Voor {_years(unspent)} zijn nog geen bestede bedragen ingevuld.")
    minimum = years[0].cofinancing_min
    if minimum is not None:
        met = [b.year for b in years if (b.rule_met_spent if b.spent is not None else b.rule_met_planned) is True]
        missed = [b.year for b in years if (b.rule_met_spent if b.spent is not None else b.rule_met_planned) is False]
        rule = (
            f"De cofinanciering (eigen middelen minstens {formatting.percent(minimum * 100, 1)} van de Vlaamse "
            "subsidie)"
        )
        if met and not missed:
            lines.append(f"{rule} is in elk jaar gehaald ({_years(met)}).")
        elif met or missed:
            said = [f"gehaald in {_years(met)}"] if met else []
            said += [f"niet gehaald in {_years(missed)}"] if missed else []
            lines.append(f"{rule} is {' en '.join(said)}.")
        planned_only = [b.year for b in years if b.spent is None]
        if planned_only and (met or missed):
            lines.append(f"Voor {_years(planned_only)} is dat op de geplande bedragen beoordeeld.")
    return lines, share


def _share_1(part: float, whole: float) -> str:
    return formatting.percent(part / whole * 100, 1) if whole else ""


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
