"""Plan codes and how they nest: classic 1 / 1.1 / 1.1.1 / 1.1.1.1, classic without results 1 / 1.1 / 1.1.1 and BBC
BD109 / AP1090 / A10900."""

from __future__ import annotations

import re

from workbook.plan.model import BBC, CLASSIC_WITHOUT_RESULTS

STRATEGIC = "strategisch"
OPERATIONAL = "operationeel"
RESULT = "resultaat"
ACTION = "actie"

_CLASSIC = re.compile(r"^[1-9]\d*(\.[1-9]\d*){0,3}$")
_BBC = re.compile(r"^(BD|AP|A)(\d+)$")
_INDICATOR = re.compile(r"^(?P<parent>.+)-I(?P<number>[1-9]\d*)$")
_CLASSIC_KINDS = {1: STRATEGIC, 2: OPERATIONAL, 3: RESULT, 4: ACTION}
_WITHOUT_RESULTS_KINDS = {1: STRATEGIC, 2: OPERATIONAL, 3: ACTION}
_BBC_KINDS = {"BD": STRATEGIC, "AP": OPERATIONAL, "A": ACTION}
CROSS_REFERENCE = re.compile(r"\b(?:BD|AP|A)\d{3,}\b|\b[1-9]\d*(?:\.[1-9]\d*){1,3}\b")


def normalize(code: object) -> str:
    """A code as typed, without spaces and a trailing dot ("1.1." -> "1.1", "ap 1090" -> "AP1090")."""
    if code is None:
        return ""
    if isinstance(code, float) and code.is_integer():
        code = int(code)
    text = re.sub(r"\s+", "", str(code)).rstrip(".")
    return text.upper() if re.match(r"^(bd|ap|a)\d", text, re.IGNORECASE) else text


def kind_of(code: str, numbering: str) -> str | None:
    """The level a well-formed code stands for, or None when it does not fit the numbering."""
    if numbering == BBC:
        match = _BBC.match(code)
        return _BBC_KINDS[match.group(1)] if match else None
    if not _CLASSIC.match(code):
        return None
    kinds = _WITHOUT_RESULTS_KINDS if numbering == CLASSIC_WITHOUT_RESULTS else _CLASSIC_KINDS
    return kinds.get(code.count(".") + 1)


def expected_parent(code: str, numbering: str) -> str | None:
    """The parent a code points to by itself: 1.1.1 -> 1.1, A10900 -> AP1090."""
    return expected_bbc_parent(code) if numbering == BBC else classic_parent(code)


def classic_parent(code: str) -> str | None:
    return code.rsplit(".", 1)[0] if "." in code else None


def bbc_parent(code: str, candidates: set[str]) -> str | None:
    """The code one level up whose digits are the longest prefix of this code's digits."""
    match = _BBC.match(code)
    if not match:
        return None
    prefix = {"A": "AP", "AP": "BD"}.get(match.group(1))
    if prefix is None:
        return None
    digits = match.group(2)
    for length in range(len(digits) - 1, 0, -1):
        parent = prefix + digits[:length]
        if parent in candidates:
            return parent
    return None


def expected_bbc_parent(code: str) -> str | None:
    """The usual parent when none exists yet: AP1090 -> BD109, A10900 -> AP1090."""
    match = _BBC.match(code)
    if not match or match.group(1) == "BD" or len(match.group(2)) < 2:
        return None
    return {"A": "AP", "AP": "BD"}[match.group(1)] + match.group(2)[:-1]


def indicator_parent(code: str) -> str | None:
    match = _INDICATOR.match(code)
    return match.group("parent") if match else None


def cross_references(text: str) -> tuple[str, ...]:
    """The codes named in a "Zie ook" text, in order, each once."""
    seen: dict[str, None] = {}
    for found in CROSS_REFERENCE.findall(text or ""):
        seen.setdefault(found, None)
    return tuple(seen)


def sort_key(code: str) -> tuple:
    """Natural order: 1.2 before 1.10, A10900 before A10910."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", code))
