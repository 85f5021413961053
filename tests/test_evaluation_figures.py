"""The evaluation's tables read back from Word: every measurement and every follow-up status as the workbook has them;
a six-year plan's evaluation valid Open XML that LibreOffice converts."""

from __future__ import annotations

import io
import subprocess
from datetime import date
from pathlib import Path

import pytest
from conftest import DENDERLEEUW, WAREGEM, ooxml_validator, soffice
from docx import Document

from benchmarks.make_plan import main as make_plan
from reporting.documents import render_evaluation
from reporting.figures import formatting
from workbook.plan.model import Measurement, Plan
from workbook.reading.reader import read_plan

DOT, RING, NBSP = "●", "○", "\u00a0"
NOT_RUNNING, NO_FOLLOW_UP, NOT_FILLED = "–", "geen opvolging", "niet ingevuld"
# The day the evaluations are made: after every period, so no year is still open.
TODAY = date(2030, 6, 1)


@pytest.fixture(scope="module")
def six_years(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("zes") / "zes-jaar.xlsx"
    assert make_plan(["klein", str(path), "--years", "6", "--seed", "3"]) in (None, 0)
    return path


def tables(data: bytes) -> list[list[list[str]]]:
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in Document(io.BytesIO(data)).tables]


def value_text(measurement: Measurement, unit: str) -> str:
    """A measurement as the workbook's figure in Dutch: 1.168, 22,4%, € 20.667, 352 (48%)."""
    kind = unit.strip().casefold()
    text = ""
    if measurement.value is not None:
        if kind in ("percentage", "%"):
            text = formatting.percent(measurement.value, 1)
        elif kind == "euro":
            text = formatting.euro(round(measurement.value, 2))
        else:
            text = formatting.number(measurement.value, 1)
    if measurement.share is not None:
        share = formatting.percent(measurement.share, 1)
        text = f"{text} ({share})" if text else share
    return text


def status_of(cell: str) -> str:
    """The word of a status cell without its marker."""
    for mark in (DOT, RING):
        if cell.startswith(mark + NBSP):
            return cell[2:]
    return cell


def check_figures(plan: Plan, data: bytes) -> tuple[int, int]:
    """Every indicator row and action row of the evaluation against the workbook; how many cells were compared."""
    indicators = {i.code: i for i in plan.indicators}
    actions = {a.code: a for a in plan.actions}
    years = [str(y) for y in range(plan.settings.start_year, plan.settings.end_year + 1)]
    measured: dict[tuple[str, str], Measurement] = {}
    for row in plan.measurements:
        if row.indicator_code and (row.value is not None or row.share is not None):
            measured[(row.indicator_code, row.period)] = row  # the lowest row of a period counts
    follow_ups = {}
    for row in plan.follow_ups:
        if row.action_code and row.year is not None:
            follow_ups[(row.action_code, str(row.year))] = row
    values = statuses = 0
    seen_indicators, seen_actions = set(), set()
    for table in tables(data):
        header = table[0]
        if header[:2] == ["Indicator", "Nulmeting"]:
            periods = header[2:-2]
            for row in table[1:]:
                code = row[0].split(" ", 1)[0]
                unit = indicators[code].unit
                seen_indicators.add(code)
                for period, shown in zip(periods, row[2:-2], strict=True):
                    found = measured.get((code, period))
                    assert shown == (value_text(found, unit) if found else ""), (code, period)
                    values += 1
                for (other, period), found in measured.items():
                    if other == code and found.year in range(plan.settings.start_year, plan.settings.end_year + 1):
                        assert period in periods, (code, period)  # no measurement of the period left out
        elif header[0] == "Actie" and header[-1] == "Uitkomst":
            assert header[1:-1] == years
            for row in table[1:]:
                code = row[0].split(" ", 1)[0]
                seen_actions.add(code)
                assert code in actions
                for year, cell in zip(years, row[1:-1], strict=True):
                    word = status_of(cell)
                    follow_up = follow_ups.get((code, year))
                    status = " ".join(follow_up.status.split()) if follow_up is not None else ""
                    if follow_up is None:
                        assert word in (NOT_RUNNING, NO_FOLLOW_UP), (code, year, cell)
                    elif status and follow_up.progress.strip():
                        assert word == status, (code, year, cell)
                    elif word not in (NOT_RUNNING, NO_FOLLOW_UP):
                        assert word == (status or NOT_FILLED), (code, year, cell)
                    if word not in (NOT_RUNNING, NO_FOLLOW_UP, NOT_FILLED):
                        assert cell.startswith(DOT + NBSP), (code, year, cell)
                    statuses += 1
    quantitative = {code for code, i in indicators.items() if i.quantitative}
    assert seen_indicators <= quantitative
    assert {code for code, _ in measured} & quantitative <= seen_indicators
    assert seen_actions == set(actions)
    return values, statuses


@pytest.mark.parametrize("path", [WAREGEM, DENDERLEEUW], ids=["waregem", "denderleeuw"])
def test_the_examples_evaluation_shows_the_workbooks_figures(path):
    plan = read_plan(path)
    values, statuses = check_figures(plan, render_evaluation(plan, today=TODAY))
    assert values and statuses
    assert statuses == len(plan.actions) * (plan.settings.end_year - plan.settings.start_year + 1)


def test_a_six_year_plans_evaluation_shows_the_workbooks_figures(six_years):
    plan = read_plan(six_years)
    assert (plan.settings.start_year, plan.settings.end_year) == (2018, 2023)
    values, statuses = check_figures(plan, render_evaluation(plan, today=TODAY))
    assert statuses == len(plan.actions) * 6
    assert values >= 6 * sum(i.quantitative for i in plan.indicators) // 2


def test_a_six_year_plans_evaluation_is_valid_and_converts(six_years, tmp_path):
    plan = read_plan(six_years)
    document = tmp_path / "evaluatie.docx"
    document.write_bytes(render_evaluation(plan, today=TODAY))
    result = subprocess.run([ooxml_validator(), str(document)], capture_output=True, text=True, timeout=180)
    assert '"ok": true' in result.stdout, result.stdout[:2000]
    subprocess.run(
        [
            soffice(),
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(document),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "evaluatie.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "2018-2023" in text and "ONTWERP" not in text
