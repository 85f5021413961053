"""Merge the returned follow-up into the workbook's rows of the year: empty cells filled, conflicts shown, not taken."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workbook.cycle.requests import IDENTITY_SHEET, NO_LEAD, SENT_ROW, planned_requests
from workbook.cycle.returns import Returned, ReturnedRow, other_files, read_returned, returned_files
from workbook.plan import codes
from workbook.plan.errors import WorkbookError
from workbook.plan.model import Plan
from workbook.plan.numbers import parse_number
from workbook.plan.schema import FOLLOW_UP, LISTS, MEASUREMENTS
from workbook.reading.reader import read_plan
from workbook.spreadsheet.cells import column_number
from workbook.spreadsheet.rows import TableSheet
from workbook.storage.files import open_for_rewrite, rewrite_with_backup
from workbook.storage.writer_lock import writes_workbook

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


@dataclass
class _Asked:
    """What one file was sent, as recorded on the sheet Uitgevraagd (or, for files asked before that record
    existed, as the file itself says)."""

    file: str
    lead: str
    sent: dict[tuple[str, tuple[str, str]], dict[str, object]] = field(default_factory=dict)

    @property
    def who(self) -> str:
        return self.lead or NO_LEAD


@writes_workbook
def collect(
    path: str | Path, folder: str | Path, year: int | None = None, overwrite: bool = False, write: bool = True
) -> Collected:
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
    record = asked_by_token(plan, year)
    if record:
        asked = list({(a.who, a.file): None for a in record.values()})
    else:
        try:
            asked = [(p.request.who, p.path.name) for p in planned_requests(plan, year, folder)]
        except WorkbookError as error:
            raise WorkbookError(f"{name}: {error.message}") from None
        result.remarks.append(
            f"Op het blad Uitgevraagd van {name} staat niet wat er voor {year} uitgevraagd werd (de bestanden "
            "werden gemaakt met een vroegere versie van planrapport): elk bestand wordt gelezen met wat het zelf "
            "zegt over zijn trekker en wat er verstuurd werd."
        )
    own = plan.source.resolve() if plan.source else None
    files = [p for p in returned_files(folder) if p.resolve() != own]
    result.refusals += [
        f"{p.name}: dit is geen Excel-werkboek (.xlsx); het wordt niet gelezen. Vraag de trekker het "
        "bestand dat hij kreeg in Excel in te vullen en als .xlsx terug te sturen."
        for p in other_files(folder)
    ]
    accepted = _accepted(plan, year, [read_returned(p) for p in files], record, result)
    merger = _Merger(plan, year, overwrite, result)
    for returned, asked_file in accepted:
        merger.merge(returned, asked_file, restricted=bool(record))
    merger.resolve()
    answered = {a.asked.casefold() for a in result.answers} if record else {a.who.casefold() for a in result.answers}
    silent = [(who, file) for who, file in asked if (file.casefold() if record else who.casefold()) not in answered]
    result.waiting = [who for who, _ in silent]
    result.waiting_files = [file for _, file in silent]
    return result


def asked_by_token(plan: Plan, year: int) -> dict[str, _Asked]:
    """The record of what was sent for `year`, by the fingerprint of each file."""
    columns = {spec.name: {c.header: c.field for c in spec.columns} for spec in (FOLLOW_UP, MEASUREMENTS)}
    record: dict[str, _Asked] = {}
    for value in plan.requested:
        if value.year != year or value.sheet not in columns:
            continue
        asked = record.setdefault(value.token, _Asked(value.file, value.lead))
        key = (codes.normalize(value.code), " ".join(value.key.split()))
        row = asked.sent.setdefault((value.sheet, key), {})
        field_name = columns[value.sheet].get(value.header)
        if field_name is not None:
            row[field_name] = None if value.value in (None, "") else value.value
    return record


def _accepted(
    plan: Plan, year: int, returned: list[Returned], record: dict[str, _Asked], result: Collected
) -> list[tuple[Returned, _Asked]]:
    settings = plan.settings
    good: list[tuple[Returned, _Asked]] = []
    for item in returned:
        name = item.path.name
        if item.problem:
            result.refusals.append(f"{name}: {item.problem}; het wordt niet gelezen.")
        elif (_fold(item.municipality), _fold(item.title)) != (_fold(settings.municipality), _fold(settings.title)):
            result.refusals.append(
                f"{name}: dit bestand hoort bij een ander plan ({item.municipality}, "
                f"{item.title}); het wordt niet gelezen."
            )
        elif item.year != year:
            result.refusals.append(
                f"{name}: dit bestand gaat over {item.year}, niet over {year}; het wordt niet gelezen."
            )
        elif not record:
            good.append((item, _Asked(item.path.name, item.lead, item.sent)))
        elif item.token not in record:
            result.refusals.append(
                f"{name}: dit bestand werd voor {year} niet uit dit werkboek uitgevraagd (zijn kenmerk staat niet "
                "op het blad Uitgevraagd); het wordt niet gelezen. Stuur de trekker het bestand dat hij kreeg."
            )
        elif (problem := _tampered(item, record[item.token])) is not None:
            result.refusals.append(f"{name}, {problem}; het bestand wordt niet gelezen.")
        else:
            good.append((item, record[item.token]))
    accepted = []
    by_file: dict[str, list[tuple[Returned, _Asked]]] = {}
    for item, asked in good:
        result.refusals += item.refusals
        by_file.setdefault(asked.file.casefold() if record else _fold(item.lead), []).append((item, asked))
    for items in by_file.values():
        # The file as it was sent, still beside the filled one (renamed on return), is no second answer; two
        # filled copies (two colleagues filled the same file) both count: where they differ, the cell clashes.
        answered = [(i, a) for i, a in items if _answered(i, a)] or items[:1]
        accepted += answered
    return accepted


def _tampered(returned: Returned, asked: _Asked) -> str | None:
    """Where the file's hidden sheet no longer says what was sent: a changed trekker or changed values."""
    if _fold(returned.lead) != _fold(asked.lead):
        return (
            f"verborgen blad {IDENTITY_SHEET}: de trekker is gewijzigd in '{returned.lead}' (het bestand werd "
            f"uitgevraagd aan {asked.who})"
        )
    for number, (key, values) in enumerate(returned.sent.items(), start=SENT_ROW):
        sent = asked.sent.get(key)
        if sent is None:
            return (
                f"verborgen blad {IDENTITY_SHEET}, rij {number}: {key[0]} {key[1][0]} werd niet aan "
                f"{asked.who} gevraagd"
            )
        if any(not _same(v, sent.get(f)) for f, v in values.items() if f not in KEY_FIELDS):
            return (
                f"verborgen blad {IDENTITY_SHEET}, rij {number}: de waarden zoals verstuurd ({key[0]}, "
                f"{key[1][0]}) zijn gewijzigd"
            )
    if len(returned.sent) < len(asked.sent):
        return f"verborgen blad {IDENTITY_SHEET}: er zijn rijen van wat verstuurd werd verwijderd"
    return None


def _answered(returned: Returned, asked: _Asked) -> bool:
    """Whether anything in the file differs from what was sent."""
    for row in returned.rows:
        sent = asked.sent.get((row.sheet, row.key))
        if sent is None or any(not _same(v, sent.get(f)) for f, v in row.values.items() if f not in KEY_FIELDS):
            return True
    return False


KEY_FIELDS = ("action_code", "year", "indicator_code", "period")


@dataclass
class _Proposal:
    value: object
    answer: Answer
    where: str  # "file, Opvolging!C5"
    current: object
    sent: object
    code: str
    header: str


class _Merger:
    def __init__(self, plan: Plan, year: int, overwrite: bool, result: Collected) -> None:
        self.plan, self.year, self.overwrite, self.result = plan, year, overwrite, result
        self.actions = {a.code for a in plan.actions}
        self.indicators = {i.code for i in plan.indicators}
        self.units = {i.code: i.unit for i in plan.indicators}
        self.follow_ups = {(r.action_code, str(r.year)): r for r in plan.follow_ups if r.year == year}
        self.measurements = {
            (m.indicator_code, " ".join(m.period.split())): m for m in plan.measurements if m.year == year
        }
        self.words = {
            name: {_fold(w): w for w in (plan.lists.get(name) or LISTS[name])} for name in ("Status", "Tijd", "Kleur")
        }
        self.proposals: dict[tuple[str, int, str], list[_Proposal]] = {}

    def merge(self, returned: Returned, asked: _Asked, restricted: bool) -> None:
        answer = Answer(asked.who, returned.path.name, answered=_answered(returned, asked), asked=asked.file)
        groups: dict[tuple[str, tuple[str, str]], list[ReturnedRow]] = {}
        for row in returned.rows:
            groups.setdefault((row.sheet, row.key), []).append(row)
        for (sheet, key), rows in groups.items():
            row = rows[0]
            if restricted and (sheet, key) not in asked.sent and self._known(returned, row):
                what = "actie" if sheet == FOLLOW_UP.name else "indicator"
                period = f" in {key[1]}" if sheet == FOLLOW_UP.name else f", periode {key[1] or '(leeg)'}"
                for each in rows:
                    self._refuse(
                        returned,
                        each,
                        KEY_FIELDS[0] if sheet == FOLLOW_UP.name else KEY_FIELDS[2],
                        f"{what} {key[0]}{period} werd niet aan {asked.who} gevraagd; de rij wordt niet overgenomen.",
                    )
                continue
            if len(rows) > 1 and self._duplicate(returned, sheet, key, rows):
                continue
            sent = asked.sent.get((sheet, key), {})
            if sheet == FOLLOW_UP.name:
                self._follow_up(returned, row, answer, sent)
            else:
                self._measurement(returned, row, answer, sent)
        if answer.answered:
            self.result.answers.append(answer)

    def _known(self, returned: Returned, row: ReturnedRow) -> bool:
        """Whether the row's code is in the plan (an unknown code has a message of its own)."""
        return row.key[0] in (self.actions if row.sheet == FOLLOW_UP.name else self.indicators)

    def _duplicate(self, returned: Returned, sheet: str, key: tuple[str, str], rows: list[ReturnedRow]) -> bool:
        """Rows of one reply for the same action and year (or measurement): a clash when they differ."""
        spec = FOLLOW_UP if sheet == FOLLOW_UP.name else MEASUREMENTS
        target = (self.follow_ups if sheet == FOLLOW_UP.name else self.measurements).get(key)
        found = False
        for column in spec.columns:
            if column.field in KEY_FIELDS:
                continue
            values = [(r.values.get(column.field), r) for r in rows]
            distinct = []
            for value, _ in values:
                if not any(_same(value, d) for d in distinct):
                    distinct.append(value)
            if len(distinct) < 2:
                continue
            found = True
            letter = target.origin.columns.get(column.field) if target is not None else None
            cell = f"{sheet}!{letter}{target.origin.row}" if letter else f"{sheet} ({key[0]})"
            where = tuple(
                (v, f"{returned.path.name}, {sheet}!{r.letters.get(column.field, 'A')}{r.row}") for v, r in values
            )
            self.result.clashes.append(Clash(cell, key[0], column.header, where))
        return found

    def _refuse(self, returned: Returned, row: ReturnedRow, field_name: str, text: str) -> None:
        letter = row.letters.get(field_name, "A")
        code = row.key[0]
        named = f" ({code})" if code and code not in text else ""
        self.result.refusals.append(f"{returned.path.name}, {row.sheet}!{letter}{row.row}{named}: {text}")

    def _follow_up(self, returned: Returned, row: ReturnedRow, answer: Answer, sent: dict[str, object]) -> None:
        code, year = row.key
        if code not in self.actions:
            self._refuse(
                returned,
                row,
                "action_code",
                f"actie {code or '(leeg)'} staat niet in het plan; de rij wordt niet overgenomen.",
            )
            return
        if year != str(self.year):
            self._refuse(
                returned,
                row,
                "year",
                f"de rij gaat over {year or '(leeg)'}, niet over {self.year}; de rij wordt niet overgenomen.",
            )
            return
        target = self.follow_ups.get(row.key)
        if target is None:
            self._refuse(
                returned,
                row,
                "action_code",
                f"op blad Opvolging van het werkboek staat geen rij voor "
                f"actie {code} in {self.year}; de rij wordt niet overgenomen.",
            )
            return
        for column in FOLLOW_UP.columns:
            if column.field in ("action_code", "year") or row.values.get(column.field) is None:
                continue
            value = row.values[column.field]
            if column.list_name:
                word = self.words[column.list_name].get(_fold(value))
                if word is None:
                    self._refuse(
                        returned,
                        row,
                        column.field,
                        f"'{value}' staat niet in de lijst {column.list_name}; de cel wordt niet overgenomen.",
                    )
                    continue
                value = word
            current = getattr(target, column.field) or None
            self._propose(
                returned,
                row,
                answer,
                FOLLOW_UP.name,
                target.origin,
                column.field,
                column.header,
                code,
                current,
                sent.get(column.field),
                value,
            )

    def _measurement(self, returned: Returned, row: ReturnedRow, answer: Answer, sent: dict[str, object]) -> None:
        code, period = row.key
        if code not in self.indicators:
            self._refuse(
                returned,
                row,
                "indicator_code",
                f"indicator {code or '(leeg)'} staat niet in het plan; de rij wordt niet overgenomen.",
            )
            return
        target = self.measurements.get(row.key)
        if target is None:
            self._refuse(
                returned,
                row,
                "period",
                f"op blad Metingen van het werkboek staat geen rij voor indicator "
                f"{code}, periode {period or '(leeg)'}; de rij wordt niet overgenomen.",
            )
            return
        for column in MEASUREMENTS.columns:
            if column.field in ("indicator_code", "period") or row.values.get(column.field) is None:
                continue
            value = row.values[column.field]
            unit = self.units.get(code, "").strip()
            if column.field == "value" and column.field in row.percent and unit and not _in_percent(unit):
                self._refuse(
                    returned,
                    row,
                    column.field,
                    f"'{_shown_number(value)}%' is een percentage, maar "
                    f"indicator {code} telt in '{unit}'; de cel wordt niet overgenomen.",
                )
                continue
            if column.field in NUMBER_FIELDS and parse_number(value).value is None:
                self._refuse(returned, row, column.field, f"'{value}' is geen getal; de cel wordt niet overgenomen.")
                continue
            current = target.origin.raw.get(column.field)
            self._propose(
                returned,
                row,
                answer,
                MEASUREMENTS.name,
                target.origin,
                column.field,
                column.header,
                code,
                None if current in (None, "") else current,
                sent.get(column.field),
                value,
            )

    def _propose(
        self,
        returned: Returned,
        row: ReturnedRow,
        answer: Answer,
        sheet: str,
        origin,
        field_name: str,
        header: str,
        code: str,
        current: object,
        sent: object,
        value: object,
    ) -> None:
        """Unchanged since it was sent, or what the workbook holds: nothing to do; else a proposal for the cell."""
        if _same(value, current) or _same(value, sent):
            return
        letter = origin.columns.get(field_name)
        if letter is None:
            return  # the workbook has no such column; the reader's notes say so
        where = f"{returned.path.name}, {row.sheet}!{row.letters.get(field_name, 'A')}{row.row}"
        self.proposals.setdefault((sheet, origin.row, letter), []).append(
            _Proposal(value, answer, where, current, sent, code, header)
        )

    def resolve(self) -> None:
        """One answer for a cell: taken when the cell is empty or unchanged since it was sent, else a conflict;
        different answers for one cell: a clash, none taken."""
        for (sheet, row, letter), proposals in self.proposals.items():
            cell = f"{sheet}!{letter}{row}"
            first = proposals[0]
            if any(not _same(p.value, first.value) for p in proposals[1:]):
                self.result.clashes.append(
                    Clash(cell, first.code, first.header, tuple((p.value, p.where) for p in proposals))
                )
                continue
            current = first.current
            if current is not None and not _same(current, first.sent):
                self.result.conflicts.append(
                    Conflict(
                        cell,
                        first.code,
                        first.header,
                        current,
                        first.value,
                        first.answer.who,
                        first.answer.file,
                        self.overwrite,
                        first.where,
                    )
                )
                if not self.overwrite:
                    continue
            self.result.changes[(sheet, row, letter)] = first.value
            for proposal in proposals:
                proposal.answer.rows.add((sheet, row))
                proposal.answer.cells += 1


def _write(path: Path, changes: dict[tuple[str, int, str], object]) -> Path:
    """Write every change as a valid cell of its column's kind: a number (kept in a %-formatted cell as Excel
    stores it), a year, or text as Excel shows it; refused before writing when the workbook would grow too big."""
    import zipfile

    from workbook.cycle.returns import typed_value
    from workbook.spreadsheet.loading import MAX_UNCOMPRESSED, is_percent_format
    from workbook.spreadsheet.rows import number_formats

    with zipfile.ZipFile(path) as archive:
        size = sum(info.file_size for info in archive.infolist())
    if size + sum(6 * len(str(v)) + 100 for v in changes.values()) > MAX_UNCOMPRESSED:
        raise WorkbookError(
            f"{path.name}: met deze antwoorden zou het werkboek uitgepakt groter worden dan 500 MB; "
            "er wordt niets overgenomen. Kijk de teruggestuurde bestanden na."
        )
    package = open_for_rewrite(path)
    percent = {i for i, code in enumerate(number_formats(package)) if is_percent_format(code)}
    for spec in (FOLLOW_UP, MEASUREMENTS):
        cells = {(row, letter): value for (sheet, row, letter), value in changes.items() if sheet == spec.name}
        if not cells:
            continue
        sheet = TableSheet(package, spec.name, None)
        try:
            sheet.find_header([c.header for c in spec.columns if c.required])
        except WorkbookError:
            pass  # the reader found the columns; without their kinds, each value is written by its own type
        kinds = {sheet.column(c.header): c.kind for c in spec.columns if sheet.column(c.header) is not None}
        for (row, letter), value in sorted(cells.items()):
            number = column_number(letter)
            in_percent = sheet.cells.style_of(row, number) in percent
            sheet.set_value(row, number, typed_value(value, kinds.get(number, ""), in_percent))
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


def _shown_number(value: object) -> str:
    return f"{value:g}".replace(".", ",") if isinstance(value, float) else str(value)


def _in_percent(unit: str) -> bool:
    return unit.strip().casefold() in ("%", "percentage", "procent", "pct")


def _fold(value: object) -> str:
    return " ".join(str(value or "").split()).casefold()
