"""Damaged and hostile returned files: refused by name, the other answers merged, the workbook unharmed."""

from __future__ import annotations

import io
import random
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import WAREGEM
from openpyxl import load_workbook

from workbook.cycle.collect import collect
from workbook.cycle.new_year import open_year
from workbook.cycle.requests import write_requests
from workbook.cycle.returns import read_returned
from workbook.reading.reader import read_plan
from workbook.spreadsheet.loading import MAX_UNCOMPRESSED
from workbook.spreadsheet.package import Package

YEAR = 2013
HOSTILE = "antwoord.xlsx"
MEMORY_LIMIT_MB = 400


def _path(item: object) -> Path:
    return item.path if hasattr(item, "path") else item[1]


def _fill(path: Path, text: str, target: Path | None = None) -> None:
    book = load_workbook(path)
    sheet = book["Opvolging"]
    for number in range(4, sheet.max_row + 1):
        sheet.cell(number, 3).value = "In uitvoering"
        sheet.cell(number, 4).value = text
    book.save(target or path)


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """The officer's workbook, two good answers and the real answer the hostile files are made of."""
    root = tmp_path_factory.mktemp("basis")
    path = root / "plan.xlsx"
    shutil.copyfile(WAREGEM, path)
    open_year(path, YEAR)
    written = [_path(w) for w in write_requests(read_plan(path), YEAR, root / "uit")]
    folder = root / "terug"
    folder.mkdir()
    _fill(written[0], "Antwoord van de eerste.", folder / "eerste.xlsx")
    _fill(written[1], "Antwoord van de tweede.", folder / "tweede.xlsx")
    _fill(written[2], "REUZE", root / "echt.xlsx")
    return root


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _sheet_part(path: Path, name: str) -> str:
    return next(s.part for s in Package(path).sheets() if s.name == name)


def _with_sheet(real: Path, change: Callable[[bytes], bytes]) -> bytes:
    parts = _parts(real.read_bytes())
    part = _sheet_part(real, "Opvolging")
    parts[part] = change(parts[part])
    return _zip(parts)


def _added_row(xml: bytes, row: bytes) -> bytes:
    return xml.replace(b"</sheetData>", row + b"</sheetData>")


def _with_doctype(xml: bytes, doctype: bytes, cell: bytes) -> bytes:
    head, _, rest = xml.partition(b"?>") if xml.startswith(b"<?xml") else (b"", b"", xml)
    xml = head + b"?>" + doctype + rest if head else doctype + rest
    return _added_row(xml, b'<row r="60"><c r="D60" t="inlineStr"><is><t>' + cell + b"</t></is></c></row>")


LAUGHS = (
    b'<!DOCTYPE worksheet [<!ENTITY lol0 "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (n, b"".join(b"&lol%d;" % (n - 1) for _ in range(10))) for n in range(1, 10))
    + b"]>"
)


def _far_cell(xml: bytes) -> bytes:
    xml = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:I1048576"', xml)
    return _added_row(xml, b'<row r="1048576"><c r="I1048576" t="inlineStr"><is><t>ver</t></is></c></row>')


def _nested(xml: bytes) -> bytes:
    return _added_row(xml, b'<row r="61"><c r="D61">' + b"<x>" * 300 + b"</x>" * 300 + b"</c></row>")


def _write_huge_string(real: Path, target: Path, size: int = 520 * 1024 * 1024) -> None:
    """The real answer with one cell of `size` characters, streamed into the zip (never on disk whole)."""
    parts = _parts(real.read_bytes())
    part = _sheet_part(real, "Opvolging")
    before, after = parts[part].split(b"REUZE", 1)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            if name != part:
                archive.writestr(name, data)
                continue
            with archive.open(name, "w", force_zip64=True) as handle:
                handle.write(before)
                chunk = b"a" * (1024 * 1024)
                for _ in range(size // len(chunk)):
                    handle.write(chunk)
                handle.write(after)


CASES: dict[str, Callable[[Path], bytes]] = {
    "afgekapt": lambda real: real.read_bytes()[: len(real.read_bytes()) // 2],
    "nul bytes": lambda real: b"",
    "willekeurige bytes": lambda real: random.Random(1).randbytes(20_000),
    "blad half geschreven": lambda real: _with_sheet(real, lambda xml: xml[: len(xml) // 2]),
    "latin-1 in het blad": lambda real: _with_sheet(
        real,
        lambda xml: _added_row(
            xml, '<row r="60"><c r="D60" t="inlineStr"><is><t>café</t></is></c></row>'.encode("latin-1")
        ),
    ),
    "billion laughs": lambda real: _with_sheet(real, lambda xml: _with_doctype(xml, LAUGHS, b"&lol9;")),
    "externe entiteit": lambda real: _with_sheet(
        real,
        lambda xml: _with_doctype(xml, b'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>', b"&xxe;"),
    ),
    "cel I1048576": lambda real: _with_sheet(real, _far_cell),
    "cel van 40.000 tekens": lambda real: _with_sheet(real, lambda xml: xml.replace(b"REUZE", b"a" * 40_000)),
}


def _check(root: Path, tmp_path: Path, write: Callable[[Path], None], strict: bool = True) -> list[str]:
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(root / "plan.xlsx", path)
    folder = tmp_path / "terug"
    shutil.copytree(root / "terug", folder)
    write(folder)
    result = collect(path, folder)
    plan = read_plan(path)
    texts = {r.progress for r in plan.follow_ups if r.year == YEAR}
    assert {"Antwoord van de eerste.", "Antwoord van de tweede."} <= texts
    assert {a.file for a in result.answers} >= {"eerste.xlsx", "tweede.xlsx"}
    with zipfile.ZipFile(path) as archive:
        assert sum(i.file_size for i in archive.infolist()) < MAX_UNCOMPRESSED
    hostile = [r for r in result.refusals if r.startswith(f"{HOSTILE}: ")]
    print(*hostile)
    if strict:
        assert len(hostile) == 1, result.refusals
        assert "Error" not in hostile[0] and "onverwacht" not in hostile[0]
    return hostile


@pytest.mark.parametrize("case", list(CASES))
def test_a_hostile_answer_is_refused_by_name_and_the_others_are_merged(base, tmp_path, case):
    data = CASES[case](base / "echt.xlsx")
    _check(base, tmp_path, lambda folder: (folder / HOSTILE).write_bytes(data))


def test_a_deeply_nested_sheet_is_read_or_refused_never_a_crash(base, tmp_path):
    data = _with_sheet(base / "echt.xlsx", _nested)
    hostile = _check(base, tmp_path, lambda folder: (folder / HOSTILE).write_bytes(data), strict=False)
    if not hostile:
        assert "REUZE" in {r.progress for r in read_plan(tmp_path / "plan.xlsx").follow_ups}


def test_an_answer_of_520_mb_is_refused_and_nothing_of_it_is_written(base, tmp_path):
    hostile = _check(base, tmp_path, lambda folder: _write_huge_string(base / "echt.xlsx", folder / HOSTILE))
    assert "20 MB" in hostile[0]


def test_random_byte_flips_of_a_real_answer_never_stop_the_others(base, tmp_path):
    real = (base / "echt.xlsx").read_bytes()
    generator = random.Random(2024)

    def write(folder: Path) -> None:
        for number in range(50):
            data = bytearray(real)
            for _ in range(generator.randint(1, 4)):
                data[generator.randrange(len(data))] ^= 1 << generator.randrange(8)
            (folder / f"geflipt {number:02}.xlsx").write_bytes(bytes(data))

    _check(base, tmp_path, write, strict=False)
    for number in range(50):
        returned = read_returned(tmp_path / "terug" / f"geflipt {number:02}.xlsx")
        assert returned.problem or returned.rows


# VmHWM: this process's own peak (ru_maxrss would keep the peak of the test process it was started from).
_MEASURE = """
import sys
from workbook.cycle.collect import collect
result = collect(sys.argv[1], sys.argv[2], write=False)
assert any(r.startswith("antwoord.xlsx: ") for r in result.refusals), result.refusals
print(int(next(line for line in open("/proc/self/status") if line.startswith("VmHWM:")).split()[1]) // 1024)
"""


@pytest.mark.parametrize("case", ["cel I1048576", "520 MB"])
def test_reading_a_huge_answer_stays_small_in_memory(base, tmp_path, case):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(base / "plan.xlsx", path)
    folder = tmp_path / "terug"
    shutil.copytree(base / "terug", folder)
    if case == "520 MB":
        _write_huge_string(base / "echt.xlsx", folder / HOSTILE)
    else:
        (folder / HOSTILE).write_bytes(CASES[case](base / "echt.xlsx"))
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path), str(folder)],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    peak = int(done.stdout.split()[-1])
    print(f"{case}: piekgeheugen {peak} MB")
    assert peak < MEMORY_LIMIT_MB
