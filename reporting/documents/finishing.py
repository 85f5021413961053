"""What docxtpl cannot do, done on the rendered document: language, properties, header rows, landscape pages,
fitted tables, a filled table of contents, the update-fields flag and the ONTWERP watermark."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import datetime

from docx.oxml import parse_xml
from lxml import etree

from reporting.documents.ooxml import NSMAP, ORDER, W_NS, element, ensure, local, put, rank, w

LANGUAGE = "nl-BE"
WIDE_TABLE_CAPTION = "Resultaten, acties en indicatoren"
WIDE_TABLE_HEADERS = (
    ("resultaten", "acties", "wijze & tijdstip evaluatie / indicatoren"),
    ("actie", "omschrijving", "wijze & tijdstip evaluatie / indicatoren"),
)
# A three-column table needs landscape pages when the text is narrower than this (in twips; 20 cm).
LANDSCAPE_BELOW = 11339
WATERMARK = "ONTWERP"
PROPERTY_LIMIT = 255  # characters of a document property (title, subject, author, keywords)
# Tables that always take the full text width (the plan's three-column tables, the indicator values).
FULL_WIDTH_CAPTIONS = {WIDE_TABLE_CAPTION, "Metingen per jaar"}
VALUES_CAPTION = "Metingen per jaar"
# Column widths by content, in twips: a character of 9 pt table text, the cell margins, the narrowest column.
CHARACTER, CELL_PADDING, MIN_COLUMN = 105, 200, 620
# Smaller tables are kept on one page, with the text that follows.
KEEP_TOGETHER_ROWS = 15


@dataclass(frozen=True)
class Properties:
    title: str
    subject: str
    author: str
    keywords: str
    when: datetime


def finish(document, properties: Properties, *, draft: bool) -> None:
    """Every step, in an order where later steps see the final page layout."""
    body = document.element.body
    drop_empty_runs(body)
    fill_empty_cells(body)
    mark_header_rows(body)
    keep_rows_together(body)
    landscape_for_wide_tables(body, style_levels(document))
    fit_tables(body)
    set_language(document)
    set_properties(document, properties)
    fill_contents(document)
    update_fields_on_open(document)
    if draft:
        add_watermark(document)


# ---------------------------------------------------------------- tables

# Clark names of the elements the steps below look at, made once.
_T, _R, _RPR, _P, _PPR = w("t"), w("r"), w("rPr"), w("p"), w("pPr")
_TBL, _TBLPR, _TBLGRID, _TR, _TRPR, _TC, _TCPR = w("tbl"), w("tblPr"), w("tblGrid"), w("tr"), w("trPr"), w("tc"), \
    w("tcPr")
_CANT_SPLIT, _KEEP_NEXT, _CAPTION, _TCW, _GRID_SPAN, _SECTPR = w("cantSplit"), w("keepNext"), w("tblCaption"), \
    w("tcW"), w("gridSpan"), w("sectPr")
_VAL, _W, _TYPE = w("val"), w("w"), w("type")
_PIECES = re.compile(r"\s+|(?<=-)")
_KEEP_NEXT_RANK = ORDER["pPr"].index("keepNext")
# Body paragraphs with an outline level, or a style among $styles (" Heading1 Heading2 ... ").
_MAYBE_HEADINGS = etree.XPath(
    "w:p[w:pPr/w:outlineLvl or w:pPr/w:pStyle[contains($styles, concat(' ', @w:val, ' '))]]", namespaces=NSMAP)
# The first tcW of the first tcPr of every cell of a table, row by row.
_CELL_WIDTHS = etree.XPath("w:tr/w:tc/w:tcPr[1]/w:tcW[1]", namespaces=NSMAP)


def _first(parent, tag: str):
    """parent.find(tag) for one plain tag, without lxml's ElementPath: the first child with that tag, or None."""
    for found in parent.iterchildren(tag):
        return found
    return None


def _first_in(parent, outer: str, inner: str):
    """parent.find("outer/inner"): the first `inner` child of any `outer` child, or None."""
    for middle in parent.iterchildren(outer):
        for found in middle.iterchildren(inner):
            return found
    return None


def _walk(root, *tags: str) -> dict[str, list]:
    """The elements with these tags under `root`, by tag, in document order, from one walk of the tree."""
    found: dict[str, list] = {tag: [] for tag in tags}
    for node in root.iter(*tags):
        found[node.tag].append(node)
    return found


def drop_empty_runs(body) -> None:
    """Runs with nothing but an empty text, left around rich text and pictures by the template engine."""
    # Such a run holds an empty w:t or ends with its w:rPr: only those runs are looked at closer.
    candidates: dict = {}
    for text in body.iter(_T):
        if not text.text:
            candidates[text.getparent()] = None
    for properties in body.iter(_RPR):
        if properties.getnext() is None:
            candidates[properties.getparent()] = None
    for run in candidates:
        if run.tag != _R:
            continue
        children = list(run)
        if children and all(c.tag in (_T, _RPR) for c in children) and \
                not any(c.text for c in children if c.tag == _T):
            run.getparent().remove(run)


def fill_empty_cells(body) -> None:
    """A cell must end with a paragraph; a loop over nothing can leave it empty."""
    for cell in body.iter(_TC):
        if len(cell) and cell[-1].tag == _P:
            continue  # the common case, decided without a look at every child
        blocks = [node for node in cell if isinstance(node.tag, str) and local(node) in ("p", "tbl", "sdt")]
        if not blocks or local(blocks[-1]) == "tbl":
            cell.append(element("p"))


def _is_on(value: str | None) -> bool:
    return value in ("1", "true", "on")


def _has_header_look(table) -> bool:
    look = _first_in(table, _TBLPR, w("tblLook"))
    if look is None:
        return False
    if look.get(w("firstRow")) is not None:
        return _is_on(look.get(w("firstRow")))
    value = look.get(_VAL)
    return bool(value) and bool(int(value, 16) & 0x0020)


def mark_header_rows(body) -> None:
    """Tables with header-row formatting repeat that row on every page and never split it."""
    for table in body.iter(_TBL):
        rows = table.findall(_TR)
        if len(rows) < 2 or not _has_header_look(table):
            continue
        properties = rows[0].find(_TRPR)
        if properties is None:
            properties = element("trPr")
            first_cell = rows[0].find(_TC)
            first_cell.addprevious(properties)
        for name in ("cantSplit", "tblHeader"):
            if properties.find(w(name)) is None:
                properties.append(element(name))


def keep_rows_together(body) -> None:
    """Rows never break across pages, and a small table stays on one page; the plan's three-column tables,
    whose rows can be longer than a page, may break, and so may the table of values per year."""
    for table in body.iter(_TBL):
        if _is_wide(table):
            continue
        rows = list(table.iterchildren(_TR))
        for row in rows:
            properties = _first(row, _TRPR)
            if properties is None:
                first_cell = _first(row, _TC)
                first_cell.addprevious(properties := etree.SubElement(row, _TRPR))
                etree.SubElement(properties, _CANT_SPLIT)
            elif _first(properties, _CANT_SPLIT) is None:
                properties.insert(0, etree.SubElement(properties, _CANT_SPLIT))
        if len(rows) > KEEP_TOGETHER_ROWS or _caption(table) == VALUES_CAPTION:
            continue  # long enough to break; its header row repeats on the next page
        for row in rows[:-1]:
            for paragraph in row.iter(_P):
                properties = _first(paragraph, _PPR)
                if properties is None:
                    properties = etree.SubElement(paragraph, _PPR)
                    paragraph.insert(0, properties)
                    etree.SubElement(properties, _KEEP_NEXT)
                else:
                    _keep_next(properties)


def _keep_next(properties) -> None:
    """put(properties, element("keepNext")) with one look at the children, for thousands of paragraphs; a bare
    <w:keepNext/> already there stays, as a new one in its place would be the same."""
    before = None
    for index, child in enumerate(properties):
        if child.tag == _KEEP_NEXT:
            if not _is_bare(child):
                put(properties, element("keepNext"))
            return
        if before is None and rank("pPr", child) > _KEEP_NEXT_RANK:
            before = index
    new = etree.SubElement(properties, _KEEP_NEXT)
    if before is not None:
        properties.insert(before, new)


def _is_bare(node) -> bool:
    """An element with no attributes, children, text or tail: one made new in its place is the same."""
    return node is not None and not node.attrib and not len(node) and node.text is None and node.tail is None


def _caption(table) -> str:
    caption = _first_in(table, _TBLPR, _CAPTION)
    return caption.get(_VAL, "").strip() if caption is not None else ""


def _cells(row) -> list:
    return list(row.iterchildren(_TC))


def _width(cell) -> int | None:
    width = _first_in(cell, _TCPR, _TCW)
    if width is None or width.get(_TYPE, "dxa") != "dxa":
        return None
    try:
        return int(float(width.get(_W)))
    except (TypeError, ValueError):
        return None


def _text_width(section) -> int:
    size, margins = section.find(w("pgSz")), section.find(w("pgMar"))
    page = int(size.get(w("w"), "11906"))
    if margins is None:
        return page - 2 * 1440
    return page - int(margins.get(w("left"), "1440")) - int(margins.get(w("right"), "1440"))


def _sections(body, found: dict[str, list] | None = None) -> dict:
    """Body-level element -> the sectPr that closes its section, in one pass from the end (the dict holds the
    elements, so lxml hands out the same objects when the body is walked again)."""
    own: dict = {}  # body-level paragraph -> its first pPr/sectPr
    for section in (found or _walk(body, _SECTPR))[_SECTPR]:
        properties = section.getparent()
        paragraph = properties.getparent() if properties.tag == _PPR else None
        if paragraph is not None and paragraph.tag == _P and paragraph.getparent() is body:
            own.setdefault(paragraph, section)
    current = _first(body, _SECTPR)
    found: dict = {}
    for node in reversed(body):
        if node in own:
            current = own[node]
        found[node] = current
    return found


def _is_wide(table) -> bool:
    caption = _first_in(table, _TBLPR, _CAPTION)
    if caption is not None and caption.get(_VAL, "").strip() == WIDE_TABLE_CAPTION:
        return True
    first = _first(table, _TR)
    if first is None:
        return False
    cells = _cells(first)
    if all(len(cells) != len(headers) for headers in WIDE_TABLE_HEADERS):
        return False  # no need to read the texts
    texts = tuple(" ".join("".join(t.text or "" for t in cell.iter(_T)).split()).casefold() for cell in cells)
    return texts in WIDE_TABLE_HEADERS


def _spanned_tables(spans: list) -> set:
    """The tables with a cell that spans columns (tr/tc/tcPr/gridSpan), from the body's gridSpan elements."""
    found = set()
    for span in spans:
        cell = span.getparent().getparent() if span.getparent().tag == _TCPR else None
        row = cell.getparent() if cell is not None and cell.tag == _TC else None
        table = row.getparent() if row is not None and row.tag == _TR else None
        if table is not None and table.tag == _TBL:
            found.add(table)
    return found


def fit_tables(body) -> None:
    """Column widths from the cells (loops over columns add cells), within the text width of the section;
    the plan's three-column tables take the full width."""
    found = _walk(body, _SECTPR, _GRID_SPAN)
    sections = _sections(body, found)
    spanned = _spanned_tables(found[_GRID_SPAN])
    text_widths: dict = {}
    for table in body.iterchildren(_TBL):
        cells = [_cells(row) for row in table.iterchildren(_TR)]
        if not cells or len({len(row) for row in cells}) != 1 or table in spanned:
            continue
        widths = [_width(cell) for cell in cells[0]]
        if not widths or None in widths:
            continue
        section = sections[table]
        if section not in text_widths:
            text_widths[section] = _text_width(section)
        available = text_widths[section]
        caption = _caption(table)
        if caption == VALUES_CAPTION:
            widths = _widths_by_content(cells, available)
        total = sum(widths)
        if total > available or (total < available and (_is_wide(table) or caption in FULL_WIDTH_CAPTIONS)):
            widths = [max(1, int(width * available / total)) for width in widths]
        grid = _first(table, _TBLGRID)
        for column in list(grid):
            grid.remove(column)
        for width in widths:
            grid.append(element("gridCol", w=str(width)))
        texts = [str(width) for width in widths]
        current = _CELL_WIDTHS(table)
        if len(current) == len(texts) * len(cells):
            # Every cell has its tcPr and tcW (a cell gives at most one): they come row by row, cell by cell.
            for index, cell_width in enumerate(current):
                _set_width(cell_width, texts[index % len(texts)])
        else:
            for row in cells:
                for cell, text in zip(row, texts, strict=True):
                    properties = _first(cell, _TCPR)
                    properties = properties if properties is not None else _new_tcpr(cell)
                    cell_width = _first(properties, _TCW)
                    if cell_width is None:
                        put(properties, element("tcW", w=text, type="dxa"))
                    else:
                        _set_width(cell_width, text)
        put(_first(table, _TBLPR), element("tblW", w=str(sum(widths)), type="dxa"))


def _set_width(current, width: str) -> None:
    """<w:tcW w:w=width w:type="dxa"/> in place of the cell's `current` one. A plain one (only those attributes,
    nothing inside or after it) gets them anew, in this order: the same as a new element put in its place, and
    much cheaper for thousands of cells."""
    if set(current.keys()) <= {_W, _TYPE} and not len(current) and current.text is None and current.tail is None:
        current.attrib.clear()
        current.set(_W, width)
        current.set(_TYPE, "dxa")
    else:
        put(current.getparent(), element("tcW", w=width, type="dxa"))


def _widths_by_content(cells: list[list], available: int) -> list[int]:
    """Value columns as wide as their longest word (a line may break after a hyphen), the first column the rest."""
    longest = [0] * len(cells[0])
    for row in cells:
        for index, cell in enumerate(row):
            text = " ".join("".join(t.text or "" for t in p.iter(_T)) for p in cell.iter(_P))
            longest[index] = max([longest[index], *(len(piece) for piece in _PIECES.split(text))])
    widths = [max(MIN_COLUMN, CHARACTER * length + CELL_PADDING) for length in longest]
    rest = available - sum(widths[1:])
    widths[0] = max(rest, int(available * 0.3))
    return widths


def _new_tcpr(cell):
    properties = element("tcPr")
    cell.insert(0, properties)
    return properties


# ---------------------------------------------------------------- landscape pages

def _orient(section, landscape: bool) -> None:
    size = section.find(w("pgSz"))
    width, height = int(size.get(w("w"))), int(size.get(w("h")))
    if landscape != (width > height):
        size.set(w("w"), str(height))
        size.set(w("h"), str(width))
    if landscape:
        size.set(w("orient"), "landscape")
    else:
        size.attrib.pop(w("orient"), None)


def _continuing(section):
    """A copy of a sectPr for a section that continues the previous one: no own title page, no restart."""
    duplicate = copy.deepcopy(section)
    for title_page in duplicate.findall(w("titlePg")):
        duplicate.remove(title_page)
    numbering = duplicate.find(w("pgNumType"))
    if numbering is not None:
        numbering.attrib.pop(w("start"), None)
    return duplicate


def _heading_level(paragraph, levels: dict[str, int]) -> int | None:
    properties = paragraph.find(w("pPr"))
    if properties is None:
        return None
    own = properties.find(w("outlineLvl"))
    if own is not None:
        return int(own.get(w("val")))
    style = properties.find(w("pStyle"))
    return levels.get(style.get(w("val"))) if style is not None else None


def _section_break_paragraph(section):
    """An empty, one-point paragraph that only ends a section."""
    paragraph = element("p")
    properties = element("pPr")
    properties.append(element("spacing", before="0", after="0", line="20", lineRule="exact"))
    mark = element("rPr")
    mark.append(element("sz", val="2"))
    properties.append(mark)
    properties.append(section)
    paragraph.append(properties)
    return paragraph


def landscape_for_wide_tables(body, levels: dict[str, int]) -> None:
    """Put the plan's three-column tables, with the headings and text between them, on landscape pages when
    their section is portrait and narrow; the pages before and after stay as they are."""
    wide = [table for table in body.iterchildren(_TBL) if _is_wide(table)]
    if not wide:
        return
    sections = _sections(body)
    section = sections[wide[0]]
    if section is None or section is not sections[wide[-1]]:
        return
    if _text_width(section) >= LANDSCAPE_BELOW:
        return
    children = [node for node in body if isinstance(node.tag, str) and local(node) != "sectPr"]
    index = {id(node): position for position, node in enumerate(children)}
    section_start = 0
    for position in range(index[id(wide[0])] - 1, -1, -1):
        node = children[position]
        if local(node) == "p" and node.find(f"{w('pPr')}/{w('sectPr')}") is not None:
            section_start = position + 1
            break
    start = index[id(wide[0])]
    for position in range(start - 1, section_start - 1, -1):
        node = children[position]
        if local(node) == "p" and _heading_level(node, levels) == 0:
            start = position
            break
    end = index[id(wide[-1])] + 1
    while end < len(children):
        node = children[end]
        if local(node) == "p" and (_heading_level(node, levels) == 0
                                   or node.find(f"{w('pPr')}/{w('sectPr')}") is not None):
            break
        end += 1
    section_end = end >= len(children) or children[end].find(f"{w('pPr')}/{w('sectPr')}") is not None
    before = start > section_start
    if before:
        previous = children[start - 1]
        portrait = copy.deepcopy(section)
        # An explicit "next page" type; without it LibreOffice leaves the page fields of this section empty.
        put(portrait, element("type", val="nextPage"))
        if (local(previous) == "p" and previous.find(f"{w('pPr')}/{w('sectPr')}") is None
                and previous.find(f".//{w('fldChar')}") is None and previous.find(f".//{w('instrText')}") is None):
            put(ensure(previous, "pPr"), portrait)
        else:
            previous.addnext(_section_break_paragraph(portrait))
    if section_end:
        if end < len(children):
            closing = children[end].find(f"{w('pPr')}/{w('sectPr')}")
            _orient(closing, True)
        else:
            if before:
                for title_page in section.findall(w("titlePg")):
                    section.remove(title_page)
            _orient(section, True)
        return
    landscape = _continuing(section) if before else copy.deepcopy(section)
    put(landscape, element("type", val="nextPage"))
    _orient(landscape, True)
    children[end - 1].addnext(_section_break_paragraph(landscape))
    for title_page in section.findall(w("titlePg")):
        section.remove(title_page)
    numbering = section.find(w("pgNumType"))
    if numbering is not None:
        numbering.attrib.pop(w("start"), None)


# ---------------------------------------------------------------- language and properties

def set_language(document) -> None:
    """Dutch (Belgium) for spelling and for screen readers: defaults, every style and every run."""
    roots = [document.styles.element, document.element]
    roots += [rel.target_part.element for rel in document.part.rels.values()
              if rel.reltype.endswith(("/header", "/footer")) and hasattr(rel.target_part, "element")]
    for root in roots:
        for language in root.iter(w("lang")):
            language.set(w("val"), LANGUAGE)
    defaults = document.styles.element.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    if defaults is not None and defaults.find(w("lang")) is None:
        put(defaults, element("lang", val=LANGUAGE))
    settings = document.settings.element
    font_language = settings.find(w("themeFontLang"))
    if font_language is None:
        put(settings, element("themeFontLang", val=LANGUAGE))
    else:
        font_language.set(w("val"), LANGUAGE)


def set_properties(document, properties: Properties) -> None:
    core = document.core_properties
    core.title = property_text(properties.title)
    core.subject = property_text(properties.subject)
    core.author = property_text(properties.author)
    core.last_modified_by = property_text(properties.author)
    core.keywords = property_text(properties.keywords)
    core.language = LANGUAGE
    core.comments = ""
    core.category = ""
    core.created = core.modified = properties.when
    core.revision = 1


def property_text(text: str) -> str:
    """A text as a document property holds it: at most 255 characters (the document itself shows it whole)."""
    text = " ".join(text.split())
    return text if len(text) <= PROPERTY_LIMIT else text[:PROPERTY_LIMIT - 1].rstrip() + "…"


def update_fields_on_open(document) -> None:
    """Word asks to update the fields when the file opens, so the table of contents gets its page numbers."""
    put(document.settings.element, element("updateFields", val="true"))


# ---------------------------------------------------------------- table of contents

def style_levels(document) -> dict[str, int]:
    """styleId -> outline level (0 = Heading 1) of the paragraph styles, following basedOn."""
    styles = {}
    for style in document.styles.element.findall(w("style")):
        if style.get(w("type")) != "paragraph":
            continue
        styles[style.get(w("styleId"))] = style
    levels: dict[str, int] = {}

    def level_of(style_id: str, depth: int = 0) -> int | None:
        style = styles.get(style_id)
        if style is None or depth > 20:
            return None
        own = style.find(f"{w('pPr')}/{w('outlineLvl')}")
        if own is not None:
            value = int(own.get(w("val")))
            return value if value < 9 else None
        name = style.find(w("name"))
        match = re.fullmatch(r"heading ([1-9])", (name.get(w("val")) if name is not None else "").casefold())
        if match:
            return int(match.group(1)) - 1
        based = style.find(w("basedOn"))
        return level_of(based.get(w("val")), depth + 1) if based is not None else None

    for style_id in styles:
        level = level_of(style_id)
        if level is not None:
            levels[style_id] = level
    return levels


def _style_id(document, name: str) -> str | None:
    for style in document.styles.element.findall(w("style")):
        found = style.find(w("name"))
        if found is not None and found.get(w("val"), "").casefold() == name:
            return style.get(w("styleId"))
    return None


def _toc_field(body):
    """(paragraph, levels) of the first TOC field in the body, or None."""
    for instruction in body.iter(w("instrText")):
        text = instruction.text or ""
        if text.strip().upper().startswith("TOC"):
            match = re.search(r'\\o\s+"(\d)-(\d)"', text)
            top = int(match.group(2)) if match else 3
            paragraph = next(instruction.iterancestors(w("p")))
            return paragraph, top
    return None


def _maybe_headings(body, levels: dict[str, int]) -> list:
    """The body's paragraphs, in order, that have an outline level of their own or a heading style: the only ones
    _heading_level can give a level, found by libxml2 instead of three lookups in each paragraph."""
    return _MAYBE_HEADINGS(body, styles=" " + " ".join(levels) + " ")


def _run(xml: str):
    return parse_xml(f'<w:r xmlns:w="{W_NS}">{xml}</w:r>')


def fill_contents(document) -> None:
    """Put the headings into the table of contents field, linked to bookmarks on the headings, so the list is
    there before Word updates the field (which then adds the page numbers)."""
    body = document.element.body
    found = _toc_field(body)
    if found is None:
        return
    field_paragraph, top = found
    runs = [node for node in field_paragraph if local(node) == "r"]
    begin = next((r for r in runs if r.find(w("fldChar")) is not None
                  and r.find(w("fldChar")).get(w("fldCharType")) == "begin"), None)
    separate = next((r for r in runs if r.find(w("fldChar")) is not None
                     and r.find(w("fldChar")).get(w("fldCharType")) == "separate"), None)
    end = next((r for r in runs if r.find(w("fldChar")) is not None
                and r.find(w("fldChar")).get(w("fldCharType")) == "end"), None)
    if begin is None or separate is None or end is None:
        return
    levels = style_levels(document)
    headings = []
    for paragraph in _maybe_headings(body, levels):
        level = _heading_level(paragraph, levels)
        if level is None or level >= top:
            continue
        text = "".join(t.text or "" for t in paragraph.iter(w("t"))).strip()
        if text:
            headings.append((paragraph, level, text))
    if not headings:
        return
    begin.find(w("fldChar")).set(w("dirty"), "true")
    used = [int(b.get(w("id"))) for b in body.iter(w("bookmarkStart")) if (b.get(w("id")) or "").isdigit()]
    next_id = max(used, default=0) + 1
    entries = []
    style_ids: dict[int, str | None] = {}
    for number, (paragraph, level, text) in enumerate(headings):
        name = f"_Toc{900000000 + number}"
        start = element("bookmarkStart", id=str(next_id), name=name)
        stop = element("bookmarkEnd", id=str(next_id))
        next_id += 1
        properties = paragraph.find(w("pPr"))
        if properties is not None:
            properties.addnext(start)
        else:
            paragraph.insert(0, start)
        paragraph.append(stop)
        entry = element("p")
        if level not in style_ids:
            style_ids[level] = _style_id(document, f"toc {level + 1}")
        style = style_ids[level]
        if style:
            entry_properties = element("pPr")
            entry_properties.append(element("pStyle", val=style))
            entry.append(entry_properties)
        link = element("hyperlink", anchor=name, history="1")
        text_run = element("r")
        text_element = element("t")
        text_element.text = text
        text_element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        text_run.append(text_element)
        link.append(text_run)
        entry.append(link)
        entries.append(entry)
    first, last = entries[0], entries[-1]
    position = 1 if first.find(w("pPr")) is not None else 0
    for run in (copy.deepcopy(begin), *[copy.deepcopy(r) for r in _instruction_runs(runs, begin, separate)],
                copy.deepcopy(separate)):
        first.insert(position, run)
        position += 1
    last.append(copy.deepcopy(end))
    tail = runs[runs.index(end) + 1:]
    section = field_paragraph.find(f"{w('pPr')}/{w('sectPr')}")
    if section is not None:
        put(ensure(last, "pPr"), section)
    field_paragraph.addprevious(first)
    anchor = first
    for entry in entries[1:]:
        anchor.addnext(entry)
        anchor = entry
    for run in tail:
        last.append(run)
    field_paragraph.getparent().remove(field_paragraph)


def _instruction_runs(runs, begin, separate):
    return runs[runs.index(begin) + 1: runs.index(separate)]


# ---------------------------------------------------------------- draft watermark

_WATERMARK_XML = (
    '<w:r xmlns:w="{w}" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word"><w:rPr><w:noProof/></w:rPr><w:pict>'
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/>'
    '<v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>'
    '<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/>'
    '<v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>'
    '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" '
    'o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" '
    'xrange="6629,14971"/></v:handles><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
    '<v:shape id="PlanrapportOntwerp{n}" o:spid="_x0000_s{spid}" type="#_x0000_t136" '
    'style="position:absolute;margin-left:0;margin-top:0;width:430pt;height:120pt;rotation:315;'
    'z-index:-251654144;mso-position-horizontal:center;mso-position-horizontal-relative:margin;'
    'mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" '
    'fillcolor="#c00000" stroked="f"><v:fill opacity=".25"/>'
    '<v:textpath style="font-family:&quot;Arial&quot;;font-size:1pt;font-weight:bold" string="{text}"/>'
    '<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>'
)


def _header_kinds(document, section) -> list[str]:
    kinds = ["header"]
    if section.different_first_page_header_footer:
        kinds.append("first_page_header")
    if document.settings.odd_and_even_pages_header_footer:
        kinds.append("even_page_header")
    return kinds


def add_watermark(document) -> None:
    """A large, light "ONTWERP" behind the text of every page, in every header of every section."""
    parts = {}
    for number, section in enumerate(document.sections):
        for kind in _header_kinds(document, section):
            header = getattr(section, kind)
            if header.is_linked_to_previous:
                if number > 0:
                    continue
                header.is_linked_to_previous = False
            parts.setdefault(str(header.part.partname), header)
    for number, header in enumerate(parts.values(), start=1):
        paragraphs = header.paragraphs
        paragraph = paragraphs[0] if paragraphs else header.add_paragraph()
        xml = _WATERMARK_XML.format(w=W_NS, n=number, spid=2048 + number, text=WATERMARK)
        paragraph._p.append(etree.fromstring(xml))

