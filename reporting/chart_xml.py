"""Native Word charts (DrawingML chart parts) with their data as an embedded workbook, through python-pptx."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from lxml import etree
from pptx.chart.chart import Chart
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE, XL_TICK_MARK
from pptx.enum.dml import MSO_LINE, MSO_PATTERN
from pptx.util import Pt

from reporting.figures.words import format_value
from reporting.pptx_internals import DatedChartData, axis_element, data_labels_element, new_chart, with_data
from reporting.rollups import NO_FOLLOW_UP, NOT_FILLED

INK = RGBColor.from_string("1F3864")  # the workbook's title blue: near-black in print
GREY = RGBColor.from_string("6E6E6E")
TARGET = RGBColor.from_string("A0410D")
TEXT = RGBColor.from_string("262626")
GRID = RGBColor.from_string("D9D9D9")
WHITE = RGBColor.from_string("FFFFFF")
PARTIAL = RGBColor.from_string("8EA9DB")  # a light square: a period of part of a year
LANGUAGE = "nl-BE"
DUTCH = "[$-813]"  # the locale tag of nl-BE in a number format
COUNT_FORMAT = DUTCH + "#,##0"
# A new chart part's only relationship, to its workbook, is its first.
WORKBOOK_RELATIONSHIP = "rId1"
AXIS_IDS = 500000001
_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"

# Status bars: fill and pattern per word of the Status list (by position), so that they stay apart in black
# and white; an action without follow-up is an empty white bar.
_STATUS_STYLES = (
    ("D9D9D9", MSO_PATTERN.WIDE_DOWNWARD_DIAGONAL),  # Niet gestart
    ("BDD7EE", MSO_PATTERN.WIDE_UPWARD_DIAGONAL),  # In voorbereiding
    ("5B9BD5", None),  # In uitvoering
    ("1F3864", None),  # Afgerond
    ("F4B183", MSO_PATTERN.DIAGONAL_CROSS),  # Stopgezet
)
_OTHER_STATUS_STYLE = ("C9C9C9", MSO_PATTERN.SMALL_CHECKER_BOARD)
_GAP_STYLES = {NOT_FILLED: ("FFFFFF", MSO_PATTERN.PERCENT_20), NO_FOLLOW_UP: ("FFFFFF", None)}
_DARK_FILLS = {"5B9BD5", "1F3864"}


@dataclass(frozen=True)
class ChartPart:
    """A chart as Word stores it: the chart part's XML and the workbook that holds its data."""

    xml: bytes
    workbook: bytes


def _finish(space, data: DatedChartData) -> ChartPart:
    """The chart's language, no frame around it, a link to its workbook, and its bytes."""
    space.insert(1, etree.Element(f"{{{_C}}}lang", val=LANGUAGE))
    # python-pptx's bar chart carries negative axis ids, which the schema (unsigned) refuses: number them anew.
    axes: dict[str, str] = {}
    for node in space.iter(f"{{{_C}}}axId", f"{{{_C}}}crossAx"):
        node.set("val", axes.setdefault(node.get("val"), str(AXIS_IDS + len(axes))))
    sp = etree.SubElement(space, f"{{{_C}}}spPr")
    etree.SubElement(sp, f"{{{_A}}}noFill")
    etree.SubElement(etree.SubElement(sp, f"{{{_A}}}ln"), f"{{{_A}}}noFill")
    # spPr comes before txPr in the schema
    text = space.find(f"{{{_C}}}txPr")
    if text is not None:
        text.addprevious(sp)
    external = etree.SubElement(space, f"{{{_C}}}externalData")
    external.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", WORKBOOK_RELATIONSHIP)
    etree.SubElement(external, f"{{{_C}}}autoUpdate", val="0")
    return ChartPart(etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True), data.xlsx_blob)


def _number_format(values: Sequence[float], unit: str) -> str:
    """An Excel number format that shows `values` as the report's text does (format_value): decimals (cents for
    euro, else one) only when a value has them."""
    places = 2 if unit.strip().casefold() == "euro" else 1
    return _format(unit, not all(float(round(v, places)).is_integer() for v in values))


def _axis_format(low: float, high: float, unit: str) -> str:
    """Whole numbers on an axis, unless its range is so small that the steps between its lines are fractions."""
    return _format(unit, high - low < 5)


def _format(unit: str, fraction: bool) -> str:
    """The format for `unit`, marked Dutch (Belgian) so a decimal comma is shown wherever the chart is opened."""
    kind = unit.strip().casefold()
    if kind == "euro":
        return DUTCH + ('"€ "#,##0.00' if fraction else '"€ "#,##0')
    pattern = "#,##0.0" if fraction else "#,##0"
    return DUTCH + (pattern + '"%"' if kind in ("percentage", "%") else pattern)


def _line(series, colour: RGBColor, width: float, dash=None) -> None:
    line = series.format.line
    line.color.rgb = colour
    line.width = Pt(width)
    if dash is not None:
        line.dash_style = dash


def _no_line(series) -> None:
    series.format.line.fill.background()


def _marker(marker, style, size: int, fill: RGBColor, edge: RGBColor) -> None:
    marker.style = style
    if style != XL_MARKER_STYLE.NONE:
        marker.size = size
        marker.format.fill.solid()
        marker.format.fill.fore_color.rgb = fill
        marker.format.line.color.rgb = edge
        marker.format.line.width = Pt(1)


def _labels_above(series, number_format: str) -> None:
    labels = series.data_labels
    labels.show_value = True
    labels.position = XL_LABEL_POSITION.ABOVE
    labels.number_format = number_format
    labels.number_format_is_linked = False
    labels.font.size = Pt(8.5)
    labels.font.color.rgb = TEXT


def _axes_style(chart: Chart, number_format: str, font: str | None) -> None:
    chart.font.size = Pt(8.5)
    chart.font.name = font or "+mn-lt"  # the document's own font; else its theme's body font
    chart.font.color.rgb = TEXT
    chart.has_title = False
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(8)
    for axis in (chart.category_axis, chart.value_axis):
        axis.format.line.color.rgb = GREY
        axis.major_tick_mark = XL_TICK_MARK.OUTSIDE
        axis.minor_tick_mark = XL_TICK_MARK.NONE
    values = chart.value_axis
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.rgb = GRID
    values.major_gridlines.format.line.width = Pt(0.6)
    values.tick_labels.number_format = number_format
    values.tick_labels.number_format_is_linked = False


def line_chart(spec: Mapping[str, object], created: datetime, font: str | None = None) -> ChartPart:
    """The line chart of one indicator (reporting.charts line spec): values per year, periods of part of a year
    as light squares, the baseline dashed, the target dotted with a star in its year, the trend dash-dotted."""
    unit = str(spec["unit"])
    points = spec["points"]
    baseline, target, projection = spec["baseline"], spec["target"], spec["projection"]
    extras = [e for e in (baseline, target, projection) if e]
    years = [p[1] for p in points] + [e[0] for e in extras]
    first, last = min(years), max(years)
    partial_years = {year for _, year, partial, _, _ in points if partial}
    slots = {year: index for index, year in enumerate(range(first, last + 1))}
    shown = [p[3] for p in points] + [e[1] for e in extras]
    number_format = _number_format([p[3] for p in points], unit)
    low, high = min(shown), max(shown)
    data = DatedChartData(created, number_format)
    data.categories = [f"{year}*" if year in partial_years else str(year) for year in slots]
    empty = [None] * len(slots)

    def row(pairs) -> list[float | None]:
        values = list(empty)
        for year, value in pairs:
            values[slots[year]] = value
        return values

    full = [(year, value) for _, year, partial, value, _ in points if not partial]
    part = [(year, value) for _, year, partial, value, _ in points if partial]
    styles = []
    if full:
        data.add_series("Meting", row(full))
        styles.append("full")
    if part:
        periods = "; ".join(period for period, _, partial, _, _ in points if partial)
        data.add_series(f"* deel van een jaar, niet vergelijkbaar: {periods}", row(part))
        styles.append("partial")
    if baseline:
        word = "Nulmeting" if spec["baseline_origin"] == "nulmeting" else "Eerste meting"
        data.add_series(f"{word} {format_value(baseline[1], unit)} ({baseline[0]})", [baseline[1]] * len(slots))
        styles.append("baseline")
    if target:
        data.add_series(f"Streefwaarde {format_value(target[1], unit)} ({target[0]})", [target[1]] * len(slots))
        styles.append("target")
    last_full = full[-1] if full else None
    if projection and last_full and projection[0] > last_full[0]:
        data.add_series(f"Trend: {format_value(projection[1], unit)} in {projection[0]}", row([last_full, projection]))
        styles.append("trend")
    axis_title = unit if unit.strip().casefold() not in ("", "percentage", "%", "euro") else ""
    from_zero = low >= 0
    look = _LineLook(
        tuple(styles),
        slots[target[0]] if target else None,
        number_format,
        _axis_format(0 if from_zero else low, high, unit),
        from_zero,
        axis_title,
        font,
    )
    return _finish(with_data(_line_template(look), XL_CHART_TYPE.LINE_MARKERS, data), data)


@dataclass(frozen=True)
class _LineLook:
    """Everything a line chart's formatting depends on; charts that share it differ only in their data."""

    styles: tuple[str, ...]
    target_slot: int | None
    number_format: str
    axis_format: str
    from_zero: bool
    axis_title: str
    font: str | None


@lru_cache(maxsize=256)
def _line_template(look: _LineLook):
    """The formatted chart for `look`, on stand-in data: formatting through python-pptx's object model costs
    milliseconds a chart, and a report's hundreds of charts share a few looks."""
    slots = max(2, (look.target_slot or 0) + 1)
    data = DatedChartData(datetime(1980, 1, 1), look.number_format)
    data.categories = [str(slot) for slot in range(slots)]
    for style in look.styles:
        data.add_series(style, [1.0] * slots)
    chart, space = new_chart(data, XL_CHART_TYPE.LINE_MARKERS)
    _axes_style(chart, look.axis_format, look.font)
    if look.from_zero:
        chart.value_axis.minimum_scale = 0
    for series, style in zip(chart.plots[0].series, look.styles, strict=True):
        series.smooth = False
        if style == "full":
            _line(series, INK, 2)
            _marker(series.marker, XL_MARKER_STYLE.CIRCLE, 6, INK, INK)
            _labels_above(series, look.number_format)
        elif style == "partial":
            _no_line(series)
            _marker(series.marker, XL_MARKER_STYLE.SQUARE, 7, PARTIAL, INK)
            _labels_above(series, look.number_format)
        elif style == "baseline":
            _line(series, GREY, 1, MSO_LINE.DASH)
            _marker(series.marker, XL_MARKER_STYLE.NONE, 0, GREY, GREY)
        elif style == "target":
            _line(series, TARGET, 1, MSO_LINE.ROUND_DOT)
            _marker(series.marker, XL_MARKER_STYLE.NONE, 0, TARGET, TARGET)
            _marker(series.points[look.target_slot].marker, XL_MARKER_STYLE.STAR, 12, TARGET, TARGET)
        else:
            _line(series, INK, 1, MSO_LINE.DASH_DOT)
            _marker(series.marker, XL_MARKER_STYLE.NONE, 0, INK, INK)
    # The measured line runs on past a year measured over only part of it.
    space.find(f"{{{_C}}}chart/{{{_C}}}dispBlanksAs").set("val", "span")
    if look.axis_title:
        _axis_title(chart.value_axis, look.axis_title)
    return space


def _axis_title(axis, text: str) -> None:
    axis.has_title = True
    frame = axis.axis_title.text_frame
    frame.text = text
    frame.paragraphs[0].runs[0].font.size = Pt(8)
    frame.paragraphs[0].runs[0].font.bold = False


def status_chart(spec: Mapping[str, object], created: datetime, font: str | None = None) -> ChartPart:
    """Actions per status for each operational objective under one strategic objective (reporting.charts status
    spec): stacked horizontal bars, patterned so the statuses stay apart in black and white, counts in the bars."""
    rows = spec["rows"]
    data = DatedChartData(created, COUNT_FORMAT)
    data.categories = [f"{code} ({sum(counts)})" for code, counts in rows]
    for index, word in enumerate(spec["words"]):
        data.add_series(word, [counts[index] or None for _, counts in rows])
    # A few actions: a line per action, so the axis never counts in halves.
    step = 1 if max((sum(counts) for _, counts in rows), default=0) <= 10 else None
    template = _status_template(tuple(spec["styles"]), font, step)
    return _finish(with_data(template, XL_CHART_TYPE.BAR_STACKED, data), data)


@lru_cache(maxsize=64)
def _status_template(styles: tuple[tuple[str, MSO_PATTERN | None], ...], font: str | None, step: int | None):
    """The formatted status chart with a series per (colour, pattern) in `styles`, on stand-in data."""
    data = DatedChartData(datetime(1980, 1, 1), COUNT_FORMAT)
    data.categories = ["1"]
    for index, _ in enumerate(styles):
        data.add_series(str(index), [1])
    chart, space = new_chart(data, XL_CHART_TYPE.BAR_STACKED)
    _axes_style(chart, COUNT_FORMAT, font)
    if step:
        chart.value_axis.major_unit = step
    plot = chart.plots[0]
    plot.gap_width = 60
    plot.overlap = 100
    # The first objective on top, as in the report's text, and the value axis still below the bars.
    chart.category_axis.reverse_order = True
    axis_element(chart.value_axis).find(f"{{{_C}}}crosses").set("val", "max")
    _axis_title(chart.value_axis, "aantal acties")
    for series, (colour, pattern) in zip(plot.series, styles, strict=True):
        fill = series.format.fill
        if pattern is None:
            fill.solid()
            fill.fore_color.rgb = RGBColor.from_string(colour)
        else:
            fill.patterned()
            fill.pattern = pattern
            fill.fore_color.rgb = TEXT
            fill.back_color.rgb = RGBColor.from_string(colour)
        series.format.line.color.rgb = TEXT
        series.format.line.width = Pt(0.5)
        labels = series.data_labels
        labels.show_value = True
        labels.position = XL_LABEL_POSITION.CENTER
        labels.font.size = Pt(8)
        labels.font.bold = True
        labels.font.color.rgb = WHITE if pattern is None and colour in _DARK_FILLS else TEXT
        if pattern is not None:  # a count on a hatched bar gets a white ground, to stay readable
            ground = etree.Element(f"{{{_C}}}spPr")
            etree.SubElement(etree.SubElement(ground, f"{{{_A}}}solidFill"), f"{{{_A}}}srgbClr", val="FFFFFF")
            data_labels_element(labels).find(f"{{{_C}}}txPr").addprevious(ground)
    return space


def status_style(word: str, words: Sequence[str]) -> tuple[str, MSO_PATTERN | None]:
    """Fill colour and pattern (None: solid) of a status, by its place in the workbook's Status list."""
    if word in _GAP_STYLES:
        return _GAP_STYLES[word]
    position = list(words).index(word) if word in words else len(_STATUS_STYLES)
    return _STATUS_STYLES[position] if position < len(_STATUS_STYLES) else _OTHER_STATUS_STYLE
