"""Lists as the plan writes them: bullets, numbers and letters, at two levels, as real Word lists in both documents."""

from __future__ import annotations

import pytest
from documents_support import DOCUMENTS, REPORT_DATE, W, paragraph_text, part

from reporting.documents import render_plan_document, render_year_report
from reporting.documents.wordml.text import Block, blocks
from workbook.reading.reader import read_plan

WORKBOOK = DOCUMENTS / "opsommingen-in-tekst.xlsx"
# (text, number format, level) of every paragraph of the text of the fixture, in order; "" for a plain paragraph.
EXPECTED = [
    ("We werken in drie stappen:", "", None),
    ("een bevraging van de verenigingen", "decimal", 0),
    ("de sportclubs", "lowerLetter", 1),
    ("de jeugdbewegingen", "lowerLetter", 1),
    ("een startdag in het gemeentehuis", "decimal", 0),
    ("een evaluatie met de adviesraad", "decimal", 0),
    ("Daarna volgt:", "", None),
    ("een verslag", "bullet", 0),
    ("aan het college", "bullet", 1),
    ("aan de gemeenteraad", "bullet", 1),
    ("een nieuwe ronde in 2024", "bullet", 0),
]


def test_lines_with_a_mark_become_items_and_the_other_lines_stay_paragraphs():
    assert blocks("Intro:\n- a\n- b") == [Block("Intro:"), Block("a", "bullet"), Block("b", "bullet")]
    assert blocks("1) een\n- a. sub\n- b. sub\n2) twee") == [
        Block("een", "decimal", 0, ")", 1),
        Block("sub", "letter", 1, ".", 1),
        Block("sub", "letter", 1, ".", 2),
        Block("twee", "decimal", 0, ")", 2),
    ]
    assert blocks("- boven\n  - onder\n- boven") == [
        Block("boven", "bullet"),
        Block("onder", "bullet", 1),
        Block("boven", "bullet"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i. een\nii. twee", [Block("een", "roman", 0, ".", 1), Block("twee", "roman", 0, ".", 2)]),
        ("h. acht\ni. negen", [Block("acht", "letter", 0, ".", 8), Block("negen", "letter", 0, ".", 9)]),
        ("a) een\nb) twee", [Block("een", "letter", 0, ")", 1), Block("twee", "letter", 0, ")", 2)]),
        ("1. een\n* twee", [Block("een", "decimal", 0, ".", 1), Block("twee", "bullet", 1)]),
        (
            "1.5 miljoen euro\n2024. Een goed jaar.\n**Vet** blijft tekst",
            [Block("1.5 miljoen euro\n2024. Een goed jaar.\n**Vet** blijft tekst")],
        ),
        (
            "- 1) eerste lijst\nTussenzin\n- tweede lijst",
            [Block("eerste lijst", "decimal", 0, ")", 1), Block("Tussenzin"), Block("tweede lijst", "bullet")],
        ),
    ],
)
def test_marks_keep_their_meaning(text, expected):
    assert blocks(text) == expected


def _numbering(data: bytes) -> dict[str, tuple[dict[int, str], dict[int, str]]]:
    """numId -> (number format per level, start override per level)."""
    root = part(data, "word/numbering.xml")
    formats = {
        a.get(f"{W}abstractNumId"): {
            int(lvl.get(f"{W}ilvl")): lvl.find(f"{W}numFmt").get(f"{W}val") for lvl in a.findall(f"{W}lvl")
        }
        for a in root.findall(f"{W}abstractNum")
    }
    found = {}
    for num in root.findall(f"{W}num"):
        starts = {
            int(o.get(f"{W}ilvl")): o.find(f"{W}startOverride").get(f"{W}val") for o in num.findall(f"{W}lvlOverride")
        }
        found[num.get(f"{W}numId")] = (formats[num.find(f"{W}abstractNumId").get(f"{W}val")], starts)
    return found


def _listed(data: bytes, first: str, count: int) -> list[tuple[str, str, int | None, str | None]]:
    """(text, number format, level, numId) of `count` body paragraphs from the one whose text is `first`."""
    numbering = _numbering(data)
    paragraphs = list(part(data, "word/document.xml").iter(f"{W}p"))
    start = next(i for i, p in enumerate(paragraphs) if paragraph_text(p) == first)
    found = []
    for paragraph in paragraphs[start : start + count]:
        properties = paragraph.find(f"{W}pPr/{W}numPr")
        if properties is None:
            found.append((paragraph_text(paragraph), "", None, None))
            continue
        level = int(properties.find(f"{W}ilvl").get(f"{W}val"))
        num_id = properties.find(f"{W}numId").get(f"{W}val")
        found.append((paragraph_text(paragraph), numbering[num_id][0][level], level, num_id))
    return found


@pytest.mark.parametrize("render", [render_year_report, render_plan_document], ids=["jaarrapport", "beleidsplan"])
def test_items_are_word_list_paragraphs_at_their_level(render):
    data = render(read_plan(WORKBOOK), today=REPORT_DATE)
    listed = _listed(data, "We werken in drie stappen:", len(EXPECTED))
    assert [(text, kind, level) for text, kind, level, _ in listed] == EXPECTED
    # The paragraphs are real lists: no typed marks left in their text.
    assert not any(text.startswith(("-", "•", "1)", "a.")) for text, *_ in listed)


def test_numbered_runs_restart_at_the_number_the_plan_gave():
    data = render_year_report(read_plan(WORKBOOK), today=REPORT_DATE)
    numbering = _numbering(data)
    listed = _listed(data, "We werken in drie stappen:", len(EXPECTED))
    numbers = [numbering[num_id][1] for _, kind, _, num_id in listed if kind in ("decimal", "lowerLetter")]
    # 1) | a. b. | 2) 3): three runs, each its own w:num starting where the plan's numbers are.
    assert numbers == [{0: "1"}, {1: "1"}, {1: "1"}, {0: "2"}, {0: "2"}]
    assert len({num_id for _, kind, _, num_id in listed if kind == "lowerLetter"}) == 1


def test_the_description_and_the_stand_van_zaken_both_get_lists_in_the_year_report():
    data = render_year_report(read_plan(WORKBOOK), today=REPORT_DATE)
    texts = [paragraph_text(p) for p in part(data, "word/document.xml").iter(f"{W}p")]
    assert texts.count("We werken in drie stappen:") == 2
    assert texts.count("een startdag in het gemeentehuis") == 2


@pytest.mark.parametrize("render", [render_year_report, render_plan_document], ids=["jaarrapport", "beleidsplan"])
def test_a_motivation_gets_its_list_and_its_bold_phrases(render):
    data = render(read_plan(WORKBOOK), today=REPORT_DATE)
    listed = _listed(data, "Waarom dit doel:", 3)
    assert [(text, kind, level) for text, kind, level, _ in listed] == [
        ("Waarom dit doel:", "", None),
        ("de verenigingen vragen erom", "bullet", 0),
        ("de adviesraad adviseerde het", "bullet", 0),
    ]
    paragraph = next(
        p for p in part(data, "word/document.xml").iter(f"{W}p") if paragraph_text(p) == "de verenigingen vragen erom"
    )
    bold = [
        "".join(t.text for t in r.iter(f"{W}t")) for r in paragraph.iter(f"{W}r") if r.find(f"{W}rPr/{W}b") is not None
    ]
    assert bold == ["de verenigingen"]
