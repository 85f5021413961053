"""The plan document's template (beleidsplan.docx): objectives, their tables of results and actions, budget."""

from __future__ import annotations

from reporting.template_builder.blocks import (
    budget_table,
    domain_line,
    grouped_cell,
    head_cells,
    loop_table,
    para,
    tag_paragraph,
    text_paragraphs,
    unplaced_rows,
)
from reporting.template_builder.front_matter import contents_page, new_template, title_page
from reporting.template_builder.house_style import DEFAULT_STYLE, HouseStyle


def build_plan_template(house: HouseStyle = DEFAULT_STYLE):
    document = new_template(house, "Beleidsplan {{ periode }}")
    body = document
    title_page(
        body,
        [
            ("{{ titel }}", "Title"),
            ("{%p if periode %}", ""),
            ("Beleidsplan {{ periode }}", "Subtitle"),
            ("{%p endif %}", ""),
            ("{%p if opgesteld_door %}", ""),
            ("Opgesteld door {{ opgesteld_door }}", "Titelgegevens"),
            ("{%p endif %}", ""),
        ],
    )
    contents_page(body)
    _free_chapters(body, "hoofdstukken_voor")
    tag_paragraph(body, "{%p for sd in doelstellingen %}")
    para(body, "{{ sd.kop }}", "Heading 1")
    domain_line(body, "sd")
    tag_paragraph(body, "{%p if sd.motivering %}")
    para(body, "Motivering - duiding", "Tussenkop")
    text_paragraphs(body, "sd.motivering_lijst", rich=True)
    tag_paragraph(body, "{%p endif %}")
    _own_indicators(body, "sd", "Indicatoren van de strategische doelstelling")
    tag_paragraph(body, "{%p for od in sd.operationele %}")
    para(body, "{{ od.kop }}", "Heading 2")
    domain_line(body, "od")
    text_paragraphs(body, "od.motivering_lijst", rich=True)
    tag_paragraph(body, "{%p if od.rijen %}")
    tag_paragraph(body, "{%p if zonder_acties %}")
    _two_columns(body, "rij.indicatoren", "Resultaten en indicatoren")
    tag_paragraph(body, "{%p elif acties_zonder_indicatoren %}")
    _two_columns(body, "rij.acties", "Acties en omschrijving")
    tag_paragraph(body, "{%p else %}")
    # Portrait widths; the three-column tables are put on landscape pages and widened when rendered.
    loop_table(
        body,
        [5.0, 5.8, 5.8],
        "{%tr for rij in od.rijen %}",
        [
            [("**{{ rij.code }}** {{ rij.tekst }}", "Tabeltekst")],
            grouped_cell("rij.acties"),
            grouped_cell("rij.indicatoren"),
        ],
        caption="Resultaten, acties en indicatoren",
        headers=head_cells("{{ kolommen[0] }}", "{{ kolommen[1] }}", "{{ kolommen[2] }}"),
    )
    tag_paragraph(body, "{%p endif %}")
    tag_paragraph(body, "{%p else %}")
    para(body, "Onder deze doelstelling staan nog geen resultaten of acties.", "Kleine tekst")
    tag_paragraph(body, "{%p endif %}")
    _own_indicators(body, "od", "Indicatoren van de operationele doelstelling")
    tag_paragraph(body, "{%p endfor %}")
    tag_paragraph(body, "{%p endfor %}")
    _free_chapters(body, "hoofdstukken_na")

    tag_paragraph(body, "{%p if begroting %}")
    para(body, "Jaarlijkse begroting", "Heading 1")
    tag_paragraph(body, "{%p for tabel in begroting %}")
    para(body, "{{ tabel.titel }}", "Tussenkop")
    budget_table(
        body,
        "tabel.rijen",
        [("Gesubsidieerd door", 6.0), ("Omschrijving kosten", 7.6), ("Bedrag", 3.0)],
        [
            [
                ("{{ rij.financier }}", "Tabeltekst"),
                ("{%p if rij.toelichting %}", "Tabeltekst"),
                ("{{ rij.toelichting }}", "Kleine tekst"),
                ("{%p endif %}", "Tabeltekst"),
            ],
            [("{{ rij.omschrijving }}", "Tabeltekst")],
            [("{{ rij.bedrag }}", "Tabelgetal")],
        ],
        [[("**Totaal**", "Tabeltekst")], [("", "Tabeltekst")], [("**{{ tabel.totaal }}**", "Tabelgetal")]],
        "tabel.totaal",
    )
    tag_paragraph(body, "{%p endfor %}")
    tag_paragraph(body, "{%p endif %}")
    unplaced_rows(body)
    return document


def _two_columns(body, second: str, caption: str) -> None:
    """The objective's rows in two columns, on portrait pages: the item and `second` (its groups)."""
    loop_table(
        body,
        [7.0, 9.6],
        "{%tr for rij in od.rijen %}",
        [[("**{{ rij.code }}** {{ rij.tekst }}", "Tabeltekst")], grouped_cell(second)],
        caption=caption,
        headers=head_cells("{{ kolommen[0] }}", "{{ kolommen[1] }}"),
    )


def _own_indicators(body, objective: str, caption: str) -> None:
    """The objective's own indicators as one row of a one-column table, when it has them."""
    tag_paragraph(body, f"{{%p if {objective}.indicator_rijen %}}")
    para(body, "", "Kleine tekst")  # apart from a table above it: Word joins tables that touch
    loop_table(
        body,
        [16.6],
        f"{{%tr for rij in {objective}.indicator_rijen %}}",
        [grouped_cell("rij.indicatoren")],
        caption=caption,
        headers=head_cells("Wijze & tijdstip evaluatie / indicatoren"),
    )
    tag_paragraph(body, "{%p endif %}")


def _free_chapters(body, name: str) -> None:
    """The free chapters (sheet Hoofdstukken): a Heading 1 title and the paragraphs of the text."""
    tag_paragraph(body, f"{{%p for hoofdstuk in {name} %}}")
    para(body, "{{ hoofdstuk.titel }}", "Heading 1")
    tag_paragraph(body, "{%p for alinea in hoofdstuk.alineas %}")
    para(body, "{{ alinea }}")
    tag_paragraph(body, "{%p endfor %}")
    tag_paragraph(body, "{%p endfor %}")
