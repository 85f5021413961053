"""Lookups on the document's XML tree that the finishing steps share: element names, first children."""

from __future__ import annotations

from reporting.documents.wordml.ooxml import w

# Clark names of the elements the steps look at, made once.
T, R, RPR, P, PPR = w("t"), w("r"), w("rPr"), w("p"), w("pPr")
TBL, TBLPR, TBLGRID, TR, TRPR, TC, TCPR = w("tbl"), w("tblPr"), w("tblGrid"), w("tr"), w("trPr"), w("tc"), w("tcPr")
CANT_SPLIT, KEEP_NEXT, CAPTION, TCW, GRID_SPAN, SECTPR = (
    w("cantSplit"),
    w("keepNext"),
    w("tblCaption"),
    w("tcW"),
    w("gridSpan"),
    w("sectPr"),
)
VAL, W, TYPE = w("val"), w("w"), w("type")


def first_child(parent, tag: str):
    """parent.find(tag) for one plain tag, without lxml's ElementPath: the first child with that tag, or None."""
    for found in parent.iterchildren(tag):
        return found
    return None


def first_grandchild(parent, outer: str, inner: str):
    """parent.find("outer/inner"): the first `inner` child of any `outer` child, or None."""
    for middle in parent.iterchildren(outer):
        for found in middle.iterchildren(inner):
            return found
    return None


def walk_tags(root, *tags: str) -> dict[str, list]:
    """The elements with these tags under `root`, by tag, in document order, from one walk of the tree."""
    found: dict[str, list] = {tag: [] for tag in tags}
    for node in root.iter(*tags):
        found[node.tag].append(node)
    return found


def is_bare(node) -> bool:
    """An element with no attributes, children, text or tail: one made new in its place is the same."""
    return node is not None and not node.attrib and not len(node) and node.text is None and node.tail is None
