"""A workbook that Excel knows only by its OneDrive or SharePoint address: its synced file, or a folder on this pc."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from planrapport.windows_settings import Registry

SYNC_KEY = r"HKCU\Software\SyncEngines\Providers\OneDrive"
GUIDE_PART = "docs/installatie.md, 'Het werkboek staat op OneDrive of SharePoint'"


@dataclass(frozen=True)
class Mount:
    """A folder the OneDrive app synchronises (MountPoint) and the address it mirrors (UrlNamespace)."""

    address: str
    folder: Path


@dataclass(frozen=True)
class Place:
    """Where the buttons take a workbook to be: its file on this pc, or (not `synced`) its name in the local folder."""

    path: Path
    address: str
    synced: bool = True


def sync_mounts(registry: Registry) -> list[Mount]:
    """Every synchronised folder, several with one address too (the channel folders of one team)."""
    from planrapport.windows_settings import value

    mounts = []
    for key in registry.subkeys(SYNC_KEY):
        folder = value(registry, f"{SYNC_KEY}\\{key}", "MountPoint")
        address = value(registry, f"{SYNC_KEY}\\{key}", "UrlNamespace")
        if folder and address:
            mounts.append(Mount(str(address), Path(os.path.expandvars(str(folder)))))
    return mounts


def documents_folder(home: Path | None = None, platform: str = sys.platform) -> Path:
    """The user's Documenten (Documents on disk, also in a Dutch Windows); XDG's documents folder on Linux."""
    home = home if home is not None else Path.home()
    if platform not in ("win32", "darwin") and os.environ.get("XDG_DOCUMENTS_DIR"):
        return Path(os.path.expandvars(os.environ["XDG_DOCUMENTS_DIR"]))
    return home / "Documents"


def local_folder(stem: str, home: Path | None = None, platform: str = sys.platform) -> Path:
    """Documenten\\planrapport\\<workbook name without extension>."""
    return documents_folder(home, platform) / "planrapport" / stem


def book_name(address: str) -> str:
    """The file name at the end of an address, without its query (?web=1) and %20 as a space."""
    return unquote(address.split("?")[0].rstrip("/").rsplit("/", 1)[-1])


def synced_file(address: str, mounts: list[Mount]) -> Path | None:
    """The synced copy of `address` by the sync app's own record: the library's folder, or a folder of it synced on
    its own ('<Site> - <folder>', where several channel folders share the library's address)."""
    wanted = unquote(address.split("?")[0])
    for mount in mounts:
        root = unquote(mount.address).rstrip("/") + "/"
        if not wanted.casefold().startswith(root.casefold()):
            continue
        parts = [part for part in wanted[len(root) :].split("/") if part]
        candidates = [mount.folder.joinpath(*parts)]
        if len(parts) > 1 and mount.folder.name.casefold().endswith(f" - {parts[0]}".casefold()):
            candidates.append(mount.folder.joinpath(*parts[1:]))
        for candidate in candidates:
            if candidate.is_file():
                return candidate
    return None


def place_of(
    full_name: str, xlwings_path: Callable[[], str], registry: Registry, home: Path | None = None
) -> Place | None:
    """For an address (https://...): the file xlwings maps it to, else the one the sync app's record gives, else
    its name in the local folder. None for a file name, which the workbook's own path answers."""
    if "://" not in full_name:
        return None
    try:
        mapped = Path(xlwings_path())
        if mapped.is_file():
            return Place(mapped, full_name)
    except Exception:  # xlwings raises its own error (or another) when it finds no local copy
        pass
    found = synced_file(full_name, sync_mounts(registry))
    if found is not None:
        return Place(found, full_name)
    name = book_name(full_name)
    return Place(local_folder(Path(name).stem, home) / name, full_name, synced=False)


class PlacedBook:
    """A LiveBook whose file is its Place: the buttons read and write the open workbook as ever, and what they put
    beside the workbook goes beside `place.path`."""

    def __init__(self, book, place: Place) -> None:
        self._book = book
        self.place = place
        self.name = book.name

    def path(self) -> Path:
        if not self.place.synced:
            self.place.path.parent.mkdir(parents=True, exist_ok=True)
        return self.place.path

    def __getattr__(self, attribute: str):
        return getattr(self._book, attribute)


def only_online(book) -> Place | None:
    """The Place of a book the buttons work on when it has no copy on this pc."""
    place = getattr(book, "place", None)
    return place if isinstance(place, Place) and not place.synced else None


def beside(workbook: Path) -> str:
    """Where documents beside `workbook` are, as a message says it."""
    if not workbook.exists() and workbook.parent == local_folder(workbook.stem):
        return f"in de map {workbook.parent}"
    return f"in de map van het werkboek ({workbook.parent})"


def online_note(place: Place) -> str:
    """The sentence a message gets when what the button made is in the local folder."""
    return (
        f"Het werkboek staat op OneDrive of SharePoint ({place.address}) en planrapport vindt er geen kopie van "
        f"op deze pc. Daarom staat wat planrapport maakt in de map Documenten\\planrapport\\{place.path.stem} "
        f"({place.path.parent}). Wilt u het naast het werkboek, open het werkboek dan vanuit de "
        f"gesynchroniseerde map in Verkenner; zie {GUIDE_PART}."
    )


def command_path_note(place: Place) -> str:
    """For a command line in a message: the workbook it names is a copy saved in the local folder."""
    return (
        f"Het werkboek staat alleen online: bewaar eerst een kopie op deze pc (Bestand > Opslaan als) als {place.path}."
    )
