"""Blind Word plans written without results (actions straight under their objective): imported, they get the
numbering 'klassiek zonder resultaten', check without a structure problem and come back from their plan document;
plans with results keep 'klassiek'."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURES

from reporting.documents import render_plan_document
from reporting.validation import RULES, validate
from workbook.builders.template import build_template, fill
from workbook.plan.model import CLASSIC, CLASSIC_WITHOUT_RESULTS
from workbook.reading.reader import read_plan
from workbook.word_import.importing import import_document

WITHOUT_RESULTS = {
    "word_blind": [
        "03_boom_labeltabel",
        "04_temse_labeltabel_varianten",
        "13_ronse_gemeente_ocmw",
        "14_vilvoorde_plan_samenleven",
    ],
    "word_blind3": [
        "02_zottegem_actietabel_per_sd",
        "03_lochristi_planningstool_export",
        "06_maldegem_indicatortabel_per_od",
        "08_wetteren_actie_nummer_per_od",
        "11_herzele_gemeente_ocmw_tekstvak_cover",
    ],
}
WITH_RESULTS = {"word_blind": ["02_lokeren_vet_manueel"], "word_blind3": ["01_aalter_kopnummering_uit_numbering"]}


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> dict[str, Path]:
    folders = {}
    for corpus in WITHOUT_RESULTS:
        folder = tmp_path_factory.mktemp(corpus)
        maker = FIXTURES / corpus / "make_corpus.py"
        subprocess.run([sys.executable, str(maker), str(folder)], check=True, capture_output=True)
        folders[corpus] = folder
    return folders


def _imported(folder: Path, name: str):
    """The plan as the workbook the import writes holds it, and the lines of its Import sheet."""
    result = import_document(folder / f"{name}.docx")
    workbook = folder / f"{name}.xlsx"
    fill(build_template(), result.data).save(workbook)
    return read_plan(workbook), [note.action for note in result.notes]


@pytest.mark.parametrize("corpus,name", [(c, n) for c, names in WITHOUT_RESULTS.items() for n in names])
def test_a_plan_without_results_checks_without_a_structure_problem(corpora, corpus, name):
    plan, notes = _imported(corpora[corpus], name)
    assert plan.settings.numbering == CLASSIC_WITHOUT_RESULTS
    assert any("de import koos de nummering 'klassiek zonder resultaten'" in note for note in notes)
    assert plan.results == () and plan.actions
    operational = {o.code for o in plan.operational}
    assert all(a.parent_code in operational for a in plan.actions)
    structure = [(i.code, i.cell) for i in validate(plan).issues if RULES[i.code].group == "structuur"]
    assert structure == []


@pytest.mark.parametrize("corpus,name", [(c, n) for c, names in WITH_RESULTS.items() for n in names])
def test_a_plan_with_results_keeps_the_classic_numbering(corpora, corpus, name):
    plan, notes = _imported(corpora[corpus], name)
    assert plan.settings.numbering == CLASSIC and plan.results
    assert not any("zonder resultaten" in note for note in notes)


# Vilvoorde evaluates its strategic objectives (1-I1): the plan document prints those in a table under the
# objective's motivation, and they come back with their code.
ROUND_TRIP = [(c, n) for c, names in WITHOUT_RESULTS.items() for n in names]


@pytest.mark.parametrize("corpus,name", ROUND_TRIP)
def test_the_imported_plan_comes_back_from_its_plan_document(corpora, corpus, name, tmp_path):
    plan, _ = _imported(corpora[corpus], name)
    (tmp_path / "beleidsplan.docx").write_bytes(render_plan_document(plan, today=date(2023, 9, 17)))
    again, _ = _imported(tmp_path, "beleidsplan")
    assert again.settings.numbering == CLASSIC_WITHOUT_RESULTS
    assert [(o.code, o.title, o.domain) for o in again.objectives] == [
        (o.code, o.title, o.domain) for o in plan.objectives
    ]
    fields = ("code", "parent_code", "title", "timing", "description", "lead", "partners", "budget")
    assert [tuple(getattr(a, f) for f in fields) for a in again.actions] == [
        tuple(getattr(a, f) for f in fields) for a in plan.actions
    ]
    assert sorted((i.code, i.text, i.timing) for i in again.indicators) == sorted(
        (i.code, i.text, i.timing) for i in plan.indicators
    )
