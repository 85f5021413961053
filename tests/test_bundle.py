"""planrapport bundel: the offline bundle resolves for 64-bit Windows on Python 3.11, 3.12 and 3.13."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from planrapport.commands.pc import bundle
from planrapport.commands.pc.bundle import (
    NO_INDEX,
    PYTHON_VERSIONS,
    WINDOWS_PIP,
    unmet_requirements,
    windows_environment,
)

ROOT = Path(__file__).resolve().parents[1]
VERSION = "0.1.0"


def planrapport(*arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "planrapport", *arguments], capture_output=True, text=True, cwd=ROOT, env=env
    )


def offline_env(**extra: str) -> dict[str, str]:
    """This machine's pip settings (extra indexes, find-links, constraints) left out."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PIP_")}
    return {**env, "PIP_CONFIG_FILE": os.devnull, **extra}


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> tuple[Path, Path]:
    """The bundle, made once, and the folder it was unpacked in."""
    folder = tmp_path_factory.mktemp("bundel")
    result = planrapport("bundel", str(folder))
    if result.returncode != 0 and NO_INDEX in result.stderr and not os.environ.get("CI"):
        pytest.skip(f"PyPI niet bereikbaar: {result.stderr.strip()}")
    assert result.returncode == 0, result.stderr
    target = folder / f"planrapport-bundel-{VERSION}.zip"
    assert str(target) in result.stdout
    unpacked = folder / "uitgepakt"
    with zipfile.ZipFile(target) as archive:
        archive.extractall(unpacked)
    return target, unpacked / f"planrapport-bundel-{VERSION}"


@pytest.mark.network
@pytest.mark.slow
def test_the_bundle_holds_the_script_the_docs_and_the_wheels(made):
    target, root = made
    assert (root / "install-windows.ps1").read_bytes() == (ROOT / "install-windows.ps1").read_bytes()
    assert (root / "docs" / "installatie.md").read_bytes() == (ROOT / "docs" / "installatie.md").read_bytes()
    wheels = {path.name for path in (root / "wielen").iterdir()}
    assert f"planrapport-{VERSION}-py3-none-any.whl" in wheels
    assert any(name.startswith("pip-") for name in wheels), "pip, to upgrade it offline"
    for python_version in PYTHON_VERSIONS:
        tag = "cp" + python_version.replace(".", "")
        assert f"xlwings-0.37.8-{tag}-{tag}-win_amd64.whl" in wheels
        # Windows-only dependencies (pip on Linux would leave them out): xlwings needs pywin32 on Windows.
        assert any(name.startswith("pywin32-") and f"-{tag}-" in name for name in wheels)
        assert any(name.startswith("pandas-") and name.endswith(f"{tag}-win_amd64.whl") for name in wheels)
    assert not [name for name in wheels if "linux" in name or "macosx" in name or "win32.whl" in name]
    assert target.stat().st_size < 250e6


@pytest.mark.network
@pytest.mark.slow
@pytest.mark.parametrize("python_version", PYTHON_VERSIONS)
def test_an_offline_install_resolves_on_windows(made, python_version, tmp_path):
    _target, root = made
    wheels = root / "wielen"
    assert unmet_requirements(wheels, python_version) == []
    # The bundle's own pip (the one the script upgrades to), markers evaluated for Windows, as on the pc.
    pip_wheel = next(wheels.glob("pip-*.whl"))
    code = WINDOWS_PIP.format(windows=repr(windows_environment(python_version)))
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "install",
            "--dry-run",
            "--no-index",
            "--find-links",
            str(wheels),
            "--platform",
            "win_amd64",
            "--python-version",
            python_version,
            "--only-binary=:all:",
            "--target",
            str(tmp_path / "x"),
            "planrapport",
        ],
        capture_output=True,
        text=True,
        env=offline_env(PYTHONPATH=str(pip_wheel)),
    )
    assert result.returncode == 0, result.stderr
    would = next(line for line in result.stdout.splitlines() if line.startswith("Would install"))
    for package in ("planrapport-0.1.0", "xlwings-0.37.8", "pywin32-", "pandas-", "numpy-", "lxml-"):
        assert package in would, would


def fake_wheel(folder: Path, name: str, tag: str, *requirements: str) -> None:
    distribution, version = name.split("-")
    metadata = "".join(f"Requires-Dist: {requirement}\n" for requirement in requirements)
    with zipfile.ZipFile(folder / f"{name}-{tag}.whl", "w") as archive:
        archive.writestr(
            f"{distribution}-{version}.dist-info/METADATA",
            f"Metadata-Version: 2.1\nName: {distribution}\nVersion: {version}\n{metadata}",
        )


def test_requirements_are_met_for_windows_and_each_python(tmp_path):
    fake_wheel(
        tmp_path,
        "planrapport-0.1.0",
        "py3-none-any",
        "xlwings==0.37.8",
        "tzdata",
        'pywin32; sys_platform == "win32"',
        'uvloop; sys_platform == "linux"',
        'tomli; python_version < "3.11"',
        "docxtpl[extra]",
    )
    fake_wheel(tmp_path, "xlwings-0.37.8", "cp311-cp311-win_amd64")
    fake_wheel(tmp_path, "xlwings-0.37.8", "cp312-cp312-manylinux_2_17_x86_64")
    fake_wheel(tmp_path, "tzdata-2026.1", "py2.py3-none-any")
    fake_wheel(tmp_path, "docxtpl-0.20.2", "py3-none-any", 'lxml; extra == "extra"', 'nothing; extra == "other"')
    fake_wheel(tmp_path, "lxml-6.0.0", "cp311-cp311-win_amd64")
    fake_wheel(tmp_path, "lxml-6.0.0", "cp312-cp312-win32")
    # Linux's and older Pythons' markers ask nothing; Windows' do, and a wheel for another platform meets nothing.
    assert unmet_requirements(tmp_path, "3.11") == ['pywin32; sys_platform == "win32"']
    assert unmet_requirements(tmp_path, "3.12") == [
        'lxml; extra == "extra"',
        'pywin32; sys_platform == "win32"',
        "xlwings==0.37.8",
    ]
    fake_wheel(tmp_path, "pywin32-312", "cp311-cp311-win_amd64")
    assert unmet_requirements(tmp_path, "3.11") == []


def test_an_unreachable_index_is_said_in_dutch(tmp_path):
    env = offline_env(PIP_INDEX_URL="http://127.0.0.1:9/simple", PIP_RETRIES="0", PIP_TIMEOUT="2")
    result = planrapport("bundel", str(tmp_path), env=env)
    assert result.returncode == 1
    assert result.stderr.startswith(f"planrapport: {NO_INDEX} Melding van pip: ")
    assert list(tmp_path.iterdir()) == []


def test_without_the_source_the_folder_is_named(tmp_path):
    result = planrapport("bundel", str(tmp_path / "uit"), "--bron", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr == "planrapport: " + bundle.NO_SOURCE.format(folder=tmp_path) + "\n"
    assert not (tmp_path / "uit").exists()
