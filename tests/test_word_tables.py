"""Plans held in tables, each kind made here with python-docx: a table per objective with a column per field, a
planning tool's export with a column Niveau, a page framed by a one-column table, labels in the margin, a budget
with a column per funder and an indicator table with two header rows."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import Pt

from workbook.word_import.importing import import_document


def bold(document, text: str) -> None:
    document.add_paragraph().add_run(text).bold = True


def fill(table, rows: list[list[str]]) -> None:
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value:
                table.cell(r, c).text = value


def grid(document, rows: list[list[str]]):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    fill(table, rows)
    return table


def notes(imported) -> list[str]:
    return [f"{note.text} -> {note.action}" for note in imported.notes]


def test_an_action_table_per_objective_with_a_merged_lead(tmp_path: Path):
    document = docx.Document()
    bold(document, "Actieplan Samenleven")
    document.add_heading("Strategische doelstelling 1 – Iedereen voelt zich thuis", level=1)
    bold(document, "OD 1.1: Nieuwe inwoners worden onthaald")
    bold(document, "OD 1.2: Verenigingen zijn open")
    header = ["Nr", "Actie", "Wie", "Wanneer", "Budget (€)", "Indicator"]
    table = grid(
        document,
        [
            header,
            ["1.1.1", "Onthaalmoment organiseren", "", "2026", "2.500", "Aantal deelnemers"],
            ["1.1.2", "Brochure vertalen", "", "Vanaf 2027", "", ""],
            header,  # the header repeated after a page break
            ["1.2.1", "Verenigingen begeleiden", "Sportdienst", "Jaarlijks", "500", "Aantal verenigingen"],
        ],
    )
    lead = table.cell(1, 2).merge(table.cell(2, 2))
    lead.text = "Dienst Samenleven"
    path = tmp_path / "actietabel.docx"
    document.save(str(path))

    data = import_document(path).data

    actions = {a["Code"]: a for a in data["Acties"]}
    assert list(actions) == ["1.1.1", "1.1.2", "1.2.1"]
    assert actions["1.1.2"]["Trekker"] == "Dienst Samenleven"  # the merged cell gives its lead to both actions
    assert actions["1.1.1"]["Tijdstip"] == "2026"
    assert actions["1.1.1"]["Budget/personeelsinzet"] == "2.500"
    assert actions["1.2.1"]["Trekker"] == "Sportdienst"
    assert [(i["Code"], i["Indicator"]) for i in data["Indicatoren"]] == [
        ("1.1.1-I1", "Aantal deelnemers"),
        ("1.2.1-I1", "Aantal verenigingen"),
    ]
    assert data["Resultaten"] == []


def test_a_planning_tool_export_with_a_level_column_and_a_cover_table(tmp_path: Path):
    document = docx.Document()
    bold(document, "Rapport: doelstellingenboom")
    grid(document, [["Bestuur", "Gemeente Lochem"], ["Plan", "Meerjarenplan samenleven"], ["Periode", "2026 - 2031"]])
    table = grid(
        document,
        [
            ["Niveau", "Nr", "Omschrijving", "Verantwoordelijke", "Periode", "Status"],
            ["SD", "1", "Inwoners nemen deel aan het verenigingsleven", "", "", ""],
            ["OD", "1.1", "Er is een aanbod om Nederlands te oefenen", "Dienst Vrije Tijd", "2026 - 2031", ""],
            ["Actie", "1.1.1", "Taalcafé inrichten", "Bibliotheek", "Doorlopend", "In uitvoering"],
            ["Actie", "1.1.2", "Taalwandelingen", "Sociaal Huis", "2026", "Niet gestart"],
        ],
    )
    table.cell(3, 2).add_paragraph("Wekelijks in de bibliotheek, met vrijwilligers.")
    path = tmp_path / "export.docx"
    document.save(str(path))

    imported = import_document(path)
    data = imported.data

    settings = data["Instellingen"]
    assert (settings["Gemeente"], settings["Titel van het plan"]) == ("Lochem", "Meerjarenplan samenleven")
    assert (settings["Beginjaar"], settings["Eindjaar"]) == (2026, 2031)
    assert [(o["Code"], o["Titel"]) for o in data["Doelstellingen"]] == [
        ("1", "Inwoners nemen deel aan het verenigingsleven"),
        ("1.1", "Er is een aanbod om Nederlands te oefenen"),
    ]
    first, second = data["Acties"]
    assert (first["Code"], first["Actie"], first["Trekker"]) == ("1.1.1", "Taalcafé inrichten", "Bibliotheek")
    assert first["Omschrijving"] == "Wekelijks in de bibliotheek, met vrijwilligers."
    assert (second["Code"], second["Tijdstip"]) == ("1.1.2", "2026")
    assert [(f["Actie"], f["Status"]) for f in data["Opvolging"]] == [
        ("1.1.1", "In uitvoering"),
        ("1.1.2", "Niet gestart"),
    ]
    # The objective's lead and period have no column on Doelstellingen: said on the Import sheet.
    assert any("Dienst Vrije Tijd" in note and "doelstelling 1.1" in note for note in notes(imported))


def test_a_page_framed_by_a_one_column_table(tmp_path: Path):
    document = docx.Document()
    table = document.add_table(rows=5, cols=1)
    blocks = [
        [("Gemeente Dilbeek", False), ("Samenlevingsplan", True), ("2026-2031", False)],
        [("Visie", True), ("Wij willen een gemeente zijn waar iedereen zich thuis voelt.", False)],
        [("Strategische doelstelling 1", True), ("Anderstalige ouders zijn betrokken bij de school", True)],
        [
            ("OD 1.1 – Nieuwe inwoners krijgen een warm onthaal", True),
            ("Resultaat 1.1.1: Het onthaal is gekend", False),
        ],
        [("Opvolging en evaluatie", True), ("Het plan wordt jaarlijks opgevolgd.", False)],
    ]
    for row, paragraphs in enumerate(blocks):
        cell = table.cell(row, 0)
        for index, (text, strong) in enumerate(paragraphs):
            paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            paragraph.add_run(text).bold = strong
    path = tmp_path / "kader.docx"
    document.save(str(path))

    imported = import_document(path)
    data = imported.data

    assert [c.title for c in imported.chapters] == ["Visie", "Opvolging en evaluatie"]
    assert [(o["Code"], o["Titel"]) for o in data["Doelstellingen"]] == [
        ("1", "Anderstalige ouders zijn betrokken bij de school"),
        ("1.1", "Nieuwe inwoners krijgen een warm onthaal"),
    ]
    assert [(r["Code"], r["Resultaat"]) for r in data["Resultaten"]] == [("1.1.1", "Het onthaal is gekend")]
    assert data["Instellingen"]["Gemeente"] == "Dilbeek"


def test_labels_in_the_margin(tmp_path: Path):
    document = docx.Document()
    bold(document, "Beleidsplan samenleven")
    grid(
        document,
        [
            ["Doel", "1 We bouwen aan een warme samenleving"],
            ["", "Nieuwe inwoners kennen de diensten niet."],
            ["Doel", "1.1 Verenigingen stellen hun aanbod open"],
            ["Resultaat", "Nieuwkomers kennen het aanbod van de sportdienst"],
            ["Actie", "Een sportkennismaking organiseren"],
            ["Actie", "De sportgids vertalen"],
            ["Meten", "Jaarlijkse verslaggeving aan het college"],
        ],
    )
    path = tmp_path / "kantlijn.docx"
    document.save(str(path))

    data = import_document(path).data

    first, second = data["Doelstellingen"]
    assert (first["Code"], first["Titel"], first["Motivering"]) == (
        "1",
        "We bouwen aan een warme samenleving",
        "Nieuwe inwoners kennen de diensten niet.",
    )
    assert (second["Code"], second["Titel"]) == ("1.1", "Verenigingen stellen hun aanbod open")
    assert [(r["Code"], r["Resultaat"]) for r in data["Resultaten"]] == [
        ("1.1.1", "Nieuwkomers kennen het aanbod van de sportdienst")
    ]
    assert [(a["Code"], a["Actie"]) for a in data["Acties"]] == [
        ("1.1.1.1", "Een sportkennismaking organiseren"),
        ("1.1.1.2", "De sportgids vertalen"),
    ]
    assert [(i["Code"], i["Indicator"]) for i in data["Indicatoren"]] == [
        ("1.1.1-I1", "Jaarlijkse verslaggeving aan het college")
    ]


def _one_objective(document) -> None:
    bold(document, "Plan Samenleven 2026-2031")
    document.add_heading("SD 1 – Iedereen doet mee", level=1)
    document.add_heading("OD 1.1 – Er is een ontmoetingsruimte", level=2)
    document.add_paragraph("1.1.1 De ontmoetingsruimte is open")


def test_a_budget_with_a_column_per_funder(tmp_path: Path):
    document = docx.Document()
    _one_objective(document)
    document.add_heading("Bijlage: budget", level=1)
    document.add_paragraph("Hieronder de middelen per financieringsbron.")
    grid(
        document,
        [
            ["Actie", "Subsidie Vlaanderen", "Eigen middelen", "Totaal"],
            ["Ontmoetingsruimte inrichten", "", "€ 750", "€ 750"],
            ["Meldpunt bekendmaken", "€ 1.500", "€ 2.000", "€ 3.500"],
            ["Totaal", "€ 1.500", "€ 2.750", "€ 4.250"],
        ],
    )
    path = tmp_path / "budget.docx"
    document.save(str(path))

    imported = import_document(path)

    lines = [(b["Financier"], b["Omschrijving"], b["Gepland"], b["Jaar"]) for b in imported.data["Begroting"]]
    assert lines == [
        ("Eigen middelen", "Ontmoetingsruimte inrichten", 750, 2026),
        ("Subsidie Vlaanderen", "Meldpunt bekendmaken", 1500, 2026),
        ("Eigen middelen", "Meldpunt bekendmaken", 2000, 2026),
    ]
    assert [b["Soort financiering"] for b in imported.data["Begroting"]] == [
        "Eigen middelen gemeente",
        "Vlaamse subsidie",
        "Eigen middelen gemeente",
    ]
    said = notes(imported)
    assert any(note.startswith("Totaal | € 1.500") and "geen begrotingslijn" in note for note in said)
    assert any("de import nam 2026" in note for note in said)  # the year is a guess: said on the Import sheet


def test_an_indicator_table_with_two_header_rows_and_objective_rows(tmp_path: Path):
    document = docx.Document()
    bold(document, "Plan Samenleven 2026-2031")
    document.add_heading("SD 1 – Iedereen doet mee", level=1)
    document.add_heading("OD 1.1 – Er is een ontmoetingsruimte", level=2)
    document.add_heading("OD 1.2 – Discriminatie wordt gemeld", level=2)
    table = grid(
        document,
        [
            ["Indicator", "Nulmeting 2024", "Streefwaarde 2031", "Opvolging per jaar", ""],
            ["", "", "", "2026", "2027"],
            ["OD 1.1 Er is een ontmoetingsruimte", "", "", "", ""],
            ["Aantal bezoekers", "105", "219", "108", ""],
            ["OD 1.2 Discriminatie wordt gemeld", "", "", "", ""],
            ["Aantal meldingen", "9", "23", "31", "25"],
        ],
    )
    table.cell(0, 3).merge(table.cell(0, 4))
    for column in range(3):
        top = table.cell(0, column)
        text = top.text
        merged = top.merge(table.cell(1, column))
        merged.paragraphs[0].text = text
    for row in (2, 4):
        text = table.cell(row, 0).text
        table.cell(row, 0).merge(table.cell(row, 4)).paragraphs[0].text = text
    path = tmp_path / "indicatoren.docx"
    document.save(str(path))

    data = import_document(path).data

    indicators = [(i["Code"], i["Indicator"], i["Nulmeting waarde"], i["Streefwaarde"]) for i in data["Indicatoren"]]
    assert indicators == [("1.1-I1", "Aantal bezoekers", 105, 219), ("1.2-I1", "Aantal meldingen", 9, 23)]
    assert [(m["Indicator"], m["Periode"], m["Waarde"]) for m in data["Metingen"]] == [
        ("1.1-I1", "2026", 108),
        ("1.2-I1", "2026", 31),
        ("1.2-I1", "2027", 25),
    ]
    assert len(data["Doelstellingen"]) == 3  # the rows naming an objective made none of their own


def test_a_caption_row_over_a_table_of_actions_with_a_description_column(tmp_path: Path):
    document = docx.Document()
    _one_objective(document)
    table = grid(
        document,
        [
            ["Acties bij resultaat 1.1.1", "", "", ""],
            ["Actie", "Omschrijving", "Trekker", "Timing"],
            ["Ruimte inrichten", "Met meubels van de kringwinkel.", "Dienst Samenleven", "2026"],
            ["Openingsfeest", "", "Buurtwerk", "Najaar 2026"],
        ],
    )
    table.cell(0, 0).merge(table.cell(0, 3)).paragraphs[0].text = "Acties bij resultaat 1.1.1"
    path = tmp_path / "bijschrift.docx"
    document.save(str(path))

    imported = import_document(path)

    actions = [(a["Code"], a["Actie"], a.get("Omschrijving"), a["Trekker"]) for a in imported.data["Acties"]]
    assert actions == [
        ("1.1.1.1", "Ruimte inrichten", "Met meubels van de kringwinkel.", "Dienst Samenleven"),
        ("1.1.1.2", "Openingsfeest", None, "Buurtwerk"),
    ]
    assert any(note.startswith("Acties bij resultaat 1.1.1 -> Titel van de tabel") for note in notes(imported))


def test_levels_written_out_without_numbers(tmp_path: Path):
    document = docx.Document()
    bold(document, "Plan samenleven")
    grid(
        document,
        [
            ["Type", "Omschrijving", "Trekker", "Timing"],
            ["Strategische doelstelling", "Iedereen doet mee", "", ""],
            ["Operationele doelstelling", "Taal oefenen", "", ""],
            ["Actie", "Taalcafé", "Bibliotheek", "2026"],
            ["Strategische doelstelling", "Werk voor iedereen", "", ""],
            ["Operationele doelstelling", "Jobs", "", ""],
            ["Actie", "Jobbeurs", "VDAB", "2028"],
        ],
    )
    path = tmp_path / "zonder_nummers.docx"
    document.save(str(path))

    imported = import_document(path)

    objectives = [(o["Code"], o["Titel"]) for o in imported.data["Doelstellingen"]]
    assert objectives == [
        ("1", "Iedereen doet mee"),
        ("1.1", "Taal oefenen"),
        ("2", "Werk voor iedereen"),
        ("2.1", "Jobs"),
    ]
    assert [(a["Code"], a["Actie"], a["Trekker"]) for a in imported.data["Acties"]] == [
        ("1.1.1", "Taalcafé", "Bibliotheek"),
        ("2.1.1", "Jobbeurs", "VDAB"),
    ]
    assert sum("Doelstelling zonder nummer" in note for note in notes(imported)) == 4


def test_plural_margin_labels_take_a_row_per_item(tmp_path: Path):
    document = docx.Document()
    bold(document, "Plan 2026-2031")
    grid(
        document,
        [
            ["SD:", "Iedereen doet mee"],
            ["OD:", "Taal oefenen"],
            ["Resultaat:", "Er is een taalcafé"],
            ["", "Het is wekelijks open."],
            ["Acties:", "Taalcafé openen"],
            ["", "Vrijwilligers zoeken"],
            ["Indicator:", "Aantal bezoekers"],
        ],
    )
    path = tmp_path / "meervoud.docx"
    document.save(str(path))

    data = import_document(path).data

    assert [(r["Code"], r["Resultaat"]) for r in data["Resultaten"]] == [
        ("1.1.1", "Er is een taalcafé\n\nHet is wekelijks open.")
    ]
    assert [(a["Code"], a["Actie"]) for a in data["Acties"]] == [
        ("1.1.1.1", "Taalcafé openen"),
        ("1.1.1.2", "Vrijwilligers zoeken"),
    ]
    assert [i["Indicator"] for i in data["Indicatoren"]] == ["Aantal bezoekers"]


def test_a_column_per_level_with_merged_and_repeated_objectives(tmp_path: Path):
    document = docx.Document()
    bold(document, "Plan samenleven 2026-2031")
    table = grid(
        document,
        [
            ["Strategische doelstelling", "Operationele doelstelling", "Actie", "Trekker", "Timing"],
            ["", "", "Taalcafé", "Bibliotheek", "2026"],
            ["", "", "Taalwandeling", "Bibliotheek", "2027"],
            ["", "1.2 Werk", "Jobbeurs", "VDAB", "2028"],
            ["2 Samen leven", "2.1 Buren", "Buurtfeest", "Buurtwerk", "2026"],
            ["2 Samen leven", "2.1 Buren", "Buurtkrant", "", "2027"],  # written again, not merged
        ],
    )
    table.cell(1, 0).merge(table.cell(3, 0)).paragraphs[0].text = "1 Iedereen doet mee"
    table.cell(1, 1).merge(table.cell(2, 1)).paragraphs[0].text = "1.1 Taal oefenen"
    path = tmp_path / "kolom_per_niveau.docx"
    document.save(str(path))

    data = import_document(path).data

    assert [(o["Code"], o["Titel"]) for o in data["Doelstellingen"]] == [
        ("1", "Iedereen doet mee"),
        ("1.1", "Taal oefenen"),
        ("1.2", "Werk"),
        ("2", "Samen leven"),
        ("2.1", "Buren"),
    ]
    assert [(a["Code"], a["Actie"], a["Tijdstip"]) for a in data["Acties"]] == [
        ("1.1.1", "Taalcafé", "2026"),
        ("1.1.2", "Taalwandeling", "2027"),
        ("1.2.1", "Jobbeurs", "2028"),
        ("2.1.1", "Buurtfeest", "2026"),
        ("2.1.2", "Buurtkrant", "2027"),
    ]


def test_a_column_the_workbook_does_not_know_goes_into_the_description(tmp_path: Path):
    document = docx.Document()
    _one_objective(document)
    grid(
        document,
        [
            ["Actie", "Trekker", "Timing", "Opmerkingen"],
            ["Ruimte inrichten", "Dienst Samenleven", "2026", "Samen met het OCMW"],
            ["Openingsfeest", "Buurtwerk", "Najaar 2026", ""],
        ],
    )
    path = tmp_path / "onbekende_kolom.docx"
    document.save(str(path))

    imported = import_document(path)

    actions = [(a["Actie"], a["Tijdstip"], a.get("Omschrijving")) for a in imported.data["Acties"]]
    assert actions == [
        ("Ruimte inrichten", "2026", "Opmerkingen: Samen met het OCMW"),
        ("Openingsfeest", "Najaar 2026", None),
    ]
    assert any(note.startswith("'Opmerkingen' -> Kolom 'Opmerkingen'") for note in notes(imported))


def test_the_columns_beside_an_indicators_figures_are_kept(tmp_path: Path):
    document = docx.Document()
    _one_objective(document)
    grid(
        document,
        [
            ["Indicator", "Bron", "Eenheid", "Partner", "2025", "2026", "Streefwaarde 2031"],
            ["Aantal bezoekers", "Eigen registratie", "aantal", "Bibliotheek", "28", "", "390"],
            ["Aandeel tevreden", "Bevraging", "percentage", "", "", "", "80%"],
        ],
    )
    path = tmp_path / "bron.docx"
    document.save(str(path))

    data = import_document(path).data

    first, second = data["Indicatoren"]
    assert (first["Eenheid"], first["Streefwaarde"], first["Toelichting"]) == ("aantal", 390, "Partner: Bibliotheek")
    assert [(m["Periode"], m["Waarde"], m["Bron"]) for m in data["Metingen"]] == [("2025", 28, "Eigen registratie")]
    assert second["Toelichting"] == "Bron: Bevraging"  # no measurement yet to hold its source


def test_an_export_with_results_and_indicator_rows(tmp_path: Path):
    document = docx.Document()
    bold(document, "Plan samenleven 2026-2031")
    grid(
        document,
        [
            ["Niveau", "Code", "Titel", "Trekker", "Indicator"],
            ["SD", "1", "Iedereen doet mee", "", ""],
            ["OD", "1.1", "Taal oefenen", "", ""],
            ["Resultaat", "1.1.1", "Er is een taalcafé", "", "Aantal bezoekers"],
            ["Actie", "1.1.1.1", "Taalcafé openen", "Bibliotheek", ""],
            ["Resultaat", "1.1.2", "Er zijn taalwandelingen", "", ""],
            ["Actie", "1.1.2.1", "Wandelingen plannen", "", ""],
            ["Indicator", "", "Aantal wandelingen", "", ""],
        ],
    )
    path = tmp_path / "export_resultaten.docx"
    document.save(str(path))

    data = import_document(path).data

    assert [(r["Code"], r["Resultaat"]) for r in data["Resultaten"]] == [
        ("1.1.1", "Er is een taalcafé"),
        ("1.1.2", "Er zijn taalwandelingen"),
    ]
    assert [(a["Code"], a["Actie"]) for a in data["Acties"]] == [
        ("1.1.1.1", "Taalcafé openen"),
        ("1.1.2.1", "Wandelingen plannen"),
    ]
    assert [(i["Code"], i["Indicator"]) for i in data["Indicatoren"]] == [
        ("1.1.1-I1", "Aantal bezoekers"),  # the indicator cell of a result's row
        ("1.1.2-I1", "Aantal wandelingen"),  # a row of its own, under the result above
    ]


def test_fields_in_the_margin_go_to_each_action_of_their_objective(tmp_path: Path):
    document = docx.Document()
    bold(document, "Plan 2026-2031")
    grid(
        document,
        [
            ["SD", "1 Iedereen doet mee"],
            ["OD", "1.1 Taal oefenen"],
            ["Acties", "Taalcafé openen"],
            ["", "Vrijwilligers zoeken"],
            ["Trekker", "Bibliotheek"],
            ["Timing", "2026-2027"],
            ["OD", "1.2 Werk"],
            ["Trekker", "VDAB"],
            ["Actie", "Jobbeurs"],
        ],
    )
    path = tmp_path / "kantlijn_velden.docx"
    document.save(str(path))

    data = import_document(path).data

    assert [(a["Code"], a["Actie"], a.get("Trekker"), a["Tijdstip"]) for a in data["Acties"]] == [
        ("1.1.1", "Taalcafé openen", "Bibliotheek", "2026-2027"),
        ("1.1.2", "Vrijwilligers zoeken", "Bibliotheek", "2026-2027"),
        ("1.2.1", "Jobbeurs", "VDAB", ""),  # a field before the actions goes to those that follow
    ]


def test_an_export_with_bbc_codes_and_the_state_of_each_action(tmp_path: Path):
    document = docx.Document()
    bold(document, "Meerjarenplan 2026-2031")
    grid(
        document,
        [
            ["Niveau", "Code", "Omschrijving", "Status", "Stand van zaken"],
            ["Beleidsdoelstelling", "BD109", "Iedereen doet mee", "", ""],
            ["Actieplan", "AP1090", "Taal oefenen", "", ""],
            ["Actie", "A10900", "Taalcafé", "In uitvoering", "Elke woensdag open."],
        ],
    )
    path = tmp_path / "bbc.docx"
    document.save(str(path))

    data = import_document(path).data

    assert [o["Code"] for o in data["Doelstellingen"]] == ["BD109", "AP1090"]
    assert [(a["Code"], a["Actie"]) for a in data["Acties"]] == [("A10900", "Taalcafé")]
    assert [(f["Actie"], f["Status"], f["Stand van zaken"]) for f in data["Opvolging"]] == [
        ("A10900", "In uitvoering", "Elke woensdag open.")
    ]
    assert data["Instellingen"]["Nummering"] == "BBC"


def test_a_year_table_with_rows_that_name_an_objective(tmp_path: Path):
    document = docx.Document()
    bold(document, "Plan Samenleven 2026-2031")
    document.add_heading("SD 1 – Iedereen doet mee", level=1)
    document.add_heading("OD 1.1 – Er is een ontmoetingsruimte", level=2)
    document.add_heading("OD 1.2 – Discriminatie wordt gemeld", level=2)
    grid(
        document,
        [
            ["", "2026", "2027"],
            ["OD 1.1 Er is een ontmoetingsruimte", "", ""],
            ["Aantal bezoekers", "108", "137"],
            ["OD 1.2 Discriminatie wordt gemeld", "", ""],
            ["Aantal meldingen", "31", ""],
        ],
    )
    path = tmp_path / "jaartabel.docx"
    document.save(str(path))

    data = import_document(path).data

    assert [(i["Code"], i["Indicator"]) for i in data["Indicatoren"]] == [
        ("1.1-I1", "Aantal bezoekers"),
        ("1.2-I1", "Aantal meldingen"),
    ]
    assert [(m["Indicator"], m["Periode"], m["Waarde"]) for m in data["Metingen"]] == [
        ("1.1-I1", "2026", 108),
        ("1.1-I1", "2027", 137),
        ("1.2-I1", "2026", 31),
    ]


def test_a_box_of_one_cell_is_text_of_its_chapter(tmp_path: Path):
    document = docx.Document()
    bold(document, "Plan Samenleven 2026-2031")
    bold(document, "Inleiding")
    document.add_paragraph("Dit plan loopt zes jaar.")
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].add_run("Wist je dat?").bold = True
    cell.add_paragraph("Een op vijf inwoners is van buitenlandse herkomst.")
    document.add_heading("SD 1 – Iedereen doet mee", level=1)
    document.add_heading("OD 1.1 – Er is een ontmoetingsruimte", level=2)
    document.add_paragraph("1.1.1 De ontmoetingsruimte is open")
    path = tmp_path / "kader.docx"
    document.save(str(path))

    imported = import_document(path)

    assert [c.title for c in imported.chapters] == ["Inleiding"]
    assert [text for text, _ in imported.chapters[0].paragraphs] == [
        "Dit plan loopt zes jaar.",
        "Wist je dat?",
        "Een op vijf inwoners is van buitenlandse herkomst.",
    ]


def test_a_bold_subheading_smaller_than_the_chapter_titles_stays_in_its_chapter(tmp_path: Path):
    document = docx.Document()
    bold(document, "Plan Samenleven 2026-2031")
    for title, text in (("Inleiding", "Dit plan loopt zes jaar."), ("Omgevingsanalyse", "De gemeente groeit.")):
        run = document.add_paragraph().add_run(title)
        run.bold, run.font.size = True, Pt(14)
        document.add_paragraph(text)
    bold(document, "Demografie")  # bold at the size of the text: a subheading of the chapter above
    document.add_paragraph("Een op vijf inwoners is van buitenlandse herkomst.")
    document.add_heading("SD 1 – Iedereen doet mee", level=1)
    document.add_heading("OD 1.1 – Er is een ontmoetingsruimte", level=2)
    document.add_paragraph("1.1.1 De ontmoetingsruimte is open")
    path = tmp_path / "tussenkop.docx"
    document.save(str(path))

    imported = import_document(path)

    assert [c.title for c in imported.chapters] == ["Inleiding", "Omgevingsanalyse"]
    assert [text for text, _ in imported.chapters[1].paragraphs][1:] == [
        "Demografie",
        "Een op vijf inwoners is van buitenlandse herkomst.",
    ]
