from dataclasses import replace

from benchmarks.make_plan import SIZES, make_plan, plan_data
from workbook.plan import codes
from workbook.plan.model import BBC
from workbook.plan.schema import OFF_TRACK
from workbook.reading.reader import read_plan


def test_the_same_seed_gives_the_same_plan_and_another_seed_another():
    assert plan_data("typisch", 3) == plan_data("typisch", 3)
    assert plan_data("typisch", 3)["Acties"] != plan_data("typisch", 4)["Acties"]


def test_a_small_plan_reads_back_with_the_sizes_it_promises(tmp_path):
    plan = read_plan(make_plan("klein", tmp_path / "klein.xlsx", seed=7))
    assert (len(plan.strategic), len(plan.operational), len(plan.results), len(plan.actions)) == (3, 10, 30, 60)
    assert (len(plan.indicators), sum(i.quantitative for i in plan.indicators)) == (20, 8)
    assert plan.settings.years == (2021, 2022, 2023) and plan.settings.report_year == 2023
    assert plan.settings.fictitious_note
    assert {m.year for m in plan.measurements} == {2021, 2022, 2023}
    assert any("**" in f.progress for f in plan.follow_ups)
    followed = {(f.action_code, f.year) for f in plan.follow_ups if f.status}
    for action in plan.actions:
        assert action.parent_code in {r.code for r in plan.results}
        for year in action.years:
            assert (action.code, year) in followed
    for follow_up in plan.follow_ups:
        if {follow_up.time.casefold(), follow_up.time_colour} & OFF_TRACK:
            assert len(follow_up.progress) > 40


def test_a_city_plan_nests_bbc_codes_by_prefix():
    data = plan_data("stad", 1)
    objectives = [row["Code"] for row in data["Doelstellingen"]]
    plans = {code for code in objectives if code.startswith("AP")}
    assert sum(code.startswith("BD") for code in objectives) == 15 and len(plans) == 100
    assert len(data["Acties"]) == 1000
    assert sum(row["Soort"] == "kwantitatief" for row in data["Indicatoren"]) == 300
    assert all(codes.bbc_parent(row["Code"], plans) for row in data["Acties"])
    assert all(codes.kind_of(code, BBC) for code in objectives)


def test_each_size_grows_the_way_its_name_says():
    assert [SIZES[name].actions for name in ("klein", "typisch", "stad", "groot")] == [60, 120, 1000, 10000]
    assert SIZES["groot"].quantitative == 10 * SIZES["stad"].quantitative


def test_more_strategic_objectives_than_three_digits_hold_are_numbered_with_four():
    size = replace(
        SIZES["stad"],
        name="breed",
        strategic=1000,
        operational=1000,
        actions=1000,
        quantitative=10,
        descriptive=10,
        years=2,
        budget_lines_per_year=1,
    )
    strategic = [row["Code"] for row in plan_data(size)["Doelstellingen"] if row["Code"].startswith("BD")]
    assert len(strategic) == len(set(strategic)) == 1000
    assert all(len(code) == len("BD1234") for code in strategic)
    assert {codes.kind_of(code, BBC) for code in strategic} == {"strategisch"}
