"""planrapport uitvragen: one small workbook per trekker, recognised by its hidden identity sheet."""

import shutil

from conftest import DENDERLEEUW
from openpyxl import load_workbook

from planrapport.cli import main
from workbook.cycle.new_year import open_year
from workbook.cycle.request_book import IDENTITY_SHEET
from workbook.cycle.requests import write_requests
from workbook.reading.reader import read_plan


def test_a_returned_file_says_which_plan_year_and_trekker_it_is_for(tmp_path):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    open_year(path, 2024)
    written = write_requests(read_plan(path), 2024, tmp_path / "uit")
    book = load_workbook(written[3].path)
    identity = book[IDENTITY_SHEET]
    assert identity.sheet_state == "hidden"
    assert [identity.cell(n, 2).value for n in range(1, 6)] == [
        "Uitvraag opvolging",
        "Denderleeuw",
        "Meerjarenplan 2020-2025: Werken aan samenleven in diversiteit",
        2024,
        "vzw PIN",
    ]
    assert book.sheetnames == ["Uitleg", "Uw acties", "Vorig jaar", "Opvolging", "Metingen", "Lijsten", IDENTITY_SHEET]
    follow = book["Opvolging"]
    assert follow.protection.sheet and follow["A4"].protection.locked and not follow["C4"].protection.locked
    assert [str(v.sqref) for v in follow.data_validations.dataValidation] == ["C4", "E4", "F4", "G4", "I4"]
    assert book["Uw acties"]["A4"].value == "A10911" and book["Uw acties"].protection.sheet


def test_the_command_prints_who_got_which_file_and_never_overwrites(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    open_year(path, 2024)
    assert main(["uitvragen", str(path)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[-2] == "Wat elke trekker kreeg, staat op het verborgen blad Uitgevraagd van plan.xlsx."
    assert printed[-1].startswith("Reservekopie van het werkboek: plan (reservekopie ")
    assert printed[:-2] == [
        f"Uitvraag opvolging 2024: 6 bestanden in {tmp_path / 'opvolging 2024'}",
        "  Personeelsdienst     opvolging 2024 Personeelsdienst.xlsx  (1 actie)",
        "  Dienst Vrije Tijd    opvolging 2024 Dienst Vrije Tijd.xlsx  (1 actie)",
        "  Dienst Burgerzaken   opvolging 2024 Dienst Burgerzaken.xlsx  (1 actie)",
        "  vzw PIN              opvolging 2024 vzw PIN.xlsx  (1 actie, 7 metingen)",
        "  Dienst Communicatie  opvolging 2024 Dienst Communicatie.xlsx  (1 actie)",
        "  zonder trekker       opvolging 2024 zonder trekker.xlsx  (1 actie)",
    ]
    assert main(["uitvragen", str(path)]) == 1
    assert capsys.readouterr().err.startswith("planrapport: plan.xlsx: in ")
    assert main(["uitvragen", str(path), "--overschrijf"]) == 0


def test_a_year_without_rows_asks_for_nieuw_jaar_first(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    assert main(["uitvragen", str(path), "--jaar", "2024"]) == 1
    assert capsys.readouterr().err == (
        "planrapport: plan.xlsx: op blad Opvolging staan geen rijen voor 2024. Begin het jaar met 'planrapport "
        "nieuw-jaar plan.xlsx 2024'.\n"
    )
    assert not (tmp_path / "opvolging 2024").exists()


def test_without_a_column_trekker_the_command_says_every_action_goes_to_the_officers_file(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    book = load_workbook(path)
    book["Acties"]["E3"] = "Trekkers"
    book.save(path)
    open_year(path, 2024)
    assert main(["uitvragen", str(path)]) == 0
    assert (
        "Let op: op blad Acties staat geen kolom 'Trekker' (Acties!E3), dus komen alle acties in het bestand "
        "'zonder trekker'. Geef de kolom haar naam terug en vraag opnieuw op als de trekkers elk hun eigen "
        "bestand moeten krijgen."
    ) in capsys.readouterr().out.splitlines()
