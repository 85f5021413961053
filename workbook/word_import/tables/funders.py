"""Budget tables with a column per funder: Actie | Subsidie Vlaanderen | Eigen middelen | Totaal, each filled
funder cell one line of Begroting."""

from __future__ import annotations

import re

from workbook.plan.numbers import parse_number
from workbook.word_import.document import Table
from workbook.word_import.tables.budget import TOTAL, budget_years, funding_kind, note_year

_AMOUNT = re.compile(r"^(?:\u20ac\s*)?-?\d[\d.\s]*(?:,\d+)?(?:\s*(?:\u20ac|euro|EUR))?$", re.IGNORECASE)
_MEASURE = re.compile(r"^(?:(?:19|20)\d\d|nulmeting|streefwaarde|norm|doel)", re.IGNORECASE)
_EMPTY = ("", "-", "\u2013", "/", "nvt", "n.v.t.")


def funder_columns(table: Table) -> tuple[int, list[int]] | None:
    """(description column, funder columns): the first column text, the others named in the header with amounts
    under them (a column Totaal is a sum, not a funder); None for other tables."""
    header = [" ".join(table.cell_text(0, c).split()) for c in range(len(table.rows[0]))]
    body = table.rows[1:]
    if len(header) < 2 or not header[0] or not body or any(len(row) != len(header) for row in body):
        return None
    funders = []
    for column in range(1, len(header)):
        cells = [" ".join(line.plain for line in row[column]).strip() for row in body]
        filled = [text for text in cells if text.casefold() not in _EMPTY]
        if not header[column] or _MEASURE.match(header[column]) or not filled:
            return None  # a column per year or a baseline and target: an indicator table
        if not all(_AMOUNT.match(text) for text in filled):
            return None
        if not TOTAL.match(header[column]):
            funders.append(column)
    if not funders or not any(
        "\u20ac" in table.cell_text(r, c) or "euro" in table.cell_text(r, c).casefold()
        for r in range(len(table.rows))
        for c in range(len(header))
    ):
        return None
    return 0, funders


def funder_table(rec, table: Table) -> None:
    """Each filled funder cell one budget line: the funder the column's name, the description the row's first
    cell; a row Totaal is a sum (noted, not a line)."""
    description_column, funders = funder_columns(table)
    header = [" ".join(table.cell_text(0, c).split()) for c in range(len(table.rows[0]))]
    years, said = budget_years(rec.last_text, rec.builder.settings)
    lines: list[dict[str, object]] = []
    for number, row in enumerate(table.rows[1:], start=2):
        texts = [" ".join(line.plain for line in cell).strip() for cell in row]
        if not any(texts):
            continue
        where = f"{table.position}, rij {number}"
        if TOTAL.match(texts[description_column]):
            rec.builder.note(where, " | ".join(texts), "Totaal: geen begrotingslijn (planrapport telt zelf op).")
            continue
        description = " ".join(line.text for line in row[description_column]).strip()
        if not description:
            rec.builder.note(where, " | ".join(texts), "Niet geplaatst: begrotingsrij zonder omschrijving.")
            continue
        for column in funders:
            raw = texts[column]
            if raw.casefold() in _EMPTY:
                continue
            parsed = parse_number(raw)
            values: dict[str, object] = {
                "Soort financiering": funding_kind(header[column], ""),
                "Financier": header[column],
                "Omschrijving": description,
            }
            if parsed.value is not None:
                values["Gepland"] = int(parsed.value) if parsed.value.is_integer() else parsed.value
            else:
                values["Opmerking"] = raw
            lines.append(values)
    rec.builder.budget += [{"Jaar": year, **values} for year in years for values in lines]
    if lines and not said:
        note_year(rec, table, years)
    rec.last_text = ""
