"""The co-financing rule is one rule: the report's verdict and the check agree to the cent."""

import pytest

from reporting.figures.cofinancing import cofinancing_met


@pytest.mark.parametrize(
    ("own", "met"), [(20666.67, True), (20667, True), (20666.66, False), (20666.665, True), (20000, False)]
)
def test_a_third_of_62000_is_met_from_20666_67_on(own, met):
    assert cofinancing_met(own, 1 / 3, 62000) is met


def test_float_noise_on_the_minimum_still_meets_it():
    assert cofinancing_met(0.1 + 0.2, 1, 0.3)
