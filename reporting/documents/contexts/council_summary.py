"""The council summary at the front of the year report: actions by status, indicators by verdict, the budget."""

from __future__ import annotations

from collections.abc import Mapping

from reporting.documents.contexts.figures import ReportFigures
from reporting.documents.wordml.markers import marker
from reporting.documents.wordml.text import clean
from reporting.figures import formatting
from workbook.plan.model import Plan


def _count(number: int, one: str, many: str) -> str:
    return f"{formatting.number(number)} {one if number == 1 else many}"


def _counted(name: str, counts, total: int) -> list[dict]:
    """One table row per word that counts (a status, a verdict): the word, its number, its share of `total`."""
    return [
        {name: word, "aantal": formatting.number(number), "aandeel": _share(number, total), "marker": marker(word)}
        for word, number in counts.items()
        if number
    ]


def _share(part: int, whole: int) -> str:
    return formatting.percent(part / whole * 100, 0) if whole else ""


def council_summary(plan: Plan, figures: ReportFigures) -> dict:
    rollup = figures.rollup
    total = rollup.plan
    year = figures.year
    title = clean(plan.settings.title) or "beleidsplan"
    place = clean(plan.settings.municipality)
    intro = [
        f"Dit jaarrapport beschrijft de uitvoering in {year} van het plan '{title}'"
        f"{f' van {place}' if place else ''}: "
        f"{'de stand van zaken per actie' if plan.actions else 'de resultaten'}, de evolutie van de indicatoren"
        f"{' en de begroting' if plan.budget_lines else ''}."
    ]
    if total.actions:
        # Followed up: the year's row has a status of its own or a stand van zaken (workbook.plan.running.answered).
        missing = total.actions - total.followed_up
        intro.append(
            f"In {year} liepen {_count(total.actions, 'actie', 'acties')}; voor "
            f"{formatting.number(total.followed_up)} ervan is de opvolging ingevuld"
            f"{f', voor {formatting.number(missing)} niet' if missing and total.followed_up else ''}."
        )
    intro += _nothing_filled_in(plan, year, total.followed_up)
    statuses = _counted("status", total.by_status, total.actions)
    schedule = []
    if total.followed_up:
        schedule.append(
            f"{formatting.number(total.on_schedule)} van de "
            f"{_count(total.followed_up, 'opgevolgde actie', 'opgevolgde acties')} "
            f"{'loopt' if total.on_schedule == 1 else 'lopen'} op schema "
            f"({formatting.percent((total.on_schedule_share or 0) * 100, 0)})."
        )
        late = [
            f"{formatting.number(n)} {word.casefold()}"
            for word, n in total.by_time.items()
            if n and word.casefold() in ("vertraagd", "uitgesteld")
        ]
        if late:
            schedule[-1] += " Naar tijd: " + " en ".join(late) + "."
    verdicts = _counted("oordeel", total.by_verdict, total.indicators)
    indicator_lines = []
    if total.indicators:
        indicator_lines.append(_verdict_sentence(total.indicators, total.by_verdict))
    if total.descriptive:
        measured = (
            f"voor {formatting.number(total.descriptive_measured)} ervan"
            if total.descriptive_measured
            else "voor geen enkele ervan"
        )
        indicator_lines.append(
            f"Daarnaast {'is' if total.descriptive == 1 else 'zijn'} er "
            f"{_count(total.descriptive, 'beschrijvende indicator', 'beschrijvende indicatoren')}; "
            f"{measured} is op blad Metingen iets ingevuld voor {year}."
        )
    budget, budget_lines = budget_summary(figures)
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


def _nothing_filled_in(plan: Plan, year: int, followed: int) -> list[str]:
    """Plain words when the workbook holds nothing for the report year: no action followed up, no measurements."""
    measured = any(m.year == year for m in plan.measurements)
    if followed or measured:
        return []
    if not plan.actions:
        follow_up = "Het plan heeft geen afzonderlijke acties, dus er is geen opvolging per actie"
    else:
        follow_up = f"Op blad Opvolging is voor {year} niets ingevuld"
    if not plan.indicators:
        return [f"{follow_up}. Dit rapport beschrijft daarom alleen het plan zelf, niet wat er in {year} gebeurde."]
    return [
        f"{follow_up}, en op blad Metingen staat geen enkele meting voor {year}. Dit rapport beschrijft daarom "
        f"alleen het plan zelf, niet wat er in {year} gebeurde."
    ]


_VERDICT_PHRASES = {
    "op koers": ("is op koers", "zijn op koers"),
    "aandacht": ("vraagt aandacht", "vragen aandacht"),
    "niet op koers": ("is niet op koers", "zijn niet op koers"),
    "geen gegevens": (
        "heeft nog te weinig metingen voor een oordeel",
        "hebben nog te weinig metingen voor een oordeel",
    ),
}


def _verdict_sentence(total: int, by_verdict: Mapping[str, int]) -> str:
    """ "Van de 49 cijfermatige indicatoren zijn er 5 op koers, 3 vragen aandacht en 41 hebben ..." """
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


def budget_year(figures: ReportFigures):
    return next((b for b in figures.rollup.budget if b.year == figures.year), None)


def budget_summary(figures: ReportFigures) -> tuple[list[dict], list[str]]:
    found = budget_year(figures)
    if found is None:
        return [], []
    rows = [{"label": "Gepland", "waarde": formatting.euro(found.planned), "toelichting": ""}]
    if found.spent is not None:
        used = formatting.percent(found.spent / found.planned * 100, 1) if found.planned else ""
        rows.append(
            {
                "label": "Besteed",
                "waarde": formatting.euro(found.spent),
                "toelichting": f"{used} van het geplande bedrag" if used else "",
            }
        )
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
        rows.append(
            {
                "label": "Cofinanciering",
                "waarde": formatting.percent(share * 100, 1),
                "toelichting": "van de Vlaamse subsidie"
                + (f" (minimum {formatting.percent(minimum * 100, 1)})" if minimum is not None else ""),
            }
        )
        met = found.rule_met_spent if spent else found.rule_met_planned
        required = found.required_own_spent if spent else found.required_own_planned
        own_text = formatting.euro(formatting.shown(own or 0, 0))
        required_text = formatting.euro(formatting.shown(required or 0, 0))
        if met is True:
            lines.append(f"De gemeente draagt {own_text} bij: meer dan de vereiste cofinanciering van {required_text}.")
        elif met is False:
            lines.append(
                f"Let op: de eigen middelen ({own_text}) liggen onder de vereiste cofinanciering van {required_text}."
            )
    return rows, lines
