"""Odd and broken workbooks: a clear Dutch message, never a traceback or a hang, and the file untouched."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES

KAPOT = FIXTURES / "kapot"
VALID = FIXTURES / "validatie" / "geldig.xlsx"
AGAIN = "Neem een reservekopie of bewaar het opnieuw in Excel."
NOT_EXCEL = (
    "dit is geen Excel-werkboek (.xlsx of .xlsm), of het bestand is beschadigd. Bewaar het in Excel als "
    "Excel-werkmap (.xlsx)."
)


def check(path: Path, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "planrapport.cli", "controleer", str(path)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def copy(name: str, folder: Path) -> Path:
    target = folder / name
    shutil.copyfile(KAPOT / name, target)
    return target


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "ontbrekend-deel.xlsx",
            f"het werkboek is onvolledig: het blad 'Resultaten' ontbreekt in het bestand. {AGAIN}",
        ),
        ("willekeurig.xlsx", NOT_EXCEL),
        ("csv-hernoemd.xlsx", NOT_EXCEL),
        ("rekenblad.ods", "dit is een OpenDocument-rekenblad (.ods). Bewaar het als Excel-werkmap (.xlsx)."),
        (
            "zonder-berekening.xlsx",
            "de formule in Begroting!F4 heeft nog geen berekende waarde (het werkboek werd door "
            "een programma gemaakt en nooit berekend). Open het in Excel of LibreOffice en bewaar "
            "het opnieuw.",
        ),
    ],
)
def test_broken_files_get_one_message_and_exit_1(tmp_path, name, message):
    path = copy(name, tmp_path)
    before = path.read_bytes()
    done = check(path)
    assert (done.returncode, done.stdout, done.stderr) == (1, "", f"planrapport: {name}: {message}\n")
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("libreoffice.xlsx", ["libreoffice.xlsx: geen fouten of waarschuwingen (rapportjaar 2023)."]),
        ("samengevoegd.xlsx", ["samengevoegd.xlsx: geen fouten of waarschuwingen (rapportjaar 2023)."]),
        ("verborgen.xlsx", ["verborgen.xlsx: geen fouten of waarschuwingen (rapportjaar 2023)."]),
        ("emoji.xlsx", ["emoji.xlsx: geen fouten of waarschuwingen (rapportjaar 2023)."]),
    ],
)
def test_odd_but_sound_workbooks_are_read(tmp_path, name, lines):
    path = copy(name, tmp_path)
    done = check(path)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == lines


@pytest.mark.parametrize(
    ("name", "code", "codes"),
    [
        ("foutwaarden.xlsx", 1, [("Acties!C5", "formulefout"), ("Metingen!C5", "formulefout")]),
        ("datums.xlsx", 1, [("Acties!B5", "onbekende-timing")]),
        ("lange-tekst.xlsx", 0, [("Acties!D4", "te-lange-tekst"), ("Opvolging!D4", "te-lange-tekst")]),
    ],
)
def test_odd_values_are_reported_at_their_cell(tmp_path, name, code, codes):
    path = copy(name, tmp_path)
    done = check(path)
    assert (done.returncode, done.stderr) == (code, "")
    found = [(line.split()[0], line.split()[2]) for line in done.stdout.splitlines()[:-1]]
    assert found == codes


def test_hidden_rows_still_count(tmp_path):
    from workbook.reading.reader import read_plan

    assert [a.code for a in read_plan(copy("verborgen.xlsx", tmp_path)).actions] == ["1.1.1.1", "1.1.1.2"]


def test_emoji_and_right_to_left_text_come_back_as_typed(tmp_path):
    from workbook.reading.reader import read_plan

    plan = read_plan(copy("emoji.xlsx", tmp_path))
    assert plan.actions[0].title == "Onthaalgesprekken 🤝 met nieuwkomers — مرحبا بكم — ברוכים הבאים"


def test_a_zip_bomb_is_refused_without_unpacking_it(tmp_path):
    bomb = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(VALID) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info, source.read(info.filename))
        with out.open("xl/worksheets/opvulling.xml", "w") as padding:
            block = b" " * (1 << 24)
            for _ in range(32):  # 512 MiB of spaces, a few hundred kB packed
                padding.write(block)
    done = check(bomb)
    assert done.returncode == 1
    assert done.stderr == (
        "planrapport: bom.xlsx: het werkboek is uitgepakt groter dan 500 MB. Dat is geen gewoon "
        "beleidsplan; controleer of het het juiste bestand is.\n"
    )


@pytest.mark.slow
def test_a_million_formatted_empty_rows_do_not_hang(tmp_path):
    """Such a sheet is streamed; the plan above it is read as usual."""
    path = tmp_path / "miljoen.xlsx"
    rows = "".join(f'<row r="{n}"><c r="A{n}" s="1"/><c r="B{n}" s="1"/></row>' for n in range(100, 1_000_100))
    with zipfile.ZipFile(VALID) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet4.xml":
                text = data.decode()
                text = text.replace("</sheetData>", rows + "</sheetData>", 1)
                data = text.encode()
            out.writestr(info, data)
    done = check(path, timeout=300)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "miljoen.xlsx: geen fouten of waarschuwingen (rapportjaar 2023).\n"
