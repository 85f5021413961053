"""Text: formula error values, text that Excel could read as a formula, invisible characters, over-long cells."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from reporting.figures.formatting import number
from reporting.validation.context import Context, at, is_formula_error, issue, quoted
from reporting.validation.report import Issue
from workbook.plan.model import Origin
from workbook.plan.schema import SETTINGS, SETTINGS_SHEET

# A title becomes a heading and a table-of-contents line in Word; past a few lines it stops being a title.
TITLE_LIMIT = 400
# About three pages: more than that in one table cell makes a row Word cannot keep together.
TEXT_LIMIT = 8000
EXCEL_CELL_LIMIT = 32767
_TITLE_FIELDS = {"title", "text"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]|_x00(?:0[0-8bBcCeEfF]|1[0-9a-fA-F])_")
# What makes Excel read a typed text as a formula (or, for a tab, hides such a start).
FORMULA_STARTS = ("=", "+", "-", "@", "\t")
_COLUMN_NAMES = {
    "Doelstellingen": "de titel",
    "Resultaten": "het resultaat",
    "Acties": "de actie",
    "Indicatoren": "de indicator",
}


def check(ctx: Context) -> Iterator[Issue]:
    for origin, row_code in _rows(ctx):
        for field_name, value in origin.raw.items():
            if is_formula_error(value):
                yield at(
                    origin,
                    field_name,
                    "formulefout",
                    row_code,
                    f"De cel bevat de foutwaarde {value.strip()} van een formule. Verbeter de formule, of typ "
                    "de waarde zelf in.",
                )
                continue
            if not isinstance(value, str):
                continue
            if value.startswith("=") and origin.sheet != SETTINGS_SHEET:  # a setting: tekst-als-formule
                yield at(
                    origin,
                    field_name,
                    "tekst-met-gelijkteken",
                    row_code,
                    f"De tekst begint met '=' ({value[:30]}). Excel kan die als formule lezen zodra de cel "
                    "bewerkt wordt, en dan staat er #NAAM? in plaats van uw tekst. Laat de tekst met iets anders "
                    "beginnen.",
                )
            if _CONTROL.search(value):
                yield at(
                    origin,
                    field_name,
                    "ongeldig-teken",
                    row_code,
                    "De tekst bevat een onzichtbaar stuurteken (meestal mee geplakt uit Word of een e-mail) "
                    "dat niet in een Word-document kan. Typ de tekst opnieuw of plak hem als 'alleen tekst'.",
                )
            length = len(value)
            title = field_name in _TITLE_FIELDS and origin.sheet in _COLUMN_NAMES
            if length >= EXCEL_CELL_LIMIT:
                yield at(
                    origin,
                    field_name,
                    "te-lange-tekst",
                    row_code,
                    f"De tekst is {number(length)} tekens lang, het maximum van een Excel-cel: het einde is "
                    "waarschijnlijk afgekapt bij het plakken. Kijk de tekst na en verdeel hem over meer cellen "
                    "of rijen.",
                )
            elif length > TEXT_LIMIT:
                yield at(
                    origin,
                    field_name,
                    "te-lange-tekst",
                    row_code,
                    f"De tekst is {number(length)} tekens lang (meer dan {number(TEXT_LIMIT)}, zowat drie "
                    "bladzijden). In één cel van een Word-tabel wordt dat onleesbaar. Maak de tekst korter of "
                    "verdeel hem.",
                )
            elif title and length > TITLE_LIMIT:
                yield at(
                    origin,
                    field_name,
                    "te-lange-titel",
                    row_code,
                    f"{_COLUMN_NAMES[origin.sheet].capitalize()} is {number(length)} tekens lang; als kop in "
                    f"Word mag die hoogstens {TITLE_LIMIT} tekens zijn. Maak de tekst korter en zet de uitleg "
                    "in de omschrijving of motivering.",
                )
    yield from _formula_like(ctx)


def _formula_like(ctx: Context) -> Iterator[Issue]:
    """List words and settings that Excel would take for a formula when typed: planrapport writes them as text."""
    for name, cells in ctx.plan.lists.cells.items():
        for cell, typed in cells:
            if typed.startswith(FORMULA_STARTS):
                yield issue(
                    "tekst-als-formule",
                    cell,
                    "",
                    f"Het woord {quoted(typed)} in de lijst '{name}' begint met {_start(typed)}. Excel kan "
                    "zo'n woord als formule lezen wanneer het getypt wordt; planrapport schrijft het overal "
                    "als tekst (in de bestanden voor de trekkers, de grafieken en de bladen die het maakt). "
                    "Laat het woord liever met een letter of cijfer beginnen.",
                )
    for setting in SETTINGS:
        origin = ctx.plan.settings.origins.get(setting.field)
        value = origin.raw.get("value") if origin else None
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            yield at(
                origin,
                "value",
                "tekst-als-formule",
                "",
                f"De instelling '{setting.key}' begint met {_start(value)} ({quoted(value)}). Excel kan zo'n "
                "tekst als formule lezen wanneer ze getypt wordt; planrapport schrijft ze overal als tekst (op "
                "het titelblad, in de bestanden voor de trekkers en in de bladen die het maakt). Laat de tekst "
                "liever met een letter of cijfer beginnen.",
            )


def _start(text: str) -> str:
    return "een tab" if text.startswith("\t") else f"'{text[0]}'"


def _rows(ctx: Context) -> Iterable[tuple[Origin, str]]:
    plan = ctx.plan
    for origin in plan.settings.origins.values():
        yield origin, ""
    for rows in (plan.objectives, plan.results, plan.actions, plan.indicators):
        for row in rows:
            yield row.origin, row.code
    for row in plan.follow_ups:
        yield row.origin, row.action_code
    for row in plan.measurements:
        yield row.origin, row.indicator_code
    for row in plan.budget_lines:
        yield row.origin, ""
