"""planrapport verzamelen: merge the follow-up trekkers sent back into the workbook's rows of the year."""

from __future__ import annotations

import argparse
from pathlib import Path

from planrapport.commands import arguments
from planrapport.commands.documents import common as common
from workbook.storage.writer_lock import command_writes_workbook

HELP = "Neem de ingevulde bestanden van de trekkers over in het werkboek (blad Opvolging en Metingen)."
EPILOG = (
    "Een lege cel in het werkboek krijgt de ingevulde waarde; dezelfde waarde verandert niets; staat er al iets\n"
    "anders, dan is dat een conflict: beide waarden worden getoond en het werkboek houdt de zijne, tenzij\n"
    "--overschrijf. Bestanden van een ander plan of jaar, codes die niet in het plan staan en woorden die niet\n"
    "in de keuzelijst staan, worden geweigerd met de reden. Nog eens uitvoeren verandert niets.\n"
    "Vooraf komt er een reservekopie van het werkboek naast.\n"
    "Afloopcode: 0 gelukt, 1 werkboek onleesbaar of map bestaat niet, 2 verkeerd gebruik."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    arguments.add_workbook(parser)
    arguments.add_folder(parser, "de map met de teruggestuurde bestanden")
    arguments.add_year(parser, "het jaar (standaard: Rapportjaar op blad Instellingen)")
    arguments.add_overwrite(parser, "bij een conflict de ingevulde waarde nemen in plaats van die van het werkboek")
    arguments.add_write(parser, "zet het overzicht ook op het blad Verzameld van het werkboek")


@command_writes_workbook()
def run(args: argparse.Namespace) -> int:
    from workbook.cycle.collect import collect

    path, _ = common.plan_for_year(args)
    result = collect(path, Path(args.map), args.jaar, overwrite=args.overschrijf)
    lines = collected_lines(result)
    if args.schrijf:
        from workbook.sheets.collected_sheet import write_collected_sheet

        backup = write_collected_sheet(path, lines)
        result.backup = result.backup or backup
        lines.append(f"Het overzicht staat op blad Verzameld van {path.name}.")
    if result.backup is not None:
        lines.append(f"Reservekopie van het werkboek: {result.backup.name}")
    print("\n".join(lines))
    return 0


def collected_lines(result) -> list[str]:
    lines = [f"Opvolging {result.year} verzameld: {_count(len(result.answers), 'antwoord', 'antwoorden')}."]
    lines += result.remarks
    if result.answers:
        width = max(len(a.who) for a in result.answers)
        for answer in result.answers:
            lines.append(
                f"  {answer.who:<{width}}  {_count(len(answer.rows), 'rij', 'rijen')} ingevuld "
                f"({_count(answer.cells, 'cel', 'cellen')})  {answer.file}"
            )
    if result.conflicts:
        lines += ["", f"Conflicten ({len(result.conflicts)}):"]
        for conflict in result.conflicts:
            what = "overschreven" if conflict.overwritten else "niet overgenomen (gebruik --overschrijf)"
            source = f" ({conflict.where})" if conflict.where else ""
            lines.append(
                f"  {conflict.cell} ({conflict.code}, {conflict.header}): in het werkboek "
                f"'{_shown(conflict.current)}', van {conflict.who}{source} '{_shown(conflict.returned)}'; "
                f"{what}."
            )
    if result.clashes:
        lines += ["", f"Verschillende antwoorden voor dezelfde cel, niet overgenomen ({len(result.clashes)}):"]
        for clash in result.clashes:
            answers = "; ".join(f"'{_shown(value)}' in {where}" for value, where in clash.answers)
            lines.append(f"  {clash.cell} ({clash.code}, {clash.header}): {answers}. Kies zelf en vul de cel in.")
    if result.refusals:
        lines += ["", f"Geweigerd ({len(result.refusals)}):"]
        lines += [f"  {text}" for text in result.refusals]
    lines.append("")
    if result.waiting:
        lines.append(f"Nog geen antwoord van ({len(result.waiting)}):")
        lines += [f"  {who}: {file}" for who, file in zip(result.waiting, result.waiting_files, strict=True)]
    else:
        lines.append("Iedereen heeft geantwoord.")
    if not result.changes:
        lines.append("Er was niets nieuws om over te nemen.")
    return lines


def _count(number: int, one: str, more: str) -> str:
    return f"{number} {one if number == 1 else more}"


def _shown(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)
