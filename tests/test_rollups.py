import pytest
from conftest import DENDERLEEUW

from reporting.rollups import NO_FOLLOW_UP, NOT_FILLED, budget_years, plan_rollup
from workbook.plan.model import (
    Action,
    BudgetLine,
    FollowUp,
    Indicator,
    Lists,
    Measurement,
    Objective,
    Plan,
    Result,
    Settings,
)
from workbook.plan.schema import LISTS
from workbook.reading.reader import read_plan


def follow(code, status="", time="", time_colour="", money_colour="", year=2023):
    return FollowUp(code, year, status=status, time=time, time_colour=time_colour, money_colour=money_colour)


def small_plan(**settings) -> Plan:
    objectives = (
        Objective("1", "Samen leven", level=1),
        Objective("1.1", "Onthaal", level=2, parent_code="1"),
        Objective("1.2", "Taal", level=2, parent_code="1"),
        Objective("2", "Werk", level=1),
        Objective("2.1", "Toeleiding", level=2, parent_code="2"),
    )
    results = (Result("1.1.1", "a", "1.1"), Result("1.2.1", "b", "1.2"), Result("2.1.1", "c", "2.1"))
    actions = (
        Action("1.1.1.1", "a", years=(2023,), parent_code="1.1.1"),
        Action("1.1.1.2", "b", years=(2022, 2023), parent_code="1.1.1"),
        Action("1.2.1.1", "c", years=(2023,), parent_code="1.2.1"),
        Action("1.2.1.2", "d", years=(2023,), parent_code="1.2.1"),
        Action("2.1.1.1", "e", years=(2021,), parent_code="2.1.1"),
        Action("2.1.1.2", "f", years=(2023,), parent_code="2.1.1"),
        Action("2.1.1.3", "g", years=(2022,), parent_code="2.1.1"),
    )
    follow_ups = (
        follow("1.1.1.1", "In uitvoering", "Op schema", "groen", "groen"),
        follow("1.1.1.2", "In uitvoering", "Vertraagd", "oranje"),
        follow("1.2.1.1", "Afgerond", "Op schema", "groen", "rood"),
        follow("2.1.1.1", "Afgerond", "Op schema", "groen", year=2021),
        follow("2.1.1.2", "Stopgezet"),
        follow("2.1.1.3", "in uitvoering"),
    )
    indicators = (
        Indicator("1.1.1-I1", "Aantal gesprekken", kind="kwantitatief", direction="stijgen", parent_code="1.1.1"),
        Indicator("1.2.1-I1", "Aantal cursisten", kind="kwantitatief", direction="stijgen", parent_code="1.2.1"),
        Indicator("2.1.1-I1", "Verslag", kind="beschrijvend", parent_code="2.1.1"),
        Indicator("2.1.1-I2", "Evaluatie", kind="beschrijvend", parent_code="2.1.1"),
    )
    measurements = (
        Measurement("1.1.1-I1", "2022", 2022, False, 10),
        Measurement("1.1.1-I1", "2023", 2023, False, 12),
        Measurement("2.1.1-I1", "2023", 2023, note="Verslag klaar"),
    )
    values = {"start_year": 2020, "end_year": 2025, "report_year": 2023, "cofinancing_min": 1 / 3}
    values.update(settings)
    return Plan(
        settings=Settings(**values),
        objectives=objectives,
        results=results,
        actions=actions,
        follow_ups=follow_ups,
        indicators=indicators,
        measurements=measurements,
        lists=Lists(LISTS),
    )


def test_whole_plan_actions_by_status_time_and_colour():
    whole = plan_rollup(small_plan()).plan
    # Counted: planned in 2023 or followed up in 2023; 2.1.1.1 (2021 only) is not.
    assert whole.actions == 6 and whole.followed_up == 5
    assert whole.by_status == {"In uitvoering": 3, "Afgerond": 1, "Stopgezet": 1, NO_FOLLOW_UP: 1}
    assert list(whole.by_status) == ["In uitvoering", "Afgerond", "Stopgezet", NO_FOLLOW_UP]  # the list's order
    assert whole.by_time == {"Op schema": 2, "Vertraagd": 1, NOT_FILLED: 2, NO_FOLLOW_UP: 1}
    assert whole.by_time_colour == {"groen": 2, "oranje": 1, NOT_FILLED: 2, NO_FOLLOW_UP: 1}
    assert whole.by_money_colour == {"groen": 1, "rood": 1, NOT_FILLED: 3, NO_FOLLOW_UP: 1}
    # On schedule: 1.1.1.1, 1.2.1.1 and 2.1.1.3 (nothing says otherwise); not 1.1.1.2 (vertraagd), 2.1.1.2
    # (stopgezet) or 1.2.1.2 (no follow-up).
    assert whole.on_schedule == 3
    assert whole.on_schedule_share == pytest.approx(3 / 5)


def test_objectives_on_both_levels():
    rollup = plan_rollup(small_plan())
    assert [o.code for o in rollup.objectives] == ["1", "1.1", "1.2", "2", "2.1"]
    assert [o.code for o in rollup.strategic] == ["1", "2"]
    assert [o.code for o in rollup.children("1")] == ["1.1", "1.2"]
    expected = {  # code: (actions, followed up, on schedule, share)
        "1": (4, 3, 2, 2 / 3),
        "1.1": (2, 2, 1, 0.5),
        "1.2": (2, 1, 1, 1.0),
        "2": (2, 2, 1, 0.5),
        "2.1": (2, 2, 1, 0.5),
    }
    for code, (actions, followed, on_schedule, share) in expected.items():
        group = rollup.objective(code)
        assert (group.actions, group.followed_up, group.on_schedule) == (actions, followed, on_schedule), code
        assert group.on_schedule_share == pytest.approx(share), code
    assert rollup.objective("1.2").by_status == {"Afgerond": 1, NO_FOLLOW_UP: 1}
    assert rollup.objective("2").by_status == {"In uitvoering": 1, "Stopgezet": 1}
    assert rollup.objective("1").level == 1 and rollup.objective("1.1").parent_code == "1"


def test_indicators_per_verdict():
    rollup = plan_rollup(small_plan())
    assert rollup.plan.indicators == 2
    assert rollup.plan.by_verdict == {"op koers": 1, "geen gegevens": 1}
    assert (rollup.plan.descriptive, rollup.plan.descriptive_measured) == (2, 1)
    assert rollup.objective("1.1").by_verdict == {"op koers": 1}
    assert rollup.objective("1.2").by_verdict == {"geen gegevens": 1}
    assert rollup.objective("2").by_verdict == {} and rollup.objective("2").indicators == 0
    assert (rollup.objective("2.1").descriptive, rollup.objective("2.1").descriptive_measured) == (2, 1)


def test_another_year_counts_other_actions():
    rollup = plan_rollup(small_plan(), 2021)
    assert rollup.year == 2021
    # In 2021: 2.1.1.1 (planned and followed up) only.
    assert (rollup.plan.actions, rollup.plan.followed_up, rollup.plan.on_schedule) == (1, 1, 1)
    assert rollup.plan.by_status == {"Afgerond": 1}


def test_an_objective_without_actions_has_no_share():
    plan = small_plan()
    plan = Plan(
        settings=plan.settings, objectives=plan.objectives + (Objective("3", "Leeg", level=1),), lists=plan.lists
    )
    empty = plan_rollup(plan).objective("3")
    assert (empty.actions, empty.on_schedule_share, empty.by_status) == (0, None, {})


def test_budget_per_year_and_cofinancing_against_the_rule():
    lines = (
        BudgetLine(2022, "Vlaamse subsidie", planned=62000, spent=61000),
        BudgetLine(2022, "Eigen middelen gemeente", planned=23000, spent=20000),
        BudgetLine(2022, "Andere subsidie", planned=5000),
        BudgetLine(2023, "vlaamse subsidie", planned=62000),
        BudgetLine(2023, "Eigen middelen gemeente", planned=20000),
    )
    plan = Plan(settings=Settings(cofinancing_min=1 / 3), budget_lines=lines)
    first, second = budget_years(plan)
    assert (first.year, first.planned, first.spent) == (2022, 90000, 81000)
    assert (first.flemish_planned, first.flemish_spent, first.own_planned, first.own_spent) == (
        62000,
        61000,
        23000,
        20000,
    )
    assert (first.other_planned, first.other_spent) == (5000, 0)
    assert first.cofinancing_planned == pytest.approx(23000 / 62000)  # 37,1%
    assert first.cofinancing_spent == pytest.approx(20000 / 61000)  # 32,8%: below one third
    assert first.required_own_planned == pytest.approx(20666.67, abs=0.01)
    assert first.required_own_spent == pytest.approx(20333.33, abs=0.01)
    assert (first.rule_met_planned, first.rule_met_spent) == (True, False)
    assert (second.year, second.planned, second.spent, second.flemish_spent) == (2023, 82000, None, None)
    assert second.cofinancing_planned == pytest.approx(20000 / 62000)
    assert (second.rule_met_planned, second.rule_met_spent) == (False, None)
    assert plan_rollup(plan).budget == (first, second)


def test_cofinancing_allows_the_rounded_cent_but_not_more():
    def met(own):
        plan = Plan(
            settings=Settings(cofinancing_min=1 / 3),
            budget_lines=(
                BudgetLine(2011, "Vlaamse subsidie", planned=62000),
                BudgetLine(2011, "Eigen middelen gemeente", planned=own),
            ),
        )
        return budget_years(plan)[0].rule_met_planned

    assert met(20667) is True  # "1/3 van 62.000 euro is minimaal 20.667 euro"
    assert met(20666.67) is True
    assert met(20666) is False


def test_no_rule_without_a_minimum_or_a_flemish_subsidy():
    only_own = Plan(
        settings=Settings(cofinancing_min=1 / 3),
        budget_lines=(BudgetLine(2023, "Eigen middelen gemeente", planned=1000),),
    )
    assert budget_years(only_own)[0].rule_met_planned is None
    no_rule = Plan(
        settings=Settings(),
        budget_lines=(
            BudgetLine(2023, "Vlaamse subsidie", planned=1000),
            BudgetLine(2023, "Eigen middelen gemeente", planned=10),
        ),
    )
    year = budget_years(no_rule)[0]
    assert (year.cofinancing_planned, year.rule_met_planned) == (pytest.approx(0.01), None)


def test_denderleeuw_rollup():
    rollup = plan_rollup(read_plan(DENDERLEEUW))
    assert rollup.year == 2023
    bd = rollup.objective("BD109")
    assert [c.code for c in rollup.children("BD109")] == ["AP1090", "AP1091", "AP1092"]
    assert (bd.actions, bd.followed_up, bd.on_schedule) == (6, 6, 4)
    assert bd.by_time == {"Vertraagd": 1, "Uitgesteld": 1, NOT_FILLED: 4}
    assert bd.by_verdict == {"geen gegevens": 7}
    assert rollup.objective("AP1091").indicators == 7
    assert rollup.plan.actions == 6
    assert rollup.budget == ()
