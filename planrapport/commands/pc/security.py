"""What decides whether a click runs: macro settings, Mark of the Web, trusted location, Defender, OneDrive."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from planrapport.windows_settings import Registry, Streams, value

EXCEL = r"HKCU\Software\Microsoft\Office\16.0\Excel\Security"
POLICY = r"HKCU\Software\Policies\Microsoft\Office\16.0\Excel\Security"
ASR_RULES = r"HKLM\SOFTWARE\Policies\Microsoft\Windows Defender\Windows Defender Exploit Guard\ASR\Rules"
CHILD_PROCESSES = "D4F940AB-401B-4EFC-AADC-AD5F3C50688A"
GUIDE = "docs/installatie.md"
WINDOW = "Zonder macro's werkt planrapport in het venster: planrapport venster"
OK, NOT_OK, UNKNOWN = "OK", "NIET OK", "ONBEKEND"

MACRO_LEVELS = {
    1: "alle macro's ingeschakeld",
    2: "macro's uitgeschakeld met melding (Excel vraagt 'Inhoud inschakelen')",
    3: "macro's uitgeschakeld, behalve digitaal ondertekende",
    4: "macro's uitgeschakeld zonder melding",
}
ZONES = {
    0: "deze computer",
    1: "lokaal intranet",
    2: "vertrouwde sites",
    3: "van het internet",
    4: "niet-vertrouwde sites",
}
ASR_ACTIONS = {0: "uit", 1: "blokkeren", 2: "controle (Audit)", 6: "waarschuwen (Warn)"}


@dataclass(frozen=True)
class Check:
    """One line of the self-test: name, OK / NIET OK / ONBEKEND, what was checked, what to do."""

    name: str
    state: str
    detail: str
    fix: str = ""


@dataclass(frozen=True)
class Trust:
    """The trusted location the workbook's folder falls under, if any, and what was looked at."""

    location: str | None
    looked_at: int
    disabled: bool = False


def security_lines(
    workbook: Path, registry: Registry, streams: Streams, xlwings_path: Callable[[str], str]
) -> list[Check]:
    """The lines for `workbook` (its file as given: on this pc, its folder and its stream)."""
    trust = trusted_location(workbook.parent, registry)
    zone = _zone(workbook, streams)
    return [
        macro_line(registry, trust),
        web_line(workbook, zone, registry, trust),
        trust_line(workbook, trust, zone, registry),
        defender_line(registry),
        onedrive_line(workbook, registry, xlwings_path),
    ]


def pc_lines(registry: Registry) -> list[Check]:
    """The lines that hold for every workbook on this pc (no workbook given)."""
    return [macro_line(registry, Trust(None, 0)), defender_line(registry)]


# ---- macro settings ----


def _number(raw: object) -> int | None:
    try:
        return int(str(raw).strip())
    except ValueError:
        return None


def macro_line(registry: Registry, trust: Trust) -> Check:
    name = "Macro's in Excel"
    try:
        policy, own = value(registry, POLICY, "VBAWarnings"), value(registry, EXCEL, "VBAWarnings")
        internet = value(registry, POLICY, "blockcontentexecutionfrominternet")
    except OSError as error:
        return Check(
            name,
            UNKNOWN,
            f"het register kon niet gelezen worden ({error.strerror or error})",
            "kijk in Excel: Bestand > Opties > Vertrouwenscentrum > Instellingen voor het Vertrouwenscentrum "
            "(Engels: Macro Settings)",
        )
    if policy is not None:
        raw, where = policy, f"VBAWarnings = {policy} in het beleid ({POLICY})"
    elif own is not None:
        raw, where = own, f"VBAWarnings = {own} ({EXCEL})"
    else:
        raw, where = 2, f"VBAWarnings niet ingesteld, in het beleid noch bij de gebruiker (standaard 2; {EXCEL})"
    level = _number(raw)
    blocked = f"; blockcontentexecutionfrominternet = {internet} in het beleid" if internet is not None else ""
    if level not in MACRO_LEVELS:
        return Check(
            name,
            UNKNOWN,
            f"{where}: een waarde die de zelftest niet kent{blocked}",
            "kijk in Excel welke macro-instelling geldt (Vertrouwenscentrum, Engels: Macro Settings)",
        )
    detail = f"{where}: {MACRO_LEVELS[level]}{blocked}"
    if level in (1, 2):
        return Check(name, OK, detail)
    if trust.location is not None:
        return Check(name, OK, f"{detail}; het werkboek staat in de vertrouwde locatie {trust.location}")
    fix = (
        "laat VBAWarnings op 2 zetten (Engels 'Disable VBA macros with notification'"
        f"{', in het beleid' if policy is not None else ''}), of maak de map van het werkboek een vertrouwde "
        f"locatie (install-windows.ps1 -VertrouwdeMap); zie {GUIDE}, 'De instellingen om te vragen'. {WINDOW}"
    )
    return Check(name, NOT_OK, f"{detail}: de macro's van de knoppen lopen niet", fix)


# ---- Mark of the Web ----


def _zone(workbook: Path, streams: Streams) -> int | str | None:
    """The ZoneId of the workbook's Zone.Identifier; None without one; the reason as text when unreadable."""
    try:
        text = streams.read(workbook, "Zone.Identifier")
    except OSError as error:
        return f"de Zone.Identifier van {workbook.name} kon niet gelezen worden ({error.strerror or error})"
    if text is None:
        return None
    found = re.search(r"^\s*ZoneId\s*=\s*(\d+)\s*$", text, re.MULTILINE | re.IGNORECASE)
    if not found:
        return f"{workbook.name} heeft een Zone.Identifier zonder ZoneId"
    return int(found.group(1))


def web_line(workbook: Path, zone: int | str | None, registry: Registry, trust: Trust) -> Check:
    name = "Mark of the Web"
    if isinstance(zone, str):
        return Check(name, UNKNOWN, zone, f"kijk in Verkenner: Eigenschappen van {workbook.name}, tabblad Algemeen")
    if zone is None:
        return Check(name, OK, f"{workbook.name} heeft geen Zone.Identifier")
    where = ZONES.get(zone, "een onbekende zone")
    detail = f"{workbook.name} heeft een Zone.Identifier met ZoneId={zone} ({where})"
    if zone < 3:
        return Check(name, OK, detail)
    if trust.location is not None:
        return Check(name, OK, f"{detail}; het werkboek staat in de vertrouwde locatie {trust.location}")
    try:
        policy = _number(value(registry, POLICY, "blockcontentexecutionfrominternet"))
    except OSError:
        policy = None
    forced = ", ook niet na 'Inhoud inschakelen' (beleid blockcontentexecutionfrominternet = 1)" if policy == 1 else ""
    return Check(
        name,
        NOT_OK,
        f"{detail}: Excel opent het in de beveiligde weergave en voert er geen macro's in uit{forced}",
        f"sluit het werkboek en kies in Verkenner Eigenschappen > Blokkering opheffen (Engels Unblock), of "
        f'in PowerShell: Unblock-File -Path "{workbook}"; of zet het in een vertrouwde locatie. {WINDOW}',
    )


# ---- trusted locations ----


def _folder_text(path: str | Path) -> str:
    text = os.path.expandvars(str(path)).replace("/", "\\").rstrip("\\")
    return text.casefold()


def trusted_location(folder: Path, registry: Registry) -> Trust:
    """Whether `folder` is a trusted location of Excel (Trusted Locations\\LocationN, Path and AllowSubfolders),
    the user's and the policy's, as far as the policy lets them count."""
    wanted = _folder_text(folder.resolve() if folder.exists() else folder)
    network = wanted.startswith("\\\\")
    looked_at = 0
    disabled = False
    for base in (POLICY, EXCEL):
        key = f"{base}\\Trusted Locations"
        if _number(value(registry, key, "AllLocationsDisabled")) == 1:
            disabled = True
    if disabled:
        return Trust(None, 0, disabled=True)
    allow_network = any(
        _number(value(registry, f"{base}\\Trusted Locations", "AllowNetworkLocations")) == 1 for base in (POLICY, EXCEL)
    )
    for base, label in ((POLICY, "beleid"), (EXCEL, "gebruiker")):
        key = f"{base}\\Trusted Locations"
        for location in registry.subkeys(key):
            path = value(registry, f"{key}\\{location}", "Path")
            if not path:
                continue
            looked_at += 1
            root = _folder_text(path)
            subfolders = _number(value(registry, f"{key}\\{location}", "AllowSubfolders")) == 1
            if wanted == root or (subfolders and wanted.startswith(root + "\\")):
                if network and not allow_network:
                    continue
                return Trust(f"{path} ({location}, {label}{', met submappen' if subfolders else ''})", looked_at)
    return Trust(None, looked_at)


def trust_line(workbook: Path, trust: Trust, zone: int | str | None, registry: Registry) -> Check:
    name = "Vertrouwde locatie"
    folder = workbook.parent
    if trust.location is not None:
        return Check(name, OK, f"{folder} valt onder de vertrouwde locatie {trust.location}")
    try:
        level = _number(value(registry, POLICY, "VBAWarnings") or value(registry, EXCEL, "VBAWarnings") or 2)
    except OSError:
        level = None
    needed = level in (3, 4) or (isinstance(zone, int) and zone >= 3)
    if trust.disabled:
        detail = f"{folder}: vertrouwde locaties zijn uitgeschakeld (AllLocationsDisabled = 1)"
    else:
        detail = (
            f"{folder} is geen vertrouwde locatie van Excel ({trust.looked_at} "
            f"{'locatie' if trust.looked_at == 1 else 'locaties'} nagekeken, van de gebruiker en het beleid)"
        )
    if not needed:
        return Check(name, OK, detail)
    return Check(
        name,
        NOT_OK,
        detail + "; met de regels hierboven is dat nodig",
        f'maak de map een vertrouwde locatie (install-windows.ps1 -VertrouwdeMap "{folder}", of in het '
        f"beleid); zie {GUIDE}, 'De instellingen om te vragen'. {WINDOW}",
    )


# ---- Defender ----


def defender_line(registry: Registry) -> Check:
    name = "Defender-regel voor Office"
    rule = f"'Block all Office applications from creating child processes' ({CHILD_PROCESSES})"
    try:
        raw = value(registry, ASR_RULES, CHILD_PROCESSES)
    except OSError as error:
        return Check(
            name,
            UNKNOWN,
            f"{ASR_RULES} kon niet gelezen worden ({error.strerror or error})",
            "vraag de informaticadienst hoe de regel staat (PowerShell: Get-MpPreference, "
            "AttackSurfaceReductionRules_Ids en _Actions)",
        )
    if raw is None:
        return Check(name, OK, f"de regel {rule} staat niet in het groepsbeleid ({ASR_RULES})")
    action = _number(raw)
    detail = f"de regel {rule} staat op {raw} ({ASR_ACTIONS.get(action, 'onbekend')}) in {ASR_RULES}"
    if action in (0, 2):
        return Check(name, OK, detail)
    if action in (1, 6):
        return Check(
            name,
            NOT_OK,
            f"{detail}: Excel mag cmd.exe en Python niet starten",
            f"vraag een uitsluiting voor planrapport op deze regel, of zet ze op 2 (Audit) voor deze "
            f"gebruikers; zie {GUIDE}, 'Excel mag Python niet starten'. {WINDOW}",
        )
    return Check(name, UNKNOWN, detail, "vraag de informaticadienst wat deze waarde betekent")


# ---- OneDrive and SharePoint ----


def onedrive_line(workbook: Path, registry: Registry, xlwings_path: Callable[[str], str]) -> Check:
    """Whether the workbook is in a synced OneDrive or SharePoint folder, and if so whether the address Excel then
    gives maps back to this file (by xlwings, or by the sync app's record as the buttons do)."""
    from planrapport.local_folder import SYNC_KEY, local_folder, sync_mounts, synced_file

    name = "OneDrive of SharePoint"
    path = workbook.resolve()
    try:
        mounts = sync_mounts(registry)
    except OSError as error:
        return Check(
            name,
            UNKNOWN,
            f"het register kon niet gelezen worden ({error.strerror or error})",
            "kijk in Verkenner of het werkboek in een map van OneDrive of SharePoint staat",
        )
    for mount in mounts:
        try:
            relative = path.relative_to(mount.folder.resolve())
        except ValueError:
            continue
        address = _address(mount, relative, mounts)
        if _same(_mapped(xlwings_path, address), path):
            return Check(name, OK, f"{address} (zo kent Excel het werkboek): xlwings vindt {path} terug")
        if _same(synced_file(address, mounts), path):
            return Check(
                name, OK, f"{address} (zo kent Excel het werkboek): planrapport vindt {path} terug, xlwings niet"
            )
        return Check(
            name,
            NOT_OK,
            f"{address} (zo kent Excel het werkboek) wijst niet naar {path}: de knoppen zetten "
            f"de documenten dan in {local_folder(path.stem)}",
            f"zie {GUIDE}, 'Het werkboek staat op OneDrive of SharePoint' (SHAREPOINT_WIN op het blad xlwings.conf)",
        )
    roots = [os.environ[key] for key in ("OneDriveCommercial", "OneDriveConsumer", "OneDrive") if os.environ.get(key)]
    for root in roots:
        if _folder_text(path).startswith(_folder_text(root) + "\\"):
            return Check(
                name,
                UNKNOWN,
                f"{path} staat in de OneDrive-map {root}, maar geen van de "
                f"{len(mounts)} gesynchroniseerde mappen in het register ({SYNC_KEY}) "
                "bevat het werkboek",
                "klik in het werkboek op Controleer en daarna op Genereer jaarrapport: de melding zegt "
                "waar het document staat",
            )
    return Check(
        name,
        OK,
        f"{path.parent} is geen map van OneDrive of SharePoint ({len(mounts)} gesynchroniseerde "
        f"{'map' if len(mounts) == 1 else 'mappen'} nagekeken)",
    )


def _address(mount, relative: Path, mounts) -> str:
    """The address Excel gives a file in a synced folder: the library's address and the path below it; for one of
    several folders synced from one library (a team's channels, '<Site> - <folder>'), that folder's name between."""
    parts = list(relative.parts)
    shared = sum(other.address.casefold() == mount.address.casefold() for other in mounts) > 1
    if shared and " - " in mount.folder.name:
        parts.insert(0, mount.folder.name.rsplit(" - ", 1)[1])
    return mount.address.rstrip("/") + "/" + "/".join(parts)


def _mapped(xlwings_path: Callable[[str], str], address: str) -> Path | None:
    try:
        return Path(xlwings_path(address))
    except Exception:  # xlwings' own error when it finds no copy
        return None


def _same(found: Path | None, path: Path) -> bool:
    return found is not None and found.is_file() and os.path.normcase(found.resolve()) == os.path.normcase(path)
