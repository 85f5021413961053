"""planrapport bundel: one zip with every wheel an offline install on 64-bit Windows needs, the script and the docs."""

from __future__ import annotations

import argparse
import email.parser
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from planrapport.commands import arguments
from workbook.plan.errors import WorkbookError
from workbook.storage.files import write_atomically

HELP = (
    "Maak planrapport-bundel-VERSIE.zip voor een installatie zonder internet op 64-bit Windows "
    "(Python 3.11 tot 3.13): planrapport, alle onderdelen als wheel, install-windows.ps1 en de uitleg."
)

PYTHON_VERSIONS = ("3.11", "3.12", "3.13")
PLATFORM = "win_amd64"
WHEELS = "wielen"
NO_INDEX = (
    "planrapport bundel haalt de wheels van PyPI (pypi.org), maar pip kon PyPI niet bereiken. "
    "Controleer de internetverbinding. Achter een proxy: zet de omgevingsvariabele HTTPS_PROXY "
    "(bijvoorbeeld http://proxy.gemeente.be:8080) en probeer opnieuw."
)
NO_SOURCE = (
    "{folder}: hier staat de broncode van planrapport niet (pyproject.toml en install-windows.ps1). "
    "Voer de opdracht uit in die map, of geef ze met --bron."
)
# Left out of the copy the wheel is built from: the build must not write into the source folder.
NOT_COPIED = (
    ".git",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".venv",
    "venv",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    "planrapport-demo",
    "planrapport-bundel-*",
)

# pip evaluates environment markers (sys_platform == "win32": xlwings needs pywin32 there) for the machine it runs
# on, not for --platform. This runs pip with the markers of 64-bit CPython X.Y on Windows.
WINDOWS_PIP = """
import sys
import pip._vendor.packaging.markers as markers
environment = dict(markers.default_environment())
environment.update({windows})
markers.default_environment = lambda: dict(environment)
from pip._internal.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    arguments.add_folder(parser, "de map waarin de bundel komt (wordt gemaakt)")
    parser.add_argument(
        "--bron",
        metavar="MAP",
        help="de map met de broncode van planrapport (standaard: die van deze planrapport, anders de huidige map)",
    )
    arguments.add_overwrite(parser, "vervang een bundel met dezelfde naam")


def run(args: argparse.Namespace) -> int:
    source = source_folder(args.bron)
    folder = Path(args.map)
    if folder.exists() and not folder.is_dir():
        raise WorkbookError(f"{folder}: dit is een bestand, geen map.")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="planrapport-bundel-") as work:
        wheels = Path(work) / WHEELS
        wheels.mkdir()
        check_index(Path(work) / "proef")
        print("planrapport wordt als wheel gebouwd ...", flush=True)
        own = build_wheel(source, wheels, Path(work) / "bron")
        version = own.name.split("-")[1]
        for python_version in PYTHON_VERSIONS:
            print(f"wheels voor Python {python_version} (64-bit Windows) worden gedownload ...", flush=True)
            download(python_version, [str(own), "pip"], wheels)
        for python_version in PYTHON_VERSIONS:
            missing = unmet_requirements(wheels, python_version)
            if missing:
                raise WorkbookError(
                    f"voor Python {python_version} op 64-bit Windows ontbreekt een wheel van: "
                    f"{', '.join(missing)}. Er is geen bundel gemaakt."
                )
        name = f"planrapport-bundel-{version}"
        target = write_atomically(
            folder / f"{name}.zip",
            lambda temporary: write_bundle(temporary, name, source, wheels),
            overwrite=args.overschrijf,
        )
    count = len(list(wheels_in(target)))
    print(f"{target} ({target.stat().st_size / 1e6:.0f} MB, {count} wheels)")
    print(
        f"Op de pc: pak de zip uit en voer uit: powershell -ExecutionPolicy Bypass -File "
        f".\\{name}\\install-windows.ps1 -Wielen .\\{name}\\{WHEELS}"
    )
    return 0


def source_folder(given: str | None) -> Path:
    """The folder with pyproject.toml and install-windows.ps1: the one given, this package's, or the current."""
    if given:
        candidates = [Path(given)]
    else:
        candidates = [Path(__file__).resolve().parents[3], Path.cwd()]
    for candidate in candidates:
        if (candidate / "pyproject.toml").is_file() and (candidate / "install-windows.ps1").is_file():
            return candidate
    raise WorkbookError(NO_SOURCE.format(folder=candidates[-1]))


def windows_environment(python_version: str) -> dict[str, str]:
    """The environment markers of 64-bit CPython `python_version` on Windows."""
    return {
        "sys_platform": "win32",
        "platform_system": "Windows",
        "os_name": "nt",
        "platform_machine": "AMD64",
        "python_version": python_version,
        "python_full_version": f"{python_version}.0",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "platform_release": "10",
        "platform_version": "10.0.19045",
    }


def pip(arguments: list[str], python_version: str = PYTHON_VERSIONS[0]) -> subprocess.CompletedProcess:
    code = WINDOWS_PIP.format(windows=repr(windows_environment(python_version)))
    return subprocess.run([sys.executable, "-c", code, *arguments], capture_output=True, text=True)


def last_error(result: subprocess.CompletedProcess) -> str:
    lines = [line.strip() for line in (result.stderr + result.stdout).splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("ERROR")]
    return (errors or lines or ["(geen uitvoer)"])[-1]


def check_index(folder: Path) -> None:
    """A first small download (pip itself), so an unreachable index is said before anything is built."""
    result = pip(
        [
            "download",
            "--no-deps",
            "--only-binary=:all:",
            "--platform",
            PLATFORM,
            "--python-version",
            PYTHON_VERSIONS[0],
            "--retries",
            "1",
            "--timeout",
            "20",
            "--dest",
            str(folder),
            "pip",
        ]
    )
    if result.returncode != 0:
        raise WorkbookError(f"{NO_INDEX} Melding van pip: {last_error(result)}")


def build_wheel(source: Path, wheels: Path, copy: Path) -> Path:
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns(*NOT_COPIED))
    result = pip(["wheel", "--no-deps", "--wheel-dir", str(wheels), str(copy)])
    built = sorted(wheels.glob("planrapport-*.whl"))
    if result.returncode != 0 or not built:
        raise WorkbookError(f"planrapport kon niet als wheel gebouwd worden. Melding van pip: {last_error(result)}")
    return built[0]


def download(python_version: str, requirements: list[str], wheels: Path) -> None:
    result = pip(
        [
            "download",
            "--only-binary=:all:",
            "--platform",
            PLATFORM,
            "--python-version",
            python_version,
            "--implementation",
            "cp",
            "--find-links",
            str(wheels),
            "--dest",
            str(wheels),
            *requirements,
        ],
        python_version,
    )
    if result.returncode != 0:
        raise WorkbookError(
            f"de wheels voor Python {python_version} op 64-bit Windows konden niet gedownload "
            f"worden. Melding van pip: {last_error(result)}"
        )


def _packaging():
    try:
        from packaging import markers, requirements, tags, utils
    except ImportError:  # pip carries its own copy
        from pip._vendor.packaging import markers, requirements, tags, utils
    return argparse.Namespace(markers=markers, requirements=requirements, tags=tags, utils=utils)


def wheel_requirements(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        name = next(
            item for item in archive.namelist() if item.count("/") == 1 and item.endswith(".dist-info/METADATA")
        )
        metadata = email.parser.Parser().parsestr(archive.read(name).decode("utf-8"))
    return metadata.get_all("Requires-Dist") or []


def unmet_requirements(wheels: Path, python_version: str, root: str = "planrapport") -> list[str]:
    """The requirements, from `root` down, that no wheel in `wheels` meets for 64-bit CPython `python_version`
    on Windows (markers evaluated for Windows); empty when an offline install there can resolve."""
    packaging = _packaging()
    major, minor = (int(part) for part in python_version.split("."))
    supported = set(packaging.tags.cpython_tags((major, minor), platforms=[PLATFORM]))
    supported |= set(packaging.tags.compatible_tags((major, minor), f"cp{major}{minor}", platforms=[PLATFORM]))
    available: dict[str, list[tuple[object, Path]]] = {}
    for wheel in wheels.glob("*.whl"):
        name, version, _build, tags = packaging.utils.parse_wheel_filename(wheel.name)
        if supported & set(tags):
            available.setdefault(name, []).append((version, wheel))
    environment = windows_environment(python_version)
    missing: list[str] = []
    seen: set[tuple[str, str]] = set()
    queue = [(f"{root}", "")]
    while queue:
        text, extra = queue.pop()
        requirement = packaging.requirements.Requirement(text)
        if requirement.marker and not requirement.marker.evaluate({**environment, "extra": extra}):
            continue
        name = packaging.utils.canonicalize_name(requirement.name)
        matches = sorted(
            (item for item in available.get(name, []) if requirement.specifier.contains(item[0], prereleases=True)),
            key=lambda item: item[0],
        )
        if not matches:
            missing.append(str(requirement))
            continue
        wheel = matches[-1][1]
        for wanted in [""] + sorted(requirement.extras):
            if (wheel.name, wanted) not in seen:
                seen.add((wheel.name, wanted))
                queue.extend((dependency, wanted) for dependency in wheel_requirements(wheel))
    return sorted(set(missing))


def write_bundle(target: Path, name: str, source: Path, wheels: Path) -> None:
    with zipfile.ZipFile(target, "w") as archive:
        archive.write(source / "install-windows.ps1", f"{name}/install-windows.ps1", zipfile.ZIP_DEFLATED)
        archive.write(source / "README.md", f"{name}/README.md", zipfile.ZIP_DEFLATED)
        for document in sorted((source / "docs").glob("*.md")):
            archive.write(document, f"{name}/docs/{document.name}", zipfile.ZIP_DEFLATED)
        for wheel in sorted(wheels.glob("*.whl")):  # already compressed
            archive.write(wheel, f"{name}/{WHEELS}/{wheel.name}", zipfile.ZIP_STORED)


def wheels_in(bundle: Path) -> list[str]:
    with zipfile.ZipFile(bundle) as archive:
        return [item for item in archive.namelist() if item.endswith(".whl")]
