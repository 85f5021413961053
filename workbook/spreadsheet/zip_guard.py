"""Limits of an Office package read from its zip directory before anything is unpacked, and capped reading."""

from __future__ import annotations

import zipfile
from pathlib import Path

MIB = 1024 * 1024
MAX_UNCOMPRESSED = 500 * MIB  # all members together, unpacked
MAX_PART = 200 * MIB  # one member, unpacked
# Deflate packs at most about 1030 to 1; Office XML packs 5 to 30 to 1. A member that unpacks to more than
# RATIO_FROM bytes at more than MAX_RATIO times its packed size is a zip bomb, not a document.
MAX_RATIO = 200
RATIO_FROM = 10 * MIB
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old Office file, or an Office file with a password
ENCRYPTED = "EncryptionInfo".encode("utf-16-le")  # the stream an Office file with a password has
_SCAN = 64 * MIB


class TooLarge(Exception):
    """A member that unpacks to more than it may; the message is Dutch and names the member."""


def total_size(archive: zipfile.ZipFile) -> int:
    """What all members together unpack to, as the zip directory declares it."""
    return sum(info.file_size for info in archive.infolist())


def oversized(archive: zipfile.ZipFile) -> str | None:
    """In Dutch, the first limit the declared sizes break ("het deel x is uitgepakt ..."), or None."""
    for info in archive.infolist():
        if info.file_size > MAX_PART:
            return f"het deel {info.filename} is uitgepakt {megabytes(info.file_size)} (meer dan {megabytes(MAX_PART)})"
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            return (
                f"het deel {info.filename} wordt bij het uitpakken {ratio} keer groter "
                f"({megabytes(info.file_size)}): zo sterk laat een document zich niet samenpakken"
            )
    total = total_size(archive)
    if total > MAX_UNCOMPRESSED:
        return f"het bestand is uitgepakt {megabytes(total)} (meer dan {megabytes(MAX_UNCOMPRESSED)})"
    return None


def read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int = MAX_PART) -> bytes:
    """A member's bytes, read in pieces: never more than its declared size nor `cap`, whatever the data says."""
    limit = min(info.file_size, cap)
    pieces: list[bytes] = []
    read = 0
    with archive.open(info) as member:
        while piece := member.read(min(MIB, limit + 1 - read)):
            read += len(piece)
            if read > limit:
                raise TooLarge(
                    f"het deel {info.filename} is uitgepakt groter dan het zelf zegt of dan {megabytes(cap)}"
                )
            pieces.append(piece)
    return b"".join(pieces)


def is_encrypted(path: Path) -> bool:
    """An OLE file (already known by its first bytes) that holds an Office package protected with a password."""
    with path.open("rb") as handle:
        tail = b""
        scanned = 0
        while scanned < _SCAN and (piece := handle.read(MIB)):
            if ENCRYPTED in tail + piece:
                return True
            tail, scanned = piece[-len(ENCRYPTED) :], scanned + len(piece)
    return False


def megabytes(size: int) -> str:
    """A size as the officer reads it: "600 MB", "1.024 MB"."""
    return f"{size / MIB:,.0f} MB".replace(",", ".")
