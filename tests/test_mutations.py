"""Every sheet, column and setting of both examples renamed, deleted, or typed as % or Dutch text: the plan the
report is made from stays the same, or controleer names that sheet and column."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reporting.validation import validate
from workbook.plan.errors import WorkbookError
from workbook.plan.model import Plan
from workbook.plan.schema import DATA_SHEETS, HEADER_ROW, SETTINGS, SETTINGS_SHEET
from workbook.reading.reader import plan_from_grids, read_plan
from workbook.spreadsheet.loading import Grid, load_grids
from xlsx_templates import EXAMPLES, example_path

Grids = dict[str, Grid]
Mutation = Callable[[Grids], Grids]
_SKIPPED = {"origin", "origins", "source", "notes"}


def content(value: object) -> object:
    """What the documents are made from: the model without where each value came from."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return tuple(
            (f.name, content(getattr(value, f.name))) for f in dataclasses.fields(value) if f.name not in _SKIPPED
        )
    if isinstance(value, tuple | list):
        return tuple(content(v) for v in value)
    if isinstance(value, Mapping):
        return tuple(sorted((k, content(v)) for k, v in value.items()))
    return value


@cache
def _grids(example: str) -> Grids:
    return dict(load_grids(example_path(example)))


@cache
def _content(example: str) -> object:
    return content(plan_from_grids(_grids(example)))


def _header_index(grid: Grid, header: str) -> tuple[int, int]:
    row = HEADER_ROW - 1
    return row, list(grid[row]).index(header)


def rename_sheet(name: str, new: str) -> Mutation:
    return lambda grids: {new if title == name else title: grid for title, grid in grids.items()}


def delete_sheet(name: str) -> Mutation:
    return lambda grids: {title: grid for title, grid in grids.items() if title != name}


def rename_column(sheet: str, header: str, new: str) -> Mutation:
    def mutate(grids: Grids) -> Grids:
        grid = list(grids[sheet])
        row, column = _header_index(grid, header)
        grid[row] = tuple(new if i == column else v for i, v in enumerate(grid[row]))
        return {**grids, sheet: grid}

    return mutate


def delete_column(sheet: str, header: str) -> Mutation:
    def mutate(grids: Grids) -> Grids:
        _, column = _header_index(grids[sheet], header)
        return {**grids, sheet: [row[:column] + row[column + 1 :] for row in grids[sheet]]}

    return mutate


def dutch_text(sheet: str, header: str, year: bool) -> Mutation:
    """Numbers typed as text the Dutch way: 1.168 and 22,4; years as "2012"."""

    def mutate(grids: Grids) -> Grids:
        row, column = _header_index(grids[sheet], header)

        def typed(value: object) -> object:
            if isinstance(value, bool) or not isinstance(value, int | float):
                return value
            whole = str(int(value)) if year else f"{int(value):,}".replace(",", ".")
            return whole if float(value).is_integer() else f"{value}".replace(".", ",")

        rows = [
            r if i <= row else tuple(typed(v) if c == column else v for c, v in enumerate(r))
            for i, r in enumerate(grids[sheet])
        ]
        return {**grids, sheet: rows}

    return mutate


def rename_setting(key: str, new: str | None) -> Mutation:
    def mutate(grids: Grids) -> Grids:
        grid = grids[SETTINGS_SHEET]
        if new is None:
            rows = [r for r in grid if not (r and r[0] == key)]
        else:
            rows = [(new, *r[1:]) if r and r[0] == key else r for r in grid]
        return {**grids, SETTINGS_SHEET: rows}

    return mutate


def _cases() -> list[tuple[str, str, str, str, Mutation]]:
    """(example, sheet, column or setting, what was done, mutation)."""
    cases = []
    for example in EXAMPLES:
        for spec in DATA_SHEETS:
            cases += [
                (example, spec.name, "", "blad hernoemd", rename_sheet(spec.name, f"{spec.name} 2024")),
                (example, spec.name, "", "blad anders genoemd", rename_sheet(spec.name, "Blad1")),
                (example, spec.name, "", "blad gewist", delete_sheet(spec.name)),
            ]
            for column in (c for c in spec.columns if not c.optional):  # not in the examples
                header = column.header
                cases += [
                    (example, spec.name, header, "kolom hernoemd", rename_column(spec.name, header, f"{header}.")),
                    (example, spec.name, header, "kolom anders genoemd", rename_column(spec.name, header, "Kolom1")),
                    (example, spec.name, header, "kolom gewist", delete_column(spec.name, header)),
                ]
                if column.kind in ("number", "year"):
                    typed = dutch_text(spec.name, header, column.kind == "year")
                    cases.append((example, spec.name, header, "getallen als tekst", typed))
        for setting in SETTINGS:
            cases += [
                (
                    example,
                    SETTINGS_SHEET,
                    setting.key,
                    "instelling met dubbele punt",
                    rename_setting(setting.key, setting.key + ":"),
                ),
                (
                    example,
                    SETTINGS_SHEET,
                    setting.key,
                    "instelling hernoemd",
                    rename_setting(setting.key, setting.key + " (oud)"),
                ),
                (example, SETTINGS_SHEET, setting.key, "instelling gewist", rename_setting(setting.key, None)),
            ]
    return cases


CASES = _cases()


def _named(plan_or_error: Plan | WorkbookError, sheet: str, column: str) -> bool:
    """Whether a message names the sheet and the column (or setting)."""
    if isinstance(plan_or_error, WorkbookError):
        messages = [plan_or_error.message]
    else:
        messages = [i.message for i in validate(plan_or_error).issues]
    return any(sheet in m and (not column or f"'{column}'" in m) for m in messages)


@cache
def _read(index: int) -> tuple[Plan | WorkbookError, bool]:
    """The mutated example as read (or the reader's refusal), and whether the plan changed."""
    example, _, _, _, mutation = CASES[index]
    try:
        plan = plan_from_grids(mutation(_grids(example)))
    except WorkbookError as error:
        return error, True
    return plan, content(plan) != _content(example)


@pytest.mark.parametrize("index", range(len(CASES)), ids=[f"{c[0]}-{c[1]}-{c[2] or 'blad'}-{c[3]}" for c in CASES])
def test_a_changed_plan_is_always_named(index):
    _, sheet, column, _, _ = CASES[index]
    result, changed = _read(index)
    if isinstance(result, WorkbookError):
        assert _named(result, sheet, column), result.message
    elif changed:
        assert _named(result, sheet, column), [i.message for i in validate(result).issues]


def test_the_mutations_change_the_examples():
    """The guard above is not empty: most mutations do change what the reader gets."""
    assert sum(_read(index)[1] for index in range(len(CASES))) > len(CASES) // 2


def _percent_typed(source: Path, target: Path, sheet: str, header: str) -> None:
    """Numbers typed as an officer does in Excel: 55% stored as 0.55 with a % number format."""
    workbook = load_workbook(source, rich_text=True)
    worksheet = workbook[sheet]
    column = next(c.column for c in worksheet[HEADER_ROW] if c.value == header)
    for (cell,) in worksheet.iter_rows(min_row=HEADER_ROW + 1, min_col=column, max_col=column):
        if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
            cell.value = cell.value / 100
            cell.number_format = "0.0%"
    workbook.save(target)


PERCENT_COLUMNS = [
    (example, spec.name, column.header)
    for example in EXAMPLES
    for spec in DATA_SHEETS
    for column in spec.columns
    if column.kind == "number"
]


@pytest.mark.parametrize(("example", "sheet", "header"), PERCENT_COLUMNS)
def test_percentages_typed_in_excel_read_as_shown(tmp_path, example, sheet, header):
    target = tmp_path / "plan.xlsx"
    _percent_typed(example_path(example), target, sheet, header)
    assert content(read_plan(target)) == _content(example)
