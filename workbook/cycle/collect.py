"""Merge the returned follow-up into the workbook's rows of the year: empty cells filled, conflicts shown, not taken."""

from __future__ import annotations

from pathlib import Path

from workbook.cycle.collected import Collected
from workbook.cycle.reply_checks import accepted, asked_by_token
from workbook.cycle.reply_merge import Merger
from workbook.cycle.requests import planned_requests
from workbook.cycle.returns import other_files, read_returned, returned_files
from workbook.plan.errors import WorkbookError
from workbook.plan.model import Plan
from workbook.plan.schema import FOLLOW_UP, MEASUREMENTS
from workbook.reading.reader import read_plan
from workbook.spreadsheet.cells import column_number
from workbook.spreadsheet.rows import TableSheet
from workbook.storage.files import open_for_rewrite, rewrite_with_backup
from workbook.storage.writer_lock import writes_workbook


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
    merger = Merger(plan, year, overwrite, result)
    for returned, asked_file in accepted(plan, year, [read_returned(p) for p in files], record, result):
        merger.merge(returned, asked_file, restricted=bool(record))
    merger.resolve()
    answered = {a.asked.casefold() for a in result.answers} if record else {a.who.casefold() for a in result.answers}
    silent = [(who, file) for who, file in asked if (file.casefold() if record else who.casefold()) not in answered]
    result.waiting = [who for who, _ in silent]
    result.waiting_files = [file for _, file in silent]
    return result


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
