"""The officer's plan for the blind reply cases, and the files sent to its trekkers."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

EXAMPLE = "denderleeuw-2023"
YEAR = 2024
PLAN_NAME = "samenleven.xlsx"

# Actions the officer adds to sheet Acties: code, timing, title, trekker (None: no trekker).
NEW_ACTIONS: list[tuple[str, str, str, str | None]] = [
    ("A10902", "2024-2025", "Sportkampen voor kinderen van nieuwkomers", "Jeugd:Sport"),
    ("A10903", "2024-2025", "Taalcoaching op de werkvloer voor nieuwe medewerkers", "Personeelsdienst"),
    ("A10912", "2024-2025", "Begeleiding naar werk voor erkende vluchtelingen", "OCMW Sociale dienst"),
    ("A10913", "2024-2025", "NT2-lessen in samenwerking met het CVO", "Dienst Onderwijs"),
    ("A10922", "2024-2025", "Leesclub Nederlands oefenen in de bibliotheek", "Bibliotheek"),
    ("A10923", "2024-2025", "Evaluatie van het samenlevingsbeleid", None),
]
# The action without a trekker in the example gets one with a slash in its name.
TREKKER_OF_A10921 = "Jeugd/Sport"

# Indicators the officer adds under actions: code, title, unit (a word of sheet Lijsten).
NEW_INDICATORS: list[tuple[str, str, str]] = [
    ("A10901-I1", "Aantal deelnemers aan vrijetijdsactiviteiten voor nieuwkomers", "aantal"),
    ("A10920-I1", "Aandeel deelnemers van buitenlandse herkomst aan de sensibiliseringsactie", "%"),
    ("A10913-I1", "Slaagpercentage van de NT2-cursisten", "percentage"),
    ("A10912-I1", "Loonkost van de trajectbegeleiding", "euro"),
]

# Who leads which action in the base plan (what the cases rely on).
TREKKERS: dict[str, str | None] = {
    "A10900": "Personeelsdienst",
    "A10901": "Dienst Vrije Tijd",
    "A10910": "Dienst Burgerzaken",
    "A10911": "vzw PIN",
    "A10920": "Dienst Communicatie",
    "A10921": TREKKER_OF_A10921,
    **{code: trekker for code, _, _, trekker in NEW_ACTIONS},
}

HIDDEN_SHEET = "planrapport"
NO_TREKKER = ""  # key of the officer's own file (actions without a trekker) in ask()'s result


def planrapport(*args: str | Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the planrapport command (``$PLANRAPPORT`` overrides the command, e.g. a wrapper)."""
    command = shlex.split(os.environ.get("PLANRAPPORT", "planrapport"))
    result = subprocess.run([*command, *map(str, args)], capture_output=True, text=True, check=False)
    if check and result.returncode != 0:
        raise RuntimeError(
            f"planrapport {' '.join(map(str, args))} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
    return result


def _append_table_row(ws: Worksheet, values: list[object]) -> None:
    """Type a row under the sheet's table and let the table grow, as Excel does."""
    row = ws.max_row + 1
    for column, value in enumerate(values, start=1):
        ws.cell(row=row, column=column, value=value)
    for table in ws.tables.values():
        first, last = table.ref.split(":")
        last_column = "".join(ch for ch in last if ch.isalpha())
        table.ref = f"{first}:{last_column}{row}"


def _header(ws: Worksheet, name: str, header_row: int = 3) -> int:
    for cell in ws[header_row]:
        if cell.value == name:
            return cell.column
    raise KeyError(f"{ws.title} has no column {name!r}")


def _edit_plan(plan: Path) -> None:
    """What the officer types in Excel: trekkers, new actions, new indicators, a unit '%'."""
    wb = openpyxl.load_workbook(plan)
    actions = wb["Acties"]
    trekker_col = _header(actions, "Trekker")
    for row in range(4, actions.max_row + 1):
        if actions.cell(row=row, column=1).value == "A10921":
            actions.cell(row=row, column=trekker_col, value=TREKKER_OF_A10921)
    for code, timing, title, trekker in NEW_ACTIONS:
        _append_table_row(actions, [code, timing, title, None, trekker])

    lists = wb["Lijsten"]
    unit_col = _header(lists, "Eenheid")
    units = [lists.cell(row=r, column=unit_col).value for r in range(4, lists.max_row + 1)]
    if "%" not in units:
        free = next(r for r in range(4, lists.max_row + 2) if lists.cell(row=r, column=unit_col).value is None)
        lists.cell(row=free, column=unit_col, value="%")
        for table in lists.tables.values():
            first, last = table.ref.split(":")
            last_column = "".join(ch for ch in last if ch.isalpha())
            last_row = int("".join(ch for ch in last if ch.isdigit()))
            table.ref = f"{first}:{last_column}{max(last_row, free)}"

    indicators = wb["Indicatoren"]
    for code, title, unit in NEW_INDICATORS:
        _append_table_row(indicators, [code, "Jaarlijks", title, "kwantitatief", unit])
    wb.save(plan)


def make_base(tmp: Path) -> tuple[Path, int]:
    """Build the officer's workbook: the Denderleeuw example with ten trekkers, opened for 2024."""
    folder = tmp / "plan"
    folder.mkdir(parents=True, exist_ok=True)
    plan = folder / PLAN_NAME
    planrapport("voorbeeld", EXAMPLE, plan)
    _edit_plan(plan)
    planrapport("nieuw-jaar", plan, YEAR)
    return plan, YEAR


def trekker_of_request(path: Path) -> str:
    """The trekker a request file was made for, from its hidden sheet ('' for the officer's own)."""
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        ws = wb[HIDDEN_SHEET]
        for label, value, *_ in ws.iter_rows(min_row=1, max_row=20, values_only=True):
            if label == "Trekker":
                return "" if value is None else str(value)
    finally:
        wb.close()
    raise ValueError(f"{path.name} has no Trekker on its hidden sheet")


def ask(workbook: Path, year: int, folder: Path) -> dict[str, Path]:
    """Run uitvragen into folder; return trekker -> request file ('' for actions without one)."""
    planrapport("uitvragen", workbook, "--jaar", year, "--uit", folder)
    files: dict[str, Path] = {}
    for path in sorted(folder.glob("*.xlsx")):
        files[trekker_of_request(path)] = path
    return files
