"""On a Windows pc with Excel: the yearly cycle's buttons on a workbook open in a hidden Excel, through ExcelBook.
Run there with `pytest -m excel`; skipped elsewhere (see conftest.py)."""

from __future__ import annotations

import shutil

import pytest
from conftest import DENDERLEEUW

from planrapport.buttons import press
from planrapport.cycle_buttons import run_ask, run_collect, run_new_year, run_submit
from planrapport.excel_book import ExcelBook
from workbook.builders.build_xlsm import SELFTEST_KEY, write_macro_workbook
from workbook.cycle.new_year import open_year
from workbook.reading.live_book import read_live_plan
from workbook.reading.reader import read_plan

pytestmark = pytest.mark.excel


@pytest.fixture
def excel():
    import xlwings as xw

    app = xw.App(visible=False, add_book=False)
    app.display_alerts = False
    try:
        yield app
    finally:
        app.quit()


def test_the_cycle_on_a_workbook_open_in_excel(tmp_path, excel):
    path = tmp_path / "plan.xlsm"
    # With the self-test setting, asking gives the offered year and messages go on xlwings.conf: nothing waits.
    write_macro_workbook(DENDERLEEUW, path, extra_settings=((SELFTEST_KEY, "ja"),))
    twin = tmp_path / "opdracht" / "plan.xlsm"
    twin.parent.mkdir()
    shutil.copyfile(path, twin)
    open_year(twin, 2024)
    book = excel.books.open(str(path))
    live = ExcelBook(book)
    assert press(run_new_year, live).ok
    assert read_live_plan(live) == read_plan(twin)
    sheet = book.sheets["Opvolging"]
    last = max(r.origin.row for r in read_plan(twin).follow_ups)
    assert sheet.tables[0].range.last_cell.row == last
    assert sheet.range((last, 3)).api.Validation.Type == 3  # xlValidateList: the Status drop-down
    assert sheet.range((last, 4)).api.WrapText == sheet.range((4, 4)).api.WrapText
    assert press(run_ask, live).ok
    assert (tmp_path / "opvolging 2024").is_dir()
    assert press(run_collect, live).ok
    assert "Verzameld" in live.sheet_names()
    submitted = press(run_submit, live)
    assert submitted.ok, submitted.message
    record = book.sheets["Ingediend"]
    assert not record.visible and record.api.ProtectContents
    book.close()
    saved = read_plan(path)
    assert {s.year for s in saved.submitted} == {2024}
    assert saved == read_plan(twin)
