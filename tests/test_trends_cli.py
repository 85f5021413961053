import shutil
import subprocess
import sys
from datetime import date

import pytest
from conftest import DENDERLEEUW
from openpyxl import load_workbook

from planrapport.cli import main
from workbook.builders.template import build_template, fill

PLAN = {
    "Instellingen": {
        "Gemeente": "Gent",
        "Titel van het plan": "Samenleven 2020-2025",
        "Beginjaar": 2020,
        "Eindjaar": 2025,
        "Rapportjaar": 2023,
        "Nummering": "klassiek",
    },
    "Doelstellingen": [{"Code": "1", "Titel": "Samen leven"}, {"Code": "1.1", "Titel": "Onthaal"}],
    "Resultaten": [{"Code": "1.1.1", "Resultaat": "Elke nieuwkomer krijgt een gesprek"}],
    "Acties": [{"Code": "1.1.1.1", "Tijdstip": "Jaarlijks", "Actie": "Onthaalgesprek"}],
    "Indicatoren": [
        {
            "Code": "1.1.1-I1",
            "Indicator": "Aantal onthaalgesprekken",
            "Soort": "kwantitatief",
            "Eenheid": "aantal",
            "Gewenste richting": "stijgen",
            "Nulmeting jaar": 2020,
            "Nulmeting waarde": 100,
            "Streefjaar": 2025,
            "Streefwaarde": 200,
        },
        {
            "Code": "1.1.1-I2",
            "Indicator": "Wachtlijst NT2",
            "Soort": "kwantitatief",
            "Eenheid": "aantal",
            "Gewenste richting": "dalen",
        },
        {"Code": "1.1.1-I3", "Indicator": "Verslag van het onthaal", "Soort": "beschrijvend"},
    ],
    "Metingen": [
        {"Indicator": "1.1.1-I1", "Periode": "2021 (juni-december)", "Waarde": "60 (55%)"},
        {"Indicator": "1.1.1-I1", "Periode": "2022", "Waarde": 130},
        {"Indicator": "1.1.1-I1", "Periode": "2023", "Waarde": 170},
        {"Indicator": "1.1.1-I2", "Periode": "2022", "Waarde": 40},
        {"Indicator": "1.1.1-I2", "Periode": "2023", "Waarde": 45},
        {"Indicator": "1.1.1-I3", "Periode": "2023", "Opmerking": "Verslag klaar"},
    ],
}


@pytest.fixture
def workbook(tmp_path):
    path = tmp_path / "plan.xlsx"
    fill(build_template(), PLAN).save(path)
    return path


def test_prints_the_verdicts_as_a_table(workbook, capsys):
    assert main(["trends", str(workbook)]) == 0
    out = capsys.readouterr()
    assert out.err == ""
    assert out.out.splitlines() == [
        "Trends 2023: Gent - Samenleven 2020-2025",
        "",
        "Code      Oordeel        Laatste meting  Indicator",
        "1.1.1-I1  op koers       170 in 2023     Aantal onthaalgesprekken",
        "    Stijging van 100 in 2020 naar 170 in 2023 (+70, +70%). Dat is 70% van de weg naar de streefwaarde 200",
        "    tegen 2025. De lijn door 3 volledige jaren komt uit op 207,1 in 2025: de streefwaarde wordt gehaald. 2021",
        "    (juni-december) is geen volledig jaar: niet vergelijkbaar met de volledige jaren en dus niet meegerekend.",
        "    Aandeel in 2021 (juni-december): 55%.",
        "1.1.1-I2  niet op koers  45 in 2023      Wachtlijst NT2",
        "    Stijging van 40 in 2022 naar 45 in 2023, terwijl een daling gewenst is. Er is geen nulmeting ingevuld: de",
        "    eerste meting (2022) geldt als nulmeting.",
        "1.1.1-I3  beschrijvend   gemeten: ja     Verslag van het onthaal",
        "",
        "Kwantitatieve indicatoren: 2 (1 op koers, 0 aandacht, 1 niet op koers, 0 geen gegevens).",
        "Beschrijvende indicatoren: 1, waarvan gemeten in 2023: 1.",
    ]
    assert load_workbook(workbook).sheetnames[-1] != "Trends"  # without --schrijf nothing is written


def test_another_year(workbook, capsys):
    assert main(["trends", str(workbook), "--jaar", "2022"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Trends 2022: Gent - Samenleven 2020-2025"
    assert lines[3] == "1.1.1-I1  aandacht       130 in 2022     Aantal onthaalgesprekken"
    assert lines[-1] == "Beschrijvende indicatoren: 1, waarvan gemeten in 2022: 0."


def test_schrijf_fills_the_trends_sheet_after_a_backup(workbook, capsys):
    original = workbook.read_bytes()
    assert main(["trends", str(workbook), "--schrijf"]) == 0
    lines = capsys.readouterr().out.splitlines()
    backup = f"plan (reservekopie {date.today().isoformat()}).xlsx"
    assert lines[-1] == "Het blad Trends staat in plan.xlsx. Reservekopie van het werkboek: " + backup
    assert (workbook.parent / backup).read_bytes() == original
    sheet = load_workbook(workbook)["Trends"]
    assert [sheet[f"{c}4"].value for c in "ABC"] == ["1.1.1-I1", "Aantal onthaalgesprekken", "op koers"]
    assert sheet["C5"].value == "niet op koers"


def test_denderleeuw_foreign_origin_and_onthaalgesprek(capsys):
    assert main(["trends", str(DENDERLEEUW)]) == 0
    out = capsys.readouterr().out
    text = " ".join(out.split())
    assert "A10911-I3  geen gegevens  539 in 2022     van buitenlandse herkomst\n" in out
    assert "A10911-I4  geen gegevens  322 in 2022     Aantal nieuwe inwoners van buitenlandse herkomst" in out
    assert text.count("2021 (juni-december) is geen volledig jaar") == 5
    assert "Aandeel in 2021 (juni-december): 68%." in text


def test_a_year_that_is_no_year_is_a_usage_error(workbook, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["trends", str(workbook), "--jaar", "twintig"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "planrapport trends: fout: --jaar: 'twintig' is geen jaartal (bv. 2023)"
    )


def test_a_missing_workbook_exits_1_with_a_dutch_message(tmp_path, capsys):
    missing = tmp_path / "weg.xlsx"
    assert main(["trends", str(missing)]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err == f"planrapport: weg.xlsx: het bestand bestaat niet ({missing}).\n"


def test_schrijf_refuses_a_trends_sheet_of_the_officer(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    book = load_workbook(path, rich_text=True)
    book.create_sheet("Trends")["B2"] = "mijn notities"
    book.save(path)
    original = path.read_bytes()
    assert main(["trends", str(path), "--schrijf"]) == 1
    assert capsys.readouterr().err == (
        "planrapport: plan.xlsx: het werkboek heeft al een blad 'Trends' dat planrapport niet gemaakt heeft. "
        "Geef dat blad een andere naam en probeer opnieuw.\n"
    )
    assert path.read_bytes() == original


LOADED = (
    "import sys\n"
    "from planrapport.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print('pandas' in sys.modules, 'reporting.figures.trends' in sys.modules)\n"
    "sys.exit(code)\n"
)


@pytest.mark.parametrize(
    ("command", "loaded"), [("controleer", "False False"), ("samenvatting", "False False"), ("trends", "True True")]
)
def test_only_a_command_that_computes_trends_loads_pandas(command, loaded):
    done = subprocess.run(
        [sys.executable, "-c", LOADED, command, str(DENDERLEEUW)], capture_output=True, text=True, check=False
    )
    assert done.returncode in (0, 1), done.stderr
    assert done.stdout.splitlines()[-1] == loaded
