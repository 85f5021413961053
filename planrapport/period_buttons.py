"""The button Nieuw plan on the open workbook, and its two questions, which the window's step asks too."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Protocol

from planrapport.cycle_buttons import COMMAND_LINE
from planrapport.own_sheets import Outcome
from workbook.plan.model import Plan
from workbook.reading.live_book import LiveBook, read_live_plan

NEXT_PLAN = "Nieuw plan"
PERIOD_QUESTION = (
    "Welke planperiode begint u? planrapport maakt een nieuw werkboek met wat uit {old} doorloopt (doelstellingen, "
    "resultaten, acties en indicatoren); dit werkboek blijft zoals het is. Typ het eerste en het laatste jaar."
)
NAME_QUESTION = (
    "Hoe heet het nieuwe werkboek (.xlsx)? Een naam zonder map komt naast dit werkboek, in {folder}. "
    "Een bestaand werkboek wordt nooit overschreven."
)
NOT_A_PERIOD = (
    "'{text}' is geen planperiode. Klik opnieuw op '{caption}' en typ het eerste en het laatste jaar, bv. {offered}."
)
NO_NAME = "Er is geen naam getypt. Klik opnieuw op '{caption}' en typ de naam van het nieuwe werkboek."
CANCELLED = "'{caption}' is afgebroken; er is niets gewijzigd."
# A message box shows this many lines of the list; the rest is counted.
SHOWN_LINES = 30


class Asking(Protocol):
    def ask(self, question: str, default: str) -> str | None:
        """The officer's answer to `question`, offered `default`; None when they cancel."""


def offered_period(plan: Plan, today: date | None = None) -> str:
    """The year after the end year and as many years as the plan has: 2020-2025 -> 2026-2031."""
    start, end = plan.settings.start_year, plan.settings.end_year
    if start is not None and end is not None and start <= end:
        return f"{end + 1}-{end + 1 + end - start}"
    year = (today or date.today()).year
    return f"{year}-{year + 5}"


def offered_name(plan: Plan, source: Path, period: str) -> Path:
    """Beside the workbook: its name with the old period replaced by the new one ('plan 2020-2025' -> 'plan
    2026-2031'), else '<naam> <periode>'; with a number when that workbook exists already."""
    start, end = plan.settings.start_year, plan.settings.end_year
    old = f"{start}-{end}" if start is not None and end is not None else ""
    stem = source.stem.replace(old, period) if old and old in source.stem else f"{source.stem} {period}"
    path = source.with_name(f"{stem}.xlsx")
    number = 2
    while path.exists():
        path = source.with_name(f"{stem} ({number}).xlsx")
        number += 1
    return path


def ask_next_plan(
    book: Asking, plan: Plan, source: Path, caption: str = NEXT_PLAN
) -> tuple[tuple[int, int, Path] | None, Outcome | None]:
    """The new period and the new workbook, asked; a refusal for a cancel, no period or no name."""
    from workbook.cycle.next_plan import parse_period
    from workbook.plan.errors import WorkbookError

    settings = plan.settings
    old = (
        f"het plan {settings.start_year}-{settings.end_year}"
        if settings.start_year and settings.end_year
        else "dit plan"
    )
    offered = offered_period(plan)
    answer = book.ask(PERIOD_QUESTION.format(old=old), offered)
    if answer is None:
        return None, Outcome(True, CANCELLED.format(caption=caption))
    try:
        start, end = parse_period(answer)
    except WorkbookError:
        return None, Outcome(False, NOT_A_PERIOD.format(text=answer.strip(), caption=caption, offered=offered))
    period = f"{start}-{end}"
    offered_path = offered_name(plan, source, period)
    answer = book.ask(NAME_QUESTION.format(folder=source.parent), offered_path.name)
    if answer is None:
        return None, Outcome(True, CANCELLED.format(caption=caption))
    text = answer.strip().strip('"')
    if not text:
        return None, Outcome(False, NO_NAME.format(caption=caption))
    target = Path(text)
    if not target.is_absolute():
        target = source.parent / target
    if not target.suffix:
        target = target.with_name(f"{target.name}.xlsx")
    return (start, end, target), None


def run_next_plan(book: LiveBook) -> Outcome:
    """The workbook of the next plan period beside this one (asked: the period and its name); its folder opened."""
    from planrapport.commands.cycle.next_plan import made_lines
    from workbook.cycle.next_plan import build_next_plan, write_next_plan

    plan = read_live_plan(book)
    source = plan.source
    asked, refusal = ask_next_plan(book, plan, source)
    if refusal is not None or asked is None:
        return refusal or Outcome(True, CANCELLED.format(caption=NEXT_PLAN))
    start, end, target = asked
    next_plan = build_next_plan(plan, start, end, source.name)
    write_next_plan(plan, target, next_plan)
    lines = made_lines(source, target, next_plan)
    if len(lines) > SHOWN_LINES:
        hidden = len(lines) - SHOWN_LINES
        lines = [
            *lines[: SHOWN_LINES - 1],
            f"... en nog {hidden} regels (de opdracht nieuw-plan toont ze alle).",
            lines[-1],
        ]
    return Outcome(
        True,
        "\n".join(lines)
        + (
            f"\n\nVolgende stap: open {target.name}, kijk na wat hierboven staat en vul op blad Indicatoren de "
            f"Streefwaarde en het Streefjaar van {start}-{end} in. Begin het eerste jaar met 'Nieuw jaar' "
            f"({start}). Het "
            "nieuwe werkboek heeft nog geen knoppen; een werkboek met knoppen maakt u ervan met de opdracht:\n"
            f'{COMMAND_LINE} omzetten "{target}"'
        ),
        document=target.parent,
    )
