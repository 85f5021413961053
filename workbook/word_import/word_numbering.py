"""The number Word shows before a numbered paragraph, counted from numbering.xml in document order as Word does."""

from __future__ import annotations

import re
from dataclasses import dataclass

# python-docx reads numbering.xml but has no public way to compute the number a paragraph displays; this is the
# counting Word does (ECMA-376 part 1, 17.9): levels of an abstract numbering, lists (w:num) sharing its counters
# unless they restart a level (w:startOverride), deeper levels restarting under a higher one.

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"))
_ROMAN += ((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass(frozen=True)
class Number:
    """What Word shows before the paragraph: "Strategische doelstelling 1:", "1.1", "2.", "–"."""

    text: str
    level: int  # 0 for the first level of the list
    bullet: bool  # a bullet sign rather than a number
    worded: bool  # the level's text holds words ("Doelstelling %1:"), not only the number and punctuation
    list_key: str = ""  # the abstract numbering it counts in: paragraphs of one multilevel list share it


@dataclass
class _Level:
    start: int = 1
    format: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level only
    legal: bool = False  # w:isLgl: every level shown as a decimal number ("1.1" under "I.")


class Numbering:
    """Counts the numbered paragraphs of one document; call `number` for every paragraph in document order."""

    def __init__(self, root, styles: dict) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.style_levels: dict[str, tuple[str, int]] = {}  # style id -> (abstract id, level) through w:pStyle
        self.lists: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}  # num id -> (abstract, overrides)
        self.counters: dict[object, dict[int, int]] = {}
        self.started: set[tuple[str, int]] = set()  # (num id, level) whose start override was applied
        self.styles = styles
        if root is None:
            return
        for abstract in root.iter(W + "abstractNum"):
            key = abstract.get(W + "abstractNumId", "")
            self.abstract[key] = levels = {}
            for element in abstract.iter(W + "lvl"):
                levels[_int(element.get(W + "ilvl"), 0)] = level = _level(element)
                style = element.find(W + "pStyle")
                if style is not None:
                    self.style_levels.setdefault(style.get(W + "val", ""), (key, _int(element.get(W + "ilvl"), 0)))
        for num in root.iter(W + "num"):
            abstract = num.find(W + "abstractNumId")
            starts: dict[int, int] = {}
            replaced: dict[int, _Level] = {}
            for override in num.iter(W + "lvlOverride"):
                index = _int(override.get(W + "ilvl"), 0)
                start = override.find(W + "startOverride")
                if start is not None:
                    starts[index] = _int(start.get(W + "val"), 1)
                if (level := override.find(W + "lvl")) is not None:
                    replaced[index] = _level(level)
            key = abstract.get(W + "val", "") if abstract is not None else ""
            self.lists[num.get(W + "numId", "")] = (key, starts, replaced)
        self._follow_style_links(root)

    def _follow_style_links(self, root) -> None:
        """An abstract numbering that only names a list style (w:numStyleLink) counts with the levels of the
        numbering that style points to, as Word does for a multilevel list kept as a list style."""
        for abstract in root.iter(W + "abstractNum"):
            link = abstract.find(W + "numStyleLink")
            style = self.styles.get(link.get(W + "val", "")) if link is not None else None
            found = style.element.find(f"{W}pPr/{W}numPr/{W}numId") if style is not None else None
            target = self.lists.get(found.get(W + "val", "")) if found is not None else None
            if target is None or target[0] == abstract.get(W + "abstractNumId", ""):
                continue
            for num_id, (key, starts, replaced) in list(self.lists.items()):
                if key == abstract.get(W + "abstractNumId", ""):
                    self.lists[num_id] = (target[0], starts, replaced)

    def number(self, paragraph, style) -> Number | None:
        """The number of the paragraph (its own numbering, else its style's), None when it has none or it is
        switched off (numId 0)."""
        found = self._reference(paragraph, style)
        if found is None:
            return None
        num_id, index = found
        if num_id not in self.lists:
            return None
        abstract, starts, replaced = self.lists[num_id]
        levels = {**self.abstract.get(abstract, {}), **replaced}
        if index not in levels:
            return None
        # Lists of one abstract numbering count on together; one that restarts a level counts on its own.
        counter_key = num_id if starts else abstract
        counters = self.counters.setdefault(counter_key, {})
        if index in starts and (num_id, index) not in self.started:
            self.started.add((num_id, index))
            counters[index] = starts[index]
        elif index in counters:
            counters[index] += 1
        else:
            counters[index] = levels[index].start
        for deeper in [d for d in counters if d > index]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or restart != 0 and restart > index:  # lvlRestart 0: this level never restarts
                del counters[deeper]
        level = levels[index]
        if level.format == "bullet":
            return Number(level.text.strip(), index, True, False, abstract)
        if level.format == "none":
            return None
        text = level.text
        for shown in range(9):
            if f"%{shown + 1}" in text:
                value = counters.get(shown, levels[shown].start if shown in levels else 1)
                fmt = levels[shown].format if shown in levels and not level.legal else "decimal"
                text = text.replace(f"%{shown + 1}", _formatted(value, fmt))
        worded = any(c.isalpha() for c in re.sub(r"%\d", "", level.text))
        return Number(" ".join(text.split()), index, False, worded, abstract)

    def _reference(self, paragraph, style) -> tuple[str, int] | None:
        """(num id, level) from the paragraph's w:numPr, else from its style chain; None when switched off."""
        own = paragraph.find(f"{W}pPr/{W}numPr")
        if own is not None:
            num = own.find(W + "numId")
            level = own.find(W + "ilvl")
            if num is not None:
                num_id = num.get(W + "val", "0")
                return None if num_id == "0" else (num_id, _int(level.get(W + "val") if level is not None else None, 0))
        seen = 0
        while style is not None and seen < 20:
            found = style.element.find(f"{W}pPr/{W}numPr")
            if found is not None:
                num = found.find(W + "numId")
                level = found.find(W + "ilvl")
                num_id = num.get(W + "val", "0") if num is not None else ""
                if num_id == "0":
                    return None
                index = _int(level.get(W + "val"), 0) if level is not None else None
                if index is None:
                    index = self._style_level(style.style_id, num_id)
                return (num_id, index) if num_id else None
            style, seen = style.base_style, seen + 1
        return None

    def _style_level(self, style_id: str, num_id: str) -> int:
        """The level whose w:pStyle names the style: a multilevel list linked to the heading styles."""
        abstract = self.lists.get(num_id, ("", {}, {}))[0]
        found = self.style_levels.get(style_id)
        return found[1] if found is not None and found[0] == abstract else 0


def _level(element) -> _Level:
    def value(tag: str) -> str | None:
        found = element.find(W + tag)
        return found.get(W + "val") if found is not None else None

    restart = value("lvlRestart")
    legal = element.find(W + "isLgl") is not None and value("isLgl") not in ("0", "false")
    text = value("lvlText") or ""
    return _Level(_int(value("start"), 1), value("numFmt") or "decimal", text, _int(restart, None), legal)


def _int(text: str | None, default):
    return int(text) if text is not None and text.lstrip("-").isdigit() else default


def _formatted(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = ""
        for amount, sign in _ROMAN:
            while value >= amount:
                roman, value = roman + sign, value - amount
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)
