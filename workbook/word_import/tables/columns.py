"""Tables with a column per field: one action per row (Resultaat | Actie | Timing | Trekker)."""

from __future__ import annotations

from workbook.word_import import labels
from workbook.word_import.document import Table
from workbook.word_import.tables.fields import ACTION_FIELDS


def action_header(header: list[str]) -> bool:
    words = [" ".join(h.casefold().split()).rstrip(":") for h in header]
    return "actie" in words and any(labels.label(h) and labels.label(h)[0] in ("timing", "lead") for h in header)


def action_table(rec, table: Table, header: list[str]) -> None:
    """Resultaat | Actie | Timing | Trekker: one action per row, under the result its first column names."""
    names = [labels.label(h)[0] if labels.label(h) else " ".join(h.casefold().split()) for h in header]
    for row in table.rows[1:]:
        cells = {names[c]: " ".join(line.text for line in row[c]).strip() for c in range(min(len(row), len(names)))}
        title = cells.get("actie") or cells.get("actions") or ""
        if not title:
            continue
        parent = rec.result or rec.operational
        code = cells.get("results", "").replace("**", "").strip().rstrip(".")
        for result in rec.builder.results:
            if str(result.values["Code"]) == code:
                parent = result
        first = next(line for cell in row for line in cell)
        action = rec.new_action(first, title, parent)
        if cells.get("timing"):
            action.values["Tijdstip"] = cells["timing"]
        for name in ("lead", "partners", "budget", "contact"):
            if cells.get(name):
                action.add(ACTION_FIELDS[name], cells[name])
    rec.action, rec.mode = None, ""
