"""The Windows registry and a file's alternate data streams behind a small interface, so the logic runs anywhere."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Protocol


class Registry(Protocol):
    """Keys as `HKCU\\Software\\...` or `HKLM\\SOFTWARE\\...`; raises OSError when a key exists but may not be read."""

    def values(self, key: str) -> dict[str, object]:
        """The values of `key` by name (as the registry spells them); empty when the key is missing."""

    def subkeys(self, key: str) -> list[str]:
        """The names of the keys under `key`; empty when the key is missing."""


class Streams(Protocol):
    """A file's alternate data streams (NTFS)."""

    def read(self, path: Path, stream: str) -> str | None:
        """The text of the stream `stream` of `path`; None when the file has no such stream; OSError otherwise."""


def value(registry: Registry, key: str, name: str) -> object | None:
    """One value of `key`, its name compared as Windows does (case-insensitively); None when missing."""
    wanted = name.casefold()
    return next((v for n, v in registry.values(key).items() if n.casefold() == wanted), None)


class NoRegistry:
    """A pc without a registry: every key is missing."""

    def values(self, key: str) -> dict[str, object]:
        return {}

    def subkeys(self, key: str) -> list[str]:
        return []


class WindowsRegistry:
    """The registry of this pc, read only (64-bit view, as Office and Defender write it)."""

    def _open(self, key: str):
        import winreg  # Windows only, and only asked on Windows

        hive, _, path = key.partition("\\")
        root = {"HKCU": winreg.HKEY_CURRENT_USER, "HKLM": winreg.HKEY_LOCAL_MACHINE}[hive.upper()]
        return winreg.OpenKey(root, path, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY)

    def values(self, key: str) -> dict[str, object]:
        import winreg

        try:
            handle = self._open(key)
        except FileNotFoundError:
            return {}
        with handle:
            found = {}
            for index in range(winreg.QueryInfoKey(handle)[1]):
                name, data, _ = winreg.EnumValue(handle, index)
                found[name] = data
            return found

    def subkeys(self, key: str) -> list[str]:
        import winreg

        try:
            handle = self._open(key)
        except FileNotFoundError:
            return []
        with handle:
            return [winreg.EnumKey(handle, index) for index in range(winreg.QueryInfoKey(handle)[0])]


class NtfsStreams:
    """Streams as Windows opens them: `plan.xlsm:Zone.Identifier`."""

    def read(self, path: Path, stream: str) -> str | None:
        try:
            data = Path(f"{path}:{stream}").read_bytes()
        except FileNotFoundError:
            return None
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8", errors="replace")


def this_registry() -> Registry:
    return WindowsRegistry() if sys.platform == "win32" else NoRegistry()
