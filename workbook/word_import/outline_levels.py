"""A plan kept as a Word outline only: custom styles with outline levels ("Niveau 1" ... "Niveau 4") and no label
or code of its levels in the text, read as strategic and operational objectives, results and actions."""

from __future__ import annotations

import re
from dataclasses import replace

from workbook.word_import import headings
from workbook.word_import.document import Block, Line
from workbook.word_import.numbered_headings import NUMBERED
from workbook.word_import.placing import Note

_STANDARD = re.compile(r"^(?:heading|kop)\s*\d$|^title$|^titel$", re.IGNORECASE)


def outline_plan(blocks: list[Block]) -> tuple[list[Block], list[Note]]:
    """The blocks with the lines of custom outline styles written as the levels they stand for, when the plan has
    two to four such levels and no heading of an objective with a label; else the blocks as they are."""
    lines = [b for b in blocks if isinstance(b, Line)]
    if any(any(p.match(" ".join(b.plain.split())) for p in headings.OBJECTIVE_HEADINGS) for b in lines):
        return blocks, []
    outline = [b for b in lines if b.heading and b.style and not _STANDARD.match(b.style)]
    levels = sorted({b.heading for b in outline})
    if not 2 <= len(levels) <= 4 or len(outline) < 3:
        return blocks, []
    if any(NUMBERED.match(" ".join(b.plain.split())) for b in outline):
        return blocks, []  # "1.1 title": numbered, read by its numbers
    kinds = (
        ["strategic", "operational", "result", "action"] if len(levels) == 4 else ["strategic", "operational", "action"]
    )
    kind_of = dict(zip(levels, kinds, strict=False))
    counters: list[int] = [0, 0, 0]
    result: list[Block] = []
    deepest: Line | None = None
    for block in blocks:
        kind = kind_of.get(block.heading) if isinstance(block, Line) and block in outline else None
        if kind is None:
            if isinstance(block, Line) and deepest is not None and block.size and block.size < deepest.size:
                block = replace(block, text=f"Evaluatie: {block.text}")  # the small line under the items
            deepest = None if not isinstance(block, Line) or block.heading else deepest
            result.append(block)
            continue
        title = block.text.replace("**", "").strip()
        if kind == "strategic":
            counters = [counters[0] + 1, 0, 0]
            block = replace(block, text=f"Strategische doelstelling {counters[0]}: {title}", heading=1)
        elif kind == "operational":
            counters[1:] = [counters[1] + 1, 0]
            block = replace(block, text=f"Operationele doelstelling {counters[0]}.{counters[1]}: {title}", heading=2)
        elif kind == "result":
            counters[2] += 1
            code = f"{counters[0]}.{counters[1]}.{counters[2]}"
            block = replace(block, text=f"Resultaat {code}: {title}", heading=0, bold=False)
        else:
            block = replace(block, text=title, heading=0, bold=False, bullet=True, marker="lijst", sub=False)
            deepest = block
        result.append(block)
    said = ", ".join(
        f"'{next(b.style for b in outline if b.heading == level)}' = {kind}" for level, kind in kind_of.items()
    )
    note = Note(
        "",
        "Overzichtsniveaus",
        f"Het plan heeft geen labels of codes bij zijn niveaus; de overzichtsstijlen werden gelezen als {said} "
        "(strategisch, operationeel, resultaat, actie). Kijk de codes na.",
    )
    return result, [note]
