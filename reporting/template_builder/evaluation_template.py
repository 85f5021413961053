"""The evaluation's template (evaluatie.docx): council summary, actions over the years, indicators, budget, adjustments.

Run `python -m reporting.template_builder.evaluation_template` after changing it; the .docx file is committed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.shared import Pt

from reporting.template_builder.blocks import (
    add_row,
    add_table,
    contents_page,
    count_table,
    finish_table,
    loop_row,
    para,
    sentences,
    tag_paragraph,
    unplaced_rows,
)
from reporting.template_builder.house_style import DEFAULT_STYLE, HouseStyle
from reporting.template_builder.page import set_up_page
from reporting.template_builder.styles import add_styles

TEMPLATE_NAME = "evaluatie.docx"
# The status words of the actions per year, six years side by side: a paragraph style of their own, so the runs of
# the markers and words that docxtpl writes keep the small size.
STATUS_STYLE, STATUS_SIZE = "Tabelstatus", Pt(7.5)


def build_evaluation_template(house: HouseStyle = DEFAULT_STYLE):
    document = Document()
    add_styles(document, house)
    _status_style(document)
    set_up_page(document, house, "Evaluatie {{ periode }}")
    _title_page(document)
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


def _page_break(body) -> None:
    body.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _title_page(body) -> None:
    para(body, "{{ gemeente }}", "Gemeente")
    para(body, "Evaluatie {{ periode }}", "Title")
    para(body, "{{ titel }}", "Subtitle")
    para(body, "Evaluatie van de hele planperiode {{ periode }}", "Titelgegevens")
    tag_paragraph(body, "{%p if opgesteld_door %}")
    para(body, "Opgesteld door {{ opgesteld_door }}", "Titelgegevens")
    tag_paragraph(body, "{%p endif %}")
    para(body, "{{ datum }}", "Titelgegevens")
    tag_paragraph(body, "{%p if lopend %}")
    box = para(body, "", "Kader")
    box.add_run("ONTWERP. ").bold = True
    box.add_run("{{ lopend }}")
    tag_paragraph(body, "{%p endif %}")
    tag_paragraph(body, "{%p if ontwerp and not lopend %}")
    box = para(body, "", "Kader")
    box.add_run("ONTWERP. ").bold = True
    box.add_run(
        "Dit document werd gemaakt van een werkboek dat nog fouten bevat. Het is niet bestemd om "
        "voor te leggen of in te dienen."
    )
    tag_paragraph(body, "{%p endif %}")
    tag_paragraph(body, "{%p if ontwerp_ontbreekt %}")
    para(body, "Niet gelezen, dus niet in dit document: {{ ontwerp_ontbreekt }}.", "Kader")
    tag_paragraph(body, "{%p endif %}")
    tag_paragraph(body, "{%p if fictief %}")
    box = para(body, "", "Kader")
    box.add_run("Fictieve gegevens. ").bold = True
    box.add_run("{{ fictief }}")
    tag_paragraph(body, "{%p endif %}")
    _page_break(body)


def _summary(body) -> None:
    para(body, "Samenvatting voor de gemeenteraad", "Heading 1")
    sentences(body, "samenvatting.inleiding")
    tag_paragraph(body, "{%p if samenvatting.acties %}")
    para(body, "Acties over de hele periode", "Tussenkop")
    sentences(body, "samenvatting.actiezinnen")
    count_table(
        body,
        "Acties op het einde van de planperiode",
        ("Uitkomst", "Acties"),
        "samenvatting.acties",
        "a",
        "uitkomst",
        total="samenvatting.acties_totaal",
    )
    tag_paragraph(body, "{%p endif %}")
    tag_paragraph(body, "{%p if samenvatting.indicatoren %}")
    para(body, "Indicatoren", "Tussenkop")
    sentences(body, "samenvatting.indicatorzinnen")
    count_table(
        body,
        "Cijfermatige indicatoren per oordeel",
        ("Oordeel", "Indicatoren"),
        "samenvatting.indicatoren",
        "i",
        "oordeel",
    )
    tag_paragraph(body, "{%p endif %}")
    tag_paragraph(body, "{%p if samenvatting.budgetzinnen %}")
    para(body, "Budget", "Tussenkop")
    sentences(body, "samenvatting.budgetzinnen")
    tag_paragraph(body, "{%p endif %}")
    _page_break(body)


def _course(body) -> None:
    para(body, "Verloop van de acties", "Heading 1")
    sentences(body, "verloop.zinnen")
    tag_paragraph(body, "{%p if verloop.grafiek %}")
    para(body, "{{ verloop.grafiek.beeld }}", "Grafiek")
    para(body, "{{ verloop.grafiek.bijschrift }}", "Caption")
    tag_paragraph(body, "{%p endif %}")


def _objectives(body) -> None:
    tag_paragraph(body, "{%p for sd in doelstellingen %}")
    para(body, "{{ sd.kop }}", "Heading 1")
    tag_paragraph(body, "{%p for od in sd.operationele %}")
    para(body, "{{ od.kop }}", "Heading 2")
    tag_paragraph(body, "{%p if od.domein %}")
    para(body, "Domein: {{ od.domein }}", "Domein")
    tag_paragraph(body, "{%p endif %}")
    tag_paragraph(body, "{%p if od.acties %}")
    para(body, "Acties per jaar", "Tussenkop")
    table = add_table(body, [3.6, 0.1, 1.9, 0.1, 1.9], caption="Status van de acties per jaar")
    add_row(
        table,
        [
            [("Actie", "Tabelkop")],
            [("{%tc for jaar in jaren %}", "Tabelkop")],
            [("{{ jaar }}", "Tabelkop")],
            [("{%tc endfor %}", "Tabelkop")],
            [("Uitkomst", "Tabelkop")],
        ],
        repeat_header=True,
    )
    loop_row(table, "{%tr for actie in od.acties %}")
    add_row(
        table,
        [
            [("**{{ actie.code }}** {{ actie.titel }}", "Tabeltekst")],
            [("{%tc for s in actie.statussen %}", STATUS_STYLE)],
            [("{{r s.marker }}{{ s.tekst }}", STATUS_STYLE)],
            [("{%tc endfor %}", STATUS_STYLE)],
            [("{{r actie.marker }}{{ actie.uitkomst }}", STATUS_STYLE)],
        ],
    )
    loop_row(table, "{%tr endfor %}")
    finish_table(table)
    tag_paragraph(body, "{%p for e in od.beeindigd %}")
    paragraph = para(body, "", "Kleine tekst")
    paragraph.add_run("{{ e.code }} {{ e.uitkomst|lower }} in {{ e.jaar }}").bold = True
    paragraph.add_run("{% if e.reden %}: {{ e.reden }}{% endif %}")
    tag_paragraph(body, "{%p endfor %}")
    tag_paragraph(body, "{%p endif %}")
    _indicators(body)
    tag_paragraph(body, "{%p endfor %}")
    tag_paragraph(body, "{%p endfor %}")


def _indicators(body) -> None:
    tag_paragraph(body, "{%p if od.indicatoren %}")
    para(body, "Indicatoren over de planperiode", "Tussenkop")
    table = add_table(
        body, [4.4, 2.1, 0.1, 1.5, 0.1, 2.4, 2.2], caption="Indicatoren: nulmeting, metingen en streefwaarde"
    )
    add_row(
        table,
        [
            [("Indicator", "Tabelkop")],
            [("Nulmeting", "Tabelkop rechts")],
            [("{%tc for periode in od.indicatoren.perioden %}", "Tabelkop")],
            [("{{ periode }}", "Tabelkop rechts")],
            [("{%tc endfor %}", "Tabelkop")],
            [("Streefwaarde", "Tabelkop rechts")],
            [("Oordeel", "Tabelkop")],
        ],
        repeat_header=True,
    )
    loop_row(table, "{%tr for rij in od.indicatoren.rijen %}")
    add_row(
        table,
        [
            [("{{ rij.tekst }}", "Tabeltekst")],
            [("{{ rij.nulmeting }}", "Tabelgetal")],
            [("{%tc for waarde in rij.waarden %}", "Tabeltekst")],
            [("{{ waarde }}", "Tabelgetal")],
            [("{%tc endfor %}", "Tabeltekst")],
            [("{{ rij.streefwaarde }}", "Tabelgetal")],
            [("{{r rij.marker }}{{ rij.oordeel }}", "Tabeltekst")],
        ],
    )
    loop_row(table, "{%tr endfor %}")
    finish_table(table)
    tag_paragraph(body, "{%p for uitleg in od.indicatoren.toelichting %}")
    paragraph = para(body, "", "Kleine tekst")
    paragraph.add_run("{{ uitleg.code }}: ").bold = True
    paragraph.add_run("{{ uitleg.uitleg }}")
    tag_paragraph(body, "{%p endfor %}")
    tag_paragraph(body, "{%p for grafiek in od.indicatoren.grafieken %}")
    para(body, "{{ grafiek.beeld }}", "Grafiek")
    para(body, "{{ grafiek.bijschrift }}", "Caption")
    tag_paragraph(body, "{%p endfor %}")
    tag_paragraph(body, "{%p endif %}")
    tag_paragraph(body, "{%p if od.beschrijvend %}")
    para(body, "Beschrijvende indicatoren", "Tussenkop")
    tag_paragraph(body, "{%p for item in od.beschrijvend %}")
    para(body, "{{ item.code }} {{ item.tekst }}", "Opsomming")
    tag_paragraph(body, "{%p endfor %}")
    tag_paragraph(body, "{%p endif %}")


def _budget(body) -> None:
    tag_paragraph(body, "{%p if begroting %}")
    para(body, "Begroting over de planperiode", "Heading 1")
    sentences(body, "begroting.zinnen")
    table = add_table(body, [1.6, 5.8, 3.0, 3.0, 3.0], caption="Begroting per jaar en financiering")
    add_row(
        table,
        [
            [("Jaar", "Tabelkop")],
            [("Financiering", "Tabelkop")],
            [("Gepland", "Tabelkop rechts")],
            [("Besteed", "Tabelkop rechts")],
            [("Verschil", "Tabelkop rechts")],
        ],
        repeat_header=True,
    )
    loop_row(table, "{%tr for rij in begroting.rijen %}")
    add_row(
        table,
        [
            [("{{r rij.jaar }}", "Tabeltekst")],
            [("{{r rij.financiering }}", "Tabeltekst")],
            [("{{r rij.gepland }}", "Tabelgetal")],
            [("{{r rij.besteed }}", "Tabelgetal")],
            [("{{r rij.verschil }}", "Tabelgetal")],
        ],
    )
    loop_row(table, "{%tr endfor %}")
    finish_table(table)
    para(body, "Het verschil is besteed min gepland.", "Kleine tekst")
    tag_paragraph(body, "{%p if begroting.minimum %}")
    para(body, "Cofinanciering per jaar", "Tussenkop")
    table = add_table(body, [1.6, 3.1, 3.1, 3.1, 2.6, 2.9], caption="Cofinanciering per jaar")
    add_row(
        table,
        [
            [("Jaar", "Tabelkop")],
            [("Vlaamse subsidie", "Tabelkop rechts")],
            [("Eigen middelen", "Tabelkop rechts")],
            [("Vereist ({{ begroting.minimum }})", "Tabelkop rechts")],
            [("Aandeel", "Tabelkop rechts")],
            [("Gehaald", "Tabelkop")],
        ],
        repeat_header=True,
    )
    loop_row(table, "{%tr for c in begroting.cofinanciering %}")
    add_row(
        table,
        [
            [("{{ c.jaar }}", "Tabeltekst")],
            [("{{ c.vlaams }}", "Tabelgetal")],
            [("{{ c.eigen }}", "Tabelgetal")],
            [("{{ c.vereist }}", "Tabelgetal")],
            [("{{ c.aandeel }}", "Tabelgetal")],
            [("{{r c.marker }}{{ c.gehaald }} ({{ c.basis }})", "Tabeltekst")],
        ],
    )
    loop_row(table, "{%tr endfor %}")
    finish_table(table)
    tag_paragraph(body, "{%p endif %}")
    tag_paragraph(body, "{%p endif %}")


def _adjustments(body) -> None:
    tag_paragraph(body, "{%p if bijsturingen %}")
    para(body, "Bijsturingen", "Heading 1")
    para(body, "Wat er tijdens de planperiode aan het plan werd gewijzigd, zoals op blad Bijsturing.")
    table = add_table(body, [2.6, 1.9, 3.0, 4.4, 4.7], caption="Bijsturingen")
    add_row(
        table,
        [
            [("Datum", "Tabelkop")],
            [("Code", "Tabelkop")],
            [("Wat", "Tabelkop")],
            [("Van → naar", "Tabelkop")],
            [("Beslist door, reden", "Tabelkop")],
        ],
        repeat_header=True,
    )
    loop_row(table, "{%tr for b in bijsturingen %}")
    add_row(
        table,
        [
            [("{{ b.datum }}", "Tabeltekst")],
            [("{{ b.code }}", "Tabeltekst")],
            [("{{ b.wat }}", "Tabeltekst")],
            [("{{ b.van }}{% if b.van or b.naar %} → {% endif %}{{ b.naar }}", "Tabeltekst")],
            [("{{ b.door }}{% if b.door and b.reden %}: {% endif %}{{ b.reden }}", "Tabeltekst")],
        ],
    )
    loop_row(table, "{%tr endfor %}")
    finish_table(table)
    tag_paragraph(body, "{%p endif %}")


def build(folder: Path | None = None, house: HouseStyle = DEFAULT_STYLE) -> Path:
    """Write evaluatie.docx into `folder` (default: reporting/templates) and return its path."""
    from reporting.template_builder.build_templates import save_template
    from reporting.templates import HERE

    path = (folder or HERE) / TEMPLATE_NAME
    return save_template(build_evaluation_template(house), path, "Sjabloon evaluatie")


def main() -> None:
    parser = argparse.ArgumentParser(description="Bouw het Word-sjabloon van de evaluatie opnieuw.")
    parser.add_argument("--map", type=Path, help="andere map dan reporting/templates")
    print(build(parser.parse_args().map))


if __name__ == "__main__":
    main()
