"""The buttons Maak evaluatie and Nieuw plan on a stand-in for the open Excel book: what the commands make, never the
workbook file itself."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import DENDERLEEUW, WAREGEM
from live_book_standin import StandInBook
from openpyxl import load_workbook
from test_buttons import BROKEN_PLAN

from planrapport.buttons import press, run_evaluation
from planrapport.cli import main
from planrapport.cycle_buttons import COMMAND_LINE
from planrapport.period_buttons import offered_name, offered_period, run_next_plan
from reporting.validation import validate
from workbook.builders.template import build_template, fill
from workbook.reading.reader import read_plan

EXAMPLES = {"waregem": WAREGEM, "denderleeuw": DENDERLEEUW}
# The period each example's Nieuw plan offers, and the name of the new workbook beside it.
OFFERED = {
    "waregem": ("2014-2016", "waregem-2014-2016.xlsx"),
    "denderleeuw": ("2026-2031", "denderleeuw-2023 2026-2031.xlsx"),
}


def copy_of(example: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / EXAMPLES[example].name
    shutil.copyfile(EXAMPLES[example], path)
    return path


def values(path: Path) -> list[tuple[str, list[list[object]]]]:
    book = load_workbook(path)
    return [(sheet.title, [[c.value for c in row] for row in sheet.iter_rows()]) for sheet in book]


# ---- Maak evaluatie


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_evaluation_is_the_document_of_the_command(example, tmp_path, capsys):
    by_command = copy_of(example, tmp_path / "opdracht")
    by_button = copy_of(example, tmp_path / "knop")
    assert main(["evaluatie", str(by_command)]) == 0
    expected = Path(capsys.readouterr().out.strip())
    book = StandInBook(by_button)
    outcome = press(run_evaluation, book)
    assert outcome.ok, outcome.message
    made = by_button.parent / expected.name
    assert book.opened == [made] and made.read_bytes() == expected.read_bytes()
    assert set(book.written) == {"Controle"}
    assert by_button.read_bytes() == EXAMPLES[example].read_bytes()
    message = book.messages[0][0]
    assert message.startswith(f"De evaluatie is klaar: {expected.name}, in de map van het werkboek ({made.parent}).")
    if example == "denderleeuw" and date.today().year <= 2025:
        assert "Het is een ONTWERP: de planperiode loopt tot 2025; de cijfers van " in message
        assert message.endswith("zijn nog niet volledig. Maak de evaluatie opnieuw als het laatste jaar voorbij is.")
    if example == "waregem":
        assert "ONTWERP" not in message


def test_a_workbook_with_errors_gets_no_evaluation_and_is_told_where_to_look(tmp_path):
    path = tmp_path / "gent.xlsx"
    fill(build_template(), BROKEN_PLAN).save(path)
    book = StandInBook(path)
    outcome = press(run_evaluation, book)
    count = len(validate(read_plan(path)).errors)
    assert not outcome.ok and list(tmp_path.glob("*.docx")) == [] and book.opened == []
    assert book.shown == ["Controle"]
    assert book.messages == [
        (
            f"De evaluatie is niet gemaakt: het werkboek heeft {count} {'fout' if count == 1 else 'fouten'}.\n\n"
            "De lijst staat op het blad Controle; klik op een cel in kolom Cel om naar het probleem te gaan. "
            "Verbeter de fouten en klik opnieuw op 'Maak evaluatie'.",
            False,
        )
    ]


def test_an_existing_evaluation_stays_and_the_new_one_gets_a_number(tmp_path):
    path = copy_of("waregem", tmp_path)
    existing = tmp_path / "evaluatie-2011-2013-waregem.docx"
    existing.write_bytes(b"van de gemeente")
    book = StandInBook(path)
    assert press(run_evaluation, book).ok
    assert existing.read_bytes() == b"van de gemeente"
    assert book.opened == [tmp_path / "evaluatie-2011-2013-waregem (2).docx"]
    assert "evaluatie-2011-2013-waregem.docx bestond al en bleef ongewijzigd" in book.messages[0][0]


# ---- Nieuw plan


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_new_plan_is_the_workbook_of_the_command(example, tmp_path, capsys):
    by_command = copy_of(example, tmp_path / "opdracht")
    by_button = copy_of(example, tmp_path / "knop")
    period, name = OFFERED[example]
    assert main(["nieuw-plan", str(by_command), str(by_command.parent / name), "--periode", period]) == 0
    printed = capsys.readouterr().out.splitlines()
    book = StandInBook(by_button)
    outcome = press(run_next_plan, book)
    assert outcome.ok, outcome.message
    made = by_button.parent / name
    start, end = period.split("-")
    old = read_plan(by_button).settings
    assert book.questions == [
        (
            f"Welke planperiode begint u? planrapport maakt een nieuw werkboek met wat uit het plan {old.start_year}-"
            f"{old.end_year} doorloopt (doelstellingen, resultaten, acties en indicatoren); dit werkboek blijft zoals "
            "het is. Typ het eerste en het laatste jaar.",
            period,
        ),
        (
            "Hoe heet het nieuwe werkboek (.xlsx)? Een naam zonder map komt naast dit werkboek, in "
            f"{by_button.parent}. "
            "Een bestaand werkboek wordt nooit overschreven.",
            name,
        ),
    ]
    assert values(made) == values(by_command.parent / name)
    assert by_button.read_bytes() == EXAMPLES[example].read_bytes()
    assert book.opened == [by_button.parent] and book.written == {}
    command_lines = [line.replace(str(by_command.parent), str(by_button.parent)) for line in printed]
    assert command_lines[-1] == (f"{by_button.name} is niet gewijzigd. Daarna: planrapport nieuw-jaar {name} {start}")
    assert book.messages == [
        (
            "\n".join([*command_lines[:-1], f"{by_button.name} is niet gewijzigd."])
            + (
                f"\n\nVolgende stap: open {name}, kijk na wat hierboven staat en vul op blad Indicatoren de "
                "Streefwaarde en "
                f"het Streefjaar van {start}-{end} in. Begin het eerste jaar met 'Nieuw jaar' ({start}). Het nieuwe "
                "werkboek heeft nog geen knoppen; een werkboek met knoppen maakt u ervan met de opdracht:\n"
                f'{COMMAND_LINE} omzetten "{made}"'
            ),
            True,
        )
    ]


def test_the_offered_name_never_is_a_workbook_that_exists(tmp_path):
    path = copy_of("waregem", tmp_path)
    (tmp_path / "waregem-2014-2016.xlsx").write_bytes(b"van de gemeente")
    book = StandInBook(path)
    assert press(run_next_plan, book).ok
    assert book.questions[1][1] == "waregem-2014-2016 (2).xlsx"
    assert (tmp_path / "waregem-2014-2016.xlsx").read_bytes() == b"van de gemeente"
    assert read_plan(tmp_path / "waregem-2014-2016 (2).xlsx").settings.start_year == 2014


def test_a_typed_name_of_a_workbook_that_exists_is_refused(tmp_path):
    path = copy_of("denderleeuw", tmp_path)
    existing = tmp_path / "plan 2026-2031.xlsx"
    existing.write_bytes(b"van de gemeente")
    book = StandInBook(path)
    book.answers = ["2026-2031", "plan 2026-2031"]
    outcome = press(run_next_plan, book)
    assert not outcome.ok and book.opened == []
    assert outcome.message == (
        "plan 2026-2031.xlsx: dit werkboek bestaat al; nieuw-plan overschrijft nooit een "
        "werkboek. Kies een andere naam."
    )
    assert existing.read_bytes() == b"van de gemeente"


def test_another_period_and_a_name_elsewhere(tmp_path):
    path = copy_of("denderleeuw", tmp_path / "plan")
    elsewhere = tmp_path / "elders" / "volgend plan.xlsx"
    elsewhere.parent.mkdir()
    book = StandInBook(path)
    book.answers = [" 2026 - 2030 ", str(elsewhere)]
    outcome = press(run_next_plan, book)
    assert outcome.ok, outcome.message
    settings = read_plan(elsewhere).settings
    assert (settings.start_year, settings.end_year, settings.report_year) == (2026, 2030, 2026)
    assert book.opened == [elsewhere.parent]
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


@pytest.mark.parametrize(
    ("answers", "message", "ok"),
    [
        ([None], "'Nieuw plan' is afgebroken; er is niets gewijzigd.", True),
        (["2026-2031", None], "'Nieuw plan' is afgebroken; er is niets gewijzigd.", True),
        (
            ["volgend jaar"],
            "'volgend jaar' is geen planperiode. Klik opnieuw op 'Nieuw plan' en typ het eerste en het "
            "laatste jaar, bv. 2026-2031.",
            False,
        ),
        (
            ["2031-2026"],
            "'2031-2026' is geen planperiode. Klik opnieuw op 'Nieuw plan' en typ het eerste en het "
            "laatste jaar, bv. 2026-2031.",
            False,
        ),
        (
            ["2026-2031", "  "],
            "Er is geen naam getypt. Klik opnieuw op 'Nieuw plan' en typ de naam van het nieuwe werkboek.",
            False,
        ),
    ],
)
def test_cancelled_no_period_or_no_name_writes_nothing(answers, message, ok, tmp_path):
    path = copy_of("denderleeuw", tmp_path)
    book = StandInBook(path)
    book.answers = list(answers)
    outcome = press(run_next_plan, book)
    assert (outcome.ok, outcome.message) == (ok, message)
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name] and book.opened == []


def test_an_unsaved_workbook_gets_no_new_plan(tmp_path):
    book = StandInBook(copy_of("denderleeuw", tmp_path), saved=False)
    outcome = press(run_next_plan, book)
    assert not outcome.ok and outcome.message == "Bewaar het werkboek eerst."
    assert book.questions == []


def test_the_offered_period_and_name():
    plan = read_plan(DENDERLEEUW)
    assert offered_period(plan) == "2026-2031"
    assert offered_period(read_plan(WAREGEM)) == "2014-2016"
    assert offered_name(plan, Path("/nergens/plan 2020-2025.xlsm"), "2026-2031") == Path("/nergens/plan 2026-2031.xlsx")
    assert offered_name(plan, Path("/nergens/samenleven.xlsx"), "2026-2031") == Path(
        "/nergens/samenleven 2026-2031.xlsx"
    )
