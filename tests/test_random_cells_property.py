"""Whatever an officer types in any column, reading and validating never crash."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from reporting.validation import validate
from workbook.plan.schema import DATA_SHEETS, FIRST_DATA_ROW
from workbook.reading.reader import read_plan

VALID = FIXTURES / "validatie" / "geldig.xlsx"
CELL_VALUES = st.one_of(
    st.none(),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=40),
    st.integers(-(10**9), 10**9),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
    st.sampled_from(
        [
            "#REF!",
            "#N/A",
            "#DIV/0!",
            "1.168",
            "22,4%",
            "381 (52%)",
            "€ 27.700",
            "Vanaf 2012",
            "2013: eindmeting",
            "A10900",
            "BD109",
            "1.1.1.1",
            "-I1",
            "**",
            "=SOM(A1)",
            " ",
        ]
    ),
)
PLACES = [(sheet.name, column) for sheet in DATA_SHEETS for column in range(1, len(sheet.columns) + 1)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PLACES), st.integers(0, 3), CELL_VALUES), min_size=1, max_size=12))
def test_random_cell_values_never_crash_validation(changes):
    workbook = load_workbook(VALID, rich_text=True)
    for (sheet, column), offset, value in changes:
        cell = workbook[sheet].cell(row=FIRST_DATA_ROW + offset, column=column, value=value)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.xlsx"
        workbook.save(path)
        report = validate(read_plan(path))
    assert all(issue.message and issue.cell for issue in report.issues)


def test_an_absurd_amount_is_reported_not_a_crash():
    """Regression: 1e28 in Begroting made babel's decimal formatting fail; it is now beyond what a report shows."""
    report = validate(read_plan(FIXTURES / "regressies" / "enorm-bedrag.xlsx"))
    assert [(i.code, i.cell) for i in report.issues] == [("getal-te-groot", "Begroting!E4")]
    assert report.issues[0].message.startswith("Het getal '1E+28' in kolom Gepland is te groot")
