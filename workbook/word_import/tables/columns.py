"""Tables with a column per field, one item per row: Nr | Actie | Wie | Wanneer | Budget | Indicator, an export
with a column Niveau (SD / OD / Actie), or Resultaat | Acties | Indicator | Timing | Trekker with merged cells."""

from __future__ import annotations

import re

from workbook.plan.numbers import parse_number
from workbook.word_import import labels
from workbook.word_import.document import Line, Table
from workbook.word_import.tables.column_items import (
    hold_fields,
    place_actions,
    place_objective,
    place_objective_cell,
    place_result,
)
from workbook.word_import.tables.rows import flow

# Header words (casefolded, without a trailing colon or a bracket such as "(€)") -> the role of the column.
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "code": ("nr", "nr.", "nummer", "code", "#", "ref", "ref."),
    "level": ("niveau", "type", "soort", "level"),
    "title": (
        "actie",
        "acties",
        "activiteit",
        "activiteiten",
        "omschrijving",
        "titel",
        "beschrijving",
        "initiatief",
        "initiatieven",
        "maatregel",
        "maatregelen",
    ),
    "strategic": ("strategische doelstelling", "strategische doelstellingen", "beleidsdoelstelling", "sd"),
    "operational": ("operationele doelstelling", "operationele doelstellingen", "actieplan", "od"),
    "results": (
        "resultaat",
        "resultaten",
        "verwacht resultaat",
        "beoogd resultaat",
        "bij resultaat",
        "hoort bij resultaat",
        "resultaat en indicator",
        "resultaat en indicatoren",
        "resultaten en indicatoren",
    ),
    "lead": ("wie", "trekker", "verantwoordelijke", "verantwoordelijk", "verantwoordelijke dienst", "eigenaar"),
    "partners": ("met wie", "partners", "partner", "betrokken partners"),
    "timing": ("wanneer", "timing", "planning", "periode", "termijn", "tijdstip", "timing/planning", "looptijd"),
    "budget": ("budget", "kostprijs", "middelen", "kosten", "raming", "budget/personeelsinzet"),
    "indicator": ("indicator", "indicatoren", "meten", "evaluatie", "wijze en tijdstip evaluatie"),
    "status": ("status",),
    "progress": ("stand van zaken", "voortgang"),
}
_ROLE = {word: role for role, words in ROLE_WORDS.items() for word in words}
# What a Niveau cell says: the level of the row.
_LEVELS = {
    "sd": "strategic",
    "strategische doelstelling": "strategic",
    "strategisch": "strategic",
    "beleidsdoelstelling": "strategic",
    "od": "operational",
    "operationele doelstelling": "operational",
    "operationeel": "operational",
    "actieplan": "operational",
    "resultaat": "result",
    "r": "result",
    "actie": "action",
    "a": "action",
    "indicator": "indicator",
}


def column_roles(header: list[str]) -> list[str | None]:
    """The role of each column; beside a column Actie, a column Omschrijving holds the action's description; beside
    a column Indicator, Nulmeting (2025) and Streefwaarde (2031) hold its baseline and target."""
    roles = [_ROLE.get(_words(text)) for text in header]
    if "indicator" in roles:
        for column, text in enumerate(header):
            if roles[column] is None and (measure := _MEASURE_COLUMN.match(_words(text))):
                roles[column] = "baseline" if measure.group(1) == "nulmeting" else "target"
    titles = [c for c, role in enumerate(roles) if role == "title"]
    if len(titles) == 2 and _words(header[titles[1]]) in _DESCRIPTIONS:
        roles[titles[1]] = "description"
    elif len(titles) == 2 and _words(header[titles[0]]) in _DESCRIPTIONS:
        roles[titles[0]] = "description"
    return roles


_DESCRIPTIONS = ("omschrijving", "beschrijving")
_MEASURE_COLUMN = re.compile(r"^(nulmeting|streefwaarde)(?:\s+(?:19|20)\d\d)?$")


def _words(text: str) -> str:
    words = " ".join(re.sub(r"\([^)]*\)", "", text.replace("**", "")).casefold().split())
    return words.rstrip(":").strip()


def is_item_table(header: list[str]) -> bool:
    """A header of known columns, among them the item's text and at least one field, a number or a level (not
    Resultaten | Acties | Evaluatie, one result per row); a column the workbook does not know ("Opmerkingen") only
    beside at least three known ones."""
    roles = column_roles(header)
    named = [role for role, text in zip(roles, header, strict=True) if text.strip()]
    known = [role for role in named if role is not None]
    if len(set(known)) != len(known) or "title" not in known and "results" not in known:
        return False
    if len(known) < len(named) and len(known) < 3:
        return False
    return any(role in known for role in ("code", "level", "lead", "timing", "budget", "partners", "status"))


def item_table(rec, table: Table) -> None:
    """Each row one item: its level from the column Niveau (else an action), its parent from its number ("1.1.2"
    under 1.1) or the item above; a row across the table (one cell) is read as a paragraph ("SD 1 title"); a cell
    merged with the one above keeps its value."""
    header = [table.cell_text(0, c) for c in range(len(table.rows[0]))]
    roles = column_roles(header)
    other = {c: " ".join(header[c].split()) for c, role in enumerate(roles) if role is None and header[c].strip()}
    if other:
        named = ", ".join(f"'{name}'" for name in other.values())
        rec.builder.note(
            table.position,
            named,
            f"Kolom {named}: het werkboek heeft er geen kolom voor; per actie in haar Omschrijving gezet.",
        )
    above: dict[str, list[Line]] = {}
    given: dict[str, dict[str, str]] = {}  # objective code -> the lead, partners and timing its row gives
    for number, row in enumerate(table.rows[1:], start=1):
        texts = [" ".join(line.plain for line in cell).strip() for cell in row]
        if not any(texts) or [_words(t) for t in texts] == [_words(h) for h in header]:
            continue  # empty, or the header repeated on a new page
        if len(row) == 1 or len(row) < len(roles) and sum(bool(t) for t in texts) == 1:
            flow(rec, row)
            continue
        if len(row) < len(roles) and (found := labels.label(texts[0])) is not None and not found[1]:
            # "Indicator | text" with the text across the other columns: a field of the table's objective
            rec.result = rec.action = None
            flow(rec, row)
            continue
        cells: dict[str, list[Line]] = {}
        merged: set[str] = set()
        for column, role in enumerate(roles[: len(row)]):
            if role is None:
                if column in other and row[column]:
                    cells[f"?{other[column]}"] = row[column]
                continue
            if (number, column) in table.continued or role in _PARENTS and _same(row[column], above.get(role)):
                merged.add(role)  # merged with the cell above, or the same objective or result written again
                cells[role] = above.get(role, [])
            else:
                cells[role] = row[column]
        above = cells
        _item(rec, table, cells, merged, given, {role: header[c] for c, role in enumerate(roles) if role})
    rec.action, rec.mode = None, ""


def _item(
    rec,
    table: Table,
    cells: dict[str, list[Line]],
    merged: set[str],
    given: dict[str, dict[str, str]],
    headers: dict[str, str],
) -> None:
    text = {role: " ".join(line.text for line in lines).strip() for role, lines in cells.items()}
    code = text.get("code", "").replace("**", "").strip()
    level = _LEVELS.get(_words(text.get("level", "")), "action" if "level" not in cells else None)
    lines = cells.get("title") or []
    first = next((line for lines_ in cells.values() for line in lines_), None)
    if first is None:
        return
    if "level" in cells and level is None:
        rec.builder.note(first.position, " | ".join(text.values()), "Niet geplaatst: het niveau werd niet herkend.")
        return
    if level == "indicator":
        for line in lines:
            rec.evaluation(line, line.text, labelled=True)
        return
    if level in ("strategic", "operational"):
        place_objective(rec, level == "strategic", code, lines, text, first, given)
    elif level == "result":
        place_result(rec, lines, code)
        if rec.result is not None:
            result = str(rec.result.values["Code"])
            hold_fields(rec, f"resultaat {result}", "Resultaten", result, text, first, given)
    else:
        for role in ("strategic", "operational"):  # a column per level: Strategische doelstelling | ... | Actie
            if cells.get(role) and role not in merged:
                place_objective_cell(rec, role == "strategic", cells[role])
        if "results" in cells and "results" not in merged and text.get("results"):
            place_result(rec, cells["results"])
        if lines:
            place_actions(rec, cells, text, code, given, first)
        elif not (text.get("results") and "results" not in merged or text.get("indicator")):
            said = " | ".join(value for role, value in text.items() if value and role not in merged)
            rec.builder.note(first.position, said, "Niet geplaatst: rij zonder actie of resultaat.")
    if "indicator" in cells and "indicator" not in merged:  # under the row's item: objective, result or action
        known = len(rec.builder.indicators)
        for line in cells["indicator"]:
            rec.evaluation(line, line.text, labelled=True)
        if len(rec.builder.indicators) == known + 1:
            _measures(rec.builder.indicators[-1], text, headers)


def _measures(indicator, text: dict[str, str], headers: dict[str, str]) -> None:
    """The Nulmeting and Streefwaarde cells of the row into the indicator, with the year their header names."""
    for role, value_column, year_column in (
        ("baseline", "Nulmeting waarde", "Nulmeting jaar"),
        ("target", "Streefwaarde", "Streefjaar"),
    ):
        raw = text.get(role, "").replace("**", "").strip()
        if not raw:
            continue
        parsed = parse_number(raw)
        indicator.values[value_column] = (
            (int(parsed.value) if parsed.value.is_integer() else parsed.value) if parsed.value is not None else raw
        )
        if year := re.search(r"(?:19|20)\d\d", headers.get(role, "")):
            indicator.values[year_column] = int(year.group(0))


def _same(lines: list[Line], above: list[Line] | None) -> bool:
    return bool(lines and above) and [line.plain for line in lines] == [line.plain for line in above]


_PARENTS = ("strategic", "operational", "results")
