"""Indicator tables: indicators as rows, with a baseline, a target and a column per year."""

from __future__ import annotations

import re

from workbook.plan.numbers import parse_number
from workbook.word_import import headings, labels
from workbook.word_import.document import Table

PERIOD = re.compile(r"^(?:19|20)\d\d\b")
_MEASURE = re.compile(r"^(nulmeting|streefwaarde|norm|(?:19|20)\d\d)", re.IGNORECASE)


def year_table(rec, table: Table, header: list[str]) -> None:
    """Indicators as rows, periods as columns ("2021 (juni-december)", "2022"): indicators and measurements."""
    parent = rec.action or rec.result or rec.operational
    rec.table_rows = []
    rec.table_first = None
    kinds = _row_kinds(table)
    indicator = None
    for number, row in enumerate(table.rows[1:], start=1):
        name = " ".join(line.text for line in row[0]) if row else ""
        kind = kinds.get(number, "")
        if not name.strip() and not (kind and indicator is not None):
            continue
        if name.strip() and _names_objective(rec, row, header, name):
            parent = _named(rec, row[0][0]) or parent
            continue
        if name.strip():
            indicator = rec.builder.indicator(str(parent.values["Code"]), name, "Jaarlijks")
        code = indicator.values["Code"]
        rec.table_first = rec.table_first or indicator
        if kind == "target":
            _targets(rec, indicator, table, number, header)
            continue
        for column, cell in enumerate(row[1:], start=1):
            raw = " ".join(line.plain for line in cell).strip()
            if not raw or column >= len(header) or (kinds and column == 1):
                continue
            parsed = parse_number(raw)
            values: dict[str, object] = {"Indicator": code, "Periode": header[column].strip()}
            if parsed.value is not None and not parsed.percent:
                values["Waarde"] = int(parsed.value) if parsed.value.is_integer() else parsed.value
            share = parsed.share if parsed.share is not None else (parsed.value if parsed.percent else None)
            if share is not None:
                values["Aandeel"] = int(share) if float(share).is_integer() else share
            if parsed.value is None and share is None:
                values["Opmerking"] = raw
            if raw.endswith("*"):
                values["_ster"] = True
            rec.builder.measurements.append(values)
            rec.table_rows.append((indicator, values))
    if rec.table_first is not None:
        rec.mode = "table_notes"
    first = table.rows[0][0][0] if table.rows[0] and table.rows[0][0] else None
    rec.builder.note(
        first.position if first else table.position,
        f"{table.position}: jaartabel",
        "Tijdstip 'Jaarlijks' afgeleid uit de jaarkolommen; soort, eenheid en richting niet ingevuld.",
    )


_TARGET_ROW = re.compile(r"^(?:streefwaarde|streefcijfer|doel|doelwaarde|norm|target)s?$", re.IGNORECASE)
_VALUE_ROW = re.compile(r"^(?:realisatie|gerealiseerd|gemeten|meting|resultaat|werkelijk|behaald)$", re.IGNORECASE)


def _row_kinds(table: Table) -> dict[int, str]:
    """Row -> "target" or "value" when the second column says what the row holds (Streefwaarde / Realisatie under
    one indicator); empty when it does not."""
    kinds: dict[int, str] = {}
    for number in range(1, len(table.rows)):
        words = " ".join(table.cell_text(number, 1).split()).rstrip(":")
        if _TARGET_ROW.match(words):
            kinds[number] = "target"
        elif _VALUE_ROW.match(words):
            kinds[number] = "value"
    return kinds


def _targets(rec, indicator, table: Table, number: int, header: list[str]) -> None:
    """A row of targets per year: the last is the indicator's Streefwaarde and Streefjaar, all of them in Toelichting
    (they are no measurements)."""
    found = []
    for column in range(2, min(len(table.rows[number]), len(header))):
        raw = table.cell_text(number, column).strip()
        if raw and (parsed := parse_number(raw)).value is not None:
            found.append((header[column].strip(), parsed.value))
    if not found:
        return
    year, value = found[-1]
    indicator.values["Streefwaarde"] = int(value) if float(value).is_integer() else value
    if match := PERIOD.match(year):
        indicator.values["Streefjaar"] = int(match.group(0))
    said = "; ".join(f"{y}: {int(v) if float(v).is_integer() else v}" for y, v in found)
    indicator.add("Toelichting", f"Streefwaarde per jaar: {said}")


def values_header(header: list[str]) -> bool:
    """Jaar | Waarde: the values per year of the indicator above the table."""
    words = [" ".join(h.casefold().split()).rstrip(":") for h in header]
    return len(words) >= 2 and words[0] in ("jaar", "periode", "meetjaar") and all(words[1:])


def values_table(rec, table: Table) -> None:
    """A row per period under the latest indicator: its measurements (an empty cell: not measured yet)."""
    indicator = rec.builder.indicators[-1]
    code = indicator.values["Code"]
    for row in table.rows[1:]:
        period = " ".join(line.plain for line in row[0]).strip() if row else ""
        raw = " ".join(line.plain for line in row[1]).strip() if len(row) > 1 else ""
        if not period or not raw:
            continue
        parsed = parse_number(raw)
        values: dict[str, object] = {"Indicator": code, "Periode": period}
        if parsed.value is not None:
            values["Waarde"] = int(parsed.value) if parsed.value.is_integer() else parsed.value
        else:
            values["Opmerking"] = raw
        rec.builder.measurements.append(values)
    rec.builder.note(table.position, f"{table.position}: Jaar | Waarde", f"Metingen van indicator {code}.")
    rec.mode = ""


def indicator_header(header: list[str]) -> bool:
    first = header[0].casefold().strip()
    return (
        len(header) > 1
        and (first.startswith("indicator") or first.startswith("prestatie"))
        and any(_MEASURE.match(h.strip()) for h in header[1:])
    )


# The first column of an indicator table that names the result or objective of each row by its code.
_CODE_COLUMN = re.compile(
    r"^(?:resultaat|resultaten|doelstelling|operationele doelstelling|od|actieplan|code|nr\.?|nummer)$", re.IGNORECASE
)


def coded_indicator_header(header: list[str]) -> bool:
    """Resultaat | Indicator | Nulmeting 2025 | Streefwaarde 2031: indicators with the code of their result first,
    as a plan lists them in a chapter of their own after the objectives."""
    return (
        len(header) > 2
        and bool(_CODE_COLUMN.match(" ".join(header[0].split()).rstrip(":")))
        and (indicator_header(header[1:]))
    )


def indicator_table(rec, table: Table, header: list[str], coded: bool = False) -> None:
    """Indicators as rows with nulmeting, streefwaarde and year columns; a second header row under a merged one
    ("Opvolging per jaar" over 2026 ... 2031) names the columns under it; a row across the table that names an
    objective ("AP 1.1 title") puts the indicators under it below that objective. `coded`: the first column holds
    the code of each row's result or objective (empty or merged: the one above)."""
    parent = rec.result or rec.operational or rec.strategic
    header, start = _two_rows(table, header)
    first = 1 if coded else 0
    for number, row in enumerate(table.rows[start:], start=start):
        if coded:
            parent = _coded_parent(rec, table, number, parent)
            if parent is None:
                continue
        name = " ".join(line.text for line in row[first]).strip() if len(row) > first else ""
        if not name:
            continue
        if not coded and _names_objective(rec, row, header, name):
            parent = _named(rec, row[0][0]) or parent
            continue
        indicator = rec.builder.indicator(str(parent.values["Code"]), name)
        sources: list[tuple[str, str]] = []
        for column, cell in enumerate(row[first + 1 :], start=first + 1):
            raw = " ".join(line.plain for line in cell).strip()
            if not raw or column >= len(header):
                continue
            head = header[column].strip()
            year = re.search(r"(?:19|20)\d\d", head)
            parsed = parse_number(raw)
            if head.casefold().startswith("nulmeting"):
                indicator.values["Nulmeting waarde"] = parsed.value if parsed.value is not None else raw
                if year:
                    indicator.values["Nulmeting jaar"] = int(year.group(0))
            elif head.casefold().startswith("streefwaarde"):
                indicator.values["Streefwaarde"] = parsed.value if parsed.value is not None else raw
                if year:
                    indicator.values["Streefjaar"] = int(year.group(0))
            elif PERIOD.match(head):
                values: dict[str, object] = {"Indicator": indicator.values["Code"], "Periode": head}
                if parsed.value is not None:
                    values["Waarde"] = parsed.value
                else:
                    values["Opmerking"] = raw
                rec.builder.measurements.append(values)
            elif " ".join(head.casefold().split()).rstrip(":") == "bron":
                sources.append((head, raw))  # given to the row's measurements, once they are all read
            else:
                _other_column(rec, indicator, head, raw)
        for head, raw in sources:
            _other_column(rec, indicator, head, raw)
    rec.mode = ""
    if coded:
        rec.builder.note(
            table.position,
            f"{table.position}: {header[0]} | {header[1]} | ...",
            "Indicatortabel: elke indicator geplaatst onder het resultaat of de doelstelling die de eerste kolom "
            "noemt (een lege cel: dezelfde als erboven).",
        )


# Columns of an indicator table beside its figures, by their header, to the column of Indicatoren they fill.
_INDICATOR_COLUMNS = {
    "eenheid": "Eenheid",
    "soort": "Soort",
    "gewenste richting": "Gewenste richting",
    "richting": "Gewenste richting",
    "norm": "Norm",
    "toelichting": "Toelichting",
    "opmerking": "Toelichting",
    "opmerkingen": "Toelichting",
}


def _other_column(rec, indicator, head: str, raw: str) -> None:
    """A column beside the figures: Eenheid, Richting, Norm to their column of Indicatoren, Bron to each measurement
    of the indicator (in Toelichting when it has none), any other as "header: value" in Toelichting."""
    words = " ".join(head.casefold().split()).rstrip(":")
    if words in _INDICATOR_COLUMNS:
        indicator.values[_INDICATOR_COLUMNS[words]] = raw
        return
    if words == "bron":
        code = indicator.values["Code"]
        measured = [values for values in rec.builder.measurements if values["Indicator"] == code]
        for values in measured:
            values["Bron"] = raw
        if measured:
            return
    indicator.add("Toelichting", f"{head}: {raw}" if head else raw)


def _coded_parent(rec, table: Table, number: int, above):
    """The result or objective the code cell of row `number` names; an empty cell goes on with the one above. A
    code the plan does not have: the row is noted, not placed (None)."""
    raw = table.cell_text(number, 0).strip()
    if not raw:
        return above
    code = re.sub(r"\s+", "", raw).rstrip(".")
    for row in (*rec.builder.results, *rec.builder.objectives):
        if str(row.values["Code"]) == code:
            return row
    cells = table.rows[number]
    first = cells[0][0] if cells and cells[0] else None
    rec.builder.note(
        first.position if first else table.position,
        " | ".join(table.cell_text(number, c) for c in range(len(cells))),
        f"Niet geplaatst: de indicatortabel noemt {raw}, maar het plan heeft geen resultaat of doelstelling met die "
        "code. Zet de indicator zelf op het blad Indicatoren.",
    )
    return None


def _names_objective(rec, row, header: list[str], name: str) -> bool:
    """A row across the table (or with only its first cell filled) that names an objective: "AP 1.1 title"."""
    across = len(row) < len(header) and len(row) <= 2 or not any(cell for cell in row[1:])
    return across and rec.heading_like(" ".join(name.replace("**", "").split()))


def _two_rows(table: Table, header: list[str]) -> tuple[list[str], int]:
    """The column names and the first row of values: a second row of years or measures under the header (its first
    cell empty, merged with the one above) completes the header."""
    if len(table.rows) < 2:
        return header, 1
    second = [table.cell_text(1, c).strip() for c in range(len(table.rows[1]))]
    if second[0] or not any(second) or not all(not t or PERIOD.match(t) or _MEASURE.match(t) for t in second):
        return header, 1
    return [second[c] or (header[c] if c < len(header) else "") for c in range(len(second))], 2


def _named(rec, line) -> object | None:
    """The objective or result a row across the table names by its code, if the document has it; else the row is
    read as a heading of its own."""
    plain = " ".join(line.plain.split())
    for pattern in (headings.BBC_PLAN, headings.OPERATIONAL, headings.BBC_OBJECTIVE, headings.STRATEGIC, labels.RESULT):
        if match := pattern.match(plain):
            code = match.group(1).replace(" ", "")
            for row in (*rec.builder.results, *rec.builder.objectives):
                if str(row.values["Code"]) == code:
                    return row
    rec.line(line)
    return rec.result or rec.operational
