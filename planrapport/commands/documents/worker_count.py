"""How many workbooks the batch renders at once: one per core, fewer when their year reports would not fit in
the memory the computer has free."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Peak memory of one year report, from the workbook's file size (measured; see benchmarks/README.md): the
# interpreter with its libraries, plus a multiple of the file's (compressed) size.
BASE_BYTES = 150 * 2**20
BYTES_PER_FILE_BYTE = 200  # the largest plan read (2.000 actions, a 1,2 MB workbook) peaks at 370 MiB
MEMORY_SHARE = 0.8  # of the free memory: the rest stays for the officer's other programs


def estimated_peak(path: Path) -> int:
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return BASE_BYTES + BYTES_PER_FILE_BYTE * size


def worker_count(paths: list[Path], cores: int | None = None) -> int:
    """One worker per core, as many as fit in the free memory when every one renders the largest workbook;
    always at least one (the batch renders a workbook that does not fit alone, as `jaarrapport` would)."""
    cores = cores or os.cpu_count() or 1
    wanted = max(1, min(cores, len(paths)))
    free = available_memory()
    if free is None or not paths:
        return wanted
    largest = max(estimated_peak(path) for path in paths)
    return max(1, min(wanted, int(free * MEMORY_SHARE) // largest))


def available_memory() -> int | None:
    """The memory the computer has free for new processes, in bytes, or None when it cannot be told."""
    if sys.platform == "win32":
        return _windows_available()
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, OSError, ValueError):
        return None


def _windows_available() -> int | None:
    import ctypes

    class MemoryStatus(ctypes.Structure):
        _fields_ = [
            ("length", ctypes.c_ulong),
            ("load", ctypes.c_ulong),
            ("total_physical", ctypes.c_ulonglong),
            ("available_physical", ctypes.c_ulonglong),
            ("total_page_file", ctypes.c_ulonglong),
            ("available_page_file", ctypes.c_ulonglong),
            ("total_virtual", ctypes.c_ulonglong),
            ("available_virtual", ctypes.c_ulonglong),
            ("available_extended", ctypes.c_ulonglong),
        ]

    status = MemoryStatus()
    status.length = ctypes.sizeof(MemoryStatus)
    if not ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):
        return None
    return int(status.available_physical)
