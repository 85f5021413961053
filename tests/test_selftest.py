"""planrapport zelftest: its Dutch lines and exit codes here (no Excel), and the whole test on Windows with Excel."""

from __future__ import annotations

import shutil
import sys

import pytest
import xlwings
from pyopenvba import ExcelFile

from planrapport.cli import main
from xlsx_templates import MACRO_TEMPLATE

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the lines of a pc without Excel")
HEAD = f"planrapport zelftest, Python {sys.version.split()[0]}, {sys.executable}"
INTERPRETER = r"%LOCALAPPDATA%\planrapport\venv\Scripts\pythonw.exe"
NO_EXCEL = ("NIET GETEST Excel: Microsoft Excel is niet op deze pc, dus de knoppen zelf zijn niet geprobeerd")
NOT_WINDOWS = ("NIET GETEST Windows-instellingen: dit is geen Windows-pc, dus de macro-instellingen van Excel, het "
               "Mark of the Web, de vertrouwde locatie, de Defender-regel voor Office en OneDrive zijn niet nagekeken")
TEMPLATES = "OK          Sjablonen: jaarrapport.docx, beleidsplan.docx, planrapport.xlsx, planrapport.xlsm"


def test_without_excel_it_runs_what_it_can_and_exits_3(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["zelftest"]) == 3
    assert capsys.readouterr().out.splitlines() == [
        HEAD,
        f"Werkboek: {MACRO_TEMPLATE} (het sjabloon; geef het werkboek van de ambtenaar mee om ook het Mark of the "
        "Web, de vertrouwde locatie en OneDrive na te gaan)",
        f"NIET GETEST Python voor de knoppen: dit is geen Windows-pc (het werkboek vraagt {INTERPRETER})",
        f"OK          xlwings: versie {xlwings.__version__}, in het werkboek en geïnstalleerd",
        TEMPLATES,
        f"OK          Schrijven naast het werkboek: {tmp_path}",
        NOT_WINDOWS,
        NO_EXCEL,
        "Samenvatting: 3 OK, 0 NIET OK, 0 onbekend, 3 niet getest. Niet alles kon getest worden: test de knoppen op "
        "een Windows-pc met Microsoft Excel.",
    ]
    assert list(tmp_path.iterdir()) == []  # the probe file is gone again


def test_a_workbook_with_another_xlwings_module_is_niet_ok(tmp_path, capsys):
    workbook = tmp_path / "oude-xlwings.xlsm"
    shutil.copyfile(MACRO_TEMPLATE, workbook)
    with ExcelFile(workbook) as book:
        book.set_module("xlwings", book.get_module("xlwings").replace(
            f'XLWINGS_VERSION As String = "{xlwings.__version__}"', 'XLWINGS_VERSION As String = "0.30.0"'))
        book.save()
    assert main(["zelftest", str(workbook)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[3:5] == [
        f"NIET OK     xlwings: het werkboek heeft de VBA-module van xlwings 0.30.0, geïnstalleerd is xlwings "
        f"{xlwings.__version__}",
        "            Oplossing: installeer opnieuw met install-windows.ps1, of maak het werkboek opnieuw met deze "
        "planrapport (planrapport omzetten)",
    ]
    assert lines[-1] == ("Samenvatting: 2 OK, 1 NIET OK, 0 onbekend, 3 niet getest. Los de regels met NIET OK op "
                         "en voer de zelftest opnieuw uit.")


def test_a_folder_it_cannot_write_in_is_niet_ok(tmp_path, capsys, monkeypatch):
    import tempfile

    workbook = tmp_path / "plan.xlsm"
    shutil.copyfile(MACRO_TEMPLATE, workbook)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)  # root may write anywhere here
    assert main(["zelftest", str(workbook)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[5:7] == [
        f"NIET OK     Schrijven naast het werkboek: in {tmp_path} kan planrapport niet schrijven (Permission denied)",
        "            Oplossing: geef de gebruiker schrijfrechten op die map, of zet het werkboek in een map waar dat "
        "kan",
    ]


def test_a_workbook_without_buttons_is_refused(tmp_path, capsys):
    from xlsx_templates import TEMPLATE

    assert main(["zelftest", str(TEMPLATE)]) == 1
    assert capsys.readouterr().err == (
        "planrapport: planrapport.xlsx: de zelftest vraagt een werkboek met knoppen (.xlsm).\n")
    assert main(["zelftest", str(tmp_path / "weg.xlsm")]) == 1
    assert capsys.readouterr().err == f"planrapport: {tmp_path / 'weg.xlsm'}: dit bestand bestaat niet.\n"


def test_two_workbooks_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["zelftest", "a.xlsm", "b.xlsm"])
    assert stop.value.code == 2
    assert capsys.readouterr().err.endswith("planrapport: fout: onbekende argumenten: b.xlsm\n")


def test_the_copy_the_excel_part_clicks_has_its_setting_right_after_the_others(tmp_path):
    from planrapport.commands.selftest_excel import EXAMPLE
    from workbook.build_xlsm import CONFIG, SELFTEST_KEY, button_settings, write_macro_workbook
    from xlsx_templates import example_path

    copy = tmp_path / "kopie.xlsm"
    write_macro_workbook(example_path(EXAMPLE), copy, extra_settings=((SELFTEST_KEY, "ja"),))
    settings = button_settings(copy)
    assert list(settings.items()) == [(key.upper(), value) for key, value in CONFIG] + [(SELFTEST_KEY, "ja")]
    assert SELFTEST_KEY not in button_settings(MACRO_TEMPLATE)


@pytest.mark.parametrize("where, state, detail", [
    ("elders", "NIET OK", "{path} bestaat niet"),
    ("andere", "NIET OK", "{path} is een andere Python dan die van deze planrapport ({ours})"),
    ("hier", "OK", "{path}"),
])
def test_on_windows_the_interpreter_of_the_workbook_must_be_this_planrapports_python(
        tmp_path, monkeypatch, where, state, detail):
    from pathlib import Path

    from planrapport.commands import selftest

    ours = Path(sys.executable).resolve().parent
    other = tmp_path / "andere"
    other.mkdir()
    (other / "python").write_bytes(b"")
    folder = {"elders": tmp_path / "weg", "andere": other, "hier": ours}[where]
    name = Path(sys.executable).resolve().name if where == "hier" else "python"
    monkeypatch.setenv("PLANRAPPORT_TEST_MAP", str(folder))  # as %LOCALAPPDATA% in the real setting
    monkeypatch.setattr("workbook.build_xlsm.button_settings",
                        lambda path: {"INTERPRETER_WIN": f"%PLANRAPPORT_TEST_MAP%/{name}"})
    monkeypatch.setattr(sys, "platform", "win32")
    check = selftest.interpreter_check(MACRO_TEMPLATE)
    assert (check.name, check.state, check.detail) == (
        "Python voor de knoppen", state, detail.format(path=folder / name, ours=ours))
