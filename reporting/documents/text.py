"""Officer text made safe for Word: invalid characters dropped, paragraphs, bullets and bold runs."""

from __future__ import annotations

import re

from workbook.richtext import segments

# Characters XML 1.0 does not allow; Excel cells can hold them (pasted text), Word files cannot.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n+")
_BULLET = re.compile(r"^\s*(?:[-\u2022\u25aa\u25cf\u2013]|\*(?!\*))\s+")


def clean(text: object) -> str:
    """The text as typed, without characters a Word file cannot hold; None becomes ""."""
    if text is None:
        return ""
    return _INVALID.sub("", str(text)).strip()


def paragraphs(text: object) -> list[str]:
    """Blank lines separate paragraphs; single line breaks stay inside their paragraph."""
    return [part.strip("\n") for part in _BLANK_LINE.split(clean(text)) if part.strip()]


def blocks(text: object) -> list[tuple[str, bool]]:
    """(text, is_bullet) per paragraph; lines that start with "- ", "• " or "▪ " become bullets."""
    result: list[tuple[str, bool]] = []
    for part in paragraphs(text):
        lines = part.split("\n")
        if all(_BULLET.match(line) for line in lines if line.strip()):
            result += [(_BULLET.sub("", line), True) for line in lines if line.strip()]
        else:
            result.append((part, False))
    return result


def rich(text: str, **properties: object):
    """A docxtpl RichText of **markup** text: bold phrases become bold runs, the rest is escaped."""
    from docxtpl import RichText

    value = RichText()
    for part, bold in segments(text):
        value.add(part, bold=bold, **properties)
    return value
