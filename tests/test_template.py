import subprocess

from conftest import soffice
from openpyxl import load_workbook

from workbook.builders.template import build_template, fill
from workbook.plan.schema import DATA_SHEETS, LISTS, list_range_name
from workbook.reading.reader import read_plan
from xlsx_templates import TEMPLATE

SMALL_PLAN = {
    "Instellingen": {
        "Gemeente": "Gent & Zonen",
        "Titel van het plan": "Plan <pilot>",
        "Beginjaar": 2020,
        "Eindjaar": 2025,
        "Rapportjaar": 2023,
        "Nummering": "klassiek",
        "Minimale cofinanciering": 0.25,
    },
    "Doelstellingen": [
        {"Code": "1", "Titel": "Samen leven", "Motivering": "Omdat.\n\nTweede alinea."},
        {"Code": "1.1", "Titel": "Onthaal", "Domein": "dienstverlening"},
    ],
    "Resultaten": [{"Code": "1.1.1", "Resultaat": "Elke nieuwkomer krijgt een gesprek"}],
    "Acties": [
        {
            "Code": "1.1.1.1",
            "Tijdstip": "Vanaf 2021",
            "Actie": "Onthaalgesprek",
            "Trekker": "PIN vzw",
            "Zie ook": "A30002 Vorming",
        }
    ],
    "Opvolging": [
        {
            "Actie": "1.1.1.1",
            "Jaar": 2023,
            "Status": "In uitvoering",
            "Stand van zaken": "We startten een **tweede gesprek**.",
            "Tijd": "Vertraagd",
        }
    ],
    "Indicatoren": [
        {
            "Code": "1.1.1-I1",
            "Tijdstip": "Jaarlijks",
            "Indicator": "Aantal gesprekken",
            "Soort": "kwantitatief",
            "Eenheid": "aantal",
            "Gewenste richting": "stijgen",
            "Nulmeting jaar": 2020,
            "Nulmeting waarde": 100,
            "Streefjaar": 2025,
            "Streefwaarde": 300,
        }
    ],
    "Metingen": [
        {"Indicator": "1.1.1-I1", "Periode": "2021 (juni-december)", "Waarde": "258 (68%)"},
        {"Indicator": "1.1.1-I1", "Periode": "2022", "Waarde": "1.168"},
    ],
    "Begroting": [
        {
            "Jaar": 2023,
            "Soort financiering": "Vlaamse subsidie",
            "Financier": "Vlaanderen",
            "Omschrijving": "Loonkost",
            "Gepland": 27700,
            "Besteed": 27000,
        }
    ],
}


def test_template_has_every_sheet_as_a_table_with_frozen_header():
    workbook = load_workbook(TEMPLATE)
    assert workbook.sheetnames[0] == "Uitleg"
    for spec in DATA_SHEETS:
        sheet = workbook[spec.name]
        assert spec.table in sheet.tables
        assert sheet.freeze_panes == "A4"
        assert [c.value for c in sheet[3]][: len(spec.columns)] == [c.header for c in spec.columns if not c.optional]


def test_dropdowns_are_real_data_validations_fed_by_the_lists_sheet():
    workbook = load_workbook(TEMPLATE)
    formulas = {dv.formula1 for dv in workbook["Opvolging"].data_validations.dataValidation}
    assert {"lijst_status", "lijst_tijd", "lijst_kleur"} <= formulas
    for name in LISTS:
        assert list_range_name(name) in workbook.defined_names
    assert [c.value for c in workbook["Lijsten"]["A"][3:8]] == list(LISTS["Status"])


def test_a_filled_template_reads_back_equal(tmp_path):
    path = tmp_path / "plan.xlsx"
    fill(build_template(), SMALL_PLAN).save(path)
    plan = read_plan(path)
    assert plan.settings.municipality == "Gent & Zonen"
    assert plan.settings.cofinancing_min == 0.25
    assert [o.code for o in plan.objectives] == ["1", "1.1"]
    assert plan.objectives[1].parent_code == "1"
    assert plan.results[0].parent_code == "1.1"
    action = plan.actions[0]
    assert (action.parent_code, action.years, action.lead, action.see_also_codes) == (
        "1.1.1",
        (2021, 2022, 2023, 2024, 2025),
        "PIN vzw",
        ("A30002",),
    )
    assert plan.follow_ups[0].progress == "We startten een **tweede gesprek**."
    first, second = plan.measurements
    assert (first.year, first.partial, first.value, first.share) == (2021, True, 258, 68)
    assert (second.year, second.value) == (2022, 1168)
    assert plan.indicators[0].parent_code == "1.1.1" and plan.indicators[0].target_value == 300
    assert plan.budget_lines[0].spent == 27000
    assert plan.actions[0].origin.cell("lead") == "Acties!E4"
    again = tmp_path / "again.xlsx"
    fill(build_template(), SMALL_PLAN).save(again)
    assert read_plan(again) == plan


def test_columns_may_move_and_extra_columns_are_allowed(tmp_path):
    path = tmp_path / "plan.xlsx"
    workbook = fill(build_template(), SMALL_PLAN)
    sheet = workbook["Acties"]
    sheet.insert_cols(1)
    sheet["A3"] = "Eigen kolom"
    sheet["A4"] = "iets"
    sheet.move_range("B3:B4", cols=20)
    workbook.save(path)
    assert read_plan(path).actions[0].code == "1.1.1.1"


def test_libreoffice_opens_the_template(tmp_path):
    subprocess.run(
        [
            soffice(),
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(TEMPLATE),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    assert (tmp_path / "planrapport.pdf").stat().st_size > 1000


def test_committed_workbooks_are_what_the_build_makes(tmp_path):
    from workbook.builders.build_files import build_example, save_clean
    from xlsx_templates import EXAMPLES, example_path

    save_clean(build_template(), tmp_path / "planrapport.xlsx")
    assert (tmp_path / "planrapport.xlsx").read_bytes() == TEMPLATE.read_bytes(), (
        "python -m workbook.builders.build_files"
    )
    for name in EXAMPLES:
        save_clean(build_example(name), tmp_path / f"{name}.xlsx")
        assert (tmp_path / f"{name}.xlsx").read_bytes() == example_path(name).read_bytes(), name


def test_template_and_examples_pass_the_open_xml_validator():
    from conftest import ooxml_validator

    from xlsx_templates import EXAMPLES, example_path

    for path in (TEMPLATE, *(example_path(name) for name in EXAMPLES)):
        done = subprocess.run([ooxml_validator(), str(path)], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout[:2000]
