"""Three ways municipalities write a plan in Word, each made here with python-docx and imported completely."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from reporting.documents.wordml.docx_internals import paragraph_element
from workbook.word_import.importing import import_document


def bold(document, text: str, style: str | None = None):
    paragraph = document.add_paragraph(style=style)
    paragraph.add_run(text).bold = True
    return paragraph


def listed(document, text: str, level: int = 0, style: str = "List Paragraph"):
    """A paragraph of a Word list (numbering at `level`), as Word writes bullets and numbered lists."""
    paragraph = document.add_paragraph(text, style=style)
    properties = paragraph_element(paragraph).get_or_add_pPr()
    numbering = OxmlElement("w:numPr")
    for name, value in (("w:ilvl", level), ("w:numId", 1)):
        element = OxmlElement(name)
        element.set(qn("w:val"), str(value))
        numbering.append(element)
    properties.append(numbering)
    return paragraph


def counts(imported) -> dict[str, int]:
    return {count.level: count.found for count in imported.counts}


def texts(imported) -> dict[str, list[str]]:
    data = imported.data
    objectives = data["Doelstellingen"]
    return {
        "strategic": [f"{o['Code']} {o['Titel']}" for o in objectives if "." not in str(o["Code"])],
        "operational": [f"{o['Code']} {o['Titel']}" for o in objectives if "." in str(o["Code"])],
        "results": [f"{r['Code']} {r['Resultaat']}" for r in data["Resultaten"]],
        "actions": [f"{a['Code']} {a['Actie']}" for a in data["Acties"]],
        "indicators": [f"{i['Code']} {i['Indicator']}" for i in data["Indicatoren"]],
        "chapters": [c.title for c in imported.chapters],
    }


def remarks(imported) -> list[str]:
    return [remark for count in imported.counts if (remark := count.remark())]


# ---------------------------------------------------------------------------------------------- converted from PDF


def city_plan_from_pdf(path: Path) -> Path:
    """Chapter titles as a numbered Word list, the table of contents as a table, "SD 1"/"OD 1.1" bold paragraphs,
    "Resultaten:" with bullets, actions typed as "o ", evaluation on its own line or at the end of the result,
    separator lines, a page number left over from the PDF."""
    document = docx.Document()
    bold(document, "Integratiebeleidsplan 2012-2014")
    bold(document, "Stad Sint-Kornelis")
    bold(document, "Inhoudstafel")
    contents = document.add_table(rows=4, cols=2)
    for row, (title, page) in zip(
        contents.rows,
        (("1. Inleiding", "2"), ("2. Omgevingsanalyse", "3"), ("3. Doelstellingen", "4"), ("4. Opvolging", "9")),
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = title, page
    for title, text in (
        ("Inleiding", "Dit plan beschrijft het integratiebeleid van de stad."),
        ("Omgevingsanalyse", "De stad telt 77.000 inwoners, van wie 14% van buitenlandse herkomst."),
    ):
        listed(document, title, style="List Number").runs[0].bold = True
        document.add_paragraph(text)
        document.add_paragraph("\u2014" * 20)
    listed(document, "Doelstellingen", style="List Number").runs[0].bold = True
    bold(document, "SD 1 Nieuwkomers vinden hun weg in de stad")
    document.add_paragraph("Elke nieuwkomer krijgt een warm onthaal.")
    bold(document, "OD 1.1 Het onthaal is toegankelijk")
    document.add_paragraph("Resultaten:")
    listed(
        document,
        "Elke nieuwkomer krijgt een onthaalgesprek, wijze en tijdstip van evaluatie: jaarlijks verslag "
        "van de onthaaldienst",
    )
    document.add_paragraph("o Onthaalgesprekken in het stadskantoor")
    document.add_paragraph("o Een tolk bij elk gesprek")
    listed(document, "Er is een onthaalbrochure in vijf talen")
    document.add_paragraph("o Brochure schrijven met de integratiedienst")
    document.add_paragraph("Wijze en tijdstip evaluatie:")
    document.add_paragraph("Aantal verspreide brochures (2013)")
    document.add_paragraph("12")
    document.add_paragraph("\u2014" * 20)
    bold(document, "SD 2 Iedereen spreekt mee")
    bold(document, "OD 2.1 Oefenkansen Nederlands")
    document.add_paragraph("Resultaten:")
    listed(document, "Er zijn wekelijks oefenmomenten in de bibliotheek")
    document.add_paragraph("o Taalcafé in de bibliotheek")
    document.add_paragraph("Wijze en tijdstip evaluatie:")
    document.add_paragraph("Aantal deelnemers aan het taalcafé")
    listed(document, "Opvolging", style="List Number").runs[0].bold = True
    document.add_paragraph("De integratiedienst rapporteert jaarlijks aan het college.")
    target = path / "stad-uit-pdf.docx"
    document.save(target)
    return target


def test_a_city_plan_converted_from_pdf_imports_completely(tmp_path):
    imported = import_document(city_plan_from_pdf(tmp_path))
    assert counts(imported) == {
        "strategic": 2,
        "operational": 2,
        "results": 3,
        "actions": 4,
        "indicators": 3,
        "chapters": 3,
        "budget": 0,
    }
    assert texts(imported) == {
        "strategic": ["1 Nieuwkomers vinden hun weg in de stad", "2 Iedereen spreekt mee"],
        "operational": ["1.1 Het onthaal is toegankelijk", "2.1 Oefenkansen Nederlands"],
        "results": [
            "1.1.1 Elke nieuwkomer krijgt een onthaalgesprek",
            "1.1.2 Er is een onthaalbrochure in vijf talen",
            "2.1.1 Er zijn wekelijks oefenmomenten in de bibliotheek",
        ],
        "actions": [
            "1.1.1.1 Onthaalgesprekken in het stadskantoor",
            "1.1.1.2 Een tolk bij elk gesprek",
            "1.1.2.1 Brochure schrijven met de integratiedienst",
            "2.1.1.1 Taalcafé in de bibliotheek",
        ],
        "indicators": [
            "1.1.1-I1 jaarlijks verslag van de onthaaldienst",
            "1.1.2-I1 Aantal verspreide brochures (2013)",
            "2.1.1-I1 Aantal deelnemers aan het taalcafé",
        ],
        "chapters": ["Inleiding", "Omgevingsanalyse", "Opvolging"],
    }
    settings = imported.data["Instellingen"]
    assert (settings["Gemeente"], settings["Titel van het plan"], settings["Beginjaar"], settings["Eindjaar"]) == (
        "Sint-Kornelis",
        "Integratiebeleidsplan",
        2012,
        2014,
    )
    assert (
        "alinea 1",
        "Gok: titel van het plan 'Integratiebeleidsplan' (de eerste vetgedrukte regel van het "
        "voorblad, zonder label). Kijk het na op het blad Instellingen.",
    ) in [(n.position, n.action) for n in imported.notes]
    skipped = [(n.text, n.action) for n in imported.notes if n.action.startswith("Overgeslagen")]
    separator = ("\u2014" * 20, "Overgeslagen: scheidingslijn, geen inhoud.")
    assert skipped == [separator, separator, ("12", "Overgeslagen: paginanummer, geen inhoud."), separator]
    assert remarks(imported) == []


# ------------------------------------------------------------------------------------- bold titles, list levels


def bold_titles_and_list_levels(path: Path) -> Path:
    """Bold chapter titles with typed numbers, "SD 1" with the title as a second bold paragraph, results as Word
    bullets with their actions one list level deeper, evaluation at the end of the result's line."""
    document = docx.Document()
    bold(document, "Gemeente Oostmeer")
    bold(document, "Meerjarenplan samenleven")
    bold(document, "2020 \u2013 2025")
    bold(document, "1. Inleiding")
    document.add_paragraph("Oostmeer kiest voor een inclusief beleid.")
    bold(document, "2. Doelstellingen")
    bold(document, "SD 1")
    bold(document, "Nieuwe inwoners voelen zich welkom")
    document.add_paragraph("Motivering:")
    document.add_paragraph("Er komen elk jaar meer nieuwe inwoners.")
    bold(document, "OD 1.1 Een onthaal op maat")
    listed(
        document,
        "Elke nieuwe inwoner krijgt een welkomstpakket, wijze en tijdstip van evaluatie: jaarlijks, aantal pakketten",
    )
    listed(document, "Pakket samenstellen met de bibliotheek", level=1)
    listed(document, "Pakket bezorgen bij de inschrijving", level=1)
    listed(document, "Er is een maandelijkse infoavond, wijze en tijdstip van evaluatie: 2023, tevredenheid")
    listed(document, "Infoavond organiseren in het OCMW", level=1)
    bold(document, "OD 1.2 Buren ontmoeten elkaar")
    listed(document, "Elke wijk heeft een buurtfeest, wijze en tijdstip van evaluatie: jaarlijks, aantal feesten")
    listed(document, "Buurtfeesten ondersteunen", level=1)
    bold(document, "3. Evaluatie en opvolging")
    document.add_paragraph("Jaarlijks een verslag aan de gemeenteraad.")
    target = path / "vet-en-lijstniveaus.docx"
    document.save(target)
    return target


def test_bold_titles_with_results_and_actions_as_list_levels_import_completely(tmp_path):
    imported = import_document(bold_titles_and_list_levels(tmp_path))
    assert counts(imported) == {
        "strategic": 1,
        "operational": 2,
        "results": 3,
        "actions": 4,
        "indicators": 3,
        "chapters": 2,
        "budget": 0,
    }
    assert texts(imported) == {
        "strategic": ["1 Nieuwe inwoners voelen zich welkom"],
        "operational": ["1.1 Een onthaal op maat", "1.2 Buren ontmoeten elkaar"],
        "results": [
            "1.1.1 Elke nieuwe inwoner krijgt een welkomstpakket",
            "1.1.2 Er is een maandelijkse infoavond",
            "1.2.1 Elke wijk heeft een buurtfeest",
        ],
        "actions": [
            "1.1.1.1 Pakket samenstellen met de bibliotheek",
            "1.1.1.2 Pakket bezorgen bij de inschrijving",
            "1.1.2.1 Infoavond organiseren in het OCMW",
            "1.2.1.1 Buurtfeesten ondersteunen",
        ],
        "indicators": [
            "1.1.1-I1 jaarlijks, aantal pakketten",
            "1.1.2-I1 2023, tevredenheid",
            "1.2.1-I1 jaarlijks, aantal feesten",
        ],
        "chapters": ["Inleiding", "Evaluatie en opvolging"],
    }
    assert [c.after for c in imported.chapters] == [False, True]
    settings = imported.data["Instellingen"]
    assert (settings["Gemeente"], settings["Titel van het plan"], settings["Beginjaar"], settings["Eindjaar"]) == (
        "Oostmeer",
        "Meerjarenplan samenleven",
        2020,
        2025,
    )
    assert imported.data["Doelstellingen"][0]["Motivering"] == "Er komen elk jaar meer nieuwe inwoners."
    assert remarks(imported) == []


# --------------------------------------------------------------------------------------- a label table per OD


def label_tables(path: Path) -> Path:
    """Every operational objective as a label | text table: Operationele doelstelling, Acties, Indicator, Timing,
    Budget, Trekker."""
    document = docx.Document()
    bold(document, "Gemeente Westbeek")
    bold(document, "Lokaal integratieplan")
    bold(document, "Planperiode 2026-2031")
    document.add_heading("Inleiding", 1)
    document.add_paragraph("Westbeek werkt samen met alle partners.")
    plans = (
        (
            "1",
            "Iedereen vindt werk",
            (
                (
                    "1.1 Werkzoekenden vinden de weg naar de VDAB",
                    ["Zitdag van de VDAB in het sociaal huis", "Jobbeurs voor nieuwkomers"],
                    "Aantal begeleide werkzoekenden",
                    "2027",
                    "\u20ac 2.500",
                    "Dienst Werk",
                ),
                (
                    "1.2 Werkgevers nemen divers aan",
                    ["Netwerkmoment met de lokale werkgevers"],
                    "Aantal deelnemende werkgevers",
                    "Jaarlijks",
                    "\u20ac 1.000",
                    "Dienst Economie",
                ),
            ),
        ),
        (
            "2",
            "Iedereen woont goed",
            (
                (
                    "2.1 Het woonloket helpt anderstaligen",
                    ["Woonloket met tolken", "Infosessie huren"],
                    "Aantal begeleidingen",
                    "Vanaf 2027",
                    "Eigen personeel",
                    "Woonloket",
                ),
            ),
        ),
    )
    for code, title, objectives in plans:
        document.add_heading(f"SD {code} {title}", 1)
        for od_title, actions, indicator, timing, budget, lead in objectives:
            table = document.add_table(rows=6, cols=2)
            cells = [row.cells for row in table.rows]
            cells[0][0].text, cells[0][1].text = "Operationele doelstelling", od_title
            cells[1][0].text = "Acties"
            cells[1][1].text = actions[0]
            cells[1][1].paragraphs[0].style = document.styles["List Bullet"]
            for action in actions[1:]:
                cells[1][1].add_paragraph(action, style="List Bullet")
            for row, (name, value) in zip(
                cells[2:],
                (("Indicator", indicator), ("Timing", timing), ("Budget", budget), ("Trekker", lead)),
                strict=True,
            ):
                row[0].text, row[1].text = name, value
    document.add_heading("Opvolging", 1)
    document.add_paragraph("De stuurgroep volgt het plan op.")
    target = path / "labeltabellen.docx"
    document.save(target)
    return target


def test_a_label_table_per_operational_objective_imports_completely(tmp_path):
    imported = import_document(label_tables(tmp_path))
    assert counts(imported) == {
        "strategic": 2,
        "operational": 3,
        "results": 0,
        "actions": 5,
        "indicators": 3,
        "chapters": 2,
        "budget": 0,
    }
    assert texts(imported) == {
        "strategic": ["1 Iedereen vindt werk", "2 Iedereen woont goed"],
        "operational": [
            "1.1 Werkzoekenden vinden de weg naar de VDAB",
            "1.2 Werkgevers nemen divers aan",
            "2.1 Het woonloket helpt anderstaligen",
        ],
        "results": [],
        "actions": [
            "1.1.1 Zitdag van de VDAB in het sociaal huis",
            "1.1.2 Jobbeurs voor nieuwkomers",
            "1.2.1 Netwerkmoment met de lokale werkgevers",
            "2.1.1 Woonloket met tolken",
            "2.1.2 Infosessie huren",
        ],
        "indicators": [
            "1.1-I1 Aantal begeleide werkzoekenden",
            "1.2-I1 Aantal deelnemende werkgevers",
            "2.1-I1 Aantal begeleidingen",
        ],
        "chapters": ["Inleiding", "Opvolging"],
    }
    fields = [(a["Tijdstip"], a.get("Budget/personeelsinzet"), a.get("Trekker")) for a in imported.data["Acties"]]
    assert (
        fields
        == [("2027", "\u20ac 2.500", "Dienst Werk")] * 2
        + [("Jaarlijks", "\u20ac 1.000", "Dienst Economie")]
        + [("Vanaf 2027", "Eigen personeel", "Woonloket")] * 2
    )
    settings = imported.data["Instellingen"]
    assert (settings["Gemeente"], settings["Titel van het plan"], settings["Beginjaar"], settings["Eindjaar"]) == (
        "Westbeek",
        "Lokaal integratieplan",
        2026,
        2031,
    )
    assert remarks(imported) == []


# ---------------------------------------------------------------------------------------------------- the counts


def test_the_counts_name_what_the_numbering_and_the_contents_announce(tmp_path):
    document = docx.Document()
    bold(document, "Inhoud")
    for line in ("1 Voorwoord 2", "2 Inleiding 3", "3 Doelstellingen 4"):
        document.add_paragraph(line)
    document.add_heading("Inleiding", 1)
    document.add_paragraph("Een inleiding.")
    document.add_heading("SD 1 Samen leven", 1)
    document.add_heading("OD 1.1 Buren kennen elkaar", 2)
    document.add_paragraph("Acties:")
    document.add_heading("OD 1.3 Verenigingen zijn open", 2)
    document.add_paragraph("Resultaten:")
    document.add_paragraph("1.3.1 Elke vereniging heeft een aanspreekpunt")
    document.add_paragraph("1.3.3 Elke vereniging kent de vrijetijdspas")
    source = tmp_path / "telling.docx"
    document.save(source)
    imported = import_document(source)
    assert remarks(imported) == [
        "Let op, operationele doelstellingen: 2 gevonden; volgens de nummering 3 (ontbreekt: 1.2).",
        "Let op, resultaten: 2 gevonden; volgens de nummering 3 (ontbreekt: 1.3.2).",
        "Let op, acties: 0 gevonden, maar het document heeft een label 'Acties' (alinea 9). Kijk na waar die tekst "
        "terechtkwam en vul het blad aan.",
        "Let op, hoofdstukken: 1 gevonden; de inhoudstafel noemt er 2 die geen doelstelling zijn (niet gevonden: "
        "'Voorwoord').",
    ]
    first = [(n.position, n.text, n.action) for n in imported.notes[:7]]
    assert first == [
        ("Telling", "Strategische doelstellingen", "1 gevonden"),
        ("Telling", "Operationele doelstellingen", "2 gevonden; volgens de nummering 3 (ontbreekt: 1.2)"),
        ("Telling", "Resultaten", "2 gevonden; volgens de nummering 3 (ontbreekt: 1.3.2)"),
        (
            "Telling",
            "Acties",
            "0 gevonden. Let op: het document heeft een label 'Acties' (alinea 9). Kijk na waar "
            "die tekst terechtkwam en vul het blad aan.",
        ),
        ("Telling", "Indicatoren", "0 gevonden"),
        (
            "Telling",
            "Hoofdstukken",
            "1 gevonden; de inhoudstafel noemt er 2 die geen doelstelling zijn (niet gevonden: 'Voorwoord')",
        ),
        ("Telling", "Begrotingslijnen", "0 gevonden"),
    ]


def test_gemeente_and_period_from_the_running_header_or_text_are_guesses(tmp_path):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Gemeente Noordhout \u2013 Samenlevingsplan 2020-2025"
    document.sections[0].footer.paragraphs[0].text = "pagina 1 van 30"
    document.add_heading("Inleiding", 1)
    document.add_paragraph("Een inleiding.")
    document.add_heading("SD 1 Samen leven", 1)
    source = tmp_path / "koptekst.docx"
    document.save(source)
    imported = import_document(source)
    settings = imported.data["Instellingen"]
    assert (settings["Gemeente"], settings["Titel van het plan"], settings["Beginjaar"], settings["Eindjaar"]) == (
        "Noordhout",
        "Samenlevingsplan",
        2020,
        2025,
    )
    assert [(n.position, n.action) for n in imported.notes if n.position.startswith(("kop", "voet"))] == [
        (
            "koptekst, alinea 1",
            "Gok: gemeente Noordhout, planperiode 2020-2025, titel 'Samenlevingsplan' uit de kop- "
            "of voettekst (zonder label). Kijk het na op het blad Instellingen.",
        ),
        ("voettekst, alinea 1", "Overgeslagen: paginanummer in de kop- of voettekst, geen inhoud."),
    ]

    document = docx.Document()
    document.add_heading("Inleiding", 1)
    document.add_paragraph(
        "De gemeente Zuidkerke wil een warme gemeente zijn. Met dit beleidsplan 2026 \u2013 2031 "
        "zetten we de lijnen uit."
    )
    document.add_heading("SD 1 Samen leven", 1)
    document.save(source)
    imported = import_document(source)
    settings = imported.data["Instellingen"]
    assert (settings["Gemeente"], settings.get("Titel van het plan"), settings["Beginjaar"], settings["Eindjaar"]) == (
        "Zuidkerke",
        None,
        2026,
        2031,
    )
    assert [n.action for n in imported.notes if n.position == "alinea 2"] == [
        "Gok: gemeente Zuidkerke uit 'gemeente Zuidkerke', planperiode 2026-2031 uit 'beleidsplan 2026 \u2013 2031' "
        "(de lopende tekst, zonder label). Kijk het na op het blad Instellingen."
    ]


# ---------------------------------------------------------------------------------------------------- speed


def long_plan(path: Path, strategic: int = 20, operational: int = 5) -> Path:
    """118 pages as LibreOffice prints it: per operational objective a motivation and a table Resultaten | Acties |
    Wijze & tijdstip evaluatie of three results, each with three actions and two evaluation lines."""
    document = docx.Document()
    bold(document, "Gemeente Langedam")
    bold(document, "Beleidsplan integratie 2026-2031")
    document.add_heading("Inleiding", 1)
    for _ in range(20):
        document.add_paragraph("Langedam werkt met alle partners aan een stad waar iedereen mee kan doen. " * 6)
    for sd in range(1, strategic + 1):
        document.add_heading(f"Strategische doelstelling {sd}: Iedereen doet mee in domein {sd}", 1)
        document.add_paragraph("Motivering - duiding")
        document.add_paragraph("De cijfers van de omgevingsanalyse tonen waarom dit nodig is. " * 5)
        for od in range(1, operational + 1):
            document.add_heading(f"Operationele doelstelling {sd}.{od}: Het aanbod {od} is toegankelijk", 2)
            document.add_paragraph("Het aanbod bereikt nog te weinig inwoners van buitenlandse herkomst. " * 3)
            table = document.add_table(rows=4, cols=3)
            for cell, text in zip(
                table.rows[0].cells, ("Resultaten", "Acties", "Wijze & tijdstip evaluatie"), strict=True
            ):
                cell.text = text
            for number, row in enumerate(table.rows[1:], start=1):
                row.cells[0].text = f"{sd}.{od}.{number}. Er is een aanbod {number} voor nieuwkomers in de wijk"
                row.cells[1].text = "Jaarlijks:"
                for action in range(1, 4):
                    row.cells[1].add_paragraph(f"\u25aa Actie {action}: overleg met de partners over het aanbod")
                row.cells[2].text = "Jaarlijks:"
                row.cells[2].add_paragraph("\u25aa Aantal deelnemers aan het aanbod")
                row.cells[2].add_paragraph("\u25aa Verslag van het overleg")
    target = path / "lang.docx"
    document.save(target)
    return target


def test_a_plan_of_about_a_hundred_pages_imports_whole(tmp_path):
    """Its speed is a figure of benchmarks/import_plan.py, not a condition of this test."""
    imported = import_document(long_plan(tmp_path))
    assert counts(imported) == {
        "strategic": 20,
        "operational": 100,
        "results": 300,
        "actions": 900,
        "indicators": 600,
        "chapters": 1,
        "budget": 0,
    }


def test_what_looks_like_layout_in_a_table_or_a_new_table_is_kept(tmp_path):
    """A lone number in a label table is a value, not a page number; a result in lower case at the top of the next
    objective's table is a result of its own, not the rest of the one above."""
    document = docx.Document()
    document.add_heading("Integratieplan Gemeente Hoogveld 2026-2031", 1)
    document.add_heading("SD 1 Samen leven", 1)
    for code, result in (("1.1", "Een buurtfeest per wijk"), ("1.2", "iedere vereniging heeft een aanspreekpunt")):
        document.add_heading(f"OD {code} Ontmoeting", 2)
        table = document.add_table(rows=2, cols=3)
        for cell, text in zip(table.rows[0].cells, ("Resultaten", "Acties", "Wijze & tijdstip evaluatie"), strict=True):
            cell.text = text
        table.rows[1].cells[0].text = f"{code}.1. {result}" if code == "1.1" else result
        table.rows[1].cells[1].text = "buurtwerkers zoeken de verenigingen op"
    table = document.add_table(rows=3, cols=2)
    for row, (name, value) in zip(
        table.rows,
        (("Operationele doelstelling", "1.3 Een open huis"), ("Acties", "Opendeurdag"), ("Budget", "500")),
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = name, value
    source = tmp_path / "randgevallen.docx"
    document.save(source)
    imported = import_document(source)
    assert texts(imported)["results"] == [
        "1.1.1 Een buurtfeest per wijk",
        "1.2.1 iedere vereniging heeft een aanspreekpunt",
    ]
    assert texts(imported)["actions"] == [
        "1.1.1.1 buurtwerkers zoeken de verenigingen op",
        "1.2.1.1 buurtwerkers zoeken de verenigingen op",
        "1.3.1 Opendeurdag",
    ]
    assert imported.data["Acties"][-1]["Budget/personeelsinzet"] == "500"
    settings = imported.data["Instellingen"]
    assert (settings["Gemeente"], settings["Titel van het plan"], settings["Beginjaar"]) == (
        "Hoogveld",
        "Integratieplan Gemeente Hoogveld",
        2026,
    )
    assert [c.title for c in imported.chapters] == []


def test_a_budget_that_differs_per_year_comes_back_per_year(tmp_path):
    """The plan document prints one budget table per year when the years differ; the import gives each its year."""
    from dataclasses import replace

    from conftest import WAREGEM

    from reporting.documents import render_plan_document
    from workbook.reading.reader import read_plan

    original = read_plan(WAREGEM)
    lines = tuple(
        replace(line, planned=line.planned + 1000) if line.year == 2012 else line for line in original.budget_lines
    )
    source = tmp_path / "beleidsplan.docx"
    source.write_bytes(render_plan_document(replace(original, budget_lines=lines)))
    imported = import_document(source)
    assert [(b["Jaar"], b["Omschrijving"], b["Gepland"]) for b in imported.data["Begroting"]] == [
        (line.year, line.description, line.planned) for line in lines
    ]
    assert ("2012", "Jaar van de begrotingstabel eronder (blad Begroting).") in [
        (n.text, n.action) for n in imported.notes
    ]
