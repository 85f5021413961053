"""The planrapport command: a thin Dutch command line over the library."""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import re
import sys
from collections.abc import Sequence

from workbook.plan.errors import WorkbookError

# Subcommand name -> module with HELP, add_arguments(parser) and run(args) -> exit code.
COMMANDS = {
    "demo": "planrapport.commands.demo",
    "controleer": "planrapport.commands.check",
    "trends": "planrapport.commands.trends",
    "jaarrapport": "planrapport.commands.documents.year_report",
    "beleidsplan": "planrapport.commands.documents.plan_document",
    "evaluatie": "planrapport.commands.cycle.evaluation",
    "samenvatting": "planrapport.commands.summary",
    "sjabloon": "planrapport.commands.template",
    "omzetten": "planrapport.commands.convert",
    "voorbeeld": "planrapport.commands.example",
    "huisstijl": "planrapport.commands.house_style",
    "zelftest": "planrapport.commands.pc.selftest",
    "importeren": "planrapport.commands.import_plan",
    "nieuw-jaar": "planrapport.commands.cycle.new_year",
    "nieuw-plan": "planrapport.commands.cycle.next_plan",
    "uitvragen": "planrapport.commands.cycle.ask",
    "verzamelen": "planrapport.commands.cycle.collect",
    "indienen": "planrapport.commands.cycle.submit",
    "venster": "planrapport.window",
    "bundel": "planrapport.commands.pc.bundle",
}

_TRANSLATIONS = (
    (r"the following arguments are required: (.*)", r"dit ontbreekt nog: \1"),
    (r"unrecognized arguments: (.*)", r"onbekende argumenten: \1"),
    (r"argument (\S+): invalid choice: '?([^']*)'? \(choose from (.*)\)", r"\1: onbekende keuze '\2' (kies uit \3)"),
    (r"argument (\S+): invalid int value: '(.*)'", r"\1: '\2' is geen geheel getal"),
    (r"argument (\S+): expected one argument", r"\1: hier hoort een waarde bij"),
    (r"argument (\S+): not allowed with argument (\S+)", r"\1 gaat niet samen met \2"),
    (r"invalid choice: '?([^']*)'? \(choose from (.*)\)", r"onbekende opdracht '\1' (kies uit \2)"),
    (r"argument (\S+): (.*)", r"\1: \2"),
)


class DutchFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="gebruik: " if prefix is None else prefix)


class DutchParser(argparse.ArgumentParser):
    """argparse with Dutch titles and messages; usage errors exit with 2."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", DutchFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> None:
        for pattern, replacement in _TRANSLATIONS:
            if re.fullmatch(pattern, message):
                message = re.sub(pattern, replacement, message)
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n")


def build_parser() -> DutchParser:
    parser = DutchParser(
        prog="planrapport",
        description="Controleer een beleidsplan in Excel en maak er het jaarrapport en het beleidsplan in Word van.",
        epilog="Meer hulp bij een opdracht: planrapport OPDRACHT --help",
    )
    subparsers = parser.add_subparsers(dest="command", title="opdrachten", metavar="OPDRACHT", parser_class=DutchParser)
    for name, module_name in COMMANDS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        sub = subparsers.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.run(args)
    except WorkbookError as error:
        print(f"planrapport: {error.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("planrapport: onderbroken.", file=sys.stderr)
        return 1
    except Exception as error:
        if os.environ.get("PLANRAPPORT_DEBUG"):
            raise
        print(
            f"planrapport: er liep iets onverwacht mis ({type(error).__name__}: {error}). Uw bestanden zijn "
            "niet gewijzigd. Meld dit aan de beheerder van planrapport, met het werkboek erbij.",
            file=sys.stderr,
        )
        return 1


def run() -> None:
    code = main()
    # The work is done: without this, the interpreter's last collection walks every object the command made.
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    run()
