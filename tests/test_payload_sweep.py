"""Formula payloads typed as text in every field of both examples stay text in every file planrapport writes."""

from __future__ import annotations

import io
import itertools
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DENDERLEEUW, WAREGEM
from lxml import etree
from openpyxl import load_workbook

from planrapport.cli import main
from reporting.validation import validate
from workbook.reading.reader import read_plan
from workbook.spreadsheet.package import Package
from workbook.spreadsheet.rows import TableSheet

PAYLOADS = (
    "=cmd|' /C calc'!A0",
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(A1)",
    "\t=1",
    '=HYPERLINK("http://x","y")',
    'DDE("cmd";"/C calc";"x")',
)
# Sheet -> the text columns that get a payload in every row (in turn, so each payload lands in each column).
TEXT_COLUMNS = {
    "Doelstellingen": ("Titel", "Motivering"),
    "Resultaten": ("Resultaat",),
    "Acties": ("Actie", "Omschrijving", "Trekker"),
    "Opvolging": ("Stand van zaken",),
    "Indicatoren": ("Indicator",),
    "Begroting": ("Omschrijving",),
}
SETTINGS = {"Gemeente": PAYLOADS[0], "Titel van het plan": PAYLOADS[6]}
# List words of sheet Lijsten replaced by a payload there and in every cell that uses them.
WORDS = {"Status": ("In uitvoering", PAYLOADS[0]), "Tijd": ("Op schema", PAYLOADS[1]), "Kleur": ("groen", PAYLOADS[4])}
_TABLES = {
    "Doelstellingen": "tblDoelstellingen",
    "Resultaten": "tblResultaten",
    "Acties": "tblActies",
    "Opvolging": "tblOpvolging",
    "Indicatoren": "tblIndicatoren",
    "Begroting": "tblBegroting",
    "Instellingen": "tblInstellingen",
    "Lijsten": "tblLijsten",
}
_LOCAL = re.compile(r"^\{[^}]*\}")
_INSTR = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}instr"
_LITERAL = re.compile(r'"(?:[^"]|"")*"')


def _poison(source: Path, target: Path) -> None:
    """Write the payloads as text cells (inline strings) into a copy of `source`, every other part unchanged."""
    values = load_workbook(source, read_only=True, data_only=True)
    rows = {title: [list(r) for r in values[title].iter_rows(values_only=True)] for title in _TABLES}
    words = {old: new for old, new in WORDS.values()}
    payloads = itertools.cycle(PAYLOADS)
    package = Package(source)
    for title, table in _TABLES.items():
        sheet = TableSheet(package, title, table)
        header = rows[title][sheet.header_row - 1]
        for number in range(sheet.header_row + 1, len(rows[title]) + 1):
            row = rows[title][number - 1]
            for index, value in enumerate(row, start=1):
                name = header[index - 1] if index <= len(header) else None
                if title == "Instellingen" and index == 2 and row[0] in SETTINGS:
                    sheet.set_value(number, index, SETTINGS[row[0]])
                elif title == "Lijsten" and name in WORDS and value == WORDS[name][0]:
                    sheet.set_value(number, index, WORDS[name][1])
                elif name in TEXT_COLUMNS.get(title, ()) and value:
                    sheet.set_value(number, index, next(payloads))
                elif title not in ("Lijsten", "Instellingen") and value in words:
                    sheet.set_value(number, index, words[value])
        sheet.save()
    package.write(target)


def _answer(path: Path) -> None:
    """A trekker's answer: a payload as the stand van zaken of every row of this year."""
    book = load_workbook(path)
    sheet = book["Opvolging"]
    column = next(c.column for c in sheet[3] if c.value == "Stand van zaken")
    for number, payload in zip(range(4, sheet.max_row + 1), itertools.cycle(PAYLOADS), strict=False):
        cell = sheet.cell(number, column)
        cell.value, cell.data_type = payload, "s"
    book.save(path)


def _parts(path: Path, data: bytes | None = None) -> Iterator[tuple[str, bytes]]:
    """Every part of an Office file, and of every workbook embedded in it."""
    with zipfile.ZipFile(io.BytesIO(data) if data is not None else path) as archive:
        for name in archive.namelist():
            content = archive.read(name)
            yield f"{path.name}:{name}", content
            if name.endswith((".xlsx", ".xlsm")):
                yield from _parts(Path(f"{path.name}:{name}"), content)


def _sweep(folder: Path) -> tuple[list[str], set[str], list[Path]]:
    """The formulas that hold a payload, the payloads found as text, and the files looked at."""
    formulas: list[str] = []
    texts: set[str] = set()
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".xlsx", ".xlsm", ".docx"))
    for path in files:
        for name, content in _parts(path):
            assert "externalLink" not in name and "ddeLink" not in name.lower(), name
            if not name.endswith((".xml", ".rels")):
                continue
            root = etree.fromstring(content)
            for element in root.iter():
                if not isinstance(element.tag, str):
                    continue
                local = _LOCAL.sub("", element.tag)
                assert local not in ("ddeLink", "externalLink", "oleLink"), name
                text = element.text or ""
                if local == "f" and any(p.lstrip("=") in text for p in PAYLOADS):
                    formulas.append(f"{name}: {text}")
                elif local == "formula" and not _LITERAL.fullmatch(text) and any(p in text for p in PAYLOADS):
                    formulas.append(f"{name}: {text}")  # a rule of a drop-down or of conditional formatting
                elif local in ("t", "v") and text in PAYLOADS:
                    texts.add(text)
                instruction = text if local == "instrText" else element.get(_INSTR, "") if local == "fldSimple" else ""
                assert "DDE" not in instruction.upper() and "cmd" not in instruction, (name, instruction)  # Word fields
                for value in element.attrib.values():  # a hyperlink or a target made of a payload
                    assert not value.startswith(("cmd|", "=cmd")), (name, value)
    return formulas, texts, files


@pytest.mark.parametrize("example", [WAREGEM, DENDERLEEUW], ids=["waregem", "denderleeuw"])
def test_formula_payloads_stay_text_in_every_written_file(tmp_path, example, capsys):
    plan = tmp_path / "plan.xlsx"
    _poison(example, plan)
    out = tmp_path / "uit"
    year = next(
        row[1]
        for row in load_workbook(plan, read_only=True)["Instellingen"].iter_rows(values_only=True)
        if row[0] == "Rapportjaar"
    )
    warned = {i.cell for i in validate(read_plan(plan)).issues if i.code == "tekst-als-formule"}
    assert {"Instellingen!B4", "Instellingen!B5"} <= warned and sum(c.startswith("Lijsten!") for c in warned) == 3
    assert main(["controleer", str(plan), "--schrijf"]) == 0
    assert main(["trends", str(plan), "--schrijf"]) == 0
    assert main(["jaarrapport", str(plan), "--uit", str(out)]) == 0
    assert main(["beleidsplan", str(plan), "--uit", str(out)]) == 0
    assert main(["indienen", str(plan), "--jaar", str(year), "--uit", str(out)]) == 0
    assert main(["omzetten", str(plan)]) == 0
    assert main(["nieuw-jaar", str(plan), str(year + 1)]) == 0
    assert main(["uitvragen", str(plan), "--uit", str(tmp_path / "trekkers")]) == 0
    shutil.copytree(tmp_path / "trekkers", tmp_path / "terug")
    for returned in (tmp_path / "terug").glob("*.xlsx"):
        _answer(returned)
    assert main(["verzamelen", str(plan), str(tmp_path / "terug"), "--schrijf"]) == 0
    plan_document = next(out.glob("beleidsplan-*.docx"))
    assert main(["importeren", str(plan_document), str(tmp_path / "ingelezen.xlsx")]) == 0
    capsys.readouterr()
    formulas, texts, files = _sweep(tmp_path)
    assert formulas == []
    assert texts == set(PAYLOADS)
    written = {p.suffix for p in files}
    assert written == {".xlsx", ".xlsm", ".docx"}
    assert any("word/embeddings/" in name for path in files if path.suffix == ".docx" for name, _ in _parts(path))


class _Recorder:
    """Whatever xlwings offers: every attribute, item and call gives a recorder; values written are kept."""

    def __init__(self, written: list[object], name: str = "Uitleg") -> None:
        object.__setattr__(self, "written", written)
        object.__setattr__(self, "name", name)

    def __getattr__(self, name: str) -> _Recorder:
        return _Recorder(self.written)

    def __setattr__(self, name: str, value: object) -> None:
        if name == "value":
            self.written.append(value)

    def __call__(self, *args: object, **kwargs: object) -> _Recorder:
        return _Recorder(self.written)

    def __getitem__(self, key: object) -> _Recorder:
        return _Recorder(self.written)

    def __iter__(self) -> Iterator[_Recorder]:
        return iter([_Recorder(self.written)])

    def __le__(self, other: object) -> bool:  # a table of the sheet is never where rows are added
        return False

    __lt__ = __ge__ = __gt__ = __le__


def _flat(value: object) -> Iterator[object]:
    if isinstance(value, list | tuple):
        for item in value:
            yield from _flat(item)
    else:
        yield value


def test_the_buttons_hand_every_text_to_excel_with_its_text_prefix():
    from planrapport.excel_book import ExcelBook
    from workbook.reading.live_book import SheetContent

    written: list[object] = []
    book = ExcelBook(_Recorder(written))
    rows = [["Controle"], ["Uitleg"], ["Cel", "Probleem"], *([p, 2023] for p in PAYLOADS)]
    book.write_sheet("Controle", SheetContent(rows=rows, links={(4, 1): "'Acties'!C5"}))
    book.set_values("Opvolging", {(4 + n, 3): p for n, p in enumerate(PAYLOADS)})
    book.append_rows("Opvolging", (20, 1), [[p, 2024] for p in PAYLOADS])
    book.write_record("Ingediend", [[2024, "Opvolging", p] for p in PAYLOADS])
    texts = [v for v in _flat(written) if isinstance(v, str)]
    assert all(t.startswith("'") for t in texts), texts
    assert {t[1:] for t in texts} >= set(PAYLOADS)
