"""What the reader did not read as the template has it: missing, renamed and unknown sheets, columns and settings."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

from openpyxl.utils import get_column_letter

from workbook.plan.model import ReadNote
from workbook.plan.schema import Sheet, normalize_header
from workbook.spreadsheet.loading import Grid

_SIMILAR = 0.6  # difflib ratio from which a name counts as the same name, mistyped or shortened


def closest(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like `name` ("Stand v. zaken" -> "Stand van zaken", "Metingen 2024" -> "Metingen")."""
    wanted = normalize_header(name)
    best: tuple[float, str] | None = None
    for candidate in candidates:
        found = normalize_header(candidate)
        if not found or not wanted:
            continue
        ratio = difflib.SequenceMatcher(None, wanted, found).ratio()
        if len(wanted) >= 4 and len(found) >= 4 and (wanted in found or found in wanted):
            ratio = max(ratio, 0.8)
        if ratio >= _SIMILAR and (best is None or ratio > best[0]):
            best = (ratio, candidate)
    return best[1] if best else None


def has_data(grid: Grid, first_row: int, column: int) -> bool:
    """Whether any cell of a 0-based column holds something from the 0-based row `first_row` down."""
    return any(column < len(row) and row[column] not in (None, "") for row in grid[first_row:])


def data_columns(grid: Grid, first_row: int, skipped: set[int]) -> list[int]:
    """The 0-based columns, other than `skipped`, that hold something from the 0-based row `first_row` down."""
    width = max((len(row) for row in grid[first_row:]), default=0)
    return [column for column in range(width) if column not in skipped and has_data(grid, first_row, column)]


def sheet_has_data(grid: Grid) -> bool:
    return any(any(value not in (None, "") for value in row) for row in grid)


def header_overlap(grid: Grid, spec: Sheet) -> int:
    """How many of the sheet's column names stand in one of its first rows: a renamed sheet keeps its columns."""
    wanted = {normalize_header(c.header) for c in spec.columns}
    return max((len(wanted & {normalize_header(v) for v in row}) for row in grid[:12]), default=0)


def renamed_sheet(spec: Sheet, title: str) -> ReadNote:
    return ReadNote(
        "hernoemd-blad",
        True,
        spec.name,
        f"{title}!A1",
        f"Het blad '{spec.name}' ontbreekt; er staat wel een blad '{title}'. Bedoelt u dat blad? planrapport leest "
        f"alleen een blad met de naam '{spec.name}': geef het blad die naam terug, anders komt wat erop staat niet "
        "in het jaarrapport.",
        "*",
    )


_HOLDS = {
    "Doelstellingen": "de doelstellingen",
    "Resultaten": "de resultaten",
    "Acties": "de acties",
    "Opvolging": "de opvolging van de acties",
    "Indicatoren": "de indicatoren",
    "Metingen": "de metingen van de indicatoren",
    "Begroting": "de begroting",
}


def missing_sheet(spec: Sheet) -> ReadNote:
    holds = _HOLDS.get(spec.name, "wat erop hoort")
    return ReadNote(
        "ontbrekend-blad",
        True,
        spec.name,
        f"{spec.name}!A1",
        f"Het blad '{spec.name}' ontbreekt in het werkboek, dus ontbreken ook {holds} in de documenten. Kopieer "
        "het blad uit een nieuw werkboek ('planrapport sjabloon PAD') en vul het in.",
        "*",
    )


def unread_sheet(title: str, guess: str | None) -> ReadNote:
    hint = (
        f" Bedoelt u het blad '{guess}'? Geef het dan die naam."
        if guess
        else " Is het blad alleen voor uzelf, dan kan het blijven staan."
    )
    return ReadNote(
        "blad-niet-gelezen",
        False,
        title,
        f"{title}!A1",
        f"Het blad '{title}' is geen blad van planrapport: wat erop staat, komt niet in de documenten.{hint}",
    )


def missing_column(
    spec: Sheet,
    header: str,
    field: str,
    essential: bool,
    row_index: int,
    renamed: tuple[str, int] | None,
    consequence: str,
) -> ReadNote:
    """A column of the schema that is not on its sheet; `renamed` is a similar header with data (name, column)."""
    row = row_index + 1
    if renamed:
        name, column = renamed
        where = f"{spec.name}!{get_column_letter(column + 1)}{row}"
        found = (
            f" Er staat wel een kolom '{name}' (kolom {get_column_letter(column + 1)}). Bedoelt u die kolom? "
            f"Geef ze de naam '{header}' terug."
        )
    else:
        where = f"{spec.name}!A{row}"
        found = f" Voeg de kolom '{header}' toe (kopieer ze uit een nieuw werkboek)."
    code = "ontbrekende-kolom" if essential else "ontbrekende-tekstkolom"
    message = (
        f"Op blad {spec.name} staat geen kolom '{header}' (de kolomnamen staan in rij {row}). {consequence}{found}"
    )
    return ReadNote(code, essential, spec.name, where, message, field)


def unread_column(sheet: str, title: str, header: object, column: int, row_index: int, guess: str | None) -> ReadNote:
    letter = get_column_letter(column + 1)
    if header in (None, ""):
        what = f"Kolom {letter} op blad {title} heeft geen kolomnaam in rij {row_index + 1}, maar er staat wel iets in"
    else:
        name = " ".join(str(header).split())
        what = f"De kolom '{name}' (kolom {letter}) op blad {title} is geen kolom van planrapport"
    hint = (
        f" Bedoelt u '{guess}'? Geef de kolom dan die naam."
        if guess
        else " Is de kolom alleen voor uzelf, dan kan ze blijven staan."
    )
    return ReadNote(
        "kolom-niet-gelezen",
        False,
        sheet,
        f"{title}!{letter}{row_index + 1}",
        f"{what}: wat erin staat, komt niet in de documenten.{hint}",
    )


def unread_setting(key: object, row: int, title: str, guess: str | None) -> ReadNote:
    hint = (
        f" Bedoelt u '{guess}'? Geef de rij dan die naam."
        if guess
        else " Is de rij alleen voor uzelf, dan kan ze blijven staan."
    )
    return ReadNote(
        "onbekende-instelling",
        False,
        title,
        f"{title}!A{row}",
        f"'{' '.join(str(key).split())}' op blad {title} is geen instelling van planrapport: de waarde "
        f"wordt niet gebruikt.{hint}",
    )


def missing_setting(key: str, field: str, title: str, renamed: tuple[str, int] | None, first_row: int) -> ReadNote:
    if renamed:
        name, row = renamed
        return ReadNote(
            "ontbrekende-instelling",
            True,
            title,
            f"{title}!A{row}",
            f"Op blad {title} staat geen instelling '{key}'. Er staat wel '{name}' (rij {row}). "
            f"Bedoelt u die? Geef de rij de naam '{key}' terug.",
            field,
        )
    return ReadNote(
        "ontbrekende-instelling",
        True,
        title,
        f"{title}!A{first_row}",
        f"Op blad {title} staat geen instelling '{key}'. Voeg een rij '{key}' toe met de waarde in kolom Waarde.",
        field,
    )


def missing_setting_row(key: str, field: str, title: str, first_row: int) -> ReadNote:
    return ReadNote(
        "ontbrekende-instellingsrij",
        False,
        title,
        f"{title}!A{first_row}",
        f"Op blad {title} staat geen rij '{key}'; planrapport gebruikt dan de standaardwaarde. Voeg de rij "
        "toe (kopieer ze uit een nieuw werkboek) als u die instelling wilt gebruiken.",
        field,
    )


def column_notes(
    grid: Grid, spec: Sheet, title: str, header_index: int, positions: Mapping[str, int | None], has_rows: bool
) -> list[ReadNote]:
    """Columns of the schema that are not there, and columns with data that planrapport does not read."""
    read = {p for p in positions.values() if p is not None}
    header = grid[header_index]
    unknown = {c: header[c] for c in range(len(header)) if c not in read and header[c] not in (None, "")}
    with_data = set(data_columns(grid, header_index + 1, read))  # the columns read need no look
    notes: list[ReadNote] = []
    missing = [c for c in spec.columns if positions[c.field] is None and not c.optional]
    for column in missing if has_rows else []:
        named = {str(v): c for c, v in unknown.items()}
        guess = closest(column.header, named)
        renamed = (guess, named[guess]) if guess else None
        if renamed:
            del unknown[renamed[1]]
            with_data.discard(renamed[1])
        consequence = (
            "Zonder die kolom mist het jaarrapport wat erin hoort."
            if column.essential
            else "Wat erin hoort, komt niet in de documenten."
        )
        notes.append(
            missing_column(spec, column.header, column.field, column.essential, header_index, renamed, consequence)
        )
    missing_headers = [c.header for c in missing]
    for column in sorted(with_data - read):
        name = unknown.get(column)
        guess = closest(str(name), missing_headers) if name is not None else None
        notes.append(unread_column(spec.name, title, name, column, header_index, guess))
    return notes
