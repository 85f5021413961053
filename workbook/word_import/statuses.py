"""Status words of planning tools and progress reports ("Gepland", "Lopend", "Voltooid") as the workbook's list."""

from __future__ import annotations

from workbook.plan.schema import LISTS

# Words for a status, casefolded, -> (the Status of the list, the Tijd it also says or "").
_SAID = {
    **dict.fromkeys(
        ("gepland", "nog niet gestart", "niet begonnen", "te starten", "op te starten"), ("Niet gestart", "")
    ),
    **dict.fromkeys(("voorbereiding", "in opstart", "opstart", "in ontwikkeling"), ("In voorbereiding", "")),
    **dict.fromkeys(
        ("lopend", "loopt", "bezig", "gestart", "in behandeling", "in uitvoering", "doorlopend", "actief"),
        ("In uitvoering", ""),
    ),
    **dict.fromkeys(
        ("voltooid", "uitgevoerd", "gerealiseerd", "klaar", "beëindigd", "afgewerkt", "gedaan", "afgesloten"),
        ("Afgerond", ""),
    ),
    **dict.fromkeys(("geannuleerd", "geschrapt", "geschorst", "niet uitgevoerd"), ("Stopgezet", "")),
    "uitgesteld": ("Niet gestart", "Uitgesteld"),
    "vertraagd": ("In uitvoering", "Vertraagd"),
}
_LISTED = {status.casefold(): status for status in LISTS["Status"]}


def listed_status(word: str) -> tuple[str, str] | None:
    """(Status, Tijd) of the list for a status word; None for a word the import cannot place."""
    words = " ".join(word.replace("**", "").split()).strip(" .:\u25cf\u2022").casefold()
    if words in _LISTED:
        return _LISTED[words], ""
    return _SAID.get(words)
