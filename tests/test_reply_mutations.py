"""Every way a colleague can change a returned file: the merge is what they meant, or the output names it."""

import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from conftest import DENDERLEEUW, WAREGEM, soffice
from openpyxl import load_workbook

from workbook.cycle.collect import gather
from workbook.cycle.collected import Collected
from workbook.cycle.new_year import open_year
from workbook.cycle.requests import ask, write_requests
from workbook.reading.reader import read_plan

EXAMPLES = {"waregem": (WAREGEM, 2013), "denderleeuw": (DENDERLEEUW, 2024)}
FIRST = 4  # the first data row of a trekker's sheets
STATUS, PROGRESS, TIME, MONEY = 3, 4, 6, 8  # columns of sheet Opvolging in a trekker's file
VALUE, SHARE, SOURCE = 3, 4, 5  # columns of sheet Metingen


def _fill(path: Path) -> None:
    """What the colleague means: every follow-up row and measurement answered."""
    book = load_workbook(path)
    sheet = book["Opvolging"]
    for number in range(FIRST, sheet.max_row + 1):
        code = sheet.cell(number, 1).value
        sheet.cell(number, STATUS).value = "Afgerond" if number % 2 else "In uitvoering"
        sheet.cell(number, PROGRESS).value = f"Stand van {code}."
        sheet.cell(number, TIME).value = "Op schema"
        sheet.cell(number, MONEY).value = f"Binnen het budget van {code}."
    if "Metingen" in book.sheetnames:
        sheet = book["Metingen"]
        for number in range(FIRST, sheet.max_row + 1):
            sheet.cell(number, VALUE).value = 12.5 + number
            sheet.cell(number, SOURCE).value = f"Telling {number}"
    book.save(path)


def _sheet_rows(book, name):
    sheet = book[name]
    return sheet, list(range(FIRST, sheet.max_row + 1))


def numbers_as_dutch_text(book):
    if "Metingen" in book.sheetnames:
        sheet, rows = _sheet_rows(book, "Metingen")
        for number in rows:
            sheet.cell(number, VALUE).value = f"{sheet.cell(number, VALUE).value:.1f}".replace(".", ",")


def words_in_other_case(book):
    sheet, rows = _sheet_rows(book, "Opvolging")
    for number in rows:
        sheet.cell(number, STATUS).value = f"  {str(sheet.cell(number, STATUS).value).upper()} "


def rows_reversed(book):
    sheet, rows = _sheet_rows(book, "Opvolging")
    values = [[sheet.cell(n, c).value for c in range(1, 10)] for n in rows]
    for number, row in zip(rows, reversed(values), strict=True):
        for column, value in enumerate(row, start=1):
            sheet.cell(number, column).value = value


def blank_row_inserted(book):
    book["Opvolging"].insert_rows(FIRST)


def columns_swapped(book):
    sheet, rows = _sheet_rows(book, "Opvolging")
    for number in [3, *rows]:
        a, b = sheet.cell(number, STATUS), sheet.cell(number, PROGRESS)
        a.value, b.value = b.value, a.value


def extra_sheet_and_column(book):
    book.create_sheet("Mijn notities")["A1"] = "Nog na te vragen bij de schepen."
    sheet, rows = _sheet_rows(book, "Opvolging")
    sheet.cell(3, 12).value = "Opmerking voor de dienst"
    for number in rows:
        sheet.cell(number, 12).value = "Zie mail."


def row_duplicated_same(book):
    sheet, rows = _sheet_rows(book, "Opvolging")
    last = rows[-1] + 1
    for column in range(1, 10):
        sheet.cell(last, column).value = sheet.cell(FIRST, column).value


MEANING_KEPT = [
    numbers_as_dutch_text,
    words_in_other_case,
    rows_reversed,
    blank_row_inserted,
    columns_swapped,
    extra_sheet_and_column,
    row_duplicated_same,
]


def _cases():
    return [
        pytest.param(example, mutation, id=f"{example}-{mutation.__name__}")
        for example in EXAMPLES
        for mutation in MEANING_KEPT
    ]


@pytest.fixture(scope="module")
def asked(tmp_path_factory):
    """Per example: the workbook's plan after nieuw-jaar and uitvragen, and each trekker's file filled."""
    made = {}
    for example, (source, year) in EXAMPLES.items():
        folder = tmp_path_factory.mktemp(example)
        path = folder / "plan.xlsx"
        shutil.copyfile(source, path)
        write_requests(read_plan(path), year - 1, folder / "vorig jaar")
        open_year(path, year)
        planned, _ = ask(path, read_plan(path), year, folder / "uit")
        for item in planned:
            _fill(item.path)
        made[example] = (read_plan(path), year, [item.path for item in planned], folder)
    return made


def _alone(file: Path, tmp: Path, name: str | None = None) -> Path:
    folder = tmp / "terug"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(file, folder / (name or file.name))
    return folder


def _meant(plan, year, file, tmp) -> Collected:
    return gather(plan, _alone(file, tmp / "zoals bedoeld"), year)


@pytest.mark.parametrize(("example", "mutation"), _cases())
def test_a_change_that_keeps_the_meaning_merges_the_same(asked, example, mutation, tmp_path):
    plan, year, files, _ = asked[example]
    for file in files:
        meant = _meant(plan, year, file, tmp_path / file.stem)
        target = tmp_path / file.stem / "gewijzigd" / file.name
        target.parent.mkdir(parents=True)
        book = load_workbook(file)
        mutation(book)
        book.save(target)
        got = gather(plan, target.parent, year)
        assert got.changes == meant.changes, file.name
        assert (got.refusals, got.clashes) == (meant.refusals, meant.clashes), file.name


@pytest.mark.parametrize("example", EXAMPLES)
def test_a_renamed_file_and_one_saved_by_libreoffice_merge_the_same(asked, example, tmp_path):
    plan, year, files, _ = asked[example]
    file = max(files, key=lambda f: f.stat().st_size)
    meant = _meant(plan, year, file, tmp_path)
    assert gather(plan, _alone(file, tmp_path / "hernoemd", "antwoord van Jan.xlsx"), year).changes == meant.changes
    out = tmp_path / "lo"
    subprocess.run(
        [
            soffice(),
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(file),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert gather(plan, out, year).changes == meant.changes


def _named(result: Collected, file: str, sheet: str, row: int, code: str) -> bool:
    lines = [*result.refusals, *(f"{c.cell} {c.code} {' '.join(w for _, w in c.answers)}" for c in result.clashes)]
    return any(file in line and f"{sheet}!" in line and f"{row}" in line and code in line for line in lines)


@pytest.mark.parametrize("example", EXAMPLES)
def test_a_row_deleted_loses_only_that_row(asked, example, tmp_path):
    plan, year, files, _ = asked[example]
    file = max(files, key=lambda f: f.stat().st_size)
    meant = _meant(plan, year, file, tmp_path)
    book = load_workbook(file)
    code = book["Opvolging"].cell(FIRST, 1).value
    book["Opvolging"].delete_rows(FIRST)
    target = tmp_path / "gewijzigd" / file.name
    target.parent.mkdir()
    book.save(target)
    got = gather(plan, target.parent, year)
    row = next(r for r in plan.follow_ups if (r.action_code, r.year) == (code, year)).origin.row
    assert got.changes == {k: v for k, v in meant.changes.items() if not (k[0] == "Opvolging" and k[1] == row)}


@pytest.mark.parametrize("change", ["code-van-een-ander", "onbekende-code", "ander-jaar", "andere-status"])
@pytest.mark.parametrize("example", EXAMPLES)
def test_a_row_changed_in_its_key_is_named_and_the_rest_merges(asked, example, change, tmp_path):
    plan, year, files, _ = asked[example]
    file = max(files, key=lambda f: f.stat().st_size)
    other = next(f for f in files if f != file)
    meant = _meant(plan, year, file, tmp_path)
    book = load_workbook(file)
    sheet = book["Opvolging"]
    code = sheet.cell(FIRST, 1).value
    if change == "code-van-een-ander":
        typed = load_workbook(other)["Opvolging"].cell(FIRST, 1).value
        sheet.cell(FIRST, 1).value = typed
    elif change == "onbekende-code":
        sheet.cell(FIRST, 1).value = typed = "X99"
    elif change == "ander-jaar":
        sheet.cell(FIRST, 2).value, typed = year - 1, code
    else:  # the same action twice, the second row with another answer
        number = sheet.max_row + 1
        for column in range(1, 10):
            sheet.cell(number, column).value = sheet.cell(FIRST, column).value
        sheet.cell(number, STATUS).value = "Stopgezet"
        typed = code
    target = tmp_path / "gewijzigd" / file.name
    target.parent.mkdir()
    book.save(target)
    got = gather(plan, target.parent, year)
    assert _named(got, file.name, "Opvolging", FIRST, typed), (got.refusals, got.clashes)
    row = next(r for r in plan.follow_ups if (r.action_code, r.year) == (code, year)).origin.row
    rest = {k: v for k, v in meant.changes.items() if not (k[0] == "Opvolging" and k[1] == row)}
    assert {k: v for k, v in got.changes.items() if not (k[0] == "Opvolging" and k[1] == row)} == rest
    if change == "andere-status":
        assert not any(k[0] == "Opvolging" and k[1] == row and k[2] == "C" for k in got.changes)


@pytest.mark.parametrize("example", EXAMPLES)
def test_last_years_file_and_another_plans_file_are_refused_by_name(asked, example, tmp_path):
    plan, year, files, folder = asked[example]
    other_example = next(e for e in EXAMPLES if e != example)
    last_year = sorted((folder / "vorig jaar").iterdir())[0]
    foreign = asked[other_example][2][0]
    target = tmp_path / "terug"
    target.mkdir()
    shutil.copyfile(last_year, target / "antwoord.xlsx")
    shutil.copyfile(foreign, target / "ander plan.xlsx")
    got = gather(plan, target, year)
    assert not got.changes
    assert [r.split(":")[0] for r in got.refusals] == ["ander plan.xlsx", "antwoord.xlsx"]


def test_a_date_typed_in_a_text_cell_arrives_as_the_text_excel_showed(asked, tmp_path):
    plan, year, files, _ = asked["denderleeuw"]
    file = files[0]
    book = load_workbook(file)
    book["Opvolging"].cell(FIRST, PROGRESS).value = datetime(2024, 3, 1)
    target = tmp_path / "terug" / file.name
    target.parent.mkdir()
    book.save(target)
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(plan.source, path)
    from workbook.cycle.collect import collect

    collect(path, target.parent, year)
    code = book["Opvolging"].cell(FIRST, 1).value
    row = next(r for r in read_plan(path).follow_ups if (r.action_code, r.year) == (code, year))
    assert row.progress == "01/03/2024"
