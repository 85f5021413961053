"""Read the record of submitted values (the hidden sheet Ingediend) into the model, and its fingerprint."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from workbook.plan.model import Submission
from workbook.plan.numbers import parse_year
from workbook.plan.schema import SUBMITTED_SHEET
from workbook.records.record_sheet import read_record_lines, record_text
from workbook.spreadsheet.loading import Grid

TITLE = "Ingediend"
HINT = "Wat planrapport indienen per jaar indiende. Niet wijzigen: de controle vergelijkt het werkboek hiermee."
HEADERS = ("Jaar", "Ingediend op", "Blad", "Code", "Jaar, periode of soort", "Kolom", "Waarde")
SEAL = "Kenmerk"  # the Blad of the row that closes a year's record: Code its fingerprint, Waarde its document
SEAL_HEADER = "Document"
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def read_submissions(grids: Mapping[str, Grid]) -> tuple[Submission, ...]:
    """The rows of the Ingediend sheet (none when the workbook has no such sheet), each year's Kenmerk row too."""
    result = []
    for cells in read_record_lines(grids, SUBMITTED_SHEET, len(HEADERS)):
        year, day, sheet, code, key, header, value = cells
        parsed_year = parse_year(year)
        if parsed_year is None or not sheet or not code:
            continue
        result.append(
            Submission(
                parsed_year,
                _day(day),
                str(sheet),
                str(code),
                record_text(key),
                record_text(header),
                "" if value is None else value,
            )
        )
    return tuple(result)


@dataclass(frozen=True)
class YearRecord:
    """The record of one submitted year: its values, its Kenmerk row (None when it has none) and whether the
    values still give the fingerprint of that row."""

    year: int
    values: tuple[Submission, ...]
    seal: Submission | None

    @property
    def day(self) -> date | None:
        return (self.seal or self.values[0]).day if (self.seal or self.values) else None

    @property
    def fingerprint(self) -> str:
        return str(self.seal.code).strip().lower() if self.seal is not None else ""

    @property
    def document(self) -> str:
        return record_text(self.seal.value) if self.seal is not None else ""

    @property
    def intact(self) -> bool:
        return self.seal is not None and self.fingerprint == fingerprint(self.year, self.values)


def year_records(submitted: Iterable[Submission]) -> dict[int, YearRecord]:
    """The record per submitted year, in the order of the years."""
    values: dict[int, list[Submission]] = {}
    seals: dict[int, list[Submission]] = {}
    for row in submitted:
        (seals if row.sheet == SEAL else values).setdefault(row.year, []).append(row)
        values.setdefault(row.year, [])
    return {year: YearRecord(year, tuple(values[year]), _single(seals.get(year, []))) for year in sorted(values)}


def untrusted_years(submitted: Iterable[Submission]) -> set[int]:
    """The years whose record carries a fingerprint its values no longer give (or more than one)."""
    return {year for year, record in year_records(submitted).items() if record.seal is not None and not record.intact}


def _single(seals: list[Submission]) -> Submission | None:
    """The year's Kenmerk row; two of them count as one without a fingerprint (the record was changed)."""
    if len(seals) > 1:
        return Submission(seals[0].year, seals[0].day, SEAL, "", "", SEAL_HEADER, "")
    return seals[0] if seals else None


def fingerprint(year: int, values: Iterable[Submission]) -> str:
    """The sha256 of the canonical serialisation of a year's submitted values (see canonical)."""
    return hashlib.sha256(canonical(year, values)).hexdigest()


def canonical(year: int, values: Iterable[Submission]) -> bytes:
    """One line of JSON per value, sorted: year, day, sheet, code, key, column and the value as text, with
    whitespace collapsed and a whole number without ".0" (Excel gives 5.0 where the file said 5), so the same
    record read from the file, from the open workbook or from the document gives the same bytes."""
    lines = sorted(
        json.dumps(
            [
                year,
                s.day.isoformat() if s.day else "",
                *(canonical_value(v) for v in (s.sheet, s.code, s.key, s.header, s.value)),
            ],
            ensure_ascii=False,
        )
        for s in values
    )
    return "\n".join(["planrapport-indiening 1", *lines]).encode("utf-8")


def canonical_value(value: object) -> str:
    """A submitted value as the text the fingerprint takes: "" for empty, "5" for 5 and 5.0, "2,5" never."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, int | float):
        number = float(value)
        if number.is_integer() and abs(number) < 1e15:
            return str(int(number))
        return repr(number)
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    return record_text(_NOT_IN_XML.sub(" ", str(value)))


def _day(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        return None
