"""Landscape pages for the plan's wide tables, with the headings and text between them."""

from __future__ import annotations

import copy

from reporting.documents.finishing.headings import heading_level
from reporting.documents.finishing.layout import is_wide, section_of, text_width
from reporting.documents.finishing.tree import TBL
from reporting.documents.wordml.ooxml import element, ensure, local, put, w

# A three-column table needs landscape pages when the text is narrower than this (in twips; 20 cm).
LANDSCAPE_BELOW = 11339


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
    wide = [table for table in body.iterchildren(TBL) if is_wide(table)]
    if not wide:
        return
    sections = section_of(body)
    section = sections[wide[0]]
    if section is None or section is not sections[wide[-1]]:
        return
    if text_width(section) >= LANDSCAPE_BELOW:
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
        if local(node) == "p" and heading_level(node, levels) == 0:
            start = position
            break
    end = index[id(wide[-1])] + 1
    while end < len(children):
        node = children[end]
        if local(node) == "p" and (
            heading_level(node, levels) == 0 or node.find(f"{w('pPr')}/{w('sectPr')}") is not None
        ):
            break
        end += 1
    section_end = end >= len(children) or children[end].find(f"{w('pPr')}/{w('sectPr')}") is not None
    before = start > section_start
    if before:
        previous = children[start - 1]
        portrait = copy.deepcopy(section)
        # An explicit "next page" type; without it LibreOffice leaves the page fields of this section empty.
        put(portrait, element("type", val="nextPage"))
        if (
            local(previous) == "p"
            and previous.find(f"{w('pPr')}/{w('sectPr')}") is None
            and previous.find(f".//{w('fldChar')}") is None
            and previous.find(f".//{w('instrText')}") is None
        ):
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
