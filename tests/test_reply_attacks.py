"""What a reply may change: only the rows its sender was sent, as recorded on the sheet Uitgevraagd."""

import shutil

import pytest
from conftest import DENDERLEEUW, WAREGEM
from openpyxl import load_workbook

from planrapport.cli import main
from workbook.cycle.collect import collect
from workbook.cycle.new_year import open_year
from workbook.cycle.request_book import IDENTITY_SHEET
from workbook.cycle.requests import ask, requests_for
from workbook.reading.reader import read_plan

YEAR = 2013


@pytest.fixture
def cycle(tmp_path):
    """The Waregem plan with 2013 opened and asked: (workbook, folder, {trekker: file}, {trekker: request})."""
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(WAREGEM, path)
    open_year(path, YEAR)
    planned, _ = ask(path, read_plan(path), YEAR, tmp_path / "terug")
    files = {p.request.who: p.path for p in planned}
    requests = {p.request.who: p.request for p in planned}
    return path, tmp_path / "terug", files, requests


def _rows(path):
    book = load_workbook(path)
    return book, book["Opvolging"]


def _follow_up(path, code):
    return next(r for r in read_plan(path).follow_ups if (r.action_code, r.year) == (code, YEAR))


def test_a_row_added_for_another_trekkers_action_is_refused_and_not_taken(cycle):
    path, folder, files, requests = cycle
    other = requests["Communicatiedienst"].action_codes[0]
    book, sheet = _rows(files["Integratiedienst"])
    last = sheet.max_row + 1
    sheet.cell(last, 1).value, sheet.cell(last, 2).value = other, YEAR
    sheet.cell(last, 3).value, sheet.cell(last, 4).value = "Afgerond", "Niet van ons, toch ingevuld."
    sheet.cell(4, 4).value = "Eigen antwoord."
    book.save(files["Integratiedienst"])
    result = collect(path, folder)
    assert (
        f"opvolging {YEAR} Integratiedienst.xlsx, Opvolging!A{last}: actie {other} in {YEAR} werd niet aan "
        "Integratiedienst gevraagd; de rij wordt niet overgenomen."
    ) in result.refusals
    assert _follow_up(path, other).progress == ""
    assert _follow_up(path, requests["Integratiedienst"].action_codes[0]).progress == "Eigen antwoord."


def test_an_own_code_typed_over_with_another_trekkers_code_is_refused(cycle):
    path, folder, files, requests = cycle
    other = requests["Jeugddienst"].action_codes[0]
    book, sheet = _rows(files["Cultuurdienst"])
    sheet.cell(4, 1).value = other
    sheet.cell(4, 4).value = "Typte de code van een ander."
    book.save(files["Cultuurdienst"])
    result = collect(path, folder)
    assert (
        f"opvolging {YEAR} Cultuurdienst.xlsx, Opvolging!A4: actie {other} in {YEAR} werd niet aan "
        "Cultuurdienst gevraagd; de rij wordt niet overgenomen."
    ) in result.refusals
    assert _follow_up(path, other).progress == ""


def test_two_rows_for_one_action_in_one_reply_are_shown_and_neither_is_taken(cycle, capsys):
    path, folder, files, requests = cycle
    code = requests["Integratiedienst"].action_codes[0]
    book, sheet = _rows(files["Integratiedienst"])
    last = sheet.max_row + 1
    sheet.cell(4, 3).value, sheet.cell(4, 4).value = "In uitvoering", "Eerste versie."
    sheet.cell(last, 1).value, sheet.cell(last, 2).value = code, YEAR
    sheet.cell(last, 3).value, sheet.cell(last, 4).value = "Afgerond", "Tweede versie."
    book.save(files["Integratiedienst"])
    assert main(["verzamelen", str(path), str(folder)]) == 0
    out = capsys.readouterr().out
    row = _follow_up(path, code)
    assert (row.status, row.progress) == ("", "")
    name = f"opvolging {YEAR} Integratiedienst.xlsx"
    assert (
        f"  Opvolging!C{row.origin.row} ({code}, Status): 'In uitvoering' in {name}, Opvolging!C4; 'Afgerond' "
        f"in {name}, Opvolging!C{last}. Kies zelf en vul de cel in."
    ) in out.splitlines()
    assert "Verschillende antwoorden voor dezelfde cel, niet overgenomen (2):" in out


def test_a_duplicated_row_with_the_same_answer_is_taken_once(cycle):
    path, folder, files, requests = cycle
    code = requests["Integratiedienst"].action_codes[0]
    book, sheet = _rows(files["Integratiedienst"])
    last = sheet.max_row + 1
    for number in (4, last):
        sheet.cell(number, 1).value, sheet.cell(number, 2).value = code, YEAR
        sheet.cell(number, 3).value, sheet.cell(number, 4).value = "Afgerond", "Klaar."
    book.save(files["Integratiedienst"])
    result = collect(path, folder)
    assert not result.clashes and (_follow_up(path, code).status, _follow_up(path, code).progress) == (
        "Afgerond",
        "Klaar.",
    )


@pytest.mark.parametrize(
    ("row", "column", "value", "reason"),
    [
        (
            5,
            2,
            "Jeugddienst",
            "verborgen blad planrapport: de trekker is gewijzigd in 'Jeugddienst' (het bestand werd "
            "uitgevraagd aan Cultuurdienst)",
        ),
        (
            10,
            4,
            "Afgerond",
            "verborgen blad planrapport, rij 10: de waarden zoals verstuurd (Opvolging, {code}) zijn gewijzigd",
        ),
    ],
)
def test_an_edited_hidden_sheet_makes_the_file_refused(cycle, row, column, value, reason):
    path, folder, files, requests = cycle
    book = load_workbook(files["Cultuurdienst"])
    book[IDENTITY_SHEET].cell(row, column).value = value
    book["Opvolging"].cell(4, 4).value = "Ingevuld."
    book.save(files["Cultuurdienst"])
    result = collect(path, folder)
    code = requests["Cultuurdienst"].action_codes[0]
    assert (
        f"opvolging {YEAR} Cultuurdienst.xlsx, {reason.format(code=code)}; het bestand wordt niet gelezen."
        in result.refusals
    )
    assert _follow_up(path, code).progress == ""
    assert "Cultuurdienst" in result.waiting


def test_a_file_with_an_unknown_fingerprint_is_refused(cycle):
    path, folder, files, _ = cycle
    book = load_workbook(files["Cultuurdienst"])
    book[IDENTITY_SHEET]["B7"] = "0123456789abcdef"
    book["Opvolging"].cell(4, 4).value = "Ingevuld."
    book.save(files["Cultuurdienst"])
    result = collect(path, folder)
    assert (
        f"opvolging {YEAR} Cultuurdienst.xlsx: dit bestand werd voor {YEAR} niet uit dit werkboek uitgevraagd "
        "(zijn kenmerk staat niet op het blad Uitgevraagd); het wordt niet gelezen. Stuur de trekker het bestand "
        "dat hij kreeg."
    ) in result.refusals


def test_two_filled_copies_of_one_file_clash_where_they_differ_and_merge_where_they_agree(cycle):
    path, folder, files, requests = cycle
    copy = folder / "kopie van collega.xlsx"
    shutil.copyfile(files["Cultuurdienst"], copy)
    for target, text in ((files["Cultuurdienst"], "Versie van Ann."), (copy, "Versie van Bart.")):
        book = load_workbook(target)
        book["Opvolging"].cell(4, 3).value = "Afgerond"
        book["Opvolging"].cell(4, 4).value = text
        book.save(target)
    result = collect(path, folder)
    code = requests["Cultuurdienst"].action_codes[0]
    assert [(c.code, c.header) for c in result.clashes] == [(code, "Stand van zaken")]
    assert {v for v, _ in result.clashes[0].answers} == {"Versie van Ann.", "Versie van Bart."}
    row = _follow_up(path, code)
    assert (row.status, row.progress) == ("Afgerond", "")


def test_two_replies_on_one_empty_cell_from_files_asked_before_the_record_are_a_clash(tmp_path):
    """Files asked before the record existed say themselves whom they are for: two of them on one cell clash."""
    from workbook.cycle.requests import write_requests

    path = tmp_path / "plan.xlsx"
    shutil.copyfile(WAREGEM, path)
    open_year(path, YEAR)
    planned = write_requests(read_plan(path), YEAR, tmp_path / "terug")
    first, second = planned[0].path, planned[1].path
    code = planned[0].request.action_codes[0]
    book = load_workbook(second)
    sheet = book["Opvolging"]
    sheet.cell(sheet.max_row + 1, 1).value = code
    sheet.cell(sheet.max_row, 2).value, sheet.cell(sheet.max_row, 4).value = YEAR, "Van de tweede."
    book.save(second)
    book = load_workbook(first)
    book["Opvolging"].cell(4, 4).value = "Van de eerste."
    book.save(first)
    result = collect(path, tmp_path / "terug")
    assert [c.code for c in result.clashes] == [code]
    assert {value for value, _ in result.clashes[0].answers} == {"Van de eerste.", "Van de tweede."}
    assert _follow_up(path, code).progress == ""
    assert result.remarks[0].startswith("Op het blad Uitgevraagd van plan.xlsx staat niet wat er voor 2013")


def test_trekker_names_that_make_the_same_file_name_get_files_of_their_own(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    book = load_workbook(path)
    sheet = book["Acties"]
    headers = {sheet.cell(3, c).value: c for c in range(1, sheet.max_column + 1)}
    long_name = "Dienst " + "zeer lange naam " * 16
    names = ["Jeugd/Sport", "Jeugd:Sport", "Jeugd Sport.", long_name]
    for number, name in zip(range(4, 8), names, strict=True):
        sheet.cell(number, headers["Trekker"]).value = name
    book.save(path)
    open_year(path, 2024)
    assert main(["uitvragen", str(path)]) == 0
    printed = capsys.readouterr().out
    folder = tmp_path / "opvolging 2024"
    made = sorted(p.name for p in folder.iterdir())
    assert {
        "opvolging 2024 Jeugd Sport.xlsx",
        "opvolging 2024 Jeugd Sport (2).xlsx",
        "opvolging 2024 Jeugd Sport (3).xlsx",
    } <= set(made)
    assert len(made) == len(requests_for(read_plan(path), 2024))
    assert "(naam ingekort)" in printed and all(len(name.encode()) <= 245 for name in made)
    for file in folder.iterdir():
        book = load_workbook(file)
        book["Opvolging"].cell(4, 4).value = f"Antwoord in {file.name}."
        book.save(file)
    result = collect(path, folder)
    assert not result.refusals and not result.waiting and not result.clashes
    answered = {r.progress for r in read_plan(path).follow_ups if r.year == 2024 and r.progress}
    assert answered == {f"Antwoord in {name}." for name in made}
