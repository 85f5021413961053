"""Layouts of plans written without this importer in mind, each in a small plan: other words for the levels,
objectives numbered through the plan, one table for the whole plan, lettered actions, fields on one line, marks."""

from __future__ import annotations

from pathlib import Path

import docx

from workbook.word_import.importing import import_document


def _save(document, folder: Path) -> Path:
    path = folder / "plan.docx"
    document.save(str(path))
    return path


def _bold(document, text: str):
    paragraph = document.add_paragraph()
    paragraph.add_run(text).bold = True
    return paragraph


def _notes(imported) -> list[str]:
    return [note.action for note in imported.notes]


def test_doel_subdoel_and_a_result_heading_with_its_text_under_it(tmp_path):
    document = docx.Document()
    document.add_heading("Doel 1: De gemeente werkt inclusief", 1)
    document.add_heading("Subdoel 1.1: Het personeel is divers", 2)
    document.add_heading("Beoogd resultaat 1.1.1", 3)
    document.add_paragraph("Het onthaal volgde een vorming")
    _bold(document, "Acties")
    document.add_paragraph("Vorming organiseren", style="List Bullet")
    document.add_paragraph("Wie: Dienst Personeel \u2013 Wanneer: 2027", style="List Bullet 2")
    document.add_paragraph("Opvolging: telling op de activiteiten")
    document.add_paragraph("Meetbaar via: Aantal deelnemers (vertrekpunt: 25)")
    data = import_document(_save(document, tmp_path)).data
    assert [(o["Code"], o["Titel"]) for o in data["Doelstellingen"]] == [
        ("1", "De gemeente werkt inclusief"),
        ("1.1", "Het personeel is divers"),
    ]
    assert [(r["Code"], r["Resultaat"]) for r in data["Resultaten"]] == [("1.1.1", "Het onthaal volgde een vorming")]
    assert [(a["Actie"], a["Trekker"], a["Tijdstip"]) for a in data["Acties"]] == [
        ("Vorming organiseren", "Dienst Personeel", "2027")
    ]
    assert [(i["Indicator"], i.get("Nulmeting waarde")) for i in data["Indicatoren"]] == [
        ("telling op de activiteiten", None),
        ("Aantal deelnemers", 25),
    ]


def test_operational_objectives_numbered_through_the_plan_go_under_their_strategic_objective(tmp_path):
    document = docx.Document()
    document.add_heading("Strategische doelstelling 1 Iedereen spreekt mee", 1)
    document.add_heading("OD 1 Het overleg is sterk", 2)
    _bold(document, "Resultaat 1.1: Het overleg komt drie keer samen")
    document.add_heading("Strategische doelstelling 2 Iedereen vindt werk", 1)
    document.add_heading("OD 2 Werkzoekenden worden begeleid", 2)
    _bold(document, "Resultaat 2.1: Er is een jobbeurs")
    document.add_heading("OD 3 Werkgevers kennen de steun", 2)
    _bold(document, "Resultaat 3.1: Tien werkgevers doen mee")
    imported = import_document(_save(document, tmp_path))
    data = imported.data
    assert [o["Code"] for o in data["Doelstellingen"]] == ["1", "1.1", "2", "2.1", "2.2"]
    assert [(r["Code"], r["Resultaat"]) for r in data["Resultaten"]] == [
        ("1.1.1", "Het overleg komt drie keer samen"),
        ("2.1.1", "Er is een jobbeurs"),
        ("2.2.1", "Tien werkgevers doen mee"),
    ]
    assert (
        "Operationele doelstelling 3 (doorlopend genummerd) heeft in het werkboek de code 2.2: de 2e onder "
        "strategische doelstelling 2."
    ) in _notes(imported)


def test_indicators_named_for_an_objective_go_under_it(tmp_path):
    document = docx.Document()
    _bold(document, "I. Dienstverlening is toegankelijk")
    _bold(document, "I.1 Het loket is open")
    document.add_paragraph("I.1.1 Er is een zitdag")
    _bold(document, "Indicatoren bij doelstelling I")
    table = document.add_table(rows=2, cols=3)
    for c, value in enumerate(("Indicator", "Nulmeting 2024", "Streefwaarde 2030")):
        table.cell(0, c).text = value
    for c, value in enumerate(("Aantal bezoekers", "12", "24")):
        table.cell(1, c).text = value
    data = import_document(_save(document, tmp_path)).data
    assert [o["Code"] for o in data["Doelstellingen"]] == ["1", "1.1"]
    assert [(i["Code"], i["Nulmeting waarde"], i["Streefwaarde"]) for i in data["Indicatoren"]] == [("1-I1", 12, 24)]


def test_one_table_for_the_whole_plan_with_the_title_under_the_code_and_figures_under_the_indicator(tmp_path):
    document = docx.Document()
    header = ("SD", "OD", "Resultaat", "Actie", "Indicator", "Timing", "Trekker")
    table = document.add_table(rows=3, cols=len(header))
    for c, value in enumerate(header):
        table.cell(0, c).text = value
    sd = table.cell(1, 0).merge(table.cell(2, 0))
    sd.text = "SD 1"
    sd.add_paragraph("Anderstaligen vinden werk")
    sd.add_paragraph("De werkzaamheidsgraad ligt lager.")
    table.cell(1, 1).merge(table.cell(2, 1)).text = "OD 1.1 Het personeel is divers"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "1.1.1 Er is een jobbeurs"
    indicator = table.cell(1, 4).merge(table.cell(2, 4))
    indicator.text = "Aantal deelnemers"
    indicator.add_paragraph("Nulmeting 2025: 150")
    indicator.add_paragraph("Streefwaarde 2031: 305")
    for r, (action, timing, lead) in enumerate(
        (("Jobbeurs organiseren", "2028", "OCMW"), ("Flyer maken", "2026", "")), 1
    ):
        table.cell(r, 3).text, table.cell(r, 5).text, table.cell(r, 6).text = action, timing, lead
    data = import_document(_save(document, tmp_path)).data
    assert [(o["Code"], o["Titel"], o.get("Motivering")) for o in data["Doelstellingen"]] == [
        ("1", "Anderstaligen vinden werk", "De werkzaamheidsgraad ligt lager."),
        ("1.1", "Het personeel is divers", None),
    ]
    assert [(a["Actie"], a["Tijdstip"], a.get("Trekker")) for a in data["Acties"]] == [
        ("Jobbeurs organiseren", "2028", "OCMW"),
        ("Flyer maken", "2026", None),
    ]
    indicators = data["Indicatoren"]
    assert [(i["Code"], i["Indicator"], i["Nulmeting waarde"], i["Streefwaarde"]) for i in indicators] == [
        ("1.1.1-I1", "Aantal deelnemers", 150, 305)
    ]


def test_lettered_actions_with_their_fields_after_a_line_break_and_the_next_result_kept(tmp_path):
    document = docx.Document()
    document.add_heading("Strategische doelstelling 1: Gelijke kansen", 1)
    document.add_heading("1.1 Ontmoeting groeit", 2)
    _bold(document, "1.1.1 Er is een taalcafé")
    action = document.add_paragraph("1.1.1.a Taalcafé ondersteunen")
    action.add_run().add_break()
    action.add_run("Trekker: Bibliotheek \u00b7 Timing: 2028")
    _bold(document, "1.1.2 Verenigingen krijgen een subsidie")
    document.add_paragraph("1.1.2.a Reglement opmaken")
    imported = import_document(_save(document, tmp_path))
    data = imported.data
    assert [r["Code"] for r in data["Resultaten"]] == ["1.1.1", "1.1.2"]
    assert [(a["Code"], a["Actie"], a.get("Trekker"), a["Tijdstip"]) for a in data["Acties"]] == [
        ("1.1.1.1", "Taalcafé ondersteunen", "Bibliotheek", "2028"),
        ("1.1.2.1", "Reglement opmaken", None, ""),
    ]
    assert "Actie 1.1.1.a heeft in het werkboek de code 1.1.1.1." in _notes(imported)


def test_capitals_with_colons_and_fields_apart_by_tabs_with_unknown_ones(tmp_path):
    document = docx.Document()
    _bold(document, "STAD HALLE")
    _bold(document, "INTEGRATIEBELEIDSPLAN")
    _bold(document, "INLEIDING:")
    document.add_paragraph("Dit plan loopt zes jaar.")
    _bold(document, "STRATEGISCHE DOELSTELLING 1: IEDEREEN DOET MEE:")
    _bold(document, "OPERATIONELE DOELSTELLING 1.1: HET OVERLEG IS STERK:")
    _bold(document, "RESULTATEN:")
    _bold(document, "1.1.1 Ouders nemen deel")
    _bold(document, "ACTIES:")
    document.add_paragraph("-\tOudercafé opstarten")
    document.add_paragraph("Trekker:\tBibliotheek\tTiming:\t/\tBudget:\t\u20ac 3.000")
    imported = import_document(_save(document, tmp_path))
    data = imported.data
    assert data["Instellingen"]["Titel van het plan"] == "INTEGRATIEBELEIDSPLAN"
    assert [c.title for c in imported.chapters] == ["INLEIDING"]
    assert [(a["Actie"], a.get("Trekker"), a["Tijdstip"], a.get("Budget/personeelsinzet")) for a in data["Acties"]] == [
        ("Oudercafé opstarten", "Bibliotheek", "", "\u20ac 3.000")
    ]


def test_marks_in_brackets_are_no_part_of_a_title_and_are_noted(tmp_path):
    document = docx.Document()
    document.add_heading("Beleidsdoelstelling 1 (prioritair): Iedereen vindt de weg", 1)
    document.add_heading("Actieplan 1.1: Het onthaal is vlot", 2)
    paragraph = document.add_heading("Actie 1.1.1 \u2013 Onthaalbrochure maken ", 3)
    paragraph.add_run("(prioritair)").bold = True
    imported = import_document(_save(document, tmp_path))
    data = imported.data
    assert [o["Titel"] for o in data["Doelstellingen"]] == ["Iedereen vindt de weg", "Het onthaal is vlot"]
    assert [(a["Code"], a["Actie"]) for a in data["Acties"]] == [("1.1.1", "Onthaalbrochure maken")]
    notes = _notes(imported)
    assert "Markering '(prioritair)' niet in de titel overgenomen (het werkboek heeft er geen kolom voor)." in notes
    assert "Markering '(prioritair)' niet in de titel van actie 1.1.1 overgenomen." in notes


def test_an_evaluation_in_brackets_a_description_after_a_break_and_a_budget_caption(tmp_path):
    document = docx.Document()
    document.add_heading("SD 1 \u2013 Iedereen doet mee", 1)
    document.add_heading("OD 1.1 Het onthaal is vlot", 2)
    document.add_paragraph(
        "Het onthaal volgde een vorming (wijze en tijdstip van evaluatie: jaarverslag)", style="List Bullet"
    )
    action = document.add_paragraph("Vorming organiseren", style="List Bullet 2")
    action.add_run().add_break()
    action.add_run("De vorming bouwt verder op het vorige plan.").italic = True
    _bold(document, "Budget strategische doelstelling 1")
    table = document.add_table(rows=3, cols=3)
    for r, values in enumerate(
        (
            ("Omschrijving", "Bron", "Bedrag"),
            ("Vrijwilligers", "Eigen middelen", "\u20ac 500"),
            ("Totaal", "", "\u20ac 500"),
        )
    ):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    data = import_document(_save(document, tmp_path)).data
    assert [r["Resultaat"] for r in data["Resultaten"]] == ["Het onthaal volgde een vorming"]
    assert [i["Indicator"] for i in data["Indicatoren"]] == ["jaarverslag"]
    assert [(a["Actie"], a["Omschrijving"]) for a in data["Acties"]] == [
        ("Vorming organiseren", "De vorming bouwt verder op het vorige plan.")
    ]
    assert [(b["Omschrijving"], b["Gepland"]) for b in data["Begroting"]] == [("Vrijwilligers", 500)]


def test_a_results_table_with_baseline_and_target_beside_the_indicator(tmp_path):
    document = docx.Document()
    document.add_heading("Strategische doelstelling 1: Iedereen doet mee", 1)
    document.add_heading("Operationele doelstelling 1.1: Het onthaal is vlot", 2)
    rows = (
        ("Resultaat", "Indicator", "Nulmeting 2025", "Streefwaarde 2031", "Timing"),
        ("1.1.1 Er is een zitdag", "Aantal bezoekers", "150", "305", "2027"),
    )
    table = document.add_table(rows=2, cols=5)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    data = import_document(_save(document, tmp_path)).data
    assert [
        (i["Code"], i["Nulmeting waarde"], i["Nulmeting jaar"], i["Streefwaarde"], i["Streefjaar"])
        for i in data["Indicatoren"]
    ] == [("1.1.1-I1", 150, 2025, 305, 2031)]


def test_a_label_alone_in_a_fields_table_under_an_action_gives_its_value_to_that_field(tmp_path):
    document = docx.Document()
    document.add_heading("Doelstelling 1: Samenleven", 1)
    document.add_heading("Lokale doelstelling 1.1 Zelforganisaties doen mee", 2)
    _bold(document, "Inspraakmoment organiseren")
    document.add_paragraph("Zelforganisaties zijn een brug.")
    table = document.add_table(rows=3, cols=2)
    for r, values in enumerate(
        (("Trekker", "Cultuurdienst"), ("Partners", "Het Agentschap"), ("Periode", "2022-2024"))
    ):
        table.cell(r, 0).text, table.cell(r, 1).text = values
    data = import_document(_save(document, tmp_path)).data
    assert [(a["Actie"], a["Trekker"], a["Partners"], a["Tijdstip"], a["Omschrijving"]) for a in data["Acties"]] == [
        (
            "Inspraakmoment organiseren",
            "Cultuurdienst",
            "Het Agentschap",
            "2022-2024",
            "Zelforganisaties zijn een brug.",
        )
    ]


def test_status_words_of_a_planning_tool_become_the_workbooks_statuses_with_a_note(tmp_path):
    document = docx.Document()
    document.add_heading("SD1 Iedereen doet mee", 2)
    document.add_heading("OD1.1 Het onthaal is vlot", 3)
    rows = (
        ("Nr", "Actie", "Trekker", "Status"),
        ("1.1.1", "Brochure maken", "Dienst Welzijn", "\u25cf Gepland"),
        ("1.1.2", "Onthaaldag", "Dienst Welzijn", "Uitgesteld"),
        ("1.1.3", "Vorming loket", "Personeelsdienst", "Voltooid"),
        ("1.1.4", "Buddywerking", "OCMW", "Wacht op subsidie"),
    )
    table = document.add_table(rows=len(rows), cols=4)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    imported = import_document(_save(document, tmp_path))
    assert [(f["Actie"], f["Status"], f.get("Tijd")) for f in imported.data["Opvolging"]] == [
        ("1.1.1", "Niet gestart", None),
        ("1.1.2", "Niet gestart", "Uitgesteld"),
        ("1.1.3", "Afgerond", None),
        ("1.1.4", "Wacht op subsidie", None),
    ]
    notes = {note.text: note.action for note in imported.notes}
    assert notes["Status 'Gepland'"] == "Geschreven als status 'Niet gestart' (de lijst van het werkboek)."
    assert (
        notes["Status 'Uitgesteld'"]
        == "Geschreven als status 'Niet gestart' en Tijd 'Uitgesteld' (de lijst van het werkboek)."
    )
    assert notes["Status 'Wacht op subsidie'"].startswith("Dit woord staat niet in de lijst van statussen")


def test_hidden_and_struck_through_text_is_left_out_and_noted(tmp_path):
    document = docx.Document()
    hidden = document.add_paragraph()
    hidden.add_run("[Versie 4, nog niet naar het college]").font.hidden = True
    document.add_heading("Ambitie 1: We treden op tegen racisme", 1)
    document.add_heading("Beleidsdoel 1.1: We sensibiliseren", 2)
    paragraph = document.add_paragraph()
    paragraph.add_run("Maatregel 1.1.1").bold = True
    paragraph.add_run(" \u2013 ")
    paragraph.add_run("Een educatief pakket aankopen").bold = True
    document.add_paragraph("Timing: voorjaar 2027")
    struck = document.add_paragraph()
    struck.add_run("Maatregel 1.1.2 \u2013 Een gedragscode opmaken").font.strike = True
    document.add_paragraph("Geschrapt door de gemeenteraad van 24 februari 2026.")
    imported = import_document(_save(document, tmp_path))
    data = imported.data
    assert [(o["Code"], o["Titel"]) for o in data["Doelstellingen"]] == [
        ("1", "We treden op tegen racisme"),
        ("1.1", "We sensibiliseren"),
    ]
    assert [(a["Code"], a["Actie"], a["Tijdstip"]) for a in data["Acties"]] == [
        ("1.1.1", "Een educatief pakket aankopen", "voorjaar 2027")
    ]
    notes = {note.text: note.action for note in imported.notes}
    assert notes["[Versie 4, nog niet naar het college]"].startswith("Verborgen tekst")
    assert notes["Maatregel 1.1.2 \u2013 Een gedragscode opmaken"].startswith("Doorgehaalde tekst")


def test_bilingual_labels_with_dutch_first(tmp_path):
    document = docx.Document()
    document.add_heading("Inleiding / Introduction", 1)
    document.add_paragraph("Dit plan loopt zes jaar.")
    document.add_heading("Doelstelling 1 / Objectif 1: Nieuwkomers vinden hun weg", 1)
    document.add_heading("Doelstelling 1.1 / Objectif 1.1: Het onthaal is vlot", 2)
    paragraph = document.add_paragraph()
    paragraph.add_run("Resultaat / Résultat 1.1.1: ").bold = True
    paragraph.add_run("Er is een wegwijsbrochure")
    document.add_paragraph("Acties / Actions:")
    document.add_paragraph("De brochure vertalen", style="List Bullet")
    document.add_paragraph("Trekker / Responsable: Woonloket")
    imported = import_document(_save(document, tmp_path))
    data = imported.data
    assert [c.title for c in imported.chapters] == ["Inleiding"]
    assert [o["Titel"] for o in data["Doelstellingen"]] == ["Nieuwkomers vinden hun weg", "Het onthaal is vlot"]
    assert [(r["Code"], r["Resultaat"]) for r in data["Resultaten"]] == [("1.1.1", "Er is een wegwijsbrochure")]
    assert [(a["Actie"], a["Trekker"]) for a in data["Acties"]] == [("De brochure vertalen", "Woonloket")]


def test_an_action_form_names_the_objective_it_belongs_to(tmp_path):
    document = docx.Document()
    document.add_heading("Strategische doelstelling 1: Samenleven", 2)
    document.add_heading("Operationele doelstelling 1.1: Melden is makkelijk", 3)
    document.add_paragraph("Domein: \u2610 Werk \u2612 Samenleven \u2610 Welzijn")
    document.add_heading("Operationele doelstelling 1.2: Het onthaal is vlot", 3)
    document.add_heading("Deel 2. Actiefiches", 1)
    rows = (
        ("Actiefiche 1", None),
        ("Actie", "Een wegwijsbrochure maken"),
        ("Doelstelling", "OD 1.1"),
        ("Trekker", "Dienst Samenleven"),
        ("Timing", "Jaarlijks"),
        ("Status", "Uitgesteld"),
    )
    table = document.add_table(rows=len(rows), cols=2)
    for r, (label, value) in enumerate(rows):
        if value is None:
            table.cell(r, 0).merge(table.cell(r, 1)).text = label
        else:
            table.cell(r, 0).text, table.cell(r, 1).text = label, value
    imported = import_document(_save(document, tmp_path))
    data = imported.data
    assert [(o["Code"], o["Domein"]) for o in data["Doelstellingen"]][1] == ("1.1", "Samenleven")
    assert [(a["Code"], a["Actie"], a["Trekker"], a["Tijdstip"]) for a in data["Acties"]] == [
        ("1.1.1", "Een wegwijsbrochure maken", "Dienst Samenleven", "Jaarlijks")
    ]
    assert [(f["Actie"], f["Status"], f.get("Tijd")) for f in data["Opvolging"]] == [
        ("1.1.1", "Niet gestart", "Uitgesteld")
    ]
    assert imported.chapters == []


def test_figures_in_sentences_and_budget_bullets(tmp_path):
    document = docx.Document()
    document.add_heading("Beleidsprioriteit 1 \u2013 Meer inwoners vinden werk", 1)
    document.add_heading("Project 1.1 \u2013 We werken samen met VDAB", 2)
    document.add_paragraph("Het bereik is toegenomen", style="List Bullet")
    paragraph = document.add_paragraph()
    paragraph.add_run("Indicator: ").bold = True
    paragraph.add_run(
        "Aantal werkzoekenden in begeleiding. In 2024 waren er 22, in 2025 al 30. We mikken op 53 in 2031."
    )
    document.add_heading("Financieringsplan", 1)
    document.add_paragraph("De uitvoering wordt gefinancierd met subsidies.")
    document.add_paragraph("Vlaamse integratiesubsidie \u2013 loonkost (0,8 VTE): \u20ac 41.000", style="List Bullet")
    document.add_paragraph("Eigen middelen stad \u2013 cofinanciering: \u20ac 20.000", style="List Bullet")
    _bold(document, "Totaal: \u20ac 61.000")
    data = import_document(_save(document, tmp_path)).data
    (indicator,) = data["Indicatoren"]
    assert (indicator["Indicator"], indicator["Streefwaarde"], indicator["Streefjaar"]) == (
        "Aantal werkzoekenden in begeleiding",
        53,
        2031,
    )
    assert [(m["Periode"], m["Waarde"]) for m in data["Metingen"]] == [("2024", 22), ("2025", 30)]
    assert [(b["Financier"], b["Omschrijving"], b["Gepland"]) for b in data["Begroting"]] == [
        ("Vlaamse integratiesubsidie", "loonkost (0,8 VTE)", 41000),
        ("Eigen middelen stad", "cofinanciering", 20000),
    ]


def test_a_header_over_two_rows_and_an_indicator_table_inside_a_result_cell(tmp_path):
    document = docx.Document()
    document.add_heading("Strategische doelstelling 1: Iedereen woont goed", 1)
    table = document.add_table(rows=3, cols=5)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Operationele doelstelling"
    table.cell(0, 1).merge(table.cell(1, 1)).text = "Resultaat en indicator"
    table.cell(0, 2).merge(table.cell(0, 4)).text = "Uitvoering"
    for c, value in enumerate(("Actie", "Wie", "Wanneer"), start=2):
        table.cell(1, c).text = value
    od = table.cell(2, 0)
    od.text = "1.1"
    od.add_paragraph("We versterken het samenleven")
    result = table.cell(2, 1)
    result.text = "Bewoners kennen hun buren"
    nested = result.add_table(rows=2, cols=3)
    for c, value in enumerate(("Indicator", "Nulmeting 2025", "Streefwaarde 2031")):
        nested.cell(0, c).text = value
    for c, value in enumerate(("Aantal buurtfeesten", "4", "10")):
        nested.cell(1, c).text = value
    for c, value in enumerate(("Buurtfeest steunen", "Woonloket", "Jaarlijks"), start=2):
        table.cell(2, c).text = value
    data = import_document(_save(document, tmp_path)).data
    assert [(o["Code"], o["Titel"]) for o in data["Doelstellingen"]] == [
        ("1", "Iedereen woont goed"),
        ("1.1", "We versterken het samenleven"),
    ]
    assert [r["Resultaat"] for r in data["Resultaten"]] == ["Bewoners kennen hun buren"]
    assert [(a["Actie"], a["Trekker"], a["Tijdstip"]) for a in data["Acties"]] == [
        ("Buurtfeest steunen", "Woonloket", "Jaarlijks")
    ]
    assert [(i["Indicator"], i["Nulmeting waarde"], i["Streefwaarde"]) for i in data["Indicatoren"]] == [
        ("Aantal buurtfeesten", 4, 10)
    ]
