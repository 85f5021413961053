"""The workbook of the next plan period, built from the old plan's continuing items (planrapport nieuw-plan)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from workbook.builders.template import build_template, fill, write_cell
from workbook.plan.errors import WorkbookError
from workbook.plan.model import ENDED, Action, Indicator, Measurement, Objective, Plan, Result
from workbook.plan.schema import (
    ACTIONS,
    FIRST_DATA_ROW,
    HEADER_ROW,
    INDICATORS,
    LISTS,
    LISTS_SHEET,
    OBJECTIVES,
    RESULTS,
    SETTINGS_SHEET,
)
from workbook.plan.timing import parse_timing
from workbook.storage.files import save_workbook

YES = frozenset({"ja", "j", "waar", "true", "x"})
NO = frozenset({"nee", "n", "onwaar", "false"})
STOPPED = "actie stopgezet"
EVERY_YEAR = "Jaarlijks"
_PERIOD = re.compile(r"\s*((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)\s*")

Item = Objective | Result | Action | Indicator


@dataclass(frozen=True)
class Dropped:
    """An item of the old plan that does not go on, and why."""

    sheet: str
    code: str
    why: str


@dataclass
class NextPlan:
    """What the new workbook holds: rows per sheet (header -> value), and what the officer should know."""

    start: int
    end: int
    data: dict[str, object] = field(default_factory=dict)
    dropped: list[Dropped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Per sheet, the timings outside the new period that were replaced: (code, old timing, new timing).
    timings: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    # Indicators whose target was for a year outside the new period, now for its last year: (code, old year).
    targets: list[tuple[str, int]] = field(default_factory=list)

    def count(self, sheet: str) -> int:
        return len(self.data.get(sheet) or [])


def parse_period(text: str) -> tuple[int, int]:
    """'2026-2031' -> (2026, 2031); a Dutch message for anything else."""
    match = _PERIOD.fullmatch(text or "")
    if not match or int(match[1]) > int(match[2]):
        raise WorkbookError(
            f"'{text}' is geen planperiode. Typ het eerste en het laatste jaar, bv. --periode 2026-2031."
        )
    return int(match[1]), int(match[2])


def build_next_plan(plan: Plan, start: int, end: int, source_name: str) -> NextPlan:
    """Decide what goes on (column Loopt door, else what still runs) and make the rows of the new workbook."""
    old = plan.settings
    if old.end_year is not None and start <= (old.start_year or old.end_year):
        raise WorkbookError(
            f"{source_name}: de nieuwe planperiode {start}-{end} begint niet na het begin van het huidige plan "
            f"({old.start_year}-{old.end_year}). Kies een latere periode, bv. --periode {old.end_year + 1}-"
            f"{old.end_year + 6}."
        )
    result = NextPlan(start, end)
    going = _continuing(plan, result)
    result.data[SETTINGS_SHEET] = _settings(plan, start, end)
    result.data[OBJECTIVES.name] = [
        {"Code": o.code, "Titel": o.title, "Motivering": o.motivation, "Domein": o.domain, "Code vorig plan": o.code}
        for o in plan.objectives
        if o.code in going
    ]
    result.data[RESULTS.name] = [
        {"Code": r.code, "Resultaat": r.text, "Code vorig plan": r.code} for r in plan.results if r.code in going
    ]
    result.data[ACTIONS.name] = [_action(a, result, going) for a in plan.actions if a.code in going]
    result.data[INDICATORS.name] = [
        _indicator(plan, i, result, source_name) for i in plan.indicators if i.code in going
    ]
    return result


def write_next_plan(plan: Plan, target: Path, next_plan: NextPlan) -> Path:
    """The new workbook (.xlsx) with the columns Loopt door and Code vorig plan; an existing file is refused."""
    target = Path(target)
    if target.suffix.lower() != ".xlsx":
        raise WorkbookError(
            f"{target.name}: het nieuwe werkboek moet eindigen op .xlsx. Wilt u knoppen, maak het dan "
            "met 'planrapport omzetten' tot een .xlsm."
        )
    if target.exists():
        raise WorkbookError(
            f"{target.name}: dit werkboek bestaat al; nieuw-plan overschrijft nooit een werkboek. Kies een andere naam."
        )
    workbook = fill(build_template(next_plan_columns=True), next_plan.data)
    _copy_lists(workbook, plan)
    return save_workbook(workbook, target)


def summary_lines(result: NextPlan) -> list[str]:
    """What the officer should look at in the new workbook, one line per kind."""
    lines = list(result.notes)
    for sheet, changed in result.timings.items():
        listed = ", ".join(f"{code} ('{old}' -> '{new}')" for code, old, new in changed)
        lines.append(
            f"Blad {sheet}: {len(changed)} tijdstippen vielen buiten {result.start}-{result.end} en zijn "
            f"aangepast; kijk ze na: {listed}."
        )
    if result.targets:
        listed = ", ".join(f"{code} (was {year})" for code, year in result.targets)
        lines.append(
            f"Blad Indicatoren: {len(result.targets)} streefwaarden gelden nu voor {result.end}; stel ze "
            f"opnieuw vast: {listed}."
        )
    return lines


def _choice(item: Item, sheet: str) -> bool | None:
    """The officer's mark in column Loopt door: True, False, or None when the cell is empty."""
    raw = item.origin.raw.get("continues")
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool):
        return raw
    word = " ".join(str(raw).split()).casefold()
    if word in YES:
        return True
    if word in NO:
        return False
    raise WorkbookError(
        f"{item.origin.cell('continues')}: '{raw}' in kolom Loopt door van blad {sheet} is geen ja of "
        "nee. Typ ja of nee, of laat de cel leeg (dan gaat mee wat nog loopt)."
    )


def _continuing(plan: Plan, result: NextPlan) -> set[str]:
    """The codes that go on: the officer's ja and nee, else what still runs, and every parent of what goes on."""
    stopped = {a.code for a in plan.adjustments if " ".join(a.kind.split()).casefold() == STOPPED}
    last = _last_follow_up(plan)
    marks: dict[str, bool | None] = {}
    for sheet, items in (
        (OBJECTIVES.name, plan.objectives),
        (RESULTS.name, plan.results),
        (ACTIONS.name, plan.actions),
        (INDICATORS.name, plan.indicators),
    ):
        for item in items:
            marks[item.code] = _choice(item, sheet)
    going: set[str] = set()
    for action in plan.actions:
        mark = marks[action.code]
        status = last.get(action.code, "")
        if mark is None and (status in ENDED or action.code in stopped):
            why = "stopgezet (blad Bijsturing)" if action.code in stopped and status not in ENDED else status
            result.dropped.append(Dropped(ACTIONS.name, action.code, why))
        elif mark is False:
            result.dropped.append(Dropped(ACTIONS.name, action.code, "Loopt door: nee"))
        else:
            going.add(action.code)
    children: dict[str, set[str]] = {}
    for item in (*plan.objectives, *plan.results, *plan.actions):
        if item.parent_code:
            children.setdefault(item.parent_code, set()).add(item.code)
    for group, sheet in (
        (plan.results, RESULTS.name),
        (plan.operational, OBJECTIVES.name),
        (plan.strategic, OBJECTIVES.name),
    ):
        for item in group:
            mark = marks[item.code]
            if mark is True or (mark is None and children.get(item.code, set()) & going):
                going.add(item.code)
            else:
                why = "Loopt door: nee" if mark is False else "niets eronder loopt door"
                result.dropped.append(Dropped(sheet, item.code, why))
    for indicator in plan.indicators:
        mark = marks[indicator.code]
        if mark is True or (mark is None and indicator.parent_code in going):
            going.add(indicator.code)
        else:
            above = indicator.parent_code or "het onderdeel erboven"
            why = "Loopt door: nee" if mark is False else f"{above} loopt niet door"
            result.dropped.append(Dropped(INDICATORS.name, indicator.code, why))
    _add_parents(plan, going, result)
    return going


def _add_parents(plan: Plan, going: set[str], result: NextPlan) -> None:
    """What goes on keeps the objective, result or action it falls under, also when that is marked nee."""
    parents = {i.code: i.parent_code for i in (*plan.objectives, *plan.results, *plan.actions, *plan.indicators)}
    for code in sorted(going):
        parent = parents.get(code)
        while parent and parent in parents and parent not in going:
            going.add(parent)
            result.dropped = [d for d in result.dropped if d.code != parent]
            result.notes.append(f"{parent} gaat toch mee: {code} valt eronder en loopt door.")
            code, parent = parent, parents.get(parent)


def _last_follow_up(plan: Plan) -> dict[str, str]:
    """Per action, the status of its latest follow-up with a year, normalized."""
    latest: dict[str, tuple[int, str]] = {}
    for row in plan.follow_ups:
        if row.year is None or not row.action_code:
            continue
        known = latest.get(row.action_code)
        if known is None or row.year >= known[0]:
            latest[row.action_code] = (row.year, " ".join(row.status.split()).casefold())
    return {code: status for code, (_, status) in latest.items()}


def _settings(plan: Plan, start: int, end: int) -> dict[str, object]:
    old = plan.settings
    title = old.title
    if old.start_year and old.end_year and f"{old.start_year}-{old.end_year}" in title:
        title = title.replace(f"{old.start_year}-{old.end_year}", f"{start}-{end}")
    return {
        "Gemeente": old.municipality,
        "Titel van het plan": title,
        "Beginjaar": start,
        "Eindjaar": end,
        "Rapportjaar": start,
        "Nummering": old.numbering,
        "Minimale cofinanciering": old.cofinancing_min,
        "Opgesteld door": old.author,
        "Fictieve gegevens": old.fictitious_note,
        "Sjabloon jaarrapport": old.report_template,
        "Sjabloon beleidsplan": old.plan_template,
    }


def _timing(label: str, start: int, end: int) -> str | None:
    """The timing as it is when it fits the new period (or names no year), else None."""
    timing = parse_timing(label, start, end)
    if timing.rubric or not label.strip():
        return label
    if timing.error or not timing.years or any(y < start or y > end for y in timing.years):
        return None
    mentioned = [int(y) for y in re.findall(r"(?:19|20)\d\d", label)]
    return label if all(start <= y <= end for y in mentioned) else None


def _action(action: Action, result: NextPlan, going: set[str]) -> dict[str, object]:
    timing = _timing(action.timing, result.start, result.end)
    if timing is None:
        timing = EVERY_YEAR
        result.timings.setdefault(ACTIONS.name, []).append((action.code, action.timing, timing))
    gone = [code for code in action.see_also_codes if code not in going]
    if gone:
        result.notes.append(
            f"Actie {action.code}: 'Zie ook' noemt {', '.join(gone)}, dat niet meegaat. Pas de "
            "verwijzing aan op blad Acties."
        )
    return {
        "Code": action.code,
        "Tijdstip": timing,
        "Actie": action.title,
        "Omschrijving": action.description,
        "Trekker": action.lead,
        "Partners": action.partners,
        "Budget/personeelsinzet": action.budget,
        "Contact": action.contact,
        "Zie ook": action.see_also,
        "Code vorig plan": action.code,
    }


def last_complete(measurements: Iterable[Measurement], code: str) -> Measurement | None:
    """The indicator's latest measurement of a whole year with a value (the last row of that year)."""
    best: Measurement | None = None
    for row in measurements:
        if row.indicator_code == code and row.value is not None and row.year is not None and not row.partial:
            if best is None or row.year >= (best.year or 0):
                best = row
    return best


def _indicator(plan: Plan, indicator: Indicator, result: NextPlan, source_name: str) -> dict[str, object]:
    start, end = result.start, result.end
    timing = _timing(indicator.timing, start, end)
    if timing is None:
        measured = parse_timing(indicator.timing, None, None).measurement
        timing = f"{end}: {measured}" if measured else EVERY_YEAR
        result.timings.setdefault(INDICATORS.name, []).append((indicator.code, indicator.timing, timing))
    note = indicator.note
    baseline_year, baseline_value = indicator.baseline_year, indicator.baseline_value
    measurement = last_complete(plan.measurements, indicator.code)
    if measurement is not None:
        baseline_year, baseline_value = measurement.year, measurement.value
        source = f", bron: {measurement.source}" if measurement.source else ""
        line = f"Nulmeting: de meting van {measurement.period} uit het vorige plan ({source_name}{source})."
        note = f"{note}\n{line}" if note else line
    target_year = indicator.target_year
    if indicator.target_value is not None and (target_year is None or target_year < start or target_year > end):
        target_year = end
        if indicator.target_year is not None:
            result.targets.append((indicator.code, indicator.target_year))
    return {
        "Code": indicator.code,
        "Tijdstip": timing,
        "Indicator": indicator.text,
        "Soort": indicator.kind,
        "Eenheid": indicator.unit,
        "Gewenste richting": indicator.direction,
        "Norm": indicator.norm,
        "Nulmeting jaar": baseline_year,
        "Nulmeting waarde": baseline_value,
        "Streefjaar": target_year,
        "Streefwaarde": indicator.target_value,
        "Toelichting": note,
        "Code vorig plan": indicator.code,
    }


def _copy_lists(workbook: Workbook, plan: Plan) -> None:
    """The officer's own words of blad Lijsten go along; a list the old workbook lacks keeps its default words."""
    sheet = workbook[LISTS_SHEET]
    longest = 0
    for column, name in enumerate(LISTS, start=1):
        words = plan.lists.get(name) or LISTS[name]
        for row in range(FIRST_DATA_ROW, FIRST_DATA_ROW + max(len(words), len(LISTS[name]))):
            sheet.cell(row=row, column=column).value = None
        for offset, word in enumerate(words):
            write_cell(sheet, FIRST_DATA_ROW + offset, column, word)
        longest = max(longest, len(words))
    table = sheet.tables["tblLijsten"]
    table.ref = f"A{HEADER_ROW}:{get_column_letter(len(LISTS))}{FIRST_DATA_ROW + longest - 1}"
