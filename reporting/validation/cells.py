"""Number cells as officers type them: a real number, Dutch number text, or text that is no number."""

from __future__ import annotations

from collections.abc import Iterator

from reporting.validation.context import at, is_blank, is_formula_error, quoted
from reporting.validation.report import Issue
from workbook.plan.model import Origin
from workbook.plan.numbers import parse_number


def number_cell(origin: Origin, field_name: str, row_code: str, column: str, text_goes: str = "") -> Iterator[Issue]:
    """geen-getal for text that is no number, dubbelzinnig-getal for "1.168" typed as text."""
    raw = origin.raw.get(field_name)
    if is_blank(raw) or is_formula_error(raw):
        return
    parsed = parse_number(raw)
    if parsed.too_large:
        return  # getal-te-groot (validation.limits)
    if parsed.value is None:
        hint = f" Tekst hoort in kolom {text_goes}." if text_goes else ""
        yield at(
            origin,
            field_name,
            "geen-getal",
            row_code,
            f"{quoted(raw)} in kolom {column} is geen getal. Typ een getal, bv. 1168 of 22,4.{hint}",
        )
    elif parsed.ambiguous:
        digits = str(raw).strip().split(" ")[0]
        yield at(
            origin,
            field_name,
            "dubbelzinnig-getal",
            row_code,
            f"{quoted(raw)} in kolom {column} is gelezen als {int(parsed.value)} (punt als scheiding van "
            f"duizendtallen). Bedoelt u een kommagetal, schrijf dan {digits.replace('.', ',')}. Typ getallen "
            "liefst als getal in plaats van als tekst.",
        )
