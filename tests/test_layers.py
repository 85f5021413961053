"""The import contracts of pyproject.toml hold, and a wrong-way import breaks them with import-linter's message."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PACKAGES = ("planrapport", "reporting", "workbook", "xlsx_templates")


def lint_imports(folder: Path) -> subprocess.CompletedProcess:
    script = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    return subprocess.run([sys.executable, "-c", script, "--no-cache"], cwd=folder, capture_output=True, text=True)


def copy_of_the_project(target: Path) -> Path:
    for name in PACKAGES:
        shutil.copytree(
            ROOT / name,
            target / name,
            ignore=shutil.ignore_patterns("__pycache__", "*.docx", "*.xls*", "*.bin", "*.json", "*.png"),
        )
    shutil.copy(ROOT / "pyproject.toml", target / "pyproject.toml")
    return target


def test_the_contracts_hold():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


BREAKS = [
    (
        "workbook/plan/model.py",
        "from reporting.figures import formatting",
        "Front ends (planrapport) over reports (reporting) over the workbook (workbook) BROKEN",
        "workbook.plan.model -> reporting.figures.formatting",
    ),
    (
        "reporting/figures/trends.py",
        "import docxtpl",
        "docxtpl only in the Word documents BROKEN",
        "reporting.figures.trends -> docxtpl",
    ),
    (
        "workbook/spreadsheet/cells.py",
        "from workbook.reading import reader",
        "The workbook's parts, one way: the yearly cycle and the Word import over reading",
        "workbook.spreadsheet.cells -> workbook.reading.reader",
    ),
    (
        "reporting/documents/wordml/text.py",
        "from reporting.documents.engine import rendering",
        "The Word documents' parts, one way: each document over the contexts, over the",
        "reporting.documents.wordml.text -> reporting.documents.engine.rendering",
    ),
    (
        "reporting/figures/formatting.py",
        "from reporting.figures import trends",
        "No import cycles between the modules of a package BROKEN",
        "",
    ),
]


@pytest.mark.parametrize(("module", "line", "broken", "culprit"), BREAKS)
def test_a_wrong_way_import_breaks_its_contract(tmp_path, module, line, broken, culprit):
    project = copy_of_the_project(tmp_path)
    path = project / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    result = lint_imports(project)
    assert result.returncode == 1
    assert broken in result.stdout
    assert culprit in result.stdout
