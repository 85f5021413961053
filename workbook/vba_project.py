"""Build xl/vbaProject.bin with LibreOffice: xlwings' standalone project with our modules (run by a Python with uno)."""

# This file runs under the Python that has LibreOffice's uno bridge (Debian: python3-uno), not the
# project's Python: it imports nothing from the project and only the standard library besides uno.
# workbook/build_xlsm.py starts it; see `python -m workbook.build_xlsm --help`.

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

XLSM_FILTER = "Calc MS Excel 2007 VBA XML"
NORMAL_MODULE = 1  # com.sun.star.script.ModuleType.NORMAL
DOCUMENT_MODULE = 4  # com.sun.star.script.ModuleType.DOCUMENT
STARTUP_SECONDS = 120


def module_source(path: Path) -> tuple[str, str]:
    """The module name (from its VB_Name attribute, else the file name) and its code without Attribute lines."""
    text = path.read_bytes().decode("cp1252").replace("\r\n", "\n")
    name = path.stem
    lines = []
    for line in text.split("\n"):
        if line.startswith("Attribute VB_Name = "):
            name = line.split("=", 1)[1].strip().strip('"')
        elif not line.startswith("Attribute "):
            lines.append(line)
    return name, "\n".join(lines)


def _property(name: str, value: object):
    from com.sun.star.beans import PropertyValue

    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _connect(pipe: str):
    import uno

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            if time.monotonic() > deadline:
                raise SystemExit("LibreOffice started but did not answer; is soffice installed and working?") from None
            time.sleep(0.3)


def rebuild_project(quickstart: Path, modules: list[Path], work: Path) -> bytes:
    """Open xlwings' standalone quickstart workbook, keep its document modules, put in exactly `modules`."""
    import uno  # noqa: F401  (makes the com.sun.star modules importable)
    from com.sun.star.script import ModuleInfo

    source = work / "quickstart.xlsm"
    shutil.copyfile(quickstart, source)  # LibreOffice leaves lock files beside what it opens
    target = work / "built.xlsm"
    pipe = f"planrapport-vba-{os.getpid()}"
    office = subprocess.Popen(
        [shutil.which("soffice") or "soffice", "--headless", "--norestore", "--nologo",
         f"-env:UserInstallation={(work / 'profile').as_uri()}", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        context = _connect(pipe)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(source.as_uri(), "_blank", 0, (_property("Hidden", True),))
        if document is None:
            raise SystemExit(f"LibreOffice could not open {quickstart}")
        libraries = document.BasicLibraries
        library = libraries.getByName(libraries.ProjectName)
        wanted = dict(module_source(path) for path in modules)
        for name in library.getElementNames():
            if library.getModuleInfo(name).ModuleType != DOCUMENT_MODULE:
                library.removeByName(name)
                if library.hasModuleInfo(name):
                    library.removeModuleInfo(name)
        for name, code in wanted.items():
            info = ModuleInfo()
            info.ModuleType = NORMAL_MODULE
            library.insertModuleInfo(name, info)
            library.insertByName(name, code)
        document.storeToURL(target.as_uri(), (_property("FilterName", XLSM_FILTER),))
        document.close(True)
    finally:
        try:
            os.killpg(office.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        office.wait(30)
    with zipfile.ZipFile(target) as archive:
        return archive.read("xl/vbaProject.bin")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quickstart", type=Path, required=True, help="xlwings/quickstart_standalone.xlsm")
    parser.add_argument("--out", type=Path, required=True, help="where vbaProject.bin goes")
    parser.add_argument("modules", type=Path, nargs="+", help=".bas files to put in the project")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="planrapport-vba-") as work:
        data = rebuild_project(args.quickstart, args.modules, Path(work))
    args.out.write_bytes(data)
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
