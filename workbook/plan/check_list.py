"""What a check found, as plain rows for the Controle sheet (read by the writer, made by the checks)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class CheckRow(NamedTuple):
    """One problem as the Controle sheet lists it; `cell` is the cell on its own sheet ("D14")."""

    severity: str
    sheet: str
    cell: str
    code: str
    message: str


@dataclass(frozen=True)
class CheckList:
    """What a check found, as plain rows: the summary ("2 fouten en 3 waarschuwingen"), the year, the problems."""

    summary: str
    year: int | None = None
    rows: tuple[CheckRow, ...] = ()
