"""The VBA project of the workbook with buttons: xlwings' quickstart project with our module's source in Module1."""

from __future__ import annotations

import importlib.util
import re
import shutil
import tempfile
from pathlib import Path

from workbook.storage.files import write_atomically
from xlsx_templates import TEMPLATE

VBA_PROJECT = TEMPLATE.with_name("vbaProject.bin")
MACROS_DIR = Path(__file__).resolve().parents[2] / "macros"
MACRO_SOURCE = MACROS_DIR / "planrapport.bas"
# The standard module of xlwings' quickstart workbook; only its source is replaced, so the project keeps the
# module layout, references, platform and ids of the file xlwings ships (made without Excel, opened by it).
OUR_MODULE = "Module1"
QUICKSTART = "quickstart_standalone.xlsm"
XLWINGS_MODULE = "xlwings"
XLWINGS_VERSION = re.compile(r'XLWINGS_VERSION As String = "([^"]+)"')


class VbaProjectError(Exception):
    """The VBA project could not be built (no xlwings installed, or the result is not a sound project)."""


def quickstart_workbook() -> Path:
    """xlwings' standalone quickstart workbook in the installed xlwings, found without importing xlwings."""
    spec = importlib.util.find_spec("xlwings")
    if spec is None or spec.origin is None:
        raise VbaProjectError("xlwings is not installed: pip install the pinned version from pyproject.toml")
    return Path(spec.origin).with_name(QUICKSTART)


def module_source(path: Path = MACRO_SOURCE) -> str:
    """The module's source as the VBA editor keeps it: the .bas file (cp1252) with CRLF line ends."""
    return path.read_bytes().decode("cp1252").replace("\r\n", "\n").replace("\n", "\r\n")


def project_bytes(quickstart: Path | None = None, source: Path = MACRO_SOURCE) -> bytes:
    """vbaProject.bin: the quickstart's project with the source of `source` in place of Module1's."""
    from pyopenvba import ExcelFile

    with tempfile.TemporaryDirectory(prefix="planrapport-vba-") as work:
        copy = Path(work) / QUICKSTART
        shutil.copyfile(quickstart or quickstart_workbook(), copy)
        with ExcelFile(copy) as book:
            book.set_module(OUR_MODULE, module_source(source))
            book.save()
        with ExcelFile(copy) as book:
            problems = book.validate()
            data = book.vba_project_bytes()
    if problems:
        raise VbaProjectError("pyOpenVBA finds the built project unsound: " + "; ".join(problems))
    return data


def build_vba_project(target: Path = VBA_PROJECT) -> Path:
    """Write `target` (vbaProject.bin) from xlwings' quickstart project and macros/planrapport.bas."""
    data = project_bytes()
    return write_atomically(target, lambda temporary: temporary.write_bytes(data), overwrite=True)


def xlwings_version_of(workbook: Path) -> str | None:
    """The version of the xlwings VBA module in a workbook with buttons; None when it has no such module."""
    from pyopenvba import ExcelFile

    with ExcelFile(workbook) as book:
        if not book.has_vba_project() or XLWINGS_MODULE not in book.module_names():
            return None
        found = XLWINGS_VERSION.search(book.get_module(XLWINGS_MODULE))
    return found.group(1) if found else None
