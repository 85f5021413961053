<#
.SYNOPSIS
    Installeert planrapport, zodat de knoppen in het werkboek werken.

.DESCRIPTION
    Maakt een eigen Python-omgeving in %LOCALAPPDATA%\planrapport\venv met xlwings (vaste versie) en
    planrapport. Het werkboek met knoppen (blad xlwings.conf) verwijst naar
    %LOCALAPPDATA%\planrapport\venv\Scripts\pythonw.exe, dus in het werkboek hoeft niets aangepast te worden.
    Geen beheerdersrechten nodig. Opnieuw uitvoeren werkt de installatie bij.
    Met -AlleGebruikers komt de omgeving in C:\Program Files\planrapport (voor pc's met AppLocker).
    Uitleg en gekende problemen: docs\installatie.md.

.PARAMETER Bron
    Map met planrapport (standaard: de map van dit script) of een planrapport-*.whl.

.PARAMETER Python
    Pad naar python.exe, 64-bit, versie 3.11 of nieuwer. Standaard zoekt het script zelf (py-launcher,
    python.exe op PATH, de gewone installatiemappen); de Microsoft Store-alias wordt overgeslagen.

.PARAMETER Wielen
    Map met wheels voor een installatie zonder internet (pip --no-index --find-links), bijvoorbeeld de map
    wielen van een bundel van "planrapport bundel"; planrapport zelf komt dan ook uit die map, tenzij -Bron
    iets anders zegt. Staat dit script in een uitgepakte bundel, dan gebruikt het de map wielen ernaast.

.PARAMETER Proxy
    Proxyserver voor pip, bijvoorbeeld http://proxy.gemeente.be:8080. Standaard: HTTPS_PROXY, anders de
    WinHTTP-proxy van Windows (netsh winhttp show proxy), anders de proxy uit de internetopties.

.PARAMETER AlleGebruikers
    Installeer in C:\Program Files\planrapport voor alle gebruikers van de pc (beheerdersrechten nodig).
    Voor pc's waar AppLocker geen programma's uit %LOCALAPPDATA% laat starten. Python zelf moet dan ook
    voor alle gebruikers geinstalleerd zijn, en in elk werkboek moet Interpreter_Win (blad xlwings.conf)
    naar C:\Program Files\planrapport\venv\Scripts\pythonw.exe wijzen.

.PARAMETER VertrouwdeMap
    Maak deze map een vertrouwde locatie voor Excel (alleen voor deze gebruiker): werkboeken daarin
    openen met werkende knoppen, zonder macrowaarschuwing.

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File .\install-windows.ps1

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File .\install-windows.ps1 -Proxy http://proxy.gemeente.be:8080

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File .\install-windows.ps1 -Wielen \\server\software\planrapport-bundel-0.1.0\wielen -VertrouwdeMap "$env:USERPROFILE\Documents\Planrapport"
#>
param(
    [string]$Bron = $PSScriptRoot,
    [string]$Python = '',
    [string]$Wielen = '',
    [string]$Proxy = '',
    [switch]$AlleGebruikers,
    [string]$VertrouwdeMap = ''
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# Must equal the xlwings version pinned in pyproject.toml: the VBA module inside the workbook is that version's.
$XlwingsVersion = '0.37.8'
$MinimumPython = [version]'3.11'
# pip uses the Windows certificate store (needed behind a proxy that inspects TLS) by itself from 24.2 on;
# from 23.3 to 24.1 only with --use-feature=truststore; before 23.3 not at all.
$PipUsesSystemCertificates = [version]'24.2'
$PipHasTruststoreFeature = [version]'23.3'
# A line of "netsh winhttp show proxy" that names the proxy, in English ("Proxy Server(s) :  host:8080") and
# Dutch ("Proxyserver(s):  host:8080"); "Direct access (no proxy server)." has no colon.
$WinHttpProxyPattern = '^\s*Proxy[^:]*:\s*(\S+)\s*$'

$ProgramFiles64 = if ($env:ProgramW6432) { $env:ProgramW6432 } else { $env:ProgramFiles }
$UserRoot = Join-Path $env:LOCALAPPDATA 'planrapport'
$SharedRoot = Join-Path $ProgramFiles64 'planrapport'
$Root = if ($AlleGebruikers) { $SharedRoot } else { $UserRoot }
$Venv = Join-Path $Root 'venv'
$VenvPython = Join-Path $Venv 'Scripts\python.exe'
$VenvPythonw = Join-Path $Venv 'Scripts\pythonw.exe'
$BundleWheels = Join-Path $PSScriptRoot 'wielen'

# Every message for IT and the officer, in one place.
$Text = @{
    NotWindows     = 'dit script is voor Windows.'
    NoPython       = 'geen bruikbare Python gevonden: planrapport heeft Python 3.11 of nieuwer nodig, 64-bit. Installeer Python 3.11, 3.12 of 3.13 van python.org, met "Windows installer (64-bit)", en voer dit script opnieuw uit, of geef -Python C:\pad\naar\python.exe. De Python uit de Microsoft Store werkt niet met Excel.'
    NoPythonShared = 'geen bruikbare Python voor alle gebruikers gevonden: met -AlleGebruikers moet Python 3.11 of nieuwer (64-bit) zelf ook voor alle gebruikers geinstalleerd zijn, in C:\Program Files. Kies in het installatieprogramma van python.org ("Windows installer (64-bit)") "Customize installation" en dan "Install Python for all users", en voer dit script opnieuw uit, of geef -Python C:\Program Files\Python3xx\python.exe.'
    FoundUnusable  = 'Gevonden maar niet bruikbaar:'
    TooOld         = 'Python {0} is te oud (3.11 of nieuwer nodig)'
    Bits32         = 'Python {0} is 32-bit (pandas bestaat niet voor 32-bit Python: installeer de 64-bit-versie)'
    InProfile      = 'staat in een gebruikersprofiel, andere gebruikers mogen ze niet starten'
    NotStarting    = 'start niet'
    GivenUnusable  = '{0} is geen bruikbare Python: {1}.'
    Elevated       = 'Let op: dit script loopt met beheerdersrechten ("Als administrator uitvoeren"). De omgeving komt in {0} en wordt van de beheerder, niet van de gebruiker. Voer het script uit in een gewone PowerShell, als de gebruiker die met Excel werkt, of installeer voor alle gebruikers met -AlleGebruikers.'
    OtherUser      = 'Let op: dit script loopt als {0}, maar op deze pc is {1} aangemeld. De knoppen in Excel van {1} zoeken Python in diens eigen %LOCALAPPDATA%, niet in {2}. Voer het script uit als {1}, of installeer voor alle gebruikers met -AlleGebruikers.'
    SharedNeedsAdmin = 'voor -AlleGebruikers zijn beheerdersrechten nodig: start PowerShell met "Als administrator uitvoeren" en voer dit script opnieuw uit.'
    OldVenvInUse   = 'de oude omgeving in {0} is in gebruik. Sluit Excel (bij alle gebruikers van de pc) en voer dit script opnieuw uit.'
    VenvBlocked    = 'Windows laat geen programma''s starten uit {0}, dus de Python-omgeving in {1} werkt niet. Meestal is dat AppLocker of een andere regel van de informaticadienst: de standaardregels laten programma''s alleen starten uit C:\Program Files en C:\Windows. Laat een beheerder dit script uitvoeren met -AlleGebruikers (PowerShell als administrator): dan komt planrapport in {2}. Melding: {3}'
    VenvFailedShared = 'de Python-omgeving kon niet gemaakt worden in {0}. Melding: {1}'
    NoWheels       = 'in {0} staat geen planrapport-*.whl. Geef met -Wielen de map wielen van een uitgepakte planrapport-bundel.'
    NoWheelsForPython = 'de wheels in {0} zijn niet voor Python {1} (64-bit); een bundel van planrapport bevat Python 3.11, 3.12 en 3.13. Geef -Python met een van die versies.'
    ProxyFrom      = 'Proxy voor pip: {0} ({1}).'
    ProxyPac       = 'Let op: de proxy wordt met een script ingesteld ({0}); pip kan dat niet lezen. Lukt de installatie niet, geef dan -Proxy http://proxyserver:poort.'
    PipUpgradeFailed = 'pip kon zichzelf niet bijwerken (zie hierboven). Achter een proxy: geef -Proxy http://proxyserver:poort. Zegt pip CERTIFICATE_VERIFY_FAILED, dan bekijkt de proxy het versleutelde verkeer en kent pip {0} het certificaat van de gemeente niet: installeer Python 3.12 of 3.13 van python.org (met pip 24.2 of nieuwer, dat de certificaten van Windows gebruikt), of installeer zonder internet met een bundel (-Wielen).'
    InstallFailed  = 'de installatie met pip is mislukt (zie hierboven). Achter een proxy: geef -Proxy http://proxyserver:poort. Zonder internet: maak op een pc met internet een bundel met "planrapport bundel MAP" en geef -Wielen met de map wielen ervan.'
    InstallFailedOffline = 'de installatie uit {0} is mislukt (zie hierboven): een wheel ontbreekt. Maak de bundel opnieuw met "planrapport bundel MAP", met dezelfde versie van planrapport.'
    NotFoundAfter  = 'na de installatie vindt Python planrapport of xlwings {0} niet (gevonden: ''{1}'').'
    TrustedForAdmin = 'Let op: -VertrouwdeMap geldt alleen voor de gebruiker die dit script uitvoert ({0}). Zet de vertrouwde locatie voor de ambtenaar in diens Excel (Bestand > Opties > Vertrouwenscentrum) of met groepsbeleid.'
    SharedWorkbooks = 'Zet in elk werkboek met knoppen op het blad xlwings.conf in B1 (Interpreter_Win): {0}'
    ShortcutsMade  = 'Het venster van planrapport (werkt zonder macro''s): menu Start > planrapport, en in de Verkenner rechtsklik op een werkboek > Kopieren naar > planrapport ({0}; {1}).'
    ShortcutsFailed = 'Let op: de snelkoppelingen naar het venster konden niet gemaakt worden ({0}). Het venster start ook met: {1} -m planrapport venster'
    SendToOnlyHere = 'Let op: Kopieren naar > planrapport staat alleen bij {0}. Kopieer {1} naar shell:sendto van elke gebruiker, of zet het er met groepsbeleid.'
}

function Stop-Install([string]$Message) {
    Write-Host "planrapport: $Message" -ForegroundColor Red
    exit 1
}

function Write-Warn([string]$Message) {
    Write-Host $Message -ForegroundColor Yellow
}

function Invoke-Program([string]$Program, [string[]]$Arguments) {
    # Output (stdout and stderr) and exit code of a program. Windows PowerShell turns redirected stderr into
    # errors, which 'Stop' would make fatal; a program Windows refuses to start throws.
    $previous = $ErrorActionPreference
    $ErrorActionPreference = 'Continue'
    try {
        $output = @(& $Program @Arguments 2>&1 | ForEach-Object { "$_" })
        $code = $LASTEXITCODE
    } catch {
        $output = @("$($_.Exception.Message)")
        $code = -1
    } finally {
        $ErrorActionPreference = $previous
    }
    return [pscustomobject]@{ ExitCode = $code; Output = $output; Text = ($output -join ' ').Trim() }
}

function Get-PythonInfo([string]$Path) {
    # Version and bits of a real python.exe, or $null. The Store alias in WindowsApps only opens the Store.
    if (-not $Path -or $Path -like '*\WindowsApps\*' -or -not (Test-Path -LiteralPath $Path -PathType Leaf)) {
        return $null
    }
    $run = Invoke-Program $Path @('-c', "import struct, sys; print('%d.%d.%d %d' % (sys.version_info[:3] + (struct.calcsize('P') * 8,)))")
    if ($run.ExitCode -ne 0 -or -not ($run.Text -match '^(\d+\.\d+\.\d+) (\d+)$')) { return $null }
    return [pscustomobject]@{ Path = $Path; Version = [version]$Matches[1]; Bits = [int]$Matches[2] }
}

function Test-InUserProfile([string]$Path) {
    $profiles = Split-Path -Parent $env:USERPROFILE
    return $Path -like "$profiles\*"
}

function Find-Python {
    # The first usable Python, and each other one found with why it is not usable.
    $candidates = @()
    if ($Python) {
        $candidates = @($Python)
    } else {
        $launcher = Get-Command py.exe -ErrorAction SilentlyContinue
        if ($launcher) {
            $run = Invoke-Program $launcher.Source @('-3', '-c', 'import sys; print(sys.executable)')
            if ($run.ExitCode -eq 0) { $candidates += $run.Text }
        }
        $candidates += @(Get-Command python.exe -All -ErrorAction SilentlyContinue | ForEach-Object { $_.Source })
        $candidates += @(Get-ChildItem -Path "$ProgramFiles64\Python3*\python.exe",
                                          "$env:LOCALAPPDATA\Programs\Python\Python3*\python.exe" -ErrorAction SilentlyContinue |
                         Sort-Object FullName -Descending | ForEach-Object { $_.FullName })
    }
    $rejected = @()
    foreach ($candidate in @($candidates | ForEach-Object { "$_".Trim() } | Select-Object -Unique)) {
        $info = Get-PythonInfo $candidate
        if (-not $info) {
            if ($Python) { $rejected += [pscustomobject]@{ Path = $candidate; Reason = $Text.NotStarting } }
            continue
        }
        if ($info.Version -lt $MinimumPython) { $reason = $Text.TooOld -f $info.Version }
        elseif ($info.Bits -ne 64) { $reason = $Text.Bits32 -f $info.Version }
        elseif ($AlleGebruikers -and (Test-InUserProfile $candidate)) { $reason = $Text.InProfile }
        else { return [pscustomobject]@{ Found = $info; Rejected = $rejected } }
        $rejected += [pscustomobject]@{ Path = $candidate; Reason = $reason }
    }
    return [pscustomobject]@{ Found = $null; Rejected = $rejected }
}

function ConvertTo-PipProxy([string]$Value) {
    # "host:8080", or per protocol "http=host:80;https=host:443": the https one, else the http one, else the first.
    $entries = @($Value -split ';' | ForEach-Object { $_.Trim() } | Where-Object { $_ })
    if ($entries.Count -eq 0) { return '' }
    foreach ($scheme in 'https', 'http') {
        $entry = $entries | Where-Object { $_ -like "$scheme=*" } | Select-Object -First 1
        if ($entry) { return $entry.Substring($scheme.Length + 1) }
    }
    return ($entries[0] -replace '^[a-z]+=', '')
}

function Find-Proxy {
    # The proxy for pip and where it came from: -Proxy, HTTPS_PROXY, WinHTTP, the user's internet options.
    if ($Proxy) { return @($Proxy, '-Proxy') }
    foreach ($name in 'HTTPS_PROXY', 'HTTP_PROXY') {
        $value = [Environment]::GetEnvironmentVariable($name)
        if ($value) { return @($value, "omgevingsvariabele $name") }
    }
    $netsh = Invoke-Program 'netsh.exe' @('winhttp', 'show', 'proxy')
    foreach ($line in $netsh.Output) {
        if ($line -match $WinHttpProxyPattern) {
            $value = ConvertTo-PipProxy $Matches[1]
            if ($value) { return @($value, 'netsh winhttp show proxy') }
        }
    }
    $settings = Get-ItemProperty -Path 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Internet Settings' -ErrorAction SilentlyContinue
    if ($settings) {
        $enabled = $settings.PSObject.Properties['ProxyEnable']
        $server = $settings.PSObject.Properties['ProxyServer']
        if ($enabled -and $enabled.Value -eq 1 -and $server -and $server.Value) {
            return @((ConvertTo-PipProxy $server.Value), 'internetopties van Windows')
        }
        $pac = $settings.PSObject.Properties['AutoConfigURL']
        if ($pac -and $pac.Value) { Write-Warn ($Text.ProxyPac -f $pac.Value) }
    }
    return @('', '')
}

function Get-PipVersion([string]$PythonPath) {
    $run = Invoke-Program $PythonPath @('-m', 'pip', '--version')
    if ($run.ExitCode -eq 0 -and $run.Text -match '^pip (\d+(\.\d+)+)') { return [version]$Matches[1] }
    return [version]'0.0'
}

function Get-CertificateOptions([version]$PipVersion) {
    if ($PipVersion -ge $PipHasTruststoreFeature -and $PipVersion -lt $PipUsesSystemCertificates) {
        return @('--use-feature=truststore')
    }
    return @()
}

if ($env:OS -ne 'Windows_NT') { Stop-Install $Text.NotWindows }

# Who runs this, and for whom the environment will be.
$identity = [Security.Principal.WindowsIdentity]::GetCurrent()
$IsElevated = ([Security.Principal.WindowsPrincipal]$identity).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
$ConsoleUser = $null
try { $ConsoleUser = (Get-CimInstance -ClassName Win32_ComputerSystem -ErrorAction Stop).UserName } catch { }
if ($AlleGebruikers) {
    if (-not $IsElevated) { Stop-Install $Text.SharedNeedsAdmin }
} else {
    if ($IsElevated) { Write-Warn ($Text.Elevated -f $Root) }
    if ($ConsoleUser -and $ConsoleUser -ne $identity.Name) { Write-Warn ($Text.OtherUser -f $identity.Name, $ConsoleUser, $Root) }
}

$search = Find-Python
if (-not $search.Found) {
    if ($Python) {
        $reason = if ($search.Rejected.Count -gt 0) { $search.Rejected[0].Reason } else { $Text.NotStarting }
        Stop-Install ($Text.GivenUnusable -f $Python, $reason)
    }
    $message = $Text.NoPython
    if ($AlleGebruikers) { $message = $Text.NoPythonShared }
    if ($search.Rejected.Count -gt 0) {
        $message += ' ' + $Text.FoundUnusable + ' ' + (($search.Rejected | ForEach-Object { "$($_.Path): $($_.Reason)" }) -join '; ') + '.'
    }
    Stop-Install $message
}
$BasePython = $search.Found.Path
Write-Host "Python: $BasePython ($($search.Found.Version), $($search.Found.Bits)-bit)"
$PythonTag = "cp$($search.Found.Version.Major)$($search.Found.Version.Minor)"

# Offline: the wheels given, or those of the bundle this script came in.
if (-not $Wielen -and (Test-Path -Path (Join-Path $BundleWheels 'planrapport-*.whl'))) { $Wielen = $BundleWheels }
if ($Wielen) {
    if (-not $PSBoundParameters.ContainsKey('Bron')) {
        # Offline, planrapport itself comes from the wheels too (building it from source would need the internet).
        if (-not (Test-Path -Path (Join-Path $Wielen 'planrapport-*.whl'))) { Stop-Install ($Text.NoWheels -f $Wielen) }
        $Bron = 'planrapport'
    }
    if (-not (Test-Path -Path (Join-Path $Wielen "xlwings-$XlwingsVersion-$PythonTag-*win_amd64.whl"))) {
        Stop-Install ($Text.NoWheelsForPython -f $Wielen, $search.Found.Version)
    }
    $networkOptions = @('--no-index', '--find-links', $Wielen)
    Write-Host "Zonder internet, uit $Wielen"
} else {
    $found = Find-Proxy
    $networkOptions = @()
    if ($found[0]) {
        Write-Host ($Text.ProxyFrom -f $found[0], $found[1])
        $networkOptions = @('--proxy', $found[0])
    }
}

New-Item -ItemType Directory -Force -Path $Root | Out-Null
if (Test-Path -LiteralPath $Venv) {
    Write-Host "Bestaande omgeving wordt vernieuwd: $Venv"
    try {
        Remove-Item -LiteralPath $Venv -Recurse -Force
    } catch {
        Stop-Install ($Text.OldVenvInUse -f $Venv)
    }
}
$created = Invoke-Program $BasePython @('-m', 'venv', $Venv)
$started = $null
if ($created.ExitCode -eq 0 -and (Test-Path -LiteralPath $VenvPythonw)) {
    $started = Invoke-Program $VenvPython @('-c', 'print(42)')
}
if (-not $started -or $started.ExitCode -ne 0 -or $started.Text -ne '42') {
    $said = if ($started -and $started.Text) { $started.Text } else { $created.Text }
    if ($AlleGebruikers) { Stop-Install ($Text.VenvFailedShared -f $Venv, $said) }
    Stop-Install ($Text.VenvBlocked -f $Root, $Venv, $SharedRoot, $said)
}

# pip first: a current pip uses the Windows certificate store, which a proxy that inspects TLS needs.
$pipVersion = Get-PipVersion $VenvPython
Write-Host "pip $pipVersion wordt bijgewerkt ..."
& $VenvPython -m pip install --upgrade pip --disable-pip-version-check @networkOptions @(Get-CertificateOptions $pipVersion)
if ($LASTEXITCODE -ne 0) { Stop-Install ($Text.PipUpgradeFailed -f $pipVersion) }
$pipVersion = Get-PipVersion $VenvPython

$pipOptions = @('-m', 'pip', 'install', '--disable-pip-version-check', '--no-warn-script-location') + $networkOptions + @(Get-CertificateOptions $pipVersion)
Write-Host "planrapport en xlwings $XlwingsVersion worden geinstalleerd uit $Bron (pip $pipVersion) ..."
& $VenvPython @pipOptions "xlwings==$XlwingsVersion" "$Bron"
if ($LASTEXITCODE -ne 0) {
    if ($Wielen) { Stop-Install ($Text.InstallFailedOffline -f $Wielen) }
    Stop-Install $Text.InstallFailed
}

$check = Invoke-Program $VenvPython @('-c', 'import xlwings, planrapport.buttons; print(xlwings.__version__)')
if ($check.ExitCode -ne 0 -or $check.Text -ne $XlwingsVersion) {
    Stop-Install ($Text.NotFoundAfter -f $XlwingsVersion, $check.Text)
}
# The buttons start pythonw.exe themselves; xlwings' DLL is only needed for its optional "UDF server".
$dlls = @(Get-ChildItem -Path $Venv -Filter "xlwings*-$XlwingsVersion.dll" -Recurse -ErrorAction SilentlyContinue)
if ($dlls.Count -eq 0) {
    Write-Warn "Let op: xlwings*-$XlwingsVersion.dll staat niet in $Venv (niet nodig voor de knoppen)."
}

if ($VertrouwdeMap) {
    if ($AlleGebruikers) { Write-Warn ($Text.TrustedForAdmin -f $identity.Name) }
    $folder = (New-Item -ItemType Directory -Force -Path $VertrouwdeMap).FullName.TrimEnd('\') + '\'
    $key = 'HKCU:\Software\Microsoft\Office\16.0\Excel\Security\Trusted Locations\planrapport'
    New-Item -Path $key -Force | Out-Null
    New-ItemProperty -Path $key -Name 'Path' -Value $folder -PropertyType String -Force | Out-Null
    New-ItemProperty -Path $key -Name 'AllowSubfolders' -Value 1 -PropertyType DWord -Force | Out-Null
    New-ItemProperty -Path $key -Name 'Description' -Value 'planrapport' -PropertyType String -Force | Out-Null
    Write-Host "Vertrouwde locatie voor Excel: $folder"
}

# Workbooks that came with this installation were downloaded: take away the internet mark so macros may run.
if (Test-Path -LiteralPath $Bron -PathType Container) {
    Get-ChildItem -Path $Bron -Recurse -Include *.xlsm -ErrorAction SilentlyContinue | Unblock-File
}

# The window works without macros and without Excel starting a program: a Start-menu entry and a Send To entry.
function New-Shortcut([string]$Path, [string]$Target, [string]$Arguments) {
    $shell = New-Object -ComObject WScript.Shell
    $link = $shell.CreateShortcut($Path)
    $link.TargetPath = $Target
    $link.Arguments = $Arguments
    $link.WorkingDirectory = [Environment]::GetFolderPath('MyDocuments')
    $link.Description = 'planrapport: controleren, rapporteren en het jaarlijkse verloop, zonder macro''s'
    $link.Save()
}
if ($AlleGebruikers) {
    $startMenu = Join-Path $env:ProgramData 'Microsoft\Windows\Start Menu\Programs\planrapport.lnk'
} else {
    $startMenu = Join-Path $env:APPDATA 'Microsoft\Windows\Start Menu\Programs\planrapport.lnk'
}
$sendTo = Join-Path $env:APPDATA 'Microsoft\Windows\SendTo\planrapport.lnk'
try {
    New-Shortcut $startMenu $VenvPythonw '-m planrapport venster'
    New-Shortcut $sendTo $VenvPythonw '-m planrapport venster'  # Send To adds the chosen file as the argument
    Write-Host ($Text.ShortcutsMade -f $startMenu, $sendTo)
    if ($AlleGebruikers) { Write-Warn ($Text.SendToOnlyHere -f $identity.Name, $sendTo) }
} catch {
    Write-Warn ($Text.ShortcutsFailed -f $_.Exception.Message, $VenvPythonw)
}

$command = Join-Path $Venv 'Scripts\planrapport.exe'
Write-Host ''
Write-Host 'planrapport is geinstalleerd.' -ForegroundColor Green
Write-Host "  Python voor de knoppen: $VenvPythonw"
if ($AlleGebruikers) { Write-Warn ('  ' + ($Text.SharedWorkbooks -f $VenvPythonw)) }
Write-Host "  Test wat de knoppen nodig hebben (Excel gesloten): & '$command' zelftest"
Write-Host '  Open een werkboek met knoppen (.xlsm) en klik op Controleer.'
Write-Host "  Een nieuw werkboek met knoppen: & '$command' sjabloon plan.xlsm --met-knoppen"
