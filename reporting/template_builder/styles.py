"""The templates' styles: defaults, headings, table and list styles, the bullet lists in numbering.xml."""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Cm, Pt, RGBColor

from reporting.documents.wordml.lists import add_definitions
from reporting.documents.wordml.ooxml import W_NS, element, put, w
from reporting.template_builder.house_style import TEXT_WIDTH, HouseStyle, twips

BULLET = "\u25aa"


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


def _paragraph_style(
    document,
    name: str,
    base: str | None = "Normal",
    *,
    font: str | None = None,
    size: float | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
    colour: str | None = None,
    before: float | None = None,
    after: float | None = None,
    line: float | None = None,
    keep_next: bool | None = None,
    page_break: bool | None = None,
    align=None,
    indent_cm: float | None = None,
    hanging_cm: float | None = None,
    next_style: str | None = None,
    underline: bool | None = None,
    caps: bool | None = None,
):
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
    for target, attribute, value in (
        (run, "size", None if size is None else Pt(size)),
        (run, "bold", bold),
        (run, "italic", italic),
        (run, "underline", underline),
        (run, "all_caps", caps),
        (run.color, "rgb", RGBColor.from_string(colour) if colour else None),
        (fmt, "space_before", None if before is None else Pt(before)),
        (fmt, "space_after", None if after is None else Pt(after)),
        (fmt, "line_spacing", line),
        (fmt, "keep_with_next", keep_next),
        (fmt, "page_break_before", page_break),
        (fmt, "alignment", align),
        (fmt, "left_indent", None if indent_cm is None else Cm(indent_cm)),
        (fmt, "first_line_indent", None if hanging_cm is None else Cm(-hanging_cm)),
    ):
        if value is not None:
            setattr(target, attribute, value)
    if next_style:
        style.next_paragraph_style = styles[next_style]
    return style


def _bullets(document, house: HouseStyle, indent_cm: float, hanging_cm: float) -> str:
    """A one-level ▪ list in numbering.xml; returns its numId."""
    numbering = document.part.numbering_part.element
    abstract_ids = [int(a.get(w("abstractNumId"))) for a in numbering.findall(w("abstractNum"))]
    num_ids = [int(n.get(w("numId"))) for n in numbering.findall(w("num"))]
    abstract_id, num_id = max(abstract_ids, default=0) + 1, max(num_ids, default=0) + 1
    left, hanging = twips(Cm(indent_cm)), twips(Cm(hanging_cm))
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
    numbering.append(
        parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
    )
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
    tab = twips(TEXT_WIDTH)
    for level, (indent, bold, before) in enumerate(((0, True, 120), (220, False, 0), (440, False, 0)), start=1):
        _raw_style(
            document,
            (
                f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:styleId="TOC{level}"><w:name w:val="toc {level}"/>'
                f'<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
                f'<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{tab}"/></w:tabs>'
                f'<w:spacing w:before="{before}" w:after="40"/><w:ind w:left="{indent}" w:right="567"/></w:pPr>'
                f"<w:rPr>{'<w:b/>' if bold else ''}</w:rPr></w:style>"
            ),
        )


def _table_style(document, name: str, table_properties: str, conditional: str) -> None:
    """A table style of 9 pt text without spacing, with `table_properties` (tblPr) and its conditional formats."""
    _raw_style(
        document,
        (
            f'<w:style xmlns:w="{W_NS}" w:type="table" w:styleId="{name.replace(" ", "")}">'
            f'<w:name w:val="{name}"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>'
            f'<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            f'<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'
            f"<w:tblPr>{table_properties}</w:tblPr>{conditional}</w:style>"
        ),
    )


def _table_styles(document, house: HouseStyle) -> None:
    line = f'w:val="single" w:sz="4" w:space="0" w:color="{house.rule}"'
    borders = "".join(f"<w:{side} {line}/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    margins = (
        '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
    )
    _table_style(
        document,
        "Planrapport tabel",
        f"<w:tblBorders>{borders}</w:tblBorders>{margins}",
        f'<w:tblStylePr w:type="firstRow"><w:pPr><w:keepNext/></w:pPr>'
        f'<w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{house.primary}"/></w:tcPr></w:tblStylePr>'
        f'<w:tblStylePr w:type="lastRow"><w:rPr><w:b/><w:bCs/></w:rPr>'
        f'<w:tcPr><w:tcBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="{house.primary}"/></w:tcBorders>'
        f"</w:tcPr></w:tblStylePr>",
    )
    _table_style(
        document,
        "Planrapport kenmerken",
        f"<w:tblBorders><w:top {line}/><w:bottom {line}/><w:insideH {line}/></w:tblBorders>{margins}",
        f'<w:tblStylePr w:type="firstCol"><w:rPr><w:b/><w:bCs/><w:color w:val="{house.primary}"/></w:rPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{house.accent}"/></w:tcPr></w:tblStylePr>',
    )


def add_styles(document, house: HouseStyle) -> None:
    _defaults(document, house)
    heading = house.heading_font
    _paragraph_style(document, "Normal", None, font=house.font, size=10)
    _paragraph_style(
        document, "Title", font=heading, size=28, bold=True, colour=house.primary, before=0, after=12, line=1.0
    )
    title = document.styles["Title"].element.get_or_add_pPr()
    for border in title.findall(w("pBdr")):
        title.remove(border)
    _paragraph_style(
        document, "Subtitle", font=heading, size=15, italic=False, colour=house.text, before=0, after=18, line=1.0
    )
    _paragraph_style(
        document,
        "Heading 1",
        font=heading,
        size=17,
        bold=True,
        colour=house.primary,
        before=0,
        after=10,
        line=1.0,
        keep_next=True,
        page_break=True,
    )
    _paragraph_style(
        document,
        "Heading 2",
        font=heading,
        size=13.5,
        bold=True,
        colour=house.primary,
        before=16,
        after=6,
        line=1.0,
        keep_next=True,
    )
    _paragraph_style(
        document,
        "Heading 3",
        font=heading,
        size=11,
        bold=True,
        colour=house.text,
        before=14,
        after=4,
        line=1.0,
        keep_next=True,
    )
    _paragraph_style(document, "TOC Heading", "Heading 1", page_break=False, after=12)
    toc_heading = document.styles["TOC Heading"].element.get_or_add_pPr()
    put(toc_heading, element("outlineLvl", val="9"))
    _paragraph_style(
        document,
        "Caption",
        font=house.font,
        size=8.5,
        italic=True,
        bold=False,
        colour=house.muted,
        before=2,
        after=10,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    _paragraph_style(document, "Header", font=house.font, size=8, colour=house.muted, after=0)
    _paragraph_style(document, "Footer", font=house.font, size=8, colour=house.muted, after=0)
    _paragraph_style(
        document, "Gemeente", font=heading, size=14, bold=True, colour=house.muted, before=150, after=6, caps=True
    )
    _paragraph_style(document, "Titelgegevens", size=11, colour=house.text, after=3)
    _paragraph_style(
        document, "Tussenkop", size=10, bold=True, colour=house.primary, before=12, after=3, keep_next=True
    )
    _paragraph_style(document, "Resultaat", size=10, bold=True, colour=house.text, before=12, after=6, keep_next=True)
    _box(document.styles["Resultaat"], house)
    _paragraph_style(document, "Domein", size=9.5, italic=True, colour=house.muted, before=0, after=6, keep_next=True)
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
    # The lists of the officer's texts (bullets, numbers, letters; two levels): named, so the documents find them.
    add_definitions(document.part.numbering_part.element, house.primary)
    _toc_styles(document, house)
    _table_styles(document, house)
    _strip_theme(document)
