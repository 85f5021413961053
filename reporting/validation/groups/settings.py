"""Settings: the municipality, the title, the years of the plan and the report, the numbering, the cofinancing."""

from __future__ import annotations

from collections.abc import Iterator

from reporting.validation.context import Context, is_blank, issue, normalize_word, quoted
from reporting.validation.report import Issue
from reporting.validation.rules import RULES
from workbook.plan.model import NUMBERINGS, Plan

_NUMBERING_WORDS = {n.casefold() for n in NUMBERINGS}


def check(ctx: Context) -> Iterator[Issue]:
    settings = ctx.plan.settings
    raw = {name: origin.raw.get("value") for name, origin in settings.origins.items()}
    # A setting without its row was named by the reader already (missing or renamed): one cause, one message.
    absent = {note.field for note in ctx.plan.notes if note.code == "ontbrekende-instelling"}
    for name, label in (("municipality", "Gemeente"), ("title", "Titel van het plan")):
        if name not in absent and is_blank(raw.get(name)):
            what = "de naam van de gemeente" if name == "municipality" else "de titel van het plan"
            yield issue(
                "ontbrekende-instelling",
                settings.cell(name),
                "",
                f"{label} is niet ingevuld. Vul op blad Instellingen {what} in: die staat op de titelpagina "
                "en in de bestandsnaam van de documenten.",
            )
    for name, label in (("start_year", "Beginjaar"), ("end_year", "Eindjaar")):
        if getattr(settings, name) is None and name not in absent:
            which = "het eerste" if name == "start_year" else "het laatste"
            yield _setting_issue(ctx, name, label, raw.get(name), which)
    if ctx.has_period is False and settings.start_year and settings.end_year:
        yield issue(
            "ongeldige-instelling",
            settings.cell("end_year"),
            "",
            f"Het eindjaar {settings.end_year} ligt voor het beginjaar {settings.start_year}. "
            "Verbeter Beginjaar of Eindjaar op blad Instellingen.",
        )
    if ctx.year is None:
        if "report_year" not in absent:
            yield _setting_issue(ctx, "report_year", "Rapportjaar", raw.get("report_year"), "het")
    elif ctx.year_given and (problem := year_outside_period(ctx.plan, ctx.year)):
        yield Issue("rapportjaar-buiten-periode", RULES["rapportjaar-buiten-periode"].severity, "", "", "", problem)
    elif ctx.has_period and not ctx.in_period(ctx.year):
        yield issue(
            "rapportjaar-buiten-periode",
            settings.cell("report_year"),
            "",
            f"Het rapportjaar {ctx.year} valt buiten de planperiode {ctx.period_text}. Vul bij Rapportjaar "
            f"op blad Instellingen een jaar in van {ctx.start} tot en met {ctx.end}.",
        )
    numbering = raw.get("numbering")
    if not is_blank(numbering) and normalize_word(numbering) not in _NUMBERING_WORDS:
        yield issue(
            "ongeldige-instelling",
            settings.cell("numbering"),
            "",
            f"De nummering {quoted(numbering)} is onbekend. Kies 'klassiek' (1, 1.1, 1.1.1, 1.1.1.1), "
            "'klassiek zonder resultaten' (1, 1.1, actie 1.1.1) of 'BBC' (BD109, AP1090, A10900).",
        )
    fraction = raw.get("cofinancing_min")
    value = settings.cofinancing_min
    if not is_blank(fraction) and (value is None or not 0 < value <= 1):
        yield issue(
            "ongeldige-instelling",
            settings.cell("cofinancing_min"),
            "",
            f"De minimale cofinanciering {quoted(fraction)} is geen deel tussen 0 en 1. "
            "Schrijf een breuk zoals 1/3, of een percentage zoals 33%.",
        )


def year_outside_period(plan: Plan, year: int) -> str:
    """The message for a year asked with --jaar that lies outside the plan period; "" when it lies inside."""
    start, end = plan.settings.start_year, plan.settings.end_year
    if start is None or end is None or start > end or start <= year <= end:
        return ""
    return (
        f"--jaar {year} valt buiten de planperiode {start}-{end} (Beginjaar en Eindjaar op blad Instellingen). "
        f"Kies een jaar van {start} tot en met {end}."
    )


def _setting_issue(ctx: Context, name: str, label: str, raw: object, which: str) -> Issue:
    cell = ctx.plan.settings.cell(name)
    if is_blank(raw):
        what = "het jaar waarover het jaarrapport gaat" if name == "report_year" else f"{which} jaar van het plan"
        example = {"start_year": 2020, "end_year": 2025}.get(name, 2023)
        return issue(
            "ontbrekende-instelling",
            cell,
            "",
            f"{label} is niet ingevuld. Vul op blad Instellingen {what} in, bijvoorbeeld {example}.",
        )
    return issue(
        "ongeldige-instelling",
        cell,
        "",
        f"{label} {quoted(raw)} is geen jaartal. Schrijf een jaartal met vier cijfers, bijvoorbeeld 2023.",
    )
