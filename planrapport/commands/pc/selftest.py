"""planrapport zelftest: check on this pc what the workbook buttons need, each line OK, NIET OK or ONBEKEND."""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import zipfile
from pathlib import Path

from planrapport.commands import arguments
from planrapport.commands.pc.security import NOT_OK, OK, UNKNOWN, Check
from workbook.plan.errors import WorkbookError

HELP = "Test op deze pc wat de knoppen van een werkboek nodig hebben (voor de informaticadienst, na de installatie)."
EPILOG = (
    "Elke regel zegt OK, NIET OK of ONBEKEND, met wat nagekeken werd en wat u eraan doet. Met WERKBOEK gaat ze ook\n"
    "na wat een klik in dat werkboek tegenhoudt: de macro-instellingen van Excel, het Mark of the Web, de\n"
    "vertrouwde locatie, de Defender-regel voor Office en OneDrive of SharePoint. Waar Microsoft Excel is, klikt de\n"
    "zelftest in een kopie van het voorbeeldwerkboek op elke knop (ook die van het jaarlijkse verloop, in een\n"
    "tijdelijke map) en kijkt het resultaat na.\n"
    "Afloopcode: 0 alles OK, 1 iets is NIET OK, 2 verkeerd gebruik, 3 iets is niet getest (geen Excel of geen\n"
    "Windows), 4 iets is ONBEKEND."
)
NOT_RUN = "NIET GETEST"
EXIT_OK, EXIT_NOT_OK, EXIT_NO_EXCEL, EXIT_UNKNOWN = 0, 1, 3, 4
GUIDE = "docs/installatie.md"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    arguments.add_optional_workbook(
        parser,
        "het werkboek met knoppen (.xlsm); zonder: het sjabloon met knoppen van planrapport, "
        "en schrijven in de huidige map",
    )


def run(args: argparse.Namespace) -> int:
    from xlsx_templates import MACRO_TEMPLATE

    given = Path(args.werkboek) if args.werkboek else None
    if given is not None:
        if not given.is_file():
            raise WorkbookError(f"{given}: dit bestand bestaat niet.")
        if given.suffix.lower() != ".xlsm":
            raise WorkbookError(f"{given.name}: de zelftest vraagt een werkboek met knoppen (.xlsm).")
    workbook = given or MACRO_TEMPLATE
    folder = given.resolve().parent if given else Path.cwd()
    print(f"planrapport zelftest, Python {sys.version.split()[0]}, {sys.executable}")
    print(
        f"Werkboek: {workbook}"
        + (
            ""
            if given
            else " (het sjabloon; geef het werkboek van de ambtenaar mee om ook "
            "het Mark of the Web, de vertrouwde locatie en OneDrive na te gaan)"
        )
    )
    checks = [interpreter_check(workbook), xlwings_check(workbook), templates_check(), writing_check(folder)]
    checks += windows_checks(given.resolve() if given else None, windows_access())
    for check in checks:
        show(check)
    excel = excel_checks()
    for check in excel:
        show(check)
    checks += excel
    return summarize(checks)


def show(check: Check) -> None:
    print(f"{check.state:<12}{check.name}: {check.detail}")
    if check.fix and check.state in (NOT_OK, UNKNOWN):
        print(f"{'':<12}{'Oplossing' if check.state == NOT_OK else 'Nagaan'}: {check.fix}")


def summarize(checks: list[Check]) -> int:
    counts = {state: sum(c.state == state for c in checks) for state in (OK, NOT_OK, UNKNOWN, NOT_RUN)}
    line = (
        f"Samenvatting: {counts[OK]} OK, {counts[NOT_OK]} NIET OK, {counts[UNKNOWN]} onbekend, "
        f"{counts[NOT_RUN]} niet getest."
    )
    if counts[NOT_OK]:
        print(f"{line} Los de regels met NIET OK op en voer de zelftest opnieuw uit.")
        return EXIT_NOT_OK
    if counts[NOT_RUN]:
        print(f"{line} Niet alles kon getest worden: test de knoppen op een Windows-pc met Microsoft Excel.")
        return EXIT_NO_EXCEL
    if counts[UNKNOWN]:
        print(f"{line} Ga de regels met ONBEKEND zelf na.")
        return EXIT_UNKNOWN
    print(f"{line} De knoppen werkten in een kopie op deze pc, en niets hierboven houdt een klik tegen.")
    return EXIT_OK


def windows_access():
    """The registry and the streams of this pc; None when this is no Windows pc."""
    if sys.platform != "win32":
        return None
    from planrapport.windows_settings import NtfsStreams, WindowsRegistry

    return WindowsRegistry(), NtfsStreams()


def windows_checks(workbook: Path | None, access) -> list[Check]:
    """What decides whether a click runs: for every workbook on this pc, and with `workbook` for that one."""
    from planrapport.commands.pc import security as selftest_security

    if access is None:
        return [
            Check(
                "Windows-instellingen",
                NOT_RUN,
                "dit is geen Windows-pc, dus de macro-instellingen van Excel, "
                "het Mark of the Web, de vertrouwde locatie, de Defender-regel "
                "voor Office en OneDrive zijn niet nagekeken",
            )
        ]
    registry, streams = access
    if workbook is None:
        lines = selftest_security.pc_lines(registry)
    else:
        lines = selftest_security.security_lines(workbook, registry, streams, _xlwings_path(workbook))
    return lines


def _xlwings_path(workbook: Path):
    """xlwings' mapping of an address, with the settings on the workbook's xlwings.conf."""
    from workbook.builders.build_xlsm import button_settings

    try:
        settings = button_settings(workbook)
    except Exception:  # the line Python voor de knoppen says the sheet is unreadable
        settings = {}

    def mapped(address: str) -> str:
        from planrapport.commands.pc.excel import xlwings_local_path

        return xlwings_local_path(address, settings)

    return mapped


def expand(value: str) -> str:
    """%VARIABLES% filled in as Windows (and so xlwings) does; unknown ones stay as they are."""
    return re.sub(r"%([^%]+)%", lambda m: os.environ.get(m.group(1), m.group(0)), value)


def interpreter_check(workbook: Path) -> Check:
    from workbook.builders.build_xlsm import button_settings

    name = "Python voor de knoppen"
    fix = f"voer install-windows.ps1 uit als deze gebruiker; zie {GUIDE}, 'Python voor de knoppen niet gevonden'"
    try:
        raw = button_settings(workbook).get("INTERPRETER_WIN", "")
    except Exception as error:  # any unreadable workbook: the line says so, the other checks still run
        return Check(
            name,
            NOT_OK,
            f"het blad xlwings.conf is niet leesbaar ({type(error).__name__})",
            "geef de ambtenaar een nieuw werkboek met knoppen (planrapport sjabloon of omzetten)",
        )
    if not raw:
        return Check(
            name,
            NOT_OK,
            "het werkboek heeft op het blad xlwings.conf geen Interpreter_Win",
            "geef de ambtenaar een nieuw werkboek met knoppen (planrapport sjabloon of omzetten)",
        )
    if sys.platform != "win32":
        return Check(name, NOT_RUN, f"dit is geen Windows-pc (het werkboek vraagt {raw})")
    path = Path(expand(raw))
    if not path.is_file():
        return Check(name, NOT_OK, f"{path} bestaat niet", fix)
    ours = Path(sys.executable).resolve().parent
    if os.path.normcase(path.resolve().parent) != os.path.normcase(ours):
        return Check(
            name,
            NOT_OK,
            f"{path} is een andere Python dan die van deze planrapport ({ours})",
            f"zet B1 op het blad xlwings.conf terug op {raw}, of installeer opnieuw; zie {GUIDE}, "
            "'Python stopt met een fout'",
        )
    return Check(name, OK, str(path))


def xlwings_check(workbook: Path) -> Check:
    from importlib.metadata import PackageNotFoundError, version

    from workbook.builders.vba_project import xlwings_version_of

    name = "xlwings"
    fix = (
        "installeer opnieuw met install-windows.ps1, of maak het werkboek opnieuw met deze planrapport "
        "(planrapport omzetten)"
    )
    try:
        installed = version("xlwings")
    except PackageNotFoundError:
        return Check(name, NOT_OK, "xlwings is niet geïnstalleerd bij deze Python", fix)
    try:
        in_workbook = xlwings_version_of(workbook)
    except Exception as error:  # pyOpenVBA raises its own kinds for a damaged project
        return Check(name, NOT_OK, f"het VBA-project van het werkboek is niet leesbaar ({type(error).__name__})", fix)
    if in_workbook is None:
        return Check(name, NOT_OK, "het werkboek heeft geen VBA-module xlwings", fix)
    if in_workbook != installed:
        return Check(
            name,
            NOT_OK,
            f"het werkboek heeft de VBA-module van xlwings {in_workbook}, geïnstalleerd is xlwings {installed}",
            fix,
        )
    return Check(name, OK, f"versie {installed}, in het werkboek en geïnstalleerd")


def templates_check() -> Check:
    from reporting.templates import PLAN_TEMPLATE, YEAR_REPORT_TEMPLATE
    from xlsx_templates import MACRO_TEMPLATE, TEMPLATE

    wanted = {path: "word/document.xml" for path in (YEAR_REPORT_TEMPLATE, PLAN_TEMPLATE)}
    wanted.update({path: "xl/workbook.xml" for path in (TEMPLATE, MACRO_TEMPLATE)})
    broken = []
    for path, part in wanted.items():
        try:
            with zipfile.ZipFile(path) as archive:
                archive.getinfo(part)
        except (OSError, KeyError, zipfile.BadZipFile):
            broken.append(path.name)
    if broken:
        return Check(
            "Sjablonen",
            NOT_OK,
            f"ontbreekt of is beschadigd: {', '.join(broken)}",
            "installeer planrapport opnieuw met install-windows.ps1",
        )
    return Check("Sjablonen", OK, ", ".join(path.name for path in wanted))


def writing_check(folder: Path) -> Check:
    name = "Schrijven naast het werkboek"
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".~planrapport-zelftest-", suffix=".tmp") as probe:
            probe.write(b"planrapport")
            probe.flush()
    except OSError as error:
        return Check(
            name,
            NOT_OK,
            f"in {folder} kan planrapport niet schrijven ({error.strerror})",
            "geef de gebruiker schrijfrechten op die map, of zet het werkboek in een map waar dat kan",
        )
    return Check(name, OK, str(folder))


def excel_checks() -> list[Check]:
    """With Microsoft Excel on this pc: click every button in a copy of the example workbook (selftest_excel)."""
    if sys.platform != "win32" or not _excel_installed():
        return [Check("Excel", NOT_RUN, "Microsoft Excel is niet op deze pc, dus de knoppen zelf zijn niet geprobeerd")]
    from planrapport.commands.pc.excel import click_every_button

    return [Check(name, OK if passed else NOT_OK, seen, fix) for name, passed, seen, fix in click_every_button()]


def _excel_installed() -> bool:
    import winreg  # Windows only, and only asked on Windows

    try:
        winreg.CloseKey(winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, r"Excel.Application\CLSID"))
    except OSError:
        return False
    return True
