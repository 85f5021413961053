"""Budget tables: funder | description | amount into the sheet Begroting."""

from __future__ import annotations

import re

from workbook.plan.numbers import parse_number
from workbook.word_import import labels
from workbook.word_import.document import Line, Table

_AMOUNT_HEADER = re.compile(r"^(?:bedrag|budget|kost(?:prijs|en)?|gepland|raming)\b", re.IGNORECASE)
_DESCRIPTION_HEADER = re.compile(r"^(?:omschrijving|kostenpost|post|uitgave)", re.IGNORECASE)
TOTAL = re.compile(r"^(?:[a-z]+\s+)?(?:sub|eind)?totaal\b", re.IGNORECASE)  # "Subtotaal", "Algemeen totaal"
_EACH_YEAR = re.compile(r"elk\s+jaar\s+van\s+((?:19|20)\d\d)\s+tot\s+en\s+met\s+((?:19|20)\d\d)", re.IGNORECASE)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def budget_columns(header: list[str]) -> tuple[int | None, int, int | None] | None:
    """(funder, description, amount) columns of a budget table's header row, else None; amount None when the
    amounts stand in a column per year (`year_columns`)."""
    texts = [" ".join(h.split()) for h in header]
    amount = next((c for c, t in enumerate(texts) if _AMOUNT_HEADER.match(t)), None)
    description = next((c for c, t in enumerate(texts) if _DESCRIPTION_HEADER.match(t)), None)
    years = year_columns(header)
    if description is None or amount == description or amount is None and not years:
        return None
    taken = {amount, description, *years, *(c for c, t in enumerate(texts) if TOTAL.match(t))}
    funder = next((c for c in range(len(texts)) if c not in taken and texts[c]), None)
    return funder, description, None if years else amount


def year_columns(header: list[str]) -> dict[int, int]:
    """Column -> year of a budget table with a column per year: Omschrijving | 2026 | 2027 | 2028 | Totaal."""
    return {c: int(t.strip()) for c, t in enumerate(header) if re.fullmatch(r"\s*(?:19|20)\d\d\s*", t)}


def budget_table(rec, table: Table, header: list[str]) -> None:
    """Funder | description | amount into Begroting: an empty (merged) funder cell keeps the one above, a Totaal row
    is a sum, not a line; the year from the title above the table, else the plan period's first year."""
    funder_column, description_column, amount_column = budget_columns(header)
    per_year = year_columns(header)
    years, said = budget_years(rec.last_text, rec.builder.settings)
    funder_lines: list[Line] = []
    lines: list[dict[str, object]] = []
    for number, row in enumerate(table.rows[1:], start=2):
        cells = [[line for line in cell] for cell in row]
        text = [" ".join(line.plain for line in cell).strip() for cell in cells]
        if not any(text):
            continue
        where = f"{table.position}, rij {number}"
        if any(TOTAL.match(t) for t in text):
            rec.builder.note(where, " | ".join(text), "Totaal: geen begrotingslijn (planrapport telt zelf op).")
            continue
        if labels.is_table_header(text) or text == [" ".join(h.split()) for h in header]:
            continue
        note_here = False
        if funder_column is not None and funder_column < len(cells) and cells[funder_column]:
            funder_lines, note_here = cells[funder_column], True
        description = (
            " ".join(line.text for line in cells[description_column]).strip() if description_column < len(cells) else ""
        )
        if not description:
            rec.builder.note(where, " | ".join(text), "Niet geplaatst: begrotingsrij zonder omschrijving.")
            continue
        if amount_column is None:  # a line per year with an amount: the year of its column
            amounts = [(year, text[c]) for c, year in per_year.items() if c < len(text) and text[c]]
        else:
            amounts = [(None, text[amount_column] if amount_column < len(text) else "")]
        funder, note = _funder(funder_lines)
        for year, raw in amounts:
            parsed = parse_number(raw) if raw else None
            values: dict[str, object] = {
                "Jaar": year,
                "Soort financiering": funding_kind(funder, note),
                "Financier": funder,
                "Omschrijving": description,
            }
            if parsed is not None and parsed.value is not None:
                values["Gepland"] = int(parsed.value) if parsed.value.is_integer() else parsed.value
            elif raw:
                values["Opmerking"] = raw
            if note and note_here:  # the note stands once in the (merged) funder cell, with its first line
                values["Opmerking"] = note
            lines.append(values)
    if amount_column is None:
        rec.builder.budget += lines
        if any(TOTAL.match(" ".join(h.split())) for h in header):
            rec.builder.note(table.position, f"{table.position}: kolom Totaal", _TOTAL_COLUMN)
    else:
        rec.builder.budget += [{**values, "Jaar": year} for year in years for values in lines]
        if lines and not said:
            note_year(rec, table, years)
    rec.last_text = ""


_TOTAL_COLUMN = "Kolom Totaal: geen begrotingslijn (planrapport telt zelf op); een lijn per jaar met een bedrag."


# "Vlaamse integratiesubsidie – loonkost integratieambtenaar (0,8 VTE): € 41.000": a budget line as a bullet.
_BUDGET_BULLET = re.compile(r"^(.+?)\s+[\u2013\-]\s+(.+?)\s*:\s*(\u20ac\s*-?\d[\d.]*(?:,\d+)?)\s*$")
_BUDGET_CHAPTER = re.compile(r"begroting|budget|financ|middelen", re.IGNORECASE)


def budget_line(rec, line: Line) -> bool:
    """A bullet "funder – description: € amount" in a budget chapter after the objectives: a line of Begroting
    (the year the plan period's first, noted once); "Totaal: € ..." is a sum, not a line."""
    if rec.chapter is None or not _BUDGET_CHAPTER.search(rec.chapter.title):
        return False
    plain = " ".join(line.plain.split())
    if TOTAL.match(plain) and "\u20ac" in plain:
        rec.builder.note(line.position, plain, "Totaal: geen begrotingslijn (planrapport telt zelf op).")
        return True
    match = _BUDGET_BULLET.match(plain) if line.bullet else None
    if match is None:
        return False
    funder, description, raw = (part.strip() for part in match.groups())
    parsed = parse_number(raw)
    years, said = budget_years("", rec.builder.settings)
    values = {
        "Jaar": years[0],
        "Soort financiering": funding_kind(funder, ""),
        "Financier": funder,
        "Omschrijving": description,
        "Gepland": int(parsed.value) if parsed.value is not None and parsed.value.is_integer() else parsed.value,
    }
    if not any(note.text == f"{rec.chapter.position}: begroting" for note in rec.builder.notes):
        rec.builder.note(
            rec.chapter.position,
            f"{rec.chapter.position}: begroting",
            f"Het jaar van de begroting staat niet bij de lijnen; de import nam {years[0]}, het eerste jaar van de "
            "planperiode. Kopieer de rijen op het blad Begroting voor de andere jaren als de begroting elk jaar "
            "dezelfde is.",
        )
    rec.builder.budget.append(values)
    return True


def note_year(rec, table: Table, years: list[int | None]) -> None:
    """The Import sheet says which year the import gave a budget table whose year the document does not say."""
    year = years[0] if years else None
    rec.builder.note(
        table.position,
        f"{table.position}: begroting",
        f"Het jaar van de begroting staat niet bij de tabel; de import nam {year}, het eerste jaar "
        "van de planperiode. Kopieer de rijen op het blad Begroting voor de andere jaren als de "
        "begroting elk jaar dezelfde is."
        if year
        else "Het jaar van de begroting staat niet in het document; vul de kolom Jaar in op het blad Begroting.",
    )


def budget_years(title: str, settings: dict[str, object]) -> tuple[list[int | None], bool]:
    """The years a budget table stands for, and whether the document said so."""
    if match := _EACH_YEAR.search(title):
        return list(range(int(match.group(1)), int(match.group(2)) + 1)), True
    if re.fullmatch(r"zonder\s+jaartal", title.strip(), re.IGNORECASE):
        return [None], True
    if (match := _YEAR.search(title)) and len(title) < 40:
        return [int(match.group(1))], True
    start = settings.get("Beginjaar")
    return [int(start) if start else None], False


def _funder(lines: list[Line]) -> tuple[str, str]:
    """(funder, note): "Vlaamse Gemeenschap (62.000 euro)" gives the funder before the brackets and the whole as note;
    a second line in the cell is the note."""
    if not lines:
        return "", ""
    first = lines[0].plain.strip()
    note = " ".join(line.plain.strip() for line in lines[1:])
    if not note and "(" in first and not first.startswith("("):
        return first.split("(", 1)[0].strip(), first
    return first, note


def funding_kind(funder: str, note: str) -> str:
    words = f"{funder} {note}".casefold()
    if "vlaams" in words or "vlaanderen" in words:
        return "Vlaamse subsidie"
    if any(w in words for w in ("cofinanciering", "eigen middelen", "stad", "gemeente", "ocmw")):
        return "Eigen middelen gemeente"
    if "subsidie" in words:
        return "Andere subsidie"
    return "Andere"
