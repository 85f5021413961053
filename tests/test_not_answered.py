"""Not answered is not answered, and no action falls out of a year: nieuw-jaar, controleer and the year report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document
from live_book_standin import StandInBook

from planrapport.buttons import press
from planrapport.cli import main
from planrapport.cycle_buttons import run_new_year
from reporting.documents import render_year_report
from reporting.rollups import NO_FOLLOW_UP, plan_rollup
from reporting.summary import summary_lines
from reporting.validation import validate
from workbook.builders.template import build_template, fill
from workbook.cycle.new_year import open_year
from workbook.plan.running import answered, recurring, running
from workbook.reading.reader import read_plan
from workbook.storage.files import save_workbook

ACTIONS = [  # code, timing, title
    ("A10900", "2023", "Een folder over het onthaal maken"),
    ("A10901", "Jaarlijks", "Buurtfeest in de wijk Kerkhof"),
    ("A10902", "2024", "Een taalcafé in de bibliotheek opstarten"),
    ("A10903", "Jaarlijks", "Infoavond over vrijwilligerswerk"),
    ("A10904", "Vanaf 2021", "Trajectbegeleiding van nieuwkomers"),
    ("A10905", "2022-2025", "Vorming diversiteit voor het personeel"),
    ("A10906", "2021", "Een onthaalbrochure vertalen"),
    ("A10907", "2025", "Een ontmoetingsruimte inrichten"),
]
LAST_YEAR = [  # action, year, status, time, progress
    ("A10900", 2023, "Afgerond", "", "De folder ligt in het onthaal."),
    ("A10901", 2024, "Afgerond", "", "Het buurtfeest van 2024 was een succes."),
    ("A10902", 2024, "In voorbereiding", "Uitgesteld", "De bibliotheek verbouwt; het taalcafé wacht."),
    ("A10903", 2024, "Stopgezet", "", "Het college stopt de infoavonden."),
    ("A10904", 2024, "In uitvoering", "", "Twaalf trajecten liepen."),
    ("A10905", 2024, "Afgerond", "", "De vorming van 2024 is gegeven."),
    ("A10906", 2021, "Stopgezet", "", "Niet meer nodig."),
]
RUNNING = ("A10901", "A10902", "A10904", "A10905", "A10907")
NO_ROW = [
    "A10902: tijdstip '2024' voorbij en niet afgerond of stopgezet ('In voorbereiding' in 2024), toch een rij: "
    "verleng het tijdstip of zet de actie stop",
    "A10900: afgerond in 2023, geen rij",
    "A10903: stopgezet in 2024, geen rij",
    "A10906: stopgezet in 2021, geen rij",
]


def _plan(tmp_path: Path, rows: list[tuple] = (), actions: list[tuple] = ACTIONS, year: int = 2024) -> Path:
    data = {
        "Instellingen": {
            "Gemeente": "Voorbeeldegem",
            "Titel van het plan": "Samenleven 2020-2025",
            "Beginjaar": 2020,
            "Eindjaar": 2025,
            "Rapportjaar": year,
            "Nummering": "BBC",
            "Opgesteld door": "Dienst Samenleven",
        },
        "Doelstellingen": [
            {"Code": "BD109", "Titel": "Werken aan samenleven in diversiteit"},
            {"Code": "AP1090", "Titel": "Inzetten op verbinding en participatie"},
        ],
        "Acties": [{"Code": code, "Tijdstip": timing, "Actie": title} for code, timing, title in actions],
        "Opvolging": [
            {"Actie": code, "Jaar": row_year, "Status": status, "Tijd": time, "Stand van zaken": progress}
            for code, row_year, status, time, progress in [*LAST_YEAR, *rows]
        ],
    }
    path = tmp_path / "plan.xlsx"
    save_workbook(fill(build_template(), data), path, overwrite=True)
    return path


def test_which_timings_come_back():
    assert [
        recurring(t, 2020, 2025)
        for t in ("Jaarlijks", "Vanaf 2021", "2022-2025", "Per 2 jaar", "Jaarlijks vanaf 2021", "2021 en 2023")
    ] == [True] * 6
    assert [recurring(t, 2020, 2025) for t in ("2024", "voorjaar 2024", "Eenmalig", "", "ooit")] == [False] * 5


def test_every_running_action_gets_a_row_with_only_its_code_and_year(tmp_path, capsys):
    path = _plan(tmp_path)
    assert running(read_plan(path), 2025) == frozenset(RUNNING)
    assert main(["nieuw-jaar", str(path), "2025"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[:-1] == [
        "Rapportjaar: 2025 (was 2024).",
        "Blad Opvolging: 5 rijen voor 2025 toegevoegd.",
        "Blad Metingen: 0 rijen voor 2025 toegevoegd.",
        *NO_ROW,
    ]
    assert printed[-1].startswith("Reservekopie van het werkboek: plan (reservekopie ")
    plan = read_plan(path)
    new = [row for row in plan.follow_ups if row.year == 2025]
    assert [row.action_code for row in new] == list(RUNNING)
    assert all((row.status, row.progress, row.time, row.money) == ("", "", "", "") for row in new)


def test_the_result_says_which_actions_run_on_and_which_got_no_row(tmp_path):
    result = open_year(_plan(tmp_path), 2025)
    assert result.follow_ups == RUNNING
    assert [(s.code, s.overdue) for s in result.overdue] == [("A10902", True)]
    assert [s.code for s in result.skipped] == ["A10900", "A10903", "A10906"]


def test_not_yet_started_and_never_followed_up_actions_are_named_too(tmp_path, capsys):
    actions = [*ACTIONS, ("A10908", "2023", "Een wandeling langs de kerken")]
    path = _plan(tmp_path, actions=actions, year=2023)
    assert main(["nieuw-jaar", str(path), "2024"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert "A10907: tijdstip '2025', begint pas in 2025, geen rij" in printed
    assert "A10908: tijdstip '2023' voorbij en nooit opgevolgd, geen rij" in printed


def test_controleer_names_each_running_action_without_follow_up(tmp_path):
    path = _plan(tmp_path)
    open_year(path, 2025)
    report = validate(read_plan(path))
    found = [
        (i.code, i.cell, i.message) for i in report.issues if i.code in ("ontbrekende-opvolging", "tijdstip-voorbij")
    ]
    rows = {code: 4 + len(LAST_YEAR) + index for index, code in enumerate(RUNNING)}
    assert found == [
        (
            "tijdstip-voorbij",
            "Acties!B6",
            "Het tijdstip '2024' van actie A10902 is voorbij, maar de actie is niet afgerond of stopgezet, dus loopt "
            "ze in 2025 nog. Verleng het tijdstip op blad Acties, of zet de status op Afgerond of Stopgezet.",
        ),
        *(
            (
                "ontbrekende-opvolging",
                f"Opvolging!C{rows[code]}",
                f"Actie {code} heeft voor 2025 geen opvolging: geen status van dit jaar en geen stand van zaken. "
                "Kies de status van 2025 en vul de stand van zaken in; anders telt de actie in het jaarrapport als "
                "niet opgevolgd.",
            )
            for code in RUNNING
        ),
    ]
    assert report.ok  # warnings: the report can still be made


def test_a_missing_row_is_named_at_the_action(tmp_path):
    report = validate(read_plan(_plan(tmp_path, year=2025)))
    assert [(i.code, i.cell) for i in report.issues if i.row_code == "A10901"] == [
        ("ontbrekende-opvolging", "Acties!A5")
    ]
    assert not [i for i in report.issues if i.row_code in ("A10900", "A10903", "A10906")]


def test_an_answered_late_action_that_is_finished_now_has_no_warning(tmp_path):
    path = _plan(tmp_path, rows=[("A10902", 2025, "Afgerond", "", "Het taalcafé loopt sinds maart.")], year=2025)
    assert not [i for i in validate(read_plan(path)).issues if i.row_code == "A10902"]


OLD_ROWS = [  # as an older nieuw-jaar left them: last year's status pre-filled
    ("A10901", 2025, "Afgerond", "", ""),  # pre-filled, never answered
    ("A10902", 2025, "In voorbereiding", "", ""),  # pre-filled, never answered
    ("A10904", 2025, "In uitvoering", "", "Vijftien trajecten."),  # same status, but a stand van zaken
    ("A10905", 2025, "In uitvoering", "", ""),  # a status of its own
    ("A10907", 2025, "", "", ""),  # empty
]


def test_an_old_workbook_with_prefilled_statuses_counts_them_as_not_followed_up(tmp_path):
    plan = read_plan(_plan(tmp_path, rows=OLD_ROWS, year=2025))
    rollup = plan_rollup(plan, 2025).plan
    assert (rollup.actions, rollup.followed_up) == (5, 2)
    assert rollup.by_status == {"In uitvoering": 2, NO_FOLLOW_UP: 3}
    issues = [(i.code, i.row_code, i.cell) for i in validate(plan).issues if i.code == "ontbrekende-opvolging"]
    assert issues == [
        ("ontbrekende-opvolging", code, f"Opvolging!C{row}")
        for code, row in (("A10901", 11), ("A10902", 12), ("A10907", 15))
    ]
    assert "  Opgevolgd voor 2025: 2 van de 5 lopende acties" in summary_lines(plan)


def test_answered_means_a_status_of_this_year_or_a_stand_van_zaken():
    from workbook.plan.model import FollowUp

    last = FollowUp("A1", 2024, status="In uitvoering")
    assert not answered(None, last)
    assert not answered(FollowUp("A1", 2025), last)
    assert not answered(FollowUp("A1", 2025, status=" in  uitvoering "), last)
    assert answered(FollowUp("A1", 2025, status="In uitvoering", progress="Loopt."), last)
    assert answered(FollowUp("A1", 2025, status="Afgerond"), last)
    assert answered(FollowUp("A1", 2025, status="In uitvoering"), None)
    assert not answered(FollowUp("A1", 2025, time="Vertraagd"), None)


@pytest.fixture(scope="module")
def old_report(tmp_path_factory) -> Document:
    import io

    plan = read_plan(_plan(tmp_path_factory.mktemp("oud"), rows=OLD_ROWS, year=2025))
    return Document(io.BytesIO(render_year_report(plan, today=date(2025, 12, 1))))


def test_the_year_report_says_how_many_are_followed_up(old_report):
    texts = [p.text for p in old_report.paragraphs]
    assert "In 2025 liepen 5 acties; voor 2 ervan is de opvolging ingevuld, voor 3 niet." in texts


def test_the_year_report_shows_a_prefilled_status_as_no_follow_up(old_report):
    cells = [[c.text for c in row.cells] for table in old_report.tables for row in table.rows]
    statuses = [row for row in cells if row and row[0] == "Status"][1:]  # the first: the council summary's
    assert [row[-1].lstrip("●○\u00a0") for row in statuses] == [
        "geen opvolging voor 2025",
        "geen opvolging voor 2025",
        "In uitvoering",
        "In uitvoering",
        "geen opvolging voor 2025",
    ]


def test_the_button_says_the_same(tmp_path):
    book = StandInBook(_plan(tmp_path))
    book.answers = ["2025"]
    outcome = press(run_new_year, book)
    assert outcome.ok
    assert book.messages[-1] == (
        "\n".join(
            [
                "Rapportjaar: 2025 (was 2024).",
                "Blad Opvolging: 5 rijen voor 2025 toegevoegd, leeg tot de trekker antwoordt.",
                "Blad Metingen: 0 rijen voor 2025 toegevoegd.",
                *NO_ROW,
            ]
        )
        + "\n\nBewaar het werkboek (Ctrl+S) om de "
        "wijzigingen te houden. Volgende stap: vul op blad Acties de kolom Trekker in (wie de opvolging van de actie "
        "geeft) en klik op 'Vraag opvolging op'.",
        True,
    )
