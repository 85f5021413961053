"""Safe file writing: to a temporary file in the same folder, then renamed into place."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.plan.errors import WorkbookError
from workbook.storage.backups import make_backup
from workbook.storage.locks import is_open
from workbook.storage.permissions import check_writable, keep_owner
from workbook.storage.temporaries import temporary_beside
from workbook.storage.writer_lock import Hold, file_stamp, writing

if TYPE_CHECKING:
    from workbook.spreadsheet.package import Package


def free_name(path: Path) -> Path:
    """The path itself when free, else the first "name (2).ext", "name (3).ext", ... that is."""
    if not path.exists():
        return path
    number = 2
    while True:
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
        if not candidate.exists():
            return candidate
        number += 1


def write_atomically(
    path: Path, write: Callable[[Path], None], overwrite: bool = False, before_replace: Callable[[], None] | None = None
) -> Path:
    """Let `write` fill a temporary file beside `path`, then move it into place in one step (after
    `before_replace`, which may still refuse). A file replaced keeps its mode, and its owner and group where the
    system allows it."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise WorkbookError(f"{path.name}: dit bestand bestaat al. Kies een andere naam of gebruik --overschrijf.")
    if is_open(path):
        raise WorkbookError(f"{path.name}: het bestand is open in Word of Excel. Sluit het en probeer opnieuw.")
    try:
        temp_path = temporary_beside(path)
    except OSError as error:
        raise WorkbookError(
            f"{path.name}: in de map {path.parent} kan niet geschreven worden ({error.strerror})."
        ) from None
    try:
        write(temp_path)
        if path.exists():
            original = path.stat()
            keep_owner(original, temp_path, path.name)
            os.chmod(temp_path, original.st_mode & 0o7777)
        else:
            os.chmod(temp_path, 0o666 & ~_umask())
        _flush(temp_path)
        if before_replace is not None:
            before_replace()
        if overwrite:
            os.replace(temp_path, path)
        else:
            _claim(temp_path, path)
    except PermissionError:
        raise WorkbookError(
            f"{path.name}: planrapport mag dit bestand niet schrijven. Is het open in Word of Excel? "
            "Sluit het en probeer opnieuw."
        ) from None
    finally:
        if temp_path.exists():
            temp_path.unlink()
    return path


def _flush(path: Path) -> None:
    """The written bytes on the disk before the file takes its name: a crash never leaves a named, empty file."""
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _claim(temporary: Path, path: Path) -> None:
    """Give the finished file its name only if no file took that name meanwhile (a hard link fails when it exists;
    where the file system has none, the name is claimed exclusively first)."""
    try:
        os.link(temporary, path)
        return
    except FileExistsError:
        raise WorkbookError(
            f"{path.name}: dit bestand bestaat al. Kies een andere naam of gebruik --overschrijf."
        ) from None
    except OSError:
        pass
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except FileExistsError:
        raise WorkbookError(
            f"{path.name}: dit bestand bestaat al. Kies een andere naam of gebruik --overschrijf."
        ) from None
    os.replace(temporary, path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def save_workbook(workbook, path: Path, overwrite: bool = False) -> Path:
    return write_atomically(Path(path), lambda temporary: workbook.save(temporary), overwrite=overwrite)


def open_for_rewrite(path: Path) -> Package:
    """The workbook's package, to change part by part and write back with rewrite_with_backup; refused when it is
    no readable workbook, open in Excel, or read-only (or in a read-only folder)."""
    from workbook.spreadsheet.loading import check_file
    from workbook.spreadsheet.package import Package

    check_file(path)
    if is_open(path):
        raise WorkbookError(f"{path.name}: het werkboek is open in Excel. Sluit het en probeer opnieuw.")
    check_writable(path)
    return Package(path)


def edit_workbook(path: str | Path, edit: Callable[[Package], None]) -> Path:
    """Open the workbook's package (open_for_rewrite), change it with `edit` and write it back after a backup
    (rewrite_with_backup); returns the backup."""
    path = Path(path)
    package = open_for_rewrite(path)
    edit(package)
    return rewrite_with_backup(path, package.write)


def rewrite_with_backup(path: Path, write: Callable[[Path], None]) -> Path:
    """Keep a backup copy of the workbook as it is (workbook.storage.backups), then replace it atomically; returns the
    copy. Under the workbook's writer lock (storage.writer_lock: taken here when the caller holds none), and only
    when the workbook is still what it was when the lock was taken: else nothing is written."""
    path = Path(path)
    with writing(path) as hold:
        check_writable(path)
        check_unchanged(path, hold)
        backup = make_backup(path)
        write_atomically(path, write, overwrite=True, before_replace=lambda: check_unchanged(path, hold))
        hold.stamp = file_stamp(path)
    return backup


def check_unchanged(path: Path, hold: Hold) -> None:
    """Refuse when the workbook is no longer what it was when it was read for this write (size, modification time
    and content)."""
    if file_stamp(path) != hold.stamp:
        raise WorkbookError(
            f"{path.name} is intussen gewijzigd (door een andere opdracht of iemand anders); er is niets "
            "geschreven. Voer de opdracht opnieuw uit."
        )
