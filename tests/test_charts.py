import io
from datetime import datetime

import pytest
from conftest import DENDERLEEUW, WAREGEM
from lxml import etree
from openpyxl import load_workbook

from reporting import chart_xml
from reporting.chart_xml import _axis_format, _line_template, _number_format
from reporting.charts import planned_charts
from reporting.figures.trends import indicator_trends
from reporting.rollups import plan_rollup
from workbook.plan.model import Indicator, Measurement, Plan, Settings
from workbook.reading.reader import read_plan

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
CREATED = datetime(2026, 11, 23)


@pytest.fixture(scope="module")
def denderleeuw():
    plan = read_plan(DENDERLEEUW)
    trends = indicator_trends(plan)
    return plan, trends, plan_rollup(plan, trends=trends)


def lines_of(trends):
    return planned_charts(trends, None, ())[0]


def status_of(rollup):
    return planned_charts(None, rollup, [o.code for o in rollup.strategic])[1]


def series(xml: bytes) -> list[dict]:
    """Name, categories, values (by category, None for a gap) and number format of every series."""
    space = etree.fromstring(xml)
    found = []
    for ser in space.iter(f"{C}ser"):
        categories = [p.findtext(f"{C}v") for p in ser.iter(f"{C}cat") for p in p.iter(f"{C}pt")]
        cache = ser.find(f"{C}val/{C}numRef/{C}numCache")
        values = [None] * int(cache.find(f"{C}ptCount").get("val"))
        for point in cache.findall(f"{C}pt"):
            values[int(point.get("idx"))] = float(point.findtext(f"{C}v"))
        found.append(
            {
                "name": ser.findtext(f"{C}tx/{C}strRef/{C}strCache/{C}pt/{C}v"),
                "categories": categories,
                "values": values,
                "format": cache.findtext(f"{C}formatCode"),
            }
        )
    return found


def test_a_line_chart_per_quantitative_indicator_with_values(denderleeuw):
    plan, trends, _ = denderleeuw
    lines = lines_of(trends)
    quantitative = [i.code for i in plan.indicators if i.quantitative]
    measured = {m.indicator_code for m in plan.measurements if m.value is not None}
    assert list(lines) == [code for code in quantitative if code in measured]
    assert len(lines) == 7
    assert {chart.kind for chart in lines.values()} == {"line"}
    assert lines["A10911-I1"].height_cm(14) == pytest.approx(6.58)


def test_waregem_charts_skip_descriptive_and_unmeasured_indicators():
    trends = indicator_trends(read_plan(WAREGEM))
    assert sorted(lines_of(trends)) == sorted(
        ["1.3.3-I3", "1.4.3-I3", "1.5.3-I2", "2.2.3-I1", "2.4.1-I1", "3.3.1-I4", "4.4.3-I1", "4.7.1-I2"]
    )
    assert sum(t.quantitative for t in trends) == 49  # the others have no values yet


def test_alt_text_says_in_dutch_what_the_chart_shows(denderleeuw):
    _, trends, _ = denderleeuw
    assert lines_of(trends)["A10911-I3"].alt_text == (
        "Lijngrafiek van de indicator A10911-I3, van buitenlandse herkomst. Waarden per jaar: "
        "2021 (juni-december): 381 (52%), deel van een jaar; 2022: 539. Eerste meting als nulmeting: 539 in 2022. "
        "Oordeel: geen gegevens."
    )


def _growing_plan() -> Plan:
    indicator = Indicator(
        "1.1.1-I1",
        "Aantal gesprekken",
        kind="kwantitatief",
        unit="aantal",
        direction="stijgen",
        baseline_year=2020,
        baseline_value=100,
        target_year=2025,
        target_value=1500,
    )
    values = [(2021, 110), (2022, 120.5), (2023, 1130)]
    return Plan(
        settings=Settings(report_year=2023, end_year=2025),
        indicators=(indicator,),
        measurements=tuple(Measurement(indicator.code, str(y), y, False, v) for y, v in values),
    )


def test_alt_text_names_baseline_target_and_projection():
    chart = lines_of(indicator_trends(_growing_plan()))["1.1.1-I1"]
    assert chart.alt_text.startswith(
        "Lijngrafiek van de indicator 1.1.1-I1, Aantal gesprekken. Waarden per jaar: "
        "2021: 110; 2022: 120,5; 2023: 1.130. Nulmeting: 100 in 2020. "
        "Streefwaarde: 1.500 tegen 2025. De lijn door de volledige jaren komt in 2025 "
    )


def test_line_chart_holds_values_baseline_target_and_trend_by_year():
    built = lines_of(indicator_trends(_growing_plan()))["1.1.1-I1"].build(CREATED)
    found = series(built.xml)
    years = ["2020", "2021", "2022", "2023", "2024", "2025"]
    assert [s["categories"] for s in found] == [years] * 4
    measured, baseline, target, trend = found
    assert measured["name"] == "Meting"
    assert measured["values"] == [None, 110, 120.5, 1130, None, None]
    assert measured["format"] == "[$-813]#,##0.0"  # Dutch: a decimal comma wherever the chart is opened
    assert baseline["name"] == "Nulmeting 100 (2020)" and baseline["values"] == [100] * 6
    assert target["name"] == "Streefwaarde 1.500 (2025)" and target["values"] == [1500] * 6
    assert trend["name"].startswith("Trend: ") and trend["name"].endswith(" in 2025")
    assert trend["values"][:3] == [None, None, None] and trend["values"][3] == 1130 and trend["values"][5] > 1130
    space = etree.fromstring(built.xml)
    # the target is a star in its own year; the measured line spans the years between
    point = space.findall(f".//{C}ser")[2].find(f"{C}dPt")
    assert point.find(f"{C}idx").get("val") == "5" and point.find(f"{C}marker/{C}symbol").get("val") == "star"
    assert space.find(f"{C}chart/{C}dispBlanksAs").get("val") == "span"
    assert space.find(f".//{C}valAx/{C}scaling/{C}min").get("val") == "0.0"
    assert space.find(f".//{C}valAx/{C}title") is not None  # the unit, "aantal"
    assert space.find(f"{C}lang").get("val") == "nl-BE"


def test_a_period_of_part_of_a_year_is_its_own_series_and_starred(denderleeuw):
    _, trends, _ = denderleeuw
    measured, partial, baseline = series(lines_of(trends)["A10911-I3"].build(CREATED).xml)
    assert measured["categories"] == ["2021*", "2022"]
    assert measured["values"] == [None, 539] and partial["values"] == [381, None]
    assert partial["name"] == "* deel van een jaar, niet vergelijkbaar: 2021 (juni-december)"
    assert baseline["name"] == "Eerste meting 539 (2022)"


def test_the_data_workbook_holds_what_the_chart_shows(denderleeuw):
    _, trends, _ = denderleeuw
    built = lines_of(trends)["A10911-I3"].build(CREATED)
    space = etree.fromstring(built.xml)
    assert space.find(f"{C}externalData").get(f"{R}id") == chart_xml.WORKBOOK_RELATIONSHIP
    sheet = load_workbook(io.BytesIO(built.workbook)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == [
        None,
        "Meting",
        "* deel van een jaar, niet vergelijkbaar: 2021 (juni-december)",
        "Eerste meting 539 (2022)",
    ]
    assert rows[1:] == [["2021*", None, 381, 539], ["2022", 539, None, 539]]
    references = [f.text for f in space.iter(f"{C}f")]
    assert "Sheet1!$B$2:$B$3" in references and "Sheet1!$A$2:$A$3" in references


def test_percentages_and_euros_keep_their_unit_in_the_format():
    assert _number_format([22.45, 30], "percentage") == '[$-813]#,##0.0"%"'
    assert _number_format([22, 30], "%") == '[$-813]#,##0"%"'
    assert _number_format([20667], "euro") == '[$-813]"€ "#,##0'
    assert _number_format([20667.5], "euro") == '[$-813]"€ "#,##0.00'
    assert _axis_format(0, 3, "") == "[$-813]#,##0.0"  # steps of a half need a decimal
    assert _axis_format(0, 1200, "") == "[$-813]#,##0"


def test_status_chart_per_strategic_objective(denderleeuw):
    _, _, rollup = denderleeuw
    bars = status_of(rollup)
    assert list(bars) == ["BD109"]
    chart = bars["BD109"]
    assert chart.alt_text == (
        "Staafgrafiek van de acties per status in 2023 onder BD109, Werken aan samenleven in diversiteit. "
        "AP1090: 2 in uitvoering; AP1091: 2 in uitvoering; AP1092: 2 in uitvoering."
    )
    (only,) = series(chart.build(CREATED).xml)
    assert only["name"] == "In uitvoering"
    assert only["categories"] == ["AP1090 (2)", "AP1091 (2)", "AP1092 (2)"]
    assert only["values"] == [2, 2, 2]


def test_status_bars_are_stacked_patterned_and_read_from_the_top():
    rollup = plan_rollup(read_plan(WAREGEM))
    bars = status_of(rollup)
    assert list(bars) == ["1", "2", "3", "4", "5"]
    assert bars["1"].height_cm(14) > bars["5"].height_cm(14)  # 8 operational objectives against 2
    assert "3.1: 4 geen opvolging" in bars["3"].alt_text
    space = etree.fromstring(bars["1"].build(CREATED).xml)
    assert space.find(f".//{C}barChart/{C}barDir").get("val") == "bar"
    assert space.find(f".//{C}barChart/{C}grouping").get("val") == "stacked"
    assert space.find(f".//{C}catAx/{C}scaling/{C}orientation").get("val") == "maxMin"
    assert space.find(f".//{C}valAx/{C}crosses").get("val") == "max"  # the axis below the bars
    names = [s["name"] for s in series(etree.tostring(space))]
    assert names == ["Niet gestart", "In voorbereiding", "In uitvoering", "Afgerond"]
    fills = [ser.find(f"{C}spPr")[0].tag for ser in space.iter(f"{C}ser")]
    # statuses apart in black and white: two hatched, two plain
    assert fills == [f"{A}pattFill", f"{A}pattFill", f"{A}solidFill", f"{A}solidFill"]
    step = space.find(f".//{C}valAx/{C}majorUnit")
    assert step is not None and step.get("val") == "1.0"  # a few actions: counted in whole actions


def test_axis_ids_are_unsigned_as_the_schema_wants():
    space = etree.fromstring(status_of(plan_rollup(read_plan(WAREGEM)))["1"].build(CREATED).xml)
    ids = [int(node.get("val")) for node in space.iter(f"{C}axId", f"{C}crossAx")]
    assert ids and all(0 < value < 2**32 for value in ids)


def test_same_chart_same_bytes_whatever_was_built_before(denderleeuw):
    _, trends, rollup = denderleeuw
    lines = lines_of(trends)
    _line_template.cache_clear()
    first = lines["A10911-I4"].build(CREATED)
    for other in lines.values():
        other.build(CREATED)
    status_of(rollup)["BD109"].build(CREATED)
    assert lines["A10911-I4"].build(CREATED) == first  # the chart part and its workbook, byte for byte


def test_charts_of_one_look_differ_only_in_their_data(denderleeuw):
    _, trends, _ = denderleeuw
    lines = lines_of(trends)
    one, other = lines["A10911-I2"].build(CREATED), lines["A10911-I3"].build(CREATED)
    assert series(one.xml) != series(other.xml)

    def without_data(xml: bytes) -> bytes:
        space = etree.fromstring(xml)
        for ser in space.iter(f"{C}ser"):
            for name in ("tx", "cat", "val"):
                ser.remove(ser.find(f"{C}{name}"))
        return etree.tostring(space)

    assert without_data(one.xml) == without_data(other.xml)


def test_the_workbook_is_dated_by_the_document_not_the_clock(denderleeuw):
    _, trends, _ = denderleeuw
    chart = lines_of(trends)["A10911-I1"]
    assert load_workbook(io.BytesIO(chart.build(CREATED).workbook)).properties.created == CREATED
    assert chart.build(datetime(2024, 1, 2)).workbook != chart.build(CREATED).workbook


def test_a_changed_value_changes_the_chart(denderleeuw):
    plan, trends, _ = denderleeuw
    before = lines_of(trends)["A10911-I4"].build(CREATED)
    changed = [
        m
        if (m.indicator_code, m.period) != ("A10911-I4", "2022")
        else Measurement(m.indicator_code, m.period, m.year, m.partial, 323)
        for m in plan.measurements
    ]
    plan = Plan(settings=plan.settings, indicators=plan.indicators, measurements=tuple(changed))
    after = lines_of(indicator_trends(plan))["A10911-I4"].build(CREATED)
    assert 323 in series(after.xml)[0]["values"] and after.xml != before.xml


def test_the_documents_font_is_the_charts_font(denderleeuw):
    _, trends, _ = denderleeuw
    space = etree.fromstring(lines_of(trends)["A10911-I1"].build(CREATED, "Calibri").xml)
    assert space.find(f"{C}txPr/{A}p/{A}pPr/{A}defRPr/{A}latin").get("typeface") == "Calibri"
    space = etree.fromstring(lines_of(trends)["A10911-I1"].build(CREATED).xml)
    assert space.find(f"{C}txPr/{A}p/{A}pPr/{A}defRPr/{A}latin").get("typeface") == "+mn-lt"  # the theme's
