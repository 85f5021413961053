"""The .docx package written the same way every time: fixed timestamps in the zip, so equal input gives equal bytes."""

from __future__ import annotations

import io
import zipfile

_EPOCH = (1980, 1, 1, 0, 0, 0)
_COMPRESSED = (".png", ".jpeg", ".jpg", ".gif", ".xlsx")


def normalized_zip(data: bytes) -> bytes:
    """The same package with every entry dated 1980-01-01 and deflated (pictures and chart workbooks, compressed
    already, stored as they are: deflating them again only costs time); [Content_Types].xml first."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    names.sort(key=lambda name: name != "[Content_Types].xml")
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_STORED if name.endswith(_COMPRESSED) else zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, source.read(name))
    return output.getvalue()
