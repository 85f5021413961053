"""A plan without actions (results and their evaluation only): two-column plan tables, a plain council summary."""

from __future__ import annotations

from documents_support import DOCUMENTS, REPORT_DATE, W, all_texts, paragraph_text, part

from reporting.documents import render_plan_document, render_year_report
from workbook.reading.reader import read_plan

WORKBOOK = DOCUMENTS / "plan-zonder-acties.xlsx"


def _tables(data: bytes) -> dict[str, list[list[str]]]:
    """Caption -> rows -> cell texts, of the tables with a caption."""
    found: dict[str, list[list[str]]] = {}
    for table in part(data, "word/document.xml").iter(f"{W}tbl"):
        caption = table.find(f"{W}tblPr/{W}tblCaption")
        if caption is not None:
            rows = [
                [" ".join(paragraph_text(p) for p in cell.iter(f"{W}p")).strip() for cell in row.findall(f"{W}tc")]
                for row in table.findall(f"{W}tr")
            ]
            found.setdefault(caption.get(f"{W}val"), []).extend(rows)
    return found


def test_plan_document_of_a_plan_without_actions_has_two_columns_and_no_acties():
    tables = _tables(render_plan_document(read_plan(WORKBOOK), today=REPORT_DATE))
    assert "Resultaten, acties en indicatoren" not in tables
    rows = tables["Resultaten en indicatoren"]
    assert rows[0] == ["Resultaten", "Wijze & tijdstip evaluatie / indicatoren"]
    assert [
        "1.1.1 Elke nieuwe inwoner krijgt bij de inschrijving een onthaalbrochure",
        "Jaarlijks: Aantal uitgedeelde onthaalbrochures",
    ] in rows
    assert all(len(row) == 2 for row in rows)


def test_plan_document_of_a_plan_without_actions_stays_on_portrait_pages_at_full_width():
    body = part(render_plan_document(read_plan(WORKBOOK), today=REPORT_DATE), "word/document.xml")
    assert not [size for size in body.iter(f"{W}pgSz") if size.get(f"{W}orient") == "landscape"]
    table = next(
        t
        for t in body.iter(f"{W}tbl")
        if t.find(f"{W}tblPr/{W}tblCaption").get(f"{W}val") == "Resultaten en indicatoren"
    )
    section = body.find(f"{W}body/{W}sectPr")
    margins = section.find(f"{W}pgMar")
    text_width = (
        int(section.find(f"{W}pgSz").get(f"{W}w")) - int(margins.get(f"{W}left")) - int(margins.get(f"{W}right"))
    )
    assert sum(int(c.get(f"{W}w")) for c in table.find(f"{W}tblGrid")) == text_width
    # A result's row may break across pages (its evaluation can be long); only the header row never does.
    rows = table.findall(f"{W}tr")
    assert [row.find(f"{W}trPr/{W}cantSplit") is not None for row in rows] == [True] + [False] * (len(rows) - 1)


def test_year_report_summary_says_that_nothing_was_filled_in_for_the_year():
    texts = all_texts(render_year_report(read_plan(WORKBOOK), today=REPORT_DATE))
    start = max(i for i, text in enumerate(texts) if text == "Samenvatting voor de gemeenteraad")  # not the contents
    assert texts[start + 1].startswith(
        "Dit jaarrapport beschrijft de uitvoering in 2016 van het plan 'Lokaal sociaal beleidsplan 2014-2019' van "
        "Oudeplas: de resultaten, de evolutie van de indicatoren."
    )
    assert texts[start + 2] == (
        "Het plan heeft geen afzonderlijke acties, dus er is geen opvolging per actie, en op blad Metingen staat "
        "geen enkele meting voor 2016. Dit rapport beschrijft daarom alleen het plan zelf, niet wat er in 2016 "
        "gebeurde."
    )


def test_year_report_summary_names_the_empty_follow_up_sheet_when_the_plan_has_actions(tmp_path):
    from dataclasses import replace

    from workbook.plan.model import Action

    plan = read_plan(WORKBOOK)
    plan = replace(
        plan, actions=(Action("1.1.1.1", "Onthaalbrochure drukken", timing="Jaarlijks", parent_code="1.1.1"),)
    )
    texts = all_texts(render_year_report(plan, today=REPORT_DATE))
    assert (
        "Op blad Opvolging is voor 2016 niets ingevuld, en op blad Metingen staat geen enkele meting voor 2016. "
        "Dit rapport beschrijft daarom alleen het plan zelf, niet wat er in 2016 gebeurde."
    ) in texts


def test_year_report_with_follow_up_for_the_year_says_nothing_of_the_kind():
    from documents_support import year_report

    texts = all_texts(year_report("waregem"))
    assert not any("niets ingevuld" in text or "geen enkele meting" in text for text in texts)
