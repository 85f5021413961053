"""The front of every template: a new document in the house style, its title page and its contents page."""

from __future__ import annotations

from collections.abc import Iterable

from docx import Document
from docx.enum.text import WD_BREAK

from reporting.template_builder.blocks import bold_lead, para, tag_paragraph
from reporting.template_builder.house_style import HouseStyle
from reporting.template_builder.page import field, set_up_page
from reporting.template_builder.styles import add_styles

DRAFT_TEXT = (
    "Dit document werd gemaakt van een werkboek dat nog fouten bevat. Het is niet bestemd om voor te leggen of in te "
    "dienen."
)


def new_template(house: HouseStyle, header: str):
    """A document with the house styles and the page set up, `header` the running header's text."""
    document = Document()
    add_styles(document, house)
    set_up_page(document, house, header)
    return document


def page_break(body) -> None:
    body.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def title_page(document, lines: Iterable[tuple[str, str]], *, running: bool = False) -> None:
    """The municipality, `lines` as (text, style) (a {%p ...%} text a tag), the draft and fictitious-data boxes and a
    page break; `running`: a plan period still running gives a draft box of its own before the workbook's."""
    para(document, "{{ gemeente }}", "Gemeente")
    for text, style in lines:
        if text.startswith("{%p"):
            tag_paragraph(document, text)
        else:
            para(document, text, style)
    if running:
        tag_paragraph(document, "{%p if lopend %}")
        bold_lead(document, "ONTWERP. ", "{{ lopend }}", "Kader")
        tag_paragraph(document, "{%p endif %}")
        tag_paragraph(document, "{%p if ontwerp and not lopend %}")
        bold_lead(document, "ONTWERP. ", DRAFT_TEXT, "Kader")
        tag_paragraph(document, "{%p endif %}")
        _unread(document)
    else:
        tag_paragraph(document, "{%p if ontwerp %}")
        bold_lead(document, "ONTWERP. ", DRAFT_TEXT, "Kader")
        _unread(document)
        tag_paragraph(document, "{%p endif %}")
    tag_paragraph(document, "{%p if fictief %}")
    bold_lead(document, "Fictieve gegevens. ", "{{ fictief }}", "Kader")
    tag_paragraph(document, "{%p endif %}")
    page_break(document)


def _unread(document) -> None:
    tag_paragraph(document, "{%p if ontwerp_ontbreekt %}")
    para(document, "Niet gelezen, dus niet in dit document: {{ ontwerp_ontbreekt }}.", "Kader")
    tag_paragraph(document, "{%p endif %}")


def contents_page(document) -> None:
    para(document, "Inhoud", "TOC Heading")
    paragraph = document.add_paragraph()
    field(
        paragraph,
        'TOC \\o "1-2" \\h \\z \\u',
        "Word vult de inhoudstafel aan wanneer u het document opent en de velden laat bijwerken.",
    )
