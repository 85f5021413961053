"""The sheets Instellingen and Lijsten into the plan's settings and the words of its lists."""

from __future__ import annotations

import re
from collections.abc import Mapping

from openpyxl.utils import get_column_letter

from workbook.plan.errors import WorkbookError
from workbook.plan.model import CLASSIC, NUMBERINGS, Lists, Origin, ReadNote, Settings
from workbook.plan.numbers import parse_number, parse_year
from workbook.plan.schema import LISTS, LISTS_SHEET, REQUIRED_SETTINGS, SETTINGS, SETTINGS_SHEET, normalize_header
from workbook.reading import read_notes
from workbook.reading.sheet_tables import clean, find_header, text
from workbook.spreadsheet.loading import FRESH_TEMPLATE, Grid


def read_settings(grid: Grid, file_name: str, notes: list[ReadNote]) -> Settings:
    """The settings by their name in column Instelling; missing, renamed and unknown rows go to `notes`."""
    found = find_header(grid, ["Instelling", "Waarde"])
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
        raw = clean(row[value_col]) if value_col < len(row) else None
        if setting is None:
            if key not in (None, "") and raw not in (None, ""):
                unknown.setdefault(" ".join(str(key).split()), offset)
            continue
        if setting.field in values:
            continue
        origins[setting.field] = Origin(SETTINGS_SHEET, offset, {"value": letter}, {"value": raw})
        values[setting.field] = raw
    notes += _settings_notes(values, unknown, header_index + 2)
    numbering = " ".join(text(values.get("numbering")).split()).casefold()
    return Settings(
        municipality=text(values.get("municipality")),
        title=text(values.get("title")),
        start_year=parse_year(values.get("start_year")),
        end_year=parse_year(values.get("end_year")),
        report_year=parse_year(values.get("report_year")),
        numbering=next((n for n in NUMBERINGS if n.casefold() == numbering), CLASSIC),
        cofinancing_min=_fraction(values.get("cofinancing_min")),
        author=text(values.get("author")),
        fictitious_note=text(values.get("fictitious_note")),
        report_template=text(values.get("report_template")),
        plan_template=text(values.get("plan_template")),
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


def read_lists(grid: Grid | None) -> Lists:
    """The words of each list on blad Lijsten, with their cells; the standard words where the sheet has none."""
    values = {name: tuple(words) for name, words in LISTS.items()}
    if grid is None:
        return Lists(values)
    found = find_header(grid, ["Status"])
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
            (f"{LISTS_SHEET}!{letter}{number}", text(row[column]))
            for number, row in enumerate(grid[header_index + 1 :], start=header_index + 2)
            if column < len(row)
        ]
        cells[name] = tuple((cell, text) for cell, text in typed if text.strip())
        values[name] = tuple(text.strip() for _, text in cells[name])
    return Lists(values, cells)
