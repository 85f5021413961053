"""Ask each trekker for a year's follow-up: who gets which rows, the files' names and fingerprints, the record."""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from workbook.cycle.request_book import NO_LEAD, Request, build_request
from workbook.plan import codes
from workbook.plan.errors import WorkbookError
from workbook.plan.model import Plan, RequestedValue
from workbook.plan.schema import ACTIONS, FOLLOW_UP, MEASUREMENTS
from workbook.records.request_record import write_request_record
from workbook.storage.backups import name_max
from workbook.storage.files import write_atomically
from workbook.storage.writer_lock import writes_workbook

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_LOCK_ROOM = 10  # bytes kept free in a file name for the lock files of Excel (~$) and LibreOffice (.~lock.#)


def requests_for(plan: Plan, year: int) -> list[Request]:
    """One request per trekker of the actions with a follow-up row for `year`, in the order of the Acties sheet;
    actions without a trekker, and measurements of indicators under no trekker's action, in the last one."""
    actions = {a.code: a for a in plan.actions}
    by_lead: dict[str, Request] = {}
    rows = [r for r in plan.follow_ups if r.year == year and r.action_code in actions]
    if not rows:
        raise WorkbookError(
            f"op blad Opvolging staan geen rijen voor {year}. Begin het jaar met 'planrapport nieuw-jaar "
            f"{plan.source.name if plan.source else 'PAD'} {year}'."
        )
    order = {a.code: i for i, a in enumerate(plan.actions)}
    for row in sorted(rows, key=lambda r: order[r.action_code]):
        lead = " ".join(actions[row.action_code].lead.split())
        request = by_lead.setdefault(lead.casefold(), Request(lead))
        if row.action_code not in request.action_codes:
            request.action_codes.append(row.action_code)
        request.follow_ups.append(row)
    owner = {code: key for key, request in by_lead.items() for code in request.action_codes}
    for row in plan.follow_ups:
        if row.year == year - 1 and row.action_code in owner:
            by_lead[owner[row.action_code]].previous.append(row)
    for measurement in plan.measurements:
        if measurement.year != year:
            continue
        key = owner.get(codes.indicator_parent(measurement.indicator_code) or "", "")
        by_lead.setdefault(key, Request("")).measurements.append(measurement)
    named = [r for k, r in by_lead.items() if k]
    return [*named, *([by_lead[""]] if "" in by_lead else [])]


def without_leads(plan: Plan) -> str | None:
    """What to say when the workbook has no column Trekker: every action then goes to the officer's own file."""
    note = next((n for n in plan.notes if n.sheet == ACTIONS.name and n.field == "lead"), None)
    if note is None:
        return None
    where = f" ({note.cell})"
    return (
        f"Let op: op blad Acties staat geen kolom 'Trekker'{where}, dus komen alle acties in het bestand "
        f"'{NO_LEAD}'. Geef de kolom haar naam terug en vraag opnieuw op als de trekkers elk hun eigen bestand "
        "moeten krijgen."
    )


def default_folder(workbook: Path, year: int) -> Path:
    """Where the files go when no folder is named, and where the button Verzamel opvolging looks for them."""
    return workbook.parent / f"opvolging {year}"


def file_name(request: Request, year: int) -> str:
    """The file's name before names that collide or are too long are made distinct (see planned_requests)."""
    return f"opvolging {year} {_who_in_name(request)}.xlsx"


def _who_in_name(request: Request) -> str:
    return _UNSAFE.sub(" ", request.who).strip(" .") or NO_LEAD


@dataclass(frozen=True)
class Planned:
    """One file to write: the request, its path, its fingerprint and whether the trekker's name was shortened."""

    request: Request
    path: Path
    token: str
    shortened: bool = False


def planned_requests(plan: Plan, year: int, folder: Path) -> list[Planned]:
    """Every trekker's file with a name of its own: names that a file system would make the same ("Jeugd/Sport",
    "Jeugd:Sport") get " (2)", " (3)"; a name too long for the file system is shortened."""
    room = name_max(_existing(folder)) - _LOCK_ROOM
    taken: set[str] = set()
    result = []
    for request in requests_for(plan, year):
        who, shortened = _who_in_name(request), False
        number = 1
        while True:
            suffix = f" ({number})" if number > 1 else ""
            name = f"opvolging {year} {who}{suffix}.xlsx"
            while len(os.fsencode(name)) > room:
                who, shortened = who[:-1].rstrip(" ."), True
                name = f"opvolging {year} {who}{suffix}.xlsx"
            if name.casefold() not in taken:
                break
            number += 1
        taken.add(name.casefold())
        result.append(Planned(request, folder / name, request_token(plan, year, request, name), shortened))
    return result


def _existing(folder: Path) -> Path:
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder


def sent_values(request: Request) -> list[tuple[str, str, str, str, object]]:
    """What a trekker's file holds to fill: (sheet, code, year or period, column, value) for every column."""
    values: list[tuple[str, str, str, str, object]] = []
    for row in request.follow_ups:
        for column in FOLLOW_UP.columns[2:]:
            value = getattr(row, column.field)
            values.append(
                (FOLLOW_UP.name, row.action_code, str(row.year), column.header, "" if value is None else value)
            )
    for row in request.measurements:
        for column in MEASUREMENTS.columns[2:]:
            value = row.origin.raw.get(column.field, getattr(row, column.field))
            values.append(
                (
                    MEASUREMENTS.name,
                    row.indicator_code,
                    " ".join(str(row.period).split()),
                    column.header,
                    "" if value is None else value,
                )
            )
    return values


def request_token(plan: Plan, year: int, request: Request, name: str) -> str:
    """The fingerprint of one request: the plan, the year, the trekker, the file's name and every value sent."""
    content = [
        plan.settings.municipality,
        plan.settings.title,
        year,
        request.lead,
        name,
        [[str(v) for v in value] for value in sent_values(request)],
    ]
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode()).hexdigest()[:16]


def requested_rows(planned: list[Planned], year: int) -> list[RequestedValue]:
    """The lines of the record Uitgevraagd for these files."""
    return [
        RequestedValue(year, p.token, p.path.name, p.request.lead, sheet, code, key, header, value)
        for p in planned
        for sheet, code, key, header, value in sent_values(p.request)
    ]


def request_record(plan: Plan, planned: list[Planned], year: int) -> list[RequestedValue]:
    """The whole record after asking: what was asked before (other years, other files) and these files."""
    new = requested_rows(planned, year)
    tokens = {p.token for p in planned}
    kept = [r for r in plan.requested if r.token not in tokens]
    return sorted([*kept, *new], key=lambda r: r.year)


def check_free(planned: list[Planned], folder: Path, overwrite: bool = False) -> None:
    existing = [p.path.name for p in planned if p.path.exists()]
    if existing and not overwrite:
        raise WorkbookError(
            f"in {folder} staan al {', '.join(existing)}. Kies een andere map met --uit, of gebruik --overschrijf."
        )


def write_requests(
    plan: Plan, year: int, folder: Path, overwrite: bool = False, planned: list[Planned] | None = None
) -> list[Planned]:
    """Write every trekker's workbook into `folder`; refuses (before writing any) when one exists already."""
    planned = planned if planned is not None else planned_requests(plan, year, folder)
    check_free(planned, folder, overwrite)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WorkbookError(f"de map {folder} kan niet gemaakt worden ({error.strerror}).") from None
    for item in planned:
        book = build_request(plan, year, item.request, item.token)
        write_atomically(item.path, book.save, overwrite=True)
    return planned


@writes_workbook
def ask(path: Path, plan: Plan, year: int, folder: Path, overwrite: bool = False) -> tuple[list[Planned], Path]:
    """Record on the workbook's sheet Uitgevraagd what each trekker is sent, then write their files. Every check
    (free names, a workbook that can be rewritten) comes first; returns the files and the workbook's backup."""
    planned = planned_requests(plan, year, folder)
    check_free(planned, folder, overwrite)
    backup = write_request_record(path, request_record(plan, planned, year))
    return write_requests(plan, year, folder, overwrite, planned), backup
