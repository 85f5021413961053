"""Layouts that mix habits, each in a small plan: lettered and Roman numbers, content controls, one multilevel list,
"Resultaten en acties", an indicator chapter after the objectives, table rows across, links back to the top and a
budget with a column per year."""

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


def _bold(document, text: str) -> None:
    document.add_paragraph().add_run(text).bold = True


def _notes(imported) -> list[str]:
    return [note.action for note in imported.notes]


def test_operational_objectives_numbered_with_letters_get_digits_and_a_note(tmp_path):
    document = docx.Document()
    document.add_heading("Inleiding", 1)
    document.add_paragraph("Dit plan loopt zes jaar.")
    _bold(document, "1. Inwoners leren Nederlands")
    _bold(document, "1.a Het aanbod oefenkansen is gekend")
    document.add_paragraph("\u25aa\tTwintig taalbuddy's begeleiden een inwoner")
    document.add_paragraph("o\tTaalcafé organiseren (2026)")
    _bold(document, "1.b Ouders worden betrokken")
    document.add_paragraph("\u25aa\tOuders nemen deel aan het oudercafé")
    _bold(document, "2. Discriminatie wordt bestreden")
    _bold(document, "2.a Het bestuur is een inclusieve werkgever")
    document.add_paragraph("\u25aa\tSelectieprocedures zijn gescreend")
    imported = import_document(_save(document, tmp_path))
    data = imported.data
    assert [(o["Code"], o["Titel"]) for o in data["Doelstellingen"]] == [
        ("1", "Inwoners leren Nederlands"),
        ("1.1", "Het aanbod oefenkansen is gekend"),
        ("1.2", "Ouders worden betrokken"),
        ("2", "Discriminatie wordt bestreden"),
        ("2.1", "Het bestuur is een inclusieve werkgever"),
    ]
    assert [r["Code"] for r in data["Resultaten"]] == ["1.1.1", "1.2.1", "2.1.1"]
    assert [(a["Code"], a["Actie"], a["Tijdstip"]) for a in data["Acties"]] == [
        ("1.1.1.1", "Taalcafé organiseren", "2026")
    ]
    assert "Doelstelling 1.a heeft in het werkboek de code 1.1 (planrapport nummert met cijfers)." in _notes(imported)


def test_strategic_objectives_in_roman_numerals_get_digits(tmp_path):
    document = docx.Document()
    for number, roman in ((1, "I"), (2, "II"), (3, "III")):
        _bold(document, f"{roman}. Doel {number}")
        _bold(document, f"{roman}.1 Subdoel {number}")
        document.add_paragraph(f"{number}.1.1 Resultaat van {number}")
    data = import_document(_save(document, tmp_path)).data
    assert [o["Code"] for o in data["Doelstellingen"]] == ["1", "1.1", "2", "2.1", "3", "3.1"]


def _in_control(document, paragraphs: int) -> None:
    """The last `paragraphs` paragraphs of the body moved into one rich-text content control."""
    body = document.element.body
    moved = [child for child in body.iterchildren() if child.tag.endswith("}p")][-paragraphs:]
    control = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="Blok"/></w:sdtPr><w:sdtContent/></w:sdt>')
    moved[0].addprevious(control)
    content = control[1]
    for paragraph in moved:
        content.append(paragraph)


def test_content_controls_are_read_as_the_text_they_hold(tmp_path):
    document = docx.Document()
    document.add_heading("Strategische doelstelling 1: Iedereen vindt zijn weg", 1)
    document.add_heading("Operationele doelstelling 1.1: Het onthaal is vlot", 2)
    _in_control(document, 2)
    document.add_paragraph("1.1.1 Elke nieuwe inwoner krijgt een onthaalgesprek")
    document.add_paragraph("Onthaalbrochure opmaken", style="List Bullet")
    _in_control(document, 2)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Indicator", "Nulmeting 2025"
    table.cell(1, 0).text, table.cell(1, 1).text = "Aantal onthaalgesprekken", "40"
    row = table._tbl.tr_lst[1]  # noqa: SLF001 - python-docx has no public way to wrap a row in a control
    control = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent/></w:sdt>")
    row.addprevious(control)
    control[1].append(row)
    data = import_document(_save(document, tmp_path)).data
    assert [o["Code"] for o in data["Doelstellingen"]] == ["1", "1.1"]
    assert [r["Resultaat"] for r in data["Resultaten"]] == ["Elke nieuwe inwoner krijgt een onthaalgesprek"]
    assert [a["Actie"] for a in data["Acties"]] == ["Onthaalbrochure opmaken"]
    assert [(i["Indicator"], i["Nulmeting waarde"]) for i in data["Indicatoren"]] == [("Aantal onthaalgesprekken", 40)]


_MULTILEVEL = """<w:abstractNum {ns} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="SD %1:"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="OD %1.%2:"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3"/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2013"/></w:lvl>
</w:abstractNum>"""


def _numbered(document, text: str, level: int | None, bold: bool = False) -> None:
    paragraph = document.add_paragraph(style="List Paragraph")
    paragraph.add_run(text).bold = bold
    if level is not None:
        paragraph._p.get_or_add_pPr().append(  # noqa: SLF001 - no public API for a paragraph's list
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
        )


def test_one_multilevel_list_numbers_objectives_results_and_actions(tmp_path):
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(_MULTILEVEL.format(ns=nsdecls("w"))))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    _numbered(document, "Kinderen krijgen dezelfde kansen", 0, bold=True)
    _numbered(document, "Het aantal OKAN-leerlingen verdubbelde.", None)  # the motivation, not a list item
    _numbered(document, "Leerlingen stromen vlot door", 1, bold=True)
    _numbered(document, "OKAN-leerlingen krijgen huiswerkbegeleiding", 2)
    _numbered(document, "Huiswerkklas inrichten", 3)
    _numbered(document, "Zomerschool organiseren", 3)
    _numbered(document, "Indicator: Aantal leerlingen in de huiswerkklas", None)
    _numbered(document, "Er is een vervolgschoolcoach", 2)
    _numbered(document, "Coach aanstellen", 3)
    data = import_document(_save(document, tmp_path)).data
    assert [(o["Code"], o["Titel"]) for o in data["Doelstellingen"]] == [
        ("1", "Kinderen krijgen dezelfde kansen"),
        ("1.1", "Leerlingen stromen vlot door"),
    ]
    assert data["Doelstellingen"][0]["Motivering"] == "Het aantal OKAN-leerlingen verdubbelde."
    assert [(r["Code"], r["Resultaat"]) for r in data["Resultaten"]] == [
        ("1.1.1", "OKAN-leerlingen krijgen huiswerkbegeleiding"),
        ("1.1.2", "Er is een vervolgschoolcoach"),
    ]
    assert [(a["Code"], a["Actie"]) for a in data["Acties"]] == [
        ("1.1.1.1", "Huiswerkklas inrichten"),
        ("1.1.1.2", "Zomerschool organiseren"),
        ("1.1.2.1", "Coach aanstellen"),
    ]
    assert [(i["Code"], i["Indicator"]) for i in data["Indicatoren"]] == [
        ("1.1.1-I1", "Aantal leerlingen in de huiswerkklas")
    ]


def test_results_and_actions_under_one_label_and_indicators_in_a_chapter_after_the_objectives(tmp_path):
    document = docx.Document()
    document.add_heading("Strategische doelstelling 1 \u2013 Nieuwkomers vinden de weg", 1)
    document.add_heading("Actieplan 1.1 \u2013 De diensten communiceren in klare taal", 2)
    _bold(document, "Resultaten en acties")
    document.add_paragraph("Er is een meertalige onthaalbrochure", style="List Number")
    document.add_paragraph("-\tOnthaalgesprekken plannen")
    document.add_paragraph("De wachttijd is gedaald", style="List Number")
    document.add_paragraph("-\tLijst van afgehaakte inburgeraars nabellen")
    document.add_heading("Evaluatie en opvolging", 1)
    document.add_paragraph("Per resultaat volgen we indicatoren op.")
    table = document.add_table(rows=5, cols=4)
    rows = (
        ("Resultaat", "Indicator", "Nulmeting 2025", "Streefwaarde 2031"),
        ("1.1.1", "Aantal onthaalgesprekken", "131", "237"),
        ("", "Aandeel vertaalde brieven", "10", "80"),
        ("1.1.2", "Wachttijd in dagen", "30", "10"),
        ("1.1.9", "Aantal klachten", "12", "4"),
    )
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    imported = import_document(_save(document, tmp_path))
    data = imported.data
    assert [r["Resultaat"] for r in data["Resultaten"]] == [
        "Er is een meertalige onthaalbrochure",
        "De wachttijd is gedaald",
    ]
    assert [(a["Code"], a["Actie"]) for a in data["Acties"]] == [
        ("1.1.1.1", "Onthaalgesprekken plannen"),
        ("1.1.2.1", "Lijst van afgehaakte inburgeraars nabellen"),
    ]
    assert [(i["Code"], i["Indicator"], i["Nulmeting waarde"], i["Streefwaarde"]) for i in data["Indicatoren"]] == [
        ("1.1.1-I1", "Aantal onthaalgesprekken", 131, 237),
        ("1.1.1-I2", "Aandeel vertaalde brieven", 10, 80),
        ("1.1.2-I1", "Wachttijd in dagen", 30, 10),
    ]
    assert [c.title for c in imported.chapters] == ["Evaluatie en opvolging"]
    assert (
        "Niet geplaatst: de indicatortabel noemt 1.1.9, maar het plan heeft geen resultaat of doelstelling met die "
        "code. Zet de indicator zelf op het blad Indicatoren."
    ) in _notes(imported)


def test_an_indicator_row_across_an_objectives_table_belongs_to_the_objective(tmp_path):
    document = docx.Document()
    document.add_heading("Strategische doelstelling 1: Gelijke kansen", 1)
    table = document.add_table(rows=4, cols=4)
    banner = table.cell(0, 0).merge(table.cell(0, 3))
    banner.text = "OD 1.1 Werkzoekenden vinden werk"
    for c, value in enumerate(("Resultaat", "Actie", "Timing", "Verantwoordelijke")):
        table.cell(1, c).text = value
    for c, value in enumerate(("1.1.1 Er is een jobbeurs", "Jobbeurs organiseren", "2027", "Dienst Werk")):
        table.cell(2, c).text = value
    table.cell(3, 0).text = "Indicator"
    table.cell(3, 1).merge(table.cell(3, 3)).text = "Aantal werkervaringsplaatsen"
    data = import_document(_save(document, tmp_path)).data
    assert [r["Code"] for r in data["Resultaten"]] == ["1.1.1"]
    assert [(a["Actie"], a["Tijdstip"]) for a in data["Acties"]] == [("Jobbeurs organiseren", "2027")]
    assert [(i["Code"], i["Indicator"]) for i in data["Indicatoren"]] == [("1.1-I1", "Aantal werkervaringsplaatsen")]


def test_a_link_back_to_the_top_is_no_content(tmp_path):
    document = docx.Document()
    document.add_heading("Strategische doelstelling 1: Gelijke kansen", 1)
    document.add_heading("Operationele doelstelling 1.1: Werk", 2)
    document.add_paragraph("1.1.1 Er is een jobbeurs")
    document.add_paragraph("Evaluatie: jaarlijks verslag")
    document.add_paragraph("Terug naar boven")
    document.add_paragraph("\u2191 Naar de inhoudstafel")
    imported = import_document(_save(document, tmp_path))
    assert [i["Indicator"] for i in imported.data["Indicatoren"]] == ["jaarlijks verslag"]
    skipped = [n.text for n in imported.notes if "navigeren" in n.action]
    assert skipped == ["Terug naar boven", "\u2191 Naar de inhoudstafel"]


def test_a_budget_with_a_column_per_year_gives_a_line_per_year_with_an_amount(tmp_path):
    document = docx.Document()
    document.add_heading("Strategische doelstelling 1: Gelijke kansen", 1)
    document.add_heading("Operationele doelstelling 1.1: Werk", 2)
    document.add_paragraph("1.1.1 Er is een jobbeurs")
    document.add_heading("Bijlage 1: begroting", 1)
    document.add_paragraph("De begroting per jaar.")
    rows = (
        ("Financiering", "Omschrijving", "2026", "2027", "Totaal"),
        ("Vlaamse subsidie", "Loonkost", "\u20ac 41.300", "\u20ac 42.100", "\u20ac 83.400"),
        ("", "Tolken", "\u20ac 4.200", "", "\u20ac 4.200"),
        ("Totaal", "", "\u20ac 45.500", "\u20ac 42.100", "\u20ac 87.600"),
    )
    table = document.add_table(rows=len(rows), cols=5)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    table.cell(1, 0).merge(table.cell(2, 0))
    data = import_document(_save(document, tmp_path)).data
    assert [(b["Jaar"], b["Financier"], b["Omschrijving"], b["Gepland"]) for b in data["Begroting"]] == [
        (2026, "Vlaamse subsidie", "Loonkost", 41300),
        (2027, "Vlaamse subsidie", "Loonkost", 42100),
        (2026, "Vlaamse subsidie", "Tolken", 4200),
    ]
