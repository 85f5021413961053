"""Templates: officer text prints as typed, a municipality's own template, template errors, the house style page."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import zipfile
from datetime import date

import pytest
from documents_support import (
    DOCUMENTS,
    REPORT_DATE,
    W,
    all_texts,
    open_docx,
    part,
    parts,
    plan_of,
    validate_ooxml,
)

from reporting.documents import render_plan_document, render_year_report
from reporting.documents.contexts.figures import report_figures
from reporting.documents.contexts.plan_context import plan_document_context
from reporting.documents.contexts.report_context import year_report_context
from reporting.templates import HERE as TEMPLATES
from workbook.builders.template import build_template, fill
from workbook.plan.errors import WorkbookError
from workbook.reading.reader import read_plan

TYPED = "Gent & Zonen <vzw> {{ 7*7 }} {% if true %}ja{% endif %} {_{ x }_} 'quotes' \"dubbel\""
PROGRESS = "We zetten **vet & <b>** in, {{ gemeente }} blijft {% raw %}staan."


def _plan_with(texts: dict[str, str]) -> dict:
    return {
        "Instellingen": {
            "Gemeente": texts["gemeente"],
            "Titel van het plan": texts["titel"],
            "Beginjaar": 2020,
            "Eindjaar": 2025,
            "Rapportjaar": 2023,
            "Nummering": "klassiek",
            "Minimale cofinanciering": "1/3",
            "Opgesteld door": texts["dienst"],
        },
        "Doelstellingen": [
            {"Code": "1", "Titel": texts["sd"], "Motivering": texts["motivering"]},
            {"Code": "1.1", "Titel": texts["od"], "Domein": texts["domein"]},
        ],
        "Resultaten": [{"Code": "1.1.1", "Resultaat": texts["resultaat"]}],
        "Acties": [
            {
                "Code": "1.1.1.1",
                "Tijdstip": "Vanaf 2021",
                "Actie": texts["actie"],
                "Omschrijving": texts["omschrijving"],
                "Trekker": texts["trekker"],
                "Zie ook": texts["zie"],
            }
        ],
        "Opvolging": [
            {
                "Actie": "1.1.1.1",
                "Jaar": 2023,
                "Status": "In uitvoering",
                "Stand van zaken": texts["stand"],
                "Tijd": "Op schema",
                "Geld": texts["geld"],
            }
        ],
        "Indicatoren": [
            {
                "Code": "1.1.1-I1",
                "Tijdstip": "Jaarlijks",
                "Indicator": texts["indicator"],
                "Soort": "kwantitatief",
                "Eenheid": "aantal",
                "Gewenste richting": "stijgen",
                "Toelichting": texts["noot"],
            }
        ],
        "Metingen": [
            {"Indicator": "1.1.1-I1", "Periode": "2022", "Waarde": 10},
            {"Indicator": "1.1.1-I1", "Periode": "2023", "Waarde": 12, "Opmerking": texts["opmerking"]},
        ],
        "Begroting": [
            {
                "Jaar": 2023,
                "Soort financiering": "Vlaamse subsidie",
                "Financier": texts["financier"],
                "Omschrijving": texts["post"],
                "Gepland": 30000,
                "Besteed": 29000,
            },
            {
                "Jaar": 2023,
                "Soort financiering": "Eigen middelen gemeente",
                "Financier": "Gemeente",
                "Omschrijving": "Loonkost",
                "Gepland": 12000,
                "Besteed": 12000,
            },
        ],
    }


FIELDS = (
    "gemeente titel dienst sd motivering od domein resultaat actie omschrijving trekker zie geld indicator "
    "noot opmerking financier post"
).split()


@pytest.fixture(scope="module")
def typed_plan(tmp_path_factory):
    texts = {field: f"{field}: {TYPED}" for field in FIELDS}
    texts["stand"] = PROGRESS
    path = tmp_path_factory.mktemp("getypt") / "plan.xlsx"
    fill(build_template(), _plan_with(texts)).save(path)
    return read_plan(path), texts


def test_officer_text_prints_exactly_as_typed_and_nothing_runs(typed_plan, tmp_path):
    plan, texts = typed_plan
    report = render_year_report(plan, today=REPORT_DATE)
    document = render_plan_document(plan, today=REPORT_DATE)
    joined = "\n".join(all_texts(report))
    for field in (
        "gemeente",
        "titel",
        "dienst",
        "sd",
        "motivering",
        "od",
        "resultaat",
        "actie",
        "omschrijving",
        "trekker",
        "zie",
        "geld",
        "indicator",
        "financier",
        "post",
    ):
        assert texts[field] in joined, field
    assert "49" not in joined and "{_{ x }_}" in joined
    plan_texts = "\n".join(all_texts(document))
    for field in ("gemeente", "titel", "sd", "motivering", "od", "resultaat", "actie", "indicator", "post"):
        assert texts[field] in plan_texts, field
    stand = next(p for p in open_docx(report).paragraphs if p.text.startswith("We zetten"))
    assert stand.text == "We zetten vet & <b> in, {{ gemeente }} blijft {% raw %}staan."
    assert [r.text for r in stand.runs if r.bold] == ["vet & <b>"]
    for name, data in (("jaarrapport", report), ("beleidsplan", document)):
        path = tmp_path / f"{name}.docx"
        path.write_bytes(data)
        assert validate_ooxml(path).returncode == 0


def test_characters_word_cannot_hold_are_left_out(tmp_path):
    """A live Excel book (xlwings) can hand over control characters that a .docx cannot hold."""
    from dataclasses import replace

    texts = {field: f"{field} gewoon" for field in FIELDS}
    texts["stand"] = "Gewoon."
    path = tmp_path / "plan.xlsx"
    fill(build_template(), _plan_with(texts)).save(path)
    plan = read_plan(path)
    plan = replace(
        plan,
        actions=(replace(plan.actions[0], title="Actie met\x0bverticale tab en \x07bel"),),
        follow_ups=(replace(plan.follow_ups[0], progress="Tekst\x0cmet een\x1fstuurteken"),),
    )
    data = render_year_report(plan, today=REPORT_DATE)
    joined = "\n".join(all_texts(data))
    assert "Actie metverticale tab en bel" in joined and "Tekstmet eenstuurteken" in joined


def test_own_template_brings_its_logo_fonts_and_colours():
    template = DOCUMENTS / "voorbeeldegem-jaarrapport.docx"
    data = render_year_report(plan_of("denderleeuw"), template=template, today=REPORT_DATE)
    logo = (DOCUMENTS / "logo-voorbeeldegem.png").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        media = {hashlib.sha256(archive.read(n)).hexdigest() for n in archive.namelist() if n.startswith("word/media/")}
    assert hashlib.sha256(logo).hexdigest() in media
    headers = parts(data, "word/header")
    descriptions = [
        d.get("descr")
        for root in headers.values()
        for d in root.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
    ]
    assert "Logo van de gemeente Voorbeeldegem" in descriptions
    styles = part(data, "word/styles.xml")
    by_name = {s.find(f"{W}name").get(f"{W}val"): s for s in styles.findall(f"{W}style")}
    assert by_name["heading 1"].find(f"{W}rPr/{W}color").get(f"{W}val") == "7A1F5C"
    fill = by_name["Planrapport tabel"].find(f"{W}tblStylePr/{W}tcPr/{W}shd").get(f"{W}fill")
    assert fill == "7A1F5C"
    fonts = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert fonts.get(f"{W}ascii") == "Times New Roman"
    default = render_year_report(plan_of("denderleeuw"), today=REPORT_DATE)
    assert "7A1F5C" not in zipfile.ZipFile(io.BytesIO(default)).read("word/styles.xml").decode()


def test_settings_sheet_points_at_the_template_next_to_the_workbook(tmp_path):
    texts = {field: f"{field} gewoon" for field in FIELDS}
    texts["stand"] = "Gewoon."
    data = _plan_with(texts)
    data["Instellingen"]["Sjabloon beleidsplan"] = "huisstijl/beleidsplan-voorbeeldegem.dotx"
    path = tmp_path / "plan.xlsx"
    fill(build_template(), data).save(path)
    (tmp_path / "huisstijl").mkdir()
    _save_as_dotx(
        DOCUMENTS / "voorbeeldegem-beleidsplan.docx", tmp_path / "huisstijl" / "beleidsplan-voorbeeldegem.dotx"
    )
    document = render_plan_document(read_plan(path), today=REPORT_DATE)
    styles = zipfile.ZipFile(io.BytesIO(document)).read("word/styles.xml").decode()
    assert "7A1F5C" in styles
    types = zipfile.ZipFile(io.BytesIO(document)).read("[Content_Types].xml").decode()
    assert "wordprocessingml.document.main+xml" in types and "template.main" not in types


def _save_as_dotx(source, target):
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            content = archive.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(b"document.main+xml", b"template.main+xml")
            out.writestr(info, content)


def test_missing_template_names_the_setting_and_its_cell(tmp_path):
    texts = {field: f"{field} gewoon" for field in FIELDS}
    texts["stand"] = "Gewoon."
    data = _plan_with(texts)
    data["Instellingen"]["Sjabloon jaarrapport"] = "kwijt.docx"
    path = tmp_path / "plan.xlsx"
    fill(build_template(), data).save(path)
    plan = read_plan(path)
    with pytest.raises(WorkbookError) as caught:
        render_year_report(plan, today=REPORT_DATE)
    assert caught.value.message == (
        f"Het sjabloon 'kwijt.docx' (Sjabloon jaarrapport, {plan.settings.cell('report_template')}) bestaat niet "
        f"in {tmp_path}. Kijk het pad na, of maak de cel leeg voor het standaardsjabloon."
    )


GUIDE = "Zie 'Uw eigen huisstijl' (huisstijl.md bij planrapport) voor de namen en tags die een sjabloon kan gebruiken."


@pytest.mark.parametrize(
    ("fixture", "kind", "message"),
    [
        (
            "kapot-accolade.docx",
            "jaarrapport",
            "Het sjabloon 'kapot-accolade.docx' heeft een fout op regel 4 ('Opgemaakt voor "
            "{{ gemeente }'): een tag is niet "
            "afgesloten. Elke {{ hoort bij een }} en elke {% bij een %}, in dezelfde alinea. ",
        ),
        (
            "onbekende-naam.docx",
            "jaarrapport",
            "Het sjabloon 'onbekende-naam.docx' heeft een fout op regel 4 ('Opgemaakt voor "
            "{{ gemeentenaam }}'): de naam "
            "'gemeentenaam' bestaat niet. ",
        ),
        (
            "lus-niet-gesloten.docx",
            "beleidsplan",
            "Het sjabloon 'lus-niet-gesloten.docx' heeft een fout op regel 6 ('{%p endif %}'): de tag 'endif' "
            "komt hier "
            "onverwacht: eerst moet de 'for' gesloten worden met {% endfor %}. ",
        ),
    ],
)
def test_template_error_names_the_template_and_the_line(fixture, kind, message):
    render = render_year_report if kind == "jaarrapport" else render_plan_document
    with pytest.raises(WorkbookError) as caught:
        render(plan_of("waregem"), template=DOCUMENTS / fixture, today=REPORT_DATE)
    assert caught.value.message == message + GUIDE


def test_a_template_cannot_reach_into_python(tmp_path):
    from docx import Document

    template = tmp_path / "sluw.docx"
    document = Document(DOCUMENTS / "voorbeeldegem-jaarrapport.docx")
    document.paragraphs[3].insert_paragraph_before("{{ gemeente.__class__.__mro__ }}")
    document.save(template)
    with pytest.raises(WorkbookError) as caught:
        render_year_report(plan_of("waregem"), template=template, today=REPORT_DATE)
    assert caught.value.message.startswith("Het sjabloon 'sluw.docx' heeft een fout")


def test_not_a_word_file(tmp_path):
    fake = tmp_path / "sjabloon.docx"
    fake.write_text("geen word")
    with pytest.raises(WorkbookError) as caught:
        render_plan_document(plan_of("waregem"), template=fake)
    assert caught.value.message == (
        "Het sjabloon 'sjabloon.docx' is geen Word-document (.docx). Bewaar het in Word als Word-document."
    )


def _keys(value, found: set[str]) -> set[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            found.add(key)
            _keys(item, found)
    elif isinstance(value, list | tuple):
        for item in value:
            _keys(item, found)
    return found


def test_house_style_page_documents_every_name_a_template_gets():
    page = (TEMPLATES / "huisstijl.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"[`.]([a-z_]+)\b", page))
    names: set[str] = set()
    for example in ("waregem", "denderleeuw"):
        plan = plan_of(example)
        _keys(plan_document_context(plan), names)
        figures = report_figures(plan, plan.settings.report_year)
        _keys(
            year_report_context(plan, figures, lambda chart, width: "beeld", today=date(2023, 9, 17), warnings=[]),
            names,
        )
    names.add("waarschuwingen")
    assert names - documented == set()


def test_house_style_command_copies_templates_and_page(tmp_path):
    from planrapport.commands import house_style

    class Args:
        map = str(tmp_path / "huisstijl")
        overschrijf = False

    assert house_style.run(Args()) == 0
    assert sorted(p.name for p in (tmp_path / "huisstijl").iterdir()) == [
        "beleidsplan.docx",
        "evaluatie.docx",
        "huisstijl.md",
        "jaarrapport.docx",
    ]
    with pytest.raises(WorkbookError):
        house_style.run(Args())
    shutil.rmtree(tmp_path / "huisstijl")


def test_a_chart_of_the_officers_own_template_stays_and_the_reports_charts_count_on(tmp_path):
    template = DOCUMENTS / "eigen-grafiek-jaarrapport.docx"
    with zipfile.ZipFile(template) as archive:
        own = archive.read("word/charts/chart1.xml"), archive.read("word/embeddings/Microsoft_Excel_Worksheet1.xlsx")
    data = render_year_report(plan_of("denderleeuw"), template=template, today=REPORT_DATE)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert (
            archive.read("word/charts/chart1.xml"),
            archive.read("word/embeddings/Microsoft_Excel_Worksheet1.xlsx"),
        ) == own
        charts = sorted(n for n in archive.namelist() if n.startswith("word/charts/chart"))
        assert charts == [f"word/charts/chart{n}.xml" for n in range(1, 8)]  # the own one and the report's six
    body = part(data, "word/document.xml")
    ids = [
        d.get("id") for d in body.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
    ]
    assert len(ids) == 7 and len(set(ids)) == 7
    path = tmp_path / "rapport.docx"
    path.write_bytes(data)
    assert validate_ooxml(path).returncode == 0


def test_charts_take_the_font_of_the_officers_template():
    data = render_year_report(
        plan_of("denderleeuw"), template=DOCUMENTS / "voorbeeldegem-jaarrapport.docx", today=REPORT_DATE
    )
    chart = part(data, "word/charts/chart1.xml")
    latin = chart.find(
        "{http://schemas.openxmlformats.org/drawingml/2006/chart}txPr"
        "/{http://schemas.openxmlformats.org/drawingml/2006/main}p"
        "/{http://schemas.openxmlformats.org/drawingml/2006/main}pPr"
        "/{http://schemas.openxmlformats.org/drawingml/2006/main}defRPr"
        "/{http://schemas.openxmlformats.org/drawingml/2006/main}latin"
    )
    assert latin.get("typeface") == "Times New Roman"
