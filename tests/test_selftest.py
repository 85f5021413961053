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
NO_EXCEL = "NIET GETEST Excel: Microsoft Excel is niet op deze pc, dus de knoppen zelf zijn niet geprobeerd"
NOT_WINDOWS = (
    "NIET GETEST Windows-instellingen: dit is geen Windows-pc, dus de macro-instellingen van Excel, het "
    "Mark of the Web, de vertrouwde locatie, de Defender-regel voor Office en OneDrive zijn niet nagekeken"
)
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
        book.set_module(
            "xlwings",
            book.get_module("xlwings").replace(
                f'XLWINGS_VERSION As String = "{xlwings.__version__}"', 'XLWINGS_VERSION As String = "0.30.0"'
            ),
        )
        book.save()
    assert main(["zelftest", str(workbook)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[3:5] == [
        f"NIET OK     xlwings: het werkboek heeft de VBA-module van xlwings 0.30.0, geïnstalleerd is xlwings "
        f"{xlwings.__version__}",
        "            Oplossing: installeer opnieuw met install-windows.ps1, of maak het werkboek opnieuw met deze "
        "planrapport (planrapport omzetten)",
    ]
    assert lines[-1] == (
        "Samenvatting: 2 OK, 1 NIET OK, 0 onbekend, 3 niet getest. Los de regels met NIET OK op "
        "en voer de zelftest opnieuw uit."
    )


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
        "planrapport: planrapport.xlsx: de zelftest vraagt een werkboek met knoppen (.xlsm).\n"
    )
    assert main(["zelftest", str(tmp_path / "weg.xlsm")]) == 1
    assert capsys.readouterr().err == f"planrapport: {tmp_path / 'weg.xlsm'}: dit bestand bestaat niet.\n"


def test_two_workbooks_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["zelftest", "a.xlsm", "b.xlsm"])
    assert stop.value.code == 2
    assert capsys.readouterr().err.endswith("planrapport: fout: onbekende argumenten: b.xlsm\n")


def test_the_copy_the_excel_part_clicks_has_its_setting_right_after_the_others(tmp_path):
    from planrapport.commands.pc.excel import EXAMPLE
    from workbook.builders.build_xlsm import CONFIG, SELFTEST_KEY, button_settings, write_macro_workbook
    from xlsx_templates import example_path

    copy = tmp_path / "kopie.xlsm"
    write_macro_workbook(example_path(EXAMPLE), copy, extra_settings=((SELFTEST_KEY, "ja"),))
    settings = button_settings(copy)
    assert list(settings.items()) == [(key.upper(), value) for key, value in CONFIG] + [(SELFTEST_KEY, "ja")]
    assert SELFTEST_KEY not in button_settings(MACRO_TEMPLATE)


@pytest.mark.parametrize(
    "where, state, detail",
    [
        ("elders", "NIET OK", "{path} bestaat niet"),
        ("andere", "NIET OK", "{path} is een andere Python dan die van deze planrapport ({ours})"),
        ("hier", "OK", "{path}"),
    ],
)
def test_on_windows_the_interpreter_of_the_workbook_must_be_this_planrapports_python(
    tmp_path, monkeypatch, where, state, detail
):
    from pathlib import Path

    from planrapport.commands.pc import selftest

    ours = Path(sys.executable).resolve().parent
    other = tmp_path / "andere"
    other.mkdir()
    (other / "python").write_bytes(b"")
    folder = {"elders": tmp_path / "weg", "andere": other, "hier": ours}[where]
    name = Path(sys.executable).resolve().name if where == "hier" else "python"
    monkeypatch.setenv("PLANRAPPORT_TEST_MAP", str(folder))  # as %LOCALAPPDATA% in the real setting
    monkeypatch.setattr(
        "workbook.builders.build_xlsm.button_settings",
        lambda path: {"INTERPRETER_WIN": f"%PLANRAPPORT_TEST_MAP%/{name}"},
    )
    monkeypatch.setattr(sys, "platform", "win32")
    check = selftest.interpreter_check(MACRO_TEMPLATE)
    assert (check.name, check.state, check.detail) == (
        "Python voor de knoppen",
        state,
        detail.format(path=folder / name, ours=ours),
    )


# ---- what decides whether a click runs, with stand-ins for the registry and the streams ----


class RegistryStandIn:
    """The registry as a dict: key -> {value name: data}; a key in `refused` raises as a key one may not read."""

    def __init__(self, keys: dict[str, dict[str, object]] | None = None, refused: tuple[str, ...] = ()) -> None:
        self.keys = {key.casefold(): (key, values) for key, values in (keys or {}).items()}
        self.refused = {key.casefold() for key in refused}

    def _check(self, key: str) -> None:
        if key.casefold() in self.refused:
            raise PermissionError(13, "Toegang geweigerd")

    def values(self, key: str) -> dict[str, object]:
        self._check(key)
        return dict(self.keys.get(key.casefold(), ("", {}))[1])

    def subkeys(self, key: str) -> list[str]:
        self._check(key)
        prefix = key.casefold() + "\\"
        return sorted(
            {name[len(prefix) :].split("\\")[0] for name, _ in self.keys.values() if name.casefold().startswith(prefix)}
        )


class StreamsStandIn:
    def __init__(self, streams: dict[str, str] | None = None, refused: bool = False) -> None:
        self.streams = streams or {}
        self.refused = refused

    def read(self, path, stream):
        if self.refused:
            raise OSError(22, "Ongeldig argument")
        return self.streams.get(f"{path.name}:{stream}")


SECURITY = r"HKCU\Software\Microsoft\Office\16.0\Excel\Security"
POLICY = r"HKCU\Software\Policies\Microsoft\Office\16.0\Excel\Security"
ASR = r"HKLM\SOFTWARE\Policies\Microsoft\Windows Defender\Windows Defender Exploit Guard\ASR\Rules"
RULE = "'Block all Office applications from creating child processes' (D4F940AB-401B-4EFC-AADC-AD5F3C50688A)"
WINDOW = "Zonder macro's werkt planrapport in het venster: planrapport venster"
MOTW = "[ZoneTransfer]\r\nZoneId=3\r\nReferrerUrl=https://outlook.office.com/\r\n"


def own_workbook(tmp_path):
    folder = tmp_path / "Plannen"
    folder.mkdir()
    workbook = folder / "plan.xlsm"
    shutil.copyfile(MACRO_TEMPLATE, workbook)
    return workbook


def security(monkeypatch, capsys, workbook, registry, streams=None):
    """The zelftest on `workbook` as on Windows, with the stand-ins; its exit code and its lines after Schrijven."""
    from planrapport.commands.pc import selftest

    monkeypatch.setattr(selftest, "windows_access", lambda: (registry, streams or StreamsStandIn()))
    code = main(["zelftest", str(workbook)])
    lines = capsys.readouterr().out.splitlines()
    first = next(i for i, line in enumerate(lines) if "Schrijven naast het werkboek" in line) + 1
    return code, lines[first:-2], lines[-1]


def test_a_pc_with_the_usual_settings_is_ok_line_by_line(tmp_path, monkeypatch, capsys):
    workbook = own_workbook(tmp_path)
    code, lines, summary = security(monkeypatch, capsys, workbook, RegistryStandIn())
    assert lines == [
        f"OK          Macro's in Excel: VBAWarnings niet ingesteld, in het beleid noch bij de gebruiker (standaard 2; "
        f"{SECURITY}): macro's uitgeschakeld met melding (Excel vraagt 'Inhoud inschakelen')",
        "OK          Mark of the Web: plan.xlsm heeft geen Zone.Identifier",
        f"OK          Vertrouwde locatie: {workbook.parent} is geen vertrouwde locatie van Excel (0 locaties "
        "nagekeken, van de gebruiker en het beleid)",
        f"OK          Defender-regel voor Office: de regel {RULE} staat niet in het groepsbeleid ({ASR})",
        f"OK          OneDrive of SharePoint: {workbook.parent} is geen map van OneDrive of SharePoint (0 "
        "gesynchroniseerde mappen nagekeken)",
    ]
    assert code == 3 and summary.startswith("Samenvatting: 8 OK, 0 NIET OK, 0 onbekend, 2 niet getest.")


def test_macros_off_without_notification_is_niet_ok_unless_the_folder_is_trusted(tmp_path, monkeypatch, capsys):
    workbook = own_workbook(tmp_path)
    registry = RegistryStandIn({POLICY: {"VBAWarnings": 4}, SECURITY: {"VBAWarnings": 2}})
    code, lines, _ = security(monkeypatch, capsys, workbook, registry)
    assert lines[:2] == [
        f"NIET OK     Macro's in Excel: VBAWarnings = 4 in het beleid ({POLICY}): macro's uitgeschakeld zonder "
        "melding: de macro's van de knoppen lopen niet",
        "            Oplossing: laat VBAWarnings op 2 zetten (Engels 'Disable VBA macros with notification', in het "
        "beleid), of maak de map van het werkboek een vertrouwde locatie (install-windows.ps1 -VertrouwdeMap); zie "
        f"docs/installatie.md, 'De instellingen om te vragen'. {WINDOW}",
    ]
    assert lines[3:5] == [
        f"NIET OK     Vertrouwde locatie: {workbook.parent} is geen vertrouwde locatie van Excel (0 locaties "
        "nagekeken, van de gebruiker en het beleid); met de regels hierboven is dat nodig",
        f"            Oplossing: maak de map een vertrouwde locatie (install-windows.ps1 -VertrouwdeMap "
        f"\"{workbook.parent}\", of in het beleid); zie docs/installatie.md, 'De instellingen om te vragen'. {WINDOW}",
    ]
    assert code == 1

    registry.keys.update(
        RegistryStandIn(
            {
                rf"{POLICY}\Trusted Locations\Location2": {"Path": str(tmp_path) + "\\", "AllowSubfolders": 1},
            }
        ).keys
    )
    code, lines, _ = security(monkeypatch, capsys, workbook, registry)
    trusted = f"{tmp_path}\\ (Location2, beleid, met submappen)"
    assert lines[:3] == [
        f"OK          Macro's in Excel: VBAWarnings = 4 in het beleid ({POLICY}): macro's uitgeschakeld zonder "
        f"melding; het werkboek staat in de vertrouwde locatie {trusted}",
        "OK          Mark of the Web: plan.xlsm heeft geen Zone.Identifier",
        f"OK          Vertrouwde locatie: {workbook.parent} valt onder de vertrouwde locatie {trusted}",
    ]
    assert code == 3


def test_a_trusted_location_without_subfolders_is_only_that_folder(tmp_path):
    from planrapport.commands.pc.security import trusted_location

    registry = RegistryStandIn({rf"{SECURITY}\Trusted Locations\Location0": {"Path": str(tmp_path)}})
    assert trusted_location(tmp_path / "Plannen", registry).location is None
    assert trusted_location(tmp_path, registry).location == f"{tmp_path} (Location0, gebruiker)"
    registry.keys.update(RegistryStandIn({rf"{SECURITY}\Trusted Locations": {"AllLocationsDisabled": 1}}).keys)
    assert trusted_location(tmp_path, registry).disabled


def test_the_mark_of_the_web_is_niet_ok_and_says_how_to_lift_it(tmp_path, monkeypatch, capsys):
    workbook = own_workbook(tmp_path)
    registry = RegistryStandIn({POLICY: {"blockcontentexecutionfrominternet": 1}})
    code, lines, _ = security(
        monkeypatch, capsys, workbook, registry, StreamsStandIn({"plan.xlsm:Zone.Identifier": MOTW})
    )
    assert lines[0].endswith("(Excel vraagt 'Inhoud inschakelen'); blockcontentexecutionfrominternet = 1 in het beleid")
    assert lines[1:3] == [
        "NIET OK     Mark of the Web: plan.xlsm heeft een Zone.Identifier met ZoneId=3 (van het internet): Excel "
        "opent het in de beveiligde weergave en voert er geen macro's in uit, ook niet na 'Inhoud inschakelen' "
        "(beleid blockcontentexecutionfrominternet = 1)",
        "            Oplossing: sluit het werkboek en kies in Verkenner Eigenschappen > Blokkering opheffen (Engels "
        f'Unblock), of in PowerShell: Unblock-File -Path "{workbook.resolve()}"; of zet het in een vertrouwde '
        f"locatie. {WINDOW}",
    ]
    assert lines[3].startswith("NIET OK     Vertrouwde locatie:")
    assert code == 1


def test_a_stream_that_cannot_be_read_is_onbekend(tmp_path, monkeypatch, capsys):
    workbook = own_workbook(tmp_path)
    code, lines, summary = security(monkeypatch, capsys, workbook, RegistryStandIn(), StreamsStandIn(refused=True))
    assert lines[1:3] == [
        "ONBEKEND    Mark of the Web: de Zone.Identifier van plan.xlsm kon niet gelezen worden (Ongeldig argument)",
        "            Nagaan: kijk in Verkenner: Eigenschappen van plan.xlsm, tabblad Algemeen",
    ]
    assert summary.startswith("Samenvatting: 7 OK, 0 NIET OK, 1 onbekend, 2 niet getest.")


@pytest.mark.parametrize(
    "data, state, said",
    [
        ("1", "NIET OK", "staat op 1 (blokkeren) in {asr}: Excel mag cmd.exe en Python niet starten"),
        (1, "NIET OK", "staat op 1 (blokkeren) in {asr}: Excel mag cmd.exe en Python niet starten"),
        ("2", "OK", "staat op 2 (controle (Audit)) in {asr}"),
        ("0", "OK", "staat op 0 (uit) in {asr}"),
    ],
)
def test_the_defender_rule_as_configured(data, state, said):
    from planrapport.commands.pc.security import defender_line

    line = defender_line(RegistryStandIn({ASR: {"d4f940ab-401b-4efc-aadc-ad5f3c50688a": data}}))
    assert (line.state, line.detail) == (state, f"de regel {RULE} " + said.format(asr=ASR))
    if state == "NIET OK":
        assert line.fix == (
            "vraag een uitsluiting voor planrapport op deze regel, of zet ze op 2 (Audit) voor deze "
            f"gebruikers; zie docs/installatie.md, 'Excel mag Python niet starten'. {WINDOW}"
        )


def test_a_defender_key_that_may_not_be_read_is_onbekend_and_the_exit_code_is_4(tmp_path, monkeypatch, capsys):
    from planrapport.commands.pc import selftest

    workbook = own_workbook(tmp_path)
    monkeypatch.setattr(selftest, "excel_checks", lambda: [])  # as on a pc where every click went well
    monkeypatch.setattr(selftest, "interpreter_check", lambda path: selftest.Check("Python voor de knoppen", "OK", ""))
    code, lines, summary = security(monkeypatch, capsys, workbook, RegistryStandIn(refused=(ASR,)))
    assert lines[3:5] == [
        f"ONBEKEND    Defender-regel voor Office: {ASR} kon niet gelezen worden (Toegang geweigerd)",
        "            Nagaan: vraag de informaticadienst hoe de regel staat (PowerShell: Get-MpPreference, "
        "AttackSurfaceReductionRules_Ids en _Actions)",
    ]
    assert code == 4


def test_without_a_workbook_only_the_lines_of_the_pc(tmp_path, monkeypatch, capsys):
    from planrapport.commands.pc import selftest

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(selftest, "windows_access", lambda: (RegistryStandIn(), StreamsStandIn()))
    main(["zelftest"])
    names = [line[12:].split(":")[0] for line in capsys.readouterr().out.splitlines()[2:-1]]
    assert names == [
        "Python voor de knoppen",
        "xlwings",
        "Sjablonen",
        "Schrijven naast het werkboek",
        "Macro's in Excel",
        "Defender-regel voor Office",
        "Excel",
    ]
