"""Budget: amounts are numbers of 0 or more, filled in per year, and the municipality co-finances enough."""

from __future__ import annotations

import math
from collections.abc import Iterator
from fractions import Fraction

from reporting.figures.cofinancing import cofinancing_met
from reporting.figures.formatting import euro, percent
from reporting.validation.cells import number_cell
from reporting.validation.context import Context, at, is_blank, issue, normalize_word
from reporting.validation.report import Issue
from reporting.validation.words import unknown_word
from workbook.plan.model import BudgetLine
from workbook.plan.schema import BUDGET

SUBSIDY = "Vlaamse subsidie"
OWN_FUNDS = "Eigen middelen gemeente"
_AMOUNTS = (("planned", "Gepland", "gepland"), ("spent", "Besteed", "besteed"))


def check(ctx: Context) -> Iterator[Issue]:
    lines = ctx.plan.budget_lines
    for line in lines:
        yield from unknown_word(ctx, line.origin, "funding_kind", "Soort financiering", "Soort financiering", "")
        for field_name, column, _ in _AMOUNTS:
            yield from number_cell(line.origin, field_name, "", column, "Opmerking")
            value = getattr(line, field_name)
            if value is not None and value < 0:
                yield at(
                    line.origin,
                    field_name,
                    "negatief-bedrag",
                    "",
                    f"Het bedrag {euro(value)} in kolom {column} is negatief. Schrijf kosten en inkomsten als "
                    "bedrag van 0 of meer; de soort financiering zegt wie betaalt.",
                )
        yield from _missing_amounts(ctx, line)
    yield from _cofinancing(ctx, lines)


def _missing_amounts(ctx: Context, line: BudgetLine) -> Iterator[Issue]:
    origin = line.origin
    plan = ctx.plan
    if line.planned is None and is_blank(origin.raw.get("planned")) and plan.was_read(BUDGET.name, "planned"):
        yield at(
            origin,
            "planned",
            "ontbrekend-bedrag",
            "",
            f"De kostenpost '{line.description or '(zonder omschrijving)'}' heeft geen gepland bedrag. "
            "Vul het bedrag uit de begroting in kolom Gepland in.",
        )
    past = line.year is not None and ctx.year is not None and line.year < ctx.year
    if past and line.spent is None and is_blank(origin.raw.get("spent")) and plan.was_read(BUDGET.name, "spent"):
        yield at(
            origin,
            "spent",
            "ontbrekend-bedrag",
            "",
            f"De kostenpost '{line.description or '(zonder omschrijving)'}' van {line.year} heeft geen besteed "
            "bedrag. Vul in kolom Besteed in wat er dat jaar werkelijk is uitgegeven.",
        )


def _cofinancing(ctx: Context, lines: tuple[BudgetLine, ...]) -> Iterator[Issue]:
    share = ctx.plan.settings.cofinancing_min
    if not share or share <= 0 or share > 1 or not ctx.plan.was_read(BUDGET.name, "funding_kind"):
        return
    known = ctx.allowed("Soort financiering")
    years: dict[int, list[BudgetLine]] = {}
    for line in lines:
        if line.year is not None:
            years.setdefault(line.year, []).append(line)
    for year in sorted(years):
        year_lines = years[year]
        subsidy_lines = [b for b in year_lines if normalize_word(b.funding_kind) == normalize_word(SUBSIDY)]
        own_lines = [b for b in year_lines if normalize_word(b.funding_kind) == normalize_word(OWN_FUNDS)]
        if any(normalize_word(b.funding_kind) not in known for b in year_lines if not is_blank(b.funding_kind)):
            continue  # an unknown word is its own error; the sum would blame the wrong lines
        for field_name, _column, word in _AMOUNTS:
            if any(getattr(b, field_name) is None and not is_blank(b.origin.raw.get(field_name)) for b in year_lines):
                continue  # an amount that is no number is its own error; the sum without it would be wrong
            if not ctx.plan.was_read(BUDGET.name, field_name):
                continue
            subsidy_values = [getattr(b, field_name) for b in subsidy_lines if getattr(b, field_name) is not None]
            subsidy = sum(subsidy_values)
            if not subsidy_values or subsidy <= 0:
                continue
            own = sum(getattr(b, field_name) or 0 for b in own_lines)
            minimum = share * subsidy
            if cofinancing_met(own, share, subsidy):
                continue
            target = next((b for b in own_lines if getattr(b, field_name) is not None), None)
            cell = target.origin.cell(field_name) if target else subsidy_lines[0].origin.cell("funding_kind")
            yield issue(
                "cofinanciering-te-laag",
                cell,
                "",
                f"In {year} is de eigen inbreng van de gemeente ({word}) {euro(own)}. Dat is minder dan "
                f"{_fraction(share)} van de Vlaamse subsidie van {euro(subsidy)}: minstens "
                f"{euro(math.ceil(minimum - 0.005))}. Verhoog de eigen middelen, of kijk na of elke "
                f"kostenpost de juiste soort financiering heeft ('{OWN_FUNDS}' of '{SUBSIDY}').",
            )


def _fraction(share: float) -> str:
    fraction = Fraction(share).limit_denominator(12)
    if abs(float(fraction) - share) < 1e-6 and fraction.denominator > 1:
        return f"{fraction.numerator}/{fraction.denominator}"
    return percent(share * 100)
