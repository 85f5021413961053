"""Figures written in a line about an indicator: its baseline and target, "(nulmeting 2019: 12; streefwaarde 2025:
30)", or its values told in sentences, "In 2024 waren er 22, in 2025 al 30. We mikken op 53 in 2031."."""

from __future__ import annotations

import re

from workbook.plan.numbers import parse_number

# The words of a baseline and a target: "nulmeting 2019: 12", "vertrekpunt: 25", "streefwaarde 2025: 30".
_BASELINE = r"(?:nulmeting|vertrekpunt|beginwaarde|startwaarde|basiswaarde|uitgangswaarde)"
_MEASURE = rf"(?:{_BASELINE}|streefwaarde|streefcijfer|doelwaarde)"
# The figures after an indicator: "(nulmeting 2019: 12; streefwaarde 2025: 30)", or after a dash, comma or colon
# "– nulmeting 2025: 12 – streefwaarde 2031: 30", ": nulmeting 12, streefwaarde 30".
MEASURES_AFTER = re.compile(
    rf"(?:\s*\(\s*{_MEASURE}\b[^)]*\)|\s*[:,\u2013\-]\s*{_MEASURE}\b(?:\s*(?:(?:19|20)\d\d\s*)?:?\s*[-\d\u20ac][^:]*?"
    rf"(?:[;,\u2013\-]\s*{_MEASURE}\b[^:]*?(?::\s*[^;,\u2013]*?)?)*))\s*$",
    re.IGNORECASE,
)
# The same on a line of its own, under the indicator (as the plan document of planrapport prints it).
MEASURES_LINE = re.compile(
    rf"^(?:\(\s*{_MEASURE}\b[^)]*\)|{_MEASURE}\s*(?:(?:19|20)\d\d)?\s*:\s*[-\d\u20ac][^()]*)$", re.IGNORECASE
)

_MEASURE_PART = re.compile(
    rf"({_MEASURE})\s*(?:((?:19|20)\d\d)\s*:|:)?\s*((?:[^;,)\u2013]|,(?=\d)|\u2013(?=\s*\d))+)", re.IGNORECASE
)


def split_measures(text: str) -> tuple[str, dict[str, object]]:
    """An indicator without "(nulmeting 2019: 12; streefwaarde 2025: 30)" after it, and those figures as columns of
    Indicatoren (a figure that is no number stays in Toelichting)."""
    match = MEASURES_AFTER.search(text)
    if not match:
        return text, {}
    values: dict[str, object] = {}
    for word, year, raw in _MEASURE_PART.findall(match.group(0)):
        baseline = bool(re.fullmatch(_BASELINE, word, re.IGNORECASE))
        parsed = parse_number(raw.strip())
        if parsed.value is None:
            values["Toelichting"] = f"{values.get('Toelichting', '')} {word} {year}: {raw.strip()}".strip()
            continue
        value = int(parsed.value) if parsed.value.is_integer() else parsed.value
        values["Nulmeting waarde" if baseline else "Streefwaarde"] = value
        if year:
            values["Nulmeting jaar" if baseline else "Streefjaar"] = int(year)
    return text[: match.start()].rstrip(), values


# "Aantal deelnemers. In 2024 waren er 22, in 2025 al 30. We mikken op 53 in 2031.": figures told in sentences.
_FIGURE_SENTENCES = re.compile(r"^(.{3,200}?)\.\s+((?:in|tegen|we|het|de|sinds)\b.*\b(?:19|20)\d\d\b.*)$", re.I | re.S)
_YEAR_VALUE = re.compile(
    r"\b(?:in|tegen|sinds)\s+((?:19|20)\d\d)\s*(?:,\s*)?(?:waren\s+er|was\s+(?:het|dat|er)|telden\s+we|al|nog|"
    r"bereikten\s+we)?\s*(-?\d+(?:\.\d{3})*(?:,\d+)?)\s*(%)?",
    re.IGNORECASE,
)
_TARGET = re.compile(
    r"\b(?:mikken\s+op|streven\s+naar|willen\s+we\s+(?:naar|tot)|doel\s+is|streefwaarde\s+(?:is|van))\s+"
    r"(-?\d+(?:\.\d{3})*(?:,\d+)?)\s*(%)?\s*(?:(?:in|tegen)\s+((?:19|20)\d\d))?",
    re.IGNORECASE,
)


def sentence_figures(text: str) -> tuple[str, list[tuple[str, str]], dict[str, object]] | None:
    """(indicator text, [(year, value)], target columns) of an indicator whose figures follow in sentences, else
    None."""
    plain = text.replace("**", "").strip()
    match = _FIGURE_SENTENCES.match(plain)
    if match is None:
        return None
    rest = match.group(2)
    target = _TARGET.search(rest)
    values = [(year, value) for year, value, _ in _YEAR_VALUE.findall(rest[: target.start()] if target else rest)]
    if not values and not target:
        return None
    columns: dict[str, object] = {}
    if target and (parsed := parse_number(target.group(1))).value is not None:
        columns["Streefwaarde"] = int(parsed.value) if parsed.value.is_integer() else parsed.value
        if target.group(3):
            columns["Streefjaar"] = int(target.group(3))
    return match.group(1).strip(), values, columns


_RESULT_FIGURES = re.compile(
    r"^((?:tegen|in|vanaf|eind)\s+((?:19|20)\d\d)\b(.*?))\s*\(\s*(?:nulmeting\s+)?((?:19|20)\d\d)\s*:\s*"
    r"(-?\d+(?:\.\d{3})*(?:,\d+)?)\s*%?\s*\)\s*\.?\s*$",
    re.IGNORECASE | re.DOTALL,
)


def result_figures(text: str) -> tuple[str, dict[str, object]] | None:
    """(indicator text, columns) of a result such as "Tegen 2028 nemen 40 ouders deel aan het oudercafé (2025:
    12).": the target the first number after the year, the baseline the one in brackets; None for other results."""
    match = _RESULT_FIGURES.match(text.strip())
    if match is None or not (target := re.search(r"\b(\d+(?:\.\d{3})*(?:,\d+)?)\b", match.group(3))):
        return None
    columns: dict[str, object] = {}
    for column, year_column, raw, year in (
        ("Streefwaarde", "Streefjaar", target.group(1), match.group(2)),
        ("Nulmeting waarde", "Nulmeting jaar", match.group(5), match.group(4)),
    ):
        parsed = parse_number(raw)
        if parsed.value is not None:
            columns[column] = int(parsed.value) if parsed.value.is_integer() else parsed.value
            columns[year_column] = int(year)
    return match.group(1).strip(), columns
