"""What the import recognises in a line: objective headings, field labels and timing lines."""

from __future__ import annotations

import re

from workbook.timing import parse_timing

_SEP = r"\s*(?:[:\-\u2013.]\s*)?"
STRATEGIC = re.compile(r"^(?:strategische\s+doelstelling|S\.?D)\.?\s*(\d{1,2})\s*(?:[:\-\u2013]|\.(?!\d))?\s*(.*)$",
                       re.IGNORECASE | re.DOTALL)
OPERATIONAL = re.compile(rf"^(?:operationele\s+doelstelling|O\.?D)\.?\s*(\d{{1,2}}\.\d{{1,2}})\.?{_SEP}(.*)$",
                         re.IGNORECASE | re.DOTALL)
BBC_OBJECTIVE = re.compile(rf"^(?:(?i:beleidsdoelstelling)\s+)?(BD\s?\d{{2,}}){_SEP}(.*)$", re.DOTALL)
BBC_PLAN = re.compile(rf"^(?:(?i:actieplan)\s+)?(AP\s?\d{{2,}}){_SEP}(.*)$", re.DOTALL)
BBC_ACTION = re.compile(rf"^(?:(?i:actie)\s+)?(A\d{{3,}})\b{_SEP}(.*)$", re.DOTALL)
RESULT = re.compile(r"^(\d{1,2}\.\d{1,2}\.\d{1,2})\.?\s+(.*)$", re.DOTALL)
DOMAIN = re.compile(r"^domein\s*:\s*(.*)$", re.IGNORECASE | re.DOTALL)
DOMAIN_BEFORE_HEADING = re.compile(r"^domein\s*:\s*(.*?)\s+((?:operationele|strategische)\s+doelstelling.*)$",
                                   re.IGNORECASE | re.DOTALL)
SEE_ALSO = re.compile(r"^zie\s+ook\s*:?\s*(.*)$", re.IGNORECASE | re.DOTALL)
FRONT_MUNICIPALITY = re.compile(r"^(?:stad|gemeente|lokaal bestuur)\s+(\S.{0,40})$", re.IGNORECASE)
AUTHOR = re.compile(r"^opgesteld\s+door\s*:?\s*(.+)$", re.IGNORECASE)
FICTION = re.compile(r"^fictieve\s+gegevens\.\s*(.+)$", re.IGNORECASE | re.DOTALL)
PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*[-\u2013]\s*((?:19|20)\d\d)\b")
REPORT_YEAR = re.compile(
    r"^(?:opvolging|rapportjaar|jaarrapport|stand van zaken|voortgangsrapport)\s*:?\s*((?:19|20)\d\d)$", re.IGNORECASE)

# Label lines: name -> words (casefolded, without a trailing colon). The import consumes them as structure.
LABELS: dict[str, tuple[str, ...]] = {
    "motivation": ("motivering - duiding", "motivering", "duiding", "visie", "motivatie", "toelichting",
                   "motivering en duiding"),
    "results": ("resultaten", "resultaat", "verwachte resultaten", "verwacht resultaat"),
    "evaluation": ("wijze en tijdstip evaluatie", "wijze en tijdstip van evaluatie", "wijze & tijdstip evaluatie",
                   "wijze en tijdstip evaluatie / indicatoren", "wijze & tijdstip evaluatie / indicatoren",
                   "evaluatie", "indicatoren"),
    "actions": ("acties", "actie"),
    "section": ("actieplannen", "beleidsdoelstellingen"),
    "description": ("omschrijving", "beschrijving"),
    "status": ("status",),
    "progress": ("stand van zaken (toelichting)", "stand van zaken"),
    "progress_colour": ("stand van zaken (indicator)",),
    "time": ("tijd",),
    "time_colour": ("tijd (indicator)",),
    "money": ("geld",),
    "money_colour": ("geld (indicator)",),
    "timing": ("tijdstip", "timing", "planning"),
    "lead": ("trekker",),
    "partners": ("partners",),
    "budget": ("budget", "budget/personeelsinzet"),
    "contact": ("contact",),
}
_BY_WORDS = {words: name for name, all_words in LABELS.items() for words in all_words}
_LABEL = re.compile(r"^([^:]{2,60}?)\s*:\s*(.*)$", re.DOTALL)
TABLE_HEADERS = {"resultaten", "resultaat", "acties", "actie", "omschrijving", "indicator", "indicatoren"}


def label(text: str) -> tuple[str, str] | None:
    """(label name, text after the colon) for a label line such as "Status" or "Resultaten: ..."."""
    plain = " ".join(text.replace("**", "").split())
    name = _BY_WORDS.get(plain.casefold().rstrip(":").strip())
    if name:
        return name, ""
    match = _LABEL.match(plain)
    if match:
        name = _BY_WORDS.get(match.group(1).casefold().strip())
        if name:
            return name, _strip_bold_prefix(text, match.group(1))
    return None


def _strip_bold_prefix(text: str, words: str) -> str:
    """The text after "Label:", keeping the bold markup of the rest."""
    rest = text.split(":", 1)[1].strip()
    if rest.startswith("**") and rest.count("**") % 2:
        rest = rest[2:].strip()
    return rest


def timing_line(text: str, marked: bool) -> str | None:
    """The timing of a line such as "Jaarlijks:" or "Vanaf 2012:" (a heading over bullets), else None."""
    plain = " ".join(text.replace("**", "").split())
    if len(plain) > 40 or not (plain.endswith(":") or marked):
        return None
    stripped = plain.rstrip(":").strip()
    timing = parse_timing(stripped, None, None)
    if timing.rubric or timing.measurement or (timing.years is not None and stripped):
        return stripped
    return None


def timing_prefix(text: str) -> str | None:
    """The timing before the colon of "Jaarlijks: aantal deelnemers" (a year or a yearly word), else None."""
    prefix = text.split(":", 1)[0].strip()
    if not re.search(r"\d{4}|jaarlijks|norm|trend", prefix, re.IGNORECASE):
        return None
    return timing_line(prefix + ":", True)


def is_table_header(texts: list[str]) -> bool:
    words = [" ".join(t.casefold().split()).rstrip(":") for t in texts if t.strip()]
    return bool(words) and all(w in TABLE_HEADERS or w.startswith("wijze") for w in words)
