"""A value on its target or norm as the report prints it meets it; articles and procentpunten read right."""

from __future__ import annotations

import re
from dataclasses import fields, replace
from functools import cache

import pandas as pd
import pytest
from documents_support import EXAMPLES, REPORT_DATE, all_texts, plan_document, plan_of, year_report

from reporting.documents import render_year_report
from reporting.figures.trends import compute_trends, indicator_trends
from reporting.figures.verdict import ATTENTION, OFF_TRACK, ON_TRACK
from reporting.rollups import budget_years
from workbook.plan.model import BudgetLine, Indicator, Measurement, Objective, Plan, Settings
from workbook.plan.numbers import parse_year
from workbook.plan.timing import parse_timing

CODE = "1.1.1-I1"


def trend(measurements, year=2023, **indicator) -> dict:
    """The trend row of one quantitative indicator with the given (period, value) measurements."""
    fields = {"code": CODE, "text": "Aandeel nieuwkomers met een traject", "kind": "kwantitatief", "unit": "percentage"}
    fields.update(indicator)
    rows = tuple(
        Measurement(CODE, period, parse_year(period), parse_timing(period, 2020, 2025).partial, value)
        for period, value in measurements
    )
    plan = Plan(
        settings=Settings(start_year=2020, end_year=2025, report_year=year),
        indicators=(Indicator(**fields),),
        measurements=rows,
    )
    return _fields(indicator_trends(plan)[0])


def _fields(trend) -> dict[str, object]:
    return {field.name: getattr(trend, field.name) for field in fields(trend)}


@pytest.mark.parametrize(
    "value", [80, 80.0, 79.99999999999999, 80.00000000000001, 79.99999999, 80.00000001, 79.96, 80.04]
)
def test_a_rise_that_prints_as_the_target_meets_it(value):
    row = trend([("2021", 70), ("2023", value)], direction="stijgen", target_year=2025, target_value=80)
    assert row["verdict"] == ON_TRACK
    assert "De streefwaarde 80% tegen 2025 is bereikt." in row["reason"]


@pytest.mark.parametrize("value", [79.94, 79.9])
def test_a_rise_that_prints_below_the_target_does_not_meet_it(value):
    row = trend([("2021", 70), ("2023", value)], direction="stijgen", target_year=2023, target_value=80)
    assert row["verdict"] == OFF_TRACK
    assert "maar de streefwaarde 80% niet" in row["reason"]


@pytest.mark.parametrize("value", [80.00000001, 79.99999999, 80.00000000000001, 80.04])
def test_a_fall_that_prints_as_the_target_meets_it(value):
    row = trend([("2021", 90), ("2023", value)], direction="dalen", target_year=2023, target_value=80)
    assert row["verdict"] == ON_TRACK
    assert "De streefwaarde 80% tegen 2023 is bereikt." in row["reason"]


def test_a_fall_that_prints_above_the_target_does_not_meet_it():
    row = trend([("2021", 90), ("2023", 80.06)], direction="dalen", target_year=2023, target_value=80)
    assert row["verdict"] == OFF_TRACK


@pytest.mark.parametrize(
    ("value", "target", "printed"),
    [
        (0.1 + 0.7, 0.8, "0,8"),
        (0.8, 0.1 + 0.7, "0,8"),
        (0.1 + 0.2, 0.3, "0,3"),
        (0.3, 0.1 + 0.2, "0,3"),
    ],
)
def test_a_count_with_float_noise_meets_its_target(value, target, printed):
    row = trend(
        [("2021", 0.1), ("2023", value)], unit="aantal", direction="stijgen", target_year=2025, target_value=target
    )
    assert row["verdict"] == ON_TRACK
    assert f"De streefwaarde {printed} tegen 2025 is bereikt." in row["reason"]


def test_an_amount_on_its_target_to_the_cent_meets_it():
    row = trend(
        [("2021", 1000.1), ("2023", 1000.1 + 0.2)],
        unit="euro",
        direction="stijgen",
        target_year=2025,
        target_value=1000.3,
    )
    assert row["verdict"] == ON_TRACK


def test_a_target_that_prints_as_the_baseline_is_no_distance_and_means_keep():
    row = trend([("2021", 80), ("2023", 80)], target_year=2025, target_value=80.00000001)
    assert row["direction"] == "behouden"
    assert row["attainment_pct"] is None
    assert row["verdict"] == ON_TRACK
    assert "De streefwaarde is gelijk aan de nulmeting" in row["reason"]


def test_a_value_that_prints_as_the_baseline_did_not_move():
    row = trend(
        [("2021", 0.1 + 0.2), ("2023", 0.3)], unit="aantal", direction="stijgen", target_year=2025, target_value=1
    )
    assert row["verdict"] == ATTENTION
    assert row["reason"].startswith("Gelijk gebleven: 0,3 in 2021 en 0,3 in 2023")


def test_a_kept_value_exactly_at_the_tolerance_is_on_track():
    # (2.1 - 2) / 2 is 0.050000000000000044 in floating point, 5% in the report.
    row = trend([("2021", 2), ("2023", 2.1)], unit="aantal", direction="behouden")
    assert row["verdict"] == ON_TRACK
    assert "blijft binnen 5% van de nulmeting 2 in 2021" in row["reason"]
    row = trend([("2021", 2), ("2023", 2.2)], unit="aantal", direction="behouden")
    assert row["verdict"] == ATTENTION


def test_progress_exactly_on_schedule_is_on_schedule():
    # (0.7 - 0.4) / (0.9 - 0.4) is 59.999999999999986% in floating point; 3 of 5 years is 60%.
    row = trend(
        [("2023", 0.7)], unit="aantal", baseline_year=2020, baseline_value=0.4, target_year=2025, target_value=0.9
    )
    assert row["attainment_pct"] < 60
    assert row["verdict"] == ON_TRACK
    assert "Dat is 60% van de weg" in row["reason"]
    assert "is dat op schema (minstens 60%)" in row["reason"]


def test_a_projection_that_prints_as_the_target_reaches_it():
    row = trend(
        [("2020", 0.1), ("2021", 0.8), ("2022", 1.5)],
        year=2022,
        unit="aantal",
        direction="stijgen",
        target_year=2025,
        target_value=3.64,  # printed 3,6
    )
    assert row["projection_value"] == pytest.approx(3.6) and row["projection_value"] < 3.64
    assert row["verdict"] == ON_TRACK
    assert "komt uit op 3,6 in 2025: de streefwaarde wordt gehaald." in row["reason"]


def test_own_funding_of_exactly_the_minimum_meets_the_norm():
    lines = (
        BudgetLine(2023, "Vlaamse subsidie", planned=62000.0),
        BudgetLine(2023, "Eigen middelen gemeente", planned=62000 / 3),
    )
    plan = Plan(
        settings=Settings(start_year=2020, end_year=2025, report_year=2023, cofinancing_min=1 / 3), budget_lines=lines
    )
    assert budget_years(plan)[0].rule_met_planned is True


def _frames(years: list[object]) -> tuple[pd.DataFrame, pd.DataFrame]:
    indicators = pd.DataFrame(
        [
            {
                "code": CODE,
                "text": "Aantal trajecten",
                "parent_code": "1.1.1",
                "cell": "Indicatoren!C5",
                "kind": "kwantitatief",
                "unit": "aantal",
                "direction": "stijgen",
                "baseline_year": None,
                "baseline_value": None,
                "target_year": None,
                "target_value": None,
            }
        ],
        dtype=object,
    )
    measurements = pd.DataFrame(
        [
            {
                "indicator_code": CODE,
                "period": str(year),
                "year": year,
                "partial": False,
                "value": 10.0 + index,
                "share": None,
                "cell": f"Metingen!C{index + 2}",
                "order": index,
            }
            for index, year in enumerate(years)
        ],
        dtype=object,
    )
    return indicators, measurements


@pytest.mark.parametrize("report_year", [2025, "2025", 2025.0])
def test_a_year_typed_as_text_is_the_same_period_as_the_number(report_year):
    indicators, measurements = _frames([2024, "2025", 2025.0, 2025])
    row = _fields(compute_trends(indicators, measurements, report_year)[0])
    assert [(p.year, p.value) for p in row["points"]] == [(2024, 10.0), (2025, 13.0)]
    assert (row["compared_year"], row["compared_value"], row["change_previous"]) == (2025, 13.0, 3.0)
    assert row["measured_in_year"] is True


def test_years_typed_as_text_and_numbers_sort_as_years():
    indicators, measurements = _frames(["2023", 2021, "2022"])
    row = _fields(compute_trends(indicators, measurements, "2023")[0])
    assert [p.year for p in row["points"]] == [2021, 2022, 2023]
    assert (row["baseline_year"], row["compared_year"]) == (2021, 2023)


_COMMON = r"(?:strategische |operationele |beleids)?doelstelling|actie|indicator"
_NEUTER = r"resultaat|actieplan"
WRONG_ARTICLE = re.compile(
    rf"\b(?:(?:dit|het|elk|welk|geen enkel) (?:{_COMMON})|(?:deze|de|elke|welke|geen enkele) (?:{_NEUTER}))\b",
    re.IGNORECASE,
)


def test_the_pattern_finds_the_wrong_articles_and_only_those():
    for wrong in (
        "Onder dit operationele doelstelling",
        "dit strategische doelstelling",
        "deze resultaat",
        "het actie",
        "de actieplan",
        "Dit indicator",
        "het beleidsdoelstelling",
    ):
        assert WRONG_ARTICLE.search(wrong), wrong
    for right in (
        "deze operationele doelstelling",
        "dit resultaat",
        "het actieplan",
        "de actieplannen",
        "de resultaten",
        "de acties",
        "deze indicator",
        "het actiepunt",
        "de doelstellingen",
    ):
        assert not WRONG_ARTICLE.search(right), right


@pytest.mark.parametrize("example", sorted(EXAMPLES))
@pytest.mark.parametrize("document", [year_report, plan_document], ids=["jaarrapport", "beleidsplan"])
def test_no_level_name_after_the_wrong_article(example, document):
    wrong = [text for text in all_texts(document(example)) if WRONG_ARTICLE.search(text)]
    assert wrong == []


@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_percentage_points_are_spelled_one_way_in_the_year_report(example):
    text = "\n".join(all_texts(year_report(example)))
    for figure, word in re.findall(r"(\d+(?:,\d+)?) (procentpunten|procentpunt)\b", text):
        value = float(figure.replace(",", "."))
        assert word == ("procentpunt" if 0 < value <= 1 else "procentpunten"), (figure, word)


# Per example: an operational objective without anything under it, and where two percentage indicators go.
_ADDED = {
    "waregem": ("1.9", "1", "1.1.1", ("2011", "2012")),
    "denderleeuw": ("AP1099", "BD109", "A10911", ("2022", "2023")),
}


@cache
def _extended_report(example: str) -> list[str]:
    """The example's year report with an empty operational objective and indicators that moved 6 and 1 points."""
    plan = plan_of(example)
    objective, parent, result, (before, now) = _ADDED[example]
    indicators = tuple(
        Indicator(
            f"{result}-I9{index}",
            f"Aandeel {name}",
            kind="kwantitatief",
            unit="percentage",
            direction="stijgen",
            parent_code=result,
        )
        for index, name in enumerate(("met werk", "met een diploma"))
    )
    measurements = tuple(
        Measurement(indicator.code, period, int(period), value=value)
        for indicator, values in zip(indicators, ((30.0, 36.0), (40.0, 41.0)), strict=True)
        for period, value in zip((before, now), values, strict=True)
    )
    plan = replace(
        plan,
        objectives=(
            *plan.objectives,
            Objective(objective, "Een doelstelling zonder acties", level=2, parent_code=parent),
        ),
        indicators=(*plan.indicators, *indicators),
        measurements=(*plan.measurements, *measurements),
    )
    return all_texts(render_year_report(plan, today=REPORT_DATE))


@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_an_operational_objective_without_actions_is_named_without_a_wrong_article(example):
    texts = _extended_report(example)
    objective = _ADDED[example][0]
    name = "actieplan" if example == "denderleeuw" else "operationele doelstelling"
    assert f"Onder {name} {objective} staan nog geen acties." in texts
    assert [text for text in texts if WRONG_ARTICLE.search(text)] == []


@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_percentage_points_read_the_same_in_the_table_and_the_verdict(example):
    text = "\n".join(_extended_report(example))
    before = _ADDED[example][3][0]
    assert f"+6 procentpunten t.o.v. {before}" in text
    assert f"+1 procentpunt t.o.v. {before}" in text
    assert "(+6 procentpunten, +20%)" in text
    assert "(+1 procentpunt, +2,5%)" in text
    for figure, word in re.findall(r"(\d+(?:,\d+)?) (procentpunten|procentpunt)\b", text):
        value = float(figure.replace(",", "."))
        assert word == ("procentpunt" if 0 < value <= 1 else "procentpunten"), (figure, word)
