"""The cells the returned rows would change, and one answer per cell: taken, a conflict, or a clash."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from workbook.cycle.collected import Answer, Clash, Collected, Conflict
from workbook.cycle.reply_checks import KEY_FIELDS, Asked, answered, fold, same
from workbook.cycle.returns import Returned, ReturnedRow
from workbook.plan.model import Origin, Plan
from workbook.plan.numbers import parse_number
from workbook.plan.schema import FOLLOW_UP, LISTS, MEASUREMENTS, Column, Sheet

NUMBER_FIELDS = {"value", "share"}
Refusal = tuple[str, str] | None  # why a row is not taken: the field to point at and the reason; None: it is taken


@dataclass
class _Proposal:
    value: object
    answer: Answer
    where: str  # "file, Opvolging!C5"
    current: object
    sent: object
    code: str
    header: str


class Merger:
    """Gathers what every accepted file proposes for each cell of the workbook, then decides per cell."""

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
            name: {fold(w): w for w in (plan.lists.get(name) or LISTS[name])} for name in ("Status", "Tijd", "Kleur")
        }
        self.proposals: dict[tuple[str, int, str], list[_Proposal]] = {}

    def merge(self, returned: Returned, asked: Asked, restricted: bool) -> None:
        answer = Answer(asked.who, returned.path.name, answered=answered(returned, asked), asked=asked.file)
        groups: dict[tuple[str, tuple[str, str]], list[ReturnedRow]] = {}
        for row in returned.rows:
            groups.setdefault((row.sheet, row.key), []).append(row)
        for (sheet, key), rows in groups.items():
            row = rows[0]
            what = "actie" if sheet == FOLLOW_UP.name else "indicator"
            code_field = KEY_FIELDS[0] if sheet == FOLLOW_UP.name else KEY_FIELDS[2]
            if restricted and (sheet, key) not in asked.sent and self._known(row):
                period = f" in {key[1]}" if sheet == FOLLOW_UP.name else f", periode {key[1] or '(leeg)'}"
                for each in rows:
                    self._refuse(
                        returned,
                        each,
                        code_field,
                        f"{what} {key[0]}{period} werd niet aan {asked.who} gevraagd; de rij wordt niet overgenomen.",
                    )
                continue
            if len(rows) > 1 and self._duplicate(returned, sheet, key, rows):
                continue
            if not self._known(row):
                refusal: Refusal = (code_field, f"{what} {key[0] or '(leeg)'} staat niet in het plan")
            else:
                merge_row = self._follow_up if sheet == FOLLOW_UP.name else self._measurement
                refusal = merge_row(returned, row, answer, asked.sent.get((sheet, key), {}))
            if refusal is not None:
                self._refuse(returned, row, refusal[0], f"{refusal[1]}; de rij wordt niet overgenomen.")
        if answer.answered:
            self.result.answers.append(answer)

    def _known(self, row: ReturnedRow) -> bool:
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
                if not any(same(value, d) for d in distinct):
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

    def _follow_up(self, returned: Returned, row: ReturnedRow, answer: Answer, sent: dict[str, object]) -> Refusal:
        """The cells of an action's row proposed; or why the row is not taken."""
        code, year = row.key
        if year != str(self.year):
            return "year", f"de rij gaat over {year or '(leeg)'}, niet over {self.year}"
        target = self.follow_ups.get(row.key)
        if target is None:
            return "action_code", f"op blad Opvolging van het werkboek staat geen rij voor actie {code} in {self.year}"
        held = {c.field: getattr(target, c.field) or None for c in FOLLOW_UP.columns}
        self._cells(returned, row, answer, sent, FOLLOW_UP, target.origin, held, self._listed_word)
        return None

    def _measurement(self, returned: Returned, row: ReturnedRow, answer: Answer, sent: dict[str, object]) -> Refusal:
        """The cells of a measurement's row proposed; or why the row is not taken."""
        code, period = row.key
        target = self.measurements.get(row.key)
        if target is None:
            where = f"indicator {code}, periode {period or '(leeg)'}"
            return "period", f"op blad Metingen van het werkboek staat geen rij voor {where}"
        raw = {c.field: target.origin.raw.get(c.field) for c in MEASUREMENTS.columns}
        held = {f: None if v in (None, "") else v for f, v in raw.items()}
        self._cells(returned, row, answer, sent, MEASUREMENTS, target.origin, held, self._measured_value)
        return None

    def _listed_word(self, row: ReturnedRow, column: Column, value: object) -> tuple[object, str]:
        """A follow-up cell's value, as the workbook's list spells it; or why the cell is not taken."""
        if not column.list_name:
            return value, ""
        word = self.words[column.list_name].get(fold(value))
        if word is None:
            return value, f"'{value}' staat niet in de lijst {column.list_name}; de cel wordt niet overgenomen."
        return word, ""

    def _measured_value(self, row: ReturnedRow, column: Column, value: object) -> tuple[object, str]:
        """A measurement cell's value; or why the cell is not taken (a percentage of a count, no number)."""
        code = row.key[0]
        unit = self.units.get(code, "").strip()
        if column.field == "value" and column.field in row.percent and unit and not _in_percent(unit):
            return value, (
                f"'{_shown_number(value)}%' is een percentage, maar "
                f"indicator {code} telt in '{unit}'; de cel wordt niet overgenomen."
            )
        if column.field in NUMBER_FIELDS and parse_number(value).value is None:
            return value, f"'{value}' is geen getal; de cel wordt niet overgenomen."
        return value, ""

    def _cells(
        self,
        returned: Returned,
        row: ReturnedRow,
        answer: Answer,
        sent: dict[str, object],
        spec: Sheet,
        origin: Origin,
        held: dict[str, object],
        checked: Callable[[ReturnedRow, Column, object], tuple[object, str]],
    ) -> None:
        """For every filled cell of the row: unchanged since it was sent, or what the workbook holds (`held`), is
        nothing to do; else a proposal for the workbook's cell."""
        for column in spec.columns:
            if column.field in KEY_FIELDS or row.values.get(column.field) is None:
                continue
            value, refusal = checked(row, column, row.values[column.field])
            if refusal:
                self._refuse(returned, row, column.field, refusal)
                continue
            current = held[column.field]
            if same(value, current) or same(value, sent.get(column.field)):
                continue
            letter = origin.columns.get(column.field)
            if letter is None:
                continue  # the workbook has no such column; the reader's notes say so
            where = f"{returned.path.name}, {row.sheet}!{row.letters.get(column.field, 'A')}{row.row}"
            self.proposals.setdefault((spec.name, origin.row, letter), []).append(
                _Proposal(value, answer, where, current, sent.get(column.field), row.key[0], column.header)
            )

    def resolve(self) -> None:
        """One answer for a cell: taken when the cell is empty or unchanged since it was sent, else a conflict;
        different answers for one cell: a clash, none taken."""
        for (sheet, row, letter), proposals in self.proposals.items():
            cell = f"{sheet}!{letter}{row}"
            first = proposals[0]
            if any(not same(p.value, first.value) for p in proposals[1:]):
                self.result.clashes.append(
                    Clash(cell, first.code, first.header, tuple((p.value, p.where) for p in proposals))
                )
                continue
            current = first.current
            if current is not None and not same(current, first.sent):
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


def _shown_number(value: object) -> str:
    return f"{value:g}".replace(".", ",") if isinstance(value, float) else str(value)


def _in_percent(unit: str) -> bool:
    return unit.strip().casefold() in ("%", "percentage", "procent", "pct")
