"""Read a plan workbook into the model, by header names, keeping each value's source cell."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from openpyxl.utils import get_column_letter

from workbook.plan import codes
from workbook.plan.errors import WorkbookError
from workbook.plan.model import (
    BBC,
    CLASSIC,
    Action,
    BudgetLine,
    FollowUp,
    Indicator,
    Lists,
    Measurement,
    Objective,
    Origin,
    Plan,
    ReadNote,
    Result,
    RowValues,
    Settings,
)
from workbook.plan.numbers import parse_number, parse_year
from workbook.plan.schema import (
    ACTIONS,
    BUDGET,
    DATA_SHEETS,
    FOLLOW_UP,
    HEADER_ROW,
    HEADER_SCAN_ROWS,
    INDICATORS,
    LISTS,
    LISTS_SHEET,
    MEASUREMENTS,
    OBJECTIVES,
    OWN_SHEETS,
    REQUIRED_SETTINGS,
    REQUIRED_SHEETS,
    RESULTS,
    SETTINGS,
    SETTINGS_SHEET,
    Sheet,
    normalize_header,
)
from workbook.plan.timing import parse_timing
from workbook.reading import plan_size, read_notes
from workbook.reading.adjustments import read_adjustments
from workbook.reading.chapters import read_chapters
from workbook.records.request_record import read_requested
from workbook.records.submission_record import read_submissions
from workbook.spreadsheet.loading import FRESH_TEMPLATE, Grid, load_grids

_OWN = {normalize_header(name) for name in OWN_SHEETS}
Row = dict[str, object]


def read_plan(path: str | Path) -> Plan:
    """Read a workbook file; raises WorkbookError with a Dutch message when it cannot be read."""
    path = Path(path)
    plan = plan_from_grids(load_grids(path), path.name)
    return replace(plan, source=path)


def plan_from_grids(grids: Mapping[str, Grid], file_name: str = "werkboek") -> Plan:
    """Build the model from sheets given as rows of values (from openpyxl or from a live Excel book)."""
    if not grids or not any(read_notes.sheet_has_data(g) for g in grids.values()):
        raise WorkbookError(f"{file_name}: het werkboek is leeg. {FRESH_TEMPLATE}")
    sheets, others = _match_sheet_names(grids)
    notes: list[ReadNote] = []
    for spec_name in REQUIRED_SHEETS:
        if spec_name not in sheets:
            guess = _renamed_sheet(spec_name, others, grids)
            hint = f" Er staat wel een blad '{guess}'; bedoelt u dat blad?" if guess else ""
            raise WorkbookError(
                f"{file_name}: het blad '{spec_name}' ontbreekt.{hint} Geef het blad zijn naam terug, of {_fresh()}"
            )
    for spec in DATA_SHEETS:
        if spec.name not in sheets:
            guess = _renamed_sheet(spec.name, others, grids)
            if guess:
                others.remove(guess)
                notes.append(read_notes.renamed_sheet(spec, guess))
            else:
                notes.append(read_notes.missing_sheet(spec))
    names = [spec.name for spec in DATA_SHEETS]
    for title in others:
        if read_notes.sheet_has_data(grids[title]) and not _own_sheet(title):
            notes.append(read_notes.unread_sheet(title, read_notes.closest(title, names)))
    settings = _read_settings(sheets[SETTINGS_SHEET], file_name, notes)
    lists = _read_lists(sheets.get(LISTS_SHEET))
    tables = {
        spec.name: _read_table(sheets.get(spec.name), spec, file_name, notes, _titles(grids, sheets))
        for spec in DATA_SHEETS
    }
    plan_size.refuse_too_large(file_name, len(tables[ACTIONS.name]), len(tables[INDICATORS.name]))
    numbering = settings.numbering
    objectives = _objectives(tables[OBJECTIVES.name], numbering)
    results = tuple(
        Result(code=r["code"], text=_text(r["text"]), parent_code=codes.classic_parent(r["code"]), origin=o)
        for r, o in tables[RESULTS.name]
    )
    parents = {o.code for o in objectives if o.level == 2}
    actions = tuple(_action(r, o, settings, parents) for r, o in tables[ACTIONS.name])
    adjustments = read_adjustments(grids, notes)
    return Plan(
        settings=settings,
        objectives=objectives,
        results=results,
        actions=actions,
        follow_ups=tuple(_follow_up(r, o) for r, o in tables[FOLLOW_UP.name]),
        indicators=tuple(_indicator(r, o) for r, o in tables[INDICATORS.name]),
        measurements=tuple(_measurement(r, o, settings) for r, o in tables[MEASUREMENTS.name]),
        budget_lines=tuple(_budget_line(r, o) for r, o in tables[BUDGET.name]),
        lists=lists,
        notes=tuple(notes),
        chapters=read_chapters(grids),
        adjustments=adjustments,
        submitted=read_submissions(grids),
        requested=read_requested(grids),
    )


def _fresh() -> str:
    return FRESH_TEMPLATE[0].lower() + FRESH_TEMPLATE[1:]


def _match_sheet_names(grids: Mapping[str, Grid]) -> tuple[dict[str, Grid], list[str]]:
    """Sheets by their schema name, tolerating case and surrounding spaces; and the titles of all other sheets."""
    wanted = {
        normalize_header(spec): spec
        for spec in (SETTINGS_SHEET, LISTS_SHEET, *REQUIRED_SHEETS, *(s.name for s in DATA_SHEETS))
    }
    found: dict[str, Grid] = {}
    others: list[str] = []
    for title, grid in grids.items():
        name = wanted.get(normalize_header(title))
        if name and name not in found:
            found[name] = grid
        else:
            others.append(title)
    return found, others


def _titles(grids: Mapping[str, Grid], sheets: Mapping[str, Grid]) -> dict[str, str]:
    """Schema name -> the sheet's title as the workbook writes it."""
    by_grid = {id(grid): title for title, grid in grids.items()}
    return {name: by_grid[id(grid)] for name, grid in sheets.items()}


def _renamed_sheet(name: str, others: list[str], grids: Mapping[str, Grid]) -> str | None:
    """An unknown sheet that is most likely the schema sheet `name` renamed: a similar name, or its columns."""
    spec = next((s for s in DATA_SHEETS if s.name == name), None)
    candidates = [t for t in others if not _own_sheet(t)]
    by_name = read_notes.closest(name, candidates)
    if by_name or spec is None:
        return by_name
    required = {normalize_header(c.header) for c in spec.columns if c.required}
    by_columns = [
        (read_notes.header_overlap(grids[t], spec), t)
        for t in candidates
        if required <= {normalize_header(v) for row in grids[t][:HEADER_SCAN_ROWS] for v in row}
    ]
    best = max(by_columns, default=(0, None), key=lambda pair: pair[0])
    return best[1] if best[0] >= max(2, len(required) + 1) else None


def _own_sheet(title: str) -> bool:
    key = normalize_header(title)
    return key in _OWN or key.startswith("_") or key == "xlwings.conf"


def _find_header(grid: Grid, required: list[str]) -> tuple[int, dict[str, int]] | None:
    """The 0-based header row and each normalized header's 0-based column, found in the first rows."""
    for index, row in enumerate(grid[:HEADER_SCAN_ROWS]):
        headers = {}
        for column, value in enumerate(row):
            key = normalize_header(value)
            if key and key not in headers:
                headers[key] = column
        if all(normalize_header(r) in headers for r in required):
            return index, headers
    return None


def _likely_header(grid: Grid, spec: Sheet) -> int | None:
    """The 0-based row among the first rows with the most of the sheet's known column names (None: none has any)."""
    known = {normalize_header(c.header) for c in spec.columns}
    counts = [
        (sum(normalize_header(v) in known for v in row), -index) for index, row in enumerate(grid[:HEADER_SCAN_ROWS])
    ]
    best = max(counts, default=(0, 0))
    return -best[1] if best[0] else None


def _read_table(
    grid: Grid | None, spec: Sheet, file_name: str, notes: list[ReadNote], titles: Mapping[str, str]
) -> list[tuple[Row, Origin]]:
    if grid is None:
        return []
    required = [c.header for c in spec.columns if c.required]
    found = _find_header(grid, required)
    if found is None:
        best = _likely_header(grid, spec)
        present = {normalize_header(v) for v in grid[best]} if best is not None else set()
        absent = next(h for h in required if normalize_header(h) not in present)
        header_row = grid[best] if best is not None else ()
        guess = read_notes.closest(absent, [str(v) for v in header_row if v not in (None, "")])
        hint = f" Er staat wel een kolom '{guess}'; bedoelt u die?" if guess else ""
        where = best + 1 if best is not None else HEADER_ROW
        raise WorkbookError(
            f"{file_name}: op blad '{spec.name}' ontbreekt de kolom '{absent}' (de kolomnamen staan in "
            f"rij {where}).{hint} Geef de kolom haar naam terug, of {_fresh()}"
        )
    header_index, headers = found
    positions = {c.field: headers.get(normalize_header(c.header)) for c in spec.columns}
    letters = {f: get_column_letter(p + 1) for f, p in positions.items() if p is not None}
    index = {f: number for number, f in enumerate(positions)}
    rows = []
    for offset, values in enumerate(grid[header_index + 1 :], start=header_index + 2):
        cleaned = tuple(_clean(values[p]) if p is not None and p < len(values) else None for p in positions.values())
        if all(v in (None, "") for v in cleaned):
            continue
        raw = RowValues(index, cleaned)
        row: Row = dict(zip(positions, cleaned, strict=True))
        for column in spec.columns:
            if column.kind == "code":
                row[column.field] = codes.normalize(raw[column.field])
        rows.append((row, Origin(spec.name, offset, letters, raw)))
    notes += read_notes.column_notes(grid, spec, titles.get(spec.name, spec.name), header_index, positions, bool(rows))
    return rows


def _clean(value: object) -> object:
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
        return value or None
    if isinstance(value, datetime | date):
        return value
    return value


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _number(value: object) -> float | None:
    return parse_number(value).value


def _read_settings(grid: Grid, file_name: str, notes: list[ReadNote]) -> Settings:
    found = _find_header(grid, ["Instelling", "Waarde"])
    if found is None:
        raise WorkbookError(
            f"{file_name}: op blad 'Instellingen' ontbreken de kolommen 'Instelling' en 'Waarde'. {FRESH_TEMPLATE}"
        )
    header_index, headers = found
    key_col, value_col = headers["instelling"], headers["waarde"]
    by_key = {normalize_header(s.key): s for s in SETTINGS}
    values: dict[str, object] = {}
    origins: dict[str, Origin] = {}
    letter = get_column_letter(value_col + 1)
    unknown: dict[str, int] = {}
    for offset, row in enumerate(grid[header_index + 1 :], start=header_index + 2):
        key = row[key_col] if key_col < len(row) else None
        setting = by_key.get(normalize_header(key).rstrip(":").rstrip())  # "Gemeente:" as a label is typed
        raw = _clean(row[value_col]) if value_col < len(row) else None
        if setting is None:
            if key not in (None, "") and raw not in (None, ""):
                unknown.setdefault(" ".join(str(key).split()), offset)
            continue
        if setting.field in values:
            continue
        origins[setting.field] = Origin(SETTINGS_SHEET, offset, {"value": letter}, {"value": raw})
        values[setting.field] = raw
    notes += _settings_notes(values, unknown, header_index + 2)
    numbering = _text(values.get("numbering")).strip()
    return Settings(
        municipality=_text(values.get("municipality")),
        title=_text(values.get("title")),
        start_year=parse_year(values.get("start_year")),
        end_year=parse_year(values.get("end_year")),
        report_year=parse_year(values.get("report_year")),
        numbering=BBC if numbering.casefold() == "bbc" else CLASSIC,
        cofinancing_min=_fraction(values.get("cofinancing_min")),
        author=_text(values.get("author")),
        fictitious_note=_text(values.get("fictitious_note")),
        report_template=_text(values.get("report_template")),
        plan_template=_text(values.get("plan_template")),
        origins=origins,
    )


def _settings_notes(values: Mapping[str, object], unknown: dict[str, int], first_row: int) -> list[ReadNote]:
    """Required settings without their row (deleted or renamed), and rows with a value under an unknown name."""
    notes = []
    for setting in SETTINGS:
        if setting.field in values:
            continue
        guess = read_notes.closest(setting.key, unknown)
        renamed = (guess, unknown.pop(guess)) if guess else None
        if setting.field in REQUIRED_SETTINGS:
            notes.append(read_notes.missing_setting(setting.key, setting.field, SETTINGS_SHEET, renamed, first_row))
        elif renamed:
            notes.append(read_notes.unread_setting(renamed[0], renamed[1], SETTINGS_SHEET, setting.key))
        else:
            notes.append(read_notes.missing_setting_row(setting.key, setting.field, SETTINGS_SHEET, first_row))
    notes += [read_notes.unread_setting(key, row, SETTINGS_SHEET, None) for key, row in unknown.items()]
    return notes


def _fraction(value: object) -> float | None:
    if isinstance(value, str) and (match := re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", value)):
        denominator = int(match.group(2))
        return int(match.group(1)) / denominator if denominator else None
    parsed = parse_number(value)
    if parsed.value is None:
        return None
    return parsed.value / 100 if parsed.percent or parsed.value > 1 else parsed.value


def _read_lists(grid: Grid | None) -> Lists:
    values = {name: tuple(words) for name, words in LISTS.items()}
    if grid is None:
        return Lists(values)
    found = _find_header(grid, ["Status"])
    if found is None:
        return Lists(values)
    header_index, headers = found
    cells: dict[str, tuple[tuple[str, str], ...]] = {}
    for name in LISTS:
        column = headers.get(normalize_header(name))
        if column is None:
            continue
        letter = get_column_letter(column + 1)
        typed = [
            (f"{LISTS_SHEET}!{letter}{number}", _text(row[column]))
            for number, row in enumerate(grid[header_index + 1 :], start=header_index + 2)
            if column < len(row)
        ]
        cells[name] = tuple((cell, text) for cell, text in typed if text.strip())
        values[name] = tuple(text.strip() for _, text in cells[name])
    return Lists(values, cells)


def _objectives(rows: list[tuple[Row, Origin]], numbering: str) -> tuple[Objective, ...]:
    strategic = {r["code"] for r, _ in rows if codes.kind_of(r["code"], numbering) == codes.STRATEGIC}
    result = []
    for row, origin in rows:
        code = row["code"]
        level = 2 if codes.kind_of(code, numbering) == codes.OPERATIONAL else 1
        parent = None
        if level == 2:
            parent = codes.bbc_parent(code, strategic) if numbering == BBC else codes.classic_parent(code)
        result.append(
            Objective(
                code=code,
                title=_text(row["title"]),
                motivation=_text(row["motivation"]),
                domain=_text(row["domain"]),
                level=level,
                parent_code=parent,
                origin=origin,
            )
        )
    return tuple(result)


def _action(row: Row, origin: Origin, settings: Settings, operational: set[str]) -> Action:
    code = row["code"]
    timing = parse_timing(_text(row["timing"]), settings.start_year, settings.end_year)
    see_also = _text(row["see_also"])
    if settings.numbering == BBC:
        parent = codes.bbc_parent(code, operational) or codes.expected_bbc_parent(code)
    else:
        parent = codes.classic_parent(code)
    return Action(
        code=code,
        title=_text(row["title"]),
        timing=timing.label,
        years=timing.years or (),
        description=_text(row["description"]),
        lead=_text(row["lead"]),
        partners=_text(row["partners"]),
        budget=_text(row["budget"]),
        contact=_text(row["contact"]),
        see_also=see_also,
        see_also_codes=codes.cross_references(see_also),
        parent_code=parent,
        origin=origin,
    )


def _follow_up(row: Row, origin: Origin) -> FollowUp:
    return FollowUp(
        action_code=row["action_code"],
        year=parse_year(row["year"]),
        status=_text(row["status"]),
        progress=_text(row["progress"]),
        progress_colour=_text(row["progress_colour"]),
        time=_text(row["time"]),
        time_colour=_text(row["time_colour"]),
        money=_text(row["money"]),
        money_colour=_text(row["money_colour"]),
        origin=origin,
    )


def _indicator(row: Row, origin: Origin) -> Indicator:
    code = row["code"]
    return Indicator(
        code=code,
        text=_text(row["text"]),
        timing=" ".join(_text(row["timing"]).split()).rstrip(":").strip(),
        kind=_text(row["kind"]),
        unit=_text(row["unit"]),
        direction=_text(row["direction"]),
        norm=_text(row["norm"]),
        baseline_year=parse_year(row["baseline_year"]),
        baseline_value=_number(row["baseline_value"]),
        target_year=parse_year(row["target_year"]),
        target_value=_number(row["target_value"]),
        note=_text(row["note"]),
        parent_code=codes.indicator_parent(code),
        origin=origin,
    )


def _measurement(row: Row, origin: Origin, settings: Settings) -> Measurement:
    period = _text(row["period"]).strip()
    timing = parse_timing(period, settings.start_year, settings.end_year)
    parsed = parse_number(row["value"])
    share = parse_number(row["share"]).value if row["share"] not in (None, "") else parsed.share
    return Measurement(
        indicator_code=row["indicator_code"],
        period=period,
        year=parse_year(period) or (timing.years[0] if timing.years and len(timing.years) == 1 else None),
        partial=timing.partial,
        value=parsed.value,
        share=share,
        source=_text(row["source"]),
        note=_text(row["note"]),
        origin=origin,
    )


def _budget_line(row: Row, origin: Origin) -> BudgetLine:
    return BudgetLine(
        year=parse_year(row["year"]),
        funding_kind=_text(row["funding_kind"]),
        funder=_text(row["funder"]),
        description=_text(row["description"]),
        planned=_number(row["planned"]),
        spent=_number(row["spent"]),
        note=_text(row["note"]),
        origin=origin,
    )
