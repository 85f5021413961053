"""The arguments several commands share: the workbook, --jaar, --uit, --overschrijf, --schrijf, --met-knoppen."""

from __future__ import annotations

import argparse

WORKBOOK_HELP = "het werkboek (.xlsx of .xlsm)"
REPORT_YEAR_HELP = "het rapportjaar, bv. 2023 (standaard: Rapportjaar op blad Instellingen)"


def year(text: str) -> int:
    """A year as typed after --jaar or as JAAR; an error argparse shows in Dutch otherwise."""
    if text.strip().isdigit() and 1900 <= int(text) <= 2100:
        return int(text)
    raise argparse.ArgumentTypeError(f"'{text}' is geen jaartal (bv. 2023)")


def add_workbook(parser: argparse.ArgumentParser, help: str = WORKBOOK_HELP) -> None:
    """The workbook, PAD, as the first argument."""
    parser.add_argument("pad", metavar="PAD", help=help)


def add_year(parser: argparse.ArgumentParser, help: str = REPORT_YEAR_HELP, required: bool = False) -> None:
    """--jaar JAAR."""
    parser.add_argument("--jaar", type=year, metavar="JAAR", required=required, help=help)


def add_out(parser: argparse.ArgumentParser, help: str) -> None:
    """--uit MAP: the folder to write into."""
    parser.add_argument("--uit", metavar="MAP", help=help)


def add_overwrite(parser: argparse.ArgumentParser, help: str) -> None:
    """--overschrijf: replace what is there."""
    parser.add_argument("--overschrijf", action="store_true", help=help)


def add_write(parser: argparse.ArgumentParser, help: str) -> None:
    """--schrijf: also put the result on a sheet of the workbook."""
    parser.add_argument("--schrijf", action="store_true", help=help)


def add_buttons(parser: argparse.ArgumentParser, help: str) -> None:
    """--met-knoppen: a workbook with buttons (.xlsm)."""
    parser.add_argument("--met-knoppen", action="store_true", help=help)


def add_optional_workbook(parser: argparse.ArgumentParser, help: str) -> None:
    """WERKBOEK, which may be left out."""
    parser.add_argument("werkboek", metavar="WERKBOEK", nargs="?", help=help)


def add_folder(parser: argparse.ArgumentParser, help: str) -> None:
    """MAP, a folder, as an argument."""
    parser.add_argument("map", metavar="MAP", help=help)
