"""Build the Word templates jaarrapport.docx and beleidsplan.docx: real styles, header, footer and the jinja tags.

Run `python -m reporting.template_builder.build_templates` after changing this file; the .docx files are committed.
A municipality does not run this: it opens a copy of a template in Word and changes it there.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.shared import Cm, Pt, RGBColor

from reporting.documents.ooxml import W_NS, element, put, w
from reporting.templates import PLAN_TEMPLATE, YEAR_REPORT_TEMPLATE

PAGE_WIDTH, PAGE_HEIGHT = Cm(21), Cm(29.7)
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = Cm(2.2), Cm(2.4), Cm(2.2)
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_SIDE
BULLET = "\u25aa"


@dataclass(frozen=True)
class HouseStyle:
    """What a municipality's layout changes: fonts, colours and a logo in the header."""

    font: str = "Arial"
    heading_font: str = "Arial"
    primary: str = "1F4E79"  # headings, table header rows
    accent: str = "DCE6F1"  # light fills: result bands, label columns, notes
    text: str = "1A1A1A"
    muted: str = "595959"
    rule: str = "A6A6A6"  # table lines
    logo: Path | None = None
    logo_height_cm: float = 1.3
    logo_text: str = "Logo van {{ gemeente }}"


DEFAULT_STYLE = HouseStyle()


# ---------------------------------------------------------------- styles

def _twips(length) -> str:
    return str(int(round(int(length) / 635)))


def _strip_theme(document) -> None:
    """Fonts and colours come from the styles, not from the Office theme, so Word and LibreOffice agree."""
    root = document.styles.element
    for fonts in root.iter(w("rFonts")):
        for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(w(attribute), None)
    for colour in root.iter(w("color")):
        for attribute in ("themeColor", "themeShade", "themeTint"):
            colour.attrib.pop(w(attribute), None)
    for border in root.iter(w("bottom")):
        border.attrib.pop(w("themeColor"), None)


def _fonts(rpr, font: str) -> None:
    put(rpr, element("rFonts", ascii=font, hAnsi=font, cs=font, eastAsia=font))


def _defaults(document, house: HouseStyle) -> None:
    root = document.styles.element
    rpr = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    _fonts(rpr, house.font)
    put(rpr, element("sz", val="20"))
    put(rpr, element("szCs", val="20"))
    put(rpr, element("color", val=house.text))
    put(rpr, element("lang", val="nl-BE", eastAsia="nl-BE", bidi="ar-SA"))
    ppr = root.find(f"{w('docDefaults')}/{w('pPrDefault')}/{w('pPr')}")
    put(ppr, element("spacing", after="120", line="264", lineRule="auto"))


def _paragraph_style(document, name: str, base: str | None = "Normal", *, font: str | None = None,
                     size: float | None = None, bold: bool | None = None, italic: bool | None = None,
                     colour: str | None = None, before: float | None = None, after: float | None = None,
                     line: float | None = None, keep_next: bool | None = None, page_break: bool | None = None,
                     align=None, indent_cm: float | None = None, hanging_cm: float | None = None,
                     next_style: str | None = None, underline: bool | None = None, caps: bool | None = None):
    styles = document.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.quick_style = True
    if base is not None:
        style.base_style = styles[base]
    fmt, run = style.paragraph_format, style.font
    if font:
        _fonts(style.element.get_or_add_rPr(), font)
    if size is not None:
        run.size = Pt(size)
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic
    if underline is not None:
        run.underline = underline
    if caps is not None:
        run.all_caps = caps
    if colour:
        run.color.rgb = RGBColor.from_string(colour)
    if before is not None:
        fmt.space_before = Pt(before)
    if after is not None:
        fmt.space_after = Pt(after)
    if line is not None:
        fmt.line_spacing = line
    if keep_next is not None:
        fmt.keep_with_next = keep_next
    if page_break is not None:
        fmt.page_break_before = page_break
    if align is not None:
        fmt.alignment = align
    if indent_cm is not None:
        fmt.left_indent = Cm(indent_cm)
    if hanging_cm is not None:
        fmt.first_line_indent = Cm(-hanging_cm)
    if next_style:
        style.next_paragraph_style = styles[next_style]
    return style


def _bullets(document, house: HouseStyle, indent_cm: float, hanging_cm: float) -> str:
    """A one-level ▪ list in numbering.xml; returns its numId."""
    numbering = document.part.numbering_part.element
    abstract_ids = [int(a.get(w("abstractNumId"))) for a in numbering.findall(w("abstractNum"))]
    num_ids = [int(n.get(w("numId"))) for n in numbering.findall(w("num"))]
    abstract_id, num_id = max(abstract_ids, default=0) + 1, max(num_ids, default=0) + 1
    left, hanging = _twips(Cm(indent_cm)), _twips(Cm(hanging_cm))
    abstract = parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{BULLET}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>'
        f'<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:hint="default"/>'
        f'<w:color w:val="{house.primary}"/></w:rPr></w:lvl></w:abstractNum>'
    )
    first_num = numbering.find(w("num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(
        f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
    ))
    return str(num_id)


def _numbered(style, num_id: str) -> None:
    ppr = style.element.get_or_add_pPr()
    numpr = parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
    put(ppr, numpr)


def _box(style, house: HouseStyle) -> None:
    ppr = style.element.get_or_add_pPr()
    sides = "".join(
        f'<w:{side} w:val="single" w:sz="6" w:space="4" w:color="{house.primary}"/>'
        for side in ("top", "left", "bottom", "right")
    )
    put(ppr, parse_xml(f'<w:pBdr xmlns:w="{W_NS}">{sides}</w:pBdr>'))
    put(ppr, element("shd", val="clear", color="auto", fill=house.accent))
    put(ppr, element("ind", left="113", right="113"))


def _raw_style(document, xml: str) -> None:
    document.styles.element.append(parse_xml(xml))


def _toc_styles(document, house: HouseStyle) -> None:
    tab = _twips(TEXT_WIDTH)
    for level, (indent, bold, before) in enumerate(((0, True, 120), (220, False, 0), (440, False, 0)), start=1):
        _raw_style(document, (
            f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:styleId="TOC{level}"><w:name w:val="toc {level}"/>'
            f'<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
            f'<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{tab}"/></w:tabs>'
            f'<w:spacing w:before="{before}" w:after="40"/><w:ind w:left="{indent}" w:right="567"/></w:pPr>'
            f'<w:rPr>{"<w:b/>" if bold else ""}</w:rPr></w:style>'
        ))


def _table_styles(document, house: HouseStyle) -> None:
    line = f'w:val="single" w:sz="4" w:space="0" w:color="{house.rule}"'
    borders = "".join(f"<w:{side} {line}/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    margins = ('<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
               '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>')
    _raw_style(document, (
        f'<w:style xmlns:w="{W_NS}" w:type="table" w:styleId="Planrapporttabel">'
        f'<w:name w:val="Planrapport tabel"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>'
        f'<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f'<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'
        f'<w:tblPr><w:tblBorders>{borders}</w:tblBorders>{margins}</w:tblPr>'
        f'<w:tblStylePr w:type="firstRow"><w:pPr><w:keepNext/></w:pPr>'
        f'<w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{house.primary}"/></w:tcPr></w:tblStylePr>'
        f'<w:tblStylePr w:type="lastRow"><w:rPr><w:b/><w:bCs/></w:rPr>'
        f'<w:tcPr><w:tcBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="{house.primary}"/></w:tcBorders>'
        f'</w:tcPr></w:tblStylePr>'
        f'</w:style>'
    ))
    _raw_style(document, (
        f'<w:style xmlns:w="{W_NS}" w:type="table" w:styleId="Planrapportkenmerken">'
        f'<w:name w:val="Planrapport kenmerken"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>'
        f'<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f'<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'
        f'<w:tblPr><w:tblBorders><w:top {line}/><w:bottom {line}/><w:insideH {line}/></w:tblBorders>{margins}</w:tblPr>'
        f'<w:tblStylePr w:type="firstCol"><w:rPr><w:b/><w:bCs/><w:color w:val="{house.primary}"/></w:rPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{house.accent}"/></w:tcPr></w:tblStylePr>'
        f'</w:style>'
    ))


def _styles(document, house: HouseStyle) -> None:
    _defaults(document, house)
    heading = house.heading_font
    _paragraph_style(document, "Normal", None, font=house.font, size=10)
    _paragraph_style(document, "Title", font=heading, size=28, bold=True, colour=house.primary, before=0, after=12,
                     line=1.0)
    title = document.styles["Title"].element.get_or_add_pPr()
    for border in title.findall(w("pBdr")):
        title.remove(border)
    _paragraph_style(document, "Subtitle", font=heading, size=15, italic=False, colour=house.text, before=0,
                     after=18, line=1.0)
    _paragraph_style(document, "Heading 1", font=heading, size=17, bold=True, colour=house.primary, before=0,
                     after=10, line=1.0, keep_next=True, page_break=True)
    _paragraph_style(document, "Heading 2", font=heading, size=13.5, bold=True, colour=house.primary, before=16,
                     after=6, line=1.0, keep_next=True)
    _paragraph_style(document, "Heading 3", font=heading, size=11, bold=True, colour=house.text, before=14,
                     after=4, line=1.0, keep_next=True)
    _paragraph_style(document, "TOC Heading", "Heading 1", page_break=False, after=12)
    toc_heading = document.styles["TOC Heading"].element.get_or_add_pPr()
    put(toc_heading, element("outlineLvl", val="9"))
    _paragraph_style(document, "Caption", font=house.font, size=8.5, italic=True, bold=False, colour=house.muted,
                     before=2, after=10, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph_style(document, "Header", font=house.font, size=8, colour=house.muted, after=0)
    _paragraph_style(document, "Footer", font=house.font, size=8, colour=house.muted, after=0)
    _paragraph_style(document, "Gemeente", font=heading, size=14, bold=True, colour=house.muted, before=150,
                     after=6, caps=True)
    _paragraph_style(document, "Titelgegevens", size=11, colour=house.text, after=3)
    _paragraph_style(document, "Tussenkop", size=10, bold=True, colour=house.primary, before=12, after=3,
                     keep_next=True)
    _paragraph_style(document, "Resultaat", size=10, bold=True, colour=house.text, before=12, after=6,
                     keep_next=True)
    _box(document.styles["Resultaat"], house)
    _paragraph_style(document, "Domein", size=9.5, italic=True, colour=house.muted, before=0, after=6,
                     keep_next=True)
    _paragraph_style(document, "Kader", size=9.5, colour=house.text, before=12, after=12)
    _box(document.styles["Kader"], house)
    _paragraph_style(document, "Kleine tekst", size=8, colour=house.muted, before=2, after=4)
    _paragraph_style(document, "Grafiek", after=0, before=6, align=WD_ALIGN_PARAGRAPH.CENTER, keep_next=True)
    _paragraph_style(document, "Tabeltekst", size=9, after=2, line=1.0)
    _paragraph_style(document, "Tabelkop", "Tabeltekst", bold=True, keep_next=True, colour="FFFFFF")
    _paragraph_style(document, "Tabelkop rechts", "Tabelkop", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _paragraph_style(document, "Tabelgetal", "Tabeltekst", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _paragraph_style(document, "Tijdskop", "Tabeltekst", bold=True, underline=True, before=0, after=1, keep_next=True)
    _paragraph_style(document, "Tabelopsomming", "Tabeltekst", after=3)
    _numbered(document.styles["Tabelopsomming"], _bullets(document, house, 0.4, 0.35))
    _paragraph_style(document, "Opsomming", "Normal", after=4)
    _numbered(document.styles["Opsomming"], _bullets(document, house, 0.6, 0.4))
    _toc_styles(document, house)
    _table_styles(document, house)
    _strip_theme(document)


# ---------------------------------------------------------------- page, header, footer

def _field(paragraph, instruction: str, shown: str) -> None:
    """A complex field (PAGE, NUMPAGES, TOC) with a value Word replaces when it updates fields."""
    for xml in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r><w:t>{shown}</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml.replace("<w:r>", f'<w:r xmlns:w="{W_NS}">', 1)))


def _band(story, shares: tuple[int, int]):
    """A borderless two-cell table across the full text width (in portrait and landscape alike)."""
    table = story.add_table(rows=1, cols=2, width=TEXT_WIDTH)
    tbl_pr = table._tbl.tblPr
    put(tbl_pr, element("tblW", w="5000", type="pct"))
    put(tbl_pr, element("tblLayout", type="autofit"))
    margins = parse_xml(
        f'<w:tblCellMar xmlns:w="{W_NS}"><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>'
        "</w:tblCellMar>"
    )
    put(tbl_pr, margins)
    look = put(tbl_pr, element("tblLook", firstRow="0", lastRow="0", firstColumn="0", lastColumn="0",
                               noHBand="1", noVBand="1"))
    del look
    put(tbl_pr, element("tblCaption", val="Opmaak"))
    cells = table.rows[0].cells
    for cell, share in zip(cells, shares, strict=True):
        cell_pr = cell._tc.get_or_add_tcPr()
        put(cell_pr, element("tcW", w=str(share * 50), type="pct"))
        put(cell_pr, element("vAlign", val="bottom"))
    return cells


def _page(document, house: HouseStyle, running_title: str) -> None:
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
        doc_pr = run._r.find(".//{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
        doc_pr.set("descr", house.logo_text)
        doc_pr.set("name", "Logo")
        logo_cell.paragraphs[0].style = document.styles["Header"]
        text = text_cell.paragraphs[0]
        text.style = document.styles["Header"]
        text.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        text.add_run(running)
        rule = header.paragraphs[0]
        header._element.remove(rule._p)
        header._element.append(rule._p)
    else:
        rule = header.paragraphs[0]
        rule.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        rule.add_run(running)
    rule.style = document.styles["Header"]
    rule.paragraph_format.space_after = Pt(0)
    line = element("pBdr")
    line.append(element("bottom", val="single", sz="4", space="4", color=house.rule))
    put(rule._p.get_or_add_pPr(), line)

    footer = section.footer
    # One right-aligned line: page fields inside a footer table are left empty by some viewers.
    page = footer.paragraphs[0]
    page.style = document.styles["Footer"]
    page.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    page.add_run(running_title + "  \u00b7  pagina ")
    _field(page, "PAGE", "1")
    page.add_run(" van ")
    _field(page, "NUMPAGES", "1")
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
        doc_pr = run._r.find(".//{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
        doc_pr.set("descr", house.logo_text)
        doc_pr.set("name", "Logo")
    section.first_page_footer.paragraphs[0].style = document.styles["Footer"]


# ---------------------------------------------------------------- body building blocks

def _p(document_or_cell, text: str = "", style: str | None = None, bold: bool = False):
    paragraph = document_or_cell.add_paragraph(style=style)
    if text:
        paragraph.add_run(text).bold = bold or None
    return paragraph


def _tag(container, tag: str) -> None:
    """A paragraph that holds only a {%p ... %} tag; docxtpl removes it when rendering."""
    container.add_paragraph(tag)


def _title_page(document, lines: Iterable[tuple[str, str]]) -> None:
    _p(document, "{{ gemeente }}", "Gemeente")
    for text, style in lines:
        if text.startswith("{%p"):
            _tag(document, text)
        else:
            _p(document, text, style)
    _tag(document, "{%p if ontwerp %}")
    box = _p(document, "", "Kader")
    box.add_run("ONTWERP. ").bold = True
    box.add_run("Dit document werd gemaakt van een werkboek dat nog fouten bevat. Het is niet bestemd om "
                "voor te leggen of in te dienen.")
    _tag(document, "{%p endif %}")
    _tag(document, "{%p if fictief %}")
    box = _p(document, "", "Kader")
    box.add_run("Fictieve gegevens. ").bold = True
    box.add_run("{{ fictief }}")
    _tag(document, "{%p endif %}")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _contents(document) -> None:
    _p(document, "Inhoud", "TOC Heading")
    paragraph = document.add_paragraph()
    _field(paragraph, 'TOC \\o "1-2" \\h \\z \\u',
           "Word vult de inhoudstafel aan wanneer u het document opent en de velden laat bijwerken.")


def _set_widths(table, widths_cm: list[float]) -> None:
    tbl = table._tbl
    total = sum(widths_cm)
    tbl_pr = tbl.tblPr
    put(tbl_pr, element("tblW", w=_twips(Cm(total)), type="dxa"))
    put(tbl_pr, element("tblLayout", type="fixed"))
    grid = tbl.tblGrid
    for column, width in zip(grid.findall(w("gridCol")), widths_cm, strict=True):
        column.set(w("w"), _twips(Cm(width)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def _table(document, widths_cm: list[float], *, style: str = "Planrapport tabel", caption: str = "",
           header: bool = True, last_row: bool = False):
    table = document.add_table(rows=0, cols=len(widths_cm))
    table.style = document.styles[style]
    look = table._tbl.tblPr.find(w("tblLook"))
    if look is None:
        look = put(table._tbl.tblPr, element("tblLook"))
    for key, value in (("firstRow", header), ("lastRow", last_row), ("firstColumn", not header),
                       ("lastColumn", False), ("noHBand", True), ("noVBand", True)):
        look.set(w(key), "1" if value else "0")
    look.attrib.pop(w("val"), None)
    if caption:
        put(table._tbl.tblPr, element("tblCaption", val=caption))
    table._widths = widths_cm
    return table


def _row(table, cells: list[list[tuple[str, str]]], *, repeat_header: bool = False):
    """A row whose cells hold paragraphs given as (text, style); text "" gives an empty paragraph."""
    row = table.add_row()
    if repeat_header:
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(element("tblHeader"))
    for cell, paragraphs in zip(row.cells, cells, strict=True):
        first = True
        for text, style in paragraphs:
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            paragraph.style = table.part.document.styles[style]
            _runs(paragraph, text)
    return row


def _runs(paragraph, text: str) -> None:
    """Text with **bold** parts as separate runs (for labels such as "**{{ rij.code }}** {{ rij.tekst }}")."""
    parts = text.split("**")
    for index, part in enumerate(parts):
        if part:
            paragraph.add_run(part).bold = True if index % 2 else None


def _loop_row(table, tag: str) -> None:
    _row(table, [[(tag, "Tabeltekst")]] + [[("", "Tabeltekst")]] * (len(table.columns) - 1))


def _finish_table(table) -> None:
    _set_widths(table, table._widths)


def _grouped_cell(variable: str, item: str = "item") -> list[tuple[str, str]]:
    """Paragraphs of a cell that lists groups of items under their timing header."""
    return [
        (f"{{%p for groep in {variable} %}}", "Tabeltekst"),
        ("{%p if groep.kop %}", "Tabeltekst"),
        ("{{ groep.kop }}", "Tijdskop"),
        ("{%p endif %}", "Tabeltekst"),
        (f"{{%p for {item} in groep.lijst %}}", "Tabeltekst"),
        (f"{{%p if {item}.opsomming %}}", "Tabeltekst"),
        (f"{{{{ {item}.tekst }}}}", "Tabelopsomming"),
        ("{%p else %}", "Tabeltekst"),
        (f"{{{{ {item}.tekst }}}}", "Tabeltekst"),
        ("{%p endif %}", "Tabeltekst"),
        ("{%p endfor %}", "Tabeltekst"),
        ("{%p endfor %}", "Tabeltekst"),
    ]


def _budget_table(document, rows: str, columns: list[tuple[str, float]], cells: list[list[tuple[str, str]]],
                  total: list[list[tuple[str, str]]] | None, total_test: str, amounts: int = 1) -> None:
    """A budget table whose last `amounts` columns hold amounts (right-aligned)."""
    table = _table(document, [width for _, width in columns], caption="Begroting", last_row=total is not None)
    first_amount = len(columns) - amounts
    _row(table, [[(name, "Tabelkop rechts" if index >= first_amount else "Tabelkop")]
                 for index, (name, _) in enumerate(columns)], repeat_header=True)
    _loop_row(table, f"{{%tr for rij in {rows} %}}")
    _row(table, cells)
    _loop_row(table, "{%tr endfor %}")
    if total is not None:
        _loop_row(table, f"{{%tr if {total_test} %}}")
        _row(table, total)
        _loop_row(table, "{%tr endif %}")
    _finish_table(table)


# ---------------------------------------------------------------- the plan document

def build_plan_template(house: HouseStyle = DEFAULT_STYLE):
    document = Document()
    _styles(document, house)
    _page(document, house, "Beleidsplan {{ periode }}")
    body = document
    _title_page(body, [
        ("{{ titel }}", "Title"),
        ("{%p if periode %}", ""),
        ("Beleidsplan {{ periode }}", "Subtitle"),
        ("{%p endif %}", ""),
        ("{%p if opgesteld_door %}", ""),
        ("Opgesteld door {{ opgesteld_door }}", "Titelgegevens"),
        ("{%p endif %}", ""),
    ])
    _contents(body)
    _free_chapters(body, "hoofdstukken_voor")
    _tag(body, "{%p for sd in doelstellingen %}")
    _p(body, "{{ sd.kop }}", "Heading 1")
    _tag(body, "{%p if sd.domein %}")
    _p(body, "Domein: {{ sd.domein }}", "Domein")
    _tag(body, "{%p endif %}")
    _tag(body, "{%p if sd.motivering %}")
    _p(body, "Motivering - duiding", "Tussenkop")
    _tag(body, "{%p for alinea in sd.motivering %}")
    _p(body, "{{ alinea }}")
    _tag(body, "{%p endfor %}")
    _tag(body, "{%p endif %}")
    _tag(body, "{%p for od in sd.operationele %}")
    _p(body, "{{ od.kop }}", "Heading 2")
    _tag(body, "{%p if od.domein %}")
    _p(body, "Domein: {{ od.domein }}", "Domein")
    _tag(body, "{%p endif %}")
    _tag(body, "{%p for alinea in od.motivering %}")
    _p(body, "{{ alinea }}")
    _tag(body, "{%p endfor %}")
    _tag(body, "{%p if od.rijen %}")
    # Portrait widths; the three-column tables are put on landscape pages and widened when rendered.
    table = _table(body, [5.0, 5.8, 5.8], caption="Resultaten, acties en indicatoren")
    _row(table, [[("{{ kolommen[0] }}", "Tabelkop")], [("{{ kolommen[1] }}", "Tabelkop")],
                 [("{{ kolommen[2] }}", "Tabelkop")]], repeat_header=True)
    _loop_row(table, "{%tr for rij in od.rijen %}")
    _row(table, [
        [("**{{ rij.code }}** {{ rij.tekst }}", "Tabeltekst")],
        _grouped_cell("rij.acties"),
        _grouped_cell("rij.indicatoren"),
    ])
    _loop_row(table, "{%tr endfor %}")
    _finish_table(table)
    _tag(body, "{%p else %}")
    _p(body, "Onder deze doelstelling staan nog geen resultaten of acties.", "Kleine tekst")
    _tag(body, "{%p endif %}")
    _tag(body, "{%p endfor %}")
    _tag(body, "{%p endfor %}")
    _free_chapters(body, "hoofdstukken_na")

    _tag(body, "{%p if begroting %}")
    _p(body, "Jaarlijkse begroting", "Heading 1")
    _tag(body, "{%p for tabel in begroting %}")
    _p(body, "{{ tabel.titel }}", "Tussenkop")
    _budget_table(
        body, "tabel.rijen",
        [("Gesubsidieerd door", 6.0), ("Omschrijving kosten", 7.6), ("Bedrag", 3.0)],
        [
            [("{{ rij.financier }}", "Tabeltekst"), ("{%p if rij.toelichting %}", "Tabeltekst"),
             ("{{ rij.toelichting }}", "Kleine tekst"), ("{%p endif %}", "Tabeltekst")],
            [("{{ rij.omschrijving }}", "Tabeltekst")],
            [("{{ rij.bedrag }}", "Tabelgetal")],
        ],
        [[("**Totaal**", "Tabeltekst")], [("", "Tabeltekst")], [("**{{ tabel.totaal }}**", "Tabelgetal")]],
        "tabel.totaal",
    )
    _tag(body, "{%p endfor %}")
    _tag(body, "{%p endif %}")
    _unplaced(body)
    return document


def _free_chapters(body, name: str) -> None:
    """The free chapters (sheet Hoofdstukken): a Heading 1 title and the paragraphs of the text."""
    _tag(body, f"{{%p for hoofdstuk in {name} %}}")
    _p(body, "{{ hoofdstuk.titel }}", "Heading 1")
    _tag(body, "{%p for alinea in hoofdstuk.alineas %}")
    _p(body, "{{ alinea }}")
    _tag(body, "{%p endfor %}")
    _tag(body, "{%p endfor %}")


def _unplaced(body) -> None:
    _tag(body, "{%p if niet_ingedeeld %}")
    _p(body, "Rijen zonder plaats in het plan", "Heading 1")
    _p(body, "Deze rijen verwijzen naar een doelstelling, resultaat of actie die niet in het werkboek staat. "
             "Verbeter de code in het werkboek en maak het document opnieuw.")
    table = _table(body, [2.6, 2.4, 9.0, 2.6], caption="Rijen zonder plaats")
    _row(table, [[("Soort", "Tabelkop")], [("Code", "Tabelkop")], [("Tekst", "Tabelkop")], [("Cel", "Tabelkop")]],
         repeat_header=True)
    _loop_row(table, "{%tr for rij in niet_ingedeeld %}")
    _row(table, [[("{{ rij.soort }}", "Tabeltekst")], [("{{ rij.code }}", "Tabeltekst")],
                 [("{{ rij.tekst }}", "Tabeltekst")], [("{{ rij.cel }}", "Tabeltekst")]])
    _loop_row(table, "{%tr endfor %}")
    _finish_table(table)
    _tag(body, "{%p endif %}")


# ---------------------------------------------------------------- the year report

def build_year_report_template(house: HouseStyle = DEFAULT_STYLE):
    document = Document()
    _styles(document, house)
    _page(document, house, "Jaarrapport {{ jaar }}")
    body = document
    _title_page(body, [
        ("Jaarrapport {{ jaar }}", "Title"),
        ("{{ titel }}", "Subtitle"),
        ("{%p if periode %}", ""),
        ("Planperiode {{ periode }}", "Titelgegevens"),
        ("{%p endif %}", ""),
        ("{%p if opgesteld_door %}", ""),
        ("Opgesteld door {{ opgesteld_door }}", "Titelgegevens"),
        ("{%p endif %}", ""),
        ("{{ datum }}", "Titelgegevens"),
    ])
    _contents(body)
    _summary(body)
    _objectives(body)
    _report_budget(body)
    _warnings(body)
    _unplaced(body)
    return document


def _summary(body) -> None:
    _p(body, "Samenvatting voor de gemeenteraad", "Heading 1")
    _tag(body, "{%p for zin in samenvatting.inleiding %}")
    _p(body, "{{ zin }}")
    _tag(body, "{%p endfor %}")
    _tag(body, "{%p if samenvatting.statussen %}")
    _p(body, "Acties in {{ jaar }}", "Tussenkop")
    _tag(body, "{%p for zin in samenvatting.schema %}")
    _p(body, "{{ zin }}")
    _tag(body, "{%p endfor %}")
    table = _table(body, [7.0, 2.4, 2.4], caption="Acties per status", last_row=True)
    _row(table, [[("Status", "Tabelkop")], [("Acties", "Tabelkop rechts")], [("Aandeel", "Tabelkop rechts")]],
         repeat_header=True)
    _loop_row(table, "{%tr for s in samenvatting.statussen %}")
    _row(table, [[("{{r s.marker }}{{ s.status }}", "Tabeltekst")], [("{{ s.aantal }}", "Tabelgetal")],
                 [("{{ s.aandeel }}", "Tabelgetal")]])
    _loop_row(table, "{%tr endfor %}")
    _row(table, [[("**Totaal**", "Tabeltekst")], [("**{{ samenvatting.acties }}**", "Tabelgetal")],
                 [("**100%**", "Tabelgetal")]])
    _finish_table(table)
    _tag(body, "{%p endif %}")
    _tag(body, "{%p if samenvatting.indicatoren %}")
    _p(body, "Indicatoren", "Tussenkop")
    _tag(body, "{%p for zin in samenvatting.indicatorzinnen %}")
    _p(body, "{{ zin }}")
    _tag(body, "{%p endfor %}")
    table = _table(body, [7.0, 2.4, 2.4], caption="Cijfermatige indicatoren per beoordeling")
    _row(table, [[("Beoordeling", "Tabelkop")], [("Indicatoren", "Tabelkop rechts")],
                 [("Aandeel", "Tabelkop rechts")]], repeat_header=True)
    _loop_row(table, "{%tr for i in samenvatting.indicatoren %}")
    _row(table, [[("{{r i.marker }}{{ i.oordeel }}", "Tabeltekst")], [("{{ i.aantal }}", "Tabelgetal")],
                 [("{{ i.aandeel }}", "Tabelgetal")]])
    _loop_row(table, "{%tr endfor %}")
    _finish_table(table)
    _tag(body, "{%p endif %}")
    _tag(body, "{%p if samenvatting.begroting %}")
    _p(body, "Budget {{ jaar }}", "Tussenkop")
    _tag(body, "{%p for zin in samenvatting.budgetzinnen %}")
    _p(body, "{{ zin }}")
    _tag(body, "{%p endfor %}")
    table = _table(body, [4.0, 2.8, 9.8], style="Planrapport kenmerken", header=False, caption="Budget")
    _loop_row(table, "{%tr for r in samenvatting.begroting %}")
    _row(table, [[("{{ r.label }}", "Tabeltekst")], [("{{ r.waarde }}", "Tabelgetal")],
                 [("{{ r.toelichting }}", "Tabeltekst")]])
    _loop_row(table, "{%tr endfor %}")
    _finish_table(table)
    _tag(body, "{%p endif %}")


def _objectives(body) -> None:
    _tag(body, "{%p for sd in doelstellingen %}")
    _p(body, "{{ sd.kop }}", "Heading 1")
    _tag(body, "{%p for alinea in sd.motivering %}")
    _p(body, "{{ alinea }}")
    _tag(body, "{%p endfor %}")
    _tag(body, "{%p if sd.grafiek %}")
    _p(body, "{{ sd.grafiek.beeld }}", "Grafiek")
    _p(body, "{{ sd.grafiek.bijschrift }}", "Caption")
    _tag(body, "{%p endif %}")
    _tag(body, "{%p for od in sd.operationele %}")
    _p(body, "{{ od.kop }}", "Heading 2")
    _tag(body, "{%p if od.domein %}")
    _p(body, "Domein: {{ od.domein }}", "Domein")
    _tag(body, "{%p endif %}")
    _tag(body, "{%p for groep in od.groepen %}")
    _tag(body, "{%p if groep.kop %}")
    _p(body, "{{ groep.kop }}", "Resultaat")
    _tag(body, "{%p endif %}")
    _tag(body, "{%p for actie in groep.acties %}")
    _action(body)
    _tag(body, "{%p endfor %}")
    _tag(body, "{%p if groep.indicatoren %}")
    _indicators(body, "groep.indicatoren")
    _tag(body, "{%p endif %}")
    _tag(body, "{%p endfor %}")
    _tag(body, "{%p if not od.groepen %}")
    _p(body, "Onder dit {{ namen.operationeel|lower }} staan nog geen acties.", "Kleine tekst")
    _tag(body, "{%p endif %}")
    _tag(body, "{%p endfor %}")
    _tag(body, "{%p endfor %}")


def _action(body) -> None:
    _p(body, "{{ actie.kop }}", "Heading 3")
    _tag(body, "{%p for alinea in actie.omschrijving %}")
    _tag(body, "{%p if alinea.opsomming %}")
    _p(body, "{{ alinea.tekst }}", "Opsomming")
    _tag(body, "{%p else %}")
    _p(body, "{{ alinea.tekst }}")
    _tag(body, "{%p endif %}")
    _tag(body, "{%p endfor %}")
    table = _table(body, [3.4, 13.2], style="Planrapport kenmerken", header=False, caption="Opvolging")
    _loop_row(table, "{%tr for k in actie.kenmerken %}")
    _row(table, [[("{{ k.label }}", "Tabeltekst")], [("{{r k.marker }}{{ k.waarde }}", "Tabeltekst")]])
    _loop_row(table, "{%tr endfor %}")
    _finish_table(table)
    _p(body, "Stand van zaken {{ jaar }}", "Tussenkop")
    _tag(body, "{%p for alinea in actie.stand_van_zaken %}")
    _tag(body, "{%p if alinea.opsomming %}")
    _p(body, "{{r alinea.tekst }}", "Opsomming")
    _tag(body, "{%p else %}")
    _p(body, "{{r alinea.tekst }}")
    _tag(body, "{%p endif %}")
    _tag(body, "{%p endfor %}")
    _tag(body, "{%p if not actie.stand_van_zaken %}")
    paragraph = _p(body, "Geen stand van zaken voor {{ jaar }}.")
    paragraph.runs[0].italic = True
    _tag(body, "{%p endif %}")
    _tag(body, "{%p if actie.zie_ook %}")
    paragraph = _p(body, "")
    paragraph.add_run("Zie ook: ").bold = True
    paragraph.add_run("{{ actie.zie_ook }}")
    _tag(body, "{%p endif %}")


def _indicators(body, variable: str) -> None:
    _p(body, "Indicatoren", "Tussenkop")
    _tag(body, f"{{%p if {variable}.tabel %}}")
    table = _table(body, [5.4, 0.1, 1.5, 0.1, 2.4, 2.4], caption="Metingen per jaar")
    _row(table, [[("Indicator", "Tabelkop")], [("{%tc for periode in " + variable + ".tabel.perioden %}",
                                                 "Tabelkop")],
                 [("{{ periode }}", "Tabelkop rechts")], [("{%tc endfor %}", "Tabelkop")], [("Evolutie", "Tabelkop")],
                 [("Beoordeling", "Tabelkop")]], repeat_header=True)
    _loop_row(table, f"{{%tr for rij in {variable}.tabel.rijen %}}")
    _row(table, [[("{{ rij.tekst }}", "Tabeltekst")], [("{%tc for waarde in rij.waarden %}", "Tabeltekst")],
                 [("{{ waarde }}", "Tabelgetal")], [("{%tc endfor %}", "Tabeltekst")],
                 [("{{ rij.evolutie }}", "Tabeltekst")], [("{{r rij.marker }}{{ rij.oordeel }}", "Tabeltekst")]])
    _loop_row(table, "{%tr endfor %}")
    _finish_table(table)
    _tag(body, f"{{%p for uitleg in {variable}.toelichting %}}")
    paragraph = _p(body, "", "Kleine tekst")
    paragraph.add_run("{{ uitleg.tekst }}: ").bold = True
    paragraph.add_run("{{ uitleg.uitleg }}")
    _tag(body, "{%p endfor %}")
    _tag(body, f"{{%p for grafiek in {variable}.grafieken %}}")
    _p(body, "{{ grafiek.beeld }}", "Grafiek")
    _p(body, "{{ grafiek.bijschrift }}", "Caption")
    _tag(body, "{%p endfor %}")
    _tag(body, "{%p endif %}")
    _tag(body, f"{{%p for groep in {variable}.beschrijvend %}}")
    _tag(body, "{%p if groep.kop %}")
    paragraph = _p(body, "{{ groep.kop }}")
    paragraph.runs[0].underline = True
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.space_after = Pt(2)
    _tag(body, "{%p endif %}")
    _tag(body, "{%p for item in groep.lijst %}")
    _p(body, "{{ item.tekst }}", "Opsomming")
    _tag(body, "{%p endfor %}")
    _tag(body, "{%p endfor %}")


def _report_budget(body) -> None:
    _tag(body, "{%p if begroting %}")
    _p(body, "Begroting {{ jaar }}", "Heading 1")
    _tag(body, "{%p for zin in begroting.inleiding %}")
    _p(body, "{{ zin }}")
    _tag(body, "{%p endfor %}")
    _budget_table(
        body, "begroting.rijen",
        [("Financiering", 4.0), ("Omschrijving", 5.8), ("Gepland", 2.3), ("Besteed", 2.3), ("Verschil", 2.2)],
        [
            [("{{ rij.financier }}", "Tabeltekst")],
            [("{{ rij.omschrijving }}", "Tabeltekst"), ("{%p if rij.toelichting %}", "Tabeltekst"),
             ("{{ rij.toelichting }}", "Kleine tekst"), ("{%p endif %}", "Tabeltekst")],
            [("{{ rij.gepland }}", "Tabelgetal")],
            [("{{ rij.besteed }}", "Tabelgetal")],
            [("{{ rij.verschil }}", "Tabelgetal")],
        ],
        [[("**Totaal**", "Tabeltekst")], [("", "Tabeltekst")],
         [("**{{ begroting.totaal.gepland }}**", "Tabelgetal")],
         [("**{{ begroting.totaal.besteed }}**", "Tabelgetal")],
         [("**{{ begroting.totaal.verschil }}**", "Tabelgetal")]],
        "begroting.totaal", amounts=3,
    )
    _tag(body, "{%p for zin in begroting.cofinanciering %}")
    _p(body, "{{ zin }}")
    _tag(body, "{%p endfor %}")
    _tag(body, "{%p endif %}")


def _warnings(body) -> None:
    _tag(body, "{%p if waarschuwingen %}")
    _p(body, "Bijlage: openstaande waarschuwingen", "Heading 1")
    _p(body, "Bij de controle van het werkboek bleven deze waarschuwingen open. Ze houden het rapport niet "
             "tegen, maar verdienen een blik voor het rapport vertrekt.")
    table = _table(body, [2.8, 3.6, 10.2], caption="Openstaande waarschuwingen")
    _row(table, [[("Cel", "Tabelkop")], [("Soort", "Tabelkop")], [("Waarschuwing", "Tabelkop")]],
         repeat_header=True)
    _loop_row(table, "{%tr for waarschuwing in waarschuwingen %}")
    _row(table, [[("{{ waarschuwing.cel }}", "Tabeltekst")], [("{{ waarschuwing.code }}", "Tabeltekst")],
                 [("{{ waarschuwing.melding }}", "Tabeltekst")]])
    _loop_row(table, "{%tr endfor %}")
    _finish_table(table)
    _tag(body, "{%p endif %}")


# ---------------------------------------------------------------- writing

def _properties(document, title: str) -> None:
    from datetime import datetime

    properties = document.core_properties
    properties.title = title
    properties.author = "planrapport"
    properties.last_modified_by = "planrapport"
    properties.language = "nl-BE"
    properties.created = properties.modified = datetime(2024, 1, 1)
    properties.revision = 1
    settings = document.settings.element
    put(settings, element("decimalSymbol", val=","))
    put(settings, element("listSeparator", val=";"))
    put(settings, element("themeFontLang", val="nl-BE"))


def save_template(document, path: Path, title: str) -> Path:
    from io import BytesIO

    from reporting.documents.packaging import normalized_zip

    _properties(document, title)
    buffer = BytesIO()
    document.save(buffer)
    path.write_bytes(normalized_zip(buffer.getvalue()))
    return path


def build_all(folder: Path | None = None, house: HouseStyle = DEFAULT_STYLE) -> list[Path]:
    """Write both templates into `folder` (default: the package folder) and return their paths."""
    report = YEAR_REPORT_TEMPLATE if folder is None else folder / YEAR_REPORT_TEMPLATE.name
    plan = PLAN_TEMPLATE if folder is None else folder / PLAN_TEMPLATE.name
    return [
        save_template(build_year_report_template(house), report, "Sjabloon jaarrapport"),
        save_template(build_plan_template(house), plan, "Sjabloon beleidsplan"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description="Bouw de Word-sjablonen van planrapport opnieuw.")
    parser.add_argument("--map", type=Path, help="andere map dan reporting/templates")
    args = parser.parse_args()
    for path in build_all(args.map):
        print(path)


if __name__ == "__main__":
    main()
