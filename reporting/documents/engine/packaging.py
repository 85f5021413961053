"""The .docx package written the same way every time: fixed timestamps in the zip, so equal input gives equal bytes."""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Callable, Iterable

from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI

from reporting.documents.wordml.docx_internals import content_types_xml

_EPOCH = (1980, 1, 1, 0, 0, 0)
_COMPRESSED = (".png", ".jpeg", ".jpg", ".gif", ".xlsx")


def normalized_zip(data: bytes) -> bytes:
    """The same package with every entry dated 1980-01-01 and deflated (pictures and chart workbooks, compressed
    already, stored as they are: deflating them again only costs time); [Content_Types].xml first."""
    source = zipfile.ZipFile(io.BytesIO(data))
    return _zipped([(name, source.read(name)) for name in source.namelist()])


def package_bytes(document) -> bytes:
    """The bytes normalized_zip makes of what document.save writes, without that zip in between: the entries are
    those python-docx's own package writer writes, deflated once instead of twice (and inflated once)."""
    package = document.part.package
    parts = package_parts(package)
    for part in parts:
        part.before_marshal()
    entries = _Entries()
    entries.write(CONTENT_TYPES_URI, content_types_xml(parts))
    entries.write(PACKAGE_URI.rels_uri, package.rels.xml)
    for part in parts:
        # Serialized when it is zipped, so that the parts' bytes are not all held at once.
        entries.write(part.partname, _Later(lambda part=part: part.blob))
        if len(part.rels):
            entries.write(part.partname.rels_uri, part.rels.xml)
    # A name written twice is read back (as normalized_zip does) with its last content.
    latest = dict(entries.written)
    return _zipped([(name, latest[name]) for name, _ in entries.written])


def package_parts(package) -> list:
    """python-docx's package.parts, in its order (depth first along the relationships), found with a set: its own
    walk keeps the parts seen in a list, which takes minutes for the tens of thousands of charts of a big plan."""
    found: list = []
    seen: set[int] = set()
    pending = [iter(package.rels.values())]
    while pending:
        relationship = next(pending[-1], None)
        if relationship is None:
            pending.pop()
            continue
        if relationship.is_external or id(relationship.target_part) in seen:
            continue
        part = relationship.target_part
        seen.add(id(part))
        found.append(part)
        pending.append(iter(part.rels.values()))
    return found


class _Later:
    """A member's content read when it is zipped."""

    def __init__(self, content: Callable[[], bytes]) -> None:
        self.content = content


class _Entries:
    """The package's members as (member name, content), in the order python-docx's writer zips them."""

    def __init__(self) -> None:
        self.written: list[tuple[str, object]] = []

    def write(self, pack_uri, blob) -> None:
        self.written.append((pack_uri.membername, blob))


def _zipped(entries: Iterable[tuple[str, bytes]]) -> bytes:
    entries = sorted(entries, key=lambda entry: entry[0] != "[Content_Types].xml")
    with (
        tempfile.TemporaryFile(prefix="planrapport-docx-") as output,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_STORED if name.endswith(_COMPRESSED) else zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, content.content() if isinstance(content, _Later) else content)
        target.close()
        # Read from the file, so the document's bytes are not held twice (a buffer and its copy) at the end.
        output.seek(0)
        return output.read()
