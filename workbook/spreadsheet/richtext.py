"""Bold phrases in cells: Excel rich text runs <-> the **markup** the model keeps."""

from __future__ import annotations

import re

from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)


def segments(text: str) -> list[tuple[str, bool]]:
    """Split **markup** into (text, bold) runs; unmatched asterisks stay as typed."""
    runs: list[tuple[str, bool]] = []
    position = 0
    for match in _BOLD.finditer(text):
        if match.start() > position:
            runs.append((text[position : match.start()], False))
        runs.append((match.group(1), True))
        position = match.end()
    if position < len(text):
        runs.append((text[position:], False))
    return runs


def to_rich_text(text: str) -> CellRichText | str:
    """A cell value that shows **markup** as real bold in Excel."""
    runs = segments(text)
    if not any(bold for _, bold in runs):
        return text
    return CellRichText(*[TextBlock(InlineFont(b=True), part) if bold else part for part, bold in runs])


def to_markup(value: object) -> object:
    """Turn a rich text cell into a string with **markup** around its bold runs; other values pass."""
    if not isinstance(value, CellRichText):
        return value
    parts = []
    for block in value:
        if isinstance(block, TextBlock):
            bold = bool(block.font and block.font.b)
            parts.append(_bolden(block.text) if bold else block.text)
        else:
            parts.append(str(block))
    return re.sub(r"\*\*(\s*)\*\*", r"\1", "".join(parts))


def _bolden(text: str) -> str:
    stripped = text.strip()
    if not stripped:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return f"{lead}**{stripped}**{trail}"
