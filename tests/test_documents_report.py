"""The year report (jaarrapport): title page, contents, summary, actions with markers, indicators, budget."""

from __future__ import annotations

import io
import zipfile

from documents_support import (
    REPORT_DATE,
    W,
    all_texts,
    open_docx,
    paragraph_text,
    part,
    parts,
    plan_of,
    year_report,
)
from lxml import etree

from reporting.documents import render_year_report
from reporting.documents.wordml.markers import GREEN, ORANGE, RED
from reporting.rollups import plan_rollup
from reporting.validation import validate

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
WAREGEM_NOTE = (
    "De opvolging, de metingen en de bestede bedragen voor 2011-2012 in dit voorbeeld zijn fictief en "
    "werden verzonnen om planrapport te demonstreren; het zijn niet de echte cijfers van de stad Waregem. "
    "Ook de trekkers van de acties zijn verzonnen."
)
DENDERLEEUW_NOTE = (
    "De trekkers van de acties in dit voorbeeld zijn verzonnen om planrapport te demonstreren; ze "
    "staan niet in het plan van de gemeente Denderleeuw."
)


def _table(document, first_cell: str, second_cell: str | None = None):
    for table in document.tables:
        cells = [c.text for c in table.rows[0].cells]
        if cells[0] == first_cell and (second_cell is None or cells[1] == second_cell):
            return [[c.text for c in row.cells] for row in table.rows]
    raise AssertionError(f"no table starting with {first_cell!r}")


def test_title_page_in_dutch_with_the_given_date():
    texts = [p.text for p in open_docx(year_report("denderleeuw")).paragraphs][:6]
    assert texts == [
        "Denderleeuw",
        "Jaarrapport 2023",
        "Meerjarenplan 2020-2025: Werken aan samenleven in diversiteit",
        "Planperiode 2020-2025",
        "Opgesteld door Dienst Samenleven",
        "17 september 2023",
    ]


def test_contents_is_a_toc_field_filled_with_the_headings_and_updated_on_open():
    data = year_report("denderleeuw")
    body = part(data, "word/document.xml")
    instructions = [i.text for i in body.iter(f"{W}instrText")]
    assert any(i.strip().startswith("TOC") for i in instructions)
    document = open_docx(data)
    entries = [p.text for p in document.paragraphs if p.style.name.startswith("toc")]
    assert entries == [
        "Samenvatting voor de gemeenteraad",
        "Beleidsdoelstelling BD109: Werken aan samenleven in diversiteit",
        "Actieplan AP1090: Inzetten op expertise, verbinding en participatie",
        "Actieplan AP1091: Nieuwe inwoners op weg helpen bij hun integratieproces",
        "Actieplan AP1092: Bestrijden van racisme en discriminatie",
    ]
    settings = part(data, "word/settings.xml")
    assert settings.find(f"{W}updateFields").get(f"{W}val") == "true"
    headings = [p for p in document.paragraphs if p.style.name in ("Heading 1", "Heading 2", "Heading 3")]
    assert len(headings) == 1 + 1 + 3 + 6


def test_summary_counts_come_from_the_rollup():
    plan = plan_of("waregem")
    rollup = plan_rollup(plan, 2012).plan
    document = open_docx(year_report("waregem"))
    statuses = _table(document, "Status", "Acties")
    assert statuses[-1] == ["Totaal", str(rollup.actions), "100%"]
    counted = {row[0].lstrip("●○\u00a0"): row[1] for row in statuses[1:-1]}
    assert counted == {word: str(n) for word, n in rollup.by_status.items() if n}
    verdicts = _table(document, "Beoordeling", "Indicatoren")
    assert {row[0].lstrip("●\u00a0"): int(row[1]) for row in verdicts[1:]} == {
        word: n for word, n in rollup.by_verdict.items() if n
    }
    texts = [p.text for p in document.paragraphs]
    assert (
        f"{rollup.on_schedule} van de {rollup.followed_up} opgevolgde acties lopen op schema "
        f"({round(rollup.on_schedule_share * 100)}%). Naar tijd: 7 vertraagd en 2 uitgesteld."
    ) in texts
    budget = _table(document, "Gepland")
    assert budget[0][:2] == ["Gepland", "€ 85.000"]
    assert budget[1] == ["Besteed", "€ 84.565", "99,5% van het geplande bedrag"]
    assert ["Cofinanciering", "38,1%", "van de Vlaamse subsidie (minimum 33,3%)"] in budget


def test_progress_keeps_bold_phrases_and_paragraphs():
    document = open_docx(year_report("denderleeuw"))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Eind 2019 was er een"))
    assert [(r.text, bool(r.bold)) for r in paragraph.runs] == [
        ("Eind 2019 was er een ", False),
        ("basisvorming voor personeel rond het thema 'polarisatie'", True),
        (".", False),
    ]
    bullets = [p.text for p in document.paragraphs if p.style.name == "Opsomming"]
    assert bullets[:3] == [
        "zichtbaar lokaal aanspreekpunt,",
        "expertise vergroten en delen in de regio,",
        "een preventieve daadkrachtige 360° aanpak tegen alle vormen van gewelddadige REP "
        "(Radicalisering, Extremisme, Polarisation) offline én online",
    ]


def test_status_time_and_money_with_coloured_markers():
    document = open_docx(year_report("denderleeuw"))
    tables = [t for t in document.tables if t.rows[0].cells[0].text == "Status"][1:]
    last = tables[-1]
    rows = {row.cells[0].text: row.cells[1] for row in last.rows}
    assert rows["Tijd"].text == "●\u00a0Uitgesteld"
    assert rows["Geld"].text == "Projectsubsidie van de Vlaamse overheid rond preventie van extremisme en polarisatie"
    marker = rows["Tijd"].paragraphs[0].runs[0]
    assert marker.text == "●\u00a0" and str(marker.font.color.rgb) == RED
    first = {row.cells[0].text: row.cells[1] for row in tables[0].rows}
    assert str(first["Tijd"].paragraphs[0].runs[0].font.color.rgb) == ORANGE
    waregem = open_docx(year_report("waregem"))
    on_time = next(
        row.cells[1]
        for t in waregem.tables
        for row in t.rows
        if row.cells[0].text == "Tijd" and row.cells[1].text.endswith("Op schema")
    )
    assert str(on_time.paragraphs[0].runs[0].font.color.rgb) == GREEN


def test_see_also_printed_as_typed():
    texts = [p.text for p in open_docx(year_report("denderleeuw")).paragraphs]
    assert (
        "Zie ook: A40222 Aangaan en versterken van samenwerkingsverbanden met externe partners om betere hulp "
        "aan klanten te kunnen bieden."
    ) in texts


def test_indicator_table_by_period_fills_up_year_by_year():
    document = open_docx(year_report("denderleeuw"))
    rows = _table(document, "Indicator")
    assert rows[0] == ["Indicator", "2021 (juni-december)", "2022", "2023", "2024", "2025", "Evolutie", "Beoordeling"]
    assert rows[1][:6] == ["Nieuwe inwoners in Denderleeuw", "733", "1.168", "", "", ""]
    assert rows[3][:3] == ["van buitenlandse herkomst", "381 (52%)", "539"]
    assert rows[6][:3] == [
        "Aantal nieuwe inwoners die geen interesse hadden in of nood hadden aan een onthaalgesprek",
        "9%",
        "101",
    ]
    waregem = open_docx(year_report("waregem"))
    staff = next(
        r
        for t in waregem.tables
        for r in ([c.text for c in row.cells] for row in t.rows)
        if r[0].startswith("2011: nulmeting: aantal allochtone personeelsleden")
    )
    assert staff[1:6] == ["14", "17", "", "+3 (+21,4%) t.o.v. 2011", "●\u00a0aandacht"]


def test_charts_are_word_charts_with_alt_text_and_their_data():
    data = year_report("denderleeuw")
    body = part(data, "word/document.xml")
    drawings = list(body.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"))
    assert len(drawings) == 1 + 5  # the status chart of BD109, a line chart per indicator with two values
    for drawing in drawings:
        assert len(drawing.get("descr")) > 40
    assert (
        drawings[1].get("descr").startswith("Lijngrafiek van de indicator A10911-I1, Nieuwe inwoners in Denderleeuw.")
    )
    assert len({d.get("id") for d in drawings}) == len(drawings)
    references = [c.get(f"{R}id") for c in body.iter(f"{C}chart")]
    targets = {r.get("Id"): r.get("Target") for r in part(data, "word/_rels/document.xml.rels")}
    assert [targets[r] for r in references] == [f"charts/chart{n}.xml" for n in range(1, 7)]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert sorted(n for n in names if n.startswith("word/embeddings/")) == sorted(
            f"word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx" for n in range(1, 7)
        )
        link = etree.fromstring(archive.read("word/charts/_rels/chart2.xml.rels"))[0]
        assert link.get("Target") == "../embeddings/Microsoft_Excel_Worksheet2.xlsx"
        chart = etree.fromstring(archive.read("word/charts/chart2.xml"))
        assert chart.find(f"{C}externalData").get(f"{R}id") == link.get("Id")
        # the workbook is stored as it is: deflating a zip again only costs time
        assert archive.getinfo("word/embeddings/Microsoft_Excel_Worksheet2.xlsx").compress_type == zipfile.ZIP_STORED
    assert not [n for n in names if n.startswith("word/media/")]  # no pictures of charts


def test_budget_of_the_report_year():
    document = open_docx(year_report("waregem"))
    rows = _table(document, "Financiering")
    assert rows[0] == ["Financiering", "Omschrijving", "Gepland", "Besteed", "Verschil"]
    assert rows[1][0] == "Vlaamse Gemeenschap (62.000 euro)"
    assert rows[1][2:] == ["€ 27.700", "€ 28.105", "€ 405"]
    assert rows[-1] == ["Totaal", "", "€ 85.000", "€ 84.565", "-€ 435"]
    texts = [p.text for p in document.paragraphs]
    assert "De gemeente draagt € 23.340 bij: meer dan de vereiste cofinanciering van € 20.408." in texts
    assert "Begroting 2023" not in [p.text for p in open_docx(year_report("denderleeuw")).paragraphs]


def test_fictitious_data_noted_on_the_title_page_and_in_the_footer():
    data = year_report("waregem")
    texts = [p.text for p in open_docx(data).paragraphs]
    assert f"Fictieve gegevens. {WAREGEM_NOTE}" in texts[:8]
    footers = [paragraph_text(p) for root in parts(data, "word/footer").values() for p in root.iter(f"{W}p")]
    assert f"Fictieve gegevens: {WAREGEM_NOTE}" in footers
    assert f"Fictieve gegevens. {DENDERLEEUW_NOTE}" in all_texts(year_report("denderleeuw"))


def test_warnings_annex_only_when_asked():
    plan = plan_of("denderleeuw")
    assert "Bijlage: openstaande waarschuwingen" not in all_texts(year_report("denderleeuw"))
    warnings = validate(plan).warnings
    data = render_year_report(plan, warnings=warnings, today=REPORT_DATE)
    rows = _table(open_docx(data), "Cel", "Soort")
    assert len(rows) == len(warnings) + 1
    assert rows[1][:2] == [warnings[0].cell, warnings[0].code]
    assert rows[1][2] == warnings[0].message


def test_language_properties_and_header_rows():
    data = year_report("waregem")
    document = open_docx(data)
    core = document.core_properties
    assert (core.title, core.subject, core.author, core.language) == (
        "Jaarrapport 2012 - Integratiebeleidsplan 2011-2013",
        "Jaarrapport 2012 Waregem",
        "Dienst integratie",
        "nl-BE",
    )
    assert core.created.date() == REPORT_DATE
    styles = part(data, "word/styles.xml")
    assert styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang").get(f"{W}val") == "nl-BE"
    assert {lang.get(f"{W}val") for lang in styles.iter(f"{W}lang")} == {"nl-BE"}
    body = part(data, "word/document.xml")
    for table in body.iter(f"{W}tbl"):
        look = table.find(f"{W}tblPr/{W}tblLook")
        first = table.find(f"{W}tr")
        marked = first.find(f"{W}trPr/{W}tblHeader") is not None
        assert marked == (look.get(f"{W}firstRow") == "1" and len(table.findall(f"{W}tr")) > 1)


def test_same_workbook_same_date_same_bytes():
    plan = plan_of("denderleeuw")
    assert render_year_report(plan, today=REPORT_DATE) == year_report("denderleeuw")


def test_another_year_reports_on_that_year():
    data = render_year_report(plan_of("waregem"), 2011, today=REPORT_DATE)
    texts = [p.text for p in open_docx(data).paragraphs]
    assert texts[1] == "Jaarrapport 2011"
    assert "Stand van zaken 2011" in texts


def test_only_the_charts_the_report_shows_are_built(monkeypatch):
    from reporting import charts
    from workbook.plan.model import BBC, Action, FollowUp, Indicator, Measurement, Objective, Plan, Settings

    running, ended = "A10100", "A10101"
    plan = Plan(
        settings=Settings(
            municipality="Proefdonk", title="Plan", start_year=2020, end_year=2023, report_year=2023, numbering=BBC
        ),
        objectives=(Objective("BD101", "Samenleven"), Objective("AP1010", "Onthaal", level=2, parent_code="BD101")),
        actions=(
            Action(running, "Onthaalgesprekken", years=(2020, 2021, 2022, 2023), parent_code="AP1010"),
            Action(ended, "Bustoer", timing="2020", years=(2020,), parent_code="AP1010"),
        ),
        follow_ups=(FollowUp(running, 2023, status="In uitvoering", progress="Twaalf gesprekken."),),
        indicators=tuple(
            Indicator(f"{code}-I1", "Aantal deelnemers", kind="kwantitatief", unit="aantal", parent_code=code)
            for code in (running, ended)
        ),
        measurements=tuple(
            Measurement(f"{code}-I1", str(year), year, value=10.0 + year - 2020)
            for code in (running, ended)
            for year in (2020, 2021, 2022)
        ),
    )
    drawn = []
    build = charts.PlannedChart.build
    monkeypatch.setattr(
        charts.PlannedChart, "build", lambda self, *args: drawn.append(self.spec["code"]) or build(self, *args)
    )
    render_year_report(plan, 2023, today=REPORT_DATE)
    assert drawn == ["BD101", f"{running}-I1"]  # not the chart of the action that ended in 2020
