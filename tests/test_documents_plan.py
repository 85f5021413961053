"""The plan document (beleidsplan): every result, action and indicator once, in its own row of its own table."""

from __future__ import annotations

import re
from collections import Counter

from documents_support import W, open_docx, paragraph_text, part, plan_document, plan_of

from reporting.documents.contexts.structure import plan_tree

PLAN_HEADERS = ["Resultaten", "Acties", "Wijze & tijdstip evaluatie / indicatoren"]


def _plan_tables(data: bytes) -> dict[str, list[list[list[tuple[str, str]]]]]:
    """OD code -> rows -> cells -> (style, text) per paragraph, for the three-column tables of the document."""
    document = open_docx(data)
    styles = {s.style_id: s.name for s in document.styles}
    body = part(data, "word/document.xml").find(f"{W}body")
    tables: dict[str, list] = {}
    current = None
    for node in body:
        if node.tag == f"{W}p":
            style = node.find(f"{W}pPr/{W}pStyle")
            if style is not None and styles.get(style.get(f"{W}val")) == "Heading 2":
                current = re.search(r"doelstelling (\S+):|Actieplan (\S+):", paragraph_text(node))
                current = next(g for g in current.groups() if g)
        elif (
            node.tag == f"{W}tbl"
            and node.find(f"{W}tblPr/{W}tblCaption") is not None
            and node.find(f"{W}tblPr/{W}tblCaption").get(f"{W}val") == "Resultaten, acties en indicatoren"
        ):
            rows = []
            for row in node.findall(f"{W}tr"):
                cells = []
                for cell in row.findall(f"{W}tc"):
                    cells.append(
                        [
                            (
                                styles.get(p.find(f"{W}pPr/{W}pStyle").get(f"{W}val"), "")
                                if p.find(f"{W}pPr/{W}pStyle") is not None
                                else "",
                                paragraph_text(p),
                            )
                            for p in cell.findall(f"{W}p")
                        ]
                    )
                rows.append(cells)
            assert current not in tables, f"two tables under {current}"
            tables[current] = rows
    return tables


def _items(cell: list[tuple[str, str]]) -> list[str]:
    return [text for style, text in cell if style == "Tabelopsomming"]


def test_every_result_action_and_indicator_of_waregem_once_in_the_row_of_its_result():
    plan = plan_of("waregem")
    tree = plan_tree(plan)
    tables = _plan_tables(plan_document("waregem"))
    assert not tree.unplaced
    operational = [od for sd in tree.strategic for od in tree.operational.get(sd.code, [])]
    assert sorted(tables) == sorted(od.code for od in operational)
    seen = Counter()
    for od in operational:
        rows = tables[od.code]
        assert [text for _, text in (cell[0] for cell in rows[0])] == PLAN_HEADERS
        results = tree.results.get(od.code, [])
        assert len(rows) - 1 == len(results) + (1 if tree.actions.get(od.code) else 0)
        for row, result in zip(rows[1:], results, strict=False):
            actions = tree.actions.get(result.code, [])
            indicators = tree.indicators_under(result.code, actions)
            assert [text for _, text in row[0]] == [f"{result.code} {result.text}"]
            assert sorted(_items(row[1])) == sorted(a.title for a in actions)
            assert sorted(_items(row[2])) == sorted(i.text for i in indicators)
            seen.update(("resultaat", result.code) for _ in [0])
            seen.update(("actie", a.code) for a in actions)
            seen.update(("indicator", i.code) for i in indicators)
    assert {code for kind, code in seen if kind == "resultaat"} == {r.code for r in plan.results}
    assert {code for kind, code in seen if kind == "actie"} == {a.code for a in plan.actions}
    assert {code for kind, code in seen if kind == "indicator"} == {i.code for i in plan.indicators}
    assert max(seen.values()) == 1


def test_texts_of_the_plan_appear_nowhere_else_in_the_document():
    plan = plan_of("waregem")
    data = plan_document("waregem")
    body = part(data, "word/document.xml").find(f"{W}body")
    outside = Counter(paragraph_text(p) for node in body if node.tag == f"{W}p" for p in [node])
    inside = Counter(paragraph_text(p) for table in body.findall(f"{W}tbl") for p in table.iter(f"{W}p"))
    expected = Counter([a.title for a in plan.actions] + [i.text for i in plan.indicators])
    for text, number in expected.items():
        assert outside[text] == 0, text
        assert inside[text] == number, text


def test_actions_and_indicators_sit_under_their_timing_header_as_in_the_seed():
    tables = _plan_tables(plan_document("waregem"))
    row = tables["1.2"][1]  # result 1.2.1
    assert [(style, text) for style, text in row[1] if style == "Tijdskop"] == [
        ("Tijdskop", "2011:"),
        ("Tijdskop", "Vanaf 2012:"),
    ]
    assert [text for style, text in row[2] if style == "Tijdskop"] == ["Jaarlijks:", "Vanaf 2012 jaarlijks:"]
    row = tables["1.3"][3]  # result 1.3.3
    assert [text for style, text in row[2] if style == "Tijdskop"] == ["Norm:", "Trend:", "2011:", "2013:"]
    assert row[2][1] == (
        "Tabelopsomming",
        "Het aandeel personeelsleden van vreemde origine in het personeelsbestand "
        "van de stad en het OCMW is een afspiegeling van hun aandeel in de bevolking",
    )


def test_strategic_objectives_carry_their_motivation_and_operational_ones_their_domain():
    paragraphs = open_docx(plan_document("waregem")).paragraphs
    texts = [p.text for p in paragraphs]
    headings = [i for i, p in enumerate(paragraphs) if p.style.name == "Heading 1"]
    title = (
        "Strategische doelstelling 1: Stad Waregem voert een inclusief integratiebeleid prioritair gericht op "
        "burgers van diverse herkomst, op vlak van toegankelijkheid dienstverlening, tewerkstelling en "
        "communicatie"
    )
    start = next(i for i in headings if texts[i] == title)
    assert texts[start + 1] == "Motivering - duiding"
    assert texts[start + 2].startswith("Een integratiebeleid is geen op zich staand noch een categoriaal beleid")
    assert "Domein: interne tewerkstelling" in texts


def test_budget_annex_as_in_the_seed():
    document = open_docx(plan_document("waregem"))
    texts = [p.text for p in document.paragraphs]
    assert "Jaarlijkse begroting" in texts
    assert "Elk jaar van 2011 tot en met 2013" in texts
    table = document.tables[-1]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Gesubsidieerd door", "Omschrijving kosten", "Bedrag"]
    assert rows[1] == ["Vlaamse Gemeenschap (62.000 euro)", "Loonkost 1FT medewerker integratie", "€ 27.700"]
    assert rows[2] == ["", "Werkingskosten integratiedienst", "€ 34.300"]
    assert rows[3][2] == "€ 23.000" and rows[3][0].startswith("Stad Waregem")
    assert "1/3 van 62.000 euro is minimaal 20.667 euro" in rows[3][0]
    assert rows[-1] == ["Totaal", "", "€ 85.000"]


def test_bbc_plan_has_a_row_per_action_and_no_empty_budget_annex():
    data = plan_document("denderleeuw")
    tables = _plan_tables(data)
    assert sorted(tables) == ["AP1090", "AP1091", "AP1092"]
    header = [cell[0][1] for cell in tables["AP1091"][0]]
    assert header == ["Actie", "Omschrijving", "Wijze & tijdstip evaluatie / indicatoren"]
    onthaal = tables["AP1091"][2]
    assert onthaal[0][0][1].startswith("A10911 Het onthaalbeleid voor nieuwe inwoners")
    assert _items(onthaal[2])[0] == "Nieuwe inwoners in Denderleeuw"
    assert len(_items(onthaal[2])) == 7
    assert "Jaarlijkse begroting" not in [p.text for p in open_docx(data).paragraphs]


def test_plan_tables_repeat_their_header_row_on_landscape_pages():
    data = plan_document("waregem")
    body = part(data, "word/document.xml").find(f"{W}body")
    plan_tables = [
        t
        for t in body.findall(f"{W}tbl")
        if t.find(f"{W}tblPr/{W}tblCaption").get(f"{W}val") == "Resultaten, acties en indicatoren"
    ]
    assert len(plan_tables) == 29
    for table in plan_tables:
        first = table.find(f"{W}tr")
        assert first.find(f"{W}trPr/{W}tblHeader") is not None
    sections = [s for s in body.iter(f"{W}sectPr")]
    orientations = [s.find(f"{W}pgSz").get(f"{W}orient") for s in sections]
    assert orientations == [None, "landscape", None]  # title and contents, the tables, the budget annex
    assert sections[0].find(f"{W}titlePg") is not None
    assert sections[1].find(f"{W}titlePg") is None and sections[2].find(f"{W}titlePg") is None
    landscape_width = int(sections[1].find(f"{W}pgSz").get(f"{W}w"))
    margins = sections[1].find(f"{W}pgMar")
    text_width = landscape_width - int(margins.get(f"{W}left")) - int(margins.get(f"{W}right"))
    widths = [int(c.get(f"{W}w")) for c in plan_tables[0].find(f"{W}tblGrid")]
    assert abs(sum(widths) - text_width) < 10
