"""The indicator tables of the year report: periods, values, evolution, verdict, notes, charts."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping

from reporting.documents.contexts.figures import ReportFigures
from reporting.documents.contexts.grouping import by_timing
from reporting.documents.wordml.markers import marker
from reporting.documents.wordml.text import clean
from reporting.figures import formatting
from reporting.figures.trend import Trend
from reporting.figures.words import format_value, measured_value
from workbook.plan.model import Indicator, Measurement, Plan
from workbook.plan.timing import parse_timing

# (image from a chart, width in cm) -> something the template prints as a picture
ImageMaker = Callable[[object, float], object]
CHART_WIDTH_CM = 14.0


def indicator_shown(indicator: Indicator, figures: ReportFigures, plan: Plan) -> bool:
    """Does the year report show the indicator: every quantitative one, a descriptive one when its timing falls
    in the year or it was measured in it."""
    trend = figures.trends.get(indicator.code)
    if trend is not None and trend.quantitative:
        return True
    timing = parse_timing(indicator.timing, plan.settings.start_year, plan.settings.end_year)
    return (
        timing.years is None
        or not timing.years
        or figures.year in timing.years
        or (trend is not None and bool(trend.measured_in_year))
    )


def measurements_up_to(plan: Plan, year: int) -> dict[str, list[Measurement]]:
    found: dict[str, list[Measurement]] = {}
    for measurement in plan.measurements:
        if measurement.year is not None and measurement.year <= year:
            found.setdefault(measurement.indicator_code, []).append(measurement)
    return found


def _periods(
    plan: Plan, indicators: list[Indicator], measurements: Mapping[str, list[Measurement]], year: int
) -> list[tuple[int, bool, str]]:
    """(year, partial, label) columns: the measured periods, and every plan year from the first one on, so the
    table fills up year by year as in the plan's own tables."""
    found: dict[tuple[int, bool], str] = {}
    for indicator in indicators:
        for m in measurements.get(indicator.code, []):
            found.setdefault((m.year, m.partial), clean(m.period))
    if not found:
        return []
    first = min(y for y, _ in found)
    last = max(plan.settings.end_year or year, year)
    partial_years = {y for y, partial in found if partial}
    for plan_year in range(first, last + 1):
        if plan_year not in partial_years:
            found.setdefault((plan_year, False), str(plan_year))
    return [(y, partial, label) for (y, partial), label in sorted(found.items(), key=lambda i: (i[0][0], not i[0][1]))]


def _signed(value: float, text: str) -> str:
    return ("+" if value > 0 else "-" if value < 0 else "") + text


def _evolution(trend: Trend) -> str:
    """The change against the previous full year, or else against the baseline: "+3 (+21,4%) t.o.v. 2011"."""
    percentage = trend.unit.strip().casefold() in ("percentage", "%")
    for value, pct, since in (
        (trend.change_previous, trend.change_previous_pct, trend.previous_year),
        (trend.change_baseline, trend.change_baseline_pct, trend.baseline_year),
    ):
        if value is None:
            continue
        if percentage:
            text = formatting.percentage_points(value, 1)
        else:
            text = _signed(value, format_value(abs(value), trend.unit))
            if pct is not None:
                text += f" ({_signed(pct, formatting.percent(abs(pct), 1))})"
        return f"{text} t.o.v. {since}"
    return ""


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9'\"(])")


def _shared_sentences_once(notes: list[dict]) -> list[dict]:
    """Sentences that explain several indicators of one table ("Er is geen gewenste richting ...") are said
    once, after the notes, instead of under every indicator."""
    split = [_SENTENCE.split(note["uitleg"]) for note in notes]
    counts = Counter(sentence for sentences in split for sentence in dict.fromkeys(sentences))
    shared = [sentence for sentence, number in counts.items() if number > 1]
    if not shared:
        return notes
    kept = []
    for note, sentences in zip(notes, split, strict=True):
        own = " ".join(sentence for sentence in sentences if sentence not in shared)
        if own:
            kept.append({**note, "uitleg": own})
    kept.append({"code": "", "tekst": "Voor meerdere indicatoren hierboven", "uitleg": " ".join(shared)})
    return kept


def short_label(text: str, limit: int = 70) -> str:
    """A label for a note under the table, where the full text stands just above."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _labelled(plan: Plan, indicator: Indicator) -> str:
    """The text with its timing in front when the timing says what kind of measure it is, as the plan writes
    it: "Norm: ...", "2013: eindmeting", "2011: nulmeting: ..."."""
    timing = parse_timing(indicator.timing, plan.settings.start_year, plan.settings.end_year)
    single_year = timing.years is not None and len(timing.years) == 1 and timing.label[:4].isdigit()
    if timing.rubric or timing.measurement or single_year:
        return f"{timing.label}: {clean(indicator.text)}"
    return clean(indicator.text)


def indicator_block(
    plan: Plan,
    indicators: list[Indicator],
    figures: ReportFigures,
    measurements: Mapping[str, list[Measurement]],
    image: ImageMaker,
) -> dict:
    year = figures.year
    quantitative = [i for i in indicators if (trend := figures.trends.get(i.code)) is not None and trend.quantitative]
    descriptive = [i for i in indicators if i not in quantitative]
    periods = _periods(plan, quantitative, measurements, year)
    table = None
    notes, charts = [], []
    if periods:
        rows = []
        for indicator in quantitative:
            trend = figures.trends[indicator.code]
            by_period = {(m.year, m.partial): m for m in measurements.get(indicator.code, [])}
            values = [
                measured_value(by_period[(y, p)].value, by_period[(y, p)].share, indicator.unit)
                if (y, p) in by_period
                else ""
                for y, p, _ in periods
            ]
            verdict = trend.verdict
            rows.append(
                {
                    "code": indicator.code,
                    "tekst": _labelled(plan, indicator),
                    "waarden": values,
                    "evolutie": _evolution(trend),
                    "oordeel": verdict,
                    "marker": marker(verdict),
                }
            )
            measured = measurements.get(indicator.code, [])
            # Without any measurement the empty row says it all; the officer's own notes still count.
            explanation = [trend.reason] if measured else []
            explanation.append(clean(indicator.note))
            explanation += [
                f"{clean(m.period)}: {clean(m.note)}" for m in measurements.get(indicator.code, []) if clean(m.note)
            ]
            text = " ".join(part for part in explanation if part)
            if text:
                notes.append({"code": indicator.code, "tekst": short_label(clean(indicator.text)), "uitleg": text})
            chart = figures.indicator_charts.get(indicator.code)
            if chart is not None:
                charts.append(
                    {"beeld": image(chart, CHART_WIDTH_CM), "bijschrift": f"{indicator.code} {clean(indicator.text)}"}
                )
        table = {"perioden": [label for _, _, label in periods], "rijen": rows}
        notes = _shared_sentences_once(notes)
    else:
        descriptive = indicators
    return {
        "tabel": table,
        "toelichting": notes,
        "grafieken": charts,
        "beschrijvend": by_timing(
            descriptive, lambda i: i.timing, lambda i: {"code": i.code, "tekst": clean(i.text), "opsomming": True}
        ),
    }
