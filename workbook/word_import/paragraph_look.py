"""The look of a paragraph and its runs as Word shows them: style, heading and list level, bold, hidden, struck
through, font size and indentation, from the paragraph's own properties or its style chain."""

from __future__ import annotations

import re

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def paragraph_style(element, styles) -> tuple[str, object]:
    found = element.find(f"{W}pPr/{W}pStyle")
    style = styles.get(found.get(W + "val")) if found is not None else None
    return (style.name if style is not None else ""), style


def outline_level(style) -> int:
    """The heading level a style gives through its outline level (its own or that of the style it is based on),
    whatever its name ("Kop1", "Titel SD"); 0 for body text."""
    seen = 0
    while style is not None and seen < 20:
        found = style.element.find(f"{W}pPr/{W}outlineLvl")
        if found is not None:
            value = found.get(W + "val", "9")
            return int(value) + 1 if value.isdigit() and int(value) < 9 else 0
        style, seen = style.base_style, seen + 1
    return 0


def list_style(style) -> bool:
    """A style that is, or is based on, a list style or one with numbering: "Actie" based on "List Bullet 2"."""
    seen = 0
    while style is not None and seen < 20:
        name = (style.name or "").casefold()
        if (found := style.element.find(f"{W}pPr/{W}numPr")) is not None:
            number = found.find(f"{W}numId")
            return number is None or number.get(W + "val") != "0"  # numId 0: the numbering of its base switched off
        if name in ("list paragraph", "lijstalinea"):  # Word's style for list items: a list only with a number
            return False
        if "list" in name or "lijst" in name:
            return True
        style, seen = style.base_style, seen + 1
    return False


def heading_level(name: str) -> int:
    match = re.fullmatch(r"(?:heading|kop)\s*(\d)", name.casefold())
    if match:
        return int(match.group(1))
    return 1 if name.casefold() in ("title", "titel") else 0


def style_flag(style, flag: str) -> bool:
    while style is not None:
        font = getattr(style, "font", None)
        value = getattr(font, flag, None) if font is not None else None
        if value is not None:
            return bool(value)
        style = style.base_style
    return False


def left_out(run, style) -> str:
    """ "verborgen" for hidden text (w:vanish, a drafting note Word does not show or print), "doorgehaald" for
    struck-through text (what the council struck from the plan), "" for text that is read."""
    for tag, font, kind in (
        ("vanish", "hidden", "verborgen"),
        ("strike", "strike", "doorgehaald"),
        ("dstrike", "double_strike", "doorgehaald"),
    ):
        if run_flag(run, tag, style_flag(style, font)):
            return kind
    return ""


def run_flag(run, flag: str, default: bool) -> bool:
    properties = run.find(W + "rPr")
    if properties is None:
        return default
    found = properties.find(W + {"bold": "b", "underline": "u"}.get(flag, flag))
    if found is None:
        return default
    value = found.get(W + "val")
    return value not in ("0", "false", "none")


def font_size(element, style) -> int:
    """The largest font size (half-points) of the paragraph's text: a run's own w:sz, else its style chain's."""
    default = 0
    seen = 0
    while style is not None and seen < 20 and not default:
        size = getattr(getattr(style, "font", None), "size", None)
        default = round(size.pt * 2) if size is not None else 0
        style, seen = style.base_style, seen + 1
    sizes = []
    for run in own_runs(element):
        if not "".join(t.text or "" for t in run.iter(W + "t")).strip():
            continue
        found = run.find(f"{W}rPr/{W}sz")
        value = found.get(W + "val", "") if found is not None else ""
        sizes.append(int(value) if value.isdigit() else default)
    return max(sizes, default=default)


def indentation(element, style) -> int:
    """The left indentation of the paragraph in twips: its own w:ind, else that of its style chain."""
    found = element.find(f"{W}pPr/{W}ind")
    seen = 0
    while found is None and style is not None and seen < 20:
        found = style.element.find(f"{W}pPr/{W}ind")
        style, seen = style.base_style, seen + 1
    if found is None:
        return 0
    value = found.get(W + "left") or found.get(W + "start") or "0"
    return int(value) if value.lstrip("-").isdigit() else 0


def switched_off(element) -> bool:
    """A paragraph whose own numbering is numId 0: the numbering of its style switched off."""
    found = element.find(f"{W}pPr/{W}numPr/{W}numId")
    return found is not None and found.get(W + "val") == "0"


_BOX = W + "txbxContent"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def inside(element, top, tags: tuple[str, ...]) -> bool:
    for ancestor in element.iterancestors():
        if ancestor is top:
            return False
        if ancestor.tag in tags:
            return True
    return False


def own_runs(element):
    """The runs of the paragraph itself, without those of its text boxes (read after it, as paragraphs)."""
    return [run for run in element.iter(W + "r") if not inside(run, element, (_BOX, _FALLBACK))]


def text_boxes(element) -> list:
    """The text boxes anchored in the paragraph, in document order; the copy Word keeps for older readers
    (mc:Fallback) once only."""
    return [box for box in element.iter(_BOX) if not inside(box, element, (_BOX, _FALLBACK))]
