"""Tables with a column per field, one item per row: Nr | Actie | Wie | Wanneer | Budget | Indicator, an export
with a column Niveau (SD / OD / Actie), or Resultaat | Acties | Indicator | Timing | Trekker with merged cells."""

from __future__ import annotations

import re

from workbook.word_import import labels
from workbook.word_import.document import Line, Table
from workbook.word_import.placing import Row
from workbook.word_import.tables.fields import ACTION_FIELDS
from workbook.word_import.tables.objectives import unnumbered_code
from workbook.word_import.tables.rows import flow

# Header words (casefolded, without a trailing colon or a bracket such as "(€)") -> the role of the column.
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "code": ("nr", "nr.", "nummer", "code", "#", "ref", "ref."),
    "level": ("niveau", "type", "soort", "level"),
    "title": ("actie", "acties", "activiteit", "activiteiten", "omschrijving", "titel", "beschrijving"),
    "strategic": ("strategische doelstelling", "strategische doelstellingen", "beleidsdoelstelling", "sd"),
    "operational": ("operationele doelstelling", "operationele doelstellingen", "actieplan", "od"),
    "results": ("resultaat", "resultaten", "verwacht resultaat", "beoogd resultaat"),
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
_FIELDS = ("lead", "partners", "timing", "budget", "status", "progress")
_CODE = re.compile(r"^[A-Z]{0,2}\s?(\d{1,2}(?:\.\d{1,2}){0,3})\.?$")
_BBC_OBJECTIVE = re.compile(r"^(?:BD|AP)\s?\d{1,}(?:\.\d{1,2})?$")
_BBC_ACTION = re.compile(r"^A\s?\d{3,}$")


def column_roles(header: list[str]) -> list[str | None]:
    """The role of each column; beside a column Actie, a column Omschrijving holds the action's description."""
    roles = [_ROLE.get(_words(text)) for text in header]
    titles = [c for c, role in enumerate(roles) if role == "title"]
    if len(titles) == 2 and _words(header[titles[1]]) in _DESCRIPTIONS:
        roles[titles[1]] = "description"
    elif len(titles) == 2 and _words(header[titles[0]]) in _DESCRIPTIONS:
        roles[titles[0]] = "description"
    return roles


_DESCRIPTIONS = ("omschrijving", "beschrijving")


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
        _item(rec, table, cells, merged, given)
    rec.action, rec.mode = None, ""


def _item(rec, table: Table, cells: dict[str, list[Line]], merged: set[str], given: dict[str, dict[str, str]]) -> None:
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
        _objective(rec, level == "strategic", code, lines, text, first, given)
    elif level == "result":
        _result(rec, lines, code)
        if rec.result is not None:
            result = str(rec.result.values["Code"])
            _held(rec, f"resultaat {result}", "Resultaten", result, text, first, given)
    else:
        for role in ("strategic", "operational"):  # a column per level: Strategische doelstelling | ... | Actie
            if cells.get(role) and role not in merged:
                _objective_cell(rec, role == "strategic", cells[role])
        if "results" in cells and "results" not in merged and text.get("results"):
            _result(rec, cells["results"])
        if lines:
            _actions(rec, cells, text, code, given, first)
        elif not (text.get("results") and "results" not in merged or text.get("indicator")):
            said = " | ".join(value for role, value in text.items() if value and role not in merged)
            rec.builder.note(first.position, said, "Niet geplaatst: rij zonder actie of resultaat.")
    if "indicator" in cells and "indicator" not in merged:  # under the row's item: objective, result or action
        for line in cells["indicator"]:
            rec.evaluation(line, line.text, labelled=True)


def _actions(
    rec, cells: dict[str, list[Line]], text: dict[str, str], code: str, given: dict[str, dict[str, str]], first: Line
) -> None:
    """The row's action (or one per bullet in its cell) with its fields, under the parent its number names."""
    lines = cells["title"]
    parent = _parent(rec, code)
    if parent is None:
        rec.builder.note(first.position, " | ".join(text.values()), "Niet geplaatst: actie zonder doelstelling.")
        return
    titles = lines if len(lines) > 1 and all(line.bullet for line in lines) else lines[:1]
    for line in titles:
        if len(titles) == 1 and _BBC_ACTION.match(code):
            rec.new_bbc_action(code.replace(" ", ""), line.text)  # A10900: the BBC code as printed
            action = rec.action
        else:
            action = rec.new_action(line, line.text, parent)
        if len(titles) == 1 and not _BBC_ACTION.match(code):
            _own_code(rec, action, code, parent, line)
            for extra in lines[1:]:
                action.add("Omschrijving", extra.text, extra.bullet)
        for extra in cells.get("description", []):
            action.add("Omschrijving", extra.text, extra.bullet)
        own = {role: value for role, value in text.items() if value}
        _fields(rec, action, {**_inherited(given, str(parent.values["Code"])), **own})
        for key, value in text.items():
            if key.startswith("?") and value:
                action.add("Omschrijving", f"{key[1:]}: {value}")


def _objective(
    rec,
    strategic: bool,
    code: str,
    lines: list[Line],
    text: dict[str, str],
    first: Line,
    given: dict[str, dict[str, str]] | None = None,
) -> None:
    title = " ".join(line.text for line in lines[:1]).strip()
    if _BBC_OBJECTIVE.match(code):
        code = code.replace(" ", "")  # BD109, AP1090: the BBC code as printed
    elif not _CODE.match(code):
        code = unnumbered_code(rec, strategic)
        rec.builder.note(first.position, title, f"Doelstelling zonder nummer: genummerd als {code}.")
    else:
        code = _CODE.match(code).group(1)
    rec.new_objective(code, title, strategic=strategic)
    for line in lines[1:]:
        rec.objective.add("Motivering", line.text, line.bullet)
    if given is not None:
        _held(rec, f"doelstelling {code}", "Doelstellingen", code, text, first, given)


def _held(rec, item: str, sheet: str, code: str, text: dict[str, str], first: Line, given) -> None:
    """The fields of an objective's or result's row, which its sheet has no column for: noted, and the lead,
    partners and timing given to each action under it that has none of its own."""
    fields = {role: text[role] for role in _FIELDS if text.get(role)}
    if not fields:
        return
    said = ", ".join(f"{_DUTCH[role]} '{value}'" for role, value in fields.items())
    passed = [_DUTCH[role] for role in _PASSED if role in fields]
    rec.builder.note(
        first.position,
        said,
        f"Bij {item}: het blad {sheet} heeft geen kolom voor {said}"
        + (f"; {' en '.join(passed)} gaan naar elke actie eronder die er zelf geen heeft." if passed else ".")
        + " Kijk het na op het blad Acties.",
    )
    given[code] = {role: value for role, value in fields.items() if role in _PASSED}


def _inherited(given: dict[str, dict[str, str]], code: str) -> dict[str, str]:
    """The fields an action takes from the objectives above it (the nearest first)."""
    fields: dict[str, str] = {}
    while code:
        for role, value in given.get(code, {}).items():
            fields.setdefault(role, value)
        code = code.rpartition(".")[0]
    return fields


# Fields of an objective's row that go to its actions; its budget and status are its own.
_PASSED = ("lead", "partners", "timing")


def _objective_cell(rec, strategic: bool, lines: list[Line]) -> None:
    """An objective in its own column: "SD 1: title" or "1 title" / "1.1 title", else numbered in order."""
    head = lines[0]
    if not rec.heading(head, head.text):
        plain = " ".join(head.plain.split())
        match = labels.NUMBER_SHAPE.match(plain)
        code = match.group(1) if match and match.group(1)[:1].isdigit() else ""
        _objective(rec, strategic, code, [Line(match.group(2) if code else head.text, head.position)], {}, head)
    for line in lines[1:]:
        rec.objective.add("Motivering", line.text, line.bullet)


def _same(lines: list[Line], above: list[Line] | None) -> bool:
    return bool(lines and above) and [line.plain for line in lines] == [line.plain for line in above]


_PARENTS = ("strategic", "operational", "results")
_DUTCH = {
    "lead": "trekker",
    "partners": "partners",
    "timing": "timing",
    "budget": "budget",
    "status": "status",
    "progress": "stand van zaken",
}
_FOLLOW_UP = {"status": "Status", "progress": "Stand van zaken"}


def _result(rec, lines: list[Line], code: str = "") -> None:
    if not lines:
        return
    if rec.operational is None:
        rec.result = None
        text = " ".join(line.plain for line in lines)
        rec.builder.note(lines[0].position, text, "Niet geplaatst: resultaat zonder operationele doelstelling erboven.")
        return
    head = lines[0]
    plain = head.plain.strip()
    for result in rec.builder.results:  # a column Resultaat that names a result written above the table
        if str(result.values["Code"]) == plain.rstrip("."):
            rec.result = result
            return
    rec.set_mode("results")
    rec.result = None
    rec.place(head, f"{code} {head.text}" if _CODE.match(code) and not labels.RESULT.match(plain) else head.text)
    for line in lines[1:]:
        rec.result.add("Resultaat", line.text, line.bullet)
    rec.mode = ""


def _parent(rec, code: str) -> Row | None:
    """The result or objective whose number the action's number continues ("1.1.2" under 1.1), else the latest."""
    if match := _CODE.match(code):
        prefix = match.group(1).rpartition(".")[0]
        for rows in (rec.builder.results, rec.builder.objectives):
            for row in rows:
                if str(row.values["Code"]) == prefix:
                    return row
    return rec.result or rec.operational


def _own_code(rec, action: Row, code: str, parent: Row, line: Line) -> None:
    """The number the table prints for the action, when it fits under its parent and is free."""
    match = _CODE.match(code)
    if not match or match.group(1) == action.values["Code"]:
        return
    printed = match.group(1)
    taken = {str(a.values["Code"]) for a in rec.builder.actions if a is not action}
    if printed.startswith(f"{parent.values['Code']}.") and printed not in taken:
        action.values["Code"] = printed
    else:
        rec.builder.note(line.position, code, f"Actie met nummer {code}: genummerd als {action.values['Code']}.")


def _fields(rec, action: Row, text: dict[str, str]) -> None:
    for role in _FIELDS:
        value = text.get(role, "")
        if not value:
            continue
        if role == "timing":
            action.values["Tijdstip"] = value
        elif role in _FOLLOW_UP:
            rec.builder.follow_up(str(action.values["Code"])).add(_FOLLOW_UP[role], value)
        else:
            action.add(ACTION_FIELDS[role], value)
