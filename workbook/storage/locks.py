"""The lock files Word and Excel keep beside a file while it is open, by both of their naming rules."""

from __future__ import annotations

from pathlib import Path

LOCK_PREFIX = "~$"
LIBREOFFICE_LOCK = (".~lock.", "#")


def lock_names(name: str) -> tuple[str, ...]:
    """The names of the lock files of an open file: Excel's "~$" + the whole name; Word's "~$" + the name
    without its first two characters when the name before its extension has 8 or more, its first one at 7."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    names = [LOCK_PREFIX + name]
    if len(stem) >= 8:
        names.append(LOCK_PREFIX + name[2:])
    elif len(stem) == 7:
        names.append(LOCK_PREFIX + name[1:])
    names.append(f"{LIBREOFFICE_LOCK[0]}{name}{LIBREOFFICE_LOCK[1]}")
    return tuple(names)


def is_open(path: Path) -> bool:
    """Whether Word, Excel or LibreOffice has the file open (its lock file lies beside it)."""
    return any((path.parent / name).exists() for name in lock_names(path.name))


def is_lock_file(name: str) -> bool:
    return name.startswith(LOCK_PREFIX) or (name.startswith(LIBREOFFICE_LOCK[0]) and name.endswith(LIBREOFFICE_LOCK[1]))
