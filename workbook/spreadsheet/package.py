"""An .xlsx/.xlsm package in memory: parts by name, relationships, content types and the workbook's sheets."""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from workbook.plan.errors import WorkbookError

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_DOCUMENT = REL + "/officeDocument"
WORKSHEET = REL + "/worksheet"
STYLES = REL + "/styles"
SHARED_STRINGS = REL + "/sharedStrings"
WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_PARSER = etree.XMLParser(huge_tree=True, remove_blank_text=False, resolve_entities=False)


def parse(data: bytes) -> etree._Element:
    return etree.fromstring(data, parser=_PARSER)


def serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def q(name: str, namespace: str = MAIN) -> str:
    return f"{{{namespace}}}{name}"


@dataclass
class SheetRef:
    name: str
    part: str
    element: etree._Element


class Package:
    """All members of the zip, kept in order; changed members are replaced, everything else is copied as is."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            with zipfile.ZipFile(path) as archive:
                self.infos = archive.infolist()
                self.data = {info.filename: archive.read(info.filename) for info in self.infos}
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise WorkbookError(f"{path.name}: het werkboek kan niet gelezen worden ({error}).") from None
        self.changed: set[str] = set()
        self.removed: set[str] = set()
        self.workbook_part = self._office_document()
        self.workbook = self.xml(self.workbook_part)
        self.workbook_rels_part = rels_part(self.workbook_part)
        self.workbook_rels = self.xml(self.workbook_rels_part)

    def has(self, part: str) -> bool:
        return part in self.data and part not in self.removed

    def xml(self, part: str) -> etree._Element:
        if not self.has(part):
            raise WorkbookError(f"{self.path.name}: het onderdeel {part} ontbreekt; het werkboek is beschadigd.")
        try:
            return parse(self.data[part])
        except etree.XMLSyntaxError:
            raise WorkbookError(f"{self.path.name}: het onderdeel {part} is beschadigd.") from None

    def put(self, part: str, data: bytes) -> None:
        if part not in self.data:
            info = zipfile.ZipInfo(part, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            self.infos.append(info)
        self.data[part] = data
        self.removed.discard(part)
        self.changed.add(part)

    def put_xml(self, part: str, root: etree._Element) -> None:
        self.put(part, serialize(root))

    def remove(self, part: str) -> None:
        self.removed.add(part)

    def write(self, target: Path) -> None:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for info in self.infos:
                if info.filename in self.removed:
                    continue
                archive.writestr(info, self.data[info.filename], compress_type=info.compress_type)

    def _office_document(self) -> str:
        root = self.xml("_rels/.rels")
        for rel in root.iter(q("Relationship", PACKAGE_REL)):
            if rel.get("Type") == OFFICE_DOCUMENT:
                return resolve("", rel.get("Target", ""))
        raise WorkbookError(f"{self.path.name}: dit is geen Excel-werkboek (het hoofdonderdeel ontbreekt).")

    def related(self, rel_type: str) -> str | None:
        """The part the workbook points to with a relationship of this type (styles, shared strings)."""
        for rel in self.workbook_rels.iter(q("Relationship", PACKAGE_REL)):
            if rel.get("Type") == rel_type:
                return resolve(self.workbook_part, rel.get("Target", ""))
        return None

    def sheets(self) -> list[SheetRef]:
        targets = {rel.get("Id"): rel for rel in self.workbook_rels.iter(q("Relationship", PACKAGE_REL))}
        result = []
        for element in self.workbook.iter(q("sheet")):
            rel = targets.get(element.get(q("id", REL)))
            if rel is None or rel.get("Type") != WORKSHEET:
                continue
            result.append(
                SheetRef(element.get("name", ""), resolve(self.workbook_part, rel.get("Target", "")), element)
            )
        return result

    def add_sheet(self, name: str) -> str:
        """A new, empty worksheet part at the end of the workbook; returns its part name."""
        number = 1
        while self.has(f"xl/worksheets/sheet{number}.xml") or f"xl/worksheets/sheet{number}.xml" in self.data:
            number += 1
        part = f"xl/worksheets/sheet{number}.xml"
        rel_ids = {rel.get("Id") for rel in self.workbook_rels.iter(q("Relationship", PACKAGE_REL))}
        index = 1
        while f"rId{index}" in rel_ids:
            index += 1
        rel_id = f"rId{index}"
        etree.SubElement(
            self.workbook_rels,
            q("Relationship", PACKAGE_REL),
            {"Id": rel_id, "Type": WORKSHEET, "Target": relative(self.workbook_part, part)},
        )
        sheets = self.workbook.find(q("sheets"))
        sheet_ids = [int(s.get("sheetId", "0")) for s in sheets.iter(q("sheet")) if s.get("sheetId", "").isdigit()]
        etree.SubElement(
            sheets,
            q("sheet"),
            {"name": name, "sheetId": str(max(sheet_ids, default=0) + 1), q("id", REL): rel_id},
            nsmap={"r": REL},
        )
        types = self.xml("[Content_Types].xml")
        etree.SubElement(types, q("Override", CONTENT_TYPES), {"PartName": "/" + part, "ContentType": WORKSHEET_TYPE})
        self.put_xml("[Content_Types].xml", types)
        self.put_xml(self.workbook_part, self.workbook)
        self.put_xml(self.workbook_rels_part, self.workbook_rels)
        return part


def rels_part(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def resolve(source: str, target: str) -> str:
    """A relationship target as a part name without leading slash."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def relative(source: str, part: str) -> str:
    return posixpath.relpath(part, posixpath.dirname(source))


_HARMLESS_RELS = {REL + "/hyperlink", REL + "/printerSettings"}


def claim_generated_sheet(package: Package, sheet_name: str, is_ours) -> tuple[SheetRef | None, bool]:
    """The sheet `sheet_name` that planrapport writes anew (None when the workbook has none yet) and whether it was
    the selected tab; one the officer made (`is_ours(root)` false) is refused, never overwritten."""
    sheet = next((s for s in package.sheets() if _folded(s.name) == _folded(sheet_name)), None)
    if sheet is None:
        return None, False
    if not is_ours(package.xml(sheet.part)):
        raise WorkbookError(
            f"{package.path.name}: het werkboek heeft al een blad '{sheet_name}' dat planrapport niet gemaakt "
            "heeft. Geef dat blad een andere naam en probeer opnieuw."
        )
    return sheet, release_generated_sheet(package, sheet.part, sheet_name)


def _folded(name: str) -> str:
    return " ".join(name.split()).casefold()  # as workbook.plan.schema.normalize_header, which sits above this module


def release_generated_sheet(package: Package, part: str, sheet_name: str) -> bool:
    """Drop the links of a sheet planrapport will write anew; refuse one holding tables, comments or pictures.

    Returns whether the sheet was the selected tab, so the new one can be selected again."""
    rels = rels_part(part)
    if package.has(rels):
        types = {r.get("Type") for r in package.xml(rels).iter(q("Relationship", PACKAGE_REL))}
        if types - _HARMLESS_RELS:
            raise WorkbookError(
                f"{package.path.name}: op het blad '{sheet_name}' staan tabellen, opmerkingen of afbeeldingen. "
                "Verwijder het blad (planrapport maakt het opnieuw) en probeer opnieuw."
            )
        package.remove(rels)
    view = package.xml(part).find(f"{q('sheetViews')}/{q('sheetView')}")
    return view is not None and view.get("tabSelected") in ("1", "true")


def cell_texts(package: Package, root: etree._Element, refs: Iterable[str]) -> dict[str, str]:
    """The values of some cells of a sheet as text, however they are stored: inline (as planrapport writes them),
    as a shared string (as Excel and LibreOffice save them) or as a plain value. Missing cells are ""."""
    wanted = set(refs)
    texts = dict.fromkeys(wanted, "")
    shared: list[str] | None = None
    for cell in root.iter(q("c")):
        ref = cell.get("r")
        if ref not in wanted:
            continue
        kind = cell.get("t")
        if kind == "inlineStr":
            inline = cell.find(q("is"))
            texts[ref] = "".join(inline.itertext()) if inline is not None else ""
            continue
        value = cell.findtext(q("v")) or ""
        if kind == "s":
            if shared is None:
                part = package.related(SHARED_STRINGS)
                strings = package.xml(part) if part and package.has(part) else None
                shared = (
                    [
                        "".join(t.text or "" for t in si.iter(q("t")) if _not_phonetic(t, si))
                        for si in strings.findall(q("si"))
                    ]
                    if strings is not None
                    else []
                )
            texts[ref] = shared[int(value)] if value.isdigit() and int(value) < len(shared) else ""
        else:
            texts[ref] = value
    return texts


def _not_phonetic(text: etree._Element, item: etree._Element) -> bool:
    """A shared string's own text, not the reading aid Excel keeps beside East Asian text (rPh)."""
    parent = text.getparent()
    return parent is item or parent.tag == q("r")
