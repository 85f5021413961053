"""Objectives told by their numbering alone ("1." over "1.1", "A." over "A.1", "II." over "II.a"), with their
codes in the workbook's digits."""

from __future__ import annotations

import re

from workbook.word_import import headings
from workbook.word_import.document import Line

# "1.", "A", "II", "1.1", "1.a", "B.2", "IV.c": a strategic number with an operational number or letter after it.
NUMBERED = re.compile(
    r"^((?:\d{1,2}|[A-Z]|[IVX]{1,4})(?:\.(?:\d{1,2}|[a-z]))?)(?:\.\s*|\s+)(\S.*)$",
    re.DOTALL,
)
ROMAN = {"I": 1, "V": 5, "X": 10}


def roman_value(text: str) -> int | None:
    """The value of a Roman numeral up to 39 (XXXIX), None when it is not one."""
    if not re.fullmatch(r"X{0,3}(IX|IV|V?I{0,3})", text) or not text:
        return None
    total = 0
    for sign, following in zip(text, text[1:] + " ", strict=True):
        value = ROMAN[sign]
        total += -value if following != " " and ROMAN[following] > value else value
    return total


def digit_part(part: str, roman: bool) -> str:
    """One part of a code in digits: "3" stays, "c" and "C" are 3, "IV" is 4 when the plan counts in Roman."""
    if part.isdigit():
        return part
    if roman and (value := roman_value(part)) is not None:
        return str(value)
    return str(ord(part.casefold()) - ord("a") + 1)


def in_digits(code: str, roman: bool) -> str:
    return ".".join(digit_part(part, roman) for part in code.split("."))


def numbered_objectives(lines: list[Line]) -> dict[str, tuple[str, str, bool, str]]:
    """Objectives told by their numbering alone, in a plan without labels such as "Strategische doelstelling": a
    heading or bold line "A." / "1." / "II." is strategic when lines "A.1" / "1.1" / "1.a" of the same weight follow
    it, and those are its operational objectives. A numbered heading without such lines under it ("I. Inleiding")
    stays a chapter. Empty when the plan labels its objectives (the labels decide there).

    Per position: (code in digits, title, strategic, code as printed)."""
    patterns = headings.OBJECTIVE_HEADINGS
    shapes: dict[str, tuple[str, str, bool, str]] = labels_under_titles(lines)
    under = {shape[0] for shape in shapes.values() if shape[2] and shape[3]}  # strategic codes told that way
    candidates: list[tuple[Line, str, str]] = []
    for line in lines:
        plain = " ".join(line.plain.split())
        if any(p.match(plain) for p in patterns) and (line.heading or line.bold):
            return {}
        if (
            (line.heading or line.bold)
            and (not line.bullet or line.marker not in ("", "lijst"))
            and len(plain) < 400
            and (match := NUMBERED.match(plain))
            and not line.position.startswith("tabel")
            and (not line.bullet or match.group(1).split(".")[0] in under)
        ):
            candidates.append((line, match.group(1), match.group(2).strip()))
    tops = {code for _, code, _ in candidates if "." not in code} | under
    children = {code.split(".")[0] for _, code, _ in candidates if "." in code}
    strategic = tops & children
    roman = bool(strategic) and all(roman_value(code) for code in strategic)
    roman = roman and (len(strategic) == 1 or any(len(code) > 1 for code in strategic))
    for line, code, title in candidates:
        if "." not in code and code in children:
            shapes[line.position] = (in_digits(code, roman), title, True, code)
        elif "." in code and code.split(".")[0] in strategic | under:
            shapes[line.position] = (in_digits(code, roman), title, False, code)
    return shapes


def labels_under_titles(lines: list[Line]) -> dict[str, tuple[str, str, bool, str]]:
    """A bold title with the level's label and code alone on the line under it, smaller or not bold ("Nieuwe
    inwoners vinden hun weg" / "Strategische doelstelling 1"), as a diagram exported to text writes them: the title
    is the objective; the label line is marked with an empty printed code (nothing to place)."""
    shapes: dict[str, tuple[str, str, bool, str]] = {}
    for above, line in zip(lines, lines[1:], strict=False):
        plain = " ".join(line.plain.split())
        title = " ".join(above.plain.split())
        if not above.bold or line.bold or line.heading or not title or len(title) > 300:
            continue
        if any(p.match(title) for p in headings.OBJECTIVE_HEADINGS):
            continue
        for pattern, strategic in (
            (headings.STRATEGIC, True),
            (headings.WORDED_STRATEGIC, True),
            (headings.OPERATIONAL, False),
        ):
            if (match := pattern.match(plain)) and not match.group(2).strip():
                shapes[above.position] = (match.group(1), title, strategic, match.group(1))
                shapes[line.position] = (match.group(1), "", strategic, "")
                break
    return shapes
