"""A whole year of the cycle with twelve colleagues, through the commands and through the buttons' functions."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from conftest import DENDERLEEUW
from docx import Document
from live_book_standin import StandInBook
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from planrapport.buttons import press
from planrapport.cli import main
from planrapport.cycle_buttons import run_ask, run_collect, run_new_year
from reporting.documents import render_year_report
from reporting.validation import validate
from workbook.cycle.requests import planned_requests
from workbook.reading.live_book import read_live_plan
from workbook.reading.reader import read_plan
from workbook.spreadsheet.package import Package
from workbook.spreadsheet.rows import TableSheet

YEAR = 2024
# The officer's additions to the Denderleeuw example: code, timing, title, trekker.
ACTIONS = [
    ("A10902", "2024-2025", "Sportkampen voor kinderen van nieuwkomers", "Jeugd:Sport"),
    ("A10903", "2024-2025", "Taalcoaching op de werkvloer", "Personeelsdienst"),
    ("A10912", "2024-2025", "Begeleiding naar werk voor erkende vluchtelingen", "OCMW Sociale dienst"),
    ("A10913", "2024-2025", "NT2-lessen met het CVO", "Dienst Onderwijs"),
    ("A10922", "2024-2025", "Leesclub Nederlands oefenen", "Bibliotheek"),
    ("A10923", "2024-2025", "Onthaal van nieuwe inwoners", "Dienst Welzijn"),
    ("A10924", "2023", "Tentoonstelling over migratie", "Cultuurdienst"),  # postponed in 2023
    ("A10925", "Jaarlijks", "Buurtfeest van alle culturen", "Dienst Feestelijkheden"),  # done in 2023, yearly
]
TREKKERS = {"A10921": "Jeugd/Sport"}
LAST_YEAR = [("A10924", "In voorbereiding"), ("A10925", "Afgerond")]
PERCENT = (
    "A10920-I1",
    "Jaarlijks",
    "Aandeel deelnemers van buitenlandse herkomst",
    "kwantitatief",
    "percentage",
    "stijgen",
    None,
    2023,
    3,
    2025,
    6,
)
BUDGET = [
    (YEAR, "Vlaamse subsidie", "Vlaamse overheid", "Loonkost integratiemedewerker", 30000, 30000),
    (YEAR, "Eigen middelen gemeente", "Gemeente", "Werkingsmiddelen", 10000, 10000),
]
SILENT, DOUBLE, WITH_PERCENT = "Dienst Welzijn", "Bibliotheek", "Dienst Communicatie"


def _headers(sheet: Worksheet) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[3] if cell.value}


def _append(sheet: Worksheet, values: dict[str, object]) -> int:
    """A row typed under the table, the table grown, as Excel does."""
    headers = _headers(sheet)
    row = max([3, *(c.row for c in sheet["A"] if c.value is not None)]) + 1
    for header, value in values.items():
        sheet.cell(row, headers[header]).value = value
    for table in sheet.tables.values():
        first, last = table.ref.split(":")
        letters = "".join(ch for ch in last if ch.isalpha())
        table.ref = f"{first}:{letters}{max(row, int(last[len(letters) :]))}"
    return row


def make_plan(path: Path) -> None:
    shutil.copyfile(DENDERLEEUW, path)
    book = load_workbook(path)
    actions = book["Acties"]
    headers = _headers(actions)
    for number in range(4, actions.max_row + 1):
        code = actions.cell(number, 1).value
        if code in TREKKERS:
            actions.cell(number, headers["Trekker"]).value = TREKKERS[code]
    for code, timing, title, lead in ACTIONS:
        _append(actions, {"Code": code, "Tijdstip": timing, "Actie": title, "Trekker": lead})
    for code, status in LAST_YEAR:
        done = status == "Afgerond"
        _append(
            book["Opvolging"],
            {
                "Actie": code,
                "Jaar": YEAR - 1,
                "Status": status,
                "Stand van zaken": "Zoals gepland." if done else "Geen zaal gevonden.",
                "Tijd": "Op schema" if done else "Uitgesteld",
            },
        )
    columns = [
        "Code",
        "Tijdstip",
        "Indicator",
        "Soort",
        "Eenheid",
        "Gewenste richting",
        "Norm",
        "Nulmeting jaar",
        "Nulmeting waarde",
        "Streefjaar",
        "Streefwaarde",
    ]
    _append(book["Indicatoren"], dict(zip(columns, PERCENT, strict=True)))
    _append(book["Metingen"], {"Indicator": PERCENT[0], "Periode": "2023", "Waarde": 3})
    for line in BUDGET:
        _append(
            book["Begroting"],
            dict(
                zip(
                    ["Jaar", "Soort financiering", "Financier", "Omschrijving", "Gepland", "Besteed"], line, strict=True
                )
            ),
        )
    book.save(path)


def answer(folder: Path, plan) -> None:
    """Eleven colleagues answer, one never does; one sends two rows for one action, one types 4,6% in a %-cell."""
    for item in planned_requests(plan, YEAR, folder):
        path, who = item.path, item.request.who
        if who == SILENT:
            path.unlink()
            continue
        book = load_workbook(path)
        sheet = book["Opvolging"]
        for number in range(4, sheet.max_row + 1):
            code = sheet.cell(number, 1).value
            sheet.cell(number, 3).value = "In uitvoering"
            sheet.cell(number, 4).value = f"{who} werkte in {YEAR} aan {code}."
        if who == DOUBLE:
            number = sheet.max_row + 1
            for column in range(1, 10):
                sheet.cell(number, column).value = sheet.cell(4, column).value
            sheet.cell(number, 3).value = "Afgerond"
        if "Metingen" in book.sheetnames:
            metingen = book["Metingen"]
            for number in range(4, metingen.max_row + 1):
                if metingen.cell(number, 1).value == PERCENT[0]:
                    metingen.cell(number, 3).value = 0.046
                    metingen.cell(number, 3).number_format = "0.0%"
                else:
                    metingen.cell(number, 3).value = 100 + number
        book.save(path)


@pytest.fixture
def plans(tmp_path):
    paths = []
    for kind in ("opdracht", "knop"):
        (tmp_path / kind).mkdir()
        paths.append(tmp_path / kind / "samenleven.xlsx")
        make_plan(paths[-1])
    return paths


def _row(plan, code):
    return next(r for r in plan.follow_ups if (r.action_code, r.year) == (code, YEAR))


def test_a_whole_year_through_the_commands_and_the_buttons(plans, capsys):
    by_command, by_button = plans
    # 1. A new year: the postponed action and the yearly action both get a row.
    assert main(["nieuw-jaar", str(by_command), str(YEAR)]) == 0
    out = capsys.readouterr().out
    assert (
        "A10924: tijdstip '2023' voorbij en niet afgerond of stopgezet ('In voorbereiding' in 2023), toch een rij"
    ) in out
    book = StandInBook(by_button)
    book.answers = [str(YEAR)]
    assert press(run_new_year, book).ok
    plan = read_plan(by_command)
    assert {"A10924", "A10925"} <= {r.action_code for r in plan.follow_ups if r.year == YEAR}
    assert all(not r.status for r in plan.follow_ups if r.year == YEAR)  # nothing carried over
    # 2. Twelve colleagues asked.
    assert main(["uitvragen", str(by_command)]) == 0
    assert press(run_ask, book).ok
    capsys.readouterr()
    folders = [path.parent / f"opvolging {YEAR}" for path in (by_command, by_button)]
    assert len(list(folders[0].iterdir())) == 13  # twelve trekkers and the officer's own file
    for folder, plan in zip(folders, (read_plan(by_command), read_live_plan(book)), strict=True):
        answer(folder, plan)
    # 3. Collected: the two rows of one action are shown and neither is taken; the silent colleague is named.
    assert main(["verzamelen", str(by_command), str(folders[0]), "--schrijf"]) == 0
    out = capsys.readouterr().out
    outcome = press(run_collect, book)
    assert outcome.ok and "Verschillende antwoorden voor dezelfde cel: 1 (niet overgenomen)." in outcome.message
    plan = read_plan(by_command)
    assert read_live_plan(book).follow_ups == plan.follow_ups
    assert read_live_plan(book).measurements == plan.measurements
    double = _row(plan, "A10922")
    assert (double.status, double.progress) == ("", "")  # nothing of the two rows is taken
    assert (
        f"  Opvolging!C{double.origin.row} (A10922, Status): 'In uitvoering' in opvolging {YEAR} Bibliotheek.xlsx, "
        f"Opvolging!C4; 'Afgerond' in opvolging {YEAR} Bibliotheek.xlsx, Opvolging!C5. Kies zelf en vul de cel in."
    ) in out.splitlines()
    assert f"  {SILENT}: opvolging {YEAR} {SILENT}.xlsx" in out.splitlines()
    measured = next(m for m in plan.measurements if (m.indicator_code, m.year) == (PERCENT[0], YEAR))
    assert measured.value == pytest.approx(4.6)
    # 4. Not answered is not answered: controleer names the silent action, the report counts it as not followed up.
    issues = validate(plan, YEAR).issues
    silent = [i for i in issues if i.code == "ontbrekende-opvolging" and "A10923" in i.message]
    assert len(silent) == 1
    assert any(i.code == "tijdstip-voorbij" and "A10924" in i.message for i in issues)
    # The officer settles the double answer herself.
    package = Package(by_command)
    sheet = TableSheet(package, "Opvolging", None)
    sheet.set_value(double.origin.row, 3, "Afgerond")
    sheet.save()
    package.write(by_command.with_suffix(".tmp"))
    shutil.move(by_command.with_suffix(".tmp"), by_command)
    plan = read_plan(by_command)
    running = [r for r in plan.follow_ups if r.year == YEAR]
    text = "\n".join(p.text for p in Document(io.BytesIO(render_year_report(plan, YEAR, draft=True))).paragraphs)
    assert f"voor {len(running) - 1} ervan is de opvolging ingevuld, voor 1 niet" in text
    assert "4,6%" in text
    # 5. Submitting while the workbook is open in Excel writes nothing.
    lock = by_command.parent / f"~${by_command.name}"
    lock.write_bytes(b"")
    before = sorted(p.name for p in by_command.parent.iterdir())
    assert main(["indienen", str(by_command), "--jaar", str(YEAR)]) == 1
    assert sorted(p.name for p in by_command.parent.iterdir()) == before
    lock.unlink()
    capsys.readouterr()
    assert main(["indienen", str(by_command), "--jaar", str(YEAR)]) == 0
    finals = [p.name for p in by_command.parent.iterdir() if p.suffix == ".docx"]
    assert finals == [f"jaarrapport-{YEAR}-denderleeuw-ingediend.docx"]
    # 6. A budget figure changed after submission is named, and the next report says it was corrected.
    plan = read_plan(by_command)
    line = next(b for b in plan.budget_lines if b.funding_kind == "Eigen middelen gemeente")
    package = Package(by_command)
    sheet = TableSheet(package, "Begroting", None)
    sheet.set_value(line.origin.row, 6, 12500)
    sheet.save()
    package.write(by_command.with_suffix(".tmp"))
    shutil.move(by_command.with_suffix(".tmp"), by_command)
    plan = read_plan(by_command)
    changed = [i for i in validate(plan).issues if i.code == "gewijzigd-na-indiening"]
    assert [i.cell for i in changed] == [f"Begroting!F{line.origin.row}"]
    text = "\n".join(p.text for p in Document(io.BytesIO(render_year_report(plan, YEAR + 1, draft=True))).paragraphs)
    assert "Verbeterd na indiening" in text and "12.500" in text
