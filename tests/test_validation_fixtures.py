"""One real workbook per rule code: each triggers exactly its code at the expected cell."""

import importlib.util
import re

import pytest
from conftest import FIXTURES

from reporting.validation import RULES, validate
from workbook.reading.reader import read_plan

VALIDATIE = FIXTURES / "validatie"

EXPECTED = {
    "ontbrekend-blad": [("Begroting", "Begroting!A1")],
    "hernoemd-blad": [("Metingen 2023", "Metingen 2023!A1")],
    "ontbrekende-kolom": [("Opvolging", "Opvolging!D3")],
    "ontbrekende-tekstkolom": [("Acties", "Acties!A3")],
    "kolom-niet-gelezen": [("Acties", "Acties!J3")],
    "blad-niet-gelezen": [("Notities", "Notities!A1")],
    "onbekende-instelling": [("Instellingen", "Instellingen!A15")],
    "ontbrekende-instellingsrij": [("Instellingen", "Instellingen!A4")],
    "dubbelzinnig-aandeel": [("Metingen", "Metingen!D4")],
    "ontbrekende-instelling": [("Instellingen", "Instellingen!B6")],
    "ongeldige-instelling": [("Instellingen", "Instellingen!B9")],
    "rapportjaar-buiten-periode": [("Instellingen", "Instellingen!B8")],
    "verkeerde-nummering": [("Instellingen", "Instellingen!B9")],
    "ontbrekende-code": [("Acties", "Acties!A6")],
    "ongeldige-code": [("Acties", "Acties!A6")],
    "verkeerd-niveau": [("Doelstellingen", "Doelstellingen!A6")],
    "dubbele-code": [("Acties", "Acties!A6")],
    "ontbrekende-ouder": [("Acties", "Acties!A6")],
    "ontbrekende-tekst": [("Acties", "Acties!C6")],
    "lege-doelstelling": [("Doelstellingen", "Doelstellingen!A6")],
    "leeg-resultaat": [("Resultaten", "Resultaten!A5")],
    "onbekende-actie": [("Opvolging", "Opvolging!A6")],
    "onbekende-indicator": [("Metingen", "Metingen!A7")],
    "dubbele-opvolging": [("Opvolging", "Opvolging!B6")],
    "onbekende-verwijzing": [("Acties", "Acties!I5")],
    "verwijzing-buiten-plan": [("Acties", "Acties!I5")],
    "onbekende-timing": [("Acties", "Acties!B5")],
    "jaar-buiten-periode": [("Acties", "Acties!B5")],
    "geen-jaartal": [("Opvolging", "Opvolging!B5")],
    "ongeldige-periode": [("Metingen", "Metingen!B6")],
    "tijdstip-voorbij": [("Acties", "Acties!B5")],
    "ontbrekende-opvolging": [("Acties", "Acties!A4")],
    "ontbrekende-status": [("Opvolging", "Opvolging!C4")],
    "onbekende-status": [("Opvolging", "Opvolging!C4")],
    "uitleg-ontbreekt": [("Opvolging", "Opvolging!D4")],
    "onbekend-woord": [("Opvolging", "Opvolging!F4")],
    "geen-getal": [("Metingen", "Metingen!C5")],
    "dubbelzinnig-getal": [("Metingen", "Metingen!C5")],
    "meting-na-rapportjaar": [("Metingen", "Metingen!B7")],
    "dubbele-meting": [("Metingen", "Metingen!B7")],
    "percentage-buiten-bereik": [("Metingen", "Metingen!C6")],
    "ongeldig-aantal": [("Metingen", "Metingen!C5")],
    "geen-richting": [("Indicatoren", "Indicatoren!F4")],
    "nulmeting-na-start": [("Indicatoren", "Indicatoren!H4")],
    "negatief-bedrag": [("Begroting", "Begroting!E8")],
    "ontbrekend-bedrag": [("Begroting", "Begroting!F8")],
    "cofinanciering-te-laag": [("Begroting", "Begroting!E7")],
    "formulefout": [("Acties", "Acties!E4")],
    "tekst-met-gelijkteken": [("Acties", "Acties!D4")],
    "tekst-als-formule": [("Lijsten", "Lijsten!A9")],
    "te-lange-titel": [("Acties", "Acties!C5")],
    "te-lange-tekst": [("Acties", "Acties!D5")],
    "ongeldig-teken": [("Acties", "Acties!D5")],
    "getal-te-groot": [("Metingen", "Metingen!C5")],
    "gewijzigd-na-indiening": [("Opvolging", "Opvolging!C4")],
    "ingediend-verslag-gewijzigd": [("Ingediend", "Ingediend!A1")],
    "ingediend-document-anders": [("Ingediend", "Ingediend!A1")],
    "bijsturing-onbekende-code": [("Bijsturing", "Bijsturing!B4")],
    "bijsturing-zonder-datum": [("Bijsturing", "Bijsturing!A4")],
    "bijsturing-buiten-periode": [("Bijsturing", "Bijsturing!A4")],
    "bijsturing-onvolledig": [("Bijsturing", "Bijsturing!D4")],
    "stopgezet-niet-opgevolgd": [("Opvolging", "Opvolging!C4")],
    "streefwaarde-anders": [("Bijsturing", "Bijsturing!E4")],
}
# Words that only a Dutch sentence has; every message and summary must use some of them.
DUTCH = {
    "de",
    "het",
    "een",
    "van",
    "naar",
    "dit",
    "voor",
    "met",
    "bij",
    "niet",
    "geen",
    "staat",
    "heeft",
    "in",
    "op",
    "is",
    "of",
    "en",
    "dat",
    "die",
}
ENGLISH = {"the", "and", "is not", "missing", "invalid", "should", "must", "error", "warning"}


def _make_fixtures():
    spec = importlib.util.spec_from_file_location("make_fixtures", VALIDATIE / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_rule_has_a_fixture_and_an_expected_list():
    assert set(EXPECTED) == set(RULES)
    assert set(_make_fixtures().CHANGES) == set(RULES)
    for code in RULES:
        assert (VALIDATIE / f"{code}.xlsx").is_file(), code
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", code) for code in RULES)
    assert {rule.severity for rule in RULES.values()} == {"fout", "waarschuwing"}


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_fixture_triggers_exactly_its_rule_at_the_expected_cell(code):
    report = validate(read_plan(VALIDATIE / f"{code}.xlsx"))
    assert report.flattened() == [(code, sheet, cell) for sheet, cell in EXPECTED[code]]
    issue = report.issues[0]
    assert issue.severity == RULES[code].severity
    assert report.ok is (issue.severity == "waarschuwing")


def test_the_valid_base_plan_has_no_issue():
    report = validate(read_plan(VALIDATIE / "geldig.xlsx"))
    assert report.issues == () and report.ok


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_every_message_is_dutch_and_says_what_to_do(code):
    report = validate(read_plan(VALIDATIE / f"{code}.xlsx"))
    for text in [RULES[code].summary, *(i.message for i in report.issues)]:
        words = set(re.findall(r"[a-zé]+", text.lower()))
        assert len(words & DUTCH) >= 2, text
        assert not any(f" {w} " in f" {text.lower()} " for w in ENGLISH), text
        assert text.rstrip().endswith((".", ")")), text
    message = report.issues[0].message
    assert len(message.split(". ")) >= 2 or "Kies" in message, message  # what is wrong, then what to do


def test_the_fixture_script_rebuilds_the_committed_fixtures(tmp_path):
    module = _make_fixtures()
    for code in ("geen-getal", "formulefout", "ontbrekende-instelling"):
        path = tmp_path / f"{code}.xlsx"
        module.build(code).save(path)
        assert validate(read_plan(path)).flattened() == validate(read_plan(VALIDATIE / f"{code}.xlsx")).flattened()
