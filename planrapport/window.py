"""planrapport venster: a small window with the workbook's buttons, for a pc where the buttons cannot run."""

from __future__ import annotations

import argparse
from pathlib import Path

from planrapport.commands import arguments
from workbook.plan.errors import WorkbookError

HELP = (
    "Open een venster met de knoppen van het werkboek (Controleer, de rapporten en het jaarlijkse verloop), "
    "zonder macro's."
)
EPILOG = (
    "Het venster werkt met het bewaarde werkboek, niet met wat in Excel open staat. Heeft Excel het werkboek\n"
    "open, dan zegt het venster dat, en schrijven Nieuw jaar, Vraag opvolging op, Verzamel opvolging en Dien in\n"
    "er niet in: bewaar en sluit het werkboek eerst.\n"
    "Afloopcode: 0 venster gesloten, 1 geen venster mogelijk op deze pc, 2 verkeerd gebruik."
)
NO_WINDOW = (
    "planrapport kan op deze pc geen venster openen ({reason}). Gebruik de opdrachten: planrapport --help toont ze."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    arguments.add_optional_workbook(
        parser, "het werkboek (.xlsx of .xlsm) om mee te beginnen; anders kiest u het in het venster"
    )


def run(args: argparse.Namespace) -> int:
    try:
        import tkinter

        from planrapport.window_app import PlanWindow
    except ImportError:
        raise WorkbookError(NO_WINDOW.format(reason="de Python op deze pc heeft geen tkinter")) from None
    try:
        root = tkinter.Tk()
    except tkinter.TclError as error:
        reason = "er is geen scherm" if "display" in str(error).casefold() else "Tk kan niet starten"
        raise WorkbookError(NO_WINDOW.format(reason=reason)) from None
    PlanWindow(root, Path(args.werkboek) if args.werkboek else None)
    root.mainloop()
    return 0
