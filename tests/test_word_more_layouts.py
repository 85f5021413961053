"""Layouts of the seventh blind corpus, each in a small plan: headings numbered twice, action cards in text frames,
tabs as a table, a year table of targets and realised values, a diagram exported to text, objectives in sentences."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from workbook.word_import.importing import import_document


def _save(document, folder: Path) -> Path:
    path = folder / "plan.docx"
    document.save(str(path))
    return path


def _bold(document, text: str, style: str | None = None):
    paragraph = document.add_paragraph(style=style)
    paragraph.add_run(text).bold = True
    return paragraph


def test_a_chapter_number_before_the_objectives_label_and_the_chapter_after_them(tmp_path):
    document = docx.Document()
    _bold(document, "1. Inleiding")
    document.add_paragraph("Dit plan loopt zes jaar.")
    _bold(document, "2. Strategische doelstelling 1: Iedereen doet mee")
    _bold(document, "Operationele doelstelling 1.1: Het onthaal is vlot")
    document.add_paragraph("1.1.1 Er is een zitdag")
    _bold(document, "3. Opvolging en evaluatie")
    document.add_paragraph("Het plan wordt jaarlijks opgevolgd.")
    imported = import_document(_save(document, tmp_path))
    assert [(o["Code"], o["Titel"]) for o in imported.data["Doelstellingen"]] == [
        ("1", "Iedereen doet mee"),
        ("1.1", "Het onthaal is vlot"),
    ]
    assert [c.title for c in imported.chapters] == ["Inleiding", "Opvolging en evaluatie"]


def test_an_action_card_in_a_text_frame(tmp_path):
    document = docx.Document()
    document.add_heading("Strategische doelstelling 1: Iedereen doet mee", 1)
    document.add_heading("Operationele doelstelling 1.1: Het onthaal is vlot", 2)
    _bold(document, "Resultaat 1.1.1")
    document.add_paragraph("De sociale dienst gebruikt tolken")
    document.add_paragraph("Wijze en tijdstip van evaluatie: jaarverslag")
    for text, bold in (("Een vrijetijdspas opstarten", True), ("Trekker: Sportdienst", False), ("Timing: 2027", False)):
        paragraph = _bold(document, text) if bold else document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(  # noqa: SLF001 - python-docx has no public API for a text frame
            parse_xml(f'<w:framePr {nsdecls("w")} w:w="4000" w:hSpace="180" w:wrap="around" w:vAnchor="text"/>')
        )
    data = import_document(_save(document, tmp_path)).data
    assert [i["Indicator"] for i in data["Indicatoren"]] == ["jaarverslag"]
    assert [(a["Code"], a["Actie"], a["Trekker"], a["Tijdstip"]) for a in data["Acties"]] == [
        ("1.1.1.1", "Een vrijetijdspas opstarten", "Sportdienst", "2027")
    ]


def test_tabs_as_a_table_of_actions(tmp_path):
    document = docx.Document()
    document.add_heading("SD 1 Iedereen doet mee", 1)
    document.add_heading("OD 1.1 Buren ontmoeten elkaar", 2)
    document.add_paragraph("Resultaat 1.1.1: Er is een buurtfeest")
    _bold(document, "Actie\tTrekker\tTiming")
    document.add_paragraph("Buurtfeest steunen\t\tDienst Samenleven\t\tVoorjaar 2027")
    document.add_paragraph("Flyers drukken\tCommunicatiedienst\t2026")
    data = import_document(_save(document, tmp_path)).data
    assert [(a["Actie"], a["Trekker"], a["Tijdstip"]) for a in data["Acties"]] == [
        ("Buurtfeest steunen", "Dienst Samenleven", "Voorjaar 2027"),
        ("Flyers drukken", "Communicatiedienst", "2026"),
    ]


def test_targets_per_year_are_no_measurements(tmp_path):
    document = docx.Document()
    document.add_heading("Strategische doelstelling 1: Iedereen werkt", 1)
    document.add_heading("Operationele doelstelling 1.1: Het bestuur is divers", 2)
    document.add_paragraph("1.1.1 Het personeel weerspiegelt de bevolking")
    rows = (
        ("Indicator", "", "2026", "2027", "2028"),
        ("Aandeel medewerkers van buitenlandse herkomst", "Streefwaarde", "32", "37", "42"),
        ("", "Realisatie", "30", "", ""),
    )
    table = document.add_table(rows=len(rows), cols=5)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    data = import_document(_save(document, tmp_path)).data
    (indicator,) = data["Indicatoren"]
    assert (indicator["Streefwaarde"], indicator["Streefjaar"]) == (42, 2028)
    assert indicator["Toelichting"] == "Streefwaarde per jaar: 2026: 32; 2027: 37; 2028: 42"
    assert [(m["Periode"], m["Waarde"]) for m in data["Metingen"]] == [("2026", 30)]


def test_a_diagram_exported_to_text_with_the_label_under_each_title(tmp_path):
    document = docx.Document()
    _bold(document, "\u25ba Nieuwe inwoners vinden hun weg")
    document.add_paragraph("Strategische doelstelling 1").runs[0].italic = True
    document.add_paragraph("Wie de weg niet kent, blijft langer afhankelijk.")
    _bold(document, "\u27a2 1.1 Het personeel kent diversiteit")
    document.add_paragraph("\u2713 Er is een ontmoetingsplek in elke deelgemeente")
    document.add_paragraph("\u2192 Een campagne uitwerken")
    imported = import_document(_save(document, tmp_path))
    data = imported.data
    assert [(o["Code"], o["Titel"]) for o in data["Doelstellingen"]] == [
        ("1", "Nieuwe inwoners vinden hun weg"),
        ("1.1", "Het personeel kent diversiteit"),
    ]
    assert [r["Resultaat"] for r in data["Resultaten"]] == ["Er is een ontmoetingsplek in elke deelgemeente"]
    assert [a["Actie"] for a in data["Acties"]] == ["Een campagne uitwerken"]


def test_objectives_written_in_sentences_in_a_nota(tmp_path):
    document = docx.Document()
    _bold(document, "Gemeente Lier")
    _bold(document, "Nota aan de gemeenteraad")
    paragraph = document.add_paragraph()
    paragraph.add_run("Betreft: ").bold = True
    paragraph.add_run("Lokaal integratiebeleidsplan 2026-2031 - goedkeuring")
    _bold(document, "1. Beleidskeuzes")
    document.add_paragraph(
        "1.1 Als eerste strategische doelstelling kiezen we: De dienstverlening is toegankelijk. Wie de weg niet kent, "
        "blijft afhankelijk."
    )
    document.add_paragraph(
        "1.1.1 Binnen deze doelstelling werken we aan operationele doelstelling 1.1: Er zijn tolken."
    )
    document.add_paragraph("Concreet plannen we de volgende acties:")
    document.add_paragraph("\u2013\tOuderavonden met tolken uitwerken (Dienst Communicatie, 2026)")
    imported = import_document(_save(document, tmp_path))
    data = imported.data
    assert data["Instellingen"]["Titel van het plan"] == "Lokaal integratiebeleidsplan"
    assert (data["Instellingen"]["Beginjaar"], data["Instellingen"]["Eindjaar"]) == (2026, 2031)
    assert [(o["Code"], o["Titel"], o.get("Motivering")) for o in data["Doelstellingen"]] == [
        ("1", "De dienstverlening is toegankelijk", "Wie de weg niet kent, blijft afhankelijk."),
        ("1.1", "Er zijn tolken", None),
    ]
    assert [(a["Actie"], a["Trekker"], a["Tijdstip"]) for a in data["Acties"]] == [
        ("Ouderavonden met tolken uitwerken", "Dienst Communicatie", "2026")
    ]


def test_template_placeholders_in_a_label_table_are_no_content(tmp_path):
    document = docx.Document()
    document.add_heading("Strategische doelstelling 1: Iedereen doet mee", 1)
    rows = (
        ("Operationele doelstelling", "1.1 Tolken worden vlot ingezet"),
        ("Resultaat", "Inburgeraars vinden een vervolgaanbod"),
        ("Acties", "Een buddyproject organiseren"),
        ("Resultaat", "Klik of tik om tekst in te voeren."),
        ("Budget", "Vul het budget in."),
    )
    table = document.add_table(rows=len(rows), cols=2)
    for r, (label, value) in enumerate(rows):
        table.cell(r, 0).text, table.cell(r, 1).text = label, value
    imported = import_document(_save(document, tmp_path))
    data = imported.data
    assert [(r["Code"], r["Resultaat"]) for r in data["Resultaten"]] == [
        ("1.1.1", "Inburgeraars vinden een vervolgaanbod")
    ]
    assert [(a["Code"], a["Actie"], a.get("Budget/personeelsinzet")) for a in data["Acties"]] == [
        ("1.1.1.1", "Een buddyproject organiseren", None)
    ]
    left_out = [n.text for n in imported.notes if "sjabloon" in n.action]
    assert left_out == ["Klik of tik om tekst in te voeren.", "Vul het budget in."]


def _outline_style(document, name: str, level: int):
    from docx.enum.style import WD_STYLE_TYPE

    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{level}"/>'))
    return style


def test_a_plan_kept_as_an_outline_without_labels_or_codes(tmp_path):
    document = docx.Document()
    for level in range(4):
        _outline_style(document, f"Niveau {level + 1}", level)
    document.add_heading("Inleiding", 1)
    document.add_paragraph("Dit plan loopt zes jaar.")
    document.add_paragraph("Iedereen spreekt Nederlands", style="Niveau 1")
    document.add_paragraph("Er zijn oefenkansen", style="Niveau 2")
    document.add_paragraph("Werkzoekenden vinden het sociaal huis", style="Niveau 3")
    document.add_paragraph("We organiseren een infomarkt", style="Niveau 4")
    document.add_paragraph("Medewerkers spreken duidelijke taal", style="Niveau 2")
    document.add_paragraph("Nieuwkomers nemen deel aan een praatcafé", style="Niveau 3")
    document.add_paragraph("We starten een oudercafé", style="Niveau 4")
    imported = import_document(_save(document, tmp_path))
    data = imported.data
    assert [(o["Code"], o["Titel"]) for o in data["Doelstellingen"]] == [
        ("1", "Iedereen spreekt Nederlands"),
        ("1.1", "Er zijn oefenkansen"),
        ("1.2", "Medewerkers spreken duidelijke taal"),
    ]
    assert [(r["Code"], r["Resultaat"]) for r in data["Resultaten"]] == [
        ("1.1.1", "Werkzoekenden vinden het sociaal huis"),
        ("1.2.1", "Nieuwkomers nemen deel aan een praatcafé"),
    ]
    assert [(a["Code"], a["Actie"]) for a in data["Acties"]] == [
        ("1.1.1.1", "We organiseren een infomarkt"),
        ("1.2.1.1", "We starten een oudercafé"),
    ]
    assert [c.title for c in imported.chapters] == ["Inleiding"]
    assert any(note.text == "Overzichtsniveaus" for note in imported.notes)


def test_a_plan_in_two_languages_side_by_side_is_read_by_its_dutch_column(tmp_path):
    document = docx.Document()
    rows = (
        ("Nederlands", "English"),
        ("Strategische doelstelling 1: Iedereen doet mee", "Strategic objective 1: Everyone takes part"),
        ("Operationele doelstelling 1.1: Het onthaal is vlot", "Operational objective 1.1: A smooth welcome"),
        ("We vertalen de brochure (Dienst Welzijn, 2027)", "We translate the brochure (Welfare, 2027)"),
    )
    table = document.add_table(rows=len(rows), cols=2)
    for r, (dutch, english) in enumerate(rows):
        table.cell(r, 0).text, table.cell(r, 1).text = dutch, english
    table.cell(3, 0).paragraphs[0].style = document.styles["List Bullet"]
    data = import_document(_save(document, tmp_path)).data
    assert [o["Titel"] for o in data["Doelstellingen"]] == ["Iedereen doet mee", "Het onthaal is vlot"]
    assert [(a["Actie"], a["Trekker"], a["Tijdstip"]) for a in data["Acties"]] == [
        ("We vertalen de brochure", "Dienst Welzijn", "2027")
    ]


def test_an_info_table_under_an_objective_and_a_result_with_its_target_in_the_sentence(tmp_path):
    document = docx.Document()
    document.add_heading("Strategische doelstelling 1. Iedereen doet mee", 1)
    document.add_heading("Operationele doelstelling 1.1. Verenigingen zijn open", 2)
    table = document.add_table(rows=2, cols=4)
    for c, (head, value) in enumerate(
        (("Trekker", "Bibliotheek"), ("Partners", "CVO"), ("Budget", "\u20ac 1.500"), ("Looptijd", "2027"))
    ):
        table.cell(0, c).text, table.cell(1, c).text = head, value
    _bold(document, "1.1.1 Tegen 2028 nemen 40 ouders deel aan het oudercafé (2025: 12).")
    document.add_paragraph("We starten een oudercafé", style="List Bullet")
    data = import_document(_save(document, tmp_path)).data
    assert [
        (a["Actie"], a["Trekker"], a["Partners"], a["Budget/personeelsinzet"], a["Tijdstip"]) for a in data["Acties"]
    ] == [("We starten een oudercafé", "Bibliotheek", "CVO", "\u20ac 1.500", "2027")]
    (indicator,) = data["Indicatoren"]
    assert (indicator["Code"], indicator["Indicator"]) == (
        "1.1.1-I1",
        "Tegen 2028 nemen 40 ouders deel aan het oudercafé",
    )
    assert (
        indicator["Streefwaarde"],
        indicator["Streefjaar"],
        indicator["Nulmeting waarde"],
        indicator["Nulmeting jaar"],
    ) == (
        40,
        2028,
        12,
        2025,
    )


def test_the_link_list_of_a_web_page_is_its_table_of_contents(tmp_path):
    document = docx.Document()
    _bold(document, "Plan samenleven")
    _bold(document, "Op deze pagina:")
    links = document.add_paragraph("Inleiding")
    links.add_run().add_break()
    links.add_run("Strategische doelstelling 1 \u2013 Iedereen doet mee")
    _bold(document, "Inleiding")
    document.add_paragraph("Dit plan loopt zes jaar.")
    document.add_paragraph("Lees meer \u203a")
    _bold(document, "Strategische doelstelling 1 \u2013 Iedereen doet mee")
    _bold(document, "Operationele doelstelling 1.1 \u2013 Het onthaal is vlot")
    document.add_paragraph("1.1.1 Er is een zitdag")
    document.add_paragraph("Hoe meten we dit? Jaarlijkse rapportering")
    imported = import_document(_save(document, tmp_path))
    assert [o["Code"] for o in imported.data["Doelstellingen"]] == ["1", "1.1"]
    assert [c.title for c in imported.chapters] == ["Inleiding"]
    assert [i["Indicator"] for i in imported.data["Indicatoren"]] == ["Jaarlijkse rapportering"]
