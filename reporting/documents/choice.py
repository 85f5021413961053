"""Which template a document uses: the one given, the one named on the settings sheet, or the bundled one."""

from __future__ import annotations

from pathlib import Path

from reporting.templates import PLAN_TEMPLATE, YEAR_REPORT_TEMPLATE
from workbook.plan.errors import WorkbookError
from workbook.plan.model import Plan


def template_path(plan: Plan, kind: str, given: str | Path | None = None) -> Path:
    """`given` first; else the settings sheet ("Sjabloon jaarrapport" / "Sjabloon beleidsplan"), relative to the
    workbook's folder; else the bundled template."""
    from reporting.documents.naming import YEAR_REPORT

    if given:
        return Path(given)
    field = "report_template" if kind == YEAR_REPORT else "plan_template"
    typed = getattr(plan.settings, field).strip().strip('"')
    if not typed:
        return YEAR_REPORT_TEMPLATE if kind == YEAR_REPORT else PLAN_TEMPLATE
    path = Path(typed).expanduser()
    if not path.is_absolute() and plan.source is not None:
        path = plan.source.parent / path
    if not path.is_file():
        label = "Sjabloon jaarrapport" if kind == YEAR_REPORT else "Sjabloon beleidsplan"
        raise WorkbookError(
            f"Het sjabloon '{typed}' ({label}, {plan.settings.cell(field)}) bestaat niet"
            + (f" in {path.parent}" if not Path(typed).is_absolute() else "")
            + ". Kijk het pad na, of maak de cel leeg voor het standaardsjabloon."
        )
    return path
