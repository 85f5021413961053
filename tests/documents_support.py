"""Helpers of the document tests: render once per session, read a .docx back, run the real external tools."""

from __future__ import annotations

import io
import subprocess
import zipfile
from datetime import date
from functools import cache
from pathlib import Path

import docx
from conftest import DENDERLEEUW, FIXTURES, WAREGEM, ooxml_validator, soffice
from lxml import etree

from reporting.documents import render_plan_document, render_year_report
from workbook.reading.reader import read_plan

DOCUMENTS = FIXTURES / "documenten"
REPORT_DATE = date(2023, 9, 17)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EXAMPLES = {"waregem": WAREGEM, "denderleeuw": DENDERLEEUW}


@cache
def plan_of(example: str):
    return read_plan(EXAMPLES[example])


@cache
def year_report(example: str) -> bytes:
    return render_year_report(plan_of(example), today=REPORT_DATE)


@cache
def plan_document(example: str) -> bytes:
    return render_plan_document(plan_of(example), today=REPORT_DATE)


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def parts(data: bytes, prefix: str) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: etree.fromstring(archive.read(name))
            for name in archive.namelist()
            if name.startswith(prefix) and name.endswith(".xml")
        }


def paragraph_text(paragraph: etree._Element) -> str:
    return "".join(t.text or "" for t in paragraph.iter(f"{W}t"))


def all_texts(data: bytes) -> list[str]:
    """The text of every paragraph of the body (tables included), headers and footers."""
    texts = [paragraph_text(p) for p in part(data, "word/document.xml").iter(f"{W}p")]
    for root in parts(data, "word/header").values():
        texts += [paragraph_text(p) for p in root.iter(f"{W}p")]
    for root in parts(data, "word/footer").values():
        texts += [paragraph_text(p) for p in root.iter(f"{W}p")]
    return texts


def validate_ooxml(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([ooxml_validator(), str(path)], capture_output=True, text=True, timeout=300)


def to_pdf(path: Path, folder: Path) -> Path:
    subprocess.run(
        [
            soffice(),
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{folder}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(path),
        ],
        capture_output=True,
        timeout=300,
        check=False,
    )
    return folder / (path.stem + ".pdf")
