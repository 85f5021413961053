"""The table of contents, filled with the headings before Word adds the page numbers."""

from __future__ import annotations

import copy
import re

from reporting.documents.finishing.headings import heading_level, maybe_headings, style_levels
from reporting.documents.wordml.ooxml import element, ensure, local, put, w


def _style_id(document, name: str) -> str | None:
    for style in document.styles.element.findall(w("style")):
        found = style.find(w("name"))
        if found is not None and found.get(w("val"), "").casefold() == name:
            return style.get(w("styleId"))
    return None


def _toc_instructions(root):
    """The instruction texts of TOC fields under `root` (itself included), in order."""
    for instruction in root.iter(w("instrText")):
        text = instruction.text or ""
        if text.strip().upper().startswith("TOC"):
            yield instruction, text


def _depth(text: str) -> int:
    match = re.search(r'\\o\s+"(\d)-(\d)"', text)
    return int(match.group(2)) if match else 3


def _toc_field(body):
    """(paragraph, levels) of the first TOC field in the body, or None."""
    for instruction, text in _toc_instructions(body):
        return next(instruction.iterancestors(w("p"))), _depth(text)
    return None


def fill_contents(document) -> None:
    """Put the headings into the table of contents field, linked to bookmarks on the headings, so the list is
    there before Word updates the field (which then adds the page numbers). The new bookmarks are numbered after
    the highest in the body."""
    body = document.element.body
    found = _toc_field(body)
    if found is None:
        return
    field_paragraph, top = found
    runs = [node for node in field_paragraph if local(node) == "r"]
    begin = next(
        (r for r in runs if r.find(w("fldChar")) is not None and r.find(w("fldChar")).get(w("fldCharType")) == "begin"),
        None,
    )
    separate = next(
        (
            r
            for r in runs
            if r.find(w("fldChar")) is not None and r.find(w("fldChar")).get(w("fldCharType")) == "separate"
        ),
        None,
    )
    end = next(
        (r for r in runs if r.find(w("fldChar")) is not None and r.find(w("fldChar")).get(w("fldCharType")) == "end"),
        None,
    )
    if begin is None or separate is None or end is None:
        return
    levels = style_levels(document)
    headings = []
    for paragraph in maybe_headings(body, levels):
        level = heading_level(paragraph, levels)
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
    for run in (
        copy.deepcopy(begin),
        *[copy.deepcopy(r) for r in _instruction_runs(runs, begin, separate)],
        copy.deepcopy(separate),
    ):
        first.insert(position, run)
        position += 1
    last.append(copy.deepcopy(end))
    tail = runs[runs.index(end) + 1 :]
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
    return runs[runs.index(begin) + 1 : runs.index(separate)]
