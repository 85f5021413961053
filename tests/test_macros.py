"""The macros of macros/planrapport.bas, run in pyOpenVBA's Excel emulation with a stand-in for xlwings' module:
one Dutch message box for every way a click can fail, naming the guide's section and planrapport's window."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyopenvba.apps.excel import ExcelApplication

from workbook.builders.build_xlsm import ALL_BUTTONS
from workbook.builders.vba_project import MACRO_SOURCE, OUR_MODULE, module_source

ROOT = Path(__file__).parent.parent
STANDIN = Path(__file__).parent / "fixtures" / "vba" / "xlwings_standin.bas"
GUIDE = ROOT / "docs" / "installatie.md"
INTERPRETER = r"C:\Users\ambtenaar\AppData\Local\planrapport\venv\Scripts\pythonw.exe"
# Button macro -> (the function of planrapport.buttons it runs, the command that does the same, its options)
SAME_COMMAND = {
    "Controleer": ("check", "controleer", " --schrijf"),
    "GenereerJaarrapport": ("year_report", "jaarrapport", ""),
    "GenereerBeleidsplan": ("plan_document", "beleidsplan", ""),
    "NieuwJaar": ("new_year", "nieuw-jaar", " JAAR"),
    "VraagOpvolgingOp": ("ask_follow_up", "uitvragen", ""),
    "VerzamelOpvolging": ("collect_follow_up", "verzamelen", ' "{folder}\\opvolging JAAR" --schrijf'),
    "DienIn": ("submit", "indienen", " --jaar JAAR"),
    "MaakEvaluatie": ("evaluation", "evaluatie", ""),
    "NieuwPlan": ("next_plan", "nieuw-plan", ' "{folder}\\NIEUW.xlsx" --periode BEGIN-EIND'),
}
# Scenario of the stand-in -> (the guide's section the message names, words the message must hold)
FAILURES = {
    "no-python": (
        "Python voor de knoppen niet gevonden",
        ["De knop vindt Python niet op deze pc", INTERPRETER, "install-windows.ps1"],
    ),
    "no-shell": (
        "Windows Script Host of de opdrachtprompt geblokkeerd",
        ["Excel kan Python niet starten via de opdrachtprompt (fout 429: ActiveX component can't create object)"],
    ),
    "denied": (
        "Excel mag Python niet starten",
        [
            "Excel mag Python niet starten (fout 70: Permission denied)",
            "Defender-regel 'Block all Office applications from creating child processes'",
        ],
    ),
    "access-denied": (
        "Excel mag Python niet starten",
        ["Excel mag Python niet starten (fout -2147024891: Access is denied.)"],
    ),
    "run-fails": (
        "Windows Script Host of de opdrachtprompt geblokkeerd",
        ["(fout -2147023636: This program is blocked by group policy.)"],
    ),
    "python-error": (
        "Python stopt met een fout",
        [
            "Python is gestart, maar stopte met een fout:",
            "ModuleNotFoundError: No module named 'planrapport'",
            "Uw eigen gegevens zijn niet gewijzigd",
            "'planrapport zelftest'",
        ],
    ),
    "silent-exit": (
        "Windows Script Host of de opdrachtprompt geblokkeerd",
        ["(de opdrachtprompt stopte zonder melding)"],
    ),
}


def click(macro: str, scenario: str) -> ExcelApplication:
    app = ExcelApplication()
    app.add_workbook()
    app.add_module(STANDIN.read_text(encoding="utf-8"), name="xlwings")
    app.add_module(module_source(), name=OUR_MODULE)
    app.run("Pick", scenario)
    app.run(macro)
    return app


def test_every_button_has_its_entry_point_and_command():
    assert list(SAME_COMMAND) == [button.macro for button in ALL_BUTTONS]


@pytest.mark.parametrize("macro", list(SAME_COMMAND))
def test_a_click_that_works_runs_the_entry_point_with_a_status_and_no_box_of_its_own(macro):
    app = click(macro, "ok")
    function, _, _ = SAME_COMMAND[macro]
    assert app.evaluate("Called") == f"import planrapport.buttons; planrapport.buttons.{function}()"
    assert str(app.evaluate("StatusWhileRunning")).startswith("planrapport ")
    assert app.evaluate("Application.StatusBar") is False  # Excel's own text again
    assert app.dialogs == []  # planrapport itself says where the document is and opens it in Word


@pytest.mark.parametrize("scenario", list(FAILURES))
@pytest.mark.parametrize("macro", list(SAME_COMMAND))
def test_every_failure_gives_one_dutch_box(macro, scenario):
    app = click(macro, scenario)
    section, words = FAILURES[scenario]
    assert len(app.dialogs) == 1
    kind, prompt, title, style = app.dialogs[0]
    assert (kind, title, style) == ("MsgBox", "planrapport", 48)  # vbExclamation
    for expected in words:
        assert expected in prompt
    assert f'zie de installatiegids van planrapport (docs/installatie.md), deel "{section}".' in prompt
    caption = next(button.caption for button in ALL_BUTTONS if button.macro == macro)
    assert prompt.endswith(
        "Zonder de knop: bewaar het werkboek. Start planrapport via het menu Start > planrapport, of klik met de "
        f"rechtermuisknop op het werkboek > Kopiëren naar > planrapport, en klik in het venster op '{caption}'."
    )
    assert app.evaluate("Application.StatusBar") is False
    assert app.evaluate("ThisWorkbook.Worksheets.Count") == 1  # xlwings' sheet "Error" is gone again


def test_every_section_a_message_names_is_in_the_guide():
    headings = set(re.findall(r"^#+ (.+?)\s*$", GUIDE.read_text(encoding="utf-8"), re.MULTILINE))
    named = set(re.findall(r'"""([^"]+)""\."', MACRO_SOURCE.read_bytes().decode("cp1252")))
    assert named == {section for section, _ in FAILURES.values()}
    assert named <= headings
    assert "Proef op één pc" in headings


def test_xlwings_own_popups_are_off():
    from workbook.builders.build_xlsm import CONFIG

    assert ("SHOW_ERROR_POPUPS", "False") in CONFIG


@pytest.mark.parametrize("scenario", ["denied", "python-error"])
def test_on_the_self_test_copy_the_message_goes_beside_the_setting_instead_of_a_box(scenario):
    app = ExcelApplication()
    app.add_workbook()
    app.add_module(STANDIN.read_text(encoding="utf-8"), name="xlwings")
    app.add_module(module_source(), name=OUR_MODULE)
    app.run("Pick", scenario, True)
    app.run("GenereerJaarrapport")
    assert app.dialogs == []
    told = app.evaluate('ThisWorkbook.Worksheets("xlwings.conf").Range("C2").Value')
    section, words = FAILURES[scenario]
    assert told.startswith("NIET OK\t") and words[0] in told and section in told


def test_a_sheet_called_error_of_the_workbooks_own_stays_and_pythons_error_is_read_from_it():
    app = ExcelApplication()
    app.add_workbook()
    app.add_module(STANDIN.read_text(encoding="utf-8"), name="xlwings")
    app.add_module(module_source(), name=OUR_MODULE)
    app.run("AddOwnErrorSheet")
    app.run("Pick", "python-error")
    app.run("Controleer")
    assert len(app.dialogs) == 1
    assert "ModuleNotFoundError: No module named 'planrapport'" in app.dialogs[0][1]
    assert app.evaluate("ThisWorkbook.Worksheets.Count") == 2
