"""The evaluation of the plan period (evaluatie): actions per year, verdicts on the indicators, budget, drafts."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from datetime import date
from functools import cache

import pytest
from conftest import DENDERLEEUW, WAREGEM
from documents_support import all_texts, open_docx, plan_of, validate_ooxml

from planrapport.cli import main
from reporting.documents import evaluation_name, render_evaluation
from reporting.evaluation import (
    CARRIED_ON,
    FINISHED,
    MET,
    NEVER_FOLLOWED,
    NOT_JUDGEABLE,
    NOT_MET,
    NOT_RUNNING,
    OFF_COURSE,
    ON_COURSE,
    STOPPED,
    evaluate,
)
from reporting.template_builder.build_templates import build_evaluation
from reporting.templates import HERE
from workbook.plan.model import FollowUp, Measurement

TODAY = date(2023, 9, 17)


@cache
def evaluation_of(example: str, today: date = TODAY) -> bytes:
    return render_evaluation(plan_of(example), today=today)


def _table(document, *first_cells: str) -> list[list[str]]:
    for table in document.tables:
        cells = [c.text for c in table.rows[0].cells]
        if cells[: len(first_cells)] == list(first_cells):
            return [[c.text.lstrip("●○\u00a0") for c in row.cells] for row in table.rows]
    raise AssertionError(f"no table starting with {first_cells!r}")


def _with(plan, *, follow_ups=(), measurements=()):
    return dataclasses.replace(
        plan, follow_ups=plan.follow_ups + tuple(follow_ups), measurements=plan.measurements + tuple(measurements)
    )


def _watermarked(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return any(
            b"PlanrapportOntwerp" in archive.read(name) for name in archive.namelist() if name.startswith("word/header")
        )


# ---------------------------------------------------------------- Waregem: the period is over


def test_waregem_title_page_and_no_draft():
    data = evaluation_of("waregem")
    texts = [p.text for p in open_docx(data).paragraphs][:6]
    assert texts == [
        "Waregem",
        "Evaluatie 2011-2013",
        "Integratiebeleidsplan 2011-2013",
        "Evaluatie van de hele planperiode 2011-2013",
        "Opgesteld door Dienst integratie",
        "17 september 2023",
    ]
    assert not _watermarked(data)
    assert not any("ONTWERP" in t for t in all_texts(data))
    assert evaluation_name(plan_of("waregem")) == "evaluatie-2011-2013-waregem.docx"


def test_waregem_council_summary_sentences_and_counts():
    data = evaluation_of("waregem")
    texts = all_texts(data)
    assert (
        "Deze evaluatie beschrijft wat er van het plan 'Integratiebeleidsplan 2011-2013' van Waregem terechtkwam "
        "over de hele planperiode 2011-2013: wat er van elke actie werd, hoe de indicatoren evolueerden tegenover "
        "hun streefwaarde en hoe het budget besteed werd."
    ) in texts
    assert "Voor 2013 is op blad Opvolging voor geen enkele actie een opvolging ingevuld." in texts
    assert (
        "Van de 122 acties zijn er 8 afgerond en 48 nog niet afgerond of stopgezet (die lopen door). "
        "66 acties werden in geen enkel jaar opgevolgd."
    ) in texts
    assert "Van de 49 cijfermatige indicatoren: 49 zijn niet te beoordelen." in texts
    assert (
        "Over de planperiode 2011-2013 was € 255.000 gepland en werd € 168.622 besteed (66,1% van het geplande bedrag)."
    ) in texts
    assert "Voor 2013 zijn nog geen bestede bedragen ingevuld." in texts
    document = open_docx(data)
    assert _table(document, "Uitkomst", "Acties") == [
        ["Uitkomst", "Acties", "Aandeel"],
        ["Afgerond", "8", "7%"],
        ["Loopt door", "48", "39%"],
        ["Nooit opgevolgd", "66", "54%"],
        ["Totaal", "122", "100%"],
    ]


def test_waregem_budget_table_per_year_and_funding_and_cofinancing():
    document = open_docx(evaluation_of("waregem"))
    assert _table(document, "Jaar", "Financiering") == [
        ["Jaar", "Financiering", "Gepland", "Besteed", "Verschil"],
        ["2011", "Vlaamse subsidie", "€ 62.000", "€ 61.277", "-€ 723"],
        ["", "Eigen middelen gemeente", "€ 23.000", "€ 22.780", "-€ 220"],
        ["", "Totaal 2011", "€ 85.000", "€ 84.057", "-€ 943"],
        ["2012", "Vlaamse subsidie", "€ 62.000", "€ 61.225", "-€ 775"],
        ["", "Eigen middelen gemeente", "€ 23.000", "€ 23.340", "€ 340"],
        ["", "Totaal 2012", "€ 85.000", "€ 84.565", "-€ 435"],
        ["2013", "Vlaamse subsidie", "€ 62.000", "", ""],
        ["", "Eigen middelen gemeente", "€ 23.000", "", ""],
        ["", "Totaal 2013", "€ 85.000", "", ""],
        ["", "Totaal 2011-2013", "€ 255.000", "€ 168.622", ""],
    ]
    assert _table(document, "Jaar", "Vlaamse subsidie") == [
        ["Jaar", "Vlaamse subsidie", "Eigen middelen", "Vereist (33,3%)", "Aandeel", "Gehaald"],
        ["2011", "€ 61.277", "€ 22.780", "€ 20.425,67", "37,2%", "ja (besteed)"],
        ["2012", "€ 61.225", "€ 23.340", "€ 20.408,33", "38,1%", "ja (besteed)"],
        ["2013", "€ 62.000", "€ 23.000", "€ 20.666,67", "37,1%", "ja (gepland)"],
    ]
    texts = all_texts(evaluation_of("waregem"))
    assert (
        "De cofinanciering (eigen middelen minstens 33,3% van de Vlaamse subsidie) is in elk jaar gehaald "
        "(2011 tot en met 2013)."
    ) in texts
    assert "Voor 2013 is dat op de geplande bedragen beoordeeld." in texts


def test_cofinancing_missed_in_a_year_by_one_cent():
    plan = plan_of("waregem")
    lines = tuple(
        dataclasses.replace(b, spent=20425.66) if b.year == 2011 and "eigen" in b.funding_kind.casefold() else b
        for b in plan.budget_lines
    )
    data = render_evaluation(dataclasses.replace(plan, budget_lines=lines), today=TODAY)
    texts = all_texts(data)
    assert (
        "De cofinanciering (eigen middelen minstens 33,3% van de Vlaamse subsidie) is gehaald in 2012 en 2013 "
        "en niet gehaald in 2011."
    ) in texts
    assert _table(open_docx(data), "Jaar", "Vlaamse subsidie")[1][-1] == "nee (besteed)"


def test_actions_status_per_year_at_a_glance():
    document = open_docx(evaluation_of("waregem"))
    rows = _table(document, "Actie", "2011", "2012", "2013", "Uitkomst")
    assert rows[1] == [
        "1.1.1.1 Overleg met diverse actoren ikv werkgroep 'participatie van mensen in armoede'",
        "geen opvolging",
        "In uitvoering",
        NOT_RUNNING,
        "Loopt door",
    ]
    evaluation = evaluate(plan_of("waregem"), TODAY)
    assert evaluation.finished and evaluation.empty_years == (2013,)
    courses = {c.action.code: c for c in evaluation.actions}
    assert courses["1.2.2.1"].statuses[0] == "Afgerond" and courses["1.2.2.1"].outcome == FINISHED
    assert courses["1.2.2.1"].outcome_year == 2011
    assert evaluation.outcome_counts() == {FINISHED: 8, STOPPED: 0, CARRIED_ON: 48, NEVER_FOLLOWED: 66}


def test_a_stopped_action_with_the_reason_from_its_follow_up():
    plan = _with(
        plan_of("waregem"),
        follow_ups=[
            FollowUp("1.1.1.1", 2013, status="Stopgezet", progress="De werkgroep werd **opgeheven** door de OCMW-raad.")
        ],
    )
    evaluation = evaluate(plan, TODAY)
    course = next(c for c in evaluation.actions if c.action.code == "1.1.1.1")
    assert course.statuses == ("geen opvolging", "In uitvoering", "Stopgezet")
    assert (course.outcome, course.outcome_year) == (STOPPED, 2013)
    assert course.note == "De werkgroep werd opgeheven door de OCMW-raad."
    texts = all_texts(render_evaluation(plan, today=TODAY))
    assert "1.1.1.1 stopgezet in 2013: De werkgroep werd opgeheven door de OCMW-raad." in texts
    assert "Stopgezet: 1.1.1.1; de reden staat bij elke actie." in texts


# ---------------------------------------------------------------- verdicts


def _verdicts(plan, today: date = TODAY) -> dict[str, tuple[str, str]]:
    return {c.indicator.code: (c.verdict, c.reason) for c in evaluate(plan, today).indicators}


def test_verdicts_with_a_final_measurement():
    plan = _with(
        plan_of("waregem"),
        measurements=[
            Measurement("1.3.3-I3", "2013", 2013, value=22.0),  # target 22: met
            Measurement("2.2.3-I1", "2013", 2013, value=50.0),  # target 55: not met
            Measurement("3.3.1-I4", "2013", 2013, value=4.0),  # falling to 5: met
        ],
    )
    verdicts = _verdicts(plan)
    assert verdicts["1.3.3-I3"] == (MET, "Van 14 in 2011 naar 22 in 2013. De streefwaarde 22 tegen 2013 is bereikt.")
    assert verdicts["2.2.3-I1"][0] == NOT_MET
    assert verdicts["2.2.3-I1"][1] == (
        "Stijging van 37 in 2011 naar 50 in 2013 (+13, +35,1%). Het streefjaar 2013 is "
        "bereikt, maar de streefwaarde 55 niet."
    )
    assert verdicts["3.3.1-I4"][0] == MET
    # Without a final measurement the period's verdict cannot be given.
    assert verdicts["1.4.3-I3"] == (
        NOT_JUDGEABLE,
        (
            "Er is geen eindmeting: voor 2013 staat er geen volledige meting op blad Metingen. De laatste, 4 in 2012, "
            "haalt de streefwaarde 6 tegen 2013 niet. Stijging van 2 in 2011 naar 4 in 2012 (+2, +100%). Dat "
            "is 50% van "
            "de weg naar de streefwaarde 6 tegen 2013. Na 1 van de 2 jaar tot het streefjaar is dat op schema "
            "(minstens 50%)."
        ),
    )
    assert verdicts["1.3.3-I1"] == (NOT_JUDGEABLE, "Nog geen gemeten waarden.")
    rows = _table(open_docx(render_evaluation(plan, today=TODAY)), "Indicator", "Nulmeting")
    assert [
        "1.3.3-I3 nulmeting: aantal allochtone personeelsleden in dienst van het stadsbestuur",
        "14 in 2011",
        "14",
        "17",
        "22",
        "22 tegen 2013",
        MET,
    ] in rows


def test_verdicts_while_the_period_runs():
    verdicts = _verdicts(plan_of("waregem"), date(2013, 6, 1))
    assert verdicts["1.4.3-I3"][0] == ON_COURSE
    assert verdicts["2.2.3-I1"][0] == OFF_COURSE  # 38,9% of the way after half the time


def test_no_target_and_partial_periods_are_not_judgeable_with_the_reason():
    verdicts = _verdicts(plan_of("denderleeuw"))
    assert verdicts["A10911-I4"] == (
        NOT_JUDGEABLE,
        (
            "Pas één volledig jaar gemeten: 322 in 2022. Nog geen evolutie te berekenen. 2021 (juni-december) is geen "
            "volledig jaar: niet vergelijkbaar met de volledige jaren en dus niet meegerekend. Aandeel in 2021 "
            "(juni-december): 68%."
        ),
    )
    plan = _with(
        plan_of("waregem"),
        measurements=[
            Measurement("1.4.2-I1", "2011", 2011, value=3.0),
            Measurement("1.4.2-I1", "2013", 2013, value=7.0),
        ],
    )
    verdict, reason = _verdicts(plan)["1.4.2-I1"]
    assert verdict == NOT_JUDGEABLE
    assert reason.startswith("Er is geen streefwaarde ingevuld, dus of het doel gehaald is, valt niet te zeggen.")
    texts = all_texts(evaluation_of("denderleeuw"))
    header = _table(open_docx(evaluation_of("denderleeuw")), "Indicator", "Nulmeting")[0]
    assert header == ["Indicator", "Nulmeting", "2021 (juni-december)", "2022", "2025", "Streefwaarde", "Oordeel"]
    assert any(t.startswith("A10911-I4: Pas één volledig jaar gemeten") for t in texts)


# ---------------------------------------------------------------- Denderleeuw: the period runs, a draft


def test_denderleeuw_is_a_draft_that_says_which_years_are_open():
    data = evaluation_of("denderleeuw")
    assert _watermarked(data)
    texts = all_texts(data)
    assert (
        "ONTWERP. De planperiode loopt tot 2025; de cijfers van 2023 tot en met 2025 zijn nog niet volledig."
    ) in texts
    late = all_texts(evaluation_of("denderleeuw", date(2025, 5, 2)))
    assert "ONTWERP. De planperiode loopt tot 2025; de cijfers van 2025 zijn nog niet volledig." in late
    assert (
        "De planperiode loopt tot 2025; de cijfers van 2025 zijn nog niet volledig. Dit is daarom een ontwerp; "
        "maak de evaluatie opnieuw als het laatste jaar voorbij is."
    ) in late
    assert not _watermarked(render_evaluation(plan_of("denderleeuw"), today=date(2026, 1, 5)))


def test_denderleeuw_actions_over_six_years():
    rows = _table(open_docx(evaluation_of("denderleeuw")), "Actie", "2020")
    assert rows[0] == ["Actie", "2020", "2021", "2022", "2023", "2024", "2025", "Uitkomst"]
    assert rows[1][1:] == [
        NOT_RUNNING,
        NOT_RUNNING,
        NOT_RUNNING,
        "In uitvoering",
        NOT_RUNNING,
        NOT_RUNNING,
        "Loopt door",
    ]
    assert (
        "Voor 2020, 2021, 2022, 2024 en 2025 is op blad Opvolging voor geen enkele actie een opvolging ingevuld."
    ) in all_texts(evaluation_of("denderleeuw"))


# ---------------------------------------------------------------- the document


def test_charts_are_native_word_charts_with_alt_text():
    with zipfile.ZipFile(io.BytesIO(evaluation_of("waregem"))) as archive:
        charts = [n for n in archive.namelist() if n.startswith("word/charts/chart")]
        body = archive.read("word/document.xml").decode("utf-8")
    assert len(charts) == 1 + 8  # the statuses over the years and the eight indicators measured twice
    assert (
        'descr="Staafgrafiek van de acties per status in elk jaar van de planperiode 2011-2013. 2011: 1 in '
        "uitvoering, 5 afgerond, 71 geen opvolging; 2012: 2 niet gestart, 6 in voorbereiding, 39 in uitvoering, "
        '3 afgerond, 40 geen opvolging; 2013: niets ingevuld."'
    ) in body
    assert "Oordeel: niet te beoordelen." in body


def test_same_workbook_same_document():
    again = render_evaluation(plan_of("waregem"), today=TODAY)
    assert again == evaluation_of("waregem")


def test_waregem_evaluation_is_valid_open_xml(tmp_path):
    path = tmp_path / "evaluatie.docx"
    path.write_bytes(evaluation_of("waregem"))
    result = validate_ooxml(path)
    assert result.returncode == 0, result.stdout[:3000]


def test_committed_template_is_built_by_the_builder(tmp_path):
    assert build_evaluation(tmp_path).read_bytes() == (HERE / "evaluatie.docx").read_bytes()


def test_adjustments_are_listed_when_the_plan_has_them():
    plan = plan_of("waregem")
    if not hasattr(plan, "adjustments"):
        pytest.skip("het model kent nog geen bijsturingen")
    from workbook.plan.model import Adjustment

    changed = dataclasses.replace(
        plan,
        adjustments=(
            Adjustment(
                "1.3.3-I3",
                kind="streefwaarde gewijzigd",
                day=date(2012, 6, 25),
                previous="20",
                new="22",
                decided_by="gemeenteraad",
                reason="meer aanwervingen gepland",
            ),
        ),
    )
    document = open_docx(render_evaluation(changed, today=TODAY))
    assert _table(document, "Datum", "Code")[1] == [
        "25 juni 2012",
        "1.3.3-I3",
        "streefwaarde gewijzigd",
        "20 → 22",
        "gemeenteraad: meer aanwervingen gepland",
    ]


def test_command_writes_the_evaluation_next_to_the_choice_of_folder(tmp_path, capsys):
    assert main(["evaluatie", str(WAREGEM), "--uit", str(tmp_path)]) == 0
    written = tmp_path / "evaluatie-2011-2013-waregem.docx"
    assert capsys.readouterr().out.strip() == str(written)
    assert open_docx(written.read_bytes()).paragraphs[1].text == "Evaluatie 2011-2013"
    assert main(["evaluatie", str(DENDERLEEUW), "--uit", str(tmp_path)]) == 0
    assert (tmp_path / "evaluatie-2020-2025-denderleeuw.docx").exists()
