"""Edits to xl/styles.xml that only add: fills, fonts and cell formats, each reused when already there."""

from __future__ import annotations

import copy

from lxml import etree

from workbook.spreadsheet.package import q

_FONT_ORDER = (
    "b",
    "i",
    "strike",
    "condense",
    "extend",
    "outline",
    "shadow",
    "u",
    "vertAlign",
    "sz",
    "color",
    "name",
    "family",
    "charset",
    "scheme",
)


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _count(container: etree._Element) -> None:
    if container.get("count") is not None:
        container.set("count", str(len(container)))


def _key(element: etree._Element) -> tuple:
    """What an element says, whatever prefixes or attribute order it was written with."""
    return (
        etree.QName(element).localname,
        tuple(sorted(element.attrib.items())),
        tuple(_key(child) for child in element),
    )


def _children_key(element: etree._Element) -> tuple:
    return tuple(_key(child) for child in element)


class Stylesheet:
    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.fonts = self._container("fonts", after=("numFmts",))
        self.fills = self._container("fills", after=("numFmts", "fonts"))
        self.cell_xfs = self._container("cellXfs", after=("numFmts", "fonts", "fills", "borders", "cellStyleXfs"))
        self.changed = False

    def _container(self, name: str, after: tuple[str, ...]) -> etree._Element:
        found = self.root.find(q(name))
        if found is not None:
            return found
        element = etree.Element(q(name), {"count": "0"})
        position = 0
        for index, child in enumerate(self.root):
            if _local(child) in after:
                position = index + 1
        self.root.insert(position, element)
        return element

    # fills
    def fill_colour(self, index: int) -> str | None:
        """The ARGB colour of a solid fill, or None."""
        if not 0 <= index < len(self.fills):
            return None
        pattern = self.fills[index].find(q("patternFill"))
        if pattern is None or pattern.get("patternType") != "solid":
            return None
        colour = pattern.find(q("fgColor"))
        return colour.get("rgb", "").upper() if colour is not None and colour.get("rgb") else None

    def is_empty_fill(self, index: int) -> bool:
        if not 0 <= index < len(self.fills):
            return True
        fill = self.fills[index]
        pattern = fill.find(q("patternFill"))
        if pattern is None:
            return fill.find(q("gradientFill")) is None
        return pattern.get("patternType") in (None, "none")

    def ensure_fill(self, argb: str) -> int:
        for index in range(len(self.fills)):
            if self.fill_colour(index) == argb.upper():
                return index
        fill = etree.SubElement(self.fills, q("fill"))
        pattern = etree.SubElement(fill, q("patternFill"), {"patternType": "solid"})
        etree.SubElement(pattern, q("fgColor"), {"rgb": argb.upper()})
        etree.SubElement(pattern, q("bgColor"), {"indexed": "64"})
        _count(self.fills)
        self.changed = True
        return len(self.fills) - 1

    # fonts
    def ensure_font(
        self,
        bold: bool = False,
        italic: bool = False,
        underline: bool = False,
        size: float | None = None,
        colour: str | None = None,
    ) -> int:
        base = {_local(c): c for c in self.fonts[0]} if len(self.fonts) else {}
        parts = {name: copy.deepcopy(element) for name, element in base.items()}
        for name, on in (("b", bold), ("i", italic)):
            parts.pop(name, None)
            if on:
                parts[name] = etree.Element(q(name))
        if underline:
            parts["u"] = etree.Element(q("u"))
        if size is not None:
            parts["sz"] = etree.Element(q("sz"), {"val": f"{size:g}"})
        if colour is not None:
            parts["color"] = etree.Element(q("color"), {"rgb": colour.upper()})
        font = etree.Element(q("font"))
        for name in _FONT_ORDER:
            if name in parts:
                font.append(parts[name])
        key = _key(font)
        for index, existing in enumerate(self.fonts):
            if _key(existing) == key:
                return index
        self.fonts.append(font)
        _count(self.fonts)
        self.changed = True
        return len(self.fonts) - 1

    # cell formats
    def xf(self, index: int) -> etree._Element:
        if 0 <= index < len(self.cell_xfs):
            return self.cell_xfs[index]
        return (
            self.cell_xfs[0]
            if len(self.cell_xfs)
            else etree.Element(q("xf"), {"numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0"})
        )

    def fill_of(self, index: int) -> int:
        value = self.xf(index).get("fillId", "0")
        return int(value) if value.isdigit() else 0

    def ensure_xf(self, xf: etree._Element) -> int:
        key = (sorted(xf.attrib.items()), _children_key(xf))
        for index, existing in enumerate(self.cell_xfs):
            if (sorted(existing.attrib.items()), _children_key(existing)) == key:
                return index
        self.cell_xfs.append(xf)
        _count(self.cell_xfs)
        self.changed = True
        return len(self.cell_xfs) - 1

    def new_xf(self, font: int = 0, fill: int = 0, wrap: bool = False, num_fmt: int | None = None) -> int:
        """A cell format aligned at the top (wrapped with `wrap`), with the number format `num_fmt` when given."""
        attributes = {"numFmtId": str(num_fmt or 0), "fontId": str(font), "fillId": str(fill), "borderId": "0"}
        attributes["xfId"] = "0"
        if num_fmt is not None:
            attributes["applyNumberFormat"] = "1"
        attributes.update(applyFont="1", applyFill="1", applyAlignment="1")
        xf = etree.Element(q("xf"), attributes)
        alignment = {"vertical": "top"}
        if wrap:
            alignment["wrapText"] = "1"
        etree.SubElement(xf, q("alignment"), alignment)
        return self.ensure_xf(xf)

    def with_fill(self, index: int, fill: int) -> int:
        """The cell format `index` with another fill and everything else the same."""
        xf = copy.deepcopy(self.xf(index))
        xf.set("fillId", str(fill))
        if fill:
            xf.set("applyFill", "1")
        else:
            xf.attrib.pop("applyFill", None)
        return self.ensure_xf(xf)

    def without_fill(self, index: int) -> int:
        """The cell format the officer had before a marker fill: same as `index` but with no fill."""
        marked = self.xf(index)
        others = {k: v for k, v in marked.attrib.items() if k not in ("fillId", "applyFill")}
        children = _children_key(marked)
        for candidate, existing in enumerate(self.cell_xfs):
            attributes = {k: v for k, v in existing.attrib.items() if k not in ("fillId", "applyFill")}
            if (
                attributes == others
                and _children_key(existing) == children
                and self.is_empty_fill(self.fill_of(candidate))
            ):
                return candidate
        return self.with_fill(index, 0)
