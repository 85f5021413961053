import pytest

from workbook.plan import codes
from workbook.plan.model import BBC, CLASSIC
from workbook.plan.numbers import parse_number, parse_year


@pytest.mark.parametrize(
    ("raw", "value", "share", "ambiguous"),
    [
        ("1.168", 1168, None, True),
        ("22,4%", 22.4, None, False),
        ("20.667 euro", 20667, None, True),
        ("€ 27.700", 27700, None, True),
        ("±1500", 1500, None, False),
        ("381 (52%)", 381, 52, False),
        ("101*", 101, None, False),
        (733, 733, None, False),
    ],
)
def test_dutch_numbers(raw, value, share, ambiguous):
    parsed = parse_number(raw)
    assert (parsed.value, parsed.share, parsed.ambiguous) == (value, share, ambiguous)


def test_text_that_is_no_number():
    assert parse_number("veel").error == "'veel' is geen getal"
    assert parse_number("1.5").value is None


def test_years():
    assert parse_year("2021 (juni-december)") == 2021
    assert parse_year(2022.0) == 2022
    assert parse_year("vorig jaar") is None


def test_codes_nest_by_prefix():
    assert codes.kind_of("1.1.1", CLASSIC) == codes.RESULT
    assert codes.kind_of("1.1.1.1", CLASSIC) == codes.ACTION
    assert codes.kind_of("A10900", BBC) == codes.ACTION
    assert codes.kind_of("1.1", BBC) is None
    assert codes.bbc_parent("A10900", {"AP1090", "AP1091"}) == "AP1090"
    assert codes.bbc_parent("AP1091", {"BD109"}) == "BD109"
    assert codes.normalize("1.1.") == "1.1"
    assert codes.normalize(" ap 1090") == "AP1090"
    assert codes.indicator_parent("1.3.3-I2") == "1.3.3"


def test_cross_references():
    text = "A30002 Vorming organiseren - A10901 Inzetten op partnerschappen"
    assert codes.cross_references(text) == ("A30002", "A10901")
