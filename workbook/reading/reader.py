"""Read a plan workbook into the model, by header names, keeping each value's source cell."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from workbook.plan import codes
from workbook.plan.errors import WorkbookError
from workbook.plan.model import Plan, ReadNote, Result
from workbook.plan.schema import (
    ACTIONS,
    BUDGET,
    DATA_SHEETS,
    FOLLOW_UP,
    HEADER_SCAN_ROWS,
    INDICATORS,
    LISTS_SHEET,
    MEASUREMENTS,
    OBJECTIVES,
    OWN_SHEETS,
    REQUIRED_SHEETS,
    RESULTS,
    SETTINGS_SHEET,
    normalize_header,
)
from workbook.reading import plan_rows, plan_size, read_notes
from workbook.reading.adjustments import read_adjustments
from workbook.reading.chapters import read_chapters
from workbook.reading.settings_sheet import read_lists, read_settings
from workbook.reading.sheet_tables import fresh_template, read_table, text
from workbook.records.request_record import read_requested
from workbook.records.submission_record import read_submissions
from workbook.spreadsheet.loading import FRESH_TEMPLATE, Grid, load_grids

_OWN = {normalize_header(name) for name in OWN_SHEETS}


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
                f"{file_name}: het blad '{spec_name}' ontbreekt.{hint} Geef het blad zijn naam terug, "
                f"of {fresh_template()}"
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
    settings = read_settings(sheets[SETTINGS_SHEET], file_name, notes)
    lists = read_lists(sheets.get(LISTS_SHEET))
    tables = {
        spec.name: read_table(sheets.get(spec.name), spec, file_name, notes, _titles(grids, sheets))
        for spec in DATA_SHEETS
    }
    plan_size.refuse_too_large(file_name, len(tables[ACTIONS.name]), len(tables[INDICATORS.name]))
    numbering = settings.numbering
    objectives = plan_rows.objectives(tables[OBJECTIVES.name], numbering)
    results = tuple(
        Result(code=r["code"], text=text(r["text"]), parent_code=codes.classic_parent(r["code"]), origin=o)
        for r, o in tables[RESULTS.name]
    )
    parents = {o.code for o in objectives if o.level == 2}
    actions = tuple(plan_rows.action(r, o, settings, parents) for r, o in tables[ACTIONS.name])
    adjustments = read_adjustments(grids, notes)
    return Plan(
        settings=settings,
        objectives=objectives,
        results=results,
        actions=actions,
        follow_ups=tuple(plan_rows.follow_up(r, o) for r, o in tables[FOLLOW_UP.name]),
        indicators=tuple(plan_rows.indicator(r, o) for r, o in tables[INDICATORS.name]),
        measurements=tuple(plan_rows.measurement(r, o, settings) for r, o in tables[MEASUREMENTS.name]),
        budget_lines=tuple(plan_rows.budget_line(r, o) for r, o in tables[BUDGET.name]),
        lists=lists,
        notes=tuple(notes),
        chapters=read_chapters(grids),
        adjustments=adjustments,
        submitted=read_submissions(grids),
        requested=read_requested(grids),
    )


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
