"""A plan larger than planrapport is made for is refused where it is read, by the command and by the button alike."""

from __future__ import annotations

import pytest
from conftest import WAREGEM
from live_book_standin import StandInBook

from planrapport.buttons import press, run_year_report
from planrapport.cli import main
from workbook.plan.errors import WorkbookError
from workbook.reading import plan_size
from workbook.reading.plan_size import MAX_ACTIONS, MAX_INDICATORS, refuse_too_large
from workbook.reading.reader import read_plan

REFUSED = (
    "het plan is groter dan planrapport aankan: 122 acties en 148 indicatoren, terwijl planrapport plannen leest "
    "tot 100 acties en 1.000 indicatoren"
)


def test_a_plan_at_the_limits_is_read():
    refuse_too_large("plan.xlsx", MAX_ACTIONS, MAX_INDICATORS)


@pytest.mark.parametrize(
    ("actions", "indicators", "counts"),
    [(MAX_ACTIONS + 1, 0, "2.001 acties en 0 indicatoren"), (12, MAX_INDICATORS + 1, "12 acties en 1.001 indicatoren")],
)
def test_one_action_or_indicator_more_is_refused_with_the_counts_and_the_limits(actions, indicators, counts):
    with pytest.raises(WorkbookError) as refused:
        refuse_too_large("groot.xlsx", actions, indicators)
    assert refused.value.message.startswith(
        f"groot.xlsx: het plan is groter dan planrapport aankan: {counts}, terwijl planrapport plannen leest tot "
        "2.000 acties en 1.000 indicatoren"
    )


def test_the_command_and_the_button_refuse_the_same_way(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(plan_size, "MAX_ACTIONS", 100)
    with pytest.raises(WorkbookError) as refused:
        read_plan(WAREGEM)
    assert REFUSED in refused.value.message
    assert main(["jaarrapport", str(WAREGEM), "--uit", str(tmp_path)]) == 1
    assert REFUSED in capsys.readouterr().err
    assert not list(tmp_path.iterdir())
    outcome = press(run_year_report, StandInBook(WAREGEM))
    assert not outcome.ok and outcome.message == refused.value.message
