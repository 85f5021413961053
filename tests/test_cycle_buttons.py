"""The yearly cycle's buttons on a stand-in for the open Excel book: the same result as the commands, never the file."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import DENDERLEEUW, WAREGEM
from docx import Document
from live_book_standin import StandInBook
from openpyxl import load_workbook
from test_buttons import BROKEN_PLAN
from test_yearly_cycle import OFFICER_TEXT, _fill

from planrapport.buttons import press, run_check
from planrapport.cli import main
from planrapport.cycle_buttons import COMMAND_LINE, run_ask, run_collect, run_new_year, run_submit
from reporting.figures.formatting import long_date
from reporting.validation import validate
from workbook.builders.template import build_template, fill
from workbook.cycle.new_year import open_year
from workbook.cycle.requests import file_name, requests_for, write_requests
from workbook.plan.errors import WorkbookError
from workbook.plan.schema import FOLLOW_UP
from workbook.reading.live_book import read_live_plan
from workbook.reading.reader import read_plan
from workbook.sheets.live_edits import rows_to_append
from workbook.spreadsheet.package import Package
from workbook.spreadsheet.rows import TableSheet

EXAMPLES = {"waregem": (WAREGEM, 2013), "denderleeuw": (DENDERLEEUW, 2024)}


def twins(tmp_path: Path, example: str) -> tuple[Path, Path]:
    """Two copies of an example: one for the commands, one open in the stand-in for the buttons."""
    source, _ = EXAMPLES[example]
    paths = []
    for kind in ("opdracht", "knop"):
        (tmp_path / kind).mkdir()
        paths.append(tmp_path / kind / "plan.xlsx")
        shutil.copyfile(source, paths[-1])
    return paths[0], paths[1]


def sheet_values(book: StandInBook, *names: str) -> dict[str, list[list[object]]]:
    return {name: book.values(name) for name in names}


def contents(path: Path) -> list[tuple[str, str, list[list[object]], list[str]]]:
    """Every sheet of a workbook: name, visibility, values and drop-downs (the zip's times differ per second)."""
    book = load_workbook(path)
    return [
        (
            sheet.title,
            sheet.sheet_state,
            [[c.value for c in row] for row in sheet.iter_rows()],
            [f"{v.sqref} {v.formula1}" for v in sheet.data_validations.dataValidation],
        )
        for sheet in book
    ]


@pytest.mark.parametrize("example", EXAMPLES)
def test_new_year_on_the_open_book_gives_the_plan_the_command_gives(example, tmp_path, capsys):
    by_command, by_button = twins(tmp_path, example)
    year = EXAMPLES[example][1]
    book = StandInBook(by_button)
    outcome = press(run_new_year, book)
    assert outcome.ok and book.questions[0][1] == str(year)
    assert book.questions[0][0].startswith(f"Rapportjaar is nu {year - 1}. Welk rapportjaar begint u?")
    assert main(["nieuw-jaar", str(by_command), str(year)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert read_live_plan(book) == read_plan(by_command)
    assert by_button.read_bytes() == EXAMPLES[example][0].read_bytes()  # the file behind Excel stays as it was
    plan = read_plan(by_command)
    rows = sum(r.year == year for r in plan.follow_ups)
    measured = sum(m.year == year for m in plan.measurements)
    assert printed[:3] == [
        f"Rapportjaar: {year} (was {year - 1}).",
        f"Blad Opvolging: {rows} rijen voor {year} toegevoegd.",
        f"Blad Metingen: {measured} rijen voor {year} toegevoegd.",
    ]
    assert book.messages[-1] == (
        "\n".join(
            [
                f"Rapportjaar: {year} (was {year - 1}).",
                f"Blad Opvolging: {rows} rijen voor {year} toegevoegd, leeg tot de trekker antwoordt.",
                f"Blad Metingen: {measured} rijen voor {year} toegevoegd.",
                *printed[3:-1][:20],
                *([f"... en nog {len(printed) - 24} acties."] if len(printed) > 24 else []),
            ]
        )
        + "\n\nBewaar het werkboek (Ctrl+S) om de wijzigingen te houden. Volgende stap: vul op blad Acties de kolom "
        "Trekker in (wie de opvolging van de actie geeft) en klik op 'Vraag opvolging op'.",
        True,
    )
    assert book.shown == ["Opvolging"]

    before = sheet_values(book, "Instellingen", "Opvolging", "Metingen")
    book.answers = [str(year)]
    press(run_new_year, book)
    assert sheet_values(book, "Instellingen", "Opvolging", "Metingen") == before
    assert book.messages[-1][0].startswith(f"Het werkboek staat al op rapportjaar {year}; er was niets toe te voegen.")


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (None, "'Nieuw jaar' is afgebroken; er is niets gewijzigd."),
        ("volgend jaar", "'volgend jaar' is geen jaar. Klik opnieuw op 'Nieuw jaar' en typ een jaar, bv. 2024."),
        (
            "2026",
            "2026 valt buiten de planperiode 2020-2025 (Beginjaar en Eindjaar op blad Instellingen). Klik opnieuw "
            "op 'Nieuw jaar' en kies een jaar van 2020 tot en met 2025.",
        ),
    ],
)
def test_new_year_changes_nothing_when_cancelled_or_given_no_year_of_the_plan(answer, message):
    book = StandInBook(DENDERLEEUW)
    before = {name: book.values(name) for name in book.sheet_names()}
    book.answers = [answer]
    outcome = press(run_new_year, book)
    assert book.messages == [(message, answer is None)] and outcome.ok == (answer is None)
    assert {name: book.values(name) for name in book.sheet_names()} == before


@pytest.mark.parametrize("example", EXAMPLES)
def test_ask_writes_the_files_the_command_writes_beside_the_workbook(example, tmp_path, capsys):
    by_command, by_button = twins(tmp_path, example)
    year = EXAMPLES[example][1]
    for path in (by_command, by_button):
        open_year(path, year)
    book = StandInBook(by_button)
    outcome = press(run_ask, book)
    assert main(["uitvragen", str(by_command)]) == 0
    printed = capsys.readouterr().out.splitlines()
    sent, asked = by_button.parent / f"opvolging {year}", by_command.parent / f"opvolging {year}"
    names = sorted(p.name for p in asked.iterdir())
    assert sorted(p.name for p in sent.iterdir()) == names
    for name in names:
        assert contents(sent / name) == contents(asked / name), name
    assert outcome.ok and book.opened == [sent]
    count = len(names)
    listed = [line.split("  ") for line in printed[1:-2]]  # "  wie  bestand  (wat)", aligned in columns
    listed = [[part.strip() for part in parts if part.strip()] for parts in listed]
    assert book.messages[-1][0] == (
        f"Uitvraag opvolging {year}: {count} bestanden in de map {sent}:\n"
        + "\n".join(f"- {who}: {name} {what}" for who, name, what in listed)
        + "\n\nWat elke trekker kreeg, staat op het verborgen blad Uitgevraagd; het werkboek is bewaard."
        "\n\nMail elk bestand naar de trekker. Zet de ingevulde bestanden die terugkomen in dezelfde map (een andere "
        "naam mag) en klik dan op 'Verzamel opvolging'."
    )

    again = press(run_ask, book)
    assert not again.ok and book.opened == [sent]
    assert book.messages[-1][0] == (
        f"In de map {sent} staan al {', '.join(file_name(r, year) for r in requests_for(read_plan(by_button), year))}"
        ". planrapport vervangt ze niet: er kunnen al antwoorden in staan.\n\nHaal de antwoorden binnen met 'Verzamel "
        "opvolging', of verplaats de bestanden naar een andere map en klik opnieuw."
    )
    assert all(contents(sent / name) == contents(asked / name) for name in names)


def test_ask_and_collect_need_the_years_rows_first(tmp_path):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    book = StandInBook(path)
    book.type("Instellingen", 8, 2, 2025)
    assert press(run_ask, book).message == "Op blad Opvolging staan geen rijen voor 2025. Klik eerst op 'Nieuw jaar'."
    book.type("Instellingen", 8, 2, 2023)
    assert press(run_collect, book).message == (
        f"De map {tmp_path / 'opvolging 2023'} bestaat niet. Klik eerst op 'Vraag opvolging op': die maakt de map met "
        "een bestand per trekker. Zet de ingevulde bestanden die terugkomen in die map."
    )
    assert not list(tmp_path.iterdir())[1:]


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_whole_cycle_through_the_buttons_ends_where_the_commands_end(example, tmp_path, capsys):
    by_command, by_button = twins(tmp_path, example)
    source, year = EXAMPLES[example]
    write_requests(read_plan(source), year - 1, tmp_path / "vorig jaar")
    book = StandInBook(by_button)
    press(run_new_year, book)
    press(run_ask, book)
    assert main(["nieuw-jaar", str(by_command), str(year)]) == 0
    assert main(["uitvragen", str(by_command)]) == 0
    plan = read_plan(by_command)
    requests = requests_for(plan, year)
    first, half, old, wrong, silent = [r for r in requests if r.lead][:5]
    # The officer writes in a row that was sent out, in both: a conflict to come.
    conflict_row = first.follow_ups[0]
    book.type("Opvolging", conflict_row.origin.row, 4, OFFICER_TEXT)
    package = Package(by_command)
    sheet = TableSheet(package, "Opvolging", None)
    sheet.set_value(conflict_row.origin.row, 4, OFFICER_TEXT)
    sheet.save()
    package.write(tmp_path / "tmp.xlsx")
    shutil.move(tmp_path / "tmp.xlsx", by_command)
    # Five colleagues, the same in both folders.
    for path in (by_command, by_button):
        folder = path.parent / f"opvolging {year}"
        files = {r.who: folder / file_name(r, year) for r in requests}
        shutil.copyfile(files[first.who], tmp_path / "zoals verstuurd.xlsx")
        _fill(files[first.who], measurement=1234, target=folder / "mijn antwoord.xlsx")
        shutil.copyfile(tmp_path / "zoals verstuurd.xlsx", files[first.who])
        _fill(
            files[half.who],
            rows=(len(half.follow_ups) + 1) // 2,
            values={"Status": "In uitvoering", "Stand van zaken": "Half gedaan."},
        )
        shutil.copyfile(tmp_path / "vorig jaar" / file_name(old, year - 1), files[old.who])
        _fill(files[wrong.who], rows=1, values={"Status": "Bezig", "Stand van zaken": "We zijn bezig."})
        files[silent.who].unlink()
    capsys.readouterr()

    outcome = press(run_collect, book)
    assert main(["verzamelen", str(by_command), str(by_command.parent / f"opvolging {year}"), "--schrijf"]) == 0
    assert read_live_plan(book) == read_plan(by_command)
    assert by_button.stat().st_size and not list(by_button.parent.glob("*reservekopie*"))
    written = [row[0].value for row in load_workbook(by_command)["Verzameld"].iter_rows()]
    assert [row[0] or None for row in book.cells["Verzameld"]] == written
    folder = by_button.parent / f"opvolging {year}"
    waiting = [r.who for r in requests if r not in (first, half, wrong)]
    filled = sum(int(n) for n in re.findall(r"\((\d+) cel(?:len)?\)", capsys.readouterr().out))
    assert outcome.ok and book.shown[-1] == "Verzameld"
    assert outcome.message == (
        f"Opvolging {year} verzameld uit de map {folder}: 3 antwoorden, {filled} cellen overgenomen.\n"
        "Conflicten: 1 (niet overgenomen).\nGeweigerd: 2.\n"
        f"Nog geen antwoord van: {', '.join(waiting)}.\n\nHet volledige overzicht staat op blad Verzameld.\n\n"
        "Bij een conflict houdt het werkboek zijn eigen waarde. Kies zelf: pas de cel aan (de cel staat op blad "
        "Verzameld), of neem de ingevulde waarden toch over vanaf de opdrachtprompt, met het werkboek bewaard en "
        f'gesloten:\n{COMMAND_LINE} verzamelen "{by_button}" "{folder}" --overschrijf\n\n'
        "Bewaar het werkboek (Ctrl+S) om de wijzigingen te houden. Volgende stap: klik op 'Controleer' en daarna op "
        "'Dien in'."
    )

    before = sheet_values(book, "Opvolging", "Metingen")
    again = press(run_collect, book)
    assert sheet_values(book, "Opvolging", "Metingen") == before
    assert "0 cellen overgenomen" in again.message and "Er was niets nieuws om over te nemen." in again.message

    warnings = len(validate(read_live_plan(book), year).warnings)
    submitted = press(run_submit, book)
    assert main(["indienen", str(by_command), "--jaar", str(year)]) == 0
    assert submitted.ok, submitted.message
    assert book.questions[-1][1] == str(year) and book.saves == 2 and book.hidden == {"Ingediend", "Uitgevraagd"}
    assert read_live_plan(book).submitted == read_plan(by_command).submitted
    report = submitted.document
    assert book.opened[-1] == report and report.parent == by_button.parent
    twin = next(by_command.parent.glob(f"jaarrapport-{year}*.docx"))
    assert report.name == twin.name
    text = "\n".join(p.text for p in Document(report).paragraphs)
    assert text == "\n".join(p.text for p in Document(twin).paragraphs)
    assert OFFICER_TEXT in text and "Half gedaan." in text and "ONTWERP" not in text
    rows = sum(r.year == year for r in plan.follow_ups)
    measurements = sum(m.year == year for m in plan.measurements)
    assert submitted.message == (
        f"Ingediend op {long_date(date.today())}: het definitieve jaarrapport {report.name} staat in de map van het "
        f"werkboek ({report.parent}). De opvolging van {rows} acties en {measurements} metingen van {year} staat op "
        f"het verborgen blad Ingediend.\nHet werkboek heeft {warnings} waarschuwingen; ze staan op het blad Controle."
        "\n\nHet werkboek is bewaard, zodat het verslag van de indiening blijft. Wijzigt "
        "u daarna een ingediende waarde, dan meldt 'Controleer' het."
    )

    again = press(run_submit, book)
    assert (
        f"Dit vervangt de indiening van {year} op {long_date(date.today())} en het document {report.name}."
        in again.message
    )
    assert again.document == report  # one final report per year, replaced with its record
    book.type("Opvolging", conflict_row.origin.row, 3, "Stopgezet")
    press(run_check, book)
    changed = [i.cell for i in validate(read_live_plan(book)).issues if i.code == "gewijzigd-na-indiening"]
    assert changed == [f"Opvolging!C{conflict_row.origin.row}"]


def test_a_workbook_with_errors_is_not_submitted(tmp_path):
    path = tmp_path / "kapot.xlsx"
    fill(build_template(), BROKEN_PLAN).save(path)
    book = StandInBook(path)
    outcome = press(run_submit, book)
    count = len(validate(read_plan(path), 2023).errors)
    assert outcome.message == (
        f"Er is niets ingediend: het werkboek heeft {count} {'fout' if count == 1 else 'fouten'}.\n\nDe lijst staat "
        "op het blad Controle; klik op een cel in kolom Cel om naar het probleem te gaan. Verbeter de fouten en klik "
        "opnieuw op 'Dien in'."
    )
    assert "Controle" in book.written and "Ingediend" not in book.cells and book.saves == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kapot.xlsx"]


def test_an_officers_own_sheets_called_verzameld_or_ingediend_are_left_alone(tmp_path):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    open_year(path, 2024)
    write_requests(read_plan(path), 2024, tmp_path / "opvolging 2024")
    book = StandInBook(path)
    for name in ("Verzameld", "Ingediend"):
        book.cells[name] = [["Mijn eigen notities"]]
        book.cell_bold[name] = [[False]]
    collected = press(run_collect, book)
    submitted = press(run_submit, book)
    assert not collected.ok and "blad 'Verzameld' dat planrapport niet gemaakt heeft" in collected.message
    assert not submitted.ok and "blad 'Ingediend' dat planrapport niet gemaakt heeft" in submitted.message
    assert book.cells["Verzameld"] == book.cells["Ingediend"] == [["Mijn eigen notities"]]
    assert not list(tmp_path.glob("*.docx"))


def test_new_rows_go_below_the_last_filled_row_of_the_table_columns():
    values = [
        ["Opvolging per jaar", None, None, None, "mijn notitie"],
        ["uitleg"],
        [None, "Actie", "Jaar", "Status", None, "Eigen kolom"],
        [None, "A1", 2023, "Gepland"],
        [None, None, None, None],
        [None, None, None, "Lopend", None, None],
        [None, None, None, None, None, None, "iets rechts van de tabel"],
    ]
    first, rows = rows_to_append(
        values, FOLLOW_UP, [{"Actie": "A2", "Jaar": 2024, "Status": "Gepland", "Geld": "niet op dit blad"}]
    )
    assert first == (7, 2)  # row 6 has a value in the table's columns; column G lies outside them
    assert rows == [["A2", 2024, "Gepland", None, None]]


def test_new_rows_need_the_header_row():
    with pytest.raises(WorkbookError) as error:
        rows_to_append([["Opvolging per jaar"], ["Code", "Wat"]], FOLLOW_UP, [{"Actie": "A2"}])
    assert error.value.message == (
        "Op blad 'Opvolging' staan de kolomnamen niet. Geef de kolommen hun namen terug (rij 3) en klik opnieuw."
    )


def test_every_button_in_the_self_tests_order_works_on_its_example(tmp_path):
    from planrapport import buttons
    from planrapport.buttons import run_plan_document, run_year_report
    from planrapport.commands.pc.excel import EXAMPLE
    from planrapport.period_buttons import run_next_plan
    from workbook.builders.build_xlsm import ALL_BUTTONS, SELFTEST_KEY, write_macro_workbook
    from xlsx_templates import example_path

    copy = tmp_path / f"zelftest-{EXAMPLE}.xlsm"
    write_macro_workbook(example_path(EXAMPLE), copy, extra_settings=((SELFTEST_KEY, "ja"),))
    book = StandInBook(copy)
    runs = {
        "Controleer": run_check,
        "GenereerJaarrapport": run_year_report,
        "GenereerBeleidsplan": run_plan_document,
        "NieuwJaar": run_new_year,
        "VraagOpvolgingOp": run_ask,
        "VerzamelOpvolging": run_collect,
        "DienIn": run_submit,
        "MaakEvaluatie": buttons.run_evaluation,
        "NieuwPlan": run_next_plan,
    }
    for button in ALL_BUTTONS:
        outcome = press(runs[button.macro], book)
        assert outcome.ok, (button.caption, outcome.message)
    assert "Ingediend" in book.hidden and list(tmp_path.glob("opvolging */*.xlsx"))
