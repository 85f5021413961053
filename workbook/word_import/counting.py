"""What the import found per level, against what the document's numbering or table of contents announces."""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbook.word_import.placing import Chapter, Note

# Level key -> (sheet or source, Dutch name on the Import sheet and in the output).
LEVELS: tuple[tuple[str, str], ...] = (
    ("strategic", "strategische doelstellingen"),
    ("operational", "operationele doelstellingen"),
    ("results", "resultaten"),
    ("actions", "acties"),
    ("indicators", "indicatoren"),
    ("chapters", "hoofdstukken"),
    ("budget", "begrotingslijnen"),
)
_NUMBERED = re.compile(r"^\d{1,3}(?:\.\d{1,3})*$")
_SHOWN_MISSING = 5


@dataclass
class Count:
    level: str
    name: str
    found: int
    announced: int | None = None  # what the numbering or the table of contents announces, when it differs
    why: str = ""  # "volgens de nummering (ontbreekt: 1.2.3)"
    warning: str = ""  # zero found while the document has text that looks like it

    def summary(self) -> str:
        """The Import sheet's "Wat de import deed" of this level."""
        text = f"{self.found} gevonden"
        if self.announced is not None:
            text += f"; {self.why}"
        if self.warning:
            text += f". Let op: {self.warning}"
        return text

    def remark(self) -> str:
        """The line of the output under the counts, "" when there is nothing to check."""
        if self.warning:
            return f"Let op, {self.name}: {self.found} gevonden, maar {self.warning}"
        if self.announced is not None:
            return f"Let op, {self.name}: {self.found} gevonden; {self.why}."
        return ""


def count_levels(
    data: dict[str, object], chapters: list[Chapter], contents: list[str], hints: dict[str, tuple[str, str]]
) -> list[Count]:
    """Per level the number found; `contents` are the chapter titles a table of contents names, `hints` per level
    (what looks like it, where) for text that looked like the level."""
    objectives = data["Doelstellingen"]
    strategic = [str(o["Code"]) for o in objectives if not _operational(str(o["Code"]))]
    operational = [str(o["Code"]) for o in objectives if _operational(str(o["Code"]))]
    codes = {
        "strategic": strategic,
        "operational": operational,
        "results": [str(r["Code"]) for r in data["Resultaten"]],
        "actions": [str(a["Code"]) for a in data["Acties"]],
        "indicators": [],
        "chapters": [],
        "budget": [],
    }
    found = {
        "indicators": len(data["Indicatoren"]),
        "chapters": len(chapters),
        "budget": len(data.get("Begroting", [])),
    }
    counts = []
    for level, name in LEVELS:
        count = Count(level, name, found.get(level, len(codes[level])))
        missing = numbering_gaps(codes[level])
        if missing:
            count.announced = count.found + len(missing)
            count.why = f"volgens de nummering {count.announced} (ontbreekt: {_listed(missing)})"
        if level == "chapters" and contents:
            have = {_plain(c.title) for c in chapters}
            absent = [title for title in contents if _plain(title) not in have]
            if absent:
                count.announced = count.found + len(absent)
                count.why = (
                    f"de inhoudstafel noemt er {len(contents)} die geen doelstelling zijn "
                    f"(niet gevonden: {_listed(absent, quoted=True)})"
                )
        if count.found == 0 and level in hints:
            evidence, position = hints[level]
            count.warning = (
                f"het document heeft {evidence} ({position}). Kijk na waar die tekst terechtkwam en vul het blad aan."
            )
        counts.append(count)
    return counts


def count_notes(counts: list[Count]) -> list[Note]:
    """The first rows of the Import sheet: one per level."""
    return [Note("Telling", count.name[:1].upper() + count.name[1:], count.summary()) for count in counts]


def numbering_gaps(codes: list[str]) -> list[str]:
    """The numbers a numbering skips: 1.1.1 and 1.1.3 without 1.1.2 give ["1.1.2"]; only for dotted numbers."""
    if not codes or not all(_NUMBERED.match(code) for code in codes):
        return []
    highest: dict[str, int] = {}
    present: set[str] = set(codes)
    for code in codes:
        parent, _, number = code.rpartition(".")
        highest[parent] = max(highest.get(parent, 0), int(number))
    missing = []
    for parent, top in highest.items():
        for number in range(1, top):
            code = f"{parent}.{number}" if parent else str(number)
            if code not in present:
                missing.append(code)
    return missing


def _operational(code: str) -> bool:
    return "." in code or code.startswith("AP")


def _plain(text: str) -> str:
    return " ".join(text.replace("**", "").casefold().split())


def _listed(items: list[str], quoted: bool = False) -> str:
    shown = [f"'{item}'" if quoted else item for item in items[:_SHOWN_MISSING]]
    more = len(items) - len(shown)
    return ", ".join(shown) + (f" en nog {more}" if more else "")
