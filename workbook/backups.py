"""Backup copies of a workbook before planrapport writes into it: at most one per workbook per day."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from datetime import date
from pathlib import Path

from workbook.errors import WorkbookError
from workbook.temporaries import temporary_beside

WORD = "reservekopie"
# "plan (reservekopie 2026-12-01).xlsx", and the older "plan (reservekopie).xlsx" and "plan (reservekopie) (2).xlsx"
_BACKUP_STEM = re.compile(rf" \({WORD}(?: \d{{4}}-\d\d-\d\d)?\)(?: \(\d+\))?$")
NAME_MAX = 255  # bytes of one file name on the common file systems (ext4, NTFS counts 255 characters)


def is_backup(name: str) -> bool:
    """Whether a file name is that of a backup planrapport made."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return bool(_BACKUP_STEM.search(stem))


def backup_path(path: Path, day: date) -> Path:
    """Where the backup of `path` made on `day` goes: "plan (reservekopie 2026-12-01).xlsx" beside it; a name too
    long for the file system keeps the start of the workbook's name and a short fingerprint of the whole."""
    tail = f" ({WORD} {day.isoformat()}){path.suffix}"
    name = path.stem + tail
    if len(os.fsencode(name)) <= name_max(path.parent):
        return path.with_name(name)
    fingerprint = "~" + hashlib.sha256(os.fsencode(path.name)).hexdigest()[:8]
    room = name_max(path.parent) - len(os.fsencode(fingerprint + tail))
    stem = path.stem
    while len(os.fsencode(stem)) > room:
        stem = stem[:-1]
    return path.with_name(stem + fingerprint + tail)


def name_max(folder: Path) -> int:
    try:
        return min(NAME_MAX, os.pathconf(folder, "PC_NAME_MAX"))
    except (AttributeError, OSError, ValueError):
        return NAME_MAX


def make_backup(path: Path, day: date | None = None) -> Path:
    """Copy the workbook to today's backup unless today's backup is already there (it then keeps the workbook as
    it was before planrapport first wrote into it that day). The name is claimed atomically: two runs at once
    never replace each other's backup, and a backup is never half written."""
    backup = backup_path(path, day or date.today())
    if backup.exists():
        return backup
    temporary = temporary_beside(backup)
    try:
        shutil.copyfile(path, temporary)
        shutil.copymode(path, temporary)  # the workbook's permissions, not those of a private temporary file
        _claim(temporary, backup)
    except OSError as error:
        raise WorkbookError(
            f"{path.name}: de reservekopie kan niet gemaakt worden ({error.strerror}); het werkboek is niet gewijzigd."
        ) from None
    finally:
        temporary.unlink(missing_ok=True)
    return backup


def _claim(temporary: Path, backup: Path) -> None:
    """Give the finished copy its name only if no file has it yet (a hard link fails when the name exists)."""
    try:
        os.link(temporary, backup)
    except FileExistsError:
        return  # another run made today's backup a moment ago
    except OSError:
        # A file system without hard links: claim the name exclusively, then put the finished copy there.
        try:
            os.close(os.open(backup, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            return
        os.replace(temporary, backup)
