"""Dutch (Belgian) numbers and amounts: the same text for the same value, however often and in whatever order."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reporting.figures import formatting


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (1168, 1, "1.168"),
        (1168.0, 1, "1.168"),
        (22.45, 1, "22,5"),  # a half away from zero on the number as typed, as Excel shows it
        (22.35, 1, "22,4"),
        (22.46, 1, "22,5"),
        (-2.5, 0, "-3"),
        (2.5, 0, "3"),
        (Decimal("2.50"), 1, "2,5"),
        (0.25, 1, "0,3"),
        (None, 1, ""),
        (-0.0, 1, "0"),
        (True, 1, "1"),
        (1e28, 1, "9.999.999.999.999.999.583.119.736.832"),
    ],
)
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
    assert formatting.percent(22.45, 1) == "22,5%"
    assert formatting.percent(31.15, 1) == "31,2%"  # the float is 31.1499999...: rounded as typed, not as stored


@pytest.mark.parametrize(
    ("change", "text"),
    [
        (6, "+6 procentpunten"),
        (12.0, "+12 procentpunten"),
        (1, "+1 procentpunt"),
        (-1.0, "-1 procentpunt"),
        (0.5, "+0,5 procentpunt"),
        (-0.25, "-0,3 procentpunt"),
        (1.04, "+1 procentpunt"),
        (0.99999999, "+1 procentpunt"),
        (1.5, "+1,5 procentpunten"),
        (-7.7, "-7,7 procentpunten"),
        (0, "0 procentpunten"),
        (0.04, "0 procentpunten"),
        (-0.04, "0 procentpunten"),
        (0.1 + 0.7 - 0.8, "0 procentpunten"),
    ],
)
def test_percentage_points_singular_up_to_one_as_printed(change, text):
    assert formatting.percentage_points(change) == text


@pytest.mark.parametrize(
    "value",
    [
        79.99999999,
        80.00000001,
        0.1 + 0.7,
        0.25,
        0.35,
        22.45,
        -2.55,
        1e-9,
        1168.0,
        1e28,
        -0.0,
        2.675,
    ],
)
@pytest.mark.parametrize("decimals", [0, 1, 2])
def test_shown_is_the_value_as_number_prints_it(value, decimals):
    printed = formatting.number(value, decimals).replace(".", "").replace(",", ".")
    assert formatting.shown(value, decimals) == Decimal(printed)
    assert formatting.number(formatting.shown(value, decimals), decimals) == formatting.number(value, decimals)


def test_a_number_for_a_cell_is_rounded_as_the_documents_print_it():
    assert formatting.rounded(22.45, 1) == 22.5  # round(22.45, 1) gives 22.4
    assert formatting.rounded(-2.5, 0) == -3.0
    assert formatting.rounded(1168.04, 1) == 1168.0
