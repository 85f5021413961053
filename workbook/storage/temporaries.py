"""planrapport's temporary files beside what it writes, and the removal of those a killed run left behind."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

TEMP_PREFIX = ".~planrapport-"
STALE_AFTER = 15 * 60  # seconds; a temporary file of a run still writing is younger (its writes touch it)
WRITER_LOCK_PREFIX = (
    TEMP_PREFIX + "lock."
)  # workbook.storage.writer_lock's lock files, which decide their own staleness


def temporary_beside(path: Path) -> Path:
    """A new empty temporary file in the folder of `path` (same file system: it can be renamed into place);
    leftovers of runs that were killed, in that folder, are removed first."""
    remove_stale_temporaries(path.parent)
    handle, temporary = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=path.suffix, dir=path.parent)
    os.close(handle)
    return Path(temporary)


def remove_stale_temporaries(folder: Path, now: float | None = None) -> list[Path]:
    """Remove planrapport's temporary files in `folder` left by a run that was killed; those of a run still
    writing are younger than STALE_AFTER and stay. Returns what was removed."""
    now = time.time() if now is None else now
    removed = []
    try:
        candidates = [
            entry
            for entry in os.scandir(folder)
            if entry.name.startswith(TEMP_PREFIX) and not entry.name.startswith(WRITER_LOCK_PREFIX)
        ]
    except OSError:
        return removed
    for entry in candidates:
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat().st_mtime > STALE_AFTER:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue  # gone already, or not ours to remove
    return removed


def is_temporary(name: str) -> bool:
    return name.startswith(TEMP_PREFIX)
