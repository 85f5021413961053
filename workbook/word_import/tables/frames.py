"""Tables used as a frame for the page: one column of blocks, read as the paragraphs they hold."""

from __future__ import annotations

from dataclasses import replace

from workbook.word_import import headings, labels
from workbook.word_import.document import Block, Line, Table


def unwrap_frames(blocks: list[Block]) -> list[Block]:
    """The blocks with every one-column table replaced by its lines, in order: a table of one cell per row (often
    without borders, to lay out a page) holds paragraphs, not a grid of fields."""
    unwrapped: list[Block] = []
    objectives = False  # an objective seen: from there on a label ("Toelichting") is a field, not a block title
    for block in blocks:
        if isinstance(block, Table) and is_frame(block):
            for row in block.rows:
                lines = [line for cell in row for line in cell]
                objectives = objectives or any(_objective(line) for line in lines)
                fields = any(labels.label(line.plain) for line in lines[1:])  # "Trekker: X": an action card
                # a table of three rows or more lays out the page: each row a block under its title (a single
                # box is one block of text, its bold first line no chapter)
                layout = len(block.rows) >= 3
                if layout and lines and _block_title(lines[0], len(lines), objectives) and not (objectives and fields):
                    lines[0] = replace(lines[0], heading=1)
                unwrapped += lines
        else:
            unwrapped.append(block)
            objectives = objectives or isinstance(block, Line) and _objective(block)
    return unwrapped


def is_frame(table: Table) -> bool:
    """A table of one column with more than one paragraph in it; not one headed "Wijze & tijdstip evaluatie /
    indicatoren" (an objective's own indicators, as the plan document prints them)."""
    lines: list[Line] = [line for row in table.rows for cell in row for line in cell]
    if len(table.rows) > 1 and labels.label(table.cell_text(0, 0)) == ("evaluation", ""):
        return False
    return bool(table.rows) and all(len(row) == 1 for row in table.rows) and len(lines) > 1


def _objective(line: Line) -> bool:
    plain = " ".join(line.plain.split())
    return any(pattern.match(plain) for pattern in headings.OBJECTIVE_HEADINGS)


def _block_title(line: Line, count: int, objectives: bool) -> bool:
    """The first line of a frame's row that reads as the title of the block under it: bold, short, more text under
    it, not ending as a sentence, and no label ("Acties") once the objectives began (before them "Visie" is a
    chapter)."""
    plain = " ".join(line.plain.split())
    return (
        count > 1
        and line.bold
        and not line.bullet
        and len(plain) <= 80
        and not plain.endswith((".", ":", ",", ";"))
        and not (objectives and labels.label(plain) is not None)
    )
