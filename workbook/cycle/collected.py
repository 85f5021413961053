"""What collecting the returned files found: the answers, conflicts, clashes, refusals and the cells to write."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Conflict:
    cell: str  # in the workbook, "Opvolging!C57"
    code: str
    header: str
    current: object
    returned: object
    who: str
    file: str
    overwritten: bool
    where: str = ""  # in the returned file, "file, Opvolging!D5"


@dataclass(frozen=True)
class Clash:
    """Different answers for one cell of the workbook (two rows of one reply, or two replies): none is taken."""

    cell: str  # in the workbook, "Opvolging!C57"
    code: str
    header: str
    answers: tuple[tuple[object, str], ...]  # (value, where: "file, Opvolging!C5")


@dataclass
class Answer:
    who: str
    file: str
    rows: set[tuple[str, int]] = field(default_factory=set)  # (sheet, workbook row) filled
    cells: int = 0
    answered: bool = False  # something in the file differs from what was sent
    asked: str = ""  # the name of the file as it was sent


@dataclass
class Collected:
    year: int
    answers: list[Answer] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    clashes: list[Clash] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)  # who was asked and did not answer
    waiting_files: list[str] = field(default_factory=list)  # the names of their files, in the same order
    remarks: list[str] = field(default_factory=list)  # said once, before the rest
    backup: Path | None = None
    changes: dict[tuple[str, int, str], object] = field(default_factory=dict)  # (sheet, row, letter) -> value
