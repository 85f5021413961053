"""planrapport trends: print each indicator's verdict as a table; with --schrijf also fill the Trends sheet."""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from planrapport.commands.documents import common as common
from workbook.storage.writer_lock import command_writes_workbook

if TYPE_CHECKING:
    from reporting.figures.trend import Trend

HELP = "Toon per indicator de evolutie en het oordeel: op koers, aandacht, niet op koers of geen gegevens."
EPILOG = (
    "Zonder --schrijf wordt het werkboek alleen gelezen, niet gewijzigd.\n"
    "Afloopcode: 0 gelukt, 1 werkboek onleesbaar, 2 verkeerd gebruik."
)
WIDTH = 110
INDENT = " " * 4


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.add_argument("pad", metavar="PAD", help="het werkboek (.xlsx of .xlsm)")
    parser.add_argument(
        "--jaar",
        type=common.year,
        metavar="JAAR",
        help="het jaar, bv. 2023 (standaard: Rapportjaar op blad Instellingen)",
    )
    parser.add_argument(
        "--schrijf",
        action="store_true",
        help="zet de tabel en de overzichten ook op het blad Trends (na een reservekopie van het "
        "werkboek); de andere bladen blijven ongemoeid",
    )


@command_writes_workbook("schrijf")
def run(args: argparse.Namespace) -> int:
    from reporting.figures.trends import indicator_trends
    from workbook.reading.reader import read_plan

    path = Path(args.pad)
    plan = read_plan(path)
    common.require_year_in_period(plan, args.jaar, path.name)
    year = args.jaar if args.jaar is not None else plan.settings.report_year
    trends = indicator_trends(plan, year)
    print("\n".join(trend_lines(trends, plan.settings.municipality, plan.settings.title, year)))
    if args.schrijf:
        from reporting.trends_table import trends_table
        from workbook.sheets.trends_sheet import write_trends_sheet

        backup = write_trends_sheet(path, trends_table(plan, year, trends=trends))
        print(f"Het blad Trends staat in {path.name}. Reservekopie van het werkboek: {backup.name}")
    return 0


def trend_lines(trends: Sequence[Trend], municipality: str, title: str, year: int | None) -> list[str]:
    """A heading, one line per indicator (code, verdict, latest value, indicator) with its reason below, and a
    count per verdict."""
    from reporting.figures.verdict import VERDICTS

    heading = f"Trends {year}" if year else "Trends (alle metingen)"
    about = " - ".join(part for part in (municipality, title) if part)
    lines = [f"{heading}: {about}" if about else heading, ""]
    if not trends:
        return [*lines, "Er staan geen indicatoren op het blad Indicatoren."]
    code_width = max(len("Code"), *(len(r.code) for r in trends))
    verdict_width = max(len("Oordeel"), len("beschrijvend"), *(len(r.verdict) for r in trends))
    latest = [_latest(r, year) for r in trends]
    latest_width = max(len("Laatste meting"), *(len(text) for text in latest))
    text_width = max(20, WIDTH - code_width - verdict_width - latest_width - 6)
    lines.append(f"{'Code':<{code_width}}  {'Oordeel':<{verdict_width}}  {'Laatste meting':<{latest_width}}  Indicator")
    for trend, last in zip(trends, latest, strict=True):
        verdict = trend.verdict or "beschrijvend"
        text = textwrap.shorten(" ".join(trend.text.split()), text_width, placeholder=" ...")
        lines.append(f"{trend.code:<{code_width}}  {verdict:<{verdict_width}}  {last:<{latest_width}}  {text}")
        if trend.quantitative:  # a descriptive indicator's reason only repeats "gemeten: ja/nee"
            lines += textwrap.wrap(
                trend.reason, WIDTH, initial_indent=INDENT, subsequent_indent=INDENT, break_on_hyphens=False
            )
    quantitative = [r for r in trends if r.quantitative]
    descriptive = [r for r in trends if not r.quantitative]
    counts = ", ".join(f"{sum(r.verdict == v for r in quantitative)} {v}" for v in VERDICTS)
    lines += ["", f"Kwantitatieve indicatoren: {len(quantitative)} ({counts})."]
    if descriptive:
        measured = sum(bool(r.measured_in_year) for r in descriptive)
        when = f" in {year}" if year else ""
        lines.append(f"Beschrijvende indicatoren: {len(descriptive)}, waarvan gemeten{when}: {measured}.")
    return lines


def _latest(trend: Trend, year: int | None) -> str:
    from reporting.figures.words import format_value

    if not trend.quantitative:
        return "" if year is None else f"gemeten: {'ja' if trend.measured_in_year else 'nee'}"
    if trend.latest_value is None:
        return "-"
    text = f"{format_value(trend.latest_value, trend.unit)} in {trend.latest_period}"
    if trend.share_latest is not None and trend.share_period == trend.latest_period:
        text += f" ({format_value(trend.share_latest, 'percentage')})"
    return text
