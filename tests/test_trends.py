import dataclasses

import pandas as pd
import pytest
from conftest import DENDERLEEUW

from reporting.figures.trend import Point, Trend
from reporting.figures.trends import compute_trends, indicator_frame, indicator_trends, measurement_frame
from reporting.figures.verdict import ATTENTION, NO_DATA, OFF_TRACK, ON_TRACK
from workbook.plan.model import Indicator, Measurement, Plan, Settings
from workbook.plan.numbers import parse_year
from workbook.plan.timing import parse_timing
from workbook.reading.reader import read_plan

CODE = "1.1.1-I1"


def trend(measurements=(), year=2023, end_year=2025, **indicator):
    """The trend row of one quantitative indicator with the given (period, value[, share]) measurements."""
    fields = {"code": CODE, "text": "Aantal onthaalgesprekken", "kind": "kwantitatief", "unit": "aantal"}
    fields.update(indicator)
    rows = []
    for period, value, *share in measurements:
        rows.append(
            Measurement(
                CODE,
                period,
                parse_year(period),
                parse_timing(period, 2020, 2025).partial,
                value,
                share[0] if share else None,
            )
        )
    plan = Plan(
        settings=Settings(start_year=2020, end_year=end_year, report_year=year),
        indicators=(Indicator(**fields),),
        measurements=tuple(rows),
    )
    (found,) = indicator_trends(plan)
    return figures(found)


def figures(trend: Trend) -> dict[str, object]:
    """The trend's fields by name, to check many of them at once."""
    return {field.name: getattr(trend, field.name) for field in dataclasses.fields(trend)}


def test_no_values_means_no_data_and_no_figures():
    row = trend()
    assert row["verdict"] == NO_DATA
    assert row["reason"] == "Nog geen gemeten waarden."
    for column in (
        "latest_value",
        "latest_year",
        "baseline_value",
        "change_baseline",
        "change_previous",
        "yearly_change",
        "attainment_pct",
        "projection_value",
    ):
        assert row[column] is None
    assert row["measured_in_year"] is False


def test_one_value_is_its_own_baseline_and_gives_no_evolution():
    row = trend([("2022", 322)], direction="stijgen")
    assert (row["latest_year"], row["latest_value"], row["latest_partial"]) == (2022, 322, False)
    assert (row["baseline_year"], row["baseline_value"], row["baseline_origin"]) == (2022, 322, "eerste meting")
    assert row["change_baseline"] is None and row["change_previous"] is None and row["yearly_change"] is None
    assert row["verdict"] == NO_DATA
    assert row["reason"] == "Pas één volledig jaar gemeten: 322 in 2022. Nog geen evolutie te berekenen."


def test_a_missing_baseline_is_the_first_full_year_and_the_reason_says_so():
    row = trend([("2021", 100), ("2022", 130)], direction="stijgen")
    assert (row["baseline_year"], row["baseline_value"], row["baseline_origin"]) == (2021, 100, "eerste meting")
    assert (row["previous_year"], row["previous_value"]) == (2021, 100)
    assert row["change_previous"] == 30 and row["change_previous_pct"] == 30
    assert row["change_baseline"] == 30 and row["change_baseline_pct"] == 30
    assert row["yearly_change"] == 30
    assert row["attainment_pct"] is None  # no target
    assert row["verdict"] == ON_TRACK
    assert row["reason"] == (
        "Stijging van 100 in 2021 naar 130 in 2022 (+30, +30%), zoals gewenst. "
        "Er is geen nulmeting ingevuld: de eerste meting (2021) geldt als nulmeting."
    )


def test_every_figure_by_hand_with_baseline_target_and_projection():
    # Nulmeting 2020 = 100, streefwaarde 200 tegen 2025; measured 110, 125, 130.
    row = trend(
        [("2021", 110), ("2022", 125), ("2023", 130)],
        direction="stijgen",
        baseline_year=2020,
        baseline_value=100,
        target_year=2025,
        target_value=200,
    )
    assert (row["latest_year"], row["latest_value"]) == (2023, 130)
    assert (row["compared_year"], row["compared_value"]) == (2023, 130)
    assert (row["previous_year"], row["previous_value"]) == (2022, 125)
    assert row["change_previous"] == 5
    assert row["change_previous_pct"] == pytest.approx(4.0)  # 5 / 125
    assert row["change_baseline"] == 30 and row["change_baseline_pct"] == 30
    assert row["yearly_change"] == 10  # 30 over 3 years
    assert row["attainment_pct"] == 30  # 30 of the 100 to go
    # Least squares through 2020..2023 = 100, 110, 125, 130: mean year 2021,5, mean value 116,25,
    # slope = 52,5 / 5 = 10,5, so 2025 gives 116,25 + 3,5 * 10,5 = 153.
    assert row["projection_year"] == 2025
    assert row["projection_value"] == pytest.approx(153.0)
    assert row["verdict"] == ATTENTION
    assert row["reason"] == (
        "Stijging van 100 in 2020 naar 130 in 2023 (+30, +30%). Dat is 30% van de weg naar de streefwaarde 200 "
        "tegen 2025. De lijn door 4 volledige jaren komt uit op 153 in 2025: dat haalt de streefwaarde niet."
    )


def test_a_projection_that_reaches_the_target_is_on_track():
    row = trend(
        [("2021", 110), ("2022", 120), ("2023", 130)],
        direction="stijgen",
        baseline_year=2020,
        baseline_value=100,
        target_year=2025,
        target_value=150,
    )
    assert row["projection_value"] == pytest.approx(150.0)
    assert row["verdict"] == ON_TRACK


def test_no_projection_with_fewer_than_three_full_years():
    row = trend([("2021 (juni-december)", 50), ("2022", 110), ("2023", 130)], direction="stijgen")
    assert row["projection_value"] is None  # two full years only: the half year does not count


def test_projection_goes_to_the_plan_end_without_a_target_year():
    row = trend([("2021", 10), ("2022", 20), ("2023", 30)], direction="stijgen", end_year=2026)
    assert (row["projection_year"], row["projection_value"]) == (2026, pytest.approx(60.0))


@pytest.mark.parametrize(
    ("baseline", "measured", "target", "attainment", "verdict"),
    [
        (14, 17, 22, 37.5, ATTENTION),  # 3 of 8, while half the time has gone
        (6, 11, 15, 500 / 9, ON_TRACK),  # 5 of 9
        (2, 4, 6, 50.0, ON_TRACK),  # exactly on the line
    ],
)
def test_without_a_projection_progress_is_weighed_against_the_time_gone(
    baseline, measured, target, attainment, verdict
):
    row = trend(
        [("2011", baseline), ("2012", measured)],
        year=2012,
        end_year=2013,
        direction="stijgen",
        baseline_year=2011,
        baseline_value=baseline,
        target_year=2013,
        target_value=target,
    )
    assert row["attainment_pct"] == pytest.approx(attainment)
    assert row["verdict"] == verdict
    assert "Na 1 van de 2 jaar tot het streefjaar" in row["reason"]


def test_decreasing_desired_direction():
    # Wachtlijst NT2: 48 in 2011, streefwaarde 20 tegen 2013, 35 in 2012: 13 of the 28 to go.
    row = trend(
        [("2011", 48), ("2012", 35)],
        year=2012,
        end_year=2013,
        direction="dalen",
        baseline_year=2011,
        baseline_value=48,
        target_year=2013,
        target_value=20,
    )
    assert row["change_baseline"] == -13
    assert row["change_baseline_pct"] == pytest.approx(-1300 / 48)
    assert row["yearly_change"] == -13
    assert row["attainment_pct"] == pytest.approx(1300 / 28)
    assert row["verdict"] == ATTENTION
    assert row["reason"].startswith("Daling van 48 in 2011 naar 35 in 2012 (-13, -27,1%). Dat is 46,4% van de weg")


def test_a_rise_when_a_fall_is_wanted_is_off_track():
    row = trend(
        [("2011", 14), ("2012", 16)],
        year=2012,
        direction="dalen",
        baseline_year=2011,
        baseline_value=14,
        target_year=2013,
        target_value=5,
    )
    assert row["verdict"] == OFF_TRACK
    assert row["reason"] == "Stijging van 14 in 2011 naar 16 in 2012, terwijl een daling gewenst is."
    assert row["attainment_pct"] == pytest.approx(-2 / 9 * 100)


def test_a_fall_reaching_its_target_is_on_track():
    row = trend(
        [("2011", 14), ("2012", 4)],
        year=2012,
        direction="dalen",
        baseline_year=2011,
        baseline_value=14,
        target_year=2013,
        target_value=5,
    )
    assert row["verdict"] == ON_TRACK
    assert row["reason"] == "Van 14 in 2011 naar 4 in 2012. De streefwaarde 5 tegen 2013 is bereikt."


def test_direction_follows_from_the_target_when_the_sheet_leaves_it_empty():
    assert trend([("2012", 9)], baseline_year=2011, baseline_value=14, target_value=5)["direction"] == "dalen"
    assert trend([("2012", 9)], baseline_year=2011, baseline_value=4, target_value=5)["direction"] == "stijgen"
    assert trend([("2012", 9)])["direction"] == ""


def test_target_equal_to_baseline_has_no_attainment_and_means_keeping_the_value():
    kept = trend([("2022", 103)], baseline_year=2020, baseline_value=100, target_year=2025, target_value=100)
    assert kept["direction"] == "behouden"
    assert kept["attainment_pct"] is None
    assert kept["change_baseline"] == 3
    assert kept["verdict"] == ON_TRACK
    assert kept["reason"] == (
        "103 in 2022 blijft binnen 5% van de streefwaarde 100 tegen 2025, zoals gewenst (behouden). "
        "De streefwaarde is gelijk aan de nulmeting, dus er is geen afstand om te overbruggen: "
        "geen percentage bereikt."
    )
    drifted = trend([("2022", 112)], baseline_year=2020, baseline_value=100, target_year=2025, target_value=100)
    assert drifted["verdict"] == ATTENTION
    assert drifted["reason"].startswith("112 in 2022 wijkt 12% af van de streefwaarde 100 tegen 2025")


def test_target_equal_to_baseline_with_a_rise_wanted():
    row = trend([("2022", 90)], direction="stijgen", baseline_year=2020, baseline_value=100, target_value=100)
    assert row["attainment_pct"] is None
    assert row["verdict"] == OFF_TRACK


def test_target_year_gone_by_without_reaching_the_target_is_off_track():
    row = trend(
        [("2021", 110), ("2022", 120)],
        year=2022,
        direction="stijgen",
        baseline_year=2020,
        baseline_value=100,
        target_year=2022,
        target_value=150,
    )
    assert row["verdict"] == OFF_TRACK
    assert "Het streefjaar 2022 is bereikt, maar de streefwaarde 150 niet." in row["reason"]


def test_unchanged_value_needs_attention():
    row = trend([("2021", 6), ("2022", 6)], direction="stijgen")
    assert row["verdict"] == ATTENTION
    assert row["reason"].startswith("Gelijk gebleven: 6 in 2021 en 6 in 2022, terwijl een stijging gewenst is.")


def test_without_direction_or_target_there_is_no_verdict():
    row = trend([("2021", 100), ("2022", 130)])
    assert row["change_baseline"] == 30  # the figures are there ...
    assert row["verdict"] == NO_DATA  # ... but nobody said which way is good
    assert "geen gewenste richting en geen streefwaarde" in row["reason"]


def test_a_partial_year_is_flagged_and_never_compared_with_full_years():
    row = trend([("2021 (juni-december)", 258, 68), ("2022", 322), ("2023", 350)], direction="stijgen")
    assert row["partial_periods"] == "2021 (juni-december)"
    # The half year is not the baseline and not the previous measurement of 2022.
    assert (row["baseline_year"], row["baseline_value"]) == (2022, 322)
    assert (row["previous_year"], row["change_previous"]) == (2022, 28)
    assert row["change_baseline"] == 28 and row["yearly_change"] == 28
    assert row["verdict"] == ON_TRACK
    assert (
        "2021 (juni-december) is geen volledig jaar: niet vergelijkbaar met de volledige jaren en dus niet meegerekend."
    ) in row["reason"]
    first = [p for p in row["points"] if p.partial][0]
    assert (first.period, first.year, first.value, first.share) == ("2021 (juni-december)", 2021, 258, 68)


def test_a_partial_latest_period_is_shown_but_the_comparison_stays_on_the_last_full_year():
    row = trend([("2022", 100), ("2023", 120), ("2024 (januari-juni)", 70)], year=2024, direction="stijgen")
    assert (row["latest_period"], row["latest_value"], row["latest_partial"]) == ("2024 (januari-juni)", 70, True)
    assert (row["compared_year"], row["compared_value"]) == (2023, 120)
    assert row["change_previous"] == 20 and row["change_baseline"] == 20
    assert row["verdict"] == ON_TRACK
    assert "2024 (januari-juni) is geen volledig jaar" in row["reason"]


def test_only_partial_periods_give_no_data():
    row = trend([("2021 (juni-december)", 258)], direction="stijgen")
    assert row["verdict"] == NO_DATA
    assert row["latest_value"] == 258 and row["compared_value"] is None and row["baseline_value"] is None
    assert row["reason"].startswith("Alleen metingen over een deel van een jaar.")


def test_only_the_baseline_on_the_sheet():
    row = trend(direction="stijgen", baseline_year=2020, baseline_value=100, target_year=2025, target_value=200)
    assert row["verdict"] == NO_DATA
    assert row["reason"] == "Alleen de nulmeting: 100 in 2020; nog geen latere meting."


def test_shares_are_their_own_series():
    row = trend([("2021 (juni-december)", 381, 52), ("2022", 539, 50), ("2023", 560, 47)], direction="stijgen")
    assert (row["share_period"], row["share_latest"], row["share_partial"]) == ("2023", 47, False)
    assert (row["share_previous"], row["share_change"]) == (50, -3)
    assert row["latest_value"] == 560  # the value series is not mixed up with the shares
    half = trend([("2021 (juni-december)", 381, 52), ("2022", 539)])
    assert (half["share_period"], half["share_latest"], half["share_partial"]) == ("2021 (juni-december)", 52, True)
    assert half["share_change"] is None
    assert "Aandeel in 2021 (juni-december): 52%." in half["reason"]


def test_percentages_change_in_percentage_points():
    row = trend([("2020", 22.4), ("2021", 30.1)], year=2021, unit="percentage", direction="stijgen")
    assert row["change_baseline"] == pytest.approx(7.7)
    assert row["reason"].startswith("Stijging van 22,4% in 2020 naar 30,1% in 2021 (+7,7 procentpunten, +34,4%)")


@pytest.mark.parametrize(
    ("now", "points"),
    [
        (36, "+6 procentpunten"),
        (31, "+1 procentpunt"),
        (30.5, "+0,5 procentpunt"),
        (31.5, "+1,5 procentpunten"),
    ],
)
def test_percentage_points_are_singular_up_to_one(now, points):
    row = trend([("2020", 30), ("2021", now)], year=2021, unit="percentage", direction="stijgen")
    assert f"({points}, +" in row["reason"]


def test_measurements_after_the_year_are_left_out_and_measured_in_year():
    measurements = [("2021", 100), ("2022", 130), ("2024", 500)]
    row = trend(measurements, year=2022, direction="stijgen")
    assert (row["latest_year"], row["latest_value"], row["measured_in_year"]) == (2022, 130, True)
    assert trend(measurements, year=2023, direction="stijgen")["measured_in_year"] is False


def test_a_period_typed_twice_keeps_the_lower_row():
    row = trend([("2021", 100), ("2022", 130), ("2022", 140)], direction="stijgen")
    assert row["latest_value"] == 140 and len(row["points"]) == 2


def test_descriptive_indicators_get_measured_yes_or_no_and_no_figures():
    measured = trend([("2023", None)], kind="beschrijvend", unit="")
    assert measured["verdict"] == "" and measured["quantitative"] is False
    assert measured["reason"] == "Beschrijvende indicator, gemeten in 2023: ja."
    assert measured["latest_value"] is None and measured["change_baseline"] is None
    assert trend([("2022", None)], kind="beschrijvend")["reason"] == "Beschrijvende indicator, gemeten in 2023: nee."


def test_compute_trends_takes_the_two_tables_directly():
    indicators = pd.DataFrame(
        [
            {
                "code": "X-I1",
                "text": "x",
                "parent_code": "X",
                "cell": "Indicatoren!C4",
                "kind": "kwantitatief",
                "unit": "",
                "direction": "dalen",
                "baseline_year": None,
                "baseline_value": None,
                "target_year": None,
                "target_value": None,
            }
        ]
    )
    measurements = pd.DataFrame(
        [
            {
                "indicator_code": "X-I1",
                "period": "2023",
                "year": 2023,
                "partial": False,
                "value": 8.0,
                "share": None,
                "cell": "Metingen!C5",
                "order": 1,
            },
            {
                "indicator_code": "X-I1",
                "period": "2022",
                "year": 2022,
                "partial": False,
                "value": 10.0,
                "share": None,
                "cell": "Metingen!C4",
                "order": 0,
            },
        ]
    )
    (found,) = compute_trends(indicators, measurements, 2023)
    assert (found.change_baseline, found.verdict) == (-2, ON_TRACK)
    assert [p.cell for p in found.points] == ["Metingen!C4", "Metingen!C5"]


def test_missing_values_are_none_not_nan_and_numbers_are_plain_python():
    found = indicator_trends(read_plan(DENDERLEEUW))
    values = [v for t in found for v in figures(t).values()]
    assert not any(isinstance(v, float) and v != v for v in values)
    assert {type(v) for v in values} <= {str, int, float, bool, tuple, type(None)}
    assert {type(v) for t in found for p in t.points for v in (p.year, p.value)} <= {int, float, type(None)}
    assert found[0].attainment_pct is None


def test_a_trend_is_frozen():
    (found, *_) = indicator_trends(read_plan(DENDERLEEUW))
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.verdict = ON_TRACK  # type: ignore[misc]
    assert isinstance(found.points[0], Point)


def test_denderleeuw_foreign_origin_and_onthaalgesprek_reach():
    plan = read_plan(DENDERLEEUW)
    found = indicator_trends(plan, 2023)
    assert [t.code for t in found] == [i.code for i in plan.indicators]
    assert list(measurement_frame(plan)["indicator_code"]) == [m.indicator_code for m in plan.measurements]
    assert list(indicator_frame(plan)["code"]) == [t.code for t in found]
    table = {t.code: figures(t) for t in found}

    foreign = table["A10911-I3"]
    assert foreign["text"] == "van buitenlandse herkomst"
    assert [(p.period, p.value, p.share, p.partial) for p in foreign["points"]] == [
        ("2021 (juni-december)", 381, 52, True),
        ("2022", 539, None, False),
    ]
    assert (foreign["latest_year"], foreign["latest_value"]) == (2022, 539)
    assert (foreign["share_period"], foreign["share_latest"]) == ("2021 (juni-december)", 52)
    assert foreign["partial_periods"] == "2021 (juni-december)"
    assert foreign["change_previous"] is None  # 539 is not compared with the half year's 381
    assert foreign["verdict"] == NO_DATA
    assert "2021 (juni-december) is geen volledig jaar: niet vergelijkbaar" in foreign["reason"]

    reached = table["A10911-I4"]
    assert reached["text"].startswith("Aantal nieuwe inwoners van buitenlandse herkomst die een onthaalgesprek")
    assert reached["direction"] == "stijgen"
    assert [(p.period, p.value, p.share) for p in reached["points"]] == [
        ("2021 (juni-december)", 258, 68),
        ("2022", 322, None),
    ]
    assert (reached["share_latest"], reached["share_partial"]) == (68, True)
    assert (reached["baseline_year"], reached["baseline_value"], reached["baseline_origin"]) == (
        2022,
        322,
        "eerste meting",
    )
    assert reached["change_previous"] is None and reached["change_baseline"] is None
    assert reached["verdict"] == NO_DATA
    assert reached["reason"] == (
        "Pas één volledig jaar gemeten: 322 in 2022. Nog geen evolutie te berekenen. 2021 (juni-december) is "
        "geen volledig jaar: niet vergelijkbaar met de volledige jaren en dus niet meegerekend. "
        "Aandeel in 2021 (juni-december): 68%."
    )
    assert reached["measured_in_year"] is False  # nothing for 2023 yet
    assert {t.code: t for t in indicator_trends(plan, 2022)}["A10911-I4"].measured_in_year is True


def test_two_indicators_with_one_code_each_get_its_measurements():
    """A faulty workbook (the check reports the double code): the trends still follow each indicator's row."""
    plan = Plan(
        settings=Settings(start_year=2020, end_year=2025, report_year=2023),
        indicators=(
            Indicator(CODE, "Eerste", kind="kwantitatief", baseline_year=2020, baseline_value=5.0),
            Indicator("1.1.1-I2", "Andere", kind="kwantitatief"),
            Indicator(CODE, "Tweede", kind="kwantitatief"),
        ),
        measurements=(Measurement(CODE, "2022", 2022, False, 8.0), Measurement(CODE, "2023", 2023, False, 9.0)),
    )
    first, other, second = indicator_trends(plan)
    assert [p.value for p in first.points] == [p.value for p in second.points] == [8.0, 9.0]
    assert other.points == () and other.verdict == NO_DATA
    assert (first.baseline_value, first.baseline_origin, first.change_baseline) == (5.0, "nulmeting", 4.0)
    assert (second.baseline_value, second.baseline_origin, second.change_baseline) == (8.0, "eerste meting", 1.0)
    assert (first.line_years, second.line_years) == (3, 2)
    assert first.previous_year == second.previous_year == 2022


def test_the_line_goes_through_the_nulmeting_and_every_full_year():
    found = trend(
        [("2021", 12), ("2022 (januari-juni)", 40), ("2022", 14), ("2023", 15)],
        baseline_year=2020,
        baseline_value=10,
        target_year=2025,
        target_value=30,
    )
    assert found["line_years"] == 4  # 2020 (nulmeting), 2021, 2022, 2023; the half year does not count
    # Least squares through (2020, 10), (2021, 12), (2022, 14), (2023, 15): slope 1.7, at 2025 it is 18.7.
    assert found["projection_value"] == pytest.approx(18.7, abs=1e-9)
    assert "De lijn door 4 volledige jaren komt uit op 18,7 in 2025" in found["reason"]
