"""The page: size and margins, the running header with the logo, the footer with page numbers."""

from __future__ import annotations

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Cm, Pt

from reporting.documents.wordml.docx_internals import cell_element, paragraph_element, table_element
from reporting.documents.wordml.ooxml import W_NS, element, put
from reporting.template_builder.house_style import (
    MARGIN_BOTTOM,
    MARGIN_SIDE,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TEXT_WIDTH,
    HouseStyle,
)


def field(paragraph, instruction: str, shown: str) -> None:
    """A complex field (PAGE, NUMPAGES, TOC) with a value Word replaces when it updates fields."""
    for xml in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r><w:t>{shown}</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph_element(paragraph).append(parse_xml(xml.replace("<w:r>", f'<w:r xmlns:w="{W_NS}">', 1)))


def _band(story, shares: tuple[int, int]):
    """A borderless two-cell table across the full text width (in portrait and landscape alike)."""
    table = story.add_table(rows=1, cols=2, width=TEXT_WIDTH)
    tbl_pr = table_element(table).tblPr
    put(tbl_pr, element("tblW", w="5000", type="pct"))
    put(tbl_pr, element("tblLayout", type="autofit"))
    margins = parse_xml(
        f'<w:tblCellMar xmlns:w="{W_NS}"><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
    )
    put(tbl_pr, margins)
    look = put(
        tbl_pr, element("tblLook", firstRow="0", lastRow="0", firstColumn="0", lastColumn="0", noHBand="1", noVBand="1")
    )
    del look
    put(tbl_pr, element("tblCaption", val="Opmaak"))
    cells = table.rows[0].cells
    for cell, share in zip(cells, shares, strict=True):
        cell_pr = cell_element(cell).get_or_add_tcPr()
        put(cell_pr, element("tcW", w=str(share * 50), type="pct"))
        put(cell_pr, element("vAlign", val="bottom"))
    return cells


def set_up_page(document, house: HouseStyle, running_title: str) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = MARGIN_SIDE
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.header_distance = section.footer_distance = Cm(1.1)
    section.different_first_page_header_footer = True

    header = section.header
    running = "{{ gemeente }}{% if gemeente and titel %} \u00b7 {% endif %}{{ titel }}"
    if house.logo:
        logo_cell, text_cell = _band(header, (30, 70))
        run = logo_cell.paragraphs[0].add_run()
        run.add_picture(str(house.logo), height=Cm(house.logo_height_cm))
        doc_pr = run.element.find(".//{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
        doc_pr.set("descr", house.logo_text)
        doc_pr.set("name", "Logo")
        logo_cell.paragraphs[0].style = document.styles["Header"]
        text = text_cell.paragraphs[0]
        text.style = document.styles["Header"]
        text.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        text.add_run(running)
        rule = header.paragraphs[0]
        # The ruled line under the band: moved to the end of the header.
        moved = paragraph_element(rule)
        moved.getparent().append(moved)
    else:
        rule = header.paragraphs[0]
        rule.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        rule.add_run(running)
    rule.style = document.styles["Header"]
    rule.paragraph_format.space_after = Pt(0)
    line = element("pBdr")
    line.append(element("bottom", val="single", sz="4", space="4", color=house.rule))
    put(paragraph_element(rule).get_or_add_pPr(), line)

    footer = section.footer
    # One right-aligned line: page fields inside a footer table are left empty by some viewers.
    page = footer.paragraphs[0]
    page.style = document.styles["Footer"]
    page.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    page.add_run(running_title + "  \u00b7  pagina ")
    field(page, "PAGE", "1")
    page.add_run(" van ")
    field(page, "NUMPAGES", "1")
    footer.add_paragraph("{%p if fictief %}", style="Footer")
    note = footer.add_paragraph("Fictieve gegevens: {{ fictief }}", style="Footer")
    note.runs[0].italic = True
    footer.add_paragraph("{%p endif %}", style="Footer")
    footer.add_paragraph("", style="Footer")
    # The title page has a header of its own: only the logo, if any; its footer stays empty.
    first = section.first_page_header.paragraphs[0]
    first.style = document.styles["Header"]
    if house.logo:
        run = first.add_run()
        run.add_picture(str(house.logo), height=Cm(house.logo_height_cm * 1.5))
        doc_pr = run.element.find(".//{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
        doc_pr.set("descr", house.logo_text)
        doc_pr.set("name", "Logo")
    section.first_page_footer.paragraphs[0].style = document.styles["Footer"]
