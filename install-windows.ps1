<#
.SYNOPSIS
    Installeert planrapport voor de aangemelde gebruiker, zodat de knoppen in het werkboek werken.

.DESCRIPTION
    Maakt een eigen Python-omgeving in %LOCALAPPDATA%\planrapport\venv met xlwings (vaste versie) en
    planrapport. Het werkboek met knoppen (blad xlwings.conf) verwijst naar
    %LOCALAPPDATA%\planrapport\venv\Scripts\pythonw.exe, dus in het werkboek hoeft niets aangepast te worden.
    Geen beheerdersrechten nodig. Opnieuw uitvoeren werkt de installatie bij.
    Uitleg en gekende problemen: docs\installatie.md.

.PARAMETER Bron
    Map met planrapport (standaard: de map van dit script) of een planrapport-*.whl.

.PARAMETER Python
    Pad naar python.exe, versie 3.10 of nieuwer. Standaard zoekt het script zelf (py-launcher,
    python.exe op PATH, de gewone installatiemappen); de Microsoft Store-alias wordt overgeslagen.

.PARAMETER Wielen
    Map met wheels voor een installatie zonder internet (pip --no-index --find-links); planrapport zelf
    komt dan ook uit die map, tenzij -Bron iets anders zegt.

.PARAMETER VertrouwdeMap
    Maak deze map een vertrouwde locatie voor Excel (alleen voor deze gebruiker): werkboeken daarin
    openen met werkende knoppen, zonder macrowaarschuwing.

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File .\install-windows.ps1

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File .\install-windows.ps1 -Wielen \\server\software\planrapport -VertrouwdeMap "$env:USERPROFILE\Documents\Planrapport"
#>
param(
    [string]$Bron = $PSScriptRoot,
    [string]$Python = '',
    [string]$Wielen = '',
    [string]$VertrouwdeMap = ''
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# Must equal the xlwings version pinned in pyproject.toml: the VBA module inside the workbook is that version's.
$XlwingsVersion = '0.37.8'
$MinimumPython = [version]'3.10'
$Root = Join-Path $env:LOCALAPPDATA 'planrapport'
$Venv = Join-Path $Root 'venv'
$VenvPython = Join-Path $Venv 'Scripts\python.exe'
$VenvPythonw = Join-Path $Venv 'Scripts\pythonw.exe'

function Stop-Install([string]$Message) {
    Write-Host "planrapport: $Message" -ForegroundColor Red
    exit 1
}

function Get-PythonVersion([string]$Path) {
    # The version of a real python.exe, or $null. The Store alias in WindowsApps only opens the Store.
    if (-not $Path -or $Path -like '*\WindowsApps\*' -or -not (Test-Path -LiteralPath $Path -PathType Leaf)) {
        return $null
    }
    try {
        $text = & $Path -c "import sys; print('%d.%d.%d' % sys.version_info[:3])" 2>$null
    } catch {
        return $null
    }
    if ($LASTEXITCODE -ne 0 -or -not $text) { return $null }
    return [version]("$text".Trim())
}

function Find-Python {
    $candidates = @()
    if ($Python) { $candidates += $Python }
    $launcher = Get-Command py.exe -ErrorAction SilentlyContinue
    if ($launcher) {
        try { $candidates += (& $launcher.Source -3 -c "import sys; print(sys.executable)" 2>$null) } catch { }
    }
    $candidates += @(Get-Command python.exe -All -ErrorAction SilentlyContinue | ForEach-Object { $_.Source })
    $candidates += @(Get-ChildItem -Path "$env:LOCALAPPDATA\Programs\Python\Python3*\python.exe",
                                      "$env:ProgramFiles\Python3*\python.exe" -ErrorAction SilentlyContinue |
                     Sort-Object FullName -Descending | ForEach-Object { $_.FullName })
    foreach ($candidate in $candidates) {
        $version = Get-PythonVersion "$candidate".Trim()
        if ($version -and $version -ge $MinimumPython) { return "$candidate".Trim() }
    }
    return $null
}

if ($env:OS -ne 'Windows_NT') { Stop-Install 'dit script is voor Windows.' }

$BasePython = Find-Python
if (-not $BasePython) {
    if ($Python) { Stop-Install "$Python is geen bruikbare Python $MinimumPython of nieuwer." }
    Stop-Install ("geen Python $MinimumPython of nieuwer gevonden. Installeer Python van python.org " +
                  "(installatie voor deze gebruiker is genoeg) en voer dit script opnieuw uit, of geef " +
                  "-Python C:\pad\naar\python.exe. De Python uit de Microsoft Store werkt niet met Excel.")
}
Write-Host "Python: $BasePython ($(Get-PythonVersion $BasePython))"

New-Item -ItemType Directory -Force -Path $Root | Out-Null
if (Test-Path -LiteralPath $Venv) {
    Write-Host "Bestaande omgeving wordt vernieuwd: $Venv"
    try {
        Remove-Item -LiteralPath $Venv -Recurse -Force
    } catch {
        Stop-Install "de oude omgeving in $Venv is in gebruik. Sluit Excel en voer dit script opnieuw uit."
    }
}
& $BasePython -m venv $Venv
if ($LASTEXITCODE -ne 0 -or -not (Test-Path -LiteralPath $VenvPythonw)) {
    Stop-Install "de Python-omgeving kon niet gemaakt worden in $Venv."
}

$pipOptions = @('-m', 'pip', 'install', '--disable-pip-version-check', '--no-warn-script-location')
if ($Wielen) {
    $pipOptions += @('--no-index', '--find-links', $Wielen)
    # Offline, planrapport itself comes from the wheels too (building it from source would need the internet).
    if (-not $PSBoundParameters.ContainsKey('Bron')) { $Bron = 'planrapport' }
}
Write-Host "planrapport en xlwings $XlwingsVersion worden geinstalleerd uit $Bron ..."
& $VenvPython @pipOptions "xlwings==$XlwingsVersion" "$Bron"
if ($LASTEXITCODE -ne 0) {
    Stop-Install ("de installatie met pip is mislukt (zie hierboven). Zonder internet: geef -Wielen met een map " +
                  "die de wheels van planrapport en zijn onderdelen bevat.")
}

$check = & $VenvPython -c "import xlwings, planrapport.buttons; print(xlwings.__version__)"
if ($LASTEXITCODE -ne 0 -or "$check".Trim() -ne $XlwingsVersion) {
    Stop-Install "na de installatie vindt Python planrapport of xlwings $XlwingsVersion niet (gevonden: '$check')."
}
# The buttons start pythonw.exe themselves; xlwings' DLL is only needed for its optional "UDF server".
$dlls = @(Get-ChildItem -Path $Venv -Filter "xlwings*-$XlwingsVersion.dll" -ErrorAction SilentlyContinue)
if ($dlls.Count -eq 0) {
    Write-Host "Let op: xlwings*-$XlwingsVersion.dll staat niet in $Venv (niet nodig voor de knoppen)." -ForegroundColor Yellow
}

if ($VertrouwdeMap) {
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

Write-Host ''
Write-Host 'planrapport is geinstalleerd.' -ForegroundColor Green
Write-Host "  Python voor de knoppen: $VenvPythonw"
Write-Host "  Test wat de knoppen nodig hebben (Excel gesloten): & '$(Join-Path $Venv 'Scripts\planrapport.exe')' zelftest"
Write-Host '  Open een werkboek met knoppen (.xlsm) en klik op Controleer.'
Write-Host "  Een nieuw werkboek met knoppen: & '$(Join-Path $Venv 'Scripts\planrapport.exe')' sjabloon plan.xlsm --met-knoppen"
