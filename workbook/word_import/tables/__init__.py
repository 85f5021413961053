"""The tables of a plan, each read by what its header and first column say it holds."""

from __future__ import annotations

import re
from dataclasses import replace

from workbook.word_import import headings, labels
from workbook.word_import.document import Table
from workbook.word_import.fields import ACTION_FIELDS, FOLLOW_UP_FIELDS
from workbook.word_import.tables.budget import budget_columns, budget_table
from workbook.word_import.tables.columns import column_roles, is_item_table, item_table
from workbook.word_import.tables.cover import cover_table
from workbook.word_import.tables.funders import funder_columns, funder_table
from workbook.word_import.tables.indicators import (
    PERIOD,
    coded_indicator_header,
    indicator_header,
    indicator_table,
    values_header,
    values_table,
    year_table,
)
from workbook.word_import.tables.labelled import objective_table
from workbook.word_import.tables.margins import is_margin_table, margin_table
from workbook.word_import.tables.rows import flow, plan_row


def read_table(rec, table: Table) -> None:
    """Place one table; `rec` is the Recognizer that walks the document."""
    if not table.rows:
        return
    if len(table.rows) > 2 and len(table.rows[0]) == 1 and len(table.rows[1]) > 1:
        table = _without_caption(rec, table)
    table = _one_header_row(rec, table)
    header = [table.cell_text(0, c) for c in range(len(table.rows[0]))]
    if (dutch := _dutch_column(header)) is not None:
        _one_language(rec, table, dutch)
        return
    _hints(rec, table, header)
    if _objective_fields(rec, table, header):
        return
    if budget_columns(header) is not None and not _of_actions(header):
        budget_table(rec, table, header)
    elif funder_columns(table) is not None:
        funder_table(rec, table)
    elif objective_table(rec, table):
        return
    elif rec.started and action_form(rec, table):
        return
    elif is_margin_table(table):
        margin_table(rec, table)
    elif is_item_table(header) and (rec.started and not rec.ended and not rec.skipping or _objectives_in(rec, table)):
        item_table(rec, table)
    elif not rec.started and cover_table(rec, table):
        return
    elif rec.started and rec.builder.indicators and values_header(header):
        values_table(rec, table)
    elif rec.started and coded_indicator_header(header):
        indicator_table(rec, table, header, coded=True)
    elif not rec.started or rec.ended or rec.skipping:
        _chapter_table(rec, table)
    elif (
        len(header) > 1
        and sum(bool(PERIOD.match(h.strip())) for h in header[1:]) >= 1
        and all(not h.strip() or PERIOD.match(h.strip()) for h in header[1:])
    ):
        year_table(rec, table, header)
    elif indicator_header(header):
        indicator_table(rec, table, header)
    elif len(header) == 1 and labels.label(header[0]) == ("evaluation", ""):
        # One column "Wijze & tijdstip evaluatie / indicatoren" under the objective: its own indicators.
        rec.result = rec.action = None
        rec.set_mode("evaluation")
        for row in table.rows[1:]:
            flow(rec, row)
        rec.mode = ""
    elif _plan_header(header):
        bbc = header[0].casefold().strip().rstrip(":") == "actie"
        for number, row in enumerate(table.rows[1:], start=2):
            plan_row(rec, table, row, number, bbc, actions=bbc or _has_actions(header))
    elif all(labels.label(table.cell_text(r, 0)) for r in range(len(table.rows)) if table.cell_text(r, 0).strip()):
        for row in table.rows:
            flow(rec, row)
    else:
        for number, row in enumerate(table.rows, start=1):
            plan_row(rec, table, row, number, bbc=False)


_REFERENCE = re.compile(
    r"^(?:doelstelling|operationele doelstelling|hoort bij|bij doelstelling|actieplan|resultaat|bij resultaat)$",
    re.IGNORECASE,
)


def action_form(rec, table: Table) -> bool:
    """A form per action, label | value: "Actie | title", "Doelstelling | OD 2.1" (the objective it belongs to,
    by its code), "Trekker | ...". The action goes under the objective or result it names."""
    rows = [(" ".join(table.cell_text(r, 0).split()).rstrip(":"), r) for r in range(len(table.rows))]
    references = [r for words, r in rows if _REFERENCE.match(words) and len(table.rows[r]) > 1]
    titles = [r for words, r in rows if (found := labels.label(words)) and found[0] == "actions" and not found[1]]
    if len(references) != 1 or len(titles) != 1 or rec.operational is None and rec.strategic is None:
        return False
    reference = table.cell_text(references[0], 1).strip()
    parent = _named_code(rec, reference)
    if parent is None:
        return False
    title_row = table.rows[titles[0]]
    if len(title_row) < 2 or not title_row[1]:
        return False
    line = title_row[1][0]
    rec.new_action(line, " ".join(part.text for part in title_row[1]).strip(), parent)
    rec.builder.note(
        line.position,
        f"{table.cell_text(references[0], 0)}: {reference}",
        _FORM_NOTE.format(code=rec.action.values["Code"], parent=parent.values["Code"]),
    )
    for number, row in enumerate(table.rows):
        if number in (titles[0], references[0]) or len(row) < 2:
            continue
        _form_field(rec, table, number)
    rec.mode = ""
    return True


def _form_field(rec, table: Table, number: int) -> None:
    """One label | value row of an action form into the action's column or its follow-up; other rows noted."""
    found = labels.label(table.cell_text(number, 0))
    name = found[0] if found else ""
    value = " ".join(line.text for line in table.rows[number][1]).strip()
    if not value:
        return
    if name == "timing":
        rec.action.values["Tijdstip"] = value
    elif name in ACTION_FIELDS:
        rec.action.add(ACTION_FIELDS[name], value)
    elif name in FOLLOW_UP_FIELDS:
        rec.builder.follow_up(str(rec.action.values["Code"])).add(FOLLOW_UP_FIELDS[name], value)
    else:
        rec.action.add("Omschrijving", f"{table.cell_text(number, 0).strip()}: {value}")


_FORM_NOTE = "Actiefiche: actie {code} onder {parent}, de doelstelling of het resultaat dat de fiche noemt."


def _named_code(rec, text: str):
    """The objective or result a reference names: "OD 2.1", "2.1", "SD1-OD2", "1.1.2"."""
    plain = " ".join(text.replace("**", "").split())
    if match := headings.JOINED_OPERATIONAL.match(plain + " x"):
        code = f"{match.group(1)}.{match.group(2)}"
    elif match := re.fullmatch(r"(?:S\.?D|O\.?D|A\.?P|R)?\s?(\d{1,2}(?:\.\d{1,2}){0,2})\.?\)?", plain, re.IGNORECASE):
        code = match.group(1)
    else:
        return None
    for row in (*rec.builder.results, *rec.builder.objectives):
        if str(row.values["Code"]) == code:
            return row
    return None


_DUTCH = {"nederlands", "nl", "dutch", "néerlandais"}
_OTHER_LANGUAGES = {"english", "engels", "en", "français", "frans", "fr", "deutsch", "duits", "de"}


_GIVEN = ("lead", "partners", "budget", "timing")


def _objective_fields(rec, table: Table, header: list[str]) -> bool:
    """Trekker | Partners | Budget | Looptijd with one row under an operational objective's heading: fields of the
    objective as a whole, given to each action under it that has none of its own (when the plan is read)."""
    roles = column_roles(header)
    if rec.operational is None or len(table.rows) != 2 or not roles or any(role not in _GIVEN for role in roles):
        return False
    code = str(rec.operational.values["Code"])
    fields = {role: table.cell_text(1, c).strip() for c, role in enumerate(roles) if table.cell_text(1, c).strip()}
    rec.given_fields[code] = fields
    said = ", ".join(f"{header[c].strip()} '{table.cell_text(1, c).strip()}'" for c in range(len(roles)))
    rec.builder.note(
        table.position,
        said,
        f"Bij doelstelling {code}: {said}; gaan naar elke actie eronder die er zelf geen heeft.",
    )
    return True


def _dutch_column(header: list[str]) -> int | None:
    """The Dutch column of a table headed by languages (Nederlands | English), else None."""
    words = [" ".join(h.casefold().split()).rstrip(":") for h in header]
    if len(words) != 2 or not any(w in _DUTCH for w in words) or not any(w in _OTHER_LANGUAGES for w in words):
        return None
    return next(c for c, w in enumerate(words) if w in _DUTCH)


def _one_language(rec, table: Table, column: int) -> None:
    """A plan in two languages side by side: its Dutch column read as the document, the other column noted."""
    other = 1 - column
    rec.builder.note(
        table.position,
        f"{table.position}: {table.cell_text(0, column)} | {table.cell_text(0, other)}",
        f"Tweetalige tabel: de kolom '{table.cell_text(0, column)}' gelezen, de kolom '{table.cell_text(0, other)}' "
        "(de vertaling) niet overgenomen.",
    )
    for row in table.rows[1:]:
        if column < len(row):
            for line in row[column]:
                # read as the paragraphs of the document they are, not as the cells of a table of items
                rec.line(replace(line, position=line.position.replace("tabel", "tweetalige tabel", 1)))


def _one_header_row(rec, table: Table) -> Table:
    """A header over two rows ("Uitvoering" across "Actie | Wie | Wanneer" under it, the other headers merged down):
    one row of the columns' names, each the lower one where it has one."""
    if len(table.rows) < 3 or not any(row == 0 for row, _ in table.spans):
        return table
    top, below = table.rows[0], table.rows[1]
    grid = sum(table.spans.get((0, c), 1) for c in range(len(top)))
    if grid != len(below) or any(len(row) != grid for row in table.rows[2:]):
        return table
    expanded = [cell for c, cell in enumerate(top) for _ in range(table.spans.get((0, c), 1))]
    header = [below[c] if any(line.plain.strip() for line in below[c]) else expanded[c] for c in range(grid)]
    rec.builder.note(
        table.position,
        " | ".join(" ".join(line.plain for line in cell) for cell in header),
        "Kop over twee rijen: gelezen als één rij kolomnamen.",
    )
    continued = {(row - 1, cell) for row, cell in table.continued if row > 1}
    return Table(table.position, [header, *table.rows[2:]], continued)


def _without_caption(rec, table: Table) -> Table:
    """A first row across the table is its caption: read as a heading when it names an objective ("SD 1 title"),
    else noted; the header is the row under it."""
    caption = table.rows[0][0]
    if any(rec.heading_like(" ".join(line.plain.split())) for line in caption):
        flow(rec, table.rows[0])
    elif caption:
        text = " ".join(line.plain for line in caption)
        rec.builder.note(caption[0].position, text, "Titel van de tabel: niet overgenomen (de kop eronder telt).")
    continued = {(row - 1, cell) for row, cell in table.continued if row > 0}
    return Table(table.position, table.rows[1:], continued)


def _of_actions(header: list[str]) -> bool:
    """Omschrijving | Budget | Trekker | Timing: actions with their budget, not a budget table."""
    roles = column_roles(header)
    return is_item_table(header) and any(role in roles for role in ("level", "code", "lead", "timing", "status"))


def _plan_header(header: list[str]) -> bool:
    """Resultaat(en) | Acties | Evaluatie (or Indicatoren, Wijze en tijdstip van evaluatie): one result per row."""
    found = [labels.label(text) for text in header if text.strip()]
    return labels.is_table_header(header) or (
        bool(found)
        and all(item is not None and not item[1] and item[0] in ("results", "actions", "evaluation") for item in found)
    )


def _has_actions(header: list[str]) -> bool:
    """A results table with a column for the actions (Resultaten | Acties | Evaluatie), not only an evaluation."""
    return any((found := labels.label(text)) is not None and found[0] == "actions" for text in header[1:])


def _objectives_in(rec, table: Table) -> bool:
    """A table that holds objectives itself: a column Niveau, or a row "SD 1 title" across it."""
    roles = column_roles([table.cell_text(0, c) for c in range(len(table.rows[0]))])
    if "level" in roles or "strategic" in roles or "operational" in roles:
        return True
    return any(rec.heading_like(line.plain.strip()) for row in table.rows[1:] if len(row) == 1 for line in row[0])


_AMOUNT = re.compile(r"(?:\u20ac\s*\d|\d\s*(?:euro|EUR)\b)")


def _hints(rec, table: Table, header: list[str]) -> None:
    """Tables that look like a level (a column Acties, amounts in euro), for the warnings of the counts."""
    words = {" ".join(h.casefold().split()).rstrip(":") for h in header}
    if words & {"acties", "actie", "activiteiten"}:
        rec.hint("actions", "een tabel met een kolom 'Acties'", table.position)
    cells = (table.cell_text(r, c) for r in range(len(table.rows)) for c in range(len(table.rows[r])))
    if (not rec.started or rec.ended) and any(_AMOUNT.search(text) for text in cells):
        rec.hint("budget", "een tabel met bedragen", table.position)


def _chapter_table(rec, table: Table) -> None:
    pages = [
        row
        for row in table.rows
        if row and len(row) > 1 and re.fullmatch(r"\d{1,3}", " ".join(line.plain for line in row[-1]).strip())
    ]
    if not rec.started and len(pages) >= max(2, len(table.rows) - 1):  # a table of contents: titles, page numbers
        for row in pages:
            title = " ".join(line.plain for line in row[0]).strip()
            typed = labels.TYPED_CHAPTER.match(title)
            rec.contents_entry(typed.group(1) if typed else title)
        rec.contents += [line for row in table.rows for cell in row for line in cell]
        return
    for row in table.rows:
        texts = [" ".join(line.text for line in cell) for cell in row]
        if not any(t.strip() for t in texts):
            continue
        first = next(line for cell in row for line in cell)
        if rec.chapter is None or rec.skipping:
            note = (
                "Niet overgenomen: hoort bij een deel dat planrapport zelf maakt."
                if rec.skipping
                else "Niet geplaatst: tabel voor het eerste hoofdstuk."
            )
            rec.builder.note(first.position, " | ".join(texts), note)
        else:
            rec.chapter.paragraphs.append((" | ".join(texts), False))
