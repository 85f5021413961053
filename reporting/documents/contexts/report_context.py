"""The context of the year report (jaarrapport): every name its template may use, built from the model and the
figures of reporting.documents.contexts.figures."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from reporting.corrections import corrections
from reporting.documents.contexts.budget import budget_rows
from reporting.documents.contexts.council_summary import budget_summary, budget_year, council_summary
from reporting.documents.contexts.figures import ReportFigures
from reporting.documents.contexts.indicator_tables import (
    ImageMaker,
    indicator_block,
    indicator_shown,
    measurements_up_to,
    short_label,
)
from reporting.documents.contexts.plan_context import common_context, heading
from reporting.documents.contexts.structure import PlanTree, plan_tree
from reporting.documents.engine.made_on_demand import MadeOnDemand
from reporting.documents.wordml.lists import Lists
from reporting.documents.wordml.markers import marker
from reporting.documents.wordml.text import blocks, clean, paragraphs
from reporting.figures import formatting
from workbook.plan.model import Action, Adjustment, FollowUp, Indicator, Measurement, Plan
from workbook.plan.running import answered, previous_rows, running

STATUS_CHART_WIDTH_CM = 14.0


def year_report_context(
    plan: Plan,
    figures: ReportFigures,
    image: ImageMaker,
    *,
    today: date,
    draft: bool = False,
    warnings: Iterable | None = None,
    lists: Lists | None = None,
) -> dict:
    """`lists` numbers the lists of the document being rendered (without it, they are numbered on their own)."""
    year = figures.year
    context = common_context(plan, draft)
    tree = plan_tree(plan)
    names = context["namen"]
    # Once for the whole report: per operational objective it made the report quadratic in the plan's size.
    rows = _YearRows(_follow_ups(plan, year), measurements_up_to(plan, year), _covered(plan, year), lists or Lists())
    context.update(
        jaar=year,
        datum=formatting.long_date(today),
        titel=context["titel"] or f"Jaarrapport {year}",
        samenvatting=council_summary(plan, figures),
        doelstellingen=MadeOnDemand(tree.strategic, lambda sd: _strategic(plan, sd, tree, names, figures, image, rows)),
        begroting=_budget(plan, figures),
        verbeterd=corrected(plan, year),
        bijsturing=adjustments_in(plan, year),
        waarschuwingen=[{"cel": issue.cell, "code": issue.code, "melding": clean(issue.message)} for issue in warnings]
        if warnings
        else [],
        niet_ingedeeld=[
            {"soort": u.kind, "code": u.code, "tekst": clean(u.text), "cel": u.cell} for u in tree.unplaced
        ],
    )
    return context


def corrected(plan: Plan, year: int) -> list[str]:
    """Figures of earlier years changed after they were submitted, one sentence each, in the record's order."""
    sentences = []
    for change in corrections(plan):
        sent = change.sent
        if sent.year >= year:
            continue
        when = f"bij de indiening op {formatting.long_date(sent.day)}" if sent.day else "bij de indiening"
        if change.removed:
            sentences.append(f"De rij van {change.what} op blad {sent.sheet} is verwijderd na de indiening.")
        else:
            sentences.append(
                f"{sent.header} van {change.what}: {when} {_shown(sent.value)}, nu {_shown(change.current)}."
            )
    return sentences


def adjustments_in(plan: Plan, year: int) -> list[dict[str, str]]:
    """The changes of blad Bijsturing dated in the year, by date: when, which item, what, and the decision."""
    titles = {
        item.code: getattr(item, "title", "") or getattr(item, "text", "")
        for item in (*plan.objectives, *plan.results, *plan.actions, *plan.indicators)
    }
    rows = sorted((a for a in plan.adjustments if a.day is not None and a.day.year == year), key=lambda a: a.day)
    return [
        {
            "datum": formatting.long_date(a.day),
            "code": a.code,
            "onderdeel": short_label(clean(titles.get(a.code, ""))),
            "wat": clean(a.kind)[:1].upper() + clean(a.kind)[1:],
            "beslissing": decision(a),
        }
        for a in rows
    ]


def decision(adjustment: Adjustment) -> str:
    """'Van 250 naar 300. Beslist door het college van burgemeester en schepenen. Meer nieuwkomers dan verwacht.'"""
    parts = []
    if adjustment.previous.strip() or adjustment.new.strip():
        parts.append(f"Van {clean(adjustment.previous) or '(leeg)'} naar {clean(adjustment.new) or '(leeg)'}.")
    who = clean(adjustment.decided_by)
    if who:
        article = "het" if who.casefold().startswith("college") else "de"
        parts.append(f"Beslist door {article} {who}.")
    reason = clean(adjustment.reason).rstrip(".")
    if reason:
        parts.append(f"{reason}.")
    return " ".join(parts)


def _shown(value: object) -> str:
    if value in (None, ""):
        return "leeg"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return formatting.number(value, 3)
    return f"'{clean(value)}'"


# ---------------------------------------------------------------- objectives, actions, indicators


class _YearRows(NamedTuple):
    follow_ups: dict[str, FollowUp]  # action code -> its follow-up row for the year
    measurements: dict[str, list[Measurement]]  # indicator code -> its measurements up to the year
    covered: frozenset[str]  # actions the report covers: running in the year (workbook.plan.running) or with a row
    lists: Lists  # the Word lists of the document


def _year_rows(plan: Plan, year: int) -> dict[str, FollowUp]:
    """The follow-up row of each action for the year (the lowest row wins, as the officer corrects by adding)."""
    found: dict[str, FollowUp] = {}
    for follow_up in plan.follow_ups:
        if follow_up.year == year:
            found[follow_up.action_code] = follow_up
    return found


def _follow_ups(plan: Plan, year: int) -> dict[str, FollowUp]:
    """The rows that answer for the year: with a status of their own or a stand van zaken (as the roll-ups); an
    action whose row does not is shown as without follow-up."""
    previous = previous_rows(plan, year)
    return {code: row for code, row in _year_rows(plan, year).items() if answered(row, previous.get(code))}


def _covered(plan: Plan, year: int) -> frozenset[str]:
    """Actions the year report covers: running in the year or with a row for it (as the roll-ups)."""
    return running(plan, year) | frozenset(_year_rows(plan, year))


def _runs_in(action: Action, covered: frozenset[str]) -> bool:
    return action.code in covered


def _shown_block(plan, indicators: list[Indicator], figures: ReportFigures, rows: _YearRows, image) -> dict | None:
    """The indicator table and charts of `indicators`, those the year report shows; None when none is shown."""
    shown = [i for i in indicators if indicator_shown(i, figures, plan)]
    return indicator_block(plan, shown, figures, rows.measurements, image) if shown else None


def _strategic(plan, sd, tree: PlanTree, names, figures: ReportFigures, image: ImageMaker, rows: _YearRows) -> dict:
    chart = figures.status_charts.get(sd.code)
    return {
        "indicatoren": _shown_block(plan, tree.indicators.get(sd.code, []), figures, rows, image),
        "code": sd.code,
        "titel": clean(sd.title),
        "kop": heading(names, "strategisch", sd),
        "motivering": paragraphs(sd.motivation),
        "motivering_lijst": rows.lists.paragraphs(blocks(sd.motivation), bold_markup=True),
        "grafiek": {
            "beeld": image(chart, STATUS_CHART_WIDTH_CM),
            "bijschrift": f"Acties per status in {figures.year}, per {names['operationeel'].casefold()}",
        }
        if chart is not None
        else None,
        "operationele": [
            _operational(plan, od, tree, names, figures, image, rows) for od in tree.operational.get(sd.code, [])
        ],
    }


def _operational(plan, od, tree: PlanTree, names, figures: ReportFigures, image: ImageMaker, rows: _YearRows) -> dict:
    year = figures.year
    follow_ups, covered = rows.follow_ups, rows.covered

    def actions_of(code: str) -> list[dict]:
        return [
            _action(a, follow_ups.get(a.code), year, rows.lists)
            for a in tree.actions.get(code, [])
            if _runs_in(a, covered)
        ]

    def block(indicators: list[Indicator]) -> dict | None:
        return _shown_block(plan, indicators, figures, rows, image)

    groups = []
    if not plan.settings.has_results:
        for action in tree.actions.get(od.code, []):
            follow_up = follow_ups.get(action.code)
            if _runs_in(action, covered):
                groups.append(
                    {
                        "kop": "",
                        "acties": [_action(action, follow_up, year, rows.lists)],
                        "indicatoren": block(tree.indicators.get(action.code, [])),
                    }
                )
        own = block(tree.indicators.get(od.code, []))
        if own:
            groups.append({"kop": "", "acties": [], "indicatoren": own})
    else:
        for result in tree.results.get(od.code, []):
            actions = actions_of(result.code)
            indicators = block(tree.indicators_under(result.code, tree.actions.get(result.code, [])))
            if actions or indicators:
                groups.append(
                    {
                        "kop": f"{names['resultaat']} {result.code}: {clean(result.text)}",
                        "acties": actions,
                        "indicatoren": indicators,
                    }
                )
        direct = actions_of(od.code)
        own = block(tree.indicators_under(od.code, tree.actions.get(od.code, [])))
        if direct or own:
            groups.append({"kop": "", "acties": direct, "indicatoren": own})
    return {
        "code": od.code,
        "titel": clean(od.title),
        "kop": heading(names, "operationeel", od),
        "domein": clean(od.domain),
        "groepen": groups,
    }


def _action(action: Action, follow_up: FollowUp | None, year: int, lists: Lists) -> dict:
    facts = []
    if follow_up is None:
        facts.append({"label": "Status", "waarde": f"geen opvolging voor {year}", "marker": marker("geen opvolging")})
    else:
        status = clean(follow_up.status) or "niet ingevuld"
        facts.append({"label": "Status", "waarde": status, "marker": marker(status, follow_up.progress_colour)})
        if clean(follow_up.time) or follow_up.time_colour:
            time = clean(follow_up.time) or clean(follow_up.time_colour)
            facts.append({"label": "Tijd", "waarde": time, "marker": marker(time, follow_up.time_colour)})
        if clean(follow_up.money) or follow_up.money_colour:
            money = clean(follow_up.money) or clean(follow_up.money_colour)
            facts.append(
                {
                    "label": "Geld",
                    "waarde": money,
                    "marker": marker("", follow_up.money_colour) if follow_up.money_colour else "",
                }
            )
    for label, value in (
        ("Timing", action.timing),
        ("Trekker", action.lead),
        ("Partners", action.partners),
        ("Budget", action.budget),
        ("Contact", action.contact),
    ):
        if clean(value):
            facts.append({"label": label, "waarde": clean(value), "marker": ""})
    progress = blocks(follow_up.progress) if follow_up else []
    return {
        "code": action.code,
        "titel": clean(action.title),
        "kop": f"{action.code} {clean(action.title)}",
        "omschrijving": lists.paragraphs(blocks(action.description)),
        "kenmerken": facts,
        "status": clean(follow_up.status) if follow_up else "",
        "stand_van_zaken": lists.paragraphs(progress, bold_markup=True),
        "zie_ook": clean(action.see_also),
        "zie_ook_codes": list(action.see_also_codes),
        "indicatoren": None,
    }


# ---------------------------------------------------------------- budget of the year


def _budget(plan: Plan, figures: ReportFigures) -> dict | None:
    year = figures.year
    lines = [line for line in plan.budget_lines if line.year == year]
    if not lines:
        return None

    def money(value: float | None) -> str:
        return formatting.euro(value) if value is not None else ""

    rows = budget_rows(lines, lambda line: "")
    for row, line in zip(rows, lines, strict=True):
        row.update(
            gepland=money(line.planned),
            besteed=money(line.spent),
            verschil=money(line.spent - line.planned) if line.spent is not None and line.planned is not None else "",
        )
    found = budget_year(figures)
    planned = found.planned if found else sum(line.planned or 0 for line in lines)
    spent = found.spent if found else None
    total = {
        "gepland": money(planned),
        "besteed": money(spent),
        "verschil": money(spent - planned) if spent is not None else "",
    }
    _, cofinancing = budget_summary(figures)
    intro = [f"De kostenposten van {year}: het geplande en het bestede bedrag; het verschil is besteed min gepland."]
    if spent is None:
        intro.append(f"Voor {year} zijn nog geen bestede bedragen ingevuld.")
    return {"jaar": year, "inleiding": intro, "rijen": rows, "totaal": total, "cofinanciering": cofinancing}
