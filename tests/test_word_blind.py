"""The blind corpus of Word plans: per document and level, what the import finds against the truth."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from workbook.plan.errors import WorkbookError
from workbook.word_import.importing import import_document

CORPUS = Path(__file__).parent / "fixtures" / "word_blind"
LEVELS = ("chapters", "strategic", "operational", "results", "actions", "indicators", "budget_lines", "settings")
SETTINGS = {
    "municipality": "Gemeente",
    "title": "Titel van het plan",
    "start_year": "Beginjaar",
    "end_year": "Eindjaar",
}

# Per document, per level in LEVELS order: (at least found, at most invented), as reached; only better allowed.
REACHED: dict[str, tuple[tuple[int, int], ...]] = {
    "01_sint-niklaas_pdf_2012": ((7, 0), (6, 0), (18, 0), (46, 0), (65, 0), (46, 0), (0, 0), (4, 0)),
    "02_lokeren_vet_manueel": ((4, 0), (4, 0), (8, 0), (26, 0), (52, 0), (26, 0), (0, 0), (4, 0)),
    "03_boom_labeltabel": ((4, 0), (4, 0), (13, 0), (0, 0), (40, 0), (13, 0), (0, 0), (4, 0)),
    "04_temse_labeltabel_varianten": ((4, 0), (4, 0), (12, 0), (0, 0), (35, 0), (12, 0), (0, 0), (4, 0)),
    "05_harelbeke_waregem_tabellen": ((6, 0), (5, 0), (25, 0), (66, 0), (158, 0), (186, 0), (4, 0), (4, 0)),
    "06_ninove_bbc_opvolging": ((0, 0), (3, 0), (6, 0), (0, 0), (12, 0), (4, 0), (0, 0), (4, 0)),
    "07_tienen_inhoudsveld_koptekst": ((6, 0), (4, 0), (9, 0), (0, 0), (23, 0), (8, 0), (0, 0), (4, 0)),
    "08_geel_koptekst_tabinhoud": ((5, 0), (4, 0), (11, 0), (25, 0), (46, 0), (36, 0), (0, 0), (4, 0)),
    "09_zelzate_resultaten_zonder_acties": ((4, 0), (5, 0), (15, 0), (32, 0), (0, 0), (40, 0), (0, 0), (4, 0)),
    "10_beringen_letterlijke_bullets": ((3, 0), (5, 0), (13, 0), (27, 0), (54, 0), (27, 0), (0, 0), (4, 0)),
    "11_maasmechelen_labels_in_regel": ((4, 0), (4, 0), (10, 0), (23, 0), (42, 0), (23, 0), (0, 0), (4, 0)),
    "12_lebbeke_lopende_tekst": ((4, 0), (3, 0), (8, 0), (14, 0), (22, 0), (14, 0), (0, 0), (3, 0)),
    "13_ronse_gemeente_ocmw": ((6, 0), (4, 0), (10, 0), (0, 0), (33, 0), (10, 0), (4, 0), (4, 0)),
    "14_vilvoorde_plan_samenleven": ((4, 0), (7, 0), (9, 0), (0, 0), (17, 0), (10, 0), (0, 0), (4, 0)),
    "15_herentals_doelstelling_vragen": ((4, 0), (4, 0), (8, 0), (20, 0), (32, 0), (20, 0), (0, 0), (4, 0)),
}


def normal(text: object) -> str:
    """Text compared: bold markers and list dashes dropped, whitespace collapsed, case and end punctuation ignored."""
    lines = [line.strip() for line in str(text or "").replace("**", "").splitlines()]
    lines = [line[2:] if line.startswith("- ") else line for line in lines]
    return " ".join(" ".join(lines).split()).casefold().rstrip(" .;:")


def _objectives(data: dict[str, object]) -> tuple[list[str], list[str]]:
    strategic, operational = [], []
    for row in data["Doelstellingen"]:
        code = str(row["Code"])
        (operational if "." in code or code.startswith("AP") else strategic).append(normal(row.get("Titel")))
    return strategic, operational


def found_texts(imported) -> dict[str, list[str]]:
    data = imported.data
    strategic, operational = _objectives(data)
    return {
        "chapters": [normal(c.title) for c in imported.chapters],
        "strategic": strategic,
        "operational": operational,
        "results": [normal(r.get("Resultaat")) for r in data["Resultaten"]],
        "actions": [normal(a.get("Actie")) for a in data["Acties"]],
        "indicators": [normal(i.get("Indicator")) for i in data["Indicatoren"]],
        "budget_lines": [normal(b.get("Omschrijving")) for b in data.get("Begroting", [])],
    }


def expected_texts(truth: dict) -> dict[str, list[str]]:
    """The truth per level; evaluation lines of results are rows of Indicatoren too."""
    evaluations = [e["text"] for r in truth["results"] for e in r.get("evaluation") or []]
    return {
        "chapters": [normal(c["title"]) for c in truth["chapters"]],
        "strategic": [normal(s["title"]) for s in truth["strategic"]],
        "operational": [normal(o["title"]) for o in truth["operational"]],
        "results": [normal(r["text"]) for r in truth["results"]],
        "actions": [normal(a["title"]) for a in truth["actions"]],
        "indicators": [normal(t) for t in [i["text"] for i in truth["indicators"]] + evaluations],
        "budget_lines": [normal(b["description"]) for b in truth["budget_lines"]],
    }


# The truth's action fields and the columns of Acties they go to; indicators' baseline and target likewise.
ACTION_FIELDS = {"lead": "Trekker", "timing": "Tijdstip", "partners": "Partners", "budget": "Budget/personeelsinzet"}
INDICATOR_FIELDS = {"baseline": "Nulmeting waarde", "target": "Streefwaarde"}


def _figure(value: object) -> object:
    if isinstance(value, int | float):
        return float(value)
    text = str(value).replace("\u20ac", "").replace(".", "").replace(",", ".").replace("%", "").strip()
    try:
        return float(text)
    except ValueError:
        return normal(value)


def field_scores(imported, truth: dict) -> tuple[int, int, int]:
    """(right, expected, wrong) over the fields of the actions and indicators found: trekker, timing, partners and
    budget (an objective's fields count for each action under it), baseline and target. Wrong: another value than
    the truth's, or a trekker or timing where the truth has none (text of something else run into a field)."""
    right = expected = wrong = 0
    operational = {o["code"]: o for o in truth["operational"]}
    actions: dict[str, list[dict]] = {}
    for row in imported.data["Acties"]:
        actions.setdefault(normal(row.get("Actie")), []).append(row)
    for action in truth["actions"]:
        found = actions.get(normal(action["title"]))
        if not found:
            continue  # counted as a missing action
        row = found.pop(0)
        code = str(action.get("parent"))
        parent = operational.get(code) or operational.get(".".join(code.split(".")[:2]))
        for field, column in ACTION_FIELDS.items():
            want = action.get(field) if action.get(field) is not None else (parent or {}).get(field)
            have = row.get(column)
            if want is not None:
                expected += 1
                right += normal(have) == normal(want)
                wrong += bool(have) and normal(have) != normal(want)
            elif have and field in ("lead", "timing"):
                wrong += 1
    indicators: dict[str, list[dict]] = {}
    for row in imported.data["Indicatoren"]:
        indicators.setdefault(normal(row.get("Indicator")), []).append(row)
    for indicator in truth["indicators"]:
        found = indicators.get(normal(indicator["text"]))
        if not found:
            continue
        row = found.pop(0)
        for field, column in INDICATOR_FIELDS.items():
            want, have = indicator.get(field), row.get(column)
            if want is not None:
                expected += 1
                right += have is not None and _figure(have) == _figure(want)
                wrong += have is not None and _figure(have) != _figure(want)
            elif have is not None:
                wrong += 1
    return right, expected, wrong


def score(imported, truth: dict) -> dict[str, tuple[int, int, int]]:
    """Per level (found, expected, invented): found counts truth items present with their text; "fields" the
    fields of the items found (right, expected, wrong)."""
    scores: dict[str, tuple[int, int, int]] = {}
    if imported is None:
        expected = expected_texts(truth)
        scores = {level: (0, len(texts), 0) for level, texts in expected.items()}
    else:
        found, expected = found_texts(imported), expected_texts(truth)
        for level, texts in expected.items():
            want, have = Counter(texts), Counter(found[level])
            matched = sum((want & have).values())
            scores[level] = (matched, len(texts), sum(have.values()) - matched)
    settings = imported.data["Instellingen"] if imported is not None else {}
    want = {key: value for key, value in truth["settings"].items() if value is not None}
    right = sum(1 for key, value in want.items() if normal(settings.get(SETTINGS[key])) == normal(value))
    wrong = sum(
        1
        for key, name in SETTINGS.items()
        if settings.get(name) not in (None, "") and normal(settings.get(name)) != normal(truth["settings"].get(key))
    )
    scores["settings"] = (right, len(want), wrong)
    scores["fields"] = field_scores(imported, truth) if imported is not None else (0, 0, 0)
    return scores


def run_corpus(folder: Path, corpus: Path = CORPUS) -> dict[str, tuple[dict[str, tuple[int, int, int]], float]]:
    """Make the corpus in `folder`, import each plan and score it: per document the scores and the import time."""
    subprocess.run([sys.executable, str(corpus / "make_corpus.py"), str(folder)], check=True, capture_output=True)
    outcome = {}
    for source in sorted(folder.glob("*.docx")):
        truth = json.loads(source.with_suffix(".json").read_text(encoding="utf-8"))
        start = time.perf_counter()
        try:
            imported = import_document(source)
        except WorkbookError:
            imported = None
        outcome[source.stem] = (score(imported, truth), time.perf_counter() - start)
    return outcome


def table(outcome: dict[str, tuple[dict[str, tuple[int, int, int]], float]]) -> str:
    """A markdown table: per document and level found/expected (+invented), and the import time."""
    short = {"budget_lines": "budget", "operational": "operat.", "indicators": "indic."}
    lines = [
        "| document | " + " | ".join(short.get(level, level) for level in (*LEVELS, "velden")) + " | s |",
        "|---" * (len(LEVELS) + 3) + "|",
    ]
    totals = {level: [0, 0, 0] for level in (*LEVELS, "fields")}
    for name, (scores, seconds) in outcome.items():
        cells = []
        for level in (*LEVELS, "fields"):
            found, expected, invented = scores[level]
            totals[level] = [a + b for a, b in zip(totals[level], scores[level], strict=True)]
            cells.append(
                "" if not expected and not invented else f"{found}/{expected}" + (f" +{invented}" if invented else "")
            )
        lines.append(f"| {name[:2]} | " + " | ".join(cells) + f" | {seconds:.2f} |")
    cells = [f"{f}/{e}" + (f" +{i}" if i else "") for f, e, i in totals.values()]
    lines.append("| alle | " + " | ".join(cells) + " | |")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def outcome(tmp_path_factory) -> dict[str, tuple[dict[str, tuple[int, int, int]], float]]:
    result = run_corpus(tmp_path_factory.mktemp("word_blind"))
    print("\n" + table(result))
    return result


def test_the_corpus_has_fifteen_plans(outcome):
    assert len(outcome) == 15


def keeps_what_it_reached(
    scores: dict[str, tuple[int, int, int]], name: str, reached: tuple[tuple[int, int], ...]
) -> None:
    for level, (at_least, at_most) in zip(LEVELS, reached, strict=True):
        found, expected, invented = scores[level]
        assert found >= at_least, f"{name} {level}: {found}/{expected} gevonden, eerder {at_least}"
        assert invented <= at_most, f"{name} {level}: {invented} verzonnen, eerder {at_most}"


@pytest.mark.parametrize("name", sorted(REACHED))
def test_each_document_keeps_what_it_reached(outcome, name):
    keeps_what_it_reached(outcome[name][0], name, REACHED[name])


def reads_every_field(
    scores: dict[str, tuple[int, int, int]], name: str, reached: tuple[int, int] | None = None
) -> None:
    """Every field right and none wrong; or, for a corpus still on its way there, at least and at most `reached`."""
    right, expected, wrong = scores["fields"]
    at_least, at_most = reached if reached is not None else (expected, 0)
    assert right >= at_least and wrong <= at_most, f"{name} velden: {right}/{expected} goed, {wrong} fout"


@pytest.mark.parametrize("name", sorted(REACHED))
def test_each_document_reads_every_field_of_what_it_found(outcome, name):
    reads_every_field(outcome[name][0], name)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        print(table(run_corpus(Path(folder))))


def corpus_tests(
    corpus: Path,
    reached: dict[str, tuple[tuple[int, int], ...]],
    plans: int,
    fields: dict[str, tuple[int, int]] | None = None,
):
    """The module fixture and tests of a further blind corpus: it imports every plan once, has `plans` plans, each
    document keeps what it reached and reads every field of what it found (or, with `fields`, at least the right
    and at most the wrong fields given per document). Assign the four to names in the corpus' module."""

    @pytest.fixture(scope="module")
    def outcome(tmp_path_factory) -> dict[str, tuple[dict[str, tuple[int, int, int]], float]]:
        result = run_corpus(tmp_path_factory.mktemp(corpus.name), corpus)
        print("\n" + table(result))
        return result

    def test_the_corpus_has_all_its_plans(outcome):
        assert len(outcome) == plans

    @pytest.mark.parametrize("name", sorted(reached))
    def test_each_document_keeps_what_it_reached(outcome, name):
        keeps_what_it_reached(outcome[name][0], name, reached[name])

    @pytest.mark.parametrize("name", sorted(reached))
    def test_each_document_reads_every_field_of_what_it_found(outcome, name):
        reads_every_field(outcome[name][0], name, (fields or {}).get(name))

    return (
        outcome,
        test_the_corpus_has_all_its_plans,
        test_each_document_keeps_what_it_reached,
        test_each_document_reads_every_field_of_what_it_found,
    )
