"""The context of the year report (jaarrapport): every name its template may use, built from the model and the
figures of reporting.documents.figures."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import NamedTuple

from reporting import formatting
from reporting.documents.budget import budget_rows
from reporting.documents.figures import ReportFigures
from reporting.documents.grouping import by_timing
from reporting.documents.markers import marker
from reporting.documents.plan_context import common_context, heading
from reporting.documents.structure import PlanTree, plan_tree
from reporting.documents.text import blocks, clean, paragraphs, rich
from workbook.model import BBC, Action, FollowUp, Indicator, Measurement, Plan
from workbook.timing import parse_timing

# (image from a chart, width in cm) -> something the template prints as a picture
ImageMaker = Callable[[object, float], object]
CHART_WIDTH_CM = 14.0
STATUS_CHART_WIDTH_CM = 14.0


def year_report_context(plan: Plan, figures: ReportFigures, image: ImageMaker, *, today: date,
                        draft: bool = False, warnings: Iterable | None = None) -> dict:
    year = figures.year
    context = common_context(plan, draft)
    tree = plan_tree(plan)
    names = context["namen"]
    # Once for the whole report: per operational objective it made the report quadratic in the plan's size.
    rows = _YearRows(_follow_ups(plan, year), _measurements(plan, year), frozenset(plan.ended_before(year)))
    context.update(
        jaar=year,
        datum=formatting.long_date(today),
        titel=context["titel"] or f"Jaarrapport {year}",
        samenvatting=_summary(plan, figures),
        doelstellingen=[_strategic(plan, sd, tree, names, figures, image, rows) for sd in tree.strategic],
        begroting=_budget(plan, figures),
        waarschuwingen=[
            {"cel": issue.cell, "code": issue.code, "melding": clean(issue.message)} for issue in warnings
        ] if warnings else [],
        niet_ingedeeld=[
            {"soort": u.kind, "code": u.code, "tekst": clean(u.text), "cel": u.cell} for u in tree.unplaced
        ],
    )
    return context


# ---------------------------------------------------------------- summary for the council

def _count(number: int, one: str, many: str) -> str:
    return f"{formatting.number(number)} {one if number == 1 else many}"


def _share(part: int, whole: int) -> str:
    return formatting.percent(part / whole * 100, 0) if whole else ""


def _summary(plan: Plan, figures: ReportFigures) -> dict:
    rollup = figures.rollup
    total = rollup.plan
    year = figures.year
    title = clean(plan.settings.title) or "beleidsplan"
    place = clean(plan.settings.municipality)
    intro = [
        f"Dit jaarrapport beschrijft de uitvoering in {year} van het plan '{title}'"
        f"{f' van {place}' if place else ''}: de stand van zaken per actie, de evolutie van de indicatoren"
        f"{' en de begroting' if plan.budget_lines else ''}."
    ]
    if total.actions:
        intro.append(
            f"In {year} liepen {_count(total.actions, 'actie', 'acties')}; voor "
            f"{formatting.number(total.followed_up)} ervan is de opvolging ingevuld."
        )
    statuses = [
        {"status": word, "aantal": formatting.number(number), "aandeel": _share(number, total.actions),
         "marker": marker(word)}
        for word, number in total.by_status.items() if number
    ]
    schedule = []
    if total.followed_up:
        schedule.append(
            f"{formatting.number(total.on_schedule)} van de "
            f"{_count(total.followed_up, 'opgevolgde actie', 'opgevolgde acties')} "
            f"{'loopt' if total.on_schedule == 1 else 'lopen'} op schema "
            f"({formatting.percent((total.on_schedule_share or 0) * 100, 0)})."
        )
        late = [f"{formatting.number(n)} {word.casefold()}" for word, n in total.by_time.items()
                if n and word.casefold() in ("vertraagd", "uitgesteld")]
        if late:
            schedule[-1] += " Naar tijd: " + " en ".join(late) + "."
    verdicts = [
        {"oordeel": word, "aantal": formatting.number(number), "aandeel": _share(number, total.indicators),
         "marker": marker(word)}
        for word, number in total.by_verdict.items() if number
    ]
    indicator_lines = []
    if total.indicators:
        indicator_lines.append(_verdict_sentence(total.indicators, total.by_verdict))
    if total.descriptive:
        measured = (f"voor {formatting.number(total.descriptive_measured)} ervan" if total.descriptive_measured
                    else "voor geen enkele ervan")
        indicator_lines.append(
            f"Daarnaast {'is' if total.descriptive == 1 else 'zijn'} er "
            f"{_count(total.descriptive, 'beschrijvende indicator', 'beschrijvende indicatoren')}; "
            f"{measured} is op blad Metingen iets ingevuld voor {year}."
        )
    budget, budget_lines = _budget_summary(figures)
    return {
        "inleiding": intro,
        "acties": formatting.number(total.actions),
        "statussen": statuses,
        "schema": schedule,
        "indicatoren": verdicts,
        "indicatorzinnen": indicator_lines,
        "begroting": budget,
        "budgetzinnen": budget_lines,
    }


_VERDICT_PHRASES = {
    "op koers": ("is op koers", "zijn op koers"),
    "aandacht": ("vraagt aandacht", "vragen aandacht"),
    "niet op koers": ("is niet op koers", "zijn niet op koers"),
    "geen gegevens": ("heeft nog te weinig metingen voor een oordeel",
                      "hebben nog te weinig metingen voor een oordeel"),
}


def _verdict_sentence(total: int, by_verdict: Mapping[str, int]) -> str:
    """"Van de 49 cijfermatige indicatoren zijn er 5 op koers, 3 vragen aandacht en 41 hebben ..." """
    parts = []
    for word, number in by_verdict.items():
        if not number:
            continue
        one, many = _VERDICT_PHRASES.get(word, (f"is '{word}'", f"zijn '{word}'"))
        parts.append(f"{formatting.number(number)} {one if number == 1 else many}")
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]
    return f"Van de {_count(total, 'cijfermatige indicator', 'cijfermatige indicatoren')}: {listed}."


def _budget_year(figures: ReportFigures):
    return next((b for b in figures.rollup.budget if b.year == figures.year), None)


def _budget_summary(figures: ReportFigures) -> tuple[list[dict], list[str]]:
    found = _budget_year(figures)
    if found is None:
        return [], []
    rows = [{"label": "Gepland", "waarde": formatting.euro(found.planned), "toelichting": ""}]
    if found.spent is not None:
        used = formatting.percent(found.spent / found.planned * 100, 1) if found.planned else ""
        rows.append({"label": "Besteed", "waarde": formatting.euro(found.spent),
                     "toelichting": f"{used} van het geplande bedrag" if used else ""})
    else:
        rows.append({"label": "Besteed", "waarde": "", "toelichting": "nog niet ingevuld"})
    spent = found.spent is not None
    flemish = found.flemish_spent if spent else found.flemish_planned
    own = found.own_spent if spent else found.own_planned
    basis = "besteed" if spent else "gepland"
    if flemish:
        rows.append({"label": "Vlaamse subsidie", "waarde": formatting.euro(flemish), "toelichting": basis})
    if own:
        rows.append({"label": "Eigen middelen", "waarde": formatting.euro(own), "toelichting": basis})
    share = found.cofinancing_spent if spent else found.cofinancing_planned
    lines = []
    if share is not None:
        minimum = found.cofinancing_min
        rows.append({
            "label": "Cofinanciering",
            "waarde": formatting.percent(share * 100, 1),
            "toelichting": "van de Vlaamse subsidie"
            + (f" (minimum {formatting.percent(minimum * 100, 1)})" if minimum is not None else ""),
        })
        met = found.rule_met_spent if spent else found.rule_met_planned
        required = found.required_own_spent if spent else found.required_own_planned
        if met is True:
            lines.append(f"De gemeente draagt {formatting.euro(round(own or 0))} bij: meer dan de vereiste "
                         f"cofinanciering van {formatting.euro(round(required or 0))}.")
        elif met is False:
            lines.append(f"Let op: de eigen middelen ({formatting.euro(round(own or 0))}) liggen onder de vereiste "
                         f"cofinanciering van {formatting.euro(round(required or 0))}.")
    return rows, lines


# ---------------------------------------------------------------- objectives, actions, indicators

class _YearRows(NamedTuple):
    follow_ups: dict[str, FollowUp]  # action code -> its follow-up row for the year
    measurements: dict[str, list[Measurement]]  # indicator code -> its measurements up to the year
    ended: frozenset[str]  # actions finished or stopped in an earlier year


def _follow_ups(plan: Plan, year: int) -> dict[str, FollowUp]:
    """The follow-up row of each action for the year (the lowest row wins, as the officer corrects by adding)."""
    found: dict[str, FollowUp] = {}
    for follow_up in plan.follow_ups:
        if follow_up.year == year:
            found[follow_up.action_code] = follow_up
    return found


def _runs_in(action: Action, follow_up: FollowUp | None, year: int, ended: frozenset[str]) -> bool:
    """Actions the year report covers: planned in the year and not finished or stopped before it, or with a
    follow-up row for it (as the roll-ups)."""
    return follow_up is not None or (action.code not in ended and (not action.years or year in action.years))


def _indicator_in(indicator: Indicator, figures: ReportFigures, plan: Plan) -> bool:
    trend = figures.trends.get(indicator.code, {})
    if trend.get("quantitative"):
        return True
    timing = parse_timing(indicator.timing, plan.settings.start_year, plan.settings.end_year)
    return timing.years is None or not timing.years or figures.year in timing.years or bool(
        trend.get("measured_in_year"))


def _strategic(plan, sd, tree: PlanTree, names, figures: ReportFigures, image: ImageMaker, rows: _YearRows) -> dict:
    chart = figures.status_charts.get(sd.code)
    return {
        "code": sd.code,
        "titel": clean(sd.title),
        "kop": heading(names, "strategisch", sd),
        "motivering": paragraphs(sd.motivation),
        "grafiek": {
            "beeld": image(chart, STATUS_CHART_WIDTH_CM),
            "bijschrift": f"Acties per status in {figures.year}, per {names['operationeel'].casefold()}",
        } if chart is not None else None,
        "operationele": [_operational(plan, od, tree, names, figures, image, rows)
                         for od in tree.operational.get(sd.code, [])],
    }


def _operational(plan, od, tree: PlanTree, names, figures: ReportFigures, image: ImageMaker,
                 rows: _YearRows) -> dict:
    year = figures.year
    follow_ups, measurements, ended = rows

    def actions_of(code: str) -> list[dict]:
        return [_action(a, follow_ups.get(a.code), year) for a in tree.actions.get(code, [])
                if _runs_in(a, follow_ups.get(a.code), year, ended)]

    def block(indicators: list[Indicator]) -> dict | None:
        shown = [i for i in indicators if _indicator_in(i, figures, plan)]
        return _indicator_block(plan, shown, figures, measurements, image) if shown else None

    groups = []
    if plan.settings.numbering == BBC:
        for action in tree.actions.get(od.code, []):
            follow_up = follow_ups.get(action.code)
            if _runs_in(action, follow_up, year, ended):
                groups.append({"kop": "", "acties": [_action(action, follow_up, year)],
                               "indicatoren": block(tree.indicators.get(action.code, []))})
        own = block(tree.indicators.get(od.code, []))
        if own:
            groups.append({"kop": "", "acties": [], "indicatoren": own})
    else:
        for result in tree.results.get(od.code, []):
            actions = actions_of(result.code)
            indicators = block(tree.indicators_under(result.code, tree.actions.get(result.code, [])))
            if actions or indicators:
                groups.append({"kop": f"{names['resultaat']} {result.code}: {clean(result.text)}",
                               "acties": actions, "indicatoren": indicators})
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


def _action(action: Action, follow_up: FollowUp | None, year: int) -> dict:
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
            facts.append({"label": "Geld", "waarde": money,
                          "marker": marker("", follow_up.money_colour) if follow_up.money_colour else ""})
    for label, value in (("Timing", action.timing), ("Trekker", action.lead), ("Partners", action.partners),
                         ("Budget", action.budget), ("Contact", action.contact)):
        if clean(value):
            facts.append({"label": label, "waarde": clean(value), "marker": ""})
    progress = blocks(follow_up.progress) if follow_up else []
    return {
        "code": action.code,
        "titel": clean(action.title),
        "kop": f"{action.code} {clean(action.title)}",
        "omschrijving": [{"tekst": text, "opsomming": bullet} for text, bullet in blocks(action.description)],
        "kenmerken": facts,
        "status": clean(follow_up.status) if follow_up else "",
        "stand_van_zaken": [{"tekst": rich(text), "opsomming": bullet} for text, bullet in progress],
        "zie_ook": clean(action.see_also),
        "zie_ook_codes": list(action.see_also_codes),
        "indicatoren": None,
    }


# ---------------------------------------------------------------- indicator tables

def _measurements(plan: Plan, year: int) -> dict[str, list[Measurement]]:
    found: dict[str, list[Measurement]] = {}
    for measurement in plan.measurements:
        if measurement.year is not None and measurement.year <= year:
            found.setdefault(measurement.indicator_code, []).append(measurement)
    return found


def _periods(plan: Plan, indicators: list[Indicator], measurements: Mapping[str, list[Measurement]],
             year: int) -> list[tuple[int, bool, str]]:
    """(year, partial, label) columns: the measured periods, and every plan year from the first one on, so the
    table fills up year by year as in the plan's own tables."""
    found: dict[tuple[int, bool], str] = {}
    for indicator in indicators:
        for m in measurements.get(indicator.code, []):
            found.setdefault((m.year, m.partial), clean(m.period))
    if not found:
        return []
    first = min(y for y, _ in found)
    last = max(plan.settings.end_year or year, year)
    partial_years = {y for y, partial in found if partial}
    for plan_year in range(first, last + 1):
        if plan_year not in partial_years:
            found.setdefault((plan_year, False), str(plan_year))
    return [(y, partial, label) for (y, partial), label in sorted(found.items(), key=lambda i: (i[0][0], not i[0][1]))]


def _value(measurement: Measurement, unit: str) -> str:
    from reporting.trends import format_value

    text = format_value(measurement.value, unit) if measurement.value is not None else ""
    if measurement.share is not None:
        share = formatting.percent(measurement.share, 1)
        text = f"{text} ({share})" if text else share
    return text


def _signed(value: float, text: str) -> str:
    return ("+" if value > 0 else "-" if value < 0 else "") + text


def _evolution(trend: Mapping[str, object]) -> str:
    """The change against the previous full year, or else against the baseline: "+3 (+21,4%) t.o.v. 2011"."""
    from reporting.trends import format_value

    unit = str(trend.get("unit") or "")
    percentage = unit.strip().casefold() in ("percentage", "%")
    for change, pct, since in (("change_previous", "change_previous_pct", "previous_year"),
                               ("change_baseline", "change_baseline_pct", "baseline_year")):
        value = trend.get(change)
        if value is None:
            continue
        if percentage:
            text = _signed(value, formatting.number(abs(value), 1) + " procentpunt")
        else:
            text = _signed(value, format_value(abs(value), unit))
            if trend.get(pct) is not None:
                text += f" ({_signed(trend[pct], formatting.percent(abs(trend[pct]), 1))})"
        return f"{text} t.o.v. {trend.get(since)}"
    return ""


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9'\"(])")


def _shared_sentences_once(notes: list[dict]) -> list[dict]:
    """Sentences that explain several indicators of one table ("Er is geen gewenste richting ...") are said
    once, after the notes, instead of under every indicator."""
    split = [_SENTENCE.split(note["uitleg"]) for note in notes]
    counts = Counter(sentence for sentences in split for sentence in dict.fromkeys(sentences))
    shared = [sentence for sentence, number in counts.items() if number > 1]
    if not shared:
        return notes
    kept = []
    for note, sentences in zip(notes, split, strict=True):
        own = " ".join(sentence for sentence in sentences if sentence not in shared)
        if own:
            kept.append({**note, "uitleg": own})
    kept.append({"code": "", "tekst": "Voor meerdere indicatoren hierboven", "uitleg": " ".join(shared)})
    return kept


def _short(text: str, limit: int = 70) -> str:
    """A label for a note under the table, where the full text stands just above."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _labelled(plan: Plan, indicator: Indicator) -> str:
    """The text with its timing in front when the timing says what kind of measure it is, as the plan writes
    it: "Norm: ...", "2013: eindmeting", "2011: nulmeting: ..."."""
    timing = parse_timing(indicator.timing, plan.settings.start_year, plan.settings.end_year)
    single_year = timing.years is not None and len(timing.years) == 1 and timing.label[:4].isdigit()
    if timing.rubric or timing.measurement or single_year:
        return f"{timing.label}: {clean(indicator.text)}"
    return clean(indicator.text)


def _indicator_block(plan: Plan, indicators: list[Indicator], figures: ReportFigures,
                     measurements: Mapping[str, list[Measurement]], image: ImageMaker) -> dict:
    year = figures.year
    quantitative = [i for i in indicators if figures.trends.get(i.code, {}).get("quantitative")]
    descriptive = [i for i in indicators if i not in quantitative]
    periods = _periods(plan, quantitative, measurements, year)
    table = None
    notes, charts = [], []
    if periods:
        rows = []
        for indicator in quantitative:
            trend = figures.trends.get(indicator.code, {})
            by_period = {(m.year, m.partial): m for m in measurements.get(indicator.code, [])}
            values = [_value(by_period[(y, p)], indicator.unit) if (y, p) in by_period else ""
                      for y, p, _ in periods]
            verdict = str(trend.get("verdict") or "")
            rows.append({"code": indicator.code, "tekst": _labelled(plan, indicator), "waarden": values,
                         "evolutie": _evolution(trend), "oordeel": verdict, "marker": marker(verdict)})
            measured = measurements.get(indicator.code, [])
            # Without any measurement the empty row says it all; the officer's own notes still count.
            explanation = [str(trend.get("reason") or "")] if measured else []
            explanation.append(clean(indicator.note))
            explanation += [f"{clean(m.period)}: {clean(m.note)}" for m in measurements.get(indicator.code, [])
                            if clean(m.note)]
            text = " ".join(part for part in explanation if part)
            if text:
                notes.append({"code": indicator.code, "tekst": _short(clean(indicator.text)), "uitleg": text})
            chart = figures.indicator_charts.get(indicator.code)
            if chart is not None:
                charts.append({"beeld": image(chart, CHART_WIDTH_CM),
                               "bijschrift": f"{indicator.code} {clean(indicator.text)}"})
        table = {"perioden": [label for _, _, label in periods], "rijen": rows}
        notes = _shared_sentences_once(notes)
    else:
        descriptive = indicators
    return {
        "tabel": table,
        "toelichting": notes,
        "grafieken": charts,
        "beschrijvend": by_timing(descriptive, lambda i: i.timing,
                                  lambda i: {"code": i.code, "tekst": clean(i.text), "opsomming": True}),
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
    found = _budget_year(figures)
    planned = found.planned if found else sum(line.planned or 0 for line in lines)
    spent = found.spent if found else None
    total = {
        "gepland": money(planned),
        "besteed": money(spent),
        "verschil": money(spent - planned) if spent is not None else "",
    }
    _, cofinancing = _budget_summary(figures)
    intro = [f"De kostenposten van {year}: het geplande en het bestede bedrag; het verschil is besteed min gepland."]
    if spent is None:
        intro.append(f"Voor {year} zijn nog geen bestede bedragen ingevuld.")
    return {"jaar": year, "inleiding": intro, "rijen": rows, "totaal": total, "cofinanciering": cofinancing}
