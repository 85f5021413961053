"""Officer text made safe for Word: invalid characters dropped, paragraphs, bullets and bold runs."""

from __future__ import annotations

import re
from typing import NamedTuple

from workbook.spreadsheet.richtext import segments

# Characters XML 1.0 does not allow; Excel cells can hold them (pasted text), Word files cannot.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n+")


def clean(text: object) -> str:
    """The text as typed, without characters a Word file cannot hold; None becomes ""."""
    if text is None:
        return ""
    return _INVALID.sub("", str(text)).strip()


def paragraphs(text: object) -> list[str]:
    """Blank lines separate paragraphs; single line breaks stay inside their paragraph."""
    return [part.strip("\n") for part in _BLANK_LINE.split(clean(text)) if part.strip()]


class Block(NamedTuple):
    """A paragraph, or one item of a list as the plan wrote it: `kind` "" (a paragraph), "bullet", "decimal",
    "letter" or "roman"; `level` 0 or 1 (a sub-item); `mark` the character after a number or letter ("." or ")");
    `number` the number or letter's place the plan gave the item (1 for "1)", "a." and "i.")."""

    text: str
    kind: str = ""
    level: int = 0
    mark: str = ""
    number: int = 1

    @property
    def bullet(self) -> bool:
        return bool(self.kind)


def blocks(text: object) -> list[Block]:
    """The text as paragraphs and list items: a line that starts with a bullet ("- ", "• ", "▪ ", "* ") or a
    number or letter ("1)", "1.", "a.", "a)", "i.", or "- 1)", "- a.") is a list item; an indented item, or one of
    another kind under an item ("- a." under "- 1)"), is a sub-item. The other lines stay paragraphs."""
    result: list[Block] = []
    for part in paragraphs(text):
        lines: list[str] = []
        items = _Items()
        for line in part.split("\n"):
            item = items.read(line)
            if item is None:
                if line.strip():
                    lines.append(line)
                    items = _Items()  # a list after this line is a new list
                continue
            if lines:
                result.append(Block("\n".join(lines)))
                lines = []
            result.append(item)
        if lines:
            result.append(Block("\n".join(lines)))
    return result


class _Items:
    """The list items of one paragraph, read line by line: which kind is the top level, and at which indent."""

    def __init__(self) -> None:
        self.top: tuple[str, str, int] | None = None  # kind, mark, indent of the first item
        self.kinds: list[str] = ["", ""]  # the kind of the items seen last at each level

    def read(self, line: str) -> Block | None:
        found = _ITEM.fullmatch(line)
        if found is None or not found.group("text").strip() or not (found.group("bullet") or found.group("mark")):
            return None
        indent = len(found.group("indent").expandtabs(4))
        kind, number = _kind(found.group("mark"), self.kinds)
        mark = found.group("suffix") or ""
        if self.top is None:
            self.top = (kind, mark, indent)
        top_kind, top_mark, top_indent = self.top
        # Deeper than the first item, or another kind of item than the first: a sub-item.
        level = 1 if indent > top_indent or (kind, mark) != (top_kind, top_mark) else 0
        self.kinds[level] = kind
        return Block(found.group("text").strip(), kind, level, mark, number)


# An indent, a bullet, a number or letter with "." or ")", then the text; each part but the text may be missing.
_ITEM = re.compile(
    r"(?P<indent>[ \t\u00a0]*)"
    r"(?:(?P<bullet>[-\u2022\u25aa\u25cf\u2013]|\*(?!\*))[ \t\u00a0]+)?"
    r"(?:(?P<mark>\d{1,2}|[a-z]|ii|iii|iv|vi|vii|viii|ix)(?P<suffix>[.)])[ \t\u00a0]+)?"
    r"(?P<text>.*)",
    re.S,
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


def _kind(mark: str | None, kinds: list[str]) -> tuple[str, int]:
    """The kind of list a mark belongs to and the item's number: "3" decimal 3, "c" letter 3, "ii" roman 2; a
    single "i", "v" or "x" is a letter in a lettered list and roman otherwise."""
    if not mark:
        return "bullet", 1
    if mark.isdigit():
        return "decimal", int(mark)
    if len(mark) > 1 or (mark == "i" and "letter" not in kinds) or (mark in ("v", "x") and "roman" in kinds):
        return "roman", _ROMAN[mark]
    return "letter", ord(mark) - ord("a") + 1


def rich(text: str, **properties: object):
    """A docxtpl RichText of **markup** text: bold phrases become bold runs, the rest is escaped."""
    from docxtpl import RichText

    value = RichText()
    for part, bold in segments(text):
        value.add(part, bold=bold, **properties)
    return value
