"""Text pasted from a PDF: every printed line a paragraph of its own, joined again into the paragraphs it broke."""

from __future__ import annotations

import re
from dataclasses import replace

from workbook.word_import import labels
from workbook.word_import.document import Block, Line, join_broken
from workbook.word_import.placing import Note

_SENTENCE_END = (".", ":", "?", "!", ";")
_HYPHENATED = re.compile(r"[a-z\u00e0-\u00ff]-$")
_STARTS_ITEM = re.compile(r"^(?:[A-Z]{1,2}\s?)?\d{1,2}(?:\.\d{1,2})*\.?\s")  # "1.1.1 text", "A 1.2.1 text"
# The end of a line that cannot end a sentence: a comma or a word that needs what follows.
_OPEN_END = re.compile(
    r"(?:,|\b(?:de|het|een|van|voor|met|en|of|in|op|aan|naar|bij|tot|door|om|te|over|uit|die|dat|als|dan|zijn|hun|"
    r"haar|ons|onze|zoals|tussen|tegen|onder|binnen|via|per|rond|waar|ook|niet|meer|wordt|worden))$",
    re.IGNORECASE,
)
_NAMED_ITEM = re.compile(r"^[A-Za-z\u00c0-\u017f ]{2,40}\s\d{1,2}(?:\.\d{1,2})*\s*[:.\-\u2013]")  # "Actie 1:"


def rejoin(blocks: list[Block]) -> tuple[list[Block], list[Note]]:
    """The blocks with the running headers and page numbers printed inside the text left out and the lines a PDF
    broke joined again; the notes say what was left out or joined. A document of whole paragraphs stays as it is:
    only lines as long as the printed line width are taken to go on."""
    lines = [b for b in blocks if isinstance(b, Line) and _body(b)]
    width = _line_width(lines)
    if width is None:
        return blocks, []
    notes: list[Note] = []
    margins = _running_lines(blocks)
    kept: list[Block] = []
    pieces: dict[int, list[str]] = {}  # index in kept -> the positions of the lines joined into it
    for block in blocks:
        if isinstance(block, Line) and (kind := _layout(block, margins)) is not None:
            notes.append(Note(block.position, block.plain, f"Overgeslagen: {kind} in de tekst, geen inhoud."))
            continue
        previous = kept[-1] if kept else None
        if isinstance(block, Line) and isinstance(previous, Line) and _goes_on(previous, block, width):
            kept[-1] = _joined(previous, block)
            pieces.setdefault(len(kept) - 1, [previous.position]).append(block.position)
            continue
        kept.append(block)
    for index, positions in pieces.items():
        notes.append(
            Note(
                positions[0],
                kept[index].plain,
                f"Samengevoegd uit {len(positions)} regels ({positions[0]} tot {positions[-1]}): tekst uit een PDF, "
                "een alinea per gedrukte regel.",
            )
        )
    return kept, notes


def _layout(line: Line, margins: set[str]) -> str | None:
    """ "kop- of voettekst" or "paginanummer" for a line printed at a page break, else None."""
    if line.plain.strip() in margins:
        return "kop- of voettekst"
    return "paginanummer" if labels.not_content(line.plain) == "paginanummer" else None


def _body(line: Line) -> bool:
    return not line.heading and not line.position.startswith("tabel") and ", regel " not in line.position


def _line_width(lines: list[Line]) -> int | None:
    """The printed line width when the document is made of printed lines (most lines are about as long as the
    longest), else None."""
    lengths = sorted(len(line.plain) for line in lines if len(line.plain) > 20)
    if len(lengths) < 20:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    if width > 130:
        return None  # paragraphs, not printed lines
    # A sentence that goes on in the next paragraph, in lower case: rare in a document written in Word.
    broken = sum(
        1
        for before, after in zip(lines, lines[1:], strict=False)
        if not before.plain.rstrip().endswith(_SENTENCE_END) and after.plain[:1].islower() and not after.bullet
    )
    return width if broken >= max(3, len(lines) // 50) else None


def _running_lines(blocks: list[Block]) -> set[str]:
    """Lines printed at every page break: next to a lone page number, the same text at least twice."""
    seen: dict[str, int] = {}
    items = [b for b in blocks if isinstance(b, Line)]
    for index, line in enumerate(items):
        if labels.not_content(line.plain) != "paginanummer":
            continue
        for neighbour in items[max(0, index - 1) : index + 2]:
            text = neighbour.plain.strip()
            if neighbour is not line and not labels.not_content(text) and not labels.label(text):
                seen[text] = seen.get(text, 0) + 1
    return {text for text, count in seen.items() if count >= 2}


def _goes_on(previous: Line, line: Line, width: int) -> bool:
    """The line continues the one before: that one filled the printed line and did not end its sentence, and this
    one is no new item (bullet, number, label, heading) and has the same weight."""
    if not (_body(previous) and _body(line)) or _container(previous) != _container(line):
        return False
    before, text = previous.plain.rstrip(), line.plain.strip()
    if line.bullet or line.bold != previous.bold or labels.not_content(text) or labels.not_content(before):
        return False
    if _STARTS_ITEM.match(text) or _NAMED_ITEM.match(text) or labels.label(line.text) or line.underline:
        return False
    if text.endswith(":") and len(text) < 40:
        return False  # "Vanaf 2028:", a heading over what follows
    if _HYPHENATED.search(before) and text[:1].islower():
        return True
    if len(before) < 0.75 * width or before.endswith(_SENTENCE_END):
        return False
    # A title with a bold run-in label ("**Actie 1:** title") and a new paragraph under it, unless the line cannot end
    # there ("..., het" / "Sociaal Huis").
    run_in = previous.text.lstrip().startswith("**") and not previous.bold
    return not (run_in and text[:1].isupper() and not _OPEN_END.search(before))


def _container(line: Line) -> str:
    """Where the paragraph stands: "" for the body, "alinea 74, tekstvak 1, " for a text box."""
    return line.position.rpartition("alinea ")[0]


def _joined(previous: Line, line: Line) -> Line:
    return replace(previous, text=join_broken(previous.text.rstrip(), line.text.lstrip()))
