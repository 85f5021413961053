"""Cell style properties: an openpyxl font, fill, border or alignment as XlsxWriter format properties."""

from __future__ import annotations

from openpyxl.cell.text import InlineFont

DEFAULT_FONT = ("Calibri", 11.0)

_UNDERLINE = {"single": 1, "double": 2, "singleAccounting": 33, "doubleAccounting": 34}
_PATTERNS = {
    "solid": 1,
    "mediumGray": 2,
    "darkGray": 3,
    "lightGray": 4,
    "darkHorizontal": 5,
    "darkVertical": 6,
    "darkDown": 7,
    "darkUp": 8,
    "darkGrid": 9,
    "darkTrellis": 10,
    "lightHorizontal": 11,
    "lightVertical": 12,
    "lightDown": 13,
    "lightUp": 14,
    "lightGrid": 15,
    "lightTrellis": 16,
    "gray125": 17,
    "gray0625": 18,
}
_BORDERS = {
    "thin": 1,
    "medium": 2,
    "dashed": 3,
    "dotted": 4,
    "thick": 5,
    "double": 6,
    "hair": 7,
    "mediumDashed": 8,
    "dashDot": 9,
    "mediumDashDot": 10,
    "dashDotDot": 11,
    "mediumDashDotDot": 12,
    "slantDashDot": 13,
}
_HORIZONTAL = {
    "left": "left",
    "center": "center",
    "right": "right",
    "fill": "fill",
    "justify": "justify",
    "centerContinuous": "center_across",
    "distributed": "distributed",
}
_VERTICAL = {
    "top": "top",
    "center": "vcenter",
    "bottom": "bottom",
    "justify": "vjustify",
    "distributed": "vdistributed",
}


def is_font_key(key: str) -> bool:
    return key in (
        "bold",
        "italic",
        "underline",
        "font_strikeout",
        "font_script",
        "font_name",
        "font_size",
        "font_color",
    )


def rgb(color) -> str | None:
    if color is None or getattr(color, "type", None) != "rgb":
        return None
    value = color.rgb
    if not isinstance(value, str) or len(value) < 6 or value in ("00000000",):
        return None
    return "#" + value[-6:]


def font_properties(font) -> dict:
    """XlsxWriter format properties for an openpyxl Font or InlineFont, leaving out the defaults."""
    if font is None:
        return {}
    properties: dict[str, object] = {}
    if font.b:
        properties["bold"] = True
    if font.i:
        properties["italic"] = True
    if font.u and font.u != "none":
        properties["underline"] = _UNDERLINE.get(font.u, 1)
    if font.strike:
        properties["font_strikeout"] = True
    if font.vertAlign in ("superscript", "subscript"):
        properties["font_script"] = 1 if font.vertAlign == "superscript" else 2
    name = font.rFont if isinstance(font, InlineFont) else font.name
    if isinstance(name, str) and name and name != DEFAULT_FONT[0] and not set(name) & set('<>&"'):
        properties["font_name"] = name
    if font.sz and float(font.sz) != DEFAULT_FONT[1]:
        properties["font_size"] = float(font.sz)
    colour = rgb(font.color)
    if colour:
        properties["font_color"] = colour
    return properties


def fill_properties(fill) -> dict:
    pattern = getattr(fill, "patternType", None) or getattr(fill, "fill_type", None)
    if pattern not in _PATTERNS:
        return {}
    properties: dict[str, object] = {"pattern": _PATTERNS[pattern]}
    foreground, background = rgb(fill.fgColor), rgb(fill.bgColor)
    if pattern == "solid":
        if foreground:
            properties["bg_color"] = foreground
    else:
        if foreground:
            properties["fg_color"] = foreground
        if background:
            properties["bg_color"] = background
    return properties


def border_properties(border) -> dict:
    properties: dict[str, object] = {}
    if border is None:
        return properties
    for side in ("left", "right", "top", "bottom"):
        edge = getattr(border, side)
        if edge is not None and edge.style in _BORDERS:
            properties[side] = _BORDERS[edge.style]
            colour = rgb(edge.color)
            if colour:
                properties[f"{side}_color"] = colour
    return properties


def alignment_properties(alignment) -> dict:
    properties: dict[str, object] = {}
    if alignment is None:
        return properties
    if alignment.horizontal in _HORIZONTAL:
        properties["align"] = _HORIZONTAL[alignment.horizontal]
    if alignment.vertical in _VERTICAL:
        properties["valign"] = _VERTICAL[alignment.vertical]
    if alignment.wrap_text:
        properties["text_wrap"] = True
    if alignment.shrink_to_fit:
        properties["shrink"] = True
    if alignment.indent:
        properties["indent"] = int(alignment.indent)
    rotation = alignment.text_rotation or 0
    if rotation:
        properties["rotation"] = 270 if rotation == 255 else (rotation if rotation <= 90 else 90 - rotation)
    return properties
