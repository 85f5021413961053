"""The guards before python-docx opens a Word plan: the file, its zip directory, and every XML part parsed safely."""

from __future__ import annotations

import codecs
import posixpath
import re
import zipfile
from pathlib import Path

from lxml import etree

from workbook.plan.errors import WorkbookError
from workbook.spreadsheet.package import resolve
from workbook.spreadsheet.zip_guard import OLE_MAGIC, TooLarge, is_encrypted, oversized, read_capped

RESAVE = "Open het in Word en bewaar het opnieuw als .docx."
NOTHING = "Er is niets geschreven."
MAX_DEPTH = 100  # elements inside elements; Word's deepest (a text box in a table in a table) stays under 40
CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "_rels/.rels"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)
_OTHER_MAIN = {
    "spreadsheetml": "een Excel-werkboek",
    "presentationml": "een PowerPoint-presentatie",
    "template.main": "een Word-sjabloon (.dotx)",
    "macroEnabled": "een Word-document met macro's (.docm)",
}
# No entity is expanded, nothing is fetched, and libxml2 keeps its limits (depth 256, text nodes of 10 MB).
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
_TOO_DEEP = etree.XPath("boolean(" + "/*" * (MAX_DEPTH + 1) + ")")
# A DOCTYPE with declarations of its own ("[...]"), where entities are declared; a bare DOCTYPE is harmless.
_DOCTYPE = re.compile(r"\A\ufeff?(?:\s|<\?.*?\?>|<!--.*?-->)*<!DOCTYPE[^\[>]*\[", re.DOTALL)
_ENTITY = re.compile(r"<!ENTITY")
_ENCODING_ERRORS = {
    etree.ErrorTypes.ERR_INVALID_ENCODING,
    etree.ErrorTypes.ERR_UNSUPPORTED_ENCODING,
    etree.ErrorTypes.ERR_UNKNOWN_ENCODING,
}


def check_package(path: Path) -> None:
    """Refuse, with a Dutch message, a .docx python-docx should not open: nothing big is unpacked to find out."""
    name = path.name
    head = read_head(path)
    if not head:
        raise WorkbookError(f"{name}: het bestand is leeg. {RESAVE} {NOTHING}")
    if not zipfile.is_zipfile(path):
        what = (
            "het bestand is onvolledig (het houdt te vroeg op)"
            if head.startswith(b"PK\x03\x04")
            else "dit is geen Word-document (.docx) en geen zip-archief; het bestand is beschadigd of van een "
            "ander soort"
        )
        raise WorkbookError(f"{name}: {what}. {RESAVE} {NOTHING}")
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(name, archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, RuntimeError) as error:
        # RuntimeError: a member encrypted the zip way; NotImplementedError: an unknown compression.
        raise WorkbookError(
            f"{name}: het Word-document is beschadigd ({_zip_problem(error)}). {RESAVE} {NOTHING}"
        ) from None
    except TooLarge as error:
        raise WorkbookError(_too_large(name, str(error))) from None


def read_head(path: Path) -> bytes:
    """The first 8 bytes, which tell the kind of file; a file that cannot be read is refused in Dutch."""
    try:
        with path.open("rb") as handle:
            return handle.read(8)
    except PermissionError:
        raise WorkbookError(
            f"{path.name}: planrapport mag het bestand niet lezen. Is het open in een ander programma? "
            "Sluit het en probeer opnieuw."
        ) from None
    except OSError as error:
        raise WorkbookError(f"{path.name}: het bestand kan niet gelezen worden ({error.strerror}).") from None


def refuse_encrypted(path: Path, head: bytes) -> None:
    """An OLE file with an Office package protected by a password: say how to take the password off."""
    if head == OLE_MAGIC and is_encrypted(path):
        raise WorkbookError(
            f"{path.name}: het Word-document is beveiligd met een wachtwoord. Open het in Word, verwijder het "
            "wachtwoord (Bestand > Info > Document beveiligen > Versleutelen met wachtwoord) en bewaar het opnieuw "
            f"als .docx. {NOTHING}"
        )


def _check_archive(name: str, archive: zipfile.ZipFile) -> None:
    if (reason := oversized(archive)) is not None:
        raise TooLarge(reason)
    members = {info.filename: info for info in archive.infolist()}
    if "mimetype" in members and b"opendocument.text" in read_capped(archive, members["mimetype"], 1024):
        raise WorkbookError(
            f"{name}: dit is een OpenDocument-tekst (.odt), geen .docx. Open het in Word of "
            f"LibreOffice en bewaar het als Word-document (.docx). {NOTHING}"
        )
    for part in (CONTENT_TYPES, PACKAGE_RELS):
        if part not in members:
            raise WorkbookError(
                f"{name}: dit zip-bestand is geen Word-document: het deel {part} ontbreekt. {RESAVE} {NOTHING}"
            )
    parsed = {part: _parse(name, part, read_capped(archive, members[part])) for part in (CONTENT_TYPES, PACKAGE_RELS)}
    types = _content_types(parsed[CONTENT_TYPES])
    main = _main_part(parsed[PACKAGE_RELS])
    if main is None or main not in members:
        missing = f"de tekst van het document ({main or 'word/document.xml'})"
        raise WorkbookError(f"{name}: het Word-document is onvolledig: {missing} ontbreekt. {RESAVE} {NOTHING}")
    kind = _content_type(types, main)
    if kind != WORD_MAIN:
        other = next((text for key, text in _OTHER_MAIN.items() if key in kind), "geen Word-document")
        raise WorkbookError(
            f"{name}: dit is {other}, geen Word-document (.docx). Open het in Word of het programma "
            f"dat het maakte en bewaar het als Word-document (.docx). {NOTHING}"
        )
    for part, info in members.items():
        if part not in parsed and is_xml(part, types):
            _parse(name, part, read_capped(archive, info))


def is_xml(part: str, types: dict[str, dict[str, str]]) -> bool:
    """A member python-docx would parse as XML: every .xml and .rels, and what its content type calls XML.

    Images are not parsed (an SVG logo may well carry a DOCTYPE): python-docx keeps them as bytes.
    """
    kind = _content_type(types, part)
    return part.casefold().endswith((".xml", ".rels")) or (kind.endswith("xml") and not kind.startswith("image/"))


def content_types(archive: zipfile.ZipFile) -> dict[str, dict[str, str]]:
    """The package's content types: {"default": {extension: type}, "override": {part: type}}, parsed safely."""
    return _content_types(_parse(CONTENT_TYPES, CONTENT_TYPES, read_capped(archive, archive.getinfo(CONTENT_TYPES))))


def _parse(name: str, part: str, data: bytes) -> etree._Element:
    """A part parsed without entities, network or a DTD, at most MAX_DEPTH deep; else a Dutch refusal."""
    where = f"het deel {part}" + (" (de tekst van het document)" if part == "word/document.xml" else "")
    if (doctype := _doctype(data)) is not None:
        entities = "entiteiten" if _ENTITY.search(doctype) else "eigen declaraties"
        raise WorkbookError(
            f"{name}: {where} begint met een DOCTYPE met {entities}. Word schrijft dat nooit; het kan het geheugen "
            f"vullen of naar andere bestanden verwijzen, dus planrapport leest het niet. {RESAVE} {NOTHING}"
        )
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        line = f" (regel {error.lineno}, kolom {error.position[1]})" if error.lineno else ""
        if error.code in _ENCODING_ERRORS:
            what = f"bevat tekens die niet in UTF-8 gecodeerd zijn{line}"
        elif error.code == etree.ErrorTypes.ERR_INVALID_CHAR:
            what = f"bevat een teken dat in een Word-document niet kan staan{line}"
        elif error.code == etree.ErrorTypes.ERR_RESOURCE_LIMIT and "depth" in str(error):
            what = f"is meer dan {MAX_DEPTH} elementen diep genest{line}"
        elif error.code == etree.ErrorTypes.ERR_RESOURCE_LIMIT:
            what = f"is te groot of te ingewikkeld om veilig te lezen{line}"
        else:
            what = f"is geen geldige XML{line}"
        raise WorkbookError(f"{name}: het Word-document is beschadigd: {where} {what}. {RESAVE} {NOTHING}") from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):  # entities the scan above missed
        raise WorkbookError(
            f"{name}: {where} bevat een DOCTYPE met entiteiten. Word schrijft dat nooit. {RESAVE} {NOTHING}"
        )
    if _TOO_DEEP(root):
        raise WorkbookError(
            f"{name}: het Word-document is beschadigd: {where} is meer dan {MAX_DEPTH} elementen "
            f"diep genest. {RESAVE} {NOTHING}"
        )
    return root


def _doctype(data: bytes) -> str | None:
    """The start of the part when a DOCTYPE comes before its first element (in UTF-8, UTF-16 or UTF-32)."""
    head = data[: 64 * 1024]
    encoding = "utf-8"
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if head.startswith(bom):
            encoding = codec
            break
    else:
        if head[:2] in (b"<\0", b"\0<"):
            encoding = "utf-16-le" if head[0] else "utf-16-be"
    text = head.decode(encoding, errors="replace")
    return text if _DOCTYPE.match(text) else None


def _content_types(root: etree._Element) -> dict[str, dict[str, str]]:
    types: dict[str, dict[str, str]] = {"default": {}, "override": {}}
    for element in root:
        tag = etree.QName(element).localname if isinstance(element.tag, str) else ""
        if tag == "Default":
            types["default"][element.get("Extension", "").casefold()] = element.get("ContentType", "")
        elif tag == "Override":
            types["override"][element.get("PartName", "").lstrip("/").casefold()] = element.get("ContentType", "")
    return types


def _content_type(types: dict[str, dict[str, str]], part: str) -> str:
    found = types["override"].get(part.casefold())
    return found if found is not None else types["default"].get(posixpath.splitext(part)[1][1:].casefold(), "")


def _main_part(rels: etree._Element) -> str | None:
    for relation in rels:
        if relation.get("Type") in _OFFICE_DOCUMENT and relation.get("TargetMode") != "External":
            return resolve("", relation.get("Target", ""))
    return None


def _too_large(name: str, reason: str) -> str:
    return (
        f"{name}: {reason}. Dat is geen gewoon Word-plan maar waarschijnlijk een beschadigd of kwaadwillig "
        f"bestand; planrapport pakt het niet uit. Controleer of het het juiste bestand is, of open het in Word "
        f"en bewaar het opnieuw als .docx. {NOTHING}"
    )


def _zip_problem(error: Exception) -> str:
    if isinstance(error, RuntimeError):
        return "een deel is versleuteld"
    if isinstance(error, NotImplementedError):
        return "een deel is gecomprimeerd op een manier die planrapport niet kent"
    return "een deel is onvolledig of klopt niet met zijn controlegetal"
