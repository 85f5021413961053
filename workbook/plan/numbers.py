"""Numbers as officers type them: 1.168, 22,4%, 20.667 euro, € 27.700, ±1500, 381 (52%)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from babel.numbers import NumberFormatError, parse_decimal

LOCALE = "nl_BE"
_SHARE = re.compile(r"^(?P<value>.*?)\s*\(\s*(?P<share>[^()]*%)\s*\)\s*$")
# Excel keeps 15 significant digits; a larger number cannot be shown as typed, and sums of such numbers can run
# past what a float holds. The reader takes them as no number; validation names their cell (getal-te-groot).
LARGEST = 1e15
_DECORATION = re.compile(r"(?i)^(?:±|\+/-|ca\.?|circa|€|eur)\s*|\s*(?:euro|eur|€|\*+)$")


@dataclass(frozen=True)
class ParsedNumber:
    value: float | None
    percent: bool = False
    ambiguous: bool = False
    share: float | None = None
    error: str = ""
    too_large: bool = False


def parse_number(raw: object) -> ParsedNumber:
    """Read a cell as a number; text is read the Dutch way and flagged when it could be read otherwise."""
    if raw is None or raw == "":
        return ParsedNumber(None)
    if isinstance(raw, bool):
        return ParsedNumber(None, error=f"'{raw}' is geen getal")
    if isinstance(raw, int | float):
        return _checked(ParsedNumber(float(raw)), raw)
    text = " ".join(str(raw).split())
    share = None
    if match := _SHARE.match(text):
        inner = parse_number(match.group("share"))
        if inner.too_large:
            return ParsedNumber(None, error=f"'{text}' is te groot", too_large=True)
        if inner.value is None:
            return ParsedNumber(None, error=f"'{text}' is geen getal")
        share, text = inner.value, match.group("value")
    percent = text.endswith("%")
    text = text.rstrip("%").strip()
    previous = None
    while previous != text:
        previous, text = text, _DECORATION.sub("", text).strip()
    if not text:
        return ParsedNumber(None, percent=percent, share=share)
    try:
        value = parse_decimal(text, locale=LOCALE, strict=True)
    except NumberFormatError:
        return ParsedNumber(None, error=f"'{raw}' is geen getal")
    # "1.168" is 1168 in Dutch but 1,168 elsewhere: say how it was read.
    ambiguous = bool(re.fullmatch(r"-?\d{1,3}(\.\d{3})+", text))
    return _checked(ParsedNumber(float(value), percent=percent, ambiguous=ambiguous, share=share), raw)


def _shown(value: float) -> bool:
    return math.isfinite(value) and abs(value) < LARGEST


def _checked(parsed: ParsedNumber, raw: object) -> ParsedNumber:
    """No number at all when it is beyond what a report can show (or no finite number: inf, nan)."""
    if parsed.value is None or _shown(parsed.value):
        return parsed
    return ParsedNumber(None, error=f"'{raw}' is te groot", too_large=True)


def parse_year(raw: object) -> int | None:
    """A year from a cell: 2012, 2012.0, "2012", "2021 (juni-december)"."""
    if isinstance(raw, bool) or raw is None:
        return None
    if isinstance(raw, int | float):
        return int(raw) if float(raw).is_integer() and 1900 <= raw <= 2100 else None
    match = re.match(r"^\s*((?:19|20)\d\d)\b", str(raw))
    return int(match.group(1)) if match else None
