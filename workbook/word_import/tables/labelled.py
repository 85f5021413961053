"""Label | text tables: one per objective, the first column naming the field of each row."""

from __future__ import annotations

import re

from workbook.word_import import labels
from workbook.word_import.document import Table
from workbook.word_import.tables.columns import is_item_table

_OBJECTIVE_LABEL = re.compile(r"^operationele\s+doelstelling\s*(\d{1,2}\.\d{1,2})?\.?\s*:?$", re.IGNORECASE)
_CODE_FIRST = re.compile(r"^(\d{1,2}\.\d{1,2})\.?\s+(.*)$", re.DOTALL)


def objective_table(rec, table: Table) -> bool:
    """A label | text table per operational objective; its timing, budget, lead and partners go to each action."""
    first = table.cell_text(0, 0).strip()
    match = _OBJECTIVE_LABEL.match(first)
    if not match or len(table.rows[0]) < 2:
        return False
    if is_item_table([table.cell_text(0, c) for c in range(len(table.rows[0]))]):
        return False  # Operationele doelstelling | Resultaat | Actie | Wie: the header of a table with a column each
    title = " ".join(line.text for line in table.rows[0][1]).strip()
    code = match.group(1)
    if code is None and (found := _CODE_FIRST.match(title.replace("**", ""))):
        code, title = found.group(1), found.group(2)
    if code is None:
        parent = str(rec.strategic.values["Code"]) if rec.strategic is not None else "0"
        code = rec.builder.next_code(parent, rec.builder.objectives)
    rec.new_objective(code, title, strategic=False)
    objective, actions, fields = rec.operational, [], {}
    parent = objective  # a row "Resultaat" puts the actions and evaluation under it after it
    for row in table.rows[1:]:
        if len(row) < 2:
            continue
        found = labels.label(" ".join(line.plain for line in row[0]))
        name = found[0] if found else ""
        lines = [line for line in row[1] if not _left_out(rec, line)]
        if name == "results" and lines:
            parent = rec.builder.result(rec.builder.next_code(str(objective.values["Code"]), rec.builder.results), "")
            parent.parts["Resultaat"] = [(" ".join(line.text for line in lines), False)]
        elif name == "actions":
            for line in lines:
                if line.sub and actions:
                    actions[-1].add("Omschrijving", line.text, True)
                else:
                    actions.append(rec.new_action(line, line.text, parent))
        elif name == "evaluation":
            for line in lines:
                rec.builder.indicator(str(parent.values["Code"]), line.text)
        elif name in ("timing", "lead", "partners", "budget", "contact"):
            if lines:
                fields[name] = "\n".join(line.text for line in lines)
        else:
            for line in lines:
                rec.builder.note(
                    line.position,
                    line.plain,
                    f"Geplaatst als motivering van doelstelling {code} (het label werd niet herkend).",
                )
                objective.add("Motivering", line.text, line.bullet)
    for action in actions:
        for name, value in fields.items():
            if name == "timing":
                action.values["Tijdstip"] = value
            else:
                action.add(labels.ACTION_COLUMNS[name], value)
    rec.action, rec.mode = None, ""
    return True


def _left_out(rec, line) -> bool:
    """A line of a cell that is no content (a placeholder of the template, a separator): noted, not read."""
    kind = labels.not_content(line.plain, in_table=True)
    if kind is not None:
        rec.builder.note(line.position, line.plain, f"Overgeslagen: {kind}, geen inhoud.")
    return kind is not None
