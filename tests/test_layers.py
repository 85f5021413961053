"""The import contracts of pyproject.toml hold, and a wrong-way import breaks them with import-linter's message."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
PACKAGES = ("planrapport", "reporting", "workbook", "xlsx_templates")


def lint_imports(folder: Path) -> subprocess.CompletedProcess:
    script = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    return subprocess.run([sys.executable, "-c", script, "--no-cache"], cwd=folder, capture_output=True, text=True)


def copy_of_the_project(target: Path) -> Path:
    for name in PACKAGES:
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.docx", "*.xls*",
                                                                                 "*.bin", "*.json", "*.png"))
    shutil.copy(ROOT / "pyproject.toml", target / "pyproject.toml")
    return target


def test_the_contracts_hold():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_workbook_importing_the_reports_breaks_the_layers(tmp_path):
    project = copy_of_the_project(tmp_path)
    model = project / "workbook" / "model.py"
    model.write_text(model.read_text(encoding="utf-8") + "\nfrom reporting import formatting  # noqa\n",
                     encoding="utf-8")
    result = lint_imports(project)
    assert result.returncode == 1
    assert "Front ends (planrapport) over reports (reporting) over the workbook (workbook) BROKEN" in result.stdout
    assert "workbook.model -> reporting.formatting" in result.stdout


def test_docxtpl_outside_the_documents_breaks_its_contract(tmp_path):
    project = copy_of_the_project(tmp_path)
    trends = project / "reporting" / "trends.py"
    trends.write_text(trends.read_text(encoding="utf-8") + "\nimport docxtpl  # noqa\n", encoding="utf-8")
    result = lint_imports(project)
    assert result.returncode == 1
    assert "docxtpl only in the Word documents BROKEN" in result.stdout
    assert "reporting.trends -> docxtpl" in result.stdout


def test_a_cycle_between_two_modules_breaks_the_acyclic_contract(tmp_path):
    project = copy_of_the_project(tmp_path)
    formatting = project / "reporting" / "formatting.py"
    formatting.write_text(formatting.read_text(encoding="utf-8") + "\nfrom reporting import trends  # noqa\n",
                          encoding="utf-8")
    result = lint_imports(project)
    assert result.returncode == 1
    assert "No import cycles between the modules of a package BROKEN" in result.stdout
