"""The budget over the plan period in the evaluation: per year and funding, and the co-financing rule."""

from __future__ import annotations

from docxtpl import RichText

from reporting.documents.wordml.markers import marker
from reporting.evaluation import Evaluation
from reporting.figures import formatting
from reporting.figures.words import year_span


def _money(value: float | None) -> str:
    return formatting.euro(value) if value is not None else ""


def _rich(text: str, bold: bool = False) -> RichText:
    return RichText(text, bold=bold or None)


def period_budget(evaluation: Evaluation) -> dict | None:
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
    lines, _ = budget_sentences(evaluation)
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


def budget_sentences(evaluation: Evaluation) -> tuple[list[str], str]:
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
        lines.append(f"Voor {year_span(unspent)} zijn nog geen bestede bedragen ingevuld.")
    minimum = years[0].cofinancing_min
    if minimum is not None:
        met = [b.year for b in years if (b.rule_met_spent if b.spent is not None else b.rule_met_planned) is True]
        missed = [b.year for b in years if (b.rule_met_spent if b.spent is not None else b.rule_met_planned) is False]
        rule = (
            f"De cofinanciering (eigen middelen minstens {formatting.percent(minimum * 100, 1)} van de Vlaamse "
            "subsidie)"
        )
        if met and not missed:
            lines.append(f"{rule} is in elk jaar gehaald ({year_span(met)}).")
        elif met or missed:
            said = [f"gehaald in {year_span(met)}"] if met else []
            said += [f"niet gehaald in {year_span(missed)}"] if missed else []
            lines.append(f"{rule} is {' en '.join(said)}.")
        planned_only = [b.year for b in years if b.spent is None]
        if planned_only and (met or missed):
            lines.append(f"Voor {year_span(planned_only)} is dat op de geplande bedragen beoordeeld.")
    return lines, share


def _share_1(part: float, whole: float) -> str:
    return formatting.percent(part / whole * 100, 1) if whole else ""
