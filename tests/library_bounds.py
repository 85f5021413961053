"""The installed release of a library checked against the bound pyproject.toml gives it, for the canary tests."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import tomllib
from packaging.requirements import Requirement

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def declared(distribution: str) -> Requirement:
    """The requirement pyproject.toml's dependencies give `distribution`."""
    dependencies = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    found = [Requirement(line) for line in dependencies if Requirement(line).name == distribution]
    assert len(found) == 1, f"pyproject.toml names {distribution} {len(found)} times among its dependencies"
    return found[0]


def check_installed_within_bound(distribution: str, adapter: str) -> None:
    """The installed `distribution` is one pyproject.toml allows, and that bound has an upper end."""
    requirement = declared(distribution)
    installed = version(distribution)
    assert any(spec.operator in ("<", "<=", "==", "~=") for spec in requirement.specifier), (
        f"pyproject.toml gives {distribution} no upper bound ({requirement}): {adapter} relies on its private parts"
    )
    assert requirement.specifier.contains(installed, prereleases=True), (
        f"{distribution} {installed} is installed, pyproject.toml allows {requirement.specifier}: run this file and "
        f"the document tests on {installed}, adapt {adapter} if needed, then move the bound"
    )
