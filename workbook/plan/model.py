"""The plan as Python reads it from a workbook: plain dataclasses that remember their source cells."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

CLASSIC = "klassiek"
# Classic codes without the results level: SD 1, OD 1.1, action 1.1.1 directly under its objective.
CLASSIC_WITHOUT_RESULTS = "klassiek zonder resultaten"
# Read-note codes that mean a sheet (field "*") or a column was not read at all.
MISSING_CODES = frozenset({"ontbrekend-blad", "hernoemd-blad", "ontbrekende-kolom", "hernoemde-kolom"})
BBC = "BBC"
# The numberings in the order blad Lijsten offers them.
NUMBERINGS = (CLASSIC, CLASSIC_WITHOUT_RESULTS, BBC)
# Statuses after which an action is not expected in later years.
ENDED = frozenset({"afgerond", "stopgezet"})


class RowValues(Mapping):
    """The raw values of one row by field, as a mapping: a tuple of the values beside the sheet's one index of
    fields, a third of a dict's memory for the hundreds of thousands of rows of a big plan."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: Mapping[str, int], values: tuple) -> None:
        self._index, self._values = index, values

    def __getitem__(self, key: str) -> object:
        return self._values[self._index[key]]

    def get(self, key: str, default: object = None) -> object:
        position = self._index.get(key)
        return default if position is None else self._values[position]

    def __iter__(self):
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __repr__(self) -> str:
        return repr(dict(self.items()))


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a row came from: sheet, row number, the column of each field and the raw cell values."""

    sheet: str
    row: int
    columns: Mapping[str, str] = field(default_factory=dict)
    raw: Mapping[str, object] = field(default_factory=dict)

    def cell(self, name: str | None = None) -> str:
        """The cell of a field as "Sheet!D14" (or column A of the row when the field is unknown)."""
        column = self.columns.get(name, "A") if name else "A"
        return f"{self.sheet}!{column}{self.row}"


NO_ORIGIN = Origin(sheet="", row=0)


@dataclass(frozen=True, slots=True)
class ReadNote:
    """What the reader did not read as the template has it: a missing or renamed sheet, setting or column, or data
    where planrapport does not look. `field` names the model field whose column is missing ("" otherwise)."""

    code: str
    error: bool
    sheet: str
    cell: str
    message: str
    field: str = ""


def has_results(numbering: str) -> bool:
    """Whether a numbering has a results level (1.1.1) between the operational objectives and the actions."""
    return numbering == CLASSIC


@dataclass(frozen=True, slots=True)
class Settings:
    municipality: str = ""
    title: str = ""
    start_year: int | None = None
    end_year: int | None = None
    report_year: int | None = None
    numbering: str = CLASSIC
    cofinancing_min: float | None = None
    author: str = ""
    fictitious_note: str = ""
    report_template: str = ""
    plan_template: str = ""
    origins: Mapping[str, Origin] = field(default_factory=dict, compare=False)

    @property
    def has_results(self) -> bool:
        return has_results(self.numbering)

    @property
    def years(self) -> tuple[int, ...]:
        if self.start_year is None or self.end_year is None:
            return ()
        return tuple(range(self.start_year, self.end_year + 1))

    def cell(self, name: str) -> str:
        origin = self.origins.get(name)
        return origin.cell("value") if origin else "Instellingen!B1"


@dataclass(frozen=True, slots=True)
class Objective:
    code: str
    title: str
    motivation: str = ""
    domain: str = ""
    level: int = 1
    parent_code: str | None = None
    origin: Origin = field(default=NO_ORIGIN, compare=False)


@dataclass(frozen=True, slots=True)
class Result:
    code: str
    text: str
    parent_code: str | None = None
    origin: Origin = field(default=NO_ORIGIN, compare=False)


@dataclass(frozen=True, slots=True)
class Action:
    code: str
    title: str
    timing: str = ""
    years: tuple[int, ...] = ()
    description: str = ""
    lead: str = ""
    partners: str = ""
    budget: str = ""
    contact: str = ""
    see_also: str = ""
    see_also_codes: tuple[str, ...] = ()
    parent_code: str | None = None
    origin: Origin = field(default=NO_ORIGIN, compare=False)


@dataclass(frozen=True, slots=True)
class FollowUp:
    """The yearly follow-up of one action; `progress` keeps bold phrases as **markup**."""

    action_code: str
    year: int | None
    status: str = ""
    progress: str = ""
    progress_colour: str = ""
    time: str = ""
    time_colour: str = ""
    money: str = ""
    money_colour: str = ""
    origin: Origin = field(default=NO_ORIGIN, compare=False)


@dataclass(frozen=True, slots=True)
class Indicator:
    code: str
    text: str
    timing: str = ""
    kind: str = ""
    unit: str = ""
    direction: str = ""
    norm: str = ""
    baseline_year: int | None = None
    baseline_value: float | None = None
    target_year: int | None = None
    target_value: float | None = None
    note: str = ""
    parent_code: str | None = None
    origin: Origin = field(default=NO_ORIGIN, compare=False)

    @property
    def quantitative(self) -> bool:
        return self.kind.casefold() == "kwantitatief"


@dataclass(frozen=True, slots=True)
class Measurement:
    indicator_code: str
    period: str
    year: int | None = None
    partial: bool = False
    value: float | None = None
    share: float | None = None
    source: str = ""
    note: str = ""
    origin: Origin = field(default=NO_ORIGIN, compare=False)


@dataclass(frozen=True, slots=True)
class BudgetLine:
    year: int | None
    funding_kind: str = ""
    funder: str = ""
    description: str = ""
    planned: float | None = None
    spent: float | None = None
    note: str = ""
    origin: Origin = field(default=NO_ORIGIN, compare=False)


@dataclass(frozen=True, slots=True)
class Chapter:
    """A free chapter of the plan document (inleiding, omgevingsanalyse, ...), before or after the objectives."""

    title: str
    text: str = ""
    after: bool = False
    origin: Origin = field(default=NO_ORIGIN, compare=False)


@dataclass(frozen=True, slots=True)
class Adjustment:
    """One change the council or the college made to the plan during the period, from the sheet Bijsturing."""

    code: str
    kind: str = ""  # the word of column Wat, as typed: "actie stopgezet", "streefwaarde gewijzigd", ...
    day: date | None = None
    previous: str = ""
    new: str = ""
    decided_by: str = ""
    reason: str = ""
    origin: Origin = field(default=NO_ORIGIN, compare=False)


@dataclass(frozen=True, slots=True)
class Submission:
    """One value as it was submitted for a year (planrapport indienen), from the hidden sheet Ingediend."""

    year: int
    day: date | None
    sheet: str  # Opvolging or Metingen
    code: str
    key: str  # the follow-up's year or the measurement's period, as text
    header: str  # the column
    value: object


@dataclass(frozen=True, slots=True)
class Lists:
    """The allowed words of the "Lijsten" sheet: one source for Excel drop-downs and validation."""

    values: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Per list, each word's cell ("Lijsten!A6") and its text as typed there (before spaces are trimmed).
    cells: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict, compare=False)

    def get(self, name: str) -> tuple[str, ...]:
        return self.values.get(name, ())


@dataclass(frozen=True, slots=True)
class RequestedValue:
    """One value as it was sent to a trekker (planrapport uitvragen), from the hidden sheet Uitgevraagd."""

    year: int
    token: str  # the request's fingerprint, also on the hidden sheet of the trekker's file
    file: str  # the file's name as written
    lead: str  # "" for the actions without a trekker
    sheet: str  # Opvolging or Metingen
    code: str
    key: str  # the follow-up's year or the measurement's period, as text
    header: str  # the column
    value: object


@dataclass(frozen=True, slots=True)
class Plan:
    settings: Settings
    objectives: tuple[Objective, ...] = ()
    results: tuple[Result, ...] = ()
    actions: tuple[Action, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    measurements: tuple[Measurement, ...] = ()
    budget_lines: tuple[BudgetLine, ...] = ()
    lists: Lists = field(default_factory=Lists)
    chapters: tuple[Chapter, ...] = ()
    adjustments: tuple[Adjustment, ...] = ()
    source: Path | None = field(default=None, compare=False)
    notes: tuple[ReadNote, ...] = field(default=(), compare=False)
    submitted: tuple[Submission, ...] = field(default=(), compare=False)
    requested: tuple[RequestedValue, ...] = field(default=(), compare=False)

    def was_read(self, sheet: str, field_name: str | None = None) -> bool:
        """False when the sheet, or the column of `field_name` on it, was missing from the workbook."""
        return not any(
            n.sheet == sheet and n.field in ("*", field_name or "*") and n.code in MISSING_CODES for n in self.notes
        )

    def latest_before(self, year: int) -> dict[str, FollowUp]:
        """Each action's latest follow-up row before `year` (of two rows for one year, the lower)."""
        latest: dict[str, FollowUp] = {}
        for row in self.follow_ups:
            if row.year is not None and row.year < year and row.action_code:
                known = latest.get(row.action_code)
                if known is None or row.year >= (known.year or 0):
                    latest[row.action_code] = row
        return latest

    def ended_before(self, year: int) -> dict[str, FollowUp]:
        """Actions whose last follow-up before `year` says Afgerond or Stopgezet: not expected in `year` any more,
        each with that row."""
        return {
            code: row
            for code, row in self.latest_before(year).items()
            if " ".join(row.status.split()).casefold() in ENDED
        }

    @property
    def strategic(self) -> tuple[Objective, ...]:
        return tuple(o for o in self.objectives if o.level == 1)

    @property
    def operational(self) -> tuple[Objective, ...]:
        return tuple(o for o in self.objectives if o.level == 2)
