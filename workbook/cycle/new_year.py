"""Open a new report year in the workbook: Rapportjaar set, empty follow-up and measurement rows added for it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbook.plan.errors import WorkbookError
from workbook.plan.model import Plan
from workbook.plan.running import Standing, standings
from workbook.plan.schema import FOLLOW_UP, MEASUREMENTS, SETTINGS_SHEET
from workbook.plan.timing import parse_timing
from workbook.reading.reader import read_plan
from workbook.spreadsheet.cells import split_ref
from workbook.spreadsheet.package import Package
from workbook.spreadsheet.rows import TableSheet
from workbook.storage.files import open_for_rewrite, rewrite_with_backup
from workbook.storage.writer_lock import writes_workbook


@dataclass(frozen=True)
class NewYear:
    year: int
    previous_year: int | None
    follow_ups: tuple[str, ...]  # action codes that got a row
    measurements: tuple[str, ...]  # indicator codes that got a row
    backup: Path | None  # None when nothing had to change
    overdue: tuple[Standing, ...] = ()  # actions that got a row although their timing has passed
    skipped: tuple[Standing, ...] = ()  # actions that got no row, each with its reason

    @property
    def changed(self) -> bool:
        return self.backup is not None


def follow_up_rows(plan: Plan, year: int) -> list[dict[str, object]]:
    """One row per action running in `year` (workbook.plan.running) without a row for it yet: its code and the year,
    nothing else. Its empty status is the mark that nothing was answered yet; last year's status stays in last
    year's row."""
    existing = {(row.action_code, row.year) for row in plan.follow_ups}
    return [
        {"Actie": code, "Jaar": year}
        for code, found in standings(plan, year).items()
        if found.runs and (code, year) not in existing
    ]


def year_standings(plan: Plan, year: int) -> tuple[tuple[Standing, ...], tuple[Standing, ...]]:
    """The actions running in `year` after their timing (to extend or stop), and those without a row for `year`,
    each with its reason; in plan order."""
    existing = {row.action_code for row in plan.follow_ups if row.year == year}
    found = [s for s in standings(plan, year).values() if s.code not in existing or s.overdue]
    return tuple(s for s in found if s.overdue), tuple(s for s in found if not s.runs)


def measurement_rows(plan: Plan, year: int) -> list[dict[str, object]]:
    """One row per quantitative indicator measured in `year` (its timing) that has no measurement for it yet."""
    measured = {(m.indicator_code, m.year) for m in plan.measurements}
    rows: list[dict[str, object]] = []
    seen: set[str] = set()
    for indicator in plan.indicators:
        if not indicator.quantitative or (indicator.code, year) in measured or indicator.code in seen:
            continue
        years = parse_timing(indicator.timing, plan.settings.start_year, plan.settings.end_year).years
        if years is not None and years and year not in years:
            continue
        seen.add(indicator.code)
        rows.append({"Indicator": indicator.code, "Periode": str(year)})
    return rows


@writes_workbook
def open_year(path: str | Path, year: int) -> NewYear:
    """Set Rapportjaar to `year` and add its empty rows; existing rows are never touched. A second run adds
    nothing and writes nothing. Writes after today's backup, atomically."""
    path = Path(path)
    plan = read_plan(path)
    previous = plan.settings.report_year
    follow_ups = follow_up_rows(plan, year)
    measurements = measurement_rows(plan, year)
    overdue, skipped = year_standings(plan, year)
    if previous == year and not follow_ups and not measurements:
        return NewYear(year, previous, (), (), None, overdue, skipped)
    package = open_for_rewrite(path)
    if previous != year:
        _set_report_year(package, plan, year)
    for spec, rows in ((FOLLOW_UP, follow_ups), (MEASUREMENTS, measurements)):
        if rows:
            sheet = TableSheet(package, spec.name, spec.table, [c.header for c in spec.columns if c.required])
            sheet.append(rows)
            sheet.save()
    backup = rewrite_with_backup(path, package.write)
    return NewYear(
        year,
        previous,
        tuple(str(r["Actie"]) for r in follow_ups),
        tuple(str(r["Indicator"]) for r in measurements),
        backup,
        overdue,
        skipped,
    )


def report_year_cell(plan: Plan, name: str) -> tuple[str, int, int]:
    """Where Rapportjaar's value is: sheet, row, column; WorkbookError when the settings have no such row."""
    cell = plan.settings.cell("report_year")
    sheet_name, _, coordinate = cell.rpartition("!")
    position = split_ref(coordinate)
    if "report_year" not in plan.settings.origins or position is None:
        raise WorkbookError(
            f"{name}: op blad {SETTINGS_SHEET} staat geen instelling 'Rapportjaar'. "
            "Voeg die rij toe en probeer opnieuw."
        )
    return sheet_name or SETTINGS_SHEET, position[0], position[1]


def _set_report_year(package: Package, plan: Plan, year: int) -> None:
    sheet_name, row, column = report_year_cell(plan, package.path.name)
    sheet = TableSheet(package, sheet_name, None)
    sheet.set_value(row, column, year)
    sheet.save()
