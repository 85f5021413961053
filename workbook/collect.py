"""Merge the returned follow-up into the workbook's rows of the year: empty cells filled, conflicts shown, not taken."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workbook.errors import WorkbookError
from workbook.files import open_for_rewrite, rewrite_with_backup
from workbook.model import Plan
from workbook.numbers import parse_number
from workbook.reader import read_plan
from workbook.requests import NO_LEAD, requests_for
from workbook.returns import Returned, ReturnedRow, read_returned, returned_files
from workbook.schema import FOLLOW_UP, LISTS, MEASUREMENTS
from workbook.xlsx_cells import column_number
from workbook.xlsx_rows import TableSheet

NUMBER_FIELDS = {"value", "share"}


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


@dataclass
class Answer:
    who: str
    file: str
    rows: set[tuple[str, int]] = field(default_factory=set)  # (sheet, workbook row) filled
    cells: int = 0
    answered: bool = False  # something in the file differs from what was sent


@dataclass
class Collected:
    year: int
    answers: list[Answer] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)  # who was asked and did not answer
    backup: Path | None = None
    changes: dict[tuple[str, int, str], object] = field(default_factory=dict)  # (sheet, row, letter) -> value


def collect(path: str | Path, folder: str | Path, year: int | None = None, overwrite: bool = False,
            write: bool = True) -> Collected:
    """Read every returned file in `folder` and merge it into the workbook (after today's backup, atomically);
    nothing is written when nothing changes."""
    path = Path(path)
    result = gather(read_plan(path), folder, year, overwrite)
    if result.changes and write:
        result.backup = _write(path, result.changes)
    return result


def gather(plan: Plan, folder: str | Path, year: int | None = None, overwrite: bool = False) -> Collected:
    """Read and check every returned file in `folder` and decide what merging them into `plan` changes
    (`changes`: the cells to write), without writing anything."""
    folder = Path(folder)
    name = plan.source.name if plan.source else "het werkboek"
    year = year if year is not None else plan.settings.report_year
    if year is None:
        raise WorkbookError(f"{name}: er staat geen Rapportjaar op blad Instellingen; geef --jaar JAAR.")
    if not folder.is_dir():
        raise WorkbookError(f"{folder}: deze map bestaat niet.")
    result = Collected(year)
    try:
        asked = [r.who for r in requests_for(plan, year)]
    except WorkbookError as error:
        raise WorkbookError(f"{name}: {error.message}") from None
    own = plan.source.resolve() if plan.source else None
    files = [p for p in returned_files(folder) if p.resolve() != own]
    accepted = _accepted(plan, year, [read_returned(p) for p in files], result)
    merger = _Merger(plan, year, overwrite, result)
    for returned in accepted:
        merger.merge(returned)
    answered = {a.who.casefold() for a in result.answers}
    result.waiting = [who for who in asked if who.casefold() not in answered]
    return result


def _accepted(plan: Plan, year: int, returned: list[Returned], result: Collected) -> list[Returned]:
    settings = plan.settings
    good: list[Returned] = []
    for item in returned:
        name = item.path.name
        if item.problem:
            result.refusals.append(f"{name}: {item.problem}; het wordt niet gelezen.")
        elif (_fold(item.municipality), _fold(item.title)) != (_fold(settings.municipality), _fold(settings.title)):
            result.refusals.append(f"{name}: dit bestand hoort bij een ander plan ({item.municipality}, "
                                   f"{item.title}); het wordt niet gelezen.")
        elif item.year != year:
            result.refusals.append(f"{name}: dit bestand gaat over {item.year}, niet over {year}; het wordt niet "
                                   "gelezen.")
        else:
            good.append(item)
    by_who: dict[str, list[Returned]] = {}
    for item in good:
        by_who.setdefault(_fold(item.lead), []).append(item)
    accepted = []
    for items in by_who.values():
        # The file as it was sent, still beside the filled one (renamed on return), is no second answer.
        answered = [i for i in items if _answered(i)] or items[:1]
        if len({_answer_key(i) for i in answered}) == 1:
            accepted.append(answered[0])
            continue
        names = " en ".join(i.path.name for i in answered)
        who = items[0].lead or "de acties zonder trekker"
        result.refusals.append(f"{names}: twee verschillend ingevulde bestanden voor {who}; geen van beide wordt "
                               "gelezen. Laat er één in de map staan.")
    return accepted


def _answered(returned: Returned) -> bool:
    """Whether anything in the file differs from what was sent."""
    for row in returned.rows:
        sent = returned.sent.get((row.sheet, row.key))
        if sent is None or any(not _same(v, sent.get(f)) for f, v in row.values.items()):
            return True
    return False


def _answer_key(returned: Returned) -> tuple:
    return tuple(sorted((row.sheet, row.key, tuple(sorted((f, str(v)) for f, v in row.values.items())))
                        for row in returned.rows))


class _Merger:
    def __init__(self, plan: Plan, year: int, overwrite: bool, result: Collected) -> None:
        self.plan, self.year, self.overwrite, self.result = plan, year, overwrite, result
        self.actions = {a.code for a in plan.actions}
        self.indicators = {i.code for i in plan.indicators}
        self.follow_ups = {(r.action_code, str(r.year)): r for r in plan.follow_ups if r.year == year}
        self.measurements = {(m.indicator_code, " ".join(m.period.split())): m for m in plan.measurements
                             if m.year == year}
        self.words = {name: {_fold(w): w for w in (plan.lists.get(name) or LISTS[name])}
                      for name in ("Status", "Tijd", "Kleur")}

    def merge(self, returned: Returned) -> None:
        answer = Answer(returned.lead or NO_LEAD, returned.path.name, answered=_answered(returned))
        for row in returned.rows:
            if row.sheet == FOLLOW_UP.name:
                self._follow_up(returned, row, answer)
            else:
                self._measurement(returned, row, answer)
        if answer.answered:
            self.result.answers.append(answer)

    def _refuse(self, returned: Returned, row: ReturnedRow, field_name: str, text: str) -> None:
        letter = row.letters.get(field_name, "A")
        self.result.refusals.append(f"{returned.path.name}, {row.sheet}!{letter}{row.row}: {text}")

    def _follow_up(self, returned: Returned, row: ReturnedRow, answer: Answer) -> None:
        code, year = row.key
        if code not in self.actions:
            self._refuse(returned, row, "action_code", f"actie {code or '(leeg)'} staat niet in het plan; de rij "
                         "wordt niet overgenomen.")
            return
        if year != str(self.year):
            self._refuse(returned, row, "year", f"de rij gaat over {year or '(leeg)'}, niet over {self.year}; de "
                         "rij wordt niet overgenomen.")
            return
        target = self.follow_ups.get(row.key)
        if target is None:
            self._refuse(returned, row, "action_code", f"op blad Opvolging van het werkboek staat geen rij voor "
                         f"actie {code} in {self.year}; de rij wordt niet overgenomen.")
            return
        sent = returned.sent.get((FOLLOW_UP.name, row.key), {})
        for column in FOLLOW_UP.columns:
            if column.field in ("action_code", "year") or row.values.get(column.field) is None:
                continue
            value = row.values[column.field]
            if column.list_name:
                word = self.words[column.list_name].get(_fold(value))
                if word is None:
                    self._refuse(returned, row, column.field, f"'{value}' staat niet in de lijst {column.list_name}; "
                                 "de cel wordt niet overgenomen.")
                    continue
                value = word
            current = getattr(target, column.field) or None
            self._decide(returned, answer, FOLLOW_UP.name, target.origin, column.field, column.header, code,
                         current, sent.get(column.field), value)

    def _measurement(self, returned: Returned, row: ReturnedRow, answer: Answer) -> None:
        code, period = row.key
        if code not in self.indicators:
            self._refuse(returned, row, "indicator_code", f"indicator {code or '(leeg)'} staat niet in het plan; de "
                         "rij wordt niet overgenomen.")
            return
        target = self.measurements.get(row.key)
        if target is None:
            self._refuse(returned, row, "period", f"op blad Metingen van het werkboek staat geen rij voor indicator "
                         f"{code}, periode {period or '(leeg)'}; de rij wordt niet overgenomen.")
            return
        sent = returned.sent.get((MEASUREMENTS.name, row.key), {})
        for column in MEASUREMENTS.columns:
            if column.field in ("indicator_code", "period") or row.values.get(column.field) is None:
                continue
            value = row.values[column.field]
            if column.field in NUMBER_FIELDS and parse_number(value).value is None:
                self._refuse(returned, row, column.field, f"'{value}' is geen getal; de cel wordt niet overgenomen.")
                continue
            current = target.origin.raw.get(column.field)
            self._decide(returned, answer, MEASUREMENTS.name, target.origin, column.field, column.header, code,
                         None if current in (None, "") else current, sent.get(column.field), value)

    def _decide(self, returned: Returned, answer: Answer, sheet: str, origin, field_name: str, header: str,
                code: str, current: object, sent: object, value: object) -> None:
        """Empty or unchanged since it was sent: take the returned value; the same: nothing; else a conflict."""
        if _same(value, current) or _same(value, sent):
            return
        letter = origin.columns.get(field_name)
        if letter is None:
            return  # the workbook has no such column; the reader's notes say so
        cell = f"{sheet}!{letter}{origin.row}"
        if current is not None and not _same(current, sent):
            self.result.conflicts.append(Conflict(cell, code, header, current, value, answer.who, answer.file,
                                                  self.overwrite))
            if not self.overwrite:
                return
        self.result.changes[(sheet, origin.row, letter)] = value
        answer.rows.add((sheet, origin.row))
        answer.cells += 1


def _write(path: Path, changes: dict[tuple[str, int, str], object]) -> Path:
    package = open_for_rewrite(path)
    for spec in (FOLLOW_UP, MEASUREMENTS):
        cells = {(row, letter): value for (sheet, row, letter), value in changes.items() if sheet == spec.name}
        if not cells:
            continue
        sheet = TableSheet(package, spec.name, None)
        for (row, letter), value in sorted(cells.items()):
            sheet.set_value(row, column_number(letter), value)
        sheet.save()
    return rewrite_with_backup(path, package.write)


def _same(a: object, b: object) -> bool:
    if a in (None, "") or b in (None, ""):
        return a in (None, "") and b in (None, "")
    if isinstance(a, (int, float)) or isinstance(b, (int, float)):
        x, y = parse_number(a).value, parse_number(b).value
        if x is not None and y is not None:
            return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))
    return " ".join(str(a).split()) == " ".join(str(b).split())


def _fold(value: object) -> str:
    return " ".join(str(value or "").split()).casefold()
