"""Building blocks of the template bodies: paragraphs, jinja tags, charts, tables."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from docx.shared import Cm
from docx.table import Table

from reporting.documents.wordml.docx_internals import row_element, table_element
from reporting.documents.wordml.ooxml import element, put, w
from reporting.template_builder.house_style import twips


def para(document_or_cell, text: str = "", style: str | None = None, bold: bool = False):
    paragraph = document_or_cell.add_paragraph(style=style)
    if text:
        paragraph.add_run(text).bold = bold or None
    return paragraph


def tag_paragraph(container, tag: str) -> None:
    """A paragraph that holds only a {%p ... %} tag; docxtpl removes it when rendering."""
    container.add_paragraph(tag)


def sentences(body, variable: str, style: str | None = None) -> None:
    """One paragraph per sentence of a context list."""
    tag_paragraph(body, f"{{%p for zin in {variable} %}}")
    para(body, "{{ zin }}", style)
    tag_paragraph(body, "{%p endfor %}")


@contextmanager
def shown_if(body, test: str, heading: str | None = None, style: str = "Tussenkop") -> Iterator[None]:
    """What is written inside, shown only when `test` holds, under `heading`."""
    tag_paragraph(body, f"{{%p if {test} %}}")
    if heading is not None:
        para(body, heading, style)
    yield
    tag_paragraph(body, "{%p endif %}")


@contextmanager
def summary_part(body, test: str, heading: str, lines: str) -> Iterator[None]:
    """A part of the council summary: its heading and sentences, and what is written inside, when `test` holds."""
    with shown_if(body, test, heading):
        sentences(body, lines)
        yield


def council_summary(body) -> None:
    """The summary's heading and opening sentences."""
    para(body, "Samenvatting voor de gemeenteraad", "Heading 1")
    sentences(body, "samenvatting.inleiding")


def indicator_summary(body, caption: str, judgement: str) -> None:
    """The summary's quantitative indicators counted by their `judgement` (the column's label)."""
    with summary_part(body, "samenvatting.indicatoren", "Indicatoren", "samenvatting.indicatorzinnen"):
        count_table(body, caption, (judgement, "Indicatoren"), "samenvatting.indicatoren", "i", "oordeel")


def bold_lead(body, lead: str, text: str, style: str | None = None):
    """A paragraph that opens with `lead` in bold."""
    paragraph = para(body, "", style)
    paragraph.add_run(lead).bold = True
    paragraph.add_run(text)
    return paragraph


def chart(body, variable: str) -> None:
    """A chart's image and its caption."""
    para(body, f"{{{{ {variable}.beeld }}}}", "Grafiek")
    para(body, f"{{{{ {variable}.bijschrift }}}}", "Caption")


def domain_line(body, variable: str) -> None:
    """ "Domein: ..." under an objective's heading, when it has a domain."""
    tag_paragraph(body, f"{{%p if {variable}.domein %}}")
    para(body, f"Domein: {{{{ {variable}.domein }}}}", "Domein")
    tag_paragraph(body, "{%p endif %}")


def notes_and_charts(body, variable: str, label: str) -> None:
    """Under an indicator table: each explained row (its `label` in bold, then the explanation), then the charts."""
    tag_paragraph(body, f"{{%p for uitleg in {variable}.toelichting %}}")
    bold_lead(body, f"{{{{ uitleg.{label} }}}}: ", "{{ uitleg.uitleg }}", "Kleine tekst")
    tag_paragraph(body, "{%p endfor %}")
    tag_paragraph(body, f"{{%p for grafiek in {variable}.grafieken %}}")
    chart(body, "grafiek")
    tag_paragraph(body, "{%p endfor %}")


def count_table(
    body, caption: str, headers: tuple[str, str], rows: str, item: str, word: str, total: str | None = None
) -> None:
    """A summary table: per row a word with its coloured marker, a count and a share; with `total`, a bold last
    row Totaal of that count and 100%."""
    table = add_table(body, [7.0, 2.4, 2.4], caption=caption, last_row=total is not None)
    add_row(
        table,
        [[(headers[0], "Tabelkop")], [(headers[1], "Tabelkop rechts")], [("Aandeel", "Tabelkop rechts")]],
        repeat_header=True,
    )
    looped_rows(
        table,
        f"{{%tr for {item} in {rows} %}}",
        [
            [(f"{{{{r {item}.marker }}}}{{{{ {item}.{word} }}}}", "Tabeltekst")],
            *text_cells(f"{{{{ {item}.aantal }}}}", f"{{{{ {item}.aandeel }}}}", style="Tabelgetal"),
        ],
    )
    if total is not None:
        add_row(
            table,
            [[("**Totaal**", "Tabeltekst")], *text_cells(f"**{{{{ {total} }}}}**", "**100%**", style="Tabelgetal")],
        )
    finish_table(table)


def text_paragraphs(body, items: str, *, rich: bool = False) -> None:
    """An officer's text from a context list: Word list items where the text has them, the other lines as
    paragraphs; `rich` prints bold phrases."""
    value = "{{r alinea.tekst }}" if rich else "{{ alinea.tekst }}"
    tag_paragraph(body, f"{{%p for alinea in {items} %}}")
    tag_paragraph(body, "{%p if alinea.lijstalinea %}")
    para(body, "{{p alinea.lijstalinea }}")
    tag_paragraph(body, "{%p elif alinea.opsomming %}")
    para(body, value, "Opsomming")
    tag_paragraph(body, "{%p else %}")
    para(body, value)
    tag_paragraph(body, "{%p endif %}")
    tag_paragraph(body, "{%p endfor %}")


@dataclass(frozen=True)
class TemplateTable:
    """A table of a template being built, with the column widths finish_table gives it once its rows are there."""

    table: Table
    widths_cm: list[float]


def set_widths(table: Table, widths_cm: list[float]) -> None:
    tbl = table_element(table)
    total = sum(widths_cm)
    tbl_pr = tbl.tblPr
    put(tbl_pr, element("tblW", w=twips(Cm(total)), type="dxa"))
    put(tbl_pr, element("tblLayout", type="fixed"))
    grid = tbl.tblGrid
    for column, width in zip(grid.findall(w("gridCol")), widths_cm, strict=True):
        column.set(w("w"), twips(Cm(width)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def add_table(
    document,
    widths_cm: list[float],
    *,
    style: str = "Planrapport tabel",
    caption: str = "",
    header: bool = True,
    last_row: bool = False,
) -> TemplateTable:
    table = document.add_table(rows=0, cols=len(widths_cm))
    table.style = document.styles[style]
    table_pr = table_element(table).tblPr
    look = table_pr.find(w("tblLook"))
    if look is None:
        look = put(table_pr, element("tblLook"))
    for key, value in (
        ("firstRow", header),
        ("lastRow", last_row),
        ("firstColumn", not header),
        ("lastColumn", False),
        ("noHBand", True),
        ("noVBand", True),
    ):
        look.set(w(key), "1" if value else "0")
    look.attrib.pop(w("val"), None)
    if caption:
        put(table_pr, element("tblCaption", val=caption))
    return TemplateTable(table, widths_cm)


def add_row(table: TemplateTable, cells: list[list[tuple[str, str]]], *, repeat_header: bool = False):
    """A row whose cells hold paragraphs given as (text, style); text "" gives an empty paragraph."""
    row = table.table.add_row()
    if repeat_header:
        tr_pr = row_element(row).get_or_add_trPr()
        tr_pr.append(element("tblHeader"))
    for cell, paragraphs in zip(row.cells, cells, strict=True):
        first = True
        for text, style in paragraphs:
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            paragraph.style = table.table.part.document.styles[style]
            add_runs(paragraph, text)
    return row


def add_runs(paragraph, text: str) -> None:
    """Text with **bold** parts as separate runs (for labels such as "**{{ rij.code }}** {{ rij.tekst }}")."""
    parts = text.split("**")
    for index, part in enumerate(parts):
        if part:
            paragraph.add_run(part).bold = True if index % 2 else None


def loop_row(table: TemplateTable, tag: str) -> None:
    add_row(table, [[(tag, "Tabeltekst")]] + [[("", "Tabeltekst")]] * (len(table.widths_cm) - 1))


def looped_rows(table: TemplateTable, loop: str, cells: list[list[tuple[str, str]]]) -> None:
    """A row of `cells` between the row tags `loop` ({%tr for ... %}) and its endfor."""
    loop_row(table, loop)
    add_row(table, cells)
    loop_row(table, "{%tr endfor %}")


def loop_table(
    body,
    widths_cm: list[float],
    loop: str,
    cells: list[list[tuple[str, str]]],
    *,
    caption: str,
    headers: list[list[tuple[str, str]]] | None = None,
    style: str = "Planrapport tabel",
) -> None:
    """A table of one looped row, under a repeated header row when `headers` are given."""
    table = add_table(body, widths_cm, style=style, caption=caption, header=headers is not None)
    if headers is not None:
        add_row(table, headers, repeat_header=True)
    looped_rows(table, loop, cells)
    finish_table(table)


def head_cells(*labels: str, style: str = "Tabelkop") -> list[list[tuple[str, str]]]:
    """Cells of one paragraph each, a label in a header style."""
    return [[(label, style)] for label in labels]


def text_cells(*texts: str, style: str = "Tabeltekst") -> list[list[tuple[str, str]]]:
    """Cells of one paragraph each, a text in a table text style."""
    return [[(text, style)] for text in texts]


def column_loop(loop: str, value: str, style: str, value_style: str | None = None) -> list[list[tuple[str, str]]]:
    """The three cells of a column repeated by docxtpl: {%tc for `loop` %}, the cell with `value`, {%tc endfor %}."""
    return [[(f"{{%tc for {loop} %}}", style)], [(value, value_style or style)], [("{%tc endfor %}", style)]]


def finish_table(table: TemplateTable) -> None:
    set_widths(table.table, table.widths_cm)


def grouped_cell(variable: str, item: str = "item") -> list[tuple[str, str]]:
    """Paragraphs of a cell that lists groups of items under their timing header."""
    return [
        (f"{{%p for groep in {variable} %}}", "Tabeltekst"),
        ("{%p if groep.kop %}", "Tabeltekst"),
        ("{{ groep.kop }}", "Tijdskop"),
        ("{%p endif %}", "Tabeltekst"),
        (f"{{%p for {item} in groep.lijst %}}", "Tabeltekst"),
        (f"{{%p if {item}.lijstalinea %}}", "Tabeltekst"),
        (f"{{{{p {item}.lijstalinea }}}}", "Tabeltekst"),
        (f"{{%p elif {item}.opsomming %}}", "Tabeltekst"),
        (f"{{{{ {item}.tekst }}}}", "Tabelopsomming"),
        ("{%p else %}", "Tabeltekst"),
        (f"{{{{ {item}.tekst }}}}", "Tabeltekst"),
        ("{%p endif %}", "Tabeltekst"),
        ("{%p endfor %}", "Tabeltekst"),
        ("{%p endfor %}", "Tabeltekst"),
    ]


def budget_table(
    document,
    rows: str,
    columns: list[tuple[str, float]],
    cells: list[list[tuple[str, str]]],
    total: list[list[tuple[str, str]]] | None,
    total_test: str,
    amounts: int = 1,
) -> None:
    """A budget table whose last `amounts` columns hold amounts (right-aligned)."""
    table = add_table(document, [width for _, width in columns], caption="Begroting", last_row=total is not None)
    first_amount = len(columns) - amounts
    add_row(
        table,
        [
            [(name, "Tabelkop rechts" if index >= first_amount else "Tabelkop")]
            for index, (name, _) in enumerate(columns)
        ],
        repeat_header=True,
    )
    looped_rows(table, f"{{%tr for rij in {rows} %}}", cells)
    if total is not None:
        loop_row(table, f"{{%tr if {total_test} %}}")
        add_row(table, total)
        loop_row(table, "{%tr endif %}")
    finish_table(table)


def unplaced_rows(body) -> None:
    tag_paragraph(body, "{%p if niet_ingedeeld %}")
    para(body, "Rijen zonder plaats in het plan", "Heading 1")
    para(
        body,
        "Deze rijen verwijzen naar een doelstelling, resultaat of actie die niet in het werkboek staat. "
        "Verbeter de code in het werkboek en maak het document opnieuw.",
    )
    loop_table(
        body,
        [2.6, 2.4, 9.0, 2.6],
        "{%tr for rij in niet_ingedeeld %}",
        text_cells("{{ rij.soort }}", "{{ rij.code }}", "{{ rij.tekst }}", "{{ rij.cel }}"),
        caption="Rijen zonder plaats",
        headers=head_cells("Soort", "Code", "Tekst", "Cel"),
    )
    tag_paragraph(body, "{%p endif %}")
