import io

import pytest
from conftest import DENDERLEEUW, WAREGEM
from PIL import Image

from reporting import charts
from reporting.charts import (
    DPI,
    LINE_SIZE,
    chart_codes,
    clear_cache,
    indicator_chart,
    indicator_charts,
    status_chart,
    status_charts,
)
from reporting.rollups import plan_rollup
from reporting.trends import indicator_trends
from workbook.model import Indicator, Measurement, Plan, Settings
from workbook.reader import read_plan

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def image(png: bytes) -> Image.Image:
    assert png.startswith(PNG_SIGNATURE)
    picture = Image.open(io.BytesIO(png))
    picture.load()
    return picture


def assert_not_blank(picture: Image.Image) -> None:
    grey = picture.convert("L")
    dark = sum(grey.histogram()[:128])
    assert dark > 0.005 * grey.width * grey.height  # lines, text and markers were drawn


@pytest.fixture(scope="module")
def denderleeuw():
    plan = read_plan(DENDERLEEUW)
    trends = indicator_trends(plan)
    return plan, trends, plan_rollup(plan, trends=trends)


def test_one_line_chart_per_quantitative_indicator_with_values(denderleeuw):
    plan, trends, _ = denderleeuw
    drawn = indicator_charts(trends, workers=1)
    quantitative = [i.code for i in plan.indicators if i.quantitative]
    measured = {m.indicator_code for m in plan.measurements if m.value is not None}
    assert list(drawn) == [code for code in quantitative if code in measured] == chart_codes(trends)
    assert len(drawn) == 7
    for chart in drawn.values():
        picture = image(chart.png)
        assert picture.size == (round(LINE_SIZE[0] * DPI), round(LINE_SIZE[1] * DPI))  # 1200 x 500
        assert picture.info["dpi"] == pytest.approx((DPI, DPI), abs=0.1)
        assert 5_000 < len(chart.png) < 200_000
        assert_not_blank(picture)


def test_waregem_charts_skip_descriptive_and_unmeasured_indicators():
    trends = indicator_trends(read_plan(WAREGEM))
    drawn = indicator_charts(trends, workers=1)
    assert sorted(drawn) == sorted(["1.3.3-I3", "1.4.3-I3", "1.5.3-I2", "2.2.3-I1", "2.4.1-I1", "3.3.1-I4",
                                    "4.4.3-I1", "4.7.1-I2"])
    assert len(trends[trends["quantitative"]]) == 49  # the others have no values yet


def test_alt_text_says_in_dutch_what_the_chart_shows(denderleeuw):
    _, trends, _ = denderleeuw
    chart = indicator_charts(trends, workers=1)["A10911-I3"]
    assert chart.alt_text == (
        "Lijngrafiek van de indicator A10911-I3, van buitenlandse herkomst. Waarden per jaar: "
        "2021 (juni-december): 381 (52%), deel van een jaar; 2022: 539. Eerste meting als nulmeting: 539 in 2022. "
        "Oordeel: geen gegevens."
    )


def test_alt_text_names_baseline_target_and_projection():
    indicator = Indicator("1.1.1-I1", "Aantal gesprekken", kind="kwantitatief", unit="aantal", direction="stijgen",
                          baseline_year=2020, baseline_value=100, target_year=2025, target_value=1500)
    values = [(2021, 110), (2022, 120), (2023, 130)]
    plan = Plan(settings=Settings(report_year=2023, end_year=2025), indicators=(indicator,),
                measurements=tuple(Measurement(indicator.code, str(y), y, False, v) for y, v in values))
    chart = indicator_chart(indicator_trends(plan).iloc[0])
    assert chart.alt_text.endswith(
        "Nulmeting: 100 in 2020. Streefwaarde: 1.500 tegen 2025. De lijn door de volledige jaren komt in 2025 "
        "uit op 150. Oordeel: aandacht.")
    assert_not_blank(image(chart.png))


def test_status_chart_per_strategic_objective(denderleeuw):
    _, _, rollup = denderleeuw
    drawn = status_charts(rollup)
    assert list(drawn) == ["BD109"]
    chart = drawn["BD109"]
    picture = image(chart.png)
    assert picture.width == round(charts.STATUS_WIDTH * DPI)
    assert 300 < picture.height < 800
    assert_not_blank(picture)
    assert chart.alt_text == (
        "Staafgrafiek van de acties per status in 2023 onder BD109, Werken aan samenleven in diversiteit. "
        "AP1090: 2 in uitvoering; AP1091: 2 in uitvoering; AP1092: 2 in uitvoering."
    )


def test_status_charts_grow_with_the_number_of_objectives():
    rollup = plan_rollup(read_plan(WAREGEM))
    drawn = status_charts(rollup)
    assert list(drawn) == ["1", "2", "3", "4", "5"]
    heights = {code: image(chart.png).height for code, chart in drawn.items()}
    assert heights["1"] > heights["5"]  # 8 operational objectives against 2
    assert "3.1: 4 geen opvolging" in drawn["3"].alt_text


def test_same_data_same_picture_whatever_was_drawn_before(denderleeuw):
    _, trends, rollup = denderleeuw
    row = trends.set_index("code", drop=False).loc["A10911-I4"]
    clear_cache()
    first = indicator_chart(row).png
    indicator_chart(trends.iloc[0])
    status_chart(rollup, "BD109")
    clear_cache()
    assert indicator_chart(row).png == first


def test_a_pool_of_processes_draws_the_same_pictures(denderleeuw, monkeypatch):
    _, trends, _ = denderleeuw
    clear_cache()
    alone = indicator_charts(trends, workers=1)
    clear_cache()
    monkeypatch.setattr(charts, "POOL_THRESHOLD", 1)
    pooled = indicator_charts(trends, workers=2)
    assert {c: v.png for c, v in pooled.items()} == {c: v.png for c, v in alone.items()}


def test_pictures_are_cached_by_their_data(denderleeuw, monkeypatch, tmp_path):
    _, trends, _ = denderleeuw
    clear_cache()
    drawn = indicator_charts(trends, workers=1, cache_dir=tmp_path)
    assert len(list(tmp_path.glob("*.png"))) == 7
    clear_cache()

    def no_drawing(spec):
        raise AssertionError("drawn again")

    monkeypatch.setattr(charts, "_draw_line", no_drawing)
    again = indicator_charts(trends, workers=1, cache_dir=tmp_path)  # from the folder
    assert {c: v.png for c, v in again.items()} == {c: v.png for c, v in drawn.items()}
    assert indicator_charts(trends, workers=1)["A10911-I1"].png == drawn["A10911-I1"].png  # from memory


def test_a_changed_value_is_drawn_anew(denderleeuw):
    plan, _, _ = denderleeuw
    before = indicator_charts(indicator_trends(plan), workers=1)["A10911-I4"].png
    changed = [m if (m.indicator_code, m.period) != ("A10911-I4", "2022") else
               Measurement(m.indicator_code, m.period, m.year, m.partial, 323) for m in plan.measurements]
    plan = Plan(settings=plan.settings, indicators=plan.indicators, measurements=tuple(changed))
    assert indicator_charts(indicator_trends(plan), workers=1)["A10911-I4"].png != before


def test_inside_a_worker_process_charts_are_drawn_without_a_second_pool(denderleeuw, monkeypatch):
    _, trends, _ = denderleeuw
    clear_cache()

    def no_pool(*args, **kwargs):
        raise AssertionError("a pool inside a worker")

    monkeypatch.setattr(charts, "POOL_THRESHOLD", 1)
    monkeypatch.setattr(charts, "FORK_POOL_THRESHOLD", 1)
    monkeypatch.setattr(charts, "ProcessPoolExecutor", no_pool)
    monkeypatch.setattr(charts.multiprocessing, "parent_process", lambda: object())
    assert len(indicator_charts(trends)) == 7


def test_planned_charts_are_drawn_only_when_asked_and_as_indicator_charts_draws_them(denderleeuw, monkeypatch):
    _, trends, rollup = denderleeuw
    clear_cache()
    drawn = indicator_charts(trends, workers=1)
    clear_cache()

    def no_drawing(spec):
        raise AssertionError("drawn while planning")

    with monkeypatch.context() as patched:
        patched.setattr(charts, "_draw_line", no_drawing)
        patched.setattr(charts, "_draw_status", no_drawing)
        lines, bars = charts.planned_charts(trends, rollup, [o.code for o in rollup.strategic])
    assert lines.keys() == drawn.keys() and len(bars) == len(rollup.strategic)
    wanted = [lines["A10911-I3"], *bars.values()]
    pictures = charts.draw_charts(wanted, workers=1)
    assert pictures[0] == drawn["A10911-I3"]
    assert [p.alt_text for p in pictures[1:]] == [c.alt_text for c in status_charts(rollup).values()]
    assert image(pictures[0].png).mode == "P"  # a palette picture: less than half the bytes
