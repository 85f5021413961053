"""Submitted values changed afterwards, each one a warning at its cell; a record that no longer gives its
fingerprint, or that is gone while its final report is still there; a final report missing or out of step."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from reporting.corrections import corrections
from reporting.figures.formatting import long_date
from reporting.submission_part import FINAL_SUFFIX, SubmissionPart, final_name, read_submission_part
from reporting.validation.context import Context, at, issue, quoted
from reporting.validation.report import Issue
from workbook.plan.schema import SUBMITTED_SHEET
from workbook.records.submission_record import YearRecord, year_records

RECORD_CODES = ("ingediend-verslag-gewijzigd", "ingediend-document-anders")
_CELL = f"{SUBMITTED_SHEET}!A1"


def check(ctx: Context) -> Iterator[Issue]:
    yield from record_issues(ctx)
    for change in corrections(ctx.plan):
        sent = change.sent
        when = f"na indiening op {long_date(sent.day)}" if sent.day else "na indiening"
        if change.removed:
            yield issue(
                "gewijzigd-na-indiening",
                f"{SUBMITTED_SHEET}!A1",
                sent.code,
                f"De rij van {change.what} op blad {sent.sheet} is verwijderd {when}. Zet ze terug, of dien "
                f"{sent.year} opnieuw in als de verwijdering klopt.",
            )
            continue
        was = quoted(sent.value) if sent.value not in (None, "") else "leeg"
        yield at(
            change.origin,
            change.field,
            "gewijzigd-na-indiening",
            sent.code,
            f"{sent.header} van {change.what} is gewijzigd {when}: was {was}. Klopt de nieuwe waarde, dien "
            f"{sent.year} dan opnieuw in; anders zet u de ingediende waarde terug.",
        )


def replaced_by_submitting(found: Issue, year: int) -> bool:
    """Whether submitting `year` again settles `found` (a problem of that year's record or final report)."""
    return found.code in RECORD_CODES and found.row_code == str(year)


def record_issues(ctx: Context) -> Iterator[Issue]:
    """The record of each year against its fingerprint and against the final report it names; final reports
    beside the workbook whose record is gone."""
    records = year_records(ctx.plan.submitted)
    folder = Path(ctx.plan.source).resolve().parent if ctx.plan.source else None
    beside = _final_reports(ctx, folder) if folder is not None else {}
    for year, record in records.items():
        on = f" op {long_date(record.day)}" if record.day else ""
        if record.seal is not None and not record.intact:
            yield issue(
                "ingediend-verslag-gewijzigd",
                _CELL,
                str(year),
                f"Het verslag van de indiening van {year}{on} op blad {SUBMITTED_SHEET} is gewijzigd: zijn "
                "waarden geven het kenmerk niet meer dat planrapport bij de indiening bewaarde. De controle "
                f"kan die indiening niet meer vertrouwen en vergelijkt er niets mee. Dien {year} opnieuw in.",
            )
            continue
        if record.seal is None:
            if year in beside:
                path, part = beside[year]
                yield issue(
                    "ingediend-verslag-gewijzigd",
                    _CELL,
                    str(year),
                    f"Het verslag van de indiening van {year} op blad {SUBMITTED_SHEET} heeft geen kenmerk "
                    f"meer, maar naast het werkboek staat het ingediende jaarrapport {path.name}"
                    f"{_submitted_on(part)}. De controle kan die indiening niet meer vertrouwen. Dien {year} "
                    "opnieuw in.",
                )
            continue
        if folder is not None:
            yield from _document_issues(record, folder)
    for year, (path, part) in sorted(beside.items()):
        if year not in records:
            yield issue(
                "ingediend-verslag-gewijzigd",
                _CELL,
                str(year),
                f"Naast het werkboek staat het ingediende jaarrapport {path.name}{_submitted_on(part)}, maar "
                f"het verslag van die indiening ontbreekt op blad {SUBMITTED_SHEET} (of het blad is "
                "verwijderd). De controle kan niet meer zien wat na die indiening gewijzigd werd. Dien "
                f"{year} opnieuw in.",
            )


def _document_issues(record: YearRecord, folder: Path) -> Iterator[Issue]:
    year = record.year
    if not record.document:
        return
    path = Path(record.document)
    path = path if path.is_absolute() else folder / path
    where = "naast het werkboek" if path.parent == folder else f"in de map {path.parent}"
    if not path.is_file():
        yield issue(
            "ingediend-document-anders",
            _CELL,
            str(year),
            f"Het ingediende jaarrapport van {year} ({path.name}) staat niet meer {where}. Zet het terug, "
            f"of dien {year} opnieuw in.",
        )
        return
    part = read_submission_part(path)
    if part is not None and part.year == year and not part.intact:
        yield issue(
            "ingediend-document-anders",
            _CELL,
            str(year),
            f"In het ingediende jaarrapport {path.name} zijn de ingediende gegevens gewijzigd: ze geven hun "
            f"kenmerk niet meer. Zet het document van de indiening van {year} terug, of dien {year} "
            "opnieuw in.",
        )
    elif part is None or part.year != year or part.fingerprint != record.fingerprint:
        yield issue(
            "ingediend-document-anders",
            _CELL,
            str(year),
            f"Het ingediende jaarrapport {path.name} draagt een ander kenmerk dan het verslag van {year} op "
            f"blad {SUBMITTED_SHEET}: het is niet het document van die indiening. Zet het juiste document "
            f"terug, of dien {year} opnieuw in.",
        )


def _final_reports(ctx: Context, folder: Path) -> dict[int, tuple[Path, SubmissionPart]]:
    """The final reports of this plan beside the workbook (by their one name), per year."""
    found = {}
    try:
        candidates = sorted(folder.glob(f"*{FINAL_SUFFIX}.docx"))
    except OSError:
        return found
    for path in candidates:
        part = read_submission_part(path)
        if part is not None and path.name == final_name(ctx.plan, part.year):
            found[part.year] = (path, part)
    return found


def _submitted_on(part: SubmissionPart) -> str:
    return f" (ingediend op {long_date(part.day)})" if part.day else ""
