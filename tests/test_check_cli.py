"""planrapport controleer: exit codes, the printed list, --jaar, --json, --schrijf, and unreadable files."""

import json
import shutil
import zipfile
from datetime import date

import pytest
from conftest import DENDERLEEUW, FIXTURES

from planrapport.cli import main

VALIDATIE = FIXTURES / "validatie"
KAPOT = FIXTURES / "kapot"
FRESH = "Maak een nieuw werkboek met 'planrapport sjabloon PAD' en kopieer uw gegevens erin."


def run(capsys, *argv):
    code = main(["controleer", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_valid_workbook_exits_0(capsys):
    assert run(capsys, VALIDATIE / "geldig.xlsx") == (
        0,
        "geldig.xlsx: geen fouten of waarschuwingen (rapportjaar 2023).\n",
        "",
    )


def test_warnings_are_printed_and_still_exit_0(capsys):
    code, out, err = run(capsys, DENDERLEEUW)
    lines = out.splitlines()
    assert code == 0 and err == ""
    assert lines[0] == (
        "Acties!I4        waarschuwing  verwijzing-buiten-plan  'Zie ook' van actie A10900 verwijst "
        "naar A30002, dat niet in dit plan staat. Het rapport toont de verwijzing als tekst, zonder "
        "link. Klopt de code, dan hoeft u niets te doen."
    )
    assert lines[-1] == "denderleeuw-2023.xlsx: geen fouten, 7 waarschuwingen (rapportjaar 2023)."


def test_errors_exit_1_with_cell_severity_code_and_message(capsys):
    assert run(capsys, VALIDATIE / "jaar-buiten-periode.xlsx") == (
        1,
        (
            "Acties!B5  fout  jaar-buiten-periode  Het tijdstip '2019' van actie 1.1.1.2 valt buiten de planperiode "
            "2020-2025 (2019). Verbeter het tijdstip, of de planperiode op blad Instellingen.\n"
            "jaar-buiten-periode.xlsx: 1 fout (rapportjaar 2023). Los de fouten op voor u een rapport maakt.\n"
        ),
        "",
    )


def test_the_report_year_can_be_chosen(capsys):
    code, out, _ = run(capsys, VALIDATIE / "geldig.xlsx", "--jaar", "2022")
    assert code == 0
    assert out.splitlines()[-1] == "geldig.xlsx: geen fouten, 1 waarschuwing (rapportjaar 2022)."
    assert out.startswith("Acties!A4  waarschuwing  ontbrekende-opvolging  Actie 1.1.1.1 loopt in 2022")


def test_json_output(capsys):
    code, out, _ = run(capsys, VALIDATIE / "uitleg-ontbreekt.xlsx", "--json")
    result = json.loads(out)
    assert code == 1
    assert (result["ok"], result["errors"], result["warnings"], result["year"], result["backup"]) == (
        False,
        1,
        0,
        2023,
        None,
    )
    assert result["issues"] == [
        {
            "code": "uitleg-ontbreekt",
            "severity": "fout",
            "sheet": "Opvolging",
            "cell": "Opvolging!D4",
            "row_code": "1.1.1.1",
            "message": "Actie 1.1.1.1 staat in 2023 op 'Vertraagd', maar de stand van zaken is leeg. Leg in kolom "
            "Stand van zaken uit wat er aan de hand is en wat de volgende stap is.",
        }
    ]


def test_without_schrijf_the_workbook_is_not_touched(capsys, tmp_path):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(VALIDATIE / "uitleg-ontbreekt.xlsx", path)
    original = path.read_bytes()
    run(capsys, path)
    assert path.read_bytes() == original and sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_schrijf_writes_the_check_sheet_after_a_backup(capsys, tmp_path):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(VALIDATIE / "uitleg-ontbreekt.xlsx", path)
    original = path.read_bytes()
    code, out, _ = run(capsys, path, "--schrijf")
    assert code == 1
    assert out.splitlines()[-1] == (
        "De lijst staat op het blad Controle van plan.xlsx. Reservekopie van het "
        f"werkboek: plan (reservekopie {date.today().isoformat()}).xlsx"
    )
    assert (tmp_path / f"plan (reservekopie {date.today().isoformat()}).xlsx").read_bytes() == original
    assert "xl/worksheets/sheet11.xml" in zipfile.ZipFile(path).namelist()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "geen-excel.xlsx",
            "geen-excel.xlsx: dit is geen Excel-werkboek (.xlsx of .xlsm), of het bestand is "
            "beschadigd. Bewaar het in Excel als Excel-werkmap (.xlsx).",
        ),
        (
            "afgekapt.xlsx",
            "afgekapt.xlsx: het werkboek is onvolledig of beschadigd (het bestand houdt te vroeg op). "
            "Neem een reservekopie of bewaar het opnieuw in Excel.",
        ),
        (
            "beschadigd.xlsx",
            "beschadigd.xlsx: het werkboek kan niet gelezen worden; het is beschadigd of onvolledig. "
            f"Open het in Excel en bewaar het opnieuw. {FRESH}",
        ),
        (
            "beveiligd.xlsx",
            "beveiligd.xlsx: het werkboek is beveiligd met een wachtwoord. Open het in Excel, verwijder "
            "het wachtwoord (Bestand > Info > Werkmap beveiligen) en bewaar het opnieuw.",
        ),
        (
            "zonder-blad.xlsx",
            "zonder-blad.xlsx: het blad 'Acties' ontbreekt. Geef het blad zijn naam terug, of maak een "
            "nieuw werkboek met 'planrapport sjabloon PAD' en kopieer uw gegevens erin.",
        ),
        (
            "zonder-kolom.xlsx",
            "zonder-kolom.xlsx: op blad 'Acties' ontbreekt de kolom 'Code' (de kolomnamen staan in "
            "rij 3). Geef de kolom haar naam terug, of maak een nieuw werkboek met 'planrapport "
            "sjabloon PAD' en kopieer uw gegevens erin.",
        ),
        (
            "oud.xls",
            "oud.xls: dit is een oud Excel-bestand (.xls). Open het in Excel en bewaar het als Excel-werkmap (.xlsx).",
        ),
        ("leeg.xlsx", f"leeg.xlsx: het werkboek is leeg. {FRESH}"),
    ],
)
def test_an_unreadable_workbook_gets_one_dutch_message_and_exit_1(capsys, tmp_path, name, message):
    path = tmp_path / name
    shutil.copyfile(KAPOT / name, path)
    original = path.read_bytes()
    assert run(capsys, path, "--schrijf") == (1, "", f"planrapport: {message}\n")
    assert path.read_bytes() == original and [p.name for p in tmp_path.iterdir()] == [name]


def test_a_missing_file(capsys, tmp_path):
    code, out, err = run(capsys, tmp_path / "weg.xlsx")
    assert (code, out) == (1, "")
    assert err == f"planrapport: weg.xlsx: het bestand bestaat niet ({tmp_path / 'weg.xlsx'}).\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "dit ontbreekt nog: PAD"),
        (["plan.xlsx", "--jaar", "twintig"], "--jaar: 'twintig' is geen jaartal (bv. 2023)"),
        (["plan.xlsx", "--jaar", "23"], "--jaar: '23' is geen jaartal (bv. 2023)"),
        (["plan.xlsx", "--schrijven"], "onbekende argumenten: --schrijven"),
    ],
)
def test_usage_errors_exit_2(capsys, argv, message):
    with pytest.raises(SystemExit) as raised:
        main(["controleer", *argv])
    assert raised.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1].endswith(f": fout: {message}")
