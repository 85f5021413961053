"""Cleaning up after the template engine: empty runs and cells without a closing paragraph."""

from __future__ import annotations

from reporting.documents.finishing.tree import RPR, TC, P, R, T
from reporting.documents.wordml.ooxml import element, local


def drop_empty_runs(body) -> None:
    """Runs with nothing but an empty text, left around rich text and pictures by the template engine."""
    # Such a run holds an empty w:t or ends with its w:rPr: only those runs are looked at closer.
    candidates: dict = {}
    for text in body.iter(T):
        if not text.text:
            candidates[text.getparent()] = None
    for properties in body.iter(RPR):
        if properties.getnext() is None:
            candidates[properties.getparent()] = None
    for run in candidates:
        if run.tag != R:
            continue
        children = list(run)
        if children and all(c.tag in (T, RPR) for c in children) and not any(c.text for c in children if c.tag == T):
            run.getparent().remove(run)


def fill_empty_cells(body) -> None:
    """A cell must end with a paragraph; a loop over nothing can leave it empty."""
    for cell in body.iter(TC):
        if len(cell) and cell[-1].tag == P:
            continue  # the common case, decided without a look at every child
        blocks = [node for node in cell if isinstance(node.tag, str) and local(node) in ("p", "tbl", "sdt")]
        if not blocks or local(blocks[-1]) == "tbl":
            cell.append(element("p"))
