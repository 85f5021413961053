"""The rows of the Trends sheet: indicator verdicts, roll-ups per objective and the budget, as a plain table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reporting.figures import formatting
from reporting.figures.trend import Trend
from reporting.figures.verdict import VERDICTS
from reporting.rollups import GroupRollup, PlanRollup, plan_rollup
from workbook.sheets.trends_sheet import DECIMAL, EURO, INDICATOR_HEADERS, INTEGER, PERCENT, VERDICT_COLUMN, TrendsTable

if TYPE_CHECKING:
    from workbook.plan.model import Plan


def trends_rows(plan: Plan, year: int | None = None) -> list[list[object]]:
    """The rows of the Trends sheet from A1 (numbers as numbers, shares and percentages as fractions), the same
    that `write_trends_sheet` writes, for a writer such as the xlwings button."""
    return trends_table(plan, year).rows


def trends_table(
    plan: Plan, year: int | None = None, trends: Sequence[Trend] | None = None, rollup: PlanRollup | None = None
) -> TrendsTable:
    if year is None:
        year = plan.settings.report_year
    if trends is None:
        from reporting.figures.trends import indicator_trends

        trends = indicator_trends(plan, year)
    if rollup is None:
        rollup = plan_rollup(plan, year, trends=trends)
    table = TrendsTable(rows=[])
    title = f"Trends {year}" if year else "Trends"
    _add(table, [title])
    _add(
        table,
        [
            "Berekend door planrapport uit de bladen Indicatoren, Metingen, Opvolging en Begroting. Dit blad "
            "wordt bij elke berekening vervangen: typ hier niets, uw eigen bladen blijven ongemoeid."
        ],
    )
    _indicator_section(table, trends, year)
    _add(table, [])
    _action_section(table, rollup)
    _add(table, [])
    _budget_section(table, rollup)
    return table


def _add(table: TrendsTable, values: list[object]) -> int:
    table.rows.append(list(values))
    return len(table.rows)


def _number(value: object, digits: int = 1) -> float | int | None:
    if value is None:
        return None
    rounded = formatting.rounded(float(value), digits)
    return int(rounded) if rounded.is_integer() else rounded


def _fraction(percent: object) -> float | None:
    return None if percent is None else round(float(percent) / 100, 4)


def _indicator_section(table: TrendsTable, trends: Sequence[Trend], year: int | None) -> None:
    measured_header = f"Gemeten in {year}" if year else "Gemeten"
    header = [h.replace("Gemeten in {year}", measured_header) for h in INDICATOR_HEADERS]
    table.headers.append(_add(table, header))
    first = len(table.rows) + 1
    for trend in trends:
        figures: list[object]
        if trend.quantitative:
            figures = [
                trend.latest_period,
                _number(trend.latest_value),
                _fraction(trend.share_latest),
                trend.baseline_year,
                _number(trend.baseline_value),
                _number(trend.change_previous),
                _number(trend.change_baseline),
                _fraction(trend.change_baseline_pct),
                _number(trend.yearly_change),
                trend.target_year,
                _number(trend.target_value),
                _fraction(trend.attainment_pct),
                _number(trend.projection_value),
            ]
        else:
            figures = [None] * 13
        measured = None if trend.measured_in_year is None else ("ja" if trend.measured_in_year else "nee")
        number = _add(table, [trend.code, trend.text, trend.verdict or None, *figures, measured, trend.reason])
        if trend.cell and "!" in trend.cell:
            sheet, cell = trend.cell.split("!", 1)
            table.links[(number, 1)] = "'{}'!{}".format(sheet.replace("'", "''"), cell)
        for column, value in enumerate(figures, start=4):
            if isinstance(value, int | float) and not isinstance(value, bool):
                table.formats[(number, column)] = _format_for(column, value, trend.unit)
    last = len(table.rows)
    if last >= first:
        table.verdict_ranges.append(f"{VERDICT_COLUMN}{first}:{VERDICT_COLUMN}{last}")


def _format_for(column: int, value: float, unit: str) -> str:
    if column in (6, 11, 15):  # Aandeel, Verschil (%), Bereikt
        return PERCENT
    if column in (7, 13):  # years
        return "0"
    if unit.strip().casefold() == "euro":
        return EURO
    return INTEGER if float(value).is_integer() else DECIMAL


def _action_section(table: TrendsTable, rollup: PlanRollup) -> None:
    year = f" in {rollup.year}" if rollup.year else ""
    table.sections.append(_add(table, [f"Acties en indicatoren per doelstelling{year}"]))
    whole = rollup.plan
    status = list(whole.by_status)
    time = list(whole.by_time)
    time_colour = list(whole.by_time_colour)
    money_colour = list(whole.by_money_colour)
    header = ["Code", "Doelstelling", "Acties", "Met opvolging", "Op schema", "Op schema (%)"]
    header += [f"Status: {w}" for w in status] + [f"Tijd: {w}" for w in time]
    header += [f"Tijd (indicator): {w}" for w in time_colour] + [f"Geld (indicator): {w}" for w in money_colour]
    header += ["Indicatoren"] + [f"Indicatoren {v}" for v in VERDICTS] + ["Beschrijvend", "Beschrijvend gemeten"]
    table.headers.append(_add(table, header))

    def line(group: GroupRollup, code: str | None, title: str) -> None:
        values: list[object] = [
            code,
            title,
            group.actions,
            group.followed_up,
            group.on_schedule,
            None if group.on_schedule_share is None else round(group.on_schedule_share, 4),
        ]
        for counts, words in (
            (group.by_status, status),
            (group.by_time, time),
            (group.by_time_colour, time_colour),
            (group.by_money_colour, money_colour),
        ):
            values += [counts.get(w, 0) for w in words]
        values += [group.indicators] + [group.by_verdict.get(v, 0) for v in VERDICTS]
        values += [group.descriptive, group.descriptive_measured]
        number = _add(table, values)
        for column, value in enumerate(values, start=1):
            if column > 2 and value is not None:
                table.formats[(number, column)] = PERCENT if column == 6 else INTEGER

    line(whole, None, "Hele plan")
    for group in rollup.objectives:
        line(group, group.code, group.title if group.level == 1 else "    " + group.title)


def _budget_section(table: TrendsTable, rollup: PlanRollup) -> None:
    table.sections.append(_add(table, ["Begroting per jaar"]))
    header = [
        "Jaar",
        "Cofinanciering",
        "Gepland",
        "Besteed",
        "Vlaamse subsidie gepland",
        "Vlaamse subsidie besteed",
        "Eigen middelen gepland",
        "Eigen middelen besteed",
        "Andere gepland",
        "Andere besteed",
        "Cofinanciering gepland",
        "Cofinanciering besteed",
        "Minimale cofinanciering",
        "Minimaal eigen deel gepland",
        "Regel gehaald (gepland)",
        "Regel gehaald (besteed)",
    ]
    table.headers.append(_add(table, header))
    if not rollup.budget:
        _add(table, [None, "Er staan geen begrotingsregels op het blad Begroting."])
        return
    first = len(table.rows) + 1
    for year in rollup.budget:
        values: list[object] = [
            year.year,
            _cofinancing_sentence(year),
            _number(year.planned, 2),
            _number(year.spent, 2),
            _number(year.flemish_planned, 2),
            _number(year.flemish_spent, 2),
            _number(year.own_planned, 2),
            _number(year.own_spent, 2),
            _number(year.other_planned, 2),
            _number(year.other_spent, 2),
            None if year.cofinancing_planned is None else round(year.cofinancing_planned, 4),
            None if year.cofinancing_spent is None else round(year.cofinancing_spent, 4),
            None if year.cofinancing_min is None else round(year.cofinancing_min, 4),
            _number(year.required_own_planned, 2),
            _yes_no(year.rule_met_planned),
            _yes_no(year.rule_met_spent),
        ]
        number = _add(table, values)
        for column, value in enumerate(values, start=1):
            if isinstance(value, int | float):
                table.formats[(number, column)] = "0" if column == 1 else PERCENT if column in (11, 12, 13) else EURO
    last = len(table.rows)
    table.rule_ranges.append(f"O{first}:P{last}")


def _cofinancing_sentence(year) -> str:
    """The rule in words: "Eigen middelen 37,1% van de Vlaamse subsidie (minimum 33,3%): gehaald."."""
    spent = year.cofinancing_spent is not None
    share = year.cofinancing_spent if spent else year.cofinancing_planned
    if share is None:
        return "Geen Vlaamse subsidie of geen eigen middelen ingevuld."
    basis = "besteed" if spent else "gepland"
    text = f"Eigen middelen {basis}: {formatting.percent(share * 100, 1)} van de Vlaamse subsidie"
    if year.cofinancing_min is None:
        return text + " (geen minimum ingevuld)."
    met = year.rule_met_spent if spent else year.rule_met_planned
    minimum = formatting.percent(year.cofinancing_min * 100, 1)
    return f"{text} (minimum {minimum}): {'gehaald' if met else 'niet gehaald'}."


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else ("ja" if value else "nee")
