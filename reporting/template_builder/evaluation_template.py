"""The evaluation's template (evaluatie.docx): council summary, actions over the years, indicators, budget, adjustments.

Run `python -m reporting.template_builder.build_templates` after changing it; the .docx file is committed.
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

from reporting.template_builder.blocks import (
    bold_lead,
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
    unplaced_rows,
)
from reporting.template_builder.front_matter import contents_page, new_template, page_break, title_page
from reporting.template_builder.house_style import DEFAULT_STYLE, HouseStyle

TEMPLATE_NAME = "evaluatie.docx"
# The status words of the actions per year, six years side by side: a paragraph style of their own, so the runs of
# the markers and words that docxtpl writes keep the small size.
STATUS_STYLE, STATUS_SIZE = "Tabelstatus", Pt(7.5)


def build_evaluation_template(house: HouseStyle = DEFAULT_STYLE):
    document = new_template(house, "Evaluatie {{ periode }}")
    _status_style(document)
    title_page(
        document,
        [
            ("Evaluatie {{ periode }}", "Title"),
            ("{{ titel }}", "Subtitle"),
            ("Evaluatie van de hele planperiode {{ periode }}", "Titelgegevens"),
            ("{%p if opgesteld_door %}", ""),
            ("Opgesteld door {{ opgesteld_door }}", "Titelgegevens"),
            ("{%p endif %}", ""),
            ("{{ datum }}", "Titelgegevens"),
        ],
        running=True,
    )
    contents_page(document)
    _summary(document)
    _course(document)
    _objectives(document)
    _budget(document)
    _adjustments(document)
    unplaced_rows(document)
    return document


def _status_style(document) -> None:
    style = document.styles.add_style(STATUS_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Tabeltekst"]
    style.quick_style = True
    style.font.size = STATUS_SIZE


def _summary(body) -> None:
    council_summary(body)
    with summary_part(body, "samenvatting.acties", "Acties over de hele periode", "samenvatting.actiezinnen"):
        count_table(
            body,
            "Acties op het einde van de planperiode",
            ("Uitkomst", "Acties"),
            "samenvatting.acties",
            "a",
            "uitkomst",
            total="samenvatting.acties_totaal",
        )
    indicator_summary(body, "Cijfermatige indicatoren per oordeel", "Oordeel")
    with shown_if(body, "samenvatting.budgetzinnen", "Budget"):
        sentences(body, "samenvatting.budgetzinnen")
    page_break(body)


def _course(body) -> None:
    para(body, "Verloop van de acties", "Heading 1")
    sentences(body, "verloop.zinnen")
    tag_paragraph(body, "{%p if verloop.grafiek %}")
    chart(body, "verloop.grafiek")
    tag_paragraph(body, "{%p endif %}")


def _objectives(body) -> None:
    tag_paragraph(body, "{%p for sd in doelstellingen %}")
    para(body, "{{ sd.kop }}", "Heading 1")
    _indicators(body, "sd")
    tag_paragraph(body, "{%p for od in sd.operationele %}")
    para(body, "{{ od.kop }}", "Heading 2")
    domain_line(body, "od")
    tag_paragraph(body, "{%p if od.acties %}")
    para(body, "Acties per jaar", "Tussenkop")
    loop_table(
        body,
        [3.6, 0.1, 1.9, 0.1, 1.9],
        "{%tr for actie in od.acties %}",
        [
            [("**{{ actie.code }}** {{ actie.titel }}", "Tabeltekst")],
            *column_loop("s in actie.statussen", "{{r s.marker }}{{ s.tekst }}", STATUS_STYLE),
            [("{{r actie.marker }}{{ actie.uitkomst }}", STATUS_STYLE)],
        ],
        caption="Status van de acties per jaar",
        headers=[
            *head_cells("Actie"),
            *column_loop("jaar in jaren", "{{ jaar }}", "Tabelkop"),
            *head_cells("Uitkomst"),
        ],
    )
    tag_paragraph(body, "{%p for e in od.beeindigd %}")
    bold_lead(
        body,
        "{{ e.code }} {{ e.uitkomst|lower }} in {{ e.jaar }}",
        "{% if e.reden %}: {{ e.reden }}{% endif %}",
        "Kleine tekst",
    )
    tag_paragraph(body, "{%p endfor %}")
    tag_paragraph(body, "{%p endif %}")
    _indicators(body, "od")
    tag_paragraph(body, "{%p endfor %}")
    tag_paragraph(body, "{%p endfor %}")


def _indicators(body, objective: str) -> None:
    """The indicators of `objective` ("sd" or "od") over the plan period: figures in a table, the others listed."""
    tag_paragraph(body, f"{{%p if {objective}.indicatoren %}}")
    para(body, "Indicatoren over de planperiode", "Tussenkop")
    loop_table(
        body,
        [4.4, 2.1, 0.1, 1.5, 0.1, 2.4, 2.2],
        f"{{%tr for rij in {objective}.indicatoren.rijen %}}",
        [
            *text_cells("{{ rij.tekst }}"),
            *text_cells("{{ rij.nulmeting }}", style="Tabelgetal"),
            *column_loop("waarde in rij.waarden", "{{ waarde }}", "Tabeltekst", "Tabelgetal"),
            *text_cells("{{ rij.streefwaarde }}", style="Tabelgetal"),
            *text_cells("{{r rij.marker }}{{ rij.oordeel }}"),
        ],
        caption="Indicatoren: nulmeting, metingen en streefwaarde",
        headers=[
            *head_cells("Indicator"),
            *head_cells("Nulmeting", style="Tabelkop rechts"),
            *column_loop(
                f"periode in {objective}.indicatoren.perioden", "{{ periode }}", "Tabelkop", "Tabelkop rechts"
            ),
            *head_cells("Streefwaarde", style="Tabelkop rechts"),
            *head_cells("Oordeel"),
        ],
    )
    notes_and_charts(body, f"{objective}.indicatoren", "code")
    tag_paragraph(body, "{%p endif %}")
    tag_paragraph(body, f"{{%p if {objective}.beschrijvend %}}")
    para(body, "Beschrijvende indicatoren", "Tussenkop")
    tag_paragraph(body, f"{{%p for item in {objective}.beschrijvend %}}")
    para(body, "{{ item.code }} {{ item.tekst }}", "Opsomming")
    tag_paragraph(body, "{%p endfor %}")
    tag_paragraph(body, "{%p endif %}")


def _budget(body) -> None:
    tag_paragraph(body, "{%p if begroting %}")
    para(body, "Begroting over de planperiode", "Heading 1")
    sentences(body, "begroting.zinnen")
    loop_table(
        body,
        [1.6, 5.8, 3.0, 3.0, 3.0],
        "{%tr for rij in begroting.rijen %}",
        [
            *text_cells("{{r rij.jaar }}", "{{r rij.financiering }}"),
            *text_cells("{{r rij.gepland }}", "{{r rij.besteed }}", "{{r rij.verschil }}", style="Tabelgetal"),
        ],
        caption="Begroting per jaar en financiering",
        headers=[
            *head_cells("Jaar", "Financiering"),
            *head_cells("Gepland", "Besteed", "Verschil", style="Tabelkop rechts"),
        ],
    )
    para(body, "Het verschil is besteed min gepland.", "Kleine tekst")
    tag_paragraph(body, "{%p if begroting.minimum %}")
    para(body, "Cofinanciering per jaar", "Tussenkop")
    loop_table(
        body,
        [1.6, 3.1, 3.1, 3.1, 2.6, 2.9],
        "{%tr for c in begroting.cofinanciering %}",
        [
            *text_cells("{{ c.jaar }}"),
            *text_cells("{{ c.vlaams }}", "{{ c.eigen }}", "{{ c.vereist }}", "{{ c.aandeel }}", style="Tabelgetal"),
            *text_cells("{{r c.marker }}{{ c.gehaald }} ({{ c.basis }})"),
        ],
        caption="Cofinanciering per jaar",
        headers=[
            *head_cells("Jaar"),
            *head_cells(
                "Vlaamse subsidie",
                "Eigen middelen",
                "Vereist ({{ begroting.minimum }})",
                "Aandeel",
                style="Tabelkop rechts",
            ),
            *head_cells("Gehaald"),
        ],
    )
    tag_paragraph(body, "{%p endif %}")
    tag_paragraph(body, "{%p endif %}")


def _adjustments(body) -> None:
    tag_paragraph(body, "{%p if bijsturingen %}")
    para(body, "Bijsturingen", "Heading 1")
    para(body, "Wat er tijdens de planperiode aan het plan werd gewijzigd, zoals op blad Bijsturing.")
    loop_table(
        body,
        [2.6, 1.9, 3.0, 4.4, 4.7],
        "{%tr for b in bijsturingen %}",
        text_cells(
            "{{ b.datum }}",
            "{{ b.code }}",
            "{{ b.wat }}",
            "{{ b.van }}{% if b.van or b.naar %} → {% endif %}{{ b.naar }}",
            "{{ b.door }}{% if b.door and b.reden %}: {% endif %}{{ b.reden }}",
        ),
        caption="Bijsturingen",
        headers=head_cells("Datum", "Code", "Wat", "Van → naar", "Beslist door, reden"),
    )
    tag_paragraph(body, "{%p endif %}")
