"""Dutch (Belgian) numbers and amounts: the same text for the same value, however often and in whatever order."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reporting import formatting


@pytest.mark.parametrize(("value", "decimals", "text"), [
    (1168, 1, "1.168"), (1168.0, 1, "1.168"), (22.45, 1, "22,4"), (22.46, 1, "22,5"), (-2.5, 0, "-2"),
    (Decimal("2.50"), 1, "2,5"), (0.25, 1, "0,2"), (None, 1, ""), (-0.0, 1, "0"), (True, 1, "1"),
    (1e28, 1, "9.999.999.999.999.999.583.119.736.832"),
])
def test_number_twice_and_in_any_order(value, decimals, text):
    assert formatting.number(value, decimals) == text
    assert formatting.number(value, decimals) == text


def test_equal_values_of_other_types_print_alike():
    for value, same in ((3, 3.0), (2.5, Decimal("2.5")), (0, -0.0), (1, True)):
        assert formatting.number(value) == formatting.number(same)
        assert formatting.percent(value) == formatting.percent(same)


def test_amounts_keep_their_sign_and_size():
    assert formatting.euro(-0.0) == "-€ 0"
    assert formatting.euro(0.0) == "€ 0"
    assert formatting.euro(20667) == "€ 20.667"
    assert formatting.euro(20667.5) == "€ 20.667,50"
    assert formatting.euro(1e28) == "€ 10.000.000.000.000.000.000.000.000.000"
    assert formatting.percent(22.45, 1) == "22,4%"
