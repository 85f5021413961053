"""Indicator tables: indicators as rows, with a baseline, a target and a column per year."""

from __future__ import annotations

import re

from workbook.plan.numbers import parse_number
from workbook.word_import.document import Table

PERIOD = re.compile(r"^(?:19|20)\d\d\b")
_MEASURE = re.compile(r"^(nulmeting|streefwaarde|norm|(?:19|20)\d\d)", re.IGNORECASE)


def year_table(rec, table: Table, header: list[str]) -> None:
    """Indicators as rows, periods as columns ("2021 (juni-december)", "2022"): indicators and measurements."""
    parent = rec.action or rec.result or rec.operational
    rec.table_rows = []
    rec.table_first = None
    for row in table.rows[1:]:
        name = " ".join(line.text for line in row[0]) if row else ""
        if not name.strip():
            continue
        indicator = rec.builder.indicator(str(parent.values["Code"]), name, "Jaarlijks")
        code = indicator.values["Code"]
        rec.table_first = rec.table_first or indicator
        for column, cell in enumerate(row[1:], start=1):
            raw = " ".join(line.plain for line in cell).strip()
            if not raw or column >= len(header):
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


def indicator_header(header: list[str]) -> bool:
    first = header[0].casefold().strip()
    return (
        len(header) > 1
        and (first.startswith("indicator") or first.startswith("prestatie"))
        and any(_MEASURE.match(h.strip()) for h in header[1:])
    )


def indicator_table(rec, table: Table, header: list[str]) -> None:
    """Indicators as rows with nulmeting, streefwaarde and year columns."""
    parent = rec.result or rec.operational or rec.strategic
    for row in table.rows[1:]:
        name = " ".join(line.text for line in row[0]).strip() if row else ""
        if not name:
            continue
        indicator = rec.builder.indicator(str(parent.values["Code"]), name)
        for column, cell in enumerate(row[1:], start=1):
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
    rec.mode = ""
