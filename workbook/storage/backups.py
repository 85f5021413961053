"""Backup copies of a workbook before planrapport writes into it: the first of each day and the last five."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from datetime import date, datetime, time
from pathlib import Path

from workbook.plan.errors import WorkbookError
from workbook.storage.temporaries import temporary_beside

WORD = "reservekopie"
ROTATION = 5  # copies kept besides the first of each day: the workbook before each of the last five writes
# "plan (reservekopie 2026-12-01).xlsx", the rotation's "plan (reservekopie 2026-12-01 14.03.27).xlsx" (and
# "... 14.03.27-2)" for a second write in the same second), and the older "plan (reservekopie).xlsx" and
# "plan (reservekopie) (2).xlsx"
_BACKUP_STEM = re.compile(rf" \({WORD}(?: \d{{4}}-\d\d-\d\d(?: \d\d\.\d\d\.\d\d(?:-\d+)?)?)?\)(?: \(\d+\))?$")
_LONGEST_MOMENT = " 23.59.59-999"  # rotation names are shortened as if they were this long: one stem for all
NAME_MAX = 255  # bytes of one file name on the common file systems (ext4, NTFS counts 255 characters)


def is_backup(name: str) -> bool:
    """Whether a file name is that of a backup planrapport made."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return bool(_BACKUP_STEM.search(stem))


def backup_path(path: Path, day: date, moment: time | None = None, number: int = 1) -> Path:
    """Where the backup of `path` made on `day` goes: "plan (reservekopie 2026-12-01).xlsx" beside it, or with
    `moment` a copy of the rotation, "plan (reservekopie 2026-12-01 14.03.27).xlsx" ("... 14.03.27-2)" for the
    second in that second); a name too long for the file system keeps the start of the workbook's name and a
    short fingerprint of the whole."""
    when = day.isoformat()
    if moment is not None:
        when += f" {moment:%H.%M.%S}" + (f"-{number}" if number > 1 else "")
    tail = f" ({WORD} {when}){path.suffix}"
    longest = tail if moment is None else f" ({WORD} {day.isoformat()}{_LONGEST_MOMENT}){path.suffix}"
    return path.with_name(_stem(path, longest) + tail)


def _stem(path: Path, tail: str) -> str:
    """The workbook's stem, or when the stem and `tail` are too long for a name, its start and a fingerprint."""
    if len(os.fsencode(path.stem + tail)) <= name_max(path.parent):
        return path.stem
    fingerprint = "~" + hashlib.sha256(os.fsencode(path.name)).hexdigest()[:8]
    room = name_max(path.parent) - len(os.fsencode(fingerprint + tail))
    stem = path.stem
    while len(os.fsencode(stem)) > room:
        stem = stem[:-1]
    return stem + fingerprint


def rotation_copies(path: Path) -> list[Path]:
    """The rotation's copies of the workbook in its folder, oldest first."""
    return [copy for _, copy in _rotation(path)]


def _rotation(path: Path) -> list[tuple[tuple[str, str, str, str, int], Path]]:
    stem = _stem(path, f" ({WORD} 2026-12-01{_LONGEST_MOMENT}){path.suffix}")
    pattern = re.compile(
        rf"{re.escape(stem)} \({WORD} (\d{{4}}-\d\d-\d\d) (\d\d)\.(\d\d)\.(\d\d)(?:-(\d+))?\)"
        rf"{re.escape(path.suffix)}"
    )
    found = []
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    for name in names:
        match = pattern.fullmatch(name)
        if match:
            day, hours, minutes, seconds, number = match.groups()
            found.append(((day, hours, minutes, seconds, int(number or 1)), path.with_name(name)))
    return sorted(found)


def name_max(folder: Path) -> int:
    try:
        return min(NAME_MAX, os.pathconf(folder, "PC_NAME_MAX"))
    except (AttributeError, OSError, ValueError):
        return NAME_MAX


def make_backup(path: Path, day: date | None = None, now: datetime | None = None) -> Path:
    """Copy the workbook as it is now, before planrapport writes into it, and return the copy: today's backup when
    there is none yet (it then keeps the workbook as it was before planrapport first wrote into it that day, and is
    never replaced), else a copy of the rotation, of which the last ROTATION stay. Names are claimed atomically:
    two runs at once never replace each other's copy, and a copy is never half written."""
    now = now or datetime.now()
    day = day or now.date()
    daily = backup_path(path, day)
    if not daily.exists():
        _copy(path, daily)
        return daily
    moment = now.time().replace(microsecond=0)
    when = (day.isoformat(), f"{moment:%H}", f"{moment:%M}", f"{moment:%S}")
    number = 1 + max((key[4] for key, _ in _rotation(path) if key[:4] == when), default=0)
    while True:
        copy = backup_path(path, day, moment, number)
        if not copy.exists() and _copy(path, copy):
            break
        number += 1
    for old in rotation_copies(path)[:-ROTATION]:
        old.unlink(missing_ok=True)
    return copy


def _copy(path: Path, backup: Path) -> bool:
    """Copy the workbook to `backup` unless a file has that name; whether this copy got the name."""
    try:
        temporary = temporary_beside(backup)
    except OSError as error:
        raise _not_made(path, error) from None
    try:
        shutil.copyfile(path, temporary)
        shutil.copymode(path, temporary)  # the workbook's permissions, not those of a private temporary file
        return _claim(temporary, backup)
    except OSError as error:
        raise _not_made(path, error) from None
    finally:
        temporary.unlink(missing_ok=True)


def _not_made(path: Path, error: OSError) -> WorkbookError:
    return WorkbookError(
        f"{path.name}: de reservekopie kan niet gemaakt worden ({error.strerror}); het werkboek is niet gewijzigd."
    )


def _claim(temporary: Path, backup: Path) -> bool:
    """Give the finished copy its name only if no file has it yet (a hard link fails when the name exists);
    whether it got the name."""
    try:
        os.link(temporary, backup)
    except FileExistsError:
        return False  # another run made this copy a moment ago
    except OSError:
        # A file system without hard links: claim the name exclusively, then put the finished copy there.
        try:
            os.close(os.open(backup, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            return False
        os.replace(temporary, backup)
    return True
