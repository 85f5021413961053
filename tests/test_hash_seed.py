"""The bytes planrapport writes do not depend on Python's hash seed: two processes, two seeds, the same files."""

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, WAREGEM

ROOT = Path(__file__).parent.parent
COMMANDS = (
    ("controleer", "plan.xlsx", "--schrijf"),
    ("trends", "plan.xlsx", "--schrijf"),
    ("jaarrapport", "plan.xlsx", "--forceer"),
    ("beleidsplan", "plan.xlsx", "--forceer"),
)


def _run_all(folder: Path, seed: str) -> dict[str, str]:
    """Every writing command on a copy of a workbook with problems, under one hash seed; file -> digest."""
    folder.mkdir()
    shutil.copyfile(WAREGEM, folder / "plan.xlsx")
    shutil.copyfile(FIXTURES / "validatie" / "uitleg-ontbreekt.xlsx", folder / "fouten.xlsx")
    environment = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    for command in (*COMMANDS, ("controleer", "fouten.xlsx", "--schrijf")):
        subprocess.run(
            [sys.executable, "-m", "planrapport.cli", *command],
            cwd=folder,
            env=environment,
            capture_output=True,
            timeout=600,
        )
    return {_without_time(p.name): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _without_time(name: str) -> str:
    """A backup's name says when it was made (second and all): that is no content."""
    return re.sub(r" \(reservekopie [0-9-]+ [0-9.]+(-\d+)?\)", " (reservekopie)", name)


@pytest.mark.slow
def test_written_bytes_are_the_same_under_two_hash_seeds(tmp_path):
    first = _run_all(tmp_path / "a", "1")
    second = _run_all(tmp_path / "b", "2")
    assert any(name.startswith("jaarrapport") for name in first)
    assert any(name.startswith("beleidsplan") for name in first)
    assert first == second
