"""Timing texts of plans ("Jaarlijks", "Vanaf 2012", "2011-2013", "2013: eindmeting") and the years they cover."""

from __future__ import annotations

import re
from dataclasses import dataclass

_YEAR = r"(?:19|20)\d\d"
_MEASURE = re.compile(r"\b(nulmeting|eindmeting|tussentijdse meting)\b", re.IGNORECASE)
_RUBRICS = {"norm": "Norm", "trend": "Trend", "streefwaarde": "Norm"}
_SEASON = (
    r"(?:voorjaar|najaar|zomer|winter|begin|eind|midden|januari|februari|maart|april|mei|juni|juli|augustus"
    r"|september|oktober|november|december)"
)


@dataclass(frozen=True)
class Timing:
    label: str
    years: tuple[int, ...] | None
    rubric: str = ""
    measurement: str = ""
    partial: bool = False
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


def parse_timing(text: str, start: int | None, end: int | None) -> Timing:
    """Interpret a timing text against the plan period; `years` is None for a rubric or an error."""
    label = " ".join(str(text or "").split()).rstrip(":").strip()
    lowered = label.casefold()
    period = tuple(range(start, end + 1)) if start and end and start <= end else ()
    if not lowered:
        return Timing(label, period)
    if lowered in _RUBRICS:
        return Timing(label, None, rubric=_RUBRICS[lowered])
    measurement = ""
    found = _MEASURE.search(lowered)
    if found:
        measurement = found.group(1)
        lowered = _MEASURE.sub("", lowered).replace(":", " ").strip()
    lowered = re.sub(r"\s+", " ", lowered.replace(":", " ")).strip()
    years = _years(lowered, period)
    if years is None:
        return Timing(label, None, measurement=measurement, error=_explain(label))
    partial = bool(re.search(r"\(.*\)|" + _SEASON, lowered))
    return Timing(label, years, measurement=measurement, partial=partial)


def _years(text: str, period: tuple[int, ...]) -> tuple[int, ...] | None:
    first, last = (period[0], period[-1]) if period else (None, None)
    if text in ("", "jaarlijks", "doorlopend", "continu", "permanent"):
        return period if (text or first) else ()
    if text == "eenmalig":
        return period[:1]
    if m := re.fullmatch(rf"(?:jaarlijks )?vanaf ({_YEAR})(?: jaarlijks)?", text):
        begin = int(m.group(1))
        return tuple(range(begin, (last or begin) + 1))
    if m := re.fullmatch(rf"(?:jaarlijks )?tot(?: en met)? ({_YEAR})", text):
        stop = int(m.group(1))
        return tuple(range(first or stop, stop + 1))
    if m := re.fullmatch(rf"(?:jaarlijks )?({_YEAR}) ?- ?({_YEAR})", text):
        begin, stop = int(m.group(1)), int(m.group(2))
        return tuple(range(begin, stop + 1)) if begin <= stop else None
    if m := re.fullmatch(r"(?:om de|per|elke) (\d+) jaar", text):
        step = int(m.group(1))
        return period[::step] if step > 0 else None
    if m := re.fullmatch(rf"(?:{_SEASON} )?({_YEAR})(?: \(.*\))?", text):
        return (int(m.group(1)),)
    if re.fullmatch(rf"{_YEAR}(?:(?:, ?| en | & ){_YEAR})+", text):
        return tuple(sorted({int(y) for y in re.findall(_YEAR, text)}))
    return None


def _explain(label: str) -> str:
    return (
        f"De timing '{label}' is niet herkend. Schrijf bijvoorbeeld 'Jaarlijks', '2011', "
        "'Vanaf 2012', 'Jaarlijks vanaf 2012', '2011-2013', 'Per 2 jaar' of '2013: eindmeting'."
    )
