"""The budget as tables for documents: the plan's yearly budget annex, in euro, Dutch notation."""

from __future__ import annotations

from collections import defaultdict

from reporting.documents.wordml.text import clean
from reporting.figures.formatting import euro
from workbook.plan.model import BudgetLine, Plan


def budget_rows(lines: list[BudgetLine], amount) -> list[dict]:
    """One row per line; the funder and its note only on the first row of each funder."""
    rows = []
    previous = None
    for line in lines:
        funder = clean(line.funder) or clean(line.funding_kind)
        note = clean(line.note)
        first = funder != previous
        previous = funder
        if note.casefold().startswith(funder.casefold()):
            # "Vlaamse Gemeenschap (62.000 euro)" says more than "Vlaamse Gemeenschap": show it once, as the funder.
            shown, note = note, ""
        else:
            shown = funder
        rows.append(
            {
                "financier": shown if first else "",
                "soort": clean(line.funding_kind) if first else "",
                "toelichting": note,
                "omschrijving": clean(line.description),
                "bedrag": amount(line),
            }
        )
    return rows


def plan_budget(plan: Plan) -> list[dict]:
    """The annex "Jaarlijkse begroting": one table when every year plans the same, else one per year."""
    by_year: dict[int | None, list[BudgetLine]] = defaultdict(list)
    for line in plan.budget_lines:
        by_year[line.year].append(line)
    if not by_year:
        return []

    def signature(lines: list[BudgetLine]) -> tuple:
        return tuple((line.funder, line.funding_kind, line.description, line.planned, line.note) for line in lines)

    years = sorted(by_year, key=lambda year: (year is None, year or 0))
    if len(years) > 1 and None not in years and len({signature(by_year[y]) for y in years}) == 1:
        groups = [(f"Elk jaar van {years[0]} tot en met {years[-1]}", by_year[years[0]])]
    else:
        groups = [(str(year) if year is not None else "Zonder jaartal", by_year[year]) for year in years]
    tables = []
    for title, lines in groups:
        planned = [line.planned for line in lines if line.planned is not None]
        tables.append(
            {
                "titel": title,
                "rijen": budget_rows(lines, lambda line: euro(line.planned)),
                "totaal": euro(sum(planned)) if planned else "",
            }
        )
    return tables
