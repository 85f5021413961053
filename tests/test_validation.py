"""Validation rules beyond the one-code fixtures: examples, lists, report years, BBC plans, many problems at once."""

import copy
import importlib.util
import json
from collections import Counter
from dataclasses import replace

import pytest
from conftest import DENDERLEEUW, FIXTURES, WAREGEM

from reporting.validation import ValidationReport, validate
from reporting.validation.report import Issue
from workbook.builders.template import build_template, fill
from workbook.plan.model import Lists
from workbook.reading.reader import plan_from_grids, read_plan
from workbook.spreadsheet.richtext import to_markup

_spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "validatie" / "make_fixtures.py")
make_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_fixtures)


def plan_of(data: dict):
    workbook = fill(build_template(), data)
    grids = {
        ws.title: [tuple(to_markup(v) for v in row) for row in ws.iter_rows(values_only=True)]
        for ws in workbook.worksheets
    }
    return plan_from_grids(grids, "plan.xlsx")


def base(*changes: str) -> dict:
    data = copy.deepcopy(make_fixtures.BASE)
    for code in changes:
        make_fixtures.CHANGES[code](data)
    return data


def test_both_example_workbooks_validate_without_errors():
    waregem = validate(read_plan(WAREGEM))
    assert waregem.ok and waregem.year == 2012
    assert set(Counter(i.code for i in waregem.issues)) <= {
        "ontbrekende-opvolging",
        "geen-richting",
        "tijdstip-voorbij",
    }
    # 2.5.1.1 (2011) was still 'In uitvoering' in 2011: it runs on in 2012, without a row.
    assert [(i.row_code, i.cell) for i in waregem.issues if i.code == "tijdstip-voorbij"] == [("2.5.1.1", "Acties!B60")]
    denderleeuw = validate(read_plan(DENDERLEEUW))
    assert denderleeuw.ok and denderleeuw.year == 2023
    # Justified: two references point to actions of other policy objectives, five context figures have no target.
    assert denderleeuw.flattened() == [
        ("verwijzing-buiten-plan", "Acties", "Acties!I4"),
        ("verwijzing-buiten-plan", "Acties", "Acties!I5"),
        *(("geen-richting", "Indicatoren", f"Indicatoren!F{row}") for row in (4, 5, 6, 9, 10)),
    ]


def test_all_checks_run_and_errors_come_first_in_workbook_order():
    data = base("geen-getal", "onbekende-timing", "ontbrekende-status", "ongeldige-instelling", "leeg-resultaat")
    report = validate(plan_of(data))
    assert report.flattened() == [
        ("ongeldige-instelling", "Instellingen", "Instellingen!B9"),
        ("onbekende-timing", "Acties", "Acties!B5"),
        ("geen-getal", "Metingen", "Metingen!C5"),
        ("leeg-resultaat", "Resultaten", "Resultaten!A5"),
        ("ontbrekende-status", "Opvolging", "Opvolging!C4"),
    ]
    assert [len(report.errors), len(report.warnings), report.ok] == [3, 2, False]
    assert report.summary() == "3 fouten en 2 waarschuwingen"
    assert json.loads(json.dumps(report.as_dict()))["issues"][0]["cell"] == "Instellingen!B9"


def test_the_lists_sheet_decides_which_words_are_allowed():
    plan = plan_of(base("onbekende-status"))
    assert [i.code for i in validate(plan).issues] == ["onbekende-status"]
    words = dict(plan.lists.values)
    words["Status"] = (*words["Status"], "Bezig")
    assert validate(replace(plan, lists=Lists(words))).issues == ()


def test_an_earlier_report_year_checks_that_years_follow_up_and_keeps_later_data_valid():
    plan = plan_of(base())
    report = validate(plan, 2022)
    assert report.year == 2022
    assert report.flattened() == [("ontbrekende-opvolging", "Acties", "Acties!A4")]


def test_a_report_year_given_on_the_command_line_outside_the_period():
    report = validate(plan_of(base()), 2027)
    assert report.flattened() == [("rapportjaar-buiten-periode", "", "")]  # no cell of the workbook is wrong
    assert report.issues[0].message == (
        "--jaar 2027 valt buiten de planperiode 2020-2025 (Beginjaar en Eindjaar op blad Instellingen). Kies een "
        "jaar van 2020 tot en met 2025."
    )


def test_a_year_given_makes_an_empty_report_year_setting_fine():
    data = base()
    del data["Instellingen"]["Rapportjaar"]
    plan = plan_of(data)
    assert validate(plan).flattened() == [("ontbrekende-instelling", "Instellingen", "Instellingen!B8")]
    assert validate(plan, 2023).issues == ()


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"Status": "Stopgezet"}, "'Stopgezet'"),
        ({"Tijd": "Uitgesteld"}, "'Uitgesteld'"),
        ({"Geld (indicator)": "rood"}, "rood (Geld)"),
        ({"Stand van zaken (indicator)": "Rood"}, "rood (Stand van zaken)"),
    ],
)
def test_no_red_without_an_explanation(changes, reason):
    data = base()
    row = data["Opvolging"][0]
    row.update(changes)
    row.pop("Stand van zaken")
    report = validate(plan_of(data))
    assert report.flattened() == [("uitleg-ontbreekt", "Opvolging", "Opvolging!D4")]
    assert f"staat in 2023 op {reason}, maar de stand van zaken is leeg" in report.issues[0].message


def test_a_baseline_timing_may_lie_before_the_plan_but_nothing_after_it():
    data = base()
    data["Indicatoren"][2]["Tijdstip"] = "2019: nulmeting"
    assert validate(plan_of(data)).issues == ()
    data["Indicatoren"][2]["Tijdstip"] = "2026: eindmeting"
    assert validate(plan_of(data)).flattened() == [("jaar-buiten-periode", "Indicatoren", "Indicatoren!B6")]


def test_percentages_and_counts_in_baselines_targets_and_shares():
    data = base()
    data["Indicatoren"][1].update({"Nulmeting waarde": 120, "Nulmeting jaar": 2020})
    data["Indicatoren"][0]["Streefwaarde"] = -3
    data["Metingen"][1]["Waarde"] = "210 (140%)"
    assert validate(plan_of(data)).flattened() == [
        ("ongeldig-aantal", "Indicatoren", "Indicatoren!K4"),
        ("percentage-buiten-bereik", "Indicatoren", "Indicatoren!I5"),
        ("percentage-buiten-bereik", "Metingen", "Metingen!C5"),
    ]


def test_co_financing_is_checked_on_spent_amounts_too():
    data = base()
    data["Begroting"][1]["Besteed"] = 15000
    report = validate(plan_of(data))
    assert report.flattened() == [("cofinanciering-te-laag", "Begroting", "Begroting!F5")]
    assert report.issues[0].message.startswith(
        "In 2022 is de eigen inbreng van de gemeente (besteed) € 15.000. Dat is minder dan 1/3 van de Vlaamse "
        "subsidie van € 59.000: minstens € 19.667."
    )


def test_co_financing_without_any_own_funds_points_at_the_subsidy():
    data = base()
    del data["Begroting"][3]
    assert validate(plan_of(data)).flattened() == [
        ("cofinanciering-te-laag", "Begroting", "Begroting!B6"),
        ("cofinanciering-te-laag", "Begroting", "Begroting!B6"),
    ]


BBC_PLAN = {
    "Instellingen": {
        "Gemeente": "Denderstad",
        "Titel van het plan": "Samenleven",
        "Beginjaar": 2020,
        "Eindjaar": 2025,
        "Rapportjaar": 2023,
        "Nummering": "BBC",
    },
    "Doelstellingen": [
        {"Code": "BD109", "Titel": "Samenleven in diversiteit"},
        {"Code": "AP1090", "Titel": "Expertise"},
        {"Code": "AP2000", "Titel": "Een actieplan zonder beleidsdoelstelling"},
    ],
    "Acties": [
        {
            "Code": "A10900",
            "Tijdstip": "2020-2025",
            "Actie": "Vorming",
            "Zie ook": "A10999 Vorming bis - A30002 Vakantieopvang",
        },
        {"Code": "A20000", "Tijdstip": "2021", "Actie": "Actie onder het losse actieplan"},
    ],
    "Opvolging": [{"Actie": "A10900", "Jaar": 2023, "Status": "In uitvoering", "Stand van zaken": "Loopt."}],
}


def test_bbc_codes_nest_by_prefix_and_references_inside_the_plan_must_exist():
    report = validate(plan_of(BBC_PLAN))
    assert report.flattened() == [
        ("ontbrekende-ouder", "Doelstellingen", "Doelstellingen!A6"),
        ("onbekende-verwijzing", "Acties", "Acties!I4"),
        ("verwijzing-buiten-plan", "Acties", "Acties!I4"),
    ]
    assert report.issues[0].message == (
        "Actieplan AP2000 valt onder beleidsdoelstelling BD200, maar die staat niet op blad Doelstellingen. Voeg "
        "beleidsdoelstelling BD200 toe, of verbeter de code."
    )


def test_an_operational_objective_without_results_is_empty():
    data = base()
    data["Doelstellingen"].append({"Code": "1.2", "Titel": "Werk"})
    report = validate(plan_of(data))
    assert report.flattened() == [("lege-doelstelling", "Doelstellingen", "Doelstellingen!A6")]
    assert report.issues[0].message == (
        "Operationele doelstelling 1.2 heeft geen resultaten. Voeg op blad Resultaten minstens één toe (bv. 1.2.1), "
        "of wis de rij."
    )


def test_a_wrong_numbering_gives_one_error_not_one_per_code():
    data = copy.deepcopy(BBC_PLAN)
    data["Instellingen"]["Nummering"] = "klassiek"
    report = validate(plan_of(data))
    assert [i.code for i in report.errors] == ["verkeerde-nummering"]


def test_issues_are_frozen_and_deduplicated():
    issue = Issue("geen-getal", "fout", "Metingen", "Metingen!C5", "1.1.1-I1", "'veel' is geen getal.")
    with pytest.raises(AttributeError):
        issue.code = "iets"
    report = ValidationReport((issue, issue), year=2023)
    assert report.issues == (issue,) and issue.coordinate == "C5"


def test_a_large_city_plan_validates_in_one_pass():
    data = base()
    data["Resultaten"] = [{"Code": f"1.1.{r}", "Resultaat": f"Resultaat {r}"} for r in range(1, 101)]
    data["Acties"] = [
        {"Code": f"1.1.{r}.{a}", "Tijdstip": "Jaarlijks", "Actie": f"Actie {r}.{a}"}
        for r in range(1, 101)
        for a in range(1, 11)
    ]
    data["Opvolging"] = [
        {"Actie": f"1.1.{r}.{a}", "Jaar": year, "Status": "In uitvoering", "Stand van zaken": "Ok."}
        for r in range(1, 101)
        for a in range(1, 11)
        for year in (2021, 2022, 2023)
    ]
    data["Indicatoren"] = [
        {
            "Code": f"1.1.{r}-I1",
            "Indicator": "Aantal",
            "Soort": "kwantitatief",
            "Eenheid": "aantal",
            "Gewenste richting": "stijgen",
        }
        for r in range(1, 101)
    ]
    data["Metingen"] = [
        {"Indicator": f"1.1.{r}-I1", "Periode": str(year), "Waarde": r}
        for r in range(1, 101)
        for year in (2020, 2021, 2022, 2023)
    ]
    plan = plan_of(data)
    assert len(plan.actions) + len(plan.follow_ups) + len(plan.measurements) > 4000
    assert validate(plan).issues == ()


def test_messages_use_the_article_of_each_level():
    data = base()
    data["Resultaten"][0]["Resultaat"] = "Elke nieuwkomer krijgt een onthaalgesprek " * 12
    data["Acties"].append({"Code": "1.1.3.1", "Tijdstip": "2021", "Actie": "Taalcafé opstarten"})
    messages = [i.message for i in validate(plan_of(data)).issues]
    assert any(m.startswith("Het resultaat is 503 tekens lang; als kop in Word") for m in messages), messages
    assert (
        "Actie 1.1.3.1 valt onder resultaat 1.1.3, maar die staat niet op blad Resultaten. Voeg resultaat "
        "1.1.3 toe, of verbeter de code."
    ) in messages
