"""A short Dutch summary of what the reader found in a workbook."""

from __future__ import annotations

from workbook.plan.model import BBC, Plan
from workbook.plan.running import answered, previous_rows, running


def summary_lines(plan: Plan) -> list[str]:
    settings = plan.settings
    bbc = settings.numbering == BBC
    period = f"{settings.start_year or '?'}-{settings.end_year or '?'}"
    measured = sorted({m.year for m in plan.measurements if m.year is not None})
    followed = sorted({f.year for f in plan.follow_ups if f.year is not None})
    budget = sorted({b.year for b in plan.budget_lines if b.year is not None})
    lines = [
        f"{settings.title or '(geen titel)'} - {settings.municipality or '(geen gemeente)'} ({period})",
        f"  {'Beleidsdoelstellingen' if bbc else 'Strategische doelstellingen'}: {len(plan.strategic)}",
        f"  {'Actieplannen' if bbc else 'Operationele doelstellingen'}: {len(plan.operational)}",
    ]
    if plan.results or settings.has_results:
        lines.append(f"  Resultaten: {len(plan.results)}")
    lines += [
        f"  Acties: {len(plan.actions)}",
        f"  Indicatoren: {len(plan.indicators)}"
        f" (waarvan kwantitatief: {sum(1 for i in plan.indicators if i.quantitative)})",
        f"  Metingen: {len(plan.measurements)}{_years(measured)}",
        f"  Opvolging: {len(plan.follow_ups)} rijen{_years(followed)}",
        *_followed_up(plan),
        f"  Begroting: {len(plan.budget_lines)} posten{_years(budget)}",
    ]
    if settings.fictitious_note:
        lines.append(f"  Let op: {settings.fictitious_note}")
    return lines


def _followed_up(plan: Plan) -> list[str]:
    """How many of the actions running in the report year are followed up for it (workbook.plan.running.answered)."""
    year = plan.settings.report_year
    if year is None:
        return []
    rows = {row.action_code: row for row in plan.follow_ups if row.year == year}
    runs = running(plan, year) | {a.code for a in plan.actions if a.code in rows}  # as the year report counts
    if not runs:
        return []
    previous = previous_rows(plan, year)
    done = sum(answered(rows.get(code), previous.get(code)) for code in runs)
    return [f"  Opgevolgd voor {year}: {done} van de {len(runs)} lopende acties"]


def _years(years: list[int]) -> str:
    return f" (jaren: {', '.join(str(y) for y in years)})" if years else ""
