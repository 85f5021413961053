"""Plans written as paragraphs, in variants of the layouts the blind corpora hold: each imported whole."""

from __future__ import annotations

from pathlib import Path

import docx

from workbook.word_import.importing import import_document


def _save(document, folder: Path) -> Path:
    path = folder / "plan.docx"
    document.save(str(path))
    return path


def test_headings_inside_an_objective_are_its_parts_and_a_heading_after_it_a_chapter(tmp_path):
    document = docx.Document()
    document.add_paragraph("Samenlevingsplan", style="Title")
    document.add_heading("Inleiding", 1)
    document.add_paragraph("Dit plan loopt zes jaar.")
    document.add_heading("Strategische doelstelling 1: Iedereen vindt zijn weg", 1)
    document.add_heading("Operationele doelstelling 1.1: Het onthaal is vlot", 2)
    document.add_heading("Resultaat 1.1.1", 3)
    document.add_paragraph("Elke nieuwe inwoner krijgt een onthaalgesprek")
    document.add_heading("Acties", 3)
    document.add_paragraph("Opmaken van een onthaalbrochure", style="List Bullet")
    document.add_paragraph("Vormen van de loketmedewerkers", style="List Bullet")
    document.add_heading("Actie 3: Een buddywerking opstarten", 4)
    document.add_paragraph("Wie: Dienst Samenleven")
    document.add_paragraph("Wanneer: 2027")
    document.add_heading("Evaluatie", 1)
    document.add_paragraph("Het plan wordt jaarlijks besproken in de gemeenteraad.")
    imported = import_document(_save(document, tmp_path))
    data = imported.data
    assert [(r["Code"], r["Resultaat"]) for r in data["Resultaten"]] == [
        ("1.1.1", "Elke nieuwe inwoner krijgt een onthaalgesprek")
    ]
    assert [(a["Code"], a["Actie"]) for a in data["Acties"]] == [
        ("1.1.1.1", "Opmaken van een onthaalbrochure"),
        ("1.1.1.2", "Vormen van de loketmedewerkers"),
        ("1.1.1.3", "Een buddywerking opstarten"),
    ]
    assert (data["Acties"][2]["Trekker"], data["Acties"][2]["Tijdstip"]) == ("Dienst Samenleven", "2027")
    assert [(c.title, c.after) for c in imported.chapters] == [("Inleiding", False), ("Evaluatie", True)]


def test_domain_headings_group_objectives_and_typed_codes_give_results_and_actions(tmp_path):
    document = docx.Document()
    document.add_paragraph("Integratieplan", style="Title")
    document.add_paragraph("Gemeente Voorbeeld | 2026-2031")
    document.add_heading("Domein 1 – Onderwijs", 1)
    document.add_heading("SD 1. Kinderen leren Nederlands", 2)
    document.add_heading("OD 1.1. De scholen werken samen", 3)
    document.add_paragraph("R1.1.1\tElke school heeft een taalbeleid")
    document.add_paragraph("A1.1.1.1 Een netwerk van taalcoaches\nTrekker: Onderwijsdienst – Timing: 2026")
    document.add_heading("Domein 2 – Werk", 1)
    document.add_heading("SD 2. Iedereen vindt werk", 2)
    document.add_heading("OD 2.1. Werkzoekenden worden begeleid", 3)
    document.add_paragraph("R2.1.1 Er is een jobbeurs per jaar")
    imported = import_document(_save(document, tmp_path))
    data = imported.data
    assert data["Instellingen"]["Gemeente"] == "Voorbeeld"
    assert (data["Instellingen"]["Beginjaar"], data["Instellingen"]["Eindjaar"]) == (2026, 2031)
    assert [(o["Code"], o["Domein"]) for o in data["Doelstellingen"]] == [
        ("1", ""),
        ("1.1", "Onderwijs"),
        ("2", ""),
        ("2.1", "Werk"),
    ]
    assert [(r["Code"], r["Resultaat"]) for r in data["Resultaten"]] == [
        ("1.1.1", "Elke school heeft een taalbeleid"),
        ("2.1.1", "Er is een jobbeurs per jaar"),
    ]
    action = data["Acties"][0]
    assert (action["Code"], action["Actie"], action["Trekker"], action["Tijdstip"]) == (
        "A1.1.1.1",
        "Een netwerk van taalcoaches",
        "Onderwijsdienst",
        "2026",
    )
    assert imported.chapters == []
    assert sum(1 for note in imported.notes if note.action.startswith("Kop van een beleidsdomein")) == 2


def test_a_line_break_mid_sentence_keeps_one_result_and_one_action(tmp_path):
    document = docx.Document()
    document.add_heading("Strategische doelstelling 1: Iedereen vindt zijn weg", 1)
    document.add_heading("Operationele doelstelling 1.1: Het onthaal is vlot", 2)
    document.add_paragraph("Resultaten:")
    document.add_paragraph("1.1.1 Elke nieuwe inwoner krijgt binnen de drie\nmaanden een onthaalgesprek")
    document.add_paragraph("Acties:")
    document.add_paragraph("- Opmaken van een onthaalbro-\nchure in eenvoudige taal")
    document.add_paragraph("- Vormen van de loketmedewerkers\nTrekker: Dienst Burgerzaken")
    data = import_document(_save(document, tmp_path)).data
    assert [r["Resultaat"] for r in data["Resultaten"]] == [
        "Elke nieuwe inwoner krijgt binnen de drie maanden een onthaalgesprek"
    ]
    assert [a["Actie"] for a in data["Acties"]] == [
        "Opmaken van een onthaalbrochure in eenvoudige taal",
        "Vormen van de loketmedewerkers",
    ]
    assert data["Acties"][1]["Trekker"] == "Dienst Burgerzaken"


def test_the_same_typed_bullet_indented_deeper_is_the_level_below(tmp_path):
    from docx.shared import Cm

    document = docx.Document()
    document.add_heading("Strategische doelstelling 1: Iedereen vindt zijn weg", 1)
    document.add_heading("Operationele doelstelling 1.1: Het onthaal is vlot", 2)
    for text, indent in (
        ("\u2022 Elke nieuwe inwoner krijgt een onthaalgesprek", 0),
        ("\u2022 Opmaken van een onthaalbrochure", 1.5),
        ("\u2022 Vormen van de loketmedewerkers", 1.5),
        ("\u2022 Het loket is elke dag open", 0),
        ("\u2022 Ruimere openingsuren invoeren", 1.5),
    ):
        document.add_paragraph(text).paragraph_format.left_indent = Cm(indent)
    data = import_document(_save(document, tmp_path)).data
    assert [(r["Code"], r["Resultaat"]) for r in data["Resultaten"]] == [
        ("1.1.1", "Elke nieuwe inwoner krijgt een onthaalgesprek"),
        ("1.1.2", "Het loket is elke dag open"),
    ]
    assert [(a["Code"], a["Actie"]) for a in data["Acties"]] == [
        ("1.1.1.1", "Opmaken van een onthaalbrochure"),
        ("1.1.1.2", "Vormen van de loketmedewerkers"),
        ("1.1.2.1", "Ruimere openingsuren invoeren"),
    ]


def _link_numbering(document, levels: list[tuple[str, str]]) -> str:
    """A multilevel list whose levels (lvlText, style id) are linked to paragraph styles, as Word makes it when
    headings are numbered; returns the list's numId."""
    from docx.oxml import parse_xml

    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{index}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="{style}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for index, (text, style) in enumerate(levels)
    )
    numbering.insert(0, parse_xml(f'<w:abstractNum {namespace} w:abstractNumId="90">{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {namespace} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for index, (_, style) in enumerate(levels):
        properties = document.styles.get_by_id(style, 1).element.get_or_add_pPr()
        properties.insert(
            0, parse_xml(f'<w:numPr {namespace}><w:ilvl w:val="{index}"/><w:numId w:val="90"/></w:numPr>')
        )
    return "90"


def test_objective_numbers_that_exist_only_in_the_numbering_of_the_heading_styles(tmp_path):
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    document = docx.Document()
    _link_numbering(document, [("SD %1 \u2013", "Heading1"), ("OD %1.%2", "Heading2")])
    document.add_heading("Voorwoord", 1)
    chapter = document.element.body.findall(qn("w:p"))[-1]
    chapter.get_or_add_pPr().insert(
        0,
        parse_xml(
            '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:numId w:val="0"/></w:numPr>'
        ),
    )
    document.add_paragraph("Een woord vooraf.")
    document.add_heading("Nieuwkomers vinden hun weg", 1)
    document.add_heading("Het onthaal is vlot", 2)
    document.add_paragraph("Resultaten:")
    document.add_paragraph("Elke nieuwe inwoner krijgt een onthaalgesprek", style="List Bullet")
    document.add_heading("Het loket is bereikbaar", 2)
    document.add_heading("Iedereen spreekt mee", 1)
    document.add_heading("De adviesraad is divers", 2)
    imported = import_document(_save(document, tmp_path))
    data = imported.data
    assert [c.title for c in imported.chapters] == ["Voorwoord"]  # its numbering switched off: no objective
    assert [(o["Code"], o["Titel"]) for o in data["Doelstellingen"]] == [
        ("1", "Nieuwkomers vinden hun weg"),
        ("1.1", "Het onthaal is vlot"),
        ("1.2", "Het loket is bereikbaar"),
        ("2", "Iedereen spreekt mee"),
        ("2.1", "De adviesraad is divers"),
    ]
    assert [(r["Code"], r["Resultaat"]) for r in data["Resultaten"]] == [
        ("1.1.1", "Elke nieuwe inwoner krijgt een onthaalgesprek")
    ]


def test_a_bold_title_broken_over_two_paragraphs_is_one_title(tmp_path):
    document = docx.Document()
    for text in (
        "Strategische doelstelling 1: Nieuwkomers worden welkom geheten en begeleid",
        "naar de lokale dienstverlening",
        "Operationele doelstelling 1.1: Het onthaal is vlot",
    ):
        document.add_paragraph().add_run(text).bold = True
    document.add_paragraph("Resultaten:")
    document.add_paragraph("1.1.1 Elke nieuwe inwoner krijgt een onthaalgesprek")
    data = import_document(_save(document, tmp_path)).data
    assert [(o["Code"], o["Titel"]) for o in data["Doelstellingen"]] == [
        ("1", "Nieuwkomers worden welkom geheten en begeleid naar de lokale dienstverlening"),
        ("1.1", "Het onthaal is vlot"),
    ]
    assert [r["Code"] for r in data["Resultaten"]] == ["1.1.1"]


def test_results_and_actions_numbered_anew_under_each_objective(tmp_path):
    document = docx.Document()
    document.add_heading("Strategische doelstelling 1: Iedereen vindt zijn weg", 1)
    for objective in ("1.1", "1.2"):
        document.add_heading(f"Operationele doelstelling {objective}: Doelstelling {objective} van het plan", 2)
        document.add_heading("Resultaat 1", 3)
        document.add_paragraph(f"Het eerste resultaat onder {objective}")
        document.add_paragraph(f"Actie 1: De eerste actie onder {objective}")
        document.add_paragraph(f"Resultaat 2: Het tweede resultaat onder {objective}")
        document.add_paragraph(f"Actie 1: Nog een actie onder {objective}")
    data = import_document(_save(document, tmp_path)).data
    assert [(r["Code"], r["Resultaat"]) for r in data["Resultaten"]] == [
        ("1.1.1", "Het eerste resultaat onder 1.1"),
        ("1.1.2", "Het tweede resultaat onder 1.1"),
        ("1.2.1", "Het eerste resultaat onder 1.2"),
        ("1.2.2", "Het tweede resultaat onder 1.2"),
    ]
    assert [(a["Code"], a["Actie"]) for a in data["Acties"]] == [
        ("1.1.1.1", "De eerste actie onder 1.1"),
        ("1.1.2.1", "Nog een actie onder 1.1"),
        ("1.2.1.1", "De eerste actie onder 1.2"),
        ("1.2.2.1", "Nog een actie onder 1.2"),
    ]


def test_a_chapter_after_the_objectives_by_the_size_of_the_chapter_titles(tmp_path):
    from docx.shared import Pt

    document = docx.Document()

    def title(text: str, size: int = 14) -> None:
        run = document.add_paragraph().add_run(text)
        run.bold, run.font.size = True, Pt(size)

    title("Inleiding")  # no title page: the first bold line is a chapter, running text under it
    document.add_paragraph("Dit plan loopt zes jaar en werd samen met de partners opgemaakt.")
    title("Strategische doelstelling 1: Iedereen vindt zijn weg")
    title("Operationele doelstelling 1.1: Het onthaal is vlot", 12)
    document.add_paragraph("Resultaten:")
    document.add_paragraph("\u2022 Elke nieuwe inwoner krijgt een onthaalgesprek")
    document.add_paragraph("o Opmaken van een onthaalbrochure")
    title("Opvolging en evaluatie")
    document.add_paragraph("De stuurgroep volgt het plan jaarlijks op.")
    imported = import_document(_save(document, tmp_path))
    assert [(c.title, c.after) for c in imported.chapters] == [("Inleiding", False), ("Opvolging en evaluatie", True)]
    assert [a["Actie"] for a in imported.data["Acties"]] == ["Opmaken van een onthaalbrochure"]


def test_word_bullets_under_results_typed_with_a_bullet_sign_are_the_actions(tmp_path):
    document = docx.Document()
    document.add_heading("Strategische doelstelling 1: Iedereen vindt zijn weg", 1)
    document.add_heading("Operationele doelstelling 1.1: Het onthaal is vlot", 2)
    document.add_paragraph("\u2022 Elke nieuwe inwoner krijgt een onthaalgesprek")
    document.add_paragraph("Opmaken van een onthaalbrochure", style="List Bullet")
    document.add_paragraph("\u2022 Het loket is elke dag open")
    document.add_paragraph("Ruimere openingsuren invoeren", style="List Bullet")
    data = import_document(_save(document, tmp_path)).data
    assert [r["Resultaat"] for r in data["Resultaten"]] == [
        "Elke nieuwe inwoner krijgt een onthaalgesprek",
        "Het loket is elke dag open",
    ]
    assert [(a["Code"], a["Actie"]) for a in data["Acties"]] == [
        ("1.1.1.1", "Opmaken van een onthaalbrochure"),
        ("1.1.2.1", "Ruimere openingsuren invoeren"),
    ]


def test_an_action_code_before_any_result_is_no_error(tmp_path):
    document = docx.Document()
    document.add_heading("Strategische doelstelling 1: Iedereen vindt zijn weg", 1)
    document.add_heading("Operationele doelstelling 1.1: Het onthaal is vlot", 2)
    document.add_paragraph("A1.1.1.1 Opmaken van een onthaalbrochure")
    imported = import_document(_save(document, tmp_path))
    assert imported.data["Resultaten"] == []
    assert any("Opmaken van een onthaalbrochure" in note.text for note in imported.notes)


def test_a_labelled_action_title_broken_over_two_bold_lines_is_one_title(tmp_path):
    document = docx.Document()
    document.add_heading("Strategische doelstelling 1: Iedereen vindt zijn weg", 1)
    document.add_heading("Operationele doelstelling 1.1: Het onthaal is vlot", 2)
    document.add_heading("Resultaat 1.1.1: Elke nieuwe inwoner krijgt een onthaalgesprek", 3)
    document.add_paragraph().add_run("Actie: Een maandelijkse zitdag van het Agentschap").bold = True
    document.add_paragraph().add_run("Integratie en Inburgering").bold = True
    document.add_paragraph("De zitdag vindt plaats in het Sociaal Huis.")
    document.add_paragraph().add_run("Actie: Een onthaalbrochure").bold = True
    data = import_document(_save(document, tmp_path)).data
    assert [a["Actie"] for a in data["Acties"]] == [
        "Een maandelijkse zitdag van het Agentschap Integratie en Inburgering",
        "Een onthaalbrochure",
    ]
    assert data["Acties"][0]["Omschrijving"] == "De zitdag vindt plaats in het Sociaal Huis."
