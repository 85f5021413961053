"""Tables of results, actions and evaluation lines, one result (or BBC action) per row."""

from __future__ import annotations

import re

from workbook.plan.model import BBC
from workbook.word_import import headings, labels
from workbook.word_import.document import Line, Table

# Text that stands in for what is still to be written: "(nog in te vullen)", "nog te bepalen ...", "...".
PLACEHOLDER = re.compile(
    r"^\(?\s*(?:nog\s+(?:in\s+te\s+vullen|te\s+bepalen|aan\s+te\s+vullen)\b.*|\.{3}|\u2026|x{3,})\s*\)?$",
    re.IGNORECASE,
)


def flow(rec, row: list[list[Line]]) -> None:
    """The lines of a row read as paragraphs, in order."""
    for cell in row:
        for line in cell:
            rec.line(line)


def plan_row(rec, table: Table, row: list[list[Line]], number: int, bbc: bool, actions: bool = True) -> None:
    """One row of a results table: the result, its actions (when the table has a column for them) and evaluation."""
    texts = [" ".join(line.plain for line in cell) for cell in row]
    if not any(t.strip() for t in texts) or labels.is_table_header(texts):
        return
    lines = [line for cell in row for line in cell]
    if any(_is_heading(line) for line in lines) or len(row) < 2:
        flow(rec, row)
        return
    first, rest = row[0], row[1:] if actions else [[], *row[1:]]
    if bbc:
        _bbc_row(rec, first, rest)
    else:
        _classic_row(rec, first, rest, table.position)


def _is_heading(line: Line) -> bool:
    plain = line.plain.strip()
    return bool(
        headings.STRATEGIC.match(plain)
        or headings.OPERATIONAL.match(plain)
        or labels.DOMAIN.match(plain)
        or headings.BBC_OBJECTIVE.match(plain)
        or headings.BBC_PLAN.match(plain)
    )


def _classic_row(rec, first: list[Line], rest: list[list[Line]], table: str) -> None:
    builder = rec.builder
    same_table, rec.row_table = rec.row_table == table, table
    if not same_table:
        rec.row_action = None
    if first and rec.result is not None and same_table and _continues(first[0]):
        # A result broken over two rows (a page break, a PDF conversion): the row goes on with the text above.
        _continue_part(rec.result, "Resultaat", first[0].text)
        for line in first[1:]:
            rec.result.add("Resultaat", line.text, line.bullet)
        first = []
    if first:
        head = first[0]
        match = labels.RESULT.match(head.text.replace("**", "", 2) if head.text.startswith("**") else head.text)
        parent = str(rec.operational.values["Code"]) if rec.operational is not None else "0.0"
        code = match.group(1) if match else builder.next_code(parent, builder.results)
        text = match.group(2).strip().lstrip("*").strip() if match else head.text
        rec.result = builder.result(code, text)
        if PLACEHOLDER.match(text.replace("**", "").strip()):
            builder.note(
                head.position,
                head.plain,
                f"Resultaat {code} heeft nog geen tekst in het plan ('{text.strip()}'): zo overgenomen; vul het aan.",
            )
        if not match:
            builder.note(head.position, head.plain, f"Resultaat zonder nummer: genummerd als {code}.")
        elif not code.startswith(parent + "."):
            builder.note(
                head.position,
                head.plain,
                f"Resultaat {code} staat onder doelstelling {parent}; geplaatst met zijn eigen nummer.",
            )
        result_cell_lines(rec, first[1:])
        rec.action_timing, rec.timing, rec.row_action = "", "", None
    elif rec.result is None:
        lines = [line for cell in rest for line in cell]
        builder.note(
            lines[0].position, " | ".join(line.plain for line in lines), "Niet geplaatst: rij zonder resultaat."
        )
        return
    result_code = str(rec.result.values["Code"])
    if rest:
        for index, line in enumerate(rest[0]):
            timing = labels.timing_line(line.text, line.underline or line.bold)
            if timing is not None:
                rec.action_timing = timing
            elif (fields := labels.detail_fields(line.text)) is not None and rec.action is not None:
                for name, value in fields.items():
                    if name == "timing":
                        rec.action.values["Tijdstip"] = value
                    else:
                        rec.action.add(labels.ACTION_COLUMNS[name], value)
            elif index == 0 and rec.row_action is not None and _continues(line):
                _continue_value(rec.row_action, "Actie", line.text)
            elif line.sub and rec.action is not None:
                rec.action.add("Omschrijving", line.text, True)
            else:
                title, fields = labels.split_fields(line.text)
                rec.action = builder.action(
                    builder.next_code(result_code, builder.actions),
                    title,
                    fields.pop("timing", "") or rec.action_timing,
                )
                for name, value in fields.items():
                    rec.action.add(labels.ACTION_COLUMNS[name], value)
    rec.row_action, rec.action = rec.action or rec.row_action, None
    for cell in rest[1:]:
        for line in cell:
            rec.evaluation(line, line.text, labelled=True)


def _continues(line: Line) -> bool:
    """A cell that starts in lower case goes on with the row above."""
    first = line.plain.lstrip()[:1]
    return first.isalpha() and first.islower() and not line.bullet


def _continue_part(row, name: str, text: str) -> None:
    parts = row.parts.setdefault(name, [])
    if parts:
        previous, bullet = parts[-1]
        parts[-1] = (f"{previous} {text}", bullet)
    else:
        parts.append((text, False))


def _continue_value(row, name: str, text: str) -> None:
    row.values[name] = f"{row.values.get(name, '')} {text}".strip()


def _bbc_row(rec, first: list[Line], rest: list[list[Line]]) -> None:
    """A row of an action table: "A10900 title", or "1.1.1 title" in a classic plan without results; a row without a
    code in a classic plan holds the evaluation of the objective itself."""
    text = " ".join(line.text for line in first)
    classic = rec.builder.numbering != BBC
    match = headings.BBC_ACTION.match(text.replace("**", "")) or (
        classic and labels.RESULT.match(text.replace("**", ""))
    )
    if not match and classic and not text.strip() and rec.operational is not None:
        rec.result, rec.action, rec.timing = None, None, ""
        for cell in rest[1:]:
            for line in cell:
                rec.evaluation(line, line.text)
        return
    if not match:
        rec.builder.note(first[0].position if first else "", text, "Niet geplaatst: actie zonder code (A10900).")
        return
    rec.new_bbc_action(match.group(1), match.group(2))
    rec.result, rec.timing = None, ""
    for line in rest[0] if rest else []:
        if (fields := labels.detail_fields(line.text)) is not None:
            for name, value in fields.items():
                if name == "timing":
                    rec.action.values["Tijdstip"] = value
                else:
                    rec.action.add(labels.ACTION_COLUMNS[name], value)
            continue
        rec.action.add("Omschrijving", line.text, line.bullet)
    for cell in rest[1:]:
        for line in cell:
            rec.evaluation(line, line.text)
    rec.mode = ""


def result_cell_lines(rec, lines: list[Line]) -> None:
    """The lines under a result in its cell: "Evaluatie: ..." or "Indicator: ..." are its evaluation, the others
    more of its text."""
    for line in lines:
        if (found := labels.label(line.text)) is not None and found[0] == "evaluation" and found[1]:
            rec.evaluation(line, found[1], labelled=True)
        else:
            rec.result.add("Resultaat", line.text, line.bullet)
