"""Canaries: the private parts of python-pptx that reporting/pptx_internals.py relies on still work.

Each failure names what moved; pyproject.toml bounds python-pptx below its next minor release, and raising that bound
means running these tests and the chart and document tests on the new release."""

import inspect
import io
import zipfile
from datetime import datetime

from library_bounds import check_installed_within_bound
from lxml import etree
from openpyxl import load_workbook
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.enum.chart import XL_CHART_TYPE

from reporting.pptx_internals import DatedChartData, axis_element, data_labels_element, new_chart, with_data

ADAPTER = "reporting/pptx_internals.py"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
CREATED = datetime(2024, 3, 1, 9, 30)


def _data(values: list[float], name: str = "Meting") -> DatedChartData:
    data = DatedChartData(CREATED, "#,##0")
    data.categories = ["=2021", "2022"]
    data.add_series(name, values)
    return data


def test_the_installed_python_pptx_is_within_the_bound_the_adapter_was_checked_for():
    check_installed_within_bound("python-pptx", ADAPTER)


def test_python_pptx_still_opens_its_data_workbook_where_the_adapter_overrides_it():
    assert list(inspect.signature(CategoryWorkbookWriter._open_worksheet).parameters) == ["self", "xlsx_file"], (
        f"python-pptx's CategoryWorkbookWriter._open_worksheet takes other arguments: adapt {ADAPTER}"
    )
    assert inspect.getattr_static(CategoryChartData, "_workbook_writer", None) is not None, (
        f"python-pptx's CategoryChartData no longer has _workbook_writer, which the adapter replaces: adapt {ADAPTER}"
    )


def test_the_data_workbook_is_dated_by_the_document_and_holds_texts_as_text():
    first, again = _data([1.5, 2.0]).xlsx_blob, _data([1.5, 2.0]).xlsx_blob
    assert first == again, f"python-pptx's data workbook differs between two equal charts: see {ADAPTER}"
    core = zipfile.ZipFile(io.BytesIO(first)).read("docProps/core.xml").decode("utf-8")
    assert "2024-03-01T09:30:00Z" in core, (
        f"python-pptx no longer opens its data workbook through _open_worksheet, so it is dated by the clock: {ADAPTER}"
    )
    sheet = load_workbook(io.BytesIO(first)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows == [[None, "Meting"], ["=2021", 1.5], ["2022", 2]]
    assert sheet["A2"].data_type == "s", f"a category '=2021' became a formula in the data workbook: see {ADAPTER}"


def test_a_chart_outside_a_presentation_formats_its_own_xml():
    chart, space = new_chart(_data([1.0, 2.0]), XL_CHART_TYPE.BAR_STACKED)
    assert space.tag == f"{C}chartSpace", f"python-pptx's chart XML no longer starts at c:chartSpace: adapt {ADAPTER}"
    chart.value_axis.minimum_scale = 0
    chart.plots[0].gap_width = 60
    assert space.find(f".//{C}valAx/{C}scaling/{C}min").get("val") == "0.0"
    assert space.find(f".//{C}gapWidth").get("val") == "60", (
        f"python-pptx's Chart(chartSpace, None) no longer formats the XML it was given: adapt {ADAPTER}"
    )


def test_new_data_keeps_the_formatting_of_every_series():
    _, template = new_chart(_data([1.0, 1.0]), XL_CHART_TYPE.LINE_MARKERS)
    etree.SubElement(template.find(f".//{C}ser"), f"{C}smooth", val="0")
    space = with_data(template, XL_CHART_TYPE.LINE_MARKERS, _data([3.0, 4.0], "Nieuw"))
    assert [v.text for v in space.iter(f"{C}v")] == ["Nieuw", "=2021", "2022", "3.0", "4.0"], (
        f"python-pptx's series rewriter no longer writes the new names, categories and values: adapt {ADAPTER}"
    )
    assert space.find(f".//{C}ser/{C}smooth") is not None, f"python-pptx's rewriter lost a series' format: {ADAPTER}"
    assert template.find(f".//{C}ser/{C}tx//{C}v").text == "Meting", "with_data changed the template it copies"


def test_the_axis_and_label_elements_are_those_in_the_chart():
    chart, space = new_chart(_data([1.0, 2.0]), XL_CHART_TYPE.BAR_STACKED)
    assert axis_element(chart.value_axis) is space.find(f".//{C}valAx"), (
        f"python-pptx's ValueAxis._element is no longer the chart's c:valAx: adapt {ADAPTER}"
    )
    labels = chart.plots[0].series[0].data_labels
    labels.show_value = True
    assert data_labels_element(labels) is space.find(f".//{C}ser/{C}dLbls"), (
        f"python-pptx's DataLabels._element is no longer the series' c:dLbls: adapt {ADAPTER}"
    )
