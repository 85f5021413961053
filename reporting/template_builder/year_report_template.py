"""The year report's template (jaarrapport.docx): summary, objectives and actions, indicators, budget, warnings."""

from __future__ import annotations

from docx.shared import Pt

from reporting.template_builder.blocks import (
    bold_lead,
    budget_table,
    chart,
    column_loop,
    council_summary,
    count_table,
    domain_line,
    head_cells,
    indicator_summary,
    loop_table,
    notes_and_charts,
    para,
    sentences,
    shown_if,
    summary_part,
    tag_paragraph,
    text_cells,
    text_paragraphs,
    unplaced_rows,
)
from reporting.template_builder.front_matter import contents_page, new_template, title_page
from reporting.template_builder.house_style import DEFAULT_STYLE, HouseStyle


def build_year_report_template(house: HouseStyle = DEFAULT_STYLE):
    document = new_template(house, "Jaarrapport {{ jaar }}")
    body = document
    title_page(
        body,
        [
            ("Jaarrapport {{ jaar }}", "Title"),
            ("{{ titel }}", "Subtitle"),
            ("{%p if periode %}", ""),
            ("Planperiode {{ periode }}", "Titelgegevens"),
            ("{%p endif %}", ""),
            ("{%p if opgesteld_door %}", ""),
            ("Opgesteld door {{ opgesteld_door }}", "Titelgegevens"),
            ("{%p endif %}", ""),
            ("{{ datum }}", "Titelgegevens"),
        ],
    )
    contents_page(body)
    _summary(body)
    _objectives(body)
    _report_budget(body)
    _warnings(body)
    unplaced_rows(body)
    return document


def _summary(body) -> None:
    council_summary(body)
    with summary_part(body, "samenvatting.statussen", "Acties in {{ jaar }}", "samenvatting.schema"):
        count_table(
            body,
            "Acties per status",
            ("Status", "Acties"),
            "samenvatting.statussen",
            "s",
            "status",
            total="samenvatting.acties",
        )
    indicator_summary(body, "Cijfermatige indicatoren per beoordeling", "Beoordeling")
    with summary_part(body, "samenvatting.begroting", "Budget {{ jaar }}", "samenvatting.budgetzinnen"):
        loop_table(
            body,
            [4.0, 2.8, 9.8],
            "{%tr for r in samenvatting.begroting %}",
            [
                [("{{ r.label }}", "Tabeltekst")],
                [("{{ r.waarde }}", "Tabelgetal")],
                [("{{ r.toelichting }}", "Tabeltekst")],
            ],
            caption="Budget",
            style="Planrapport kenmerken",
        )
    with shown_if(body, "verbeterd", "Verbeterd na indiening"):
        para(body, "Deze gegevens van vorige jaren zijn veranderd nadat ze werden ingediend:")
        sentences(body, "verbeterd", "Opsomming")
    _adjustments(body)


def _adjustments(body) -> None:
    """The council's changes to the plan dated in the report year (blad Bijsturing)."""
    with shown_if(body, "bijsturing", "Bijsturing"):
        para(body, "In {{ jaar }} werd het plan zo bijgestuurd:")
        loop_table(
            body,
            [3.0, 5.0, 3.2, 5.4],
            "{%tr for b in bijsturing %}",
            text_cells("{{ b.datum }}", "{{ b.code }} {{ b.onderdeel }}", "{{ b.wat }}", "{{ b.beslissing }}"),
            caption="Bijsturing van het plan",
            headers=head_cells("Datum", "Onderdeel", "Wat", "Beslissing"),
        )


def _objectives(body) -> None:
    tag_paragraph(body, "{%p for sd in doelstellingen %}")
    para(body, "{{ sd.kop }}", "Heading 1")
    text_paragraphs(body, "sd.motivering_lijst", rich=True)
    tag_paragraph(body, "{%p if sd.grafiek %}")
    chart(body, "sd.grafiek")
    tag_paragraph(body, "{%p endif %}")
    tag_paragraph(body, "{%p if sd.indicatoren %}")
    _indicators(body, "sd.indicatoren")
    tag_paragraph(body, "{%p endif %}")
    tag_paragraph(body, "{%p for od in sd.operationele %}")
    para(body, "{{ od.kop }}", "Heading 2")
    domain_line(body, "od")
    tag_paragraph(body, "{%p for groep in od.groepen %}")
    tag_paragraph(body, "{%p if groep.kop %}")
    para(body, "{{ groep.kop }}", "Resultaat")
    tag_paragraph(body, "{%p endif %}")
    tag_paragraph(body, "{%p for actie in groep.acties %}")
    _action(body)
    tag_paragraph(body, "{%p endfor %}")
    tag_paragraph(body, "{%p if groep.indicatoren %}")
    _indicators(body, "groep.indicatoren")
    tag_paragraph(body, "{%p endif %}")
    tag_paragraph(body, "{%p endfor %}")
    tag_paragraph(body, "{%p if not od.groepen %}")
    para(body, "Onder {{ namen.operationeel|lower }} {{ od.code }} staan nog geen acties.", "Kleine tekst")
    tag_paragraph(body, "{%p endif %}")
    tag_paragraph(body, "{%p endfor %}")
    tag_paragraph(body, "{%p endfor %}")


def _action(body) -> None:
    para(body, "{{ actie.kop }}", "Heading 3")
    text_paragraphs(body, "actie.omschrijving")
    loop_table(
        body,
        [3.4, 13.2],
        "{%tr for k in actie.kenmerken %}",
        text_cells("{{ k.label }}", "{{r k.marker }}{{ k.waarde }}"),
        caption="Opvolging",
        style="Planrapport kenmerken",
    )
    para(body, "Stand van zaken {{ jaar }}", "Tussenkop")
    text_paragraphs(body, "actie.stand_van_zaken", rich=True)
    tag_paragraph(body, "{%p if not actie.stand_van_zaken %}")
    paragraph = para(body, "Geen stand van zaken voor {{ jaar }}.")
    paragraph.runs[0].italic = True
    tag_paragraph(body, "{%p endif %}")
    tag_paragraph(body, "{%p if actie.zie_ook %}")
    bold_lead(body, "Zie ook: ", "{{ actie.zie_ook }}")
    tag_paragraph(body, "{%p endif %}")


def _indicators(body, variable: str) -> None:
    para(body, "Indicatoren", "Tussenkop")
    tag_paragraph(body, f"{{%p if {variable}.tabel %}}")
    loop_table(
        body,
        [5.4, 0.1, 1.5, 0.1, 2.4, 2.4],
        f"{{%tr for rij in {variable}.tabel.rijen %}}",
        [
            *text_cells("{{ rij.tekst }}"),
            *column_loop("waarde in rij.waarden", "{{ waarde }}", "Tabeltekst", "Tabelgetal"),
            *text_cells("{{ rij.evolutie }}", "{{r rij.marker }}{{ rij.oordeel }}"),
        ],
        caption="Metingen per jaar",
        headers=[
            *head_cells("Indicator"),
            *column_loop(f"periode in {variable}.tabel.perioden", "{{ periode }}", "Tabelkop", "Tabelkop rechts"),
            *head_cells("Evolutie", "Beoordeling"),
        ],
    )
    notes_and_charts(body, variable, "tekst")
    tag_paragraph(body, "{%p endif %}")
    tag_paragraph(body, f"{{%p for groep in {variable}.beschrijvend %}}")
    tag_paragraph(body, "{%p if groep.kop %}")
    paragraph = para(body, "{{ groep.kop }}")
    paragraph.runs[0].underline = True
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.space_after = Pt(2)
    tag_paragraph(body, "{%p endif %}")
    tag_paragraph(body, "{%p for item in groep.lijst %}")
    para(body, "{{ item.tekst }}", "Opsomming")
    tag_paragraph(body, "{%p endfor %}")
    tag_paragraph(body, "{%p endfor %}")


def _report_budget(body) -> None:
    tag_paragraph(body, "{%p if begroting %}")
    para(body, "Begroting {{ jaar }}", "Heading 1")
    sentences(body, "begroting.inleiding")
    budget_table(
        body,
        "begroting.rijen",
        [("Financiering", 4.0), ("Omschrijving", 5.8), ("Gepland", 2.3), ("Besteed", 2.3), ("Verschil", 2.2)],
        [
            [("{{ rij.financier }}", "Tabeltekst")],
            [
                ("{{ rij.omschrijving }}", "Tabeltekst"),
                ("{%p if rij.toelichting %}", "Tabeltekst"),
                ("{{ rij.toelichting }}", "Kleine tekst"),
                ("{%p endif %}", "Tabeltekst"),
            ],
            [("{{ rij.gepland }}", "Tabelgetal")],
            [("{{ rij.besteed }}", "Tabelgetal")],
            [("{{ rij.verschil }}", "Tabelgetal")],
        ],
        [
            [("**Totaal**", "Tabeltekst")],
            [("", "Tabeltekst")],
            [("**{{ begroting.totaal.gepland }}**", "Tabelgetal")],
            [("**{{ begroting.totaal.besteed }}**", "Tabelgetal")],
            [("**{{ begroting.totaal.verschil }}**", "Tabelgetal")],
        ],
        "begroting.totaal",
        amounts=3,
    )
    sentences(body, "begroting.cofinanciering")
    tag_paragraph(body, "{%p endif %}")


def _warnings(body) -> None:
    tag_paragraph(body, "{%p if waarschuwingen %}")
    para(body, "Bijlage: openstaande waarschuwingen", "Heading 1")
    para(
        body,
        "Bij de controle van het werkboek bleven deze waarschuwingen open. Ze houden het rapport niet "
        "tegen, maar verdienen een blik voor het rapport vertrekt.",
    )
    loop_table(
        body,
        [2.8, 3.6, 10.2],
        "{%tr for waarschuwing in waarschuwingen %}",
        text_cells("{{ waarschuwing.cel }}", "{{ waarschuwing.code }}", "{{ waarschuwing.melding }}"),
        caption="Openstaande waarschuwingen",
        headers=head_cells("Cel", "Soort", "Waarschuwing"),
    )
    tag_paragraph(body, "{%p endif %}")
