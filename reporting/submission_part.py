"""What was submitted, carried in the final year report: a custom XML part with the year, the day, the figures
and their fingerprint."""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from reporting.documents.naming import YEAR_REPORT, output_name
from workbook.plan.model import Plan, Submission
from workbook.records.submission_record import canonical_value, fingerprint

NAMESPACE = "urn:planrapport:indiening:1"
FINAL_SUFFIX = "-ingediend"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
_DATASTORE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_DOCUMENT_RELS = "word/_rels/document.xml.rels"
_ITEM = re.compile(r"customXml/item(\d+)\.xml")
_EPOCH = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class SubmissionPart:
    """The submission as the final document carries it; `intact` when its figures still give its fingerprint."""

    year: int
    day: date | None
    fingerprint: str
    values: tuple[Submission, ...]

    @property
    def intact(self) -> bool:
        return self.fingerprint == fingerprint(self.year, self.values)


def final_name(plan: Plan, year: int) -> str:
    """The one name of a year's final report: jaarrapport-2023-denderleeuw-ingediend.docx."""
    name = output_name(YEAR_REPORT, plan, year)
    return f"{name.removesuffix('.docx')}{FINAL_SUFFIX}.docx"


def with_submission_part(data: bytes, year: int, day: date, values: list[Submission]) -> bytes:
    """The .docx `data` with the submission as a custom XML part (customXml/itemN.xml and its itemProps),
    related from the document part; every other part as it was."""
    output = io.BytesIO()
    write_with_submission_part(data, output, year, day, values)
    return output.getvalue()


def write_with_submission_part(data: bytes, output: BinaryIO, year: int, day: date, values: list[Submission]) -> None:
    """with_submission_part written to `output` (a file), so a big report is not held twice."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    number = max((int(m.group(1)) for n in names if (m := _ITEM.fullmatch(n))), default=0) + 1
    seal = fingerprint(year, values)
    added = {
        f"customXml/item{number}.xml": _item_xml(year, day, seal, values),
        f"customXml/itemProps{number}.xml": _props_xml(seal),
        f"customXml/_rels/item{number}.xml.rels": _rels_xml([("rId1", _CUSTOM_XML_PROPS, f"itemProps{number}.xml")]),
    }
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = _with_override(content, f"/customXml/itemProps{number}.xml")
            elif info.filename == _DOCUMENT_RELS:
                content = _with_relationship(content, f"../customXml/item{number}.xml")
            target.writestr(info, content)
        for name, content in added.items():
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, content)


def read_submission_part(path: Path) -> SubmissionPart | None:
    """The submission a final report carries, or None (no such part, or no readable .docx)."""
    try:
        with zipfile.ZipFile(path) as archive:
            for name in sorted(n for n in archive.namelist() if _ITEM.fullmatch(n)):
                root = etree.fromstring(archive.read(name))
                if root.tag == f"{{{NAMESPACE}}}indiening":
                    return _parsed(root)
    except (OSError, zipfile.BadZipFile, etree.XMLSyntaxError, ValueError, KeyError):
        return None
    return None


def _parsed(root: etree._Element) -> SubmissionPart:
    year = int(root.get("jaar", ""))
    day = date.fromisoformat(root.get("dag", "")) if root.get("dag") else None
    values = tuple(
        Submission(
            year,
            date.fromisoformat(e.get("dag")) if e.get("dag") else None,
            e.get("blad", ""),
            e.get("code", ""),
            e.get("sleutel", ""),
            e.get("kolom", ""),
            e.text or "",
        )
        for e in root.iter(f"{{{NAMESPACE}}}waarde")
    )
    return SubmissionPart(year, day, root.get("kenmerk", ""), values)


def _item_xml(year: int, day: date, seal: str, values: list[Submission]) -> bytes:
    root = etree.Element(f"{{{NAMESPACE}}}indiening", nsmap={None: NAMESPACE})
    root.set("jaar", str(year))
    root.set("dag", day.isoformat())
    root.set("kenmerk", seal)
    for sent in values:
        element = etree.SubElement(root, f"{{{NAMESPACE}}}waarde")
        element.set("blad", canonical_value(sent.sheet))
        element.set("code", canonical_value(sent.code))
        element.set("sleutel", canonical_value(sent.key))
        element.set("kolom", canonical_value(sent.header))
        if sent.day:
            element.set("dag", sent.day.isoformat())
        element.text = canonical_value(sent.value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _props_xml(seal: str) -> bytes:
    item = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"{NAMESPACE}:{seal}")).upper() + "}"
    ds = f"{{{_DATASTORE}}}"
    root = etree.Element(f"{ds}datastoreItem", nsmap={"ds": _DATASTORE})
    root.set(f"{ds}itemID", item)
    refs = etree.SubElement(root, f"{ds}schemaRefs")
    etree.SubElement(refs, f"{ds}schemaRef").set(f"{ds}uri", NAMESPACE)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rels_xml(relationships: list[tuple[str, str, str]]) -> bytes:
    root = etree.Element(f"{{{_PACKAGE_RELS}}}Relationships", nsmap={None: _PACKAGE_RELS})
    for rid, kind, target in relationships:
        etree.SubElement(root, f"{{{_PACKAGE_RELS}}}Relationship", {"Id": rid, "Type": kind, "Target": target})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _with_override(content: bytes, part_name: str) -> bytes:
    root = etree.fromstring(content)
    etree.SubElement(root, f"{{{_CONTENT_TYPES}}}Override", {"PartName": part_name, "ContentType": _PROPS_TYPE})
    if not any(e.get("Extension", "").lower() == "xml" for e in root.iter(f"{{{_CONTENT_TYPES}}}Default")):
        root.insert(
            0, etree.Element(f"{{{_CONTENT_TYPES}}}Default", {"Extension": "xml", "ContentType": "application/xml"})
        )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _with_relationship(content: bytes, target: str) -> bytes:
    root = etree.fromstring(content)
    taken = {e.get("Id") for e in root}
    number = len(taken) + 1
    while f"rId{number}" in taken:
        number += 1
    etree.SubElement(
        root, f"{{{_PACKAGE_RELS}}}Relationship", {"Id": f"rId{number}", "Type": _CUSTOM_XML, "Target": target}
    )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
