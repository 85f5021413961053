"""The window's nine steps: what the workbook's buttons do, done by the commands on the saved workbook file."""

from __future__ import annotations

import contextlib
import importlib
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from planrapport.cli import COMMANDS, DutchParser
from planrapport.cycle_buttons import _asked_year, _year_with_rows
from planrapport.own_sheets import Outcome
from workbook.builders.build_xlsm import ALL_BUTTONS
from workbook.storage.locks import is_open

OPEN_IN_EXCEL = (
    "Excel heeft {name} open: planrapport werkt met het bewaarde bestand en ziet niet wat u sinds het "
    "laatste bewaren wijzigde."
)
SAVE_AND_CLOSE = (
    "Excel heeft {name} open, en planrapport schrijft niet in een werkboek dat open is. Er is niets "
    "gewijzigd.\n\nBewaar het werkboek in Excel (Ctrl+S), sluit het en klik opnieuw op '{caption}'."
)
CHECK_NOT_WRITTEN = (
    "De lijst staat niet op blad Controle: dat kan pas als het werkboek in Excel bewaard en gesloten is."
)
NO_WORKBOOK = "Kies eerst het werkboek: klik op 'Kies ...' of typ het pad van het werkboek."
WHICH_YEAR = "Welk jaar?"
CAPTIONS = {button.macro: button.caption for button in ALL_BUTTONS}


class StepBook(Protocol):
    """What a step needs from the window: the workbook chosen, and the officer's answer to a question."""

    def path(self) -> Path:
        """The workbook file; raises WorkbookError when none is chosen."""

    def ask(self, question: str, default: str) -> str | None:
        """The officer's answer to `question`, offered `default`; None when they cancel."""


@dataclass(frozen=True)
class Step:
    """One button of the window: its caption (that of the workbook's button), whether it writes in the workbook,
    and what it does."""

    caption: str
    writes: bool
    act: Callable[[StepBook, str], Outcome]

    def run(self, book: StepBook) -> Outcome:
        """Do the step; a writing step is refused while Excel has the workbook open."""
        path = book.path()
        if self.writes and is_open(path):
            return Outcome(False, SAVE_AND_CLOSE.format(name=path.name, caption=self.caption))
        return self.act(book, self.caption)


def run_command(name: str, arguments: Sequence[str]) -> tuple[int, list[str]]:
    """Run a command of the command line as `planrapport NAME ARGUMENTS` would: its exit code and what it wrote
    (planrapport's own prefix taken off)."""
    module = importlib.import_module(COMMANDS[name])
    parser = DutchParser(prog=f"planrapport {name}")
    module.add_arguments(parser)
    args = parser.parse_args([str(argument) for argument in arguments])
    output = io.StringIO()
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        code = module.run(args)
    return code, [line.removeprefix("planrapport: ") for line in output.getvalue().splitlines()]


def said(path: Path, lines: Sequence[str]) -> str:
    """The message of a step: the command's lines, after the notice that Excel has the workbook open."""
    text = "\n".join(lines).strip("\n")
    return f"{OPEN_IN_EXCEL.format(name=path.name)}\n\n{text}" if is_open(path) else text


def document_in(lines: Sequence[str], suffix: str = ".docx") -> Path | None:
    """The document a command wrote: the line that is only its path."""
    for line in lines:
        candidate = Path(line.strip())
        if candidate.suffix.lower() == suffix and candidate.is_absolute() and candidate.is_file():
            return candidate
    return None


def check(book: StepBook, caption: str) -> Outcome:
    path = book.path()
    held = is_open(path)
    code, lines = run_command("controleer", [path] if held else [path, "--schrijf"])
    if held:
        lines.append(CHECK_NOT_WRITTEN)
    return Outcome(code == 0, said(path, lines))


def year_report(book: StepBook, caption: str) -> Outcome:
    return _document(book, "jaarrapport")


def plan_document(book: StepBook, caption: str) -> Outcome:
    return _document(book, "beleidsplan")


def _document(book: StepBook, command: str) -> Outcome:
    path = book.path()
    code, lines = run_command(command, [path.resolve()])
    return Outcome(code == 0, said(path, lines), document=document_in(lines))


def new_year(book: StepBook, caption: str) -> Outcome:
    from workbook.reading.reader import read_plan

    path = book.path()
    plan = read_plan(path)
    current = plan.settings.report_year
    offered = current + 1 if current else plan.settings.start_year
    question = _question("nieuw-jaar", f"Rapportjaar is nu {current}. " if current else "")
    year, refusal = _asked_year(book, plan, question, offered, caption)  # type: ignore[arg-type]
    if refusal is not None:
        return refusal
    code, lines = run_command("nieuw-jaar", [path, year])
    return Outcome(code == 0, said(path, lines))


def ask_follow_up(book: StepBook, caption: str) -> Outcome:
    from workbook.cycle.requests import default_folder
    from workbook.reading.reader import read_plan

    path = book.path()
    year, refusal = _year_with_rows(read_plan(path))
    if refusal is not None:
        return refusal
    code, lines = run_command("uitvragen", [path])
    folder = default_folder(path.resolve(), year)
    return Outcome(code == 0, said(path, lines), document=folder if folder.is_dir() else None)


def collect_follow_up(book: StepBook, caption: str) -> Outcome:
    from workbook.cycle.requests import default_folder
    from workbook.reading.reader import read_plan

    path = book.path()
    year, refusal = _year_with_rows(read_plan(path))
    if refusal is not None:
        return refusal
    code, lines = run_command("verzamelen", [path, default_folder(path.resolve(), year), "--schrijf"])
    return Outcome(code == 0, said(path, lines))


def submit(book: StepBook, caption: str) -> Outcome:
    from workbook.reading.reader import read_plan

    path = book.path()
    plan = read_plan(path)
    year, refusal = _asked_year(
        book,
        plan,
        _question("indienen"),  # type: ignore[arg-type]
        plan.settings.report_year,
        caption,
    )
    if refusal is not None:
        return refusal
    code, lines = run_command("indienen", [path.resolve(), "--jaar", year])
    return Outcome(code == 0, said(path, lines), document=document_in(lines))


def evaluation(book: StepBook, caption: str) -> Outcome:
    return _document(book, "evaluatie")


def next_plan(book: StepBook, caption: str) -> Outcome:
    from planrapport.period_buttons import ask_next_plan
    from workbook.reading.reader import read_plan

    path = book.path()
    plan = read_plan(path)
    asked, refusal = ask_next_plan(book, plan, path.resolve(), caption)
    if refusal is not None or asked is None:
        return refusal or Outcome(True, "")
    start, end, target = asked
    code, lines = run_command("nieuw-plan", [path, target, "--periode", f"{start}-{end}"])
    return Outcome(code == 0, said(path, lines), document=target.parent if code == 0 else None)


def _question(command: str, now: str = "") -> str:
    """A step's question: what the command does (its own help), then the question."""
    help_text = importlib.import_module(COMMANDS[command]).HELP
    return f"{help_text}\n\n{now}{WHICH_YEAR}"


# The reports, then the yearly cycle, in the order of the workbook's buttons.
REPORT_STEPS = (
    Step(CAPTIONS["Controleer"], False, check),
    Step(CAPTIONS["GenereerJaarrapport"], False, year_report),
    Step(CAPTIONS["GenereerBeleidsplan"], False, plan_document),
)
CYCLE_STEPS = (
    Step(CAPTIONS["NieuwJaar"], True, new_year),
    Step(CAPTIONS["VraagOpvolgingOp"], True, ask_follow_up),
    Step(CAPTIONS["VerzamelOpvolging"], True, collect_follow_up),
    Step(CAPTIONS["DienIn"], True, submit),
)
# The end of the plan period: neither writes in the workbook (the new plan is a workbook of its own).
PERIOD_STEPS = (
    Step(CAPTIONS["MaakEvaluatie"], False, evaluation),
    Step(CAPTIONS["NieuwPlan"], False, next_plan),
)
