"""Random plans written through the template come back from the reader unchanged."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.builders.template import build_template, fill
from workbook.reading.reader import read_plan

# Text an officer may type: accents, quotes, bullets, emoji, right-to-left script, markup-like characters.
ALPHABET = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs"),
    exclude_characters="\x00*",
)
TEXT = st.text(ALPHABET, min_size=1, max_size=60).map(str.strip).filter(bool)
FORMULA_LIKE = st.sampled_from(["=SOM(A1:A3)", "+32 9 123 45 67", "-5 tot -10", "@home", "#REF!"])
OFFICER_TEXT = st.one_of(TEXT, FORMULA_LIKE, TEXT.map(lambda t: f"R&D <pilot> {{{{ {t} }}}}"))


@st.composite
def plans(draw):
    start = draw(st.integers(2010, 2030))
    end = start + draw(st.integers(0, 6))
    n_goals = draw(st.integers(1, 3))
    objectives, results, actions, follow_ups, indicators, measurements = [], [], [], [], [], []
    for g in range(1, n_goals + 1):
        objectives.append({"Code": str(g), "Titel": draw(OFFICER_TEXT), "Motivering": draw(OFFICER_TEXT)})
        objectives.append({"Code": f"{g}.1", "Titel": draw(OFFICER_TEXT), "Domein": draw(TEXT)})
        for r in range(1, draw(st.integers(1, 3)) + 1):
            code = f"{g}.1.{r}"
            results.append({"Code": code, "Resultaat": draw(OFFICER_TEXT)})
            for a in range(1, draw(st.integers(0, 2)) + 1):
                actions.append(
                    {
                        "Code": f"{code}.{a}",
                        "Tijdstip": f"Vanaf {start}",
                        "Actie": draw(OFFICER_TEXT),
                        "Trekker": draw(TEXT),
                    }
                )
                follow_ups.append(
                    {
                        "Actie": f"{code}.{a}",
                        "Jaar": end,
                        "Status": "In uitvoering",
                        "Stand van zaken": draw(OFFICER_TEXT) + " **" + draw(TEXT) + "**",
                    }
                )
            indicators.append(
                {
                    "Code": f"{code}-I1",
                    "Indicator": draw(OFFICER_TEXT),
                    "Soort": "kwantitatief",
                    "Eenheid": "aantal",
                    "Gewenste richting": "stijgen",
                }
            )
            for year in range(start, end + 1):
                measurements.append(
                    {"Indicator": f"{code}-I1", "Periode": str(year), "Waarde": draw(st.integers(0, 10**6))}
                )
    return {
        "Instellingen": {
            "Gemeente": draw(TEXT),
            "Titel van het plan": draw(OFFICER_TEXT),
            "Beginjaar": start,
            "Eindjaar": end,
            "Rapportjaar": end,
            "Nummering": "klassiek",
        },
        "Doelstellingen": objectives,
        "Resultaten": results,
        "Acties": actions,
        "Opvolging": follow_ups,
        "Indicatoren": indicators,
        "Metingen": measurements,
    }


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_random_plans_round_trip(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.xlsx"
        fill(build_template(), data).save(path)
        plan = read_plan(path)
    assert plan.settings.title == data["Instellingen"]["Titel van het plan"]
    assert [(o.code, o.title) for o in plan.objectives] == [(o["Code"], o["Titel"]) for o in data["Doelstellingen"]]
    assert [r.text for r in plan.results] == [r["Resultaat"] for r in data["Resultaten"]]
    assert [(a.code, a.title, a.lead) for a in plan.actions] == [
        (a["Code"], a["Actie"], a["Trekker"]) for a in data["Acties"]
    ]
    assert [f.progress for f in plan.follow_ups] == [f["Stand van zaken"] for f in data["Opvolging"]]
    assert [i.text for i in plan.indicators] == [i["Indicator"] for i in data["Indicatoren"]]
    assert [m.value for m in plan.measurements] == [m["Waarde"] for m in data["Metingen"]]
