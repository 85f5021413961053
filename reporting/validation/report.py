"""The validation report: issues with a stable code, a severity, the exact cell and a Dutch message."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from workbook.plan.check_list import CheckList, CheckRow
from workbook.plan.schema import (
    ACTIONS,
    BUDGET,
    FOLLOW_UP,
    INDICATORS,
    LISTS_SHEET,
    MEASUREMENTS,
    OBJECTIVES,
    RESULTS,
    SETTINGS_SHEET,
)

ERROR = "fout"
WARNING = "waarschuwing"
SEVERITIES = (ERROR, WARNING)
SHEET_ORDER = (
    SETTINGS_SHEET,
    OBJECTIVES.name,
    RESULTS.name,
    ACTIONS.name,
    FOLLOW_UP.name,
    INDICATORS.name,
    MEASUREMENTS.name,
    BUDGET.name,
    LISTS_SHEET,
)
_CELL = re.compile(r"^(?P<column>[A-Z]+)(?P<row>\d+)$")


@dataclass(frozen=True)
class Issue:
    """One problem: where it is (sheet and cell "Acties!D14"), which row code, and what to do about it."""

    code: str
    severity: str
    sheet: str
    cell: str
    row_code: str
    message: str

    @property
    def coordinate(self) -> str:
        """The cell without its sheet: "D14"."""
        return self.cell.rsplit("!", 1)[-1]

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def sort_key(self) -> tuple:
        sheet = SHEET_ORDER.index(self.sheet) if self.sheet in SHEET_ORDER else len(SHEET_ORDER)
        match = _CELL.match(self.coordinate)
        row, column = (int(match["row"]), _column_number(match["column"])) if match else (0, 0)
        return (SEVERITIES.index(self.severity), sheet, self.sheet, row, column, self.code, self.message)

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class ValidationReport:
    """All issues of one check, errors first, then in workbook order; `ok` means no errors."""

    issues: tuple[Issue, ...] = ()
    year: int | None = None
    errors: tuple[Issue, ...] = field(init=False, repr=False, compare=False)
    warnings: tuple[Issue, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ordered = tuple(sorted(dict.fromkeys(self.issues), key=Issue.sort_key))
        object.__setattr__(self, "issues", ordered)
        object.__setattr__(self, "errors", tuple(i for i in ordered if i.severity == ERROR))
        object.__setattr__(self, "warnings", tuple(i for i in ordered if i.severity == WARNING))

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        """ "2 fouten en 3 waarschuwingen", "geen fouten, 1 waarschuwing", "geen fouten of waarschuwingen"."""
        errors = _count(len(self.errors), "fout", "fouten")
        warnings = _count(len(self.warnings), "waarschuwing", "waarschuwingen")
        if not self.issues:
            return "geen fouten of waarschuwingen"
        if not self.errors:
            return f"geen fouten, {warnings}"
        return f"{errors} en {warnings}" if self.warnings else errors

    def check_list(self) -> CheckList:
        """The issues as the plain rows the Controle sheet's writers take."""
        rows = tuple(CheckRow(i.severity, i.sheet, i.coordinate, i.code, i.message) for i in self.issues)
        return CheckList(self.summary(), self.year, rows)

    def flattened(self) -> list[tuple[str, str, str]]:
        """(code, sheet, cell) per issue, in report order: what tests compare."""
        return [(i.code, i.sheet, i.cell) for i in self.issues]

    def as_dict(self) -> dict[str, object]:
        return {
            "year": self.year,
            "ok": self.ok,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "issues": [i.as_dict() for i in self.issues],
        }


def _count(number: int, one: str, more: str) -> str:
    return f"{number} {one if number == 1 else more}"


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number
