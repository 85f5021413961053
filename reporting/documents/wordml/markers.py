"""Small coloured status markers (●) before a status word; the word itself always carries the meaning."""

from __future__ import annotations

GREEN, ORANGE, RED, BLUE, GREY = "2E7D32", "E07000", "C00000", "2F5597", "8C8C8C"
DOT = "\u25cf"
RING = "\u25cb"

_COLOUR_WORDS = {"groen": GREEN, "oranje": ORANGE, "geel": ORANGE, "rood": RED}
_WORDS = {
    # status
    "afgerond": GREEN,
    "in uitvoering": BLUE,
    "in voorbereiding": BLUE,
    "niet gestart": GREY,
    "stopgezet": RED,
    # time
    "op schema": GREEN,
    "vertraagd": ORANGE,
    "uitgesteld": RED,
    # indicator verdicts (reporting.figures.trends)
    "op koers": GREEN,
    "aandacht": ORANGE,
    "niet op koers": RED,
    "geen gegevens": GREY,
}
_GAPS = {"geen opvolging", "niet ingevuld"}


def colour_of(word: str, colour: str = "") -> str:
    """The officer's colour (groen/oranje/rood) when given, else the usual colour of the word, else grey."""
    chosen = _COLOUR_WORDS.get(colour.strip().casefold())
    if chosen:
        return chosen
    return _WORDS.get(" ".join(word.split()).casefold(), GREY)


def marker(word: str, colour: str = ""):
    """A RichText "● " in the word's colour; a hollow ring for "geen opvolging" / "niet ingevuld"."""
    from docxtpl import RichText

    hollow = " ".join(word.split()).casefold() in _GAPS and not colour
    return RichText((RING if hollow else DOT) + "\u00a0", color=colour_of(word, colour))
