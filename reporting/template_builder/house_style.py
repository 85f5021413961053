"""What a municipality's layout changes (fonts, colours, logo), and the page it is laid out on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx.shared import Cm

PAGE_WIDTH, PAGE_HEIGHT = Cm(21), Cm(29.7)
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = Cm(2.2), Cm(2.4), Cm(2.2)
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_SIDE


@dataclass(frozen=True)
class HouseStyle:
    """What a municipality's layout changes: fonts, colours and a logo in the header."""

    font: str = "Arial"
    heading_font: str = "Arial"
    primary: str = "1F4E79"  # headings, table header rows
    accent: str = "DCE6F1"  # light fills: result bands, label columns, notes
    text: str = "1A1A1A"
    muted: str = "595959"
    rule: str = "A6A6A6"  # table lines
    logo: Path | None = None
    logo_height_cm: float = 1.3
    logo_text: str = "Logo van {{ gemeente }}"


DEFAULT_STYLE = HouseStyle()


def twips(length) -> str:
    return str(int(round(int(length) / 635)))
