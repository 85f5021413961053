"""Words that must come from a list on blad Lijsten (the same lists that feed the drop-downs)."""

from __future__ import annotations

from collections.abc import Iterator

from reporting.validation.context import Context, at, is_blank, is_formula_error, normalize_word
from reporting.validation.report import Issue
from workbook.plan.model import Origin


def unknown_word(
    ctx: Context,
    origin: Origin,
    field_name: str,
    column: str,
    list_name: str,
    row_code: str,
    code: str = "onbekend-woord",
) -> Iterator[Issue]:
    """An issue when the cell holds a word that is not in the list (case and spaces do not matter)."""
    raw = origin.raw.get(field_name)
    if is_blank(raw) or is_formula_error(raw):
        return
    allowed = ctx.allowed(list_name)
    if normalize_word(raw) in allowed:
        return
    words = ", ".join(f"'{w}'" for w in allowed.values()) or "(de lijst is leeg)"
    text = " ".join(str(raw).split())
    yield at(
        origin,
        field_name,
        code,
        row_code,
        f"'{text}' staat niet in de lijst {list_name} ({words}). Kies een woord uit de keuzelijst in kolom "
        f"{column}, of voeg '{text}' toe aan de lijst {list_name} op blad Lijsten.",
    )
