"""The shapes of a line under an objective: the codes typed before results and actions ("R1.1.2", "1.1.1.a",
"Actie 1:", "Resultaat 5.1:") and the label or code it starts with."""

from __future__ import annotations

import re

from workbook.word_import import labels
from workbook.word_import.document import Line

# A typed code before a result or action: "R1.1.2 text", "A1.1.2.1 title", "A 1.2.3: title", "1.1.2.1 title".
TYPED_CODE = re.compile(r"^([RA])?\s?(\d{1,2}(?:\.\d{1,2}){2,3})\.?(?:\s*[:\-\u2013]\s*|\s+)(\S.*)$", re.DOTALL)
# "1.1.1.a title": an action numbered with a letter under its result.
LETTERED_ACTION = re.compile(
    r"^(\d{1,2}\.\d{1,2}\.\d{1,2})\.?([a-zA-Z])[.)]?(?:\s*[:\-\u2013]\s*|\s+)(\S.*)$", re.DOTALL
)
# "Actie 1: title", numbered anew under each objective.
LOCAL_ACTION = re.compile(r"^actie\s+(\d{1,2})(?:\s*[:\-\u2013]|\.(?!\d))\s*\S", re.IGNORECASE)
# "Resultaat 2: text" or "Resultaat 2" alone, numbered anew under each objective.
LOCAL_RESULT = re.compile(
    r"^resultaat\s+(\d{1,2})(?:(?:\s*[:\-\u2013]|\.(?!\d))\s*(.*)|\s*)$", re.IGNORECASE | re.DOTALL
)
# "Resultaat 1.1.1" on a line of its own, its text in the next paragraph.
RESULT_ALONE = re.compile(
    r"^(?:(?:beoogd|verwacht|gewenst)\s+)?resultaat\s+(\d{1,2}\.\d{1,2}\.\d{1,2})\.?\s*:?$", re.IGNORECASE
)
# "Resultaat 5.1: text": the result of an operational objective numbered through the plan ("OD 5").
RUNNING_RESULT = re.compile(
    r"^(?:(?:beoogd|verwacht|gewenst)\s+)?resultaat\s+(\d{1,2})\.(\d{1,2})\.?(?:\s*[:\-\u2013]\s*|\s+|$)(.*)$",
    re.IGNORECASE | re.DOTALL,
)


def after_code(text: str, code: str) -> str:
    rest = text.replace("**", "")
    rest = rest[rest.find(code) + len(code) :]
    return re.sub(r"^[\s:.\-\u2013]+", "", rest).strip()


def singular(plain: str) -> bool:
    """ "Actie: ..." rather than "Acties: ...": the label names one item."""
    return plain.split(":", 1)[0].strip().casefold() in ("actie", "activiteit")


def same_paragraph(previous: str, position: str) -> bool:
    """Two lines of one paragraph: "alinea 22, regel 1" and "alinea 22, regel 2"."""
    head, _, line = position.rpartition(", regel ")
    return bool(head) and line.isdigit() and int(line) > 1 and previous.startswith(f"{head}, regel ")


_LABEL_AND_CODE = re.compile(r"^(.{3,40}?)\s+(?:(?:BD|SD|OD|AP)\s?)?\d{1,4}(?:\.\d{1,2})*$")


def label_over_code(line: Line, plain: str) -> tuple[str, str] | None:
    """A bold title "Indicatoren BD 1" over a part of an objective: the label it starts with."""
    match = _LABEL_AND_CODE.match(plain) if (line.bold or line.heading) else None
    found = labels.label(match.group(1)) if match else None
    return (found[0], "") if found else None
