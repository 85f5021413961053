"""The one place planrapport uses python-pptx's private parts: its chart data's workbook writer, its chart XML outside
a presentation, and the elements of two chart proxies.

python-pptx makes charts for a slide of a presentation; a Word document holds the same DrawingML chart part, which
python-pptx has no public API to make on its own. Each name below says the public API it stands in for. pyproject.toml
bounds python-pptx below its next minor release; tests/test_pptx_internals.py says in plain words what moved if this
breaks.
"""

from __future__ import annotations

import copy
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING

from lxml import etree
from pptx.chart.chart import Chart
from pptx.chart.data import CategoryChartData
from pptx.chart.datalabel import DataLabels
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.chart.xmlwriter import SeriesXmlRewriterFactory
from pptx.enum.chart import XL_CHART_TYPE
from pptx.oxml import parse_xml
from xlsxwriter import Workbook

if TYPE_CHECKING:
    from pptx.chart.axis import CategoryAxis, ValueAxis


class _DatedWorkbookWriter(CategoryWorkbookWriter):
    """python-pptx's data workbook, dated by the document instead of the clock, so equal input gives equal bytes.

    python-pptx writes categories and series names with XlsxWriter's `write`, which makes a formula of a text
    that starts with = and a link of one that looks like an address: here every text is written as text.
    Missing public API: the workbook's creation date and XlsxWriter's options (python-pptx opens the workbook in its
    private `_open_worksheet`, which this overrides)."""

    def __init__(self, chart_data: CategoryChartData, created: datetime) -> None:
        super().__init__(chart_data)
        self.created = created

    @contextmanager
    def _open_worksheet(self, xlsx_file):
        workbook = Workbook(xlsx_file, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
        workbook.set_properties({"created": self.created})
        worksheet = workbook.add_worksheet()
        yield workbook, worksheet
        workbook.close()


class DatedChartData(CategoryChartData):
    """python-pptx's category chart data whose workbook (`xlsx_blob`) is dated `created` and holds texts as text.
    Missing public API: a chart data's workbook writer (python-pptx makes its own in the private lazy property
    `_workbook_writer`, which this overrides)."""

    def __init__(self, created: datetime, number_format: str) -> None:
        super().__init__(number_format=number_format)
        self.dated_writer = _DatedWorkbookWriter(self, created)

    @property
    def _workbook_writer(self) -> _DatedWorkbookWriter:
        return self.dated_writer


def new_chart(data: CategoryChartData, chart_type: XL_CHART_TYPE) -> tuple[Chart, etree._Element]:
    """python-pptx's chart space (c:chartSpace) for `data`, and its Chart object to format it with. Missing public
    API: a chart outside a presentation (python-pptx makes one only in a graphic frame of a slide, with a chart
    part; here the Chart has none, so it can format the XML but not reach a workbook part)."""
    space = parse_xml(data.xml_bytes(chart_type))
    return Chart(space, None), space


def with_data(template: etree._Element, chart_type: XL_CHART_TYPE, data: CategoryChartData) -> etree._Element:
    """A copy of the chart space `template` with the series, categories and values of `data`, the formatting of every
    series kept. Missing public API: `Chart.replace_data` does this, but also rewrites the chart part's workbook,
    which a chart outside a presentation does not have."""
    space = copy.deepcopy(template)
    SeriesXmlRewriterFactory(chart_type, data).replace_series_data(space)
    return space


def axis_element(axis: CategoryAxis | ValueAxis) -> etree._Element:
    """The c:valAx or c:catAx of an axis. Missing public API: where this axis crosses the other one, on a value axis
    (python-pptx's `ValueAxis.crosses` sets where the *other* axis crosses it, in that axis's element)."""
    return axis._element


def data_labels_element(labels: DataLabels) -> etree._Element:
    """The c:dLbls of a series' data labels. Missing public API: `DataLabels.format`, the fill behind the labels."""
    return labels._element
