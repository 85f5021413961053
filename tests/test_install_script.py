"""install-windows.ps1, read as text (no PowerShell here): its parameters, checks and exact Dutch messages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import tomllib

from planrapport.commands.pc import bundle

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = (ROOT / "install-windows.ps1").read_text(encoding="utf-8")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def assignment(name: str) -> str:
    """The single-quoted value of `$name = '...'` (or `[version]'...'`) in the script."""
    match = re.search(rf"^\${name} = (?:\[version\])?'((?:[^']|'')*)'$", SCRIPT, re.MULTILINE)
    assert match, name
    return match.group(1).replace("''", "'")


def messages() -> dict[str, str]:
    block = re.search(r"^\$Text = @\{\n(.*?)^\}\n", SCRIPT, re.MULTILINE | re.DOTALL)
    assert block
    found = {}
    for line in block.group(1).splitlines():
        match = re.fullmatch(r"    (\w+) += '((?:[^']|'')*)'", line)
        assert match, line
        found[match.group(1)] = match.group(2).replace("''", "'")
    return found


TEXT = messages()


def body(function: str) -> str:
    match = re.search(rf"^function {function}\b.*?^\}}$", SCRIPT, re.MULTILINE | re.DOTALL)
    assert match, function
    return match.group(0)


def test_the_parameters():
    block = re.search(r"^param\((.*?)^\)$", SCRIPT, re.MULTILINE | re.DOTALL).group(1)
    parameters = re.findall(r"\[(\w+)\]\$(\w+)", block)
    assert parameters == [
        ("string", "Bron"),
        ("string", "Python"),
        ("string", "Wielen"),
        ("string", "Proxy"),
        ("switch", "AlleGebruikers"),
        ("string", "VertrouwdeMap"),
    ]
    for _kind, name in parameters:  # each is explained in the help and in the documentation for IT
        assert f".PARAMETER {name}\n" in SCRIPT
        assert f"`-{name}" in (ROOT / "docs" / "installatie.md").read_text(encoding="utf-8")


def test_python_311_or_newer_as_in_pyproject_and_the_pinned_xlwings():
    assert PYPROJECT["project"]["requires-python"] == ">=3.11"
    assert assignment("MinimumPython") == "3.11"
    assert "3.10" not in SCRIPT
    pin = next(item for item in PYPROJECT["project"]["dependencies"] if item.startswith("xlwings=="))
    assert pin == f"xlwings=={assignment('XlwingsVersion')}"


def test_python_is_asked_its_version_and_bits_and_a_32_bit_one_is_refused():
    info = body("Get-PythonInfo")
    assert "sys.version_info[:3] + (struct.calcsize('P') * 8,)" in info
    find = body("Find-Python")
    assert "if ($info.Version -lt $MinimumPython) { $reason = $Text.TooOld -f $info.Version }" in find
    assert "elseif ($info.Bits -ne 64) { $reason = $Text.Bits32 -f $info.Version }" in find
    assert TEXT["TooOld"] == "Python {0} is te oud (3.11 of nieuwer nodig)"
    assert TEXT["Bits32"] == (
        "Python {0} is 32-bit (pandas bestaat niet voor 32-bit Python: installeer de 64-bit-versie)"
    )
    assert TEXT["NoPython"] == (
        "geen bruikbare Python gevonden: planrapport heeft Python 3.11 of nieuwer nodig, 64-bit. Installeer "
        'Python 3.11, 3.12 of 3.13 van python.org, met "Windows installer (64-bit)", en voer dit script opnieuw '
        "uit, of geef -Python C:\\pad\\naar\\python.exe. De Python uit de Microsoft Store werkt niet met Excel."
    )
    assert "$Text.FoundUnusable" in SCRIPT  # the Pythons found and why each is not usable follow the message


def test_pip_is_upgraded_first_with_the_windows_certificate_store():
    upgrade = SCRIPT.index(
        "& $VenvPython -m pip install --upgrade pip --disable-pip-version-check @networkOptions "
        "@(Get-CertificateOptions $pipVersion)"
    )
    install = SCRIPT.index('& $VenvPython @pipOptions "xlwings==$XlwingsVersion" "$Bron"')
    assert upgrade < install
    # pip 24.2 uses the certificate store by itself; 23.3 to 24.1 need the feature flag (truststore comes with pip).
    assert assignment("PipUsesSystemCertificates") == "24.2"
    assert assignment("PipHasTruststoreFeature") == "23.3"
    assert (
        "if ($PipVersion -ge $PipHasTruststoreFeature -and $PipVersion -lt $PipUsesSystemCertificates) {\n"
        "        return @('--use-feature=truststore')"
    ) in body("Get-CertificateOptions")
    assert "+ $networkOptions + @(Get-CertificateOptions $pipVersion)" in SCRIPT
    assert "CERTIFICATE_VERIFY_FAILED" in TEXT["PipUpgradeFailed"]


NETSH = {
    "english": (
        "Current WinHTTP proxy settings:\n\n    Proxy Server(s) :  proxy.gemeente.be:8080\n"
        "    Bypass List     :  <local>\n",
        "proxy.gemeente.be:8080",
    ),
    "dutch": (
        "Huidige WinHTTP-proxyinstellingen:\n\n    Proxyserver(s):  http=p.local:80;https=p.local:443\n"
        "    Lijst met uitzonderingen:  (geen)\n",
        "http=p.local:80;https=p.local:443",
    ),
    "direct": ("Current WinHTTP proxy settings:\n\n    Direct access (no proxy server).\n", None),
    "direct-dutch": ("Huidige WinHTTP-proxyinstellingen:\n\n    Directe toegang (geen proxyserver).\n", None),
}


@pytest.mark.parametrize("case", NETSH)
def test_the_winhttp_proxy_is_read_from_netsh(case):
    output, expected = NETSH[case]
    pattern = re.compile(assignment("WinHttpProxyPattern"))  # the same in .NET and Python
    found = [match.group(1) for line in output.splitlines() if (match := pattern.match(line))]
    assert found == ([expected] if expected else [])


def test_the_proxy_goes_to_pip():
    find = body("Find-Proxy")
    assert "if ($Proxy) { return @($Proxy, '-Proxy') }" in find
    assert "foreach ($name in 'HTTPS_PROXY', 'HTTP_PROXY')" in find
    assert "Invoke-Program 'netsh.exe' @('winhttp', 'show', 'proxy')" in find
    assert "$line -match $WinHttpProxyPattern" in find
    assert "$networkOptions = @('--proxy', $found[0])" in SCRIPT
    assert '$entries | Where-Object { $_ -like "$scheme=*" }' in body("ConvertTo-PipProxy")
    assert TEXT["ProxyFrom"] == "Proxy voor pip: {0} ({1})."


def test_an_elevated_run_or_another_user_is_warned_about():
    assert "IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)" in SCRIPT
    assert "Get-CimInstance -ClassName Win32_ComputerSystem" in SCRIPT
    per_user = SCRIPT[SCRIPT.index("if ($AlleGebruikers) {\n    if (-not $IsElevated)") :]
    assert per_user.startswith(
        "if ($AlleGebruikers) {\n    if (-not $IsElevated) { Stop-Install $Text.SharedNeedsAdmin }\n} else {\n"
        "    if ($IsElevated) { Write-Warn ($Text.Elevated -f $Root) }\n"
        "    if ($ConsoleUser -and $ConsoleUser -ne $identity.Name) { Write-Warn ($Text.OtherUser -f $identity.Name, "
        "$ConsoleUser, $Root) }\n}"
    )
    assert TEXT["Elevated"] == (
        'Let op: dit script loopt met beheerdersrechten ("Als administrator uitvoeren"). De omgeving komt in {0} en '
        "wordt van de beheerder, niet van de gebruiker. Voer het script uit in een gewone PowerShell, als de "
        "gebruiker die met Excel werkt, of installeer voor alle gebruikers met -AlleGebruikers."
    )
    assert TEXT["OtherUser"] == (
        "Let op: dit script loopt als {0}, maar op deze pc is {1} aangemeld. De knoppen in Excel van {1} zoeken "
        "Python in diens eigen %LOCALAPPDATA%, niet in {2}. Voer het script uit als {1}, of installeer voor alle "
        "gebruikers met -AlleGebruikers."
    )


def test_all_users_install_in_program_files_and_a_blocked_venv_names_the_path_and_the_option():
    assert "$ProgramFiles64 = if ($env:ProgramW6432) { $env:ProgramW6432 } else { $env:ProgramFiles }" in SCRIPT
    assert "$SharedRoot = Join-Path $ProgramFiles64 'planrapport'" in SCRIPT
    assert "$Root = if ($AlleGebruikers) { $SharedRoot } else { $UserRoot }" in SCRIPT
    assert "Stop-Install ($Text.VenvBlocked -f $Root, $Venv, $SharedRoot, $said)" in SCRIPT
    assert TEXT["VenvBlocked"] == (
        "Windows laat geen programma's starten uit {0}, dus de Python-omgeving in {1} werkt niet. Meestal is dat "
        "AppLocker of een andere regel van de informaticadienst: de standaardregels laten programma's alleen "
        "starten uit C:\\Program Files en C:\\Windows. Laat een beheerder dit script uitvoeren met -AlleGebruikers "
        "(PowerShell als administrator): dan komt planrapport in {2}. Melding: {3}"
    )
    assert "kon niet gemaakt worden" not in TEXT["VenvBlocked"]
    # With -AlleGebruikers the base Python must not sit in a profile, and the workbooks must point at the shared one.
    assert "elseif ($AlleGebruikers -and (Test-InUserProfile $candidate)) { $reason = $Text.InProfile }" in SCRIPT
    assert "Install Python for all users" in TEXT["NoPythonShared"]
    assert TEXT["SharedWorkbooks"] == (
        "Zet in elk werkboek met knoppen op het blad xlwings.conf in B1 (Interpreter_Win): {0}"
    )


def test_offline_from_the_bundle():
    assert f"$BundleWheels = Join-Path $PSScriptRoot '{bundle.WHEELS}'" in SCRIPT
    assert "$networkOptions = @('--no-index', '--find-links', $Wielen)" in SCRIPT
    assert '"xlwings-$XlwingsVersion-$PythonTag-*win_amd64.whl"' in SCRIPT
    assert TEXT["NoWheelsForPython"] == (
        "de wheels in {0} zijn niet voor Python {1} (64-bit); een bundel van planrapport bevat Python 3.11, 3.12 "
        "en 3.13. Geef -Python met een van die versies."
    )
    assert ", ".join(bundle.PYTHON_VERSIONS[:-1]) + " en " + bundle.PYTHON_VERSIONS[-1] in TEXT["NoWheelsForPython"]


def test_every_message_is_used_with_its_placeholders_filled():
    used = re.findall(r"\$Text\.(\w+)", SCRIPT)
    assert set(used) == set(TEXT)
    for key, arguments in re.findall(r"\$Text\.(\w+) -f ([^)\n]+)\)", SCRIPT):
        count = len(arguments.split(", "))
        placeholders = {int(number) for number in re.findall(r"\{(\d+)\}", TEXT[key])}
        assert placeholders == set(range(count)), key
    for key, text in TEXT.items():
        if "{0}" in text:
            assert f"$Text.{key} -f " in SCRIPT, key


def test_plain_ascii_for_windows_powershell():
    # Windows PowerShell 5.1 reads a script without a byte order mark as ANSI: other characters would be garbled.
    assert SCRIPT.isascii()


def test_the_script_parses_as_powershell():
    tree_sitter = pytest.importorskip("tree_sitter")
    grammar = pytest.importorskip("tree_sitter_powershell")
    tree = tree_sitter.Parser(tree_sitter.Language(grammar.language())).parse(SCRIPT.encode())
    errors = []

    def walk(node):
        if node.type == "ERROR" or node.is_missing:
            errors.append((node.start_point, node.text[:60]))
        for child in node.children:
            walk(child)

    walk(tree.root_node)
    assert not tree.root_node.has_error and errors == []


def test_the_window_gets_a_start_menu_entry_and_a_send_to_entry():
    shortcuts = SCRIPT[SCRIPT.index("function New-Shortcut") : SCRIPT.index("$command = Join-Path")]
    assert "New-Shortcut $startMenu $VenvPythonw '-m planrapport venster'" in shortcuts
    assert "New-Shortcut $sendTo $VenvPythonw '-m planrapport venster'" in shortcuts
    assert r"'Microsoft\Windows\SendTo\planrapport.lnk'" in shortcuts
    assert r"Join-Path $env:ProgramData 'Microsoft\Windows\Start Menu\Programs\planrapport.lnk'" in shortcuts
    assert TEXT["ShortcutsMade"].startswith("Het venster van planrapport (werkt zonder macro's): menu Start > ")
