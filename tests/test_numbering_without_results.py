"""Nummering 'klassiek zonder resultaten': actions 1.1.1 straight under their operational objective, read, checked,
counted and printed as the council wrote them."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import FIXTURES

from reporting.documents import render_plan_document, render_year_report
from reporting.documents.contexts.figures import report_figures
from reporting.documents.contexts.plan_context import BBC_COLUMNS, plan_document_context
from reporting.documents.contexts.report_context import year_report_context
from reporting.rollups import plan_rollup
from reporting.summary import summary_lines
from reporting.validation import RULES, validate
from workbook.builders.template import build_template, fill
from workbook.plan import codes
from workbook.plan.model import BBC, CLASSIC, CLASSIC_WITHOUT_RESULTS, has_results
from workbook.plan.schema import LISTS
from workbook.reading.reader import read_plan
from workbook.word_import.importing import import_document

HERE = FIXTURES / "zonder_resultaten"
EXPECTED = {
    "verkeerde-nummering": ("Instellingen!B9", "'klassiek zonder resultaten'"),
    "verkeerd-niveau": ("Resultaten!A4", "heeft geen resultaten"),
    "ongeldige-code": ("Acties!A7", "1.1.1 (actie 1 van operationele doelstelling 1.1)"),
    "ontbrekende-ouder": ("Acties!A7", "operationele doelstelling 1.3"),
    "lege-doelstelling": ("Doelstellingen!A6", "heeft geen acties"),
}


@pytest.fixture(scope="module")
def plan():
    return read_plan(HERE / "geldig.xlsx")


def test_only_the_classic_numbering_has_a_results_level():
    assert [has_results(n) for n in (CLASSIC, CLASSIC_WITHOUT_RESULTS, BBC)] == [True, False, False]
    assert CLASSIC_WITHOUT_RESULTS in LISTS["Nummering"]
    assert codes.kind_of("1.1.1", CLASSIC_WITHOUT_RESULTS) == codes.ACTION
    assert codes.kind_of("1.1.1", CLASSIC) == codes.RESULT
    assert codes.kind_of("1.1.1.1", CLASSIC_WITHOUT_RESULTS) is None


def test_the_valid_plan_reads_its_actions_under_the_objectives_and_has_no_issue(plan):
    assert plan.settings.numbering == CLASSIC_WITHOUT_RESULTS and not plan.settings.has_results
    assert [(a.code, a.parent_code) for a in plan.actions] == [("1.1.1", "1.1"), ("1.1.2", "1.1"), ("1.2.1", "1.2")]
    report = validate(plan)
    assert report.issues == () and report.ok


@pytest.mark.parametrize("typed", ["Klassiek zonder resultaten", "  klassiek   ZONDER resultaten "])
def test_the_setting_is_read_whatever_its_case_and_spaces(tmp_path, typed):
    data = {"Instellingen": {"Beginjaar": 2020, "Eindjaar": 2025, "Nummering": typed}}
    fill(build_template(), data).save(tmp_path / "plan.xlsx")
    plan = read_plan(tmp_path / "plan.xlsx")
    assert plan.settings.numbering == CLASSIC_WITHOUT_RESULTS
    assert "ongeldige-instelling" not in [i.code for i in validate(plan).issues]


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_fixture_triggers_exactly_its_rule_at_the_expected_cell(code):
    report = validate(read_plan(HERE / f"{code}.xlsx"))
    cell, words = EXPECTED[code]
    assert [(i.code, i.cell) for i in report.issues] == [(code, cell)]
    assert report.issues[0].severity == RULES[code].severity
    assert words in report.issues[0].message


def test_the_roll_up_counts_the_actions_under_their_objectives(plan):
    rollup = {group.code: group.actions for group in plan_rollup(plan, 2023).objectives}
    assert rollup == {"1": 2, "1.1": 1, "1.2": 1}  # 1.1.2 (2022) does not run in 2023


def test_the_summary_has_no_results_line(plan):
    lines = summary_lines(plan)
    assert "  Acties: 3" in lines
    assert not any(line.strip().startswith("Resultaten") for line in lines)


def test_the_plan_document_prints_a_row_per_action_with_its_details(plan):
    context = plan_document_context(plan)
    assert context["kolommen"] == BBC_COLUMNS and not context["zonder_acties"]
    od_1_1, od_1_2 = context["doelstellingen"][0]["operationele"]
    assert [(row["code"], row["tekst"]) for row in od_1_1["rijen"]] == [
        ("1.1.1", "Onthaalgesprekken met elke nieuwkomer"),
        ("1.1.2", "Onthaalbrochure maken"),
    ]
    lines = [item["tekst"] for item in od_1_1["rijen"][0]["acties"][0]["lijst"]]
    assert lines == [
        "Een toeleider nodigt elke nieuwe inwoner uit.",
        "Timing: 2020-2025 \u2013 Trekker: PIN vzw \u2013 Partners: OCMW \u2013 Budget: € 2.500",
    ]
    # The objective's own evaluation gets a row of its own under its actions.
    assert [(row["code"], row["tekst"]) for row in od_1_2["rijen"]] == [
        ("1.2.1", "Vorming voor verenigingen"),
        ("", ""),
    ]
    assert od_1_2["rijen"][1]["indicatoren"][0]["lijst"][0]["tekst"] == "Verenigingen met nieuwe leden"


def test_a_result_in_a_plan_without_results_is_listed_as_not_placed():
    plan = read_plan(HERE / "verkeerd-niveau.xlsx")
    assert [(u["soort"], u["code"]) for u in plan_document_context(plan)["niet_ingedeeld"]] == [("resultaat", "1.1.1")]


def test_the_year_report_shows_each_action_under_its_objective(plan):
    figures = report_figures(plan, 2023)
    context = year_report_context(plan, figures, lambda chart, width: "beeld", today=date(2023, 9, 17), warnings=[])
    od_1_1 = context["doelstellingen"][0]["operationele"][0]
    assert [[a["code"] for a in group["acties"]] for group in od_1_1["groepen"]] == [["1.1.1"]]
    assert od_1_1["groepen"][0]["kop"] == ""
    assert render_year_report(plan, 2023, today=date(2023, 9, 17))[:2] == b"PK"


def test_the_plan_document_comes_back_as_the_same_plan(plan, tmp_path):
    document = tmp_path / "beleidsplan.docx"
    document.write_bytes(render_plan_document(plan, today=date(2023, 9, 17)))
    result = import_document(document)
    fill(build_template(), result.data).save(tmp_path / "terug.xlsx")
    again = read_plan(tmp_path / "terug.xlsx")
    assert again.settings.numbering == CLASSIC_WITHOUT_RESULTS
    assert again.results == ()
    assert [(o.code, o.title, o.parent_code) for o in again.objectives] == [
        (o.code, o.title, o.parent_code) for o in plan.objectives
    ]
    fields = ("code", "parent_code", "title", "timing", "description", "lead", "partners", "budget")
    assert [tuple(getattr(a, f) for f in fields) for a in again.actions] == [
        tuple(getattr(a, f) for f in fields) for a in plan.actions
    ]
    assert [(i.code, i.text, i.timing) for i in again.indicators] == [
        (i.code, i.text, i.timing) for i in plan.indicators
    ]
    report = validate(again)
    assert not [i for i in report.issues if RULES[i.code].group == "structuur"]


def test_the_fixtures_are_what_make_fixtures_builds(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_fixtures", HERE / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert set(module.CHANGES) == set(EXPECTED)
    for code in EXPECTED:
        committed = read_plan(HERE / f"{code}.xlsx")
        fill(build_template(), module.plan_data(code)).save(tmp_path / f"{code}.xlsx")
        built = read_plan(tmp_path / f"{code}.xlsx")
        assert (committed.settings, committed.objectives, committed.results, committed.actions) == (
            built.settings,
            built.objectives,
            built.results,
            built.actions,
        )
