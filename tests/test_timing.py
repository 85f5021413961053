import pytest

from workbook.plan.timing import parse_timing


@pytest.mark.parametrize(
    ("text", "years", "measurement"),
    [
        ("Jaarlijks", (2011, 2012, 2013), ""),
        ("2011", (2011,), ""),
        ("Vanaf 2012", (2012, 2013), ""),
        ("Vanaf 2012 jaarlijks", (2012, 2013), ""),
        ("Jaarlijks vanaf 2012", (2012, 2013), ""),
        ("2011-2013", (2011, 2012, 2013), ""),
        ("2011 - 2012", (2011, 2012), ""),
        ("Per 2 jaar", (2011, 2013), ""),
        ("2013: eindmeting", (2013,), "eindmeting"),
        ("2013: Eindmeting", (2013,), "eindmeting"),
        ("Vanaf 2012:", (2012, 2013), ""),
        ("", (2011, 2012, 2013), ""),
    ],
)
def test_timing_texts_of_the_plans(text, years, measurement):
    timing = parse_timing(text, 2011, 2013)
    assert timing.ok
    assert timing.years == years
    assert timing.measurement == measurement


def test_rubrics_have_no_years():
    assert parse_timing("Norm", 2011, 2013).rubric == "Norm"
    assert parse_timing("Trend:", 2011, 2013).years is None


def test_partial_year_is_flagged():
    timing = parse_timing("2021 (juni-december)", 2020, 2025)
    assert timing.years == (2021,) and timing.partial


def test_unknown_timing_says_what_to_write():
    timing = parse_timing("als er tijd is", 2011, 2013)
    assert not timing.ok
    assert timing.error.startswith("De timing 'als er tijd is' is niet herkend.")
