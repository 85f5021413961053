"""Tables with the level in the margin: a narrow first column of labels (Doel, Resultaat, Actie, Meten) and the
text beside it, one row per item; an empty label goes on with the item above."""

from __future__ import annotations

import re

from workbook.word_import import labels
from workbook.word_import.document import Line, Table
from workbook.word_import.placing import Row
from workbook.word_import.tables.column_items import unnumbered_code

# Labels of the margin column that name an objective, with whether they say which kind (None: by its number).
_OBJECTIVE_WORDS: dict[str, bool | None] = {
    "doel": None,
    "doelstelling": None,
    "strategische doelstelling": True,
    "beleidsdoelstelling": True,
    "sd": True,
    "operationele doelstelling": False,
    "actieplan": False,
    "od": False,
}
# Margin labels for the evaluation beside those labels.label knows ("Indicator", "Evaluatie").
_MEASURE_WORDS = ("meten", "meting", "hoe meten", "opvolging")
_LEVELS = ("results", "actions", "evaluation")
_PLURALS = ("resultaten", "acties", "activiteiten", "verwachte resultaten")
_CODE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})?)\.?\s+(\S.*)$", re.DOTALL)


def margin_kind(text: str) -> str | None:
    """What a margin label names: "objective", "results", "actions", "evaluation", a field of labels.label, or
    None for text that is no label."""
    words = " ".join(text.replace("**", "").casefold().split()).rstrip(":").strip()
    if words in _OBJECTIVE_WORDS:
        return "objective"
    if words in _MEASURE_WORDS:
        return "evaluation"
    found = labels.label(words)
    return found[0] if found and not found[1] else None


def is_margin_table(table: Table) -> bool:
    """Two columns, every filled first cell a short label, among them an objective and a level under it."""
    if not table.rows or any(len(row) != 2 for row in table.rows):
        return False
    kinds = [margin_kind(table.cell_text(r, 0)) for r in range(len(table.rows)) if table.cell_text(r, 0).strip()]
    return (
        bool(kinds)
        and all(kinds)
        and "objective" in kinds
        and any(kind in _LEVELS for kind in kinds)
        and all(len(table.cell_text(r, 0)) <= 40 for r in range(len(table.rows)))
    )


def margin_table(rec, table: Table) -> None:
    """Each row by its label: an objective ("1 title" strategic, "1.1 title" operational), a result, an action, an
    evaluation or a field of the action above; rows without a label go on with the item above."""
    kind, plural = None, False
    group: list[Row] = []  # the actions since the latest objective or result: a field row goes to each of them
    pending: dict[str, str] = {}  # fields given before the actions they belong to
    for row in table.rows:
        label, lines = row[0], row[1]
        if label:
            words = " ".join(" ".join(line.plain for line in label).casefold().split()).rstrip(":").strip()
            kind, plural = margin_kind(words), words in _PLURALS
        if not lines:
            continue
        if kind in ("objective", "results") and label:
            group, pending = [], {} if kind == "objective" else pending
        if kind == "objective":
            _objective(rec, label, lines)
            kind = None  # the rows under it without a label are its motivation
        elif kind == "results" and rec.operational is not None:
            # "Resultaat": one result, its further paragraphs its text; "Resultaten": a result per line and row.
            for index, line in enumerate(lines):
                if index == 0 or plural and not line.sub:
                    rec.set_mode("results")
                    rec.result = None
                    rec.place(line, line.text)
                else:
                    rec.result.add("Resultaat", line.text, line.bullet)
            kind = "results" if plural else "result text"
        elif kind == "actions" and (rec.result or rec.operational) is not None:
            for index, line in enumerate(lines):
                if index == 0 or plural and not line.sub:
                    group.append(rec.new_action(line, line.text, rec.result or rec.operational))
                    _give(group[-1], pending)
                else:
                    rec.action.add("Omschrijving", line.text, line.bullet)
            kind = "actions" if plural else "action text"
        elif kind == "timing" or kind in labels.ACTION_COLUMNS:
            value = "\n".join(line.text for line in lines)
            if group:
                for action in group:
                    _give(action, {kind: value})
            else:
                pending[kind] = value
        elif kind == "evaluation":
            for line in lines:
                rec.evaluation(line, line.text, labelled=True)
        elif kind == "result text" and rec.result is not None:
            for line in lines:
                rec.result.add("Resultaat", line.text, line.bullet)
        elif kind == "action text" and rec.action is not None:
            for line in lines:
                rec.action.add("Omschrijving", line.text, line.bullet)
        elif kind is None and rec.objective is not None:
            for line in lines:
                rec.objective.add("Motivering", line.text, line.bullet)
        else:
            if kind not in (None, "results", "actions", "result text", "action text"):
                rec.set_mode(kind)
            for line in lines:
                rec.line(line)
    rec.mode = ""


def _give(action: Row, fields: dict[str, str]) -> None:
    """Fields given once for a group of actions, to each action that has none of its own."""
    for name, value in fields.items():
        if name == "timing":
            action.values["Tijdstip"] = action.values.get("Tijdstip") or value
        elif not action.parts.get(labels.ACTION_COLUMNS[name]):
            action.add(labels.ACTION_COLUMNS[name], value)


def _objective(rec, label: list[Line], lines: list[Line]) -> None:
    words = " ".join(" ".join(line.plain for line in label).casefold().split()).rstrip(":")
    said = _OBJECTIVE_WORDS.get(words)
    first = lines[0]
    plain = " ".join(first.plain.split())
    if rec.heading(first, first.text):  # "Strategische doelstelling 1: title" in the text column
        pass
    elif match := _CODE.match(plain):
        code, title = match.group(1), match.group(2)
        rec.new_objective(code, title, strategic="." not in code if said is None else said)
    else:
        # Without a number or a label that says the kind, a "Doel" after an operational objective (or the first)
        # is taken as strategic, after a strategic one as operational: a guess, noted.
        strategic = said if said is not None else rec.strategic is None or rec.operational is not None
        code = unnumbered_code(rec, strategic)
        rec.new_objective(code, plain, strategic=strategic)
        rec.builder.note(first.position, plain, f"Doelstelling zonder nummer: genummerd als {code}.")
    for line in lines[1:]:
        rec.objective.add("Motivering", line.text, line.bullet)
