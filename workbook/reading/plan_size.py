"""The largest plan planrapport reads: a municipality's or a city's, refused above it with the counts and the limit."""

from __future__ import annotations

from workbook.plan.errors import WorkbookError

# A municipality's integration plan holds some tens to a few hundred actions (Waregem 2011-2013: 122 actions);
# a city's whole multi-year plan (every policy domain of the BBC) about a thousand. Provinces no longer hold an
# integration policy (since 2018). Twice a city's plan is accepted; benchmarks/README.md has its time and memory.
MAX_ACTIONS = 2_000
MAX_INDICATORS = 1_000


def refuse_too_large(file_name: str, actions: int, indicators: int) -> None:
    """A WorkbookError naming the counts and the limits when the plan holds more actions or indicators than
    planrapport is made for."""
    if actions <= MAX_ACTIONS and indicators <= MAX_INDICATORS:
        return
    raise WorkbookError(
        f"{file_name}: het plan is groter dan planrapport aankan: {_count(actions)} acties en "
        f"{_count(indicators)} indicatoren, terwijl planrapport plannen leest tot {_count(MAX_ACTIONS)} acties en "
        f"{_count(MAX_INDICATORS)} indicatoren (het plan van een gemeente of een stad). Verdeel het plan over "
        "meer werkboeken, bijvoorbeeld een per beleidsdoelstelling."
    )


def _count(number: int) -> str:
    """1.234 (Dutch thousands)."""
    return f"{number:,}".replace(",", ".")
