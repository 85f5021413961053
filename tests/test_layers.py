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
        "workbook/model.py",
        "from reporting import formatting",
        "Front ends (planrapport) over reports (reporting) over the workbook (workbook) BROKEN",
        "workbook.model -> reporting.formatting",
    ),
    (
        "reporting/trends.py",
        "import docxtpl",
        "docxtpl only in the Word documents BROKEN",
        "reporting.trends -> docxtpl",
    ),
    (
        "reporting/formatting.py",
        "from reporting import trends",
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
