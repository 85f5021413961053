"""planrapport importeren: a Word plan in, the same plan in the workbook out, and nothing silently dropped."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from conftest import DENDERLEEUW, FIXTURES, WAREGEM
from documents_support import plan_document
from openpyxl import load_workbook

from planrapport.cli import main
from workbook.reading.reader import read_plan
from workbook.word_import.importing import import_document
from workbook.word_import.sheets import save_imported

WORD = FIXTURES / "word"
LABELLED = sorted(WORD.glob("gelabeld-*.docx"))


def imported(source: Path, tmp_path: Path):
    target = tmp_path / (source.stem + ".xlsx")
    save_imported(import_document(source), target)
    return read_plan(target), target


def objectives(plan):
    return [(o.code, o.title, o.motivation, o.domain, o.level) for o in plan.objectives]


def results(plan):
    return [(r.code, r.text) for r in plan.results]


def indicators_by_parent(plan):
    """Per result or action, the indicators as (timing, text): the plan document groups them by timing."""
    grouped: dict[str, Counter] = {}
    for indicator in plan.indicators:
        grouped.setdefault(indicator.parent_code, Counter())[(indicator.timing, indicator.text)] += 1
    return grouped


def test_the_waregem_plan_gives_the_bundled_example(tmp_path):
    plan, _ = imported(WORD / "waregem-plan.docx", tmp_path)
    example = read_plan(WAREGEM)
    assert (len(plan.strategic), len(plan.operational), len(plan.results), len(plan.actions), len(plan.indicators)) == (
        5,
        29,
        77,
        122,
        148,
    )
    assert objectives(plan) == objectives(example)
    assert results(plan) == results(example)
    assert [(a.code, a.title, a.timing) for a in plan.actions] == [(a.code, a.title, a.timing) for a in example.actions]
    assert [(i.code, i.text, i.timing) for i in plan.indicators] == [
        (i.code, i.text, i.timing) for i in example.indicators
    ]
    settings = plan.settings
    assert (settings.municipality, settings.title, settings.start_year, settings.end_year, settings.numbering) == (
        "Waregem",
        "Integratiebeleidsplan 2011-2013",
        2011,
        2013,
        "klassiek",
    )


def test_the_waregem_chapters_before_and_after_the_objectives(tmp_path):
    plan, _ = imported(WORD / "waregem-plan.docx", tmp_path)
    assert [(c.title, c.after) for c in plan.chapters] == [
        ("Inleiding", False),
        ("Omgevingsanalyse", False),
        ("Opvolging en evaluatie van het plan", True),
    ]
    assert plan.chapters[1].text == (
        "Waregem telt een groeiende groep inwoners van diverse herkomst. "
        "Aandachtspunten:\n\n- werk en opleiding\n- toegankelijke dienstverlening"
    )


def test_the_denderleeuw_follow_up_gives_the_bundled_example(tmp_path):
    plan, target = imported(WORD / "denderleeuw-opvolging.docx", tmp_path)
    example = read_plan(DENDERLEEUW)
    assert objectives(plan) == objectives(example)
    assert [o.code for o in plan.objectives] == ["BD109", "AP1090", "AP1091", "AP1092"]
    assert [(a.code, a.title, a.description, a.see_also, a.parent_code) for a in plan.actions] == [
        (a.code, a.title, a.description, a.see_also, a.parent_code) for a in example.actions
    ]
    assert [a.timing for a in plan.actions] == [""] * 6  # BBC action timing is not in the document
    assert [(f.action_code, f.year, f.status, f.progress, f.time, f.money) for f in plan.follow_ups] == [
        (f.action_code, f.year, f.status, f.progress, f.time, f.money) for f in example.follow_ups
    ]
    assert "**onthaaldag**" in plan.follow_ups[2].progress
    assert [(i.code, i.text, i.timing, i.note) for i in plan.indicators] == [
        (i.code, i.text, i.timing, i.note) for i in example.indicators
    ]
    assert [(m.indicator_code, m.period, m.year, m.partial, m.value, m.share, m.note) for m in plan.measurements] == [
        (m.indicator_code, m.period, m.year, m.partial, m.value, m.share, m.note) for m in example.measurements
    ]
    assert plan.measurements[0].partial and plan.measurements[0].period == "2021 (juni-december)"
    assert (plan.settings.numbering, plan.settings.report_year, plan.settings.municipality) == (
        "BBC",
        2023,
        "Denderleeuw",
    )
    explanation = " ".join(str(c.value) for c in load_workbook(target)["Import"]["E"] if c.value)
    assert "soort, eenheid en gewenste richting van de indicatoren" in explanation
    assert "bij BBC-nummering het tijdstip van de acties" in explanation


def test_bold_phrases_are_bold_in_the_workbook(tmp_path):
    _, target = imported(WORD / "denderleeuw-opvolging.docx", tmp_path)
    cell = load_workbook(target, rich_text=True)["Opvolging"]["D6"]
    bold = [block.text for block in cell.value if getattr(block, "font", None) is not None and block.font.b]
    assert bold == ["onthaaldag", "onthaaltas", "bustoer door Denderleeuw"]


@pytest.mark.parametrize("source", LABELLED, ids=lambda p: p.stem)
def test_labelled_paragraphs(source, tmp_path):
    plan, _ = imported(source, tmp_path)
    assert [(o.code, o.title.casefold()) for o in plan.objectives] == [
        ("1", "samenleven in diversiteit"),
        ("1.1", "nieuwkomers vinden hun weg"),
        ("2", "ontmoeting"),
        ("2.1", "buurten leven"),
    ]
    assert plan.objectives[0].motivation == "De gemeente groeit en wordt diverser."
    assert [r.code for r in plan.results] == ["1.1.1", "1.1.2", "2.1.1"]
    assert plan.results[0].text == "Elke nieuwkomer krijgt een onthaalgesprek"
    assert re.fullmatch(r"Er is een onthaalbrochure in vijf talen\n\n- met een luik over .*", plan.results[1].text)
    found = [(i.code, i.timing, i.text) for i in plan.indicators]
    assert found[0] == ("1.1.1-I1", "Jaarlijks", "aantal onthaalgesprekken")
    assert ("1.1.2-I1", "", "brochure verspreid in 2021") in found
    assert found[-1] == ("2.1.1-I1", "Trend", "aantal buurtfeesten per jaar")
    assert [(c.title, c.after) for c in plan.chapters] == [("Missie en visie", False), ("Begroting en opvolging", True)]
    assert (plan.settings.municipality, plan.settings.start_year, plan.settings.end_year) == ("Zonnegem", 2020, 2025)


def _document_texts(path: Path) -> list[tuple[str, str]]:
    """Every non-empty paragraph and table cell paragraph of the document, with where it stands."""
    document = docx.Document(str(path))
    texts = [("alinea", p.text) for p in document.paragraphs if p.text.strip()]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [("cel", p.text) for p in cell.paragraphs if p.text.strip()]
    return texts


# Structure the import reads but does not keep as text: labels, table headers, headings made of codes.
STRUCTURE = re.compile(
    r"^(?:motivering - duiding|visie|resultaten:?|resultaat:?|verwachte resultaten|acties|actieplannen|"
    r"wijze (?:en|&) tijdstip (?:van )?evaluatie(?: / indicatoren)?:?|status|stand van zaken(?: \((?:toelichting|"
    r"indicator)\))?|tijd(?: \(indicator\))?|geld(?: \(indicator\))?|"
    r"(?:strategische doelstelling|sd\.?) ?\d+ ?:?|(?:operationele doelstelling|od\.?) ?\d+\.\d+\.?|"
    r"20\d\d \(juni-december\)|20\d\d)$",
    re.IGNORECASE,
)


def _normal(text: str) -> str:
    text = re.sub(r"^\s*(?:[\u25aa\u2022-]\s*(?:o\s+)?|o\s+)", "", text)
    text = re.sub(
        r"^(?:\d+\.\d+\.\d+\.?|A\d{5}|BD\d+ -|AP\d+ -|(?:Operationele doelstelling|OD\.?|SD\.?) [\d.]+:?|"
        r"Domein: [^:]*?(?= Operationele)|Zie ook|Motivering:|Wijze en tijdstip (?:van )?evaluatie:)\s*",
        "",
        text.strip(),
    )
    return " ".join(text.replace("*", "").split()).rstrip(":").strip()


@pytest.mark.parametrize(
    "source", [WORD / "waregem-plan.docx", WORD / "denderleeuw-opvolging.docx", *LABELLED], ids=lambda p: p.stem
)
def test_every_line_is_in_the_workbook_or_on_the_import_sheet(source, tmp_path):
    _, target = imported(source, tmp_path)
    book = load_workbook(target)
    kept = " \n ".join(
        " ".join(str(c).replace("*", "").split())
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for c in row
        if c is not None
    )
    missing = []
    for where, text in _document_texts(source):
        core = _normal(text)
        if not core or STRUCTURE.match(core) or STRUCTURE.match(text.strip()):
            continue
        if re.fullmatch(r"[\d\s()%]+", core):  # a value and its share land in two number cells
            numbers = {
                str(c)
                for sheet in book.worksheets
                for row in sheet.iter_rows(values_only=True)
                for c in row
                if isinstance(c, int | float)
            }
            if not set(re.findall(r"\d+", core)) <= numbers:
                missing.append((where, text))
            continue
        parts = (
            [core]
            if core in kept
            else [p.strip() for p in re.split(r"Operationele doelstelling [\d.]+\.|:", core) if p.strip()]
        )
        if not all(p in kept for p in parts):
            missing.append((where, text))
    assert missing == [], missing


def test_a_line_the_import_does_not_understand_goes_on_the_import_sheet(tmp_path):
    source = tmp_path / "plan.docx"
    document = docx.Document()
    document.add_paragraph("Strategische doelstelling 1: Samen leven")
    document.add_paragraph("Operationele doelstelling 1.1: Buren kennen elkaar")
    table = document.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Resultaten", "Acties", "Wijze & tijdstip evaluatie"), strict=False):
        cell.text = text
    table.rows[1].cells[0].text = "Een buurtfeest per wijk"
    table.rows[1].cells[1].text = "Jaarlijks:"
    table.rows[1].cells[1].add_paragraph("\u25aa Buurtfeesten ondersteunen")
    table.rows[2].cells[2].text = "losse regel zonder resultaat"
    document.save(source)
    result = import_document(source)
    assert result.data["Resultaten"][0] == {"Code": "1.1.1", "Resultaat": "Een buurtfeest per wijk"}
    assert result.data["Acties"][0]["Code"] == "1.1.1.1" and result.data["Acties"][0]["Tijdstip"] == "Jaarlijks"
    notes = [(n.position, n.text, n.action) for n in result.notes if n.position != "Telling"]
    assert notes[0] == (
        "tabel 1, rij 2, kolom 1, alinea 1",
        "Een buurtfeest per wijk",
        "Resultaat zonder nummer: genummerd als 1.1.1.",
    )
    assert result.data["Indicatoren"][0]["Indicator"] == "losse regel zonder resultaat"


@pytest.mark.parametrize("example", ["waregem", "denderleeuw"])
def test_round_trip_of_the_plan_document(example, tmp_path):
    source = tmp_path / "beleidsplan.docx"
    source.write_bytes(plan_document(example))
    plan, _ = imported(source, tmp_path)
    original = read_plan(WAREGEM if example == "waregem" else DENDERLEEUW)
    assert objectives(plan) == objectives(original)
    assert results(plan) == results(original)
    assert [(a.code, a.title, a.description) for a in plan.actions] == [
        (a.code, a.title, a.description) for a in original.actions
    ]
    assert [(a.code, a.timing, a.lead, a.partners, a.budget, a.contact) for a in plan.actions] == [
        (a.code, a.timing, a.lead, a.partners, a.budget, a.contact) for a in original.actions
    ]
    assert indicators_by_parent(plan) == indicators_by_parent(original)
    assert [(i.code, i.baseline_year, i.baseline_value, i.target_year, i.target_value) for i in plan.indicators] == [
        (i.code, i.baseline_year, i.baseline_value, i.target_year, i.target_value) for i in original.indicators
    ]
    assert budget(plan) == budget(original)
    assert len(plan.budget_lines) == (9 if example == "waregem" else 0)
    assert plan.settings.title == original.settings.title
    assert plan.settings.municipality == original.settings.municipality
    assert (plan.settings.start_year, plan.settings.end_year) == (
        original.settings.start_year,
        original.settings.end_year,
    )


def budget(plan):
    """The budget lines as the plan document prints them (what was spent is follow-up, not plan)."""
    return [(b.year, b.funding_kind, b.funder, b.description, b.planned, b.note) for b in plan.budget_lines]


def test_the_plan_document_prints_the_free_chapters(tmp_path):
    from reporting.documents import render_plan_document

    plan, _ = imported(WORD / "waregem-plan.docx", tmp_path)
    document = docx.Document(io.BytesIO(render_plan_document(plan)))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == ["Inleiding", "Omgevingsanalyse", "Strategische doelstelling 1: " + plan.strategic[0].title]
    assert headings[-1] == "Opvolging en evaluatie van het plan"
    paragraphs = document.paragraphs
    first = next(n for n, p in enumerate(paragraphs) if p.style.name == "Heading 1" and p.text == "Inleiding")
    assert paragraphs[first + 1].text.startswith("Dit plan beschrijft het lokale integratiebeleid")
    # and the chapters come back when that document is imported again
    again = tmp_path / "opnieuw.docx"
    again.write_bytes(render_plan_document(plan))
    second, _ = imported(again, tmp_path)
    assert [(c.title, c.text, c.after) for c in second.chapters] == [(c.title, c.text, c.after) for c in plan.chapters]


@pytest.mark.parametrize(
    "name, message",
    [
        (
            "plan.doc",
            "plan.doc: dit is een oud Word-document (.doc). planrapport leest alleen Word-documenten "
            "(.docx). Open het in Word (of LibreOffice) en bewaar het als Word-document (.docx); "
            "importeer dan dat bestand.",
        ),
        (
            "plan.pdf",
            "plan.pdf: dit is een PDF-bestand. planrapport leest alleen Word-documenten (.docx). Open het "
            "in Word (of LibreOffice) en bewaar het als Word-document (.docx); importeer dan dat bestand.",
        ),
        (
            "geen-doelstellingen.docx",
            "geen-doelstellingen.docx: in dit document staan geen doelstellingen die "
            "planrapport herkent. Gezocht werd naar 'Strategische doelstelling 1' of 'SD 1' met 'Operationele "
            "doelstelling 1.1' of 'OD 1.1', of BBC-codes 'BD109', 'AP1090' en 'A10900', als kop, vetgedrukte regel of "
            "in een tabel. Er is niets geschreven.",
        ),
    ],
)
def test_refusals(name, message, tmp_path, capsys):
    target = tmp_path / "plan.xlsx"
    assert main(["importeren", str(WORD / name), str(target)]) == 1
    assert capsys.readouterr().err == f"planrapport: {message}\n"
    assert list(tmp_path.iterdir()) == []


def test_an_odt_is_refused(tmp_path, capsys):
    source = tmp_path / "plan.odt"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    assert main(["importeren", str(source), str(tmp_path / "plan.xlsx")]) == 1
    assert capsys.readouterr().err.startswith("planrapport: plan.odt: dit is een OpenDocument-tekst (.odt).")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.odt"]


def test_an_existing_workbook_is_never_overwritten(tmp_path, capsys):
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"mijn werk")
    assert main(["importeren", str(WORD / "gelabeld-1.docx"), str(target)]) == 1
    assert capsys.readouterr().err == (
        "planrapport: plan.xlsx: dit werkboek bestaat al; de import overschrijft "
        "nooit een werkboek. Kies een andere naam.\n"
    )
    assert target.read_bytes() == b"mijn werk"


def test_the_command_prints_what_it_did_and_the_import_list(tmp_path, capsys):
    target = tmp_path / "zonnegem.xlsx"
    assert main(["importeren", str(WORD / "gelabeld-1.docx"), str(target)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        f"{target}: 2 strategische doelstellingen, 2 operationele doelstellingen, 3 resultaten, "
        "0 acties, 4 indicatoren, 2 hoofdstukken, 0 begrotingslijnen."
    )
    assert out[1:3] == [
        "Let op, acties: 0 gevonden, maar het document heeft opsommingstekens onder een resultaat (alinea 15). Kijk "
        "na waar die tekst terechtkwam en vul het blad aan.",
        "Let op, begrotingslijnen: 0 gevonden, maar het document heeft een hoofdstuk 'Begroting en opvolging' "
        "(alinea 23). Kijk na waar die tekst terechtkwam en vul het blad aan.",
    ]
    assert out[3] == "Op het blad Import (5 regels onder de telling):"
    assert (
        out[5] == "- alinea 10: Elke nieuwkomer krijgt een onthaalgesprek -> Resultaat zonder nummer: "
        "genummerd als 1.1.1."
    )
    sheet = load_workbook(target)["Import"]
    assert [c.value for c in sheet[3][:3]] == ["Plaats in het document", "Tekst", "Wat de import deed"]
    assert [c.value for c in sheet[4][:3]] == ["Telling", "Strategische doelstellingen", "2 gevonden"]
    assert sheet["B12"].value == "Elke nieuwkomer krijgt een onthaalgesprek"


def test_with_buttons(tmp_path, capsys):
    target = tmp_path / "zonnegem.xlsm"
    assert main(["importeren", str(WORD / "gelabeld-2.docx"), str(target), "--met-knoppen"]) == 0
    with zipfile.ZipFile(target) as archive:
        assert "xl/vbaProject.bin" in archive.namelist()
    assert [r.code for r in read_plan(target).results] == ["1.1.1", "1.1.2", "2.1.1"]
    assert main(["importeren", str(WORD / "gelabeld-2.docx"), str(tmp_path / "x.xlsx"), "--met-knoppen"]) == 1
    assert "x.xlsx: een werkboek met knoppen moet eindigen op .xlsm." in capsys.readouterr().err


def test_an_objective_without_results_in_the_plan_document_stays_without(tmp_path):
    from dataclasses import replace

    from reporting.documents import render_plan_document

    original = read_plan(WAREGEM)
    plan = replace(
        original,
        results=tuple(r for r in original.results if r.parent_code != "1.2"),
        actions=tuple(a for a in original.actions if not a.code.startswith("1.2.")),
        indicators=tuple(i for i in original.indicators if not i.code.startswith("1.2.")),
    )
    source = tmp_path / "beleidsplan.docx"
    source.write_bytes(render_plan_document(plan))
    result = import_document(source)
    od = next(o for o in result.data["Doelstellingen"] if o["Code"] == "1.2")
    assert "Motivering" not in od
    assert (
        "Onder deze doelstelling staan nog geen resultaten of acties.",
        "Niet overgenomen: een zin die planrapport zelf schrijft.",
    ) in [(n.text, n.action) for n in result.notes]


@pytest.mark.parametrize(
    "content, what",
    [
        (
            b"\x00\x01 geen zip " * 30,
            "dit is geen Word-document (.docx) en geen zip-archief; het bestand is beschadigd of van een ander soort",
        ),
        (b"PK\x03\x04afgekapt", "het bestand is onvolledig (het houdt te vroeg op)"),
    ],
)
def test_a_damaged_document_is_named(content, what, tmp_path, capsys):
    source = tmp_path / "kapot.docx"
    source.write_bytes(content)
    assert main(["importeren", str(source), str(tmp_path / "plan.xlsx")]) == 1
    assert capsys.readouterr().err == (
        f"planrapport: kapot.docx: {what}. Open het in Word en bewaar het opnieuw als .docx. Er is niets geschreven.\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kapot.docx"]


def test_a_missing_document_is_named(tmp_path, capsys):
    assert main(["importeren", str(tmp_path / "weg.docx")]) == 1
    assert capsys.readouterr().err == "planrapport: weg.docx: dit bestand bestaat niet.\n"
    assert list(tmp_path.iterdir()) == []
