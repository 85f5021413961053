"""Whether planrapport may replace a workbook: the file and its folder writable, its owner kept."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from workbook.plan.errors import WorkbookError, shown_name

_WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


def check_writable(path: Path) -> None:
    """Refuse, before anything is written, a workbook that is read-only (no write permission for this user, no
    write bit in its mode even for an administrator, or the read-only attribute), one this user could replace only
    by making it their own, and a folder planrapport may not write in."""
    path = Path(path)
    try:
        status = os.stat(path)
    except FileNotFoundError:
        status = None
    if status is not None:
        if file_is_read_only(path, status):
            raise WorkbookError(
                f"{shown_name(path)}: dit werkboek is alleen-lezen; planrapport schrijft er niets in. Maak het "
                "schrijfbaar (Eigenschappen, vinkje 'Alleen-lezen' weg, of vraag schrijfrechten) en probeer opnieuw."
            )
        if not _may_keep_owner(status):
            raise WorkbookError(
                f"{shown_name(path)}: dit werkboek is van een andere gebruiker; planrapport zou het vervangen door "
                "een bestand van u en schrijft er daarom niets in. Laat de eigenaar de opdracht uitvoeren, of werk "
                "in een kopie."
            )
    folder = path.parent
    if folder_is_read_only(folder):
        raise WorkbookError(
            f"{shown_name(folder)}: in deze map mag planrapport niet schrijven (alleen-lezen); {path.name} is niet "
            "gewijzigd. Zet het werkboek in een map waarin u mag schrijven, of vraag schrijfrechten op deze map."
        )


def file_is_read_only(path: Path, status: os.stat_result | None = None) -> bool:
    """No write permission for this user, no write bit at all in the mode (which an administrator would not be
    stopped by), or the read-only attribute (Windows)."""
    status = os.stat(path) if status is None else status
    if not status.st_mode & _WRITE_BITS:
        return True
    if getattr(status, "st_file_attributes", 0) & getattr(stat, "FILE_ATTRIBUTE_READONLY", 0):
        return True
    return not os.access(path, os.W_OK)


def folder_is_read_only(folder: Path) -> bool:
    """A folder without write permission for this user, or (not on Windows, where a folder's read-only attribute
    only marks a customised folder) without any write bit in its mode."""
    try:
        status = os.stat(folder)
    except OSError:
        return False  # a missing folder is said by whatever needs it
    if os.name == "nt":
        return False  # whether Windows lets us write there, the lock file beside the workbook finds out
    return not status.st_mode & _WRITE_BITS or not os.access(folder, os.W_OK | os.X_OK)


def keep_owner(original: os.stat_result, replacement: Path, name: str) -> None:
    """Give the file that will replace a workbook the workbook's owner and group where the system allows it;
    a replacement that would get another owner is refused (a group that cannot be kept is left as it is)."""
    if not hasattr(os, "chown"):
        return
    current = os.stat(replacement)
    if (current.st_uid, current.st_gid) == (original.st_uid, original.st_gid):
        return
    try:
        os.chown(replacement, original.st_uid, original.st_gid)
    except PermissionError:
        if os.stat(replacement).st_uid != original.st_uid:
            raise WorkbookError(
                f"{name}: planrapport kan de eigenaar van het werkboek niet behouden en schrijft er "
                "daarom niets in. Laat de eigenaar de opdracht uitvoeren, of werk in een kopie."
            ) from None
        # the owner is kept; a group this user is no member of cannot be given


def _may_keep_owner(status: os.stat_result) -> bool:
    if not hasattr(os, "geteuid"):
        return True
    user = os.geteuid()
    return user == 0 or status.st_uid == user
