"""The items of one row of a table with a column per field: its objective, result or actions, with their fields."""

from __future__ import annotations

import re

from workbook.word_import import labels
from workbook.word_import.document import Line
from workbook.word_import.placing import Row
from workbook.word_import.tables.rows import result_cell_lines

_FIELDS = ("lead", "partners", "timing", "budget", "status", "progress")
_CODE = re.compile(r"^[A-Z]{0,2}\s?(\d{1,2}(?:\.\d{1,2}){0,3})\.?$")
_BBC_OBJECTIVE = re.compile(r"^(?:BD|AP)\s?\d{1,}(?:\.\d{1,2})?$")
_BBC_ACTION = re.compile(r"^A\s?\d{3,}$")


def place_actions(
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


def place_objective(
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
        hold_fields(rec, f"doelstelling {code}", "Doelstellingen", code, text, first, given)


def hold_fields(rec, item: str, sheet: str, code: str, text: dict[str, str], first: Line, given) -> None:
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


def place_objective_cell(rec, strategic: bool, lines: list[Line]) -> None:
    """An objective in its own column: "SD 1: title" or "1 title" / "1.1 title", else numbered in order."""
    head = lines[0]
    rest = lines[1:]
    if (code := re.fullmatch(r"(\d{1,2}(?:\.\d{1,2})?)\.?", head.plain.strip())) and rest:
        # "1.1" alone, the title in the next paragraph of the cell
        place_objective(rec, strategic, code.group(1), rest[:1], {}, head)
        rest = rest[1:]
    elif not rec.heading(head, head.text):
        plain = " ".join(head.plain.split())
        match = labels.NUMBER_SHAPE.match(plain)
        code = match.group(1) if match and match.group(1)[:1].isdigit() else ""
        place_objective(rec, strategic, code, [Line(match.group(2) if code else head.text, head.position)], {}, head)
    elif rec.awaiting_title and rest:  # "SD 1" alone, the title in the next paragraph of the cell
        rec.objective.values["Titel"] = " ".join(rest[0].plain.split()).rstrip(":")
        rec.awaiting_title, rest = False, rest[1:]
    for line in rest:
        rec.objective.add("Motivering", line.text, line.bullet)


_DUTCH = {
    "lead": "trekker",
    "partners": "partners",
    "timing": "timing",
    "budget": "budget",
    "status": "status",
    "progress": "stand van zaken",
}
_FOLLOW_UP = {"status": "Status", "progress": "Stand van zaken"}


def place_result(rec, lines: list[Line], code: str = "") -> None:
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
        if str(result.values["Code"]) == plain.rstrip(".)"):
            rec.result = result
            return
    rec.set_mode("results")
    rec.result = None
    rec.place(head, f"{code} {head.text}" if _CODE.match(code) and not labels.RESULT.match(plain) else head.text)
    result_cell_lines(rec, lines[1:])
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
            action.add(labels.ACTION_COLUMNS[role], value)


def unnumbered_code(rec, strategic: bool) -> str:
    """The next free code: "3" after strategic objectives 1 and 2, "2.4" under strategic objective 2."""
    if strategic:
        return str(sum(1 for o in rec.builder.objectives if "." not in str(o.values["Code"])) + 1)
    parent = str(rec.strategic.values["Code"]) if rec.strategic is not None else "0"
    return rec.builder.next_code(parent, rec.builder.objectives)
