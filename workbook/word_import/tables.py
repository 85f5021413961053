"""The tables of a plan: results/actions/evaluation, BBC actions, label/value fields and yearly indicator values."""

from __future__ import annotations

import re

from workbook.plan.numbers import parse_number
from workbook.word_import import labels
from workbook.word_import.document import Line, Table

_PERIOD = re.compile(r"^(?:19|20)\d\d\b")


def read_table(rec, table: Table) -> None:
    """Place one table; `rec` is the Recognizer that walks the document."""
    if not table.rows:
        return
    header = [table.cell_text(0, c) for c in range(len(table.rows[0]))]
    _hints(rec, table, header)
    if budget_columns(header) is not None:
        _budget_table(rec, table, header)
    elif not rec.started or rec.ended or rec.skipping:
        _chapter_table(rec, table)
    elif (
        len(header) > 1
        and sum(bool(_PERIOD.match(h.strip())) for h in header[1:]) >= 1
        and all(not h.strip() or _PERIOD.match(h.strip()) for h in header[1:])
    ):
        _year_table(rec, table, header)
    elif _objective_table(rec, table):
        return
    elif _indicator_header(header):
        _indicator_table(rec, table, header)
    elif _action_header(header):
        _action_table(rec, table, header)
    elif labels.is_table_header(header):
        bbc = header[0].casefold().strip().rstrip(":") == "actie"
        for number, row in enumerate(table.rows[1:], start=2):
            _plan_row(rec, table, row, number, bbc)
    elif all(labels.label(table.cell_text(r, 0)) for r in range(len(table.rows)) if table.cell_text(r, 0).strip()):
        for row in table.rows:
            _flow(rec, row)
    else:
        for number, row in enumerate(table.rows, start=1):
            _plan_row(rec, table, row, number, bbc=False)


_AMOUNT = re.compile(r"(?:\u20ac\s*\d|\d\s*(?:euro|EUR)\b)")


def _hints(rec, table: Table, header: list[str]) -> None:
    """Tables that look like a level (a column Acties, amounts in euro), for the warnings of the counts."""
    words = {" ".join(h.casefold().split()).rstrip(":") for h in header}
    if words & {"acties", "actie", "activiteiten"}:
        rec.hint("actions", "een tabel met een kolom 'Acties'", table.position)
    cells = (table.cell_text(r, c) for r in range(len(table.rows)) for c in range(len(table.rows[r])))
    if (not rec.started or rec.ended) and any(_AMOUNT.search(text) for text in cells):
        rec.hint("budget", "een tabel met bedragen", table.position)


def _flow(rec, row: list[list[Line]]) -> None:
    for cell in row:
        for line in cell:
            rec.line(line)


def _chapter_table(rec, table: Table) -> None:
    pages = [
        row
        for row in table.rows
        if row and len(row) > 1 and re.fullmatch(r"\d{1,3}", " ".join(line.plain for line in row[-1]).strip())
    ]
    if len(pages) >= max(2, len(table.rows) - 1):  # a table of contents: titles and page numbers
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


def _plan_row(rec, table: Table, row: list[list[Line]], number: int, bbc: bool) -> None:
    texts = [" ".join(line.plain for line in cell) for cell in row]
    if not any(t.strip() for t in texts) or labels.is_table_header(texts):
        return
    lines = [line for cell in row for line in cell]
    if any(_is_heading(line) for line in lines) or len(row) < 2:
        _flow(rec, row)
        return
    first, rest = row[0], row[1:]
    if bbc:
        _bbc_row(rec, first, rest)
    else:
        _classic_row(rec, first, rest, table.position)


def _is_heading(line: Line) -> bool:
    plain = line.plain.strip()
    return bool(
        labels.STRATEGIC.match(plain)
        or labels.OPERATIONAL.match(plain)
        or labels.DOMAIN.match(plain)
        or labels.BBC_OBJECTIVE.match(plain)
        or labels.BBC_PLAN.match(plain)
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
        if not match:
            builder.note(head.position, head.plain, f"Resultaat zonder nummer: genummerd als {code}.")
        elif not code.startswith(parent + "."):
            builder.note(
                head.position,
                head.plain,
                f"Resultaat {code} staat onder doelstelling {parent}; geplaatst met zijn eigen nummer.",
            )
        for line in first[1:]:
            rec.result.add("Resultaat", line.text, line.bullet)
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
    text = " ".join(line.text for line in first)
    match = labels.BBC_ACTION.match(text.replace("**", ""))
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


def _year_table(rec, table: Table, header: list[str]) -> None:
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


_OBJECTIVE_LABEL = re.compile(r"^operationele\s+doelstelling\s*(\d{1,2}\.\d{1,2})?\.?\s*:?$", re.IGNORECASE)
_CODE_FIRST = re.compile(r"^(\d{1,2}\.\d{1,2})\.?\s+(.*)$", re.DOTALL)
_MEASURE = re.compile(r"^(nulmeting|streefwaarde|norm|(?:19|20)\d\d)", re.IGNORECASE)


def _objective_table(rec, table: Table) -> bool:
    """A label | text table per operational objective; its timing, budget, lead and partners go to each action."""
    first = table.cell_text(0, 0).strip()
    match = _OBJECTIVE_LABEL.match(first)
    if not match or len(table.rows[0]) < 2:
        return False
    title = " ".join(line.text for line in table.rows[0][1]).strip()
    code = match.group(1)
    if code is None and (found := _CODE_FIRST.match(title.replace("**", ""))):
        code, title = found.group(1), found.group(2)
    if code is None:
        parent = str(rec.strategic.values["Code"]) if rec.strategic is not None else "0"
        code = rec.builder.next_code(parent, rec.builder.objectives)
    rec.new_objective(code, title, strategic=False)
    objective, actions, fields = rec.operational, [], {}
    for row in table.rows[1:]:
        if len(row) < 2:
            continue
        found = labels.label(" ".join(line.plain for line in row[0]))
        name = found[0] if found else ""
        lines = row[1]
        if name == "actions":
            for line in lines:
                if line.sub and actions:
                    actions[-1].add("Omschrijving", line.text, True)
                else:
                    actions.append(rec.new_action(line, line.text, objective))
        elif name == "evaluation":
            for line in lines:
                rec.builder.indicator(str(objective.values["Code"]), line.text)
        elif name in ("timing", "lead", "partners", "budget", "contact"):
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
                action.add(ACTION_FIELDS[name], value)
    rec.action, rec.mode = None, ""
    return True


ACTION_FIELDS = {"lead": "Trekker", "partners": "Partners", "budget": "Budget/personeelsinzet", "contact": "Contact"}


def _indicator_header(header: list[str]) -> bool:
    first = header[0].casefold().strip()
    return (
        len(header) > 1
        and (first.startswith("indicator") or first.startswith("prestatie"))
        and any(_MEASURE.match(h.strip()) for h in header[1:])
    )


def _indicator_table(rec, table: Table, header: list[str]) -> None:
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
            elif _PERIOD.match(head):
                values: dict[str, object] = {"Indicator": indicator.values["Code"], "Periode": head}
                if parsed.value is not None:
                    values["Waarde"] = parsed.value
                else:
                    values["Opmerking"] = raw
                rec.builder.measurements.append(values)
    rec.mode = ""


def _action_header(header: list[str]) -> bool:
    words = [" ".join(h.casefold().split()).rstrip(":") for h in header]
    return "actie" in words and any(labels.label(h) and labels.label(h)[0] in ("timing", "lead") for h in header)


def _action_table(rec, table: Table, header: list[str]) -> None:
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


_AMOUNT_HEADER = re.compile(r"^(?:bedrag|budget|kost(?:prijs|en)?|gepland|raming)\b", re.IGNORECASE)
_DESCRIPTION_HEADER = re.compile(r"^(?:omschrijving|kostenpost|post|uitgave)", re.IGNORECASE)
_TOTAL = re.compile(r"^(?:sub)?totaal\b", re.IGNORECASE)
_EACH_YEAR = re.compile(r"elk\s+jaar\s+van\s+((?:19|20)\d\d)\s+tot\s+en\s+met\s+((?:19|20)\d\d)", re.IGNORECASE)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def budget_columns(header: list[str]) -> tuple[int | None, int, int] | None:
    """(funder, description, amount) columns of a budget table's header row, else None."""
    texts = [" ".join(h.split()) for h in header]
    amount = next((c for c, t in enumerate(texts) if _AMOUNT_HEADER.match(t)), None)
    description = next((c for c, t in enumerate(texts) if _DESCRIPTION_HEADER.match(t)), None)
    if amount is None or description is None or amount == description:
        return None
    funder = next((c for c in range(len(texts)) if c not in (amount, description) and texts[c]), None)
    return funder, description, amount


def _budget_table(rec, table: Table, header: list[str]) -> None:
    """Funder | description | amount into Begroting: an empty (merged) funder cell keeps the one above, a Totaal row
    is a sum, not a line; the year from the title above the table, else the plan period's first year."""
    funder_column, description_column, amount_column = budget_columns(header)
    years, said = _budget_years(rec.last_text, rec.builder.settings)
    funder_lines: list[Line] = []
    lines: list[dict[str, object]] = []
    for number, row in enumerate(table.rows[1:], start=2):
        cells = [[line for line in cell] for cell in row]
        text = [" ".join(line.plain for line in cell).strip() for cell in cells]
        if not any(text):
            continue
        where = f"{table.position}, rij {number}"
        if any(_TOTAL.match(t) for t in text):
            rec.builder.note(where, " | ".join(text), "Totaal: geen begrotingslijn (planrapport telt zelf op).")
            continue
        if labels.is_table_header(text) or text == [" ".join(h.split()) for h in header]:
            continue
        note_here = False
        if funder_column is not None and funder_column < len(cells) and cells[funder_column]:
            funder_lines, note_here = cells[funder_column], True
        description = (
            " ".join(line.text for line in cells[description_column]).strip() if description_column < len(cells) else ""
        )
        raw = text[amount_column] if amount_column < len(text) else ""
        if not description:
            rec.builder.note(where, " | ".join(text), "Niet geplaatst: begrotingsrij zonder omschrijving.")
            continue
        parsed = parse_number(raw) if raw else None
        funder, note = _funder(funder_lines)
        values: dict[str, object] = {
            "Soort financiering": _funding_kind(funder, note),
            "Financier": funder,
            "Omschrijving": description,
        }
        if parsed is not None and parsed.value is not None:
            values["Gepland"] = int(parsed.value) if parsed.value.is_integer() else parsed.value
        elif raw:
            values["Opmerking"] = raw
        if note and note_here:  # the note stands once in the (merged) funder cell, with its first line
            values["Opmerking"] = note
        lines.append(values)
    rec.builder.budget += [{"Jaar": year, **values} for year in years for values in lines]
    placed = len(lines)
    if placed and not said:
        year = years[0] if years else None
        rec.builder.note(
            table.position,
            f"{table.position}: begroting",
            f"Het jaar van de begroting staat niet bij de tabel; de import nam {year}, het eerste jaar "
            "van de planperiode. Kopieer de rijen op het blad Begroting voor de andere jaren als de "
            "begroting elk jaar dezelfde is."
            if year
            else "Het jaar van de begroting staat niet in het document; vul de kolom Jaar in op het blad Begroting.",
        )
    rec.last_text = ""


def _budget_years(title: str, settings: dict[str, object]) -> tuple[list[int | None], bool]:
    """The years a budget table stands for, and whether the document said so."""
    if match := _EACH_YEAR.search(title):
        return list(range(int(match.group(1)), int(match.group(2)) + 1)), True
    if re.fullmatch(r"zonder\s+jaartal", title.strip(), re.IGNORECASE):
        return [None], True
    if (match := _YEAR.search(title)) and len(title) < 40:
        return [int(match.group(1))], True
    start = settings.get("Beginjaar")
    return [int(start) if start else None], False


def _funder(lines: list[Line]) -> tuple[str, str]:
    """(funder, note): "Vlaamse Gemeenschap (62.000 euro)" gives the funder before the brackets and the whole as note;
    a second line in the cell is the note."""
    if not lines:
        return "", ""
    first = lines[0].plain.strip()
    note = " ".join(line.plain.strip() for line in lines[1:])
    if not note and "(" in first and not first.startswith("("):
        return first.split("(", 1)[0].strip(), first
    return first, note


def _funding_kind(funder: str, note: str) -> str:
    words = f"{funder} {note}".casefold()
    if "vlaams" in words:
        return "Vlaamse subsidie"
    if any(w in words for w in ("cofinanciering", "eigen middelen", "stad", "gemeente", "ocmw")):
        return "Eigen middelen gemeente"
    if "subsidie" in words:
        return "Andere subsidie"
    return "Andere"
