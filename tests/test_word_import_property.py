"""Random plans: the plan document planrapport writes, imported again, gives back the same plan."""

from __future__ import annotations

import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reporting.documents import render_plan_document
from workbook.builders.template import build_template, fill
from workbook.reading.reader import read_plan
from workbook.word_import.importing import import_document

# Words as plans use them: accents, quotes, ampersands, brackets, slashes, numbers inside a sentence.
WORDS = st.sampled_from(
    [
        "stad",
        "OCMW",
        "nieuwkomers",
        "één",
        "café",
        "'participatie'",
        "R&D",
        "<pilot>",
        "i.s.m.",
        "e.a.",
        "diversiteit",
        "Nederlands",
        "2 keer",
        "50%",
        "zelforganisaties",
        "(super)divers",
        "en/of",
        "‘samen’",
        "Waregemnaren",
        "jeugdwerk",
        "overleg",
        "naïef",
        "{{ x }}",
        "scholen",
        "vzw",
        "buurt",
        "taal",
        "werk",
    ]
)
SENTENCE = st.lists(WORDS, min_size=2, max_size=12).map(lambda words: " ".join(words).capitalize())
TIMINGS = st.sampled_from(["Jaarlijks", "2021", "2023", "Vanaf 2022", "2021-2023", "Trend", "Norm", "2023: Eindmeting"])


@st.composite
def plans(draw):
    objectives, results, actions, indicators = [], [], [], []
    for g in range(1, draw(st.integers(1, 3)) + 1):
        motivation = "\n\n".join(draw(st.lists(SENTENCE, max_size=2)))
        objectives.append({"Code": str(g), "Titel": draw(SENTENCE), "Motivering": motivation})
        for o in range(1, draw(st.integers(1, 3)) + 1):
            objectives.append(
                {
                    "Code": f"{g}.{o}",
                    "Titel": draw(SENTENCE),
                    "Domein": draw(st.sampled_from(["", "onderwijs", "werk"])),
                }
            )
            for r in range(1, draw(st.integers(1, 3)) + 1):
                code = f"{g}.{o}.{r}"
                results.append({"Code": code, "Resultaat": draw(SENTENCE)})
                timings = sorted(
                    draw(st.lists(TIMINGS, max_size=4)),
                    key=[
                        "Jaarlijks",
                        "2021",
                        "2023",
                        "Vanaf 2022",
                        "2021-2023",
                        "Trend",
                        "Norm",
                        "2023: Eindmeting",
                    ].index,
                )
                for a, timing in enumerate(timings[:3], start=1):
                    actions.append(
                        {
                            "Code": f"{code}.{a}",
                            "Tijdstip": timing.split(":")[0]
                            if timing in ("Trend", "Norm", "2023: Eindmeting")
                            else timing,
                            "Actie": draw(SENTENCE),
                        }
                    )
                for i, timing in enumerate(draw(st.lists(TIMINGS, max_size=3)), start=1):
                    indicators.append({"Code": f"{code}-I{i}", "Tijdstip": timing, "Indicator": draw(SENTENCE)})
    return {
        "Instellingen": {
            "Gemeente": "Zonnegem",
            "Titel van het plan": "Beleidsplan 2021-2023",
            "Beginjaar": 2021,
            "Eindjaar": 2023,
            "Rapportjaar": 2023,
            "Nummering": "klassiek",
        },
        "Doelstellingen": objectives,
        "Resultaten": results,
        "Acties": actions,
        "Indicatoren": indicators,
    }


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_random_plans_come_back_from_their_plan_document(data):
    with tempfile.TemporaryDirectory() as folder:
        workbook = Path(folder) / "plan.xlsx"
        fill(build_template(), data).save(workbook)
        original = read_plan(workbook)
        document = Path(folder) / "beleidsplan.docx"
        document.write_bytes(render_plan_document(original, today=date(2023, 9, 17)))
        result = import_document(document)
        again = Path(folder) / "terug.xlsx"
        fill(build_template(), result.data).save(again)
        plan = read_plan(again)
    assert [(o.code, o.title, o.motivation, o.domain) for o in plan.objectives] == [
        (o.code, o.title, o.motivation, o.domain) for o in original.objectives
    ]
    assert [(r.code, r.text) for r in plan.results] == [(r.code, r.text) for r in original.results]
    assert Counter((a.parent_code, a.timing, a.title) for a in plan.actions) == Counter(
        (a.parent_code, a.timing, a.title) for a in original.actions
    )
    assert Counter((i.parent_code, i.timing, i.text) for i in plan.indicators) == Counter(
        (i.parent_code, i.timing, i.text) for i in original.indicators
    )


@st.composite
def plans_without_results(draw):
    """Classic plans as many councils write them: actions 1.1.1, 1.1.2 straight under their objective, with their
    description, trekker, partners and budget."""
    objectives, actions, indicators = [], [], []
    for g in range(1, draw(st.integers(1, 3)) + 1):
        objectives.append({"Code": str(g), "Titel": draw(SENTENCE)})
        for o in range(1, draw(st.integers(1, 3)) + 1):
            objectives.append({"Code": f"{g}.{o}", "Titel": draw(SENTENCE)})
            for a in range(1, draw(st.integers(1, 3)) + 1):
                code = f"{g}.{o}.{a}"
                actions.append(
                    {
                        "Code": code,
                        "Tijdstip": draw(st.sampled_from(["Jaarlijks", "2021", "Vanaf 2022", "2021-2023"])),
                        "Actie": draw(SENTENCE),
                        "Omschrijving": draw(st.one_of(st.just(""), SENTENCE)),
                        "Trekker": draw(st.sampled_from(["", "Integratiedienst", "OCMW"])),
                        "Partners": draw(st.sampled_from(["", "Bib", "Agentschap Integratie en Inburgering"])),
                        "Budget/personeelsinzet": draw(st.sampled_from(["", "€ 2.500", "0,5 VTE"])),
                    }
                )
                for i, timing in enumerate(draw(st.lists(TIMINGS, max_size=2)), start=1):
                    indicators.append({"Code": f"{code}-I{i}", "Tijdstip": timing, "Indicator": draw(SENTENCE)})
    return {
        "Instellingen": {
            "Gemeente": "Zonnegem",
            "Titel van het plan": "Beleidsplan 2021-2023",
            "Beginjaar": 2021,
            "Eindjaar": 2023,
            "Rapportjaar": 2023,
            "Nummering": "klassiek zonder resultaten",
        },
        "Doelstellingen": objectives,
        "Acties": actions,
        "Indicatoren": indicators,
    }


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans_without_results())
def test_random_plans_without_results_come_back_from_their_plan_document(data):
    with tempfile.TemporaryDirectory() as folder:
        workbook = Path(folder) / "plan.xlsx"
        fill(build_template(), data).save(workbook)
        original = read_plan(workbook)
        document = Path(folder) / "beleidsplan.docx"
        document.write_bytes(render_plan_document(original, today=date(2023, 9, 17)))
        result = import_document(document)
        again = Path(folder) / "terug.xlsx"
        fill(build_template(), result.data).save(again)
        plan = read_plan(again)
    assert plan.settings.numbering == original.settings.numbering == "klassiek zonder resultaten"
    assert plan.results == ()
    assert [(o.code, o.title) for o in plan.objectives] == [(o.code, o.title) for o in original.objectives]
    fields = ("code", "parent_code", "timing", "title", "description", "lead", "partners", "budget")
    assert [tuple(getattr(a, f) for f in fields) for a in plan.actions] == [
        tuple(getattr(a, f) for f in fields) for a in original.actions
    ]
    assert Counter((i.parent_code, i.timing, i.text) for i in plan.indicators) == Counter(
        (i.parent_code, i.timing, i.text) for i in original.indicators
    )
