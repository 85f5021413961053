"""Indicators of a strategic objective itself (1-I1): under the objective in the plan document, the year report
and the evaluation, not among the rows without a place in the plan."""

from __future__ import annotations

from datetime import date

import pytest
from documents_support import all_texts

from reporting.documents import render_evaluation, render_plan_document, render_year_report
from workbook.builders.template import build_template, fill
from workbook.reading.reader import read_plan

DATA = {
    "Instellingen": {"Gemeente": "Vilvoorde", "Beginjaar": 2022, "Eindjaar": 2024, "Rapportjaar": 2024},
    "Doelstellingen": [
        {"Code": "1", "Titel": "Een sterke lokale regie op samenleven"},
        {"Code": "1.1", "Titel": "Sleutelfiguren worden betrokken"},
    ],
    "Resultaten": [{"Code": "1.1.1", "Resultaat": "Er is een netwerk van sleutelfiguren"}],
    "Acties": [{"Code": "1.1.1.1", "Actie": "Inspraakmoment organiseren", "Tijdstip": "2022-2024"}],
    "Indicatoren": [
        {
            "Code": "1-I1",
            "Indicator": "Aantal deelnemers aan inspraakmomenten",
            "Tijdstip": "Jaarlijks",
            "Soort": "aantal",
            "Gewenste richting": "stijgen",
            "Nulmeting waarde": 40,
            "Nulmeting jaar": 2022,
            "Streefwaarde": 90,
            "Streefjaar": 2024,
        },
        {"Code": "1.1.1-I1", "Indicator": "Aantal sleutelfiguren", "Tijdstip": "Jaarlijks"},
    ],
    "Metingen": [
        {"Indicator": "1-I1", "Periode": "2022", "Waarde": 40},
        {"Indicator": "1-I1", "Periode": "2023", "Waarde": 61},
        {"Indicator": "1-I1", "Periode": "2024", "Waarde": 85},
    ],
}


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    path = tmp_path_factory.mktemp("sd") / "plan.xlsx"
    fill(build_template(), DATA).save(path)
    return read_plan(path)


def _between(texts: list[str], start: str, end: str) -> list[str]:
    """The texts after the last paragraph `start` (past the contents) up to the next `end`."""
    first = max(i for i, text in enumerate(texts) if text == start)
    return texts[first : next(i for i in range(first, len(texts)) if texts[i] == end)]


@pytest.mark.parametrize(
    "render",
    [
        lambda plan: render_plan_document(plan, today=date(2024, 12, 1)),
        lambda plan: render_year_report(plan, 2024, today=date(2024, 12, 1)),
        lambda plan: render_evaluation(plan, today=date(2025, 2, 1)),
    ],
    ids=["beleidsplan", "jaarrapport", "evaluatie"],
)
def test_the_indicator_of_a_strategic_objective_stands_under_it(plan, render):
    texts = all_texts(render(plan))
    under = _between(
        texts,
        "Strategische doelstelling 1: Een sterke lokale regie op samenleven",
        "Operationele doelstelling 1.1: Sleutelfiguren worden betrokken",
    )
    assert any("Aantal deelnemers aan inspraakmomenten" in text for text in under)
    assert not any("Rijen zonder plaats" in text for text in texts)


WITHOUT_RESULTS = {
    "Instellingen": {
        "Gemeente": "Boom",
        "Beginjaar": 2020,
        "Eindjaar": 2025,
        "Nummering": "klassiek zonder resultaten",
    },
    "Doelstellingen": [
        {"Code": "1", "Titel": "Boom communiceert helder"},
        {"Code": "1.1", "Titel": "De bibliotheek spreekt klare taal"},
    ],
    "Acties": [
        {"Code": "1.1.1", "Actie": "Brieven doorlichten", "Tijdstip": "Vanaf 2021", "Trekker": "Woonloket"},
        {"Code": "1.1.2", "Actie": "Vorming klare taal", "Tijdstip": "2022"},
    ],
    "Indicatoren": [
        {"Code": "1.1-I1", "Indicator": "Tevredenheid van anderstalige bezoekers", "Tijdstip": "Jaarlijks"}
    ],
}


def test_a_plan_without_results_or_action_indicators_gets_two_columns_and_the_indicators_under_them(tmp_path):
    from documents_support import W, part

    path = tmp_path / "plan.xlsx"
    fill(build_template(), WITHOUT_RESULTS).save(path)
    body = part(render_plan_document(read_plan(path), today=date(2024, 12, 1)), "word/document.xml")
    tables = {}
    for table in body.iter(f"{W}tbl"):
        caption = table.find(f"{W}tblPr/{W}tblCaption").get(f"{W}val")
        rows = [
            ["".join(t.text or "" for t in cell.iter(f"{W}t")) for cell in row.findall(f"{W}tc")]
            for row in table.findall(f"{W}tr")
        ]
        tables[caption] = rows
    assert tables["Acties en omschrijving"][0] == ["Actie", "Omschrijving"]
    assert [row[0] for row in tables["Acties en omschrijving"][1:]] == [
        "1.1.1 Brieven doorlichten",
        "1.1.2 Vorming klare taal",
    ]
    assert tables["Indicatoren van de operationele doelstelling"] == [
        ["Wijze & tijdstip evaluatie / indicatoren"],
        ["Jaarlijks:Tevredenheid van anderstalige bezoekers"],
    ]
    assert not [size for size in body.iter(f"{W}pgSz") if size.get(f"{W}orient") == "landscape"]
