"""planrapport venster under a real X server (Xvfb): the steps clicked, their messages, the files written, a
screenshot of each state."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from reporting.figures.formatting import long_date
from tests.conftest import DENDERLEEUW, FIXTURES

tk = pytest.importorskip("tkinter", reason="Python zonder tkinter: het venster kan niet getest worden")

# Set to a folder to keep the screenshots there (docs/ holds three of them).
SCREENSHOTS = os.environ.get("PLANRAPPORT_SCHERMAFDRUKKEN")
BACKUP = r"Reservekopie van het werkboek: denderleeuw-2023 \(reservekopie \d{4}-\d\d-\d\d( [\d.-]+)?\)\.xlsx"


@pytest.fixture(scope="session")
def display():
    """A private X server for the session; skipped where Xvfb is not installed (tests/install-tools installs it)."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip(
            "Xvfb is niet geïnstalleerd (tests/install-tools installeert het): het venster heeft een X-server nodig"
        )
    number = next(n for n in range(91, 200) if not Path(f"/tmp/.X{n}-lock").exists())
    server = subprocess.Popen(
        [xvfb, f":{number}", "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 10
    while not socket.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    before = os.environ.get("DISPLAY")
    os.environ["DISPLAY"] = f":{number}"
    yield f":{number}"
    if before is None:
        os.environ.pop("DISPLAY", None)
    else:
        os.environ["DISPLAY"] = before
    server.terminate()
    server.wait(10)


@pytest.fixture
def book(tmp_path):
    path = tmp_path / DENDERLEEUW.name
    shutil.copy(DENDERLEEUW, path)
    return path


class Driver:
    """The window on a Tk of its own, clicked as the officer clicks it."""

    def __init__(self, display: str, path: Path | None, tmp_path: Path, **options) -> None:
        from planrapport.window_app import PlanWindow

        self.display = display
        self.tmp_path = tmp_path
        self.opened: list[Path] = []
        self.root = tk.Tk()
        self.window = PlanWindow(self.root, path, opener=options.pop("opener", self.opened.append), **options)
        self.settle()

    def settle(self, seconds: float = 0.1) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.root.update()
            time.sleep(0.01)

    def wait(self, until, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not until():
            assert time.monotonic() < deadline, "het venster werd niet klaar"
            self.root.update()
            time.sleep(0.01)

    def click(self, caption: str, answer: str | None = "default") -> str:
        """Click a step; answer its question (the default, a text, or None to cancel); the message."""
        self.window.buttons[caption].invoke()
        self.wait(lambda: self.window.dialog is not None or not self.window.busy())
        if self.window.dialog is not None:
            dialog = self.window.dialog
            if answer is None:
                dialog.cancel.invoke()
            else:
                if answer != "default":
                    dialog.answer.set(answer)
                dialog.ok.invoke()
            self.wait(lambda: not self.window.busy())
        self.settle()
        return self.window.message_text()

    def screenshot(self, name: str) -> Path:
        from PIL import ImageGrab

        self.settle(0.3)
        root = self.root
        box = (
            root.winfo_rootx(),
            root.winfo_rooty(),
            root.winfo_rootx() + root.winfo_width(),
            root.winfo_rooty() + root.winfo_height(),
        )
        image = ImageGrab.grab(bbox=box, xdisplay=self.display).convert("RGB")
        image = image.quantize(colors=64)
        folder = Path(SCREENSHOTS) if SCREENSHOTS else self.tmp_path
        path = folder / f"{name}.png"
        image.save(path, optimize=True)
        assert path.stat().st_size < 100_000
        return path

    def close(self) -> None:
        self.root.destroy()


@pytest.fixture
def driver(display, tmp_path):
    made: list[Driver] = []

    def make(path: Path | None, **options) -> Driver:
        made.append(Driver(display, path, tmp_path, **options))
        return made[-1]

    yield make
    for one in made:
        one.close()


def test_the_reports_and_the_yearly_cycle_clicked_in_the_window(driver, book, monkeypatch, tmp_path):
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "appdata"))
    run = driver(book)
    window = run.window
    assert window.root.title() == "planrapport - denderleeuw-2023.xlsx"
    assert window.notice.cget("text") == ""
    assert window.progress_text.get() == "Kies een werkboek en klik op een stap."
    assert list(window.buttons) == [
        "Controleer",
        "Genereer jaarrapport",
        "Genereer beleidsplan",
        "Nieuw jaar",
        "Vraag opvolging op",
        "Verzamel opvolging",
        "Dien in",
        "Maak evaluatie",
        "Nieuw plan",
    ]

    text = run.click("Controleer")
    assert window.progress_text.get() == "Controleer: klaar."
    lines = text.splitlines()
    assert len(lines) == 9
    assert lines[0].split()[:3] == ["Acties!I4", "waarschuwing", "verwijzing-buiten-plan"]
    assert lines[7] == "denderleeuw-2023.xlsx: geen fouten, 7 waarschuwingen (rapportjaar 2023)."
    assert re.fullmatch(r"De lijst staat op het blad Controle van denderleeuw-2023\.xlsx\. " + BACKUP, lines[8])
    from openpyxl import load_workbook

    assert "Controle" in load_workbook(book, read_only=True).sheetnames
    run.screenshot("venster-controle")

    text = run.click("Genereer jaarrapport")
    report = book.parent / "jaarrapport-2023-denderleeuw.docx"
    assert text == str(report)
    assert window.progress_text.get() == "Genereer jaarrapport: klaar."
    assert report.is_file() and run.opened == [report]

    text = run.click("Genereer beleidsplan")
    plan = book.parent / "beleidsplan-2020-2025-denderleeuw.docx"
    assert text == str(plan) and plan.is_file() and run.opened[-1] == plan

    window.buttons["Nieuw jaar"].invoke()
    run.wait(lambda: window.dialog is not None)
    dialog = window.dialog
    assert dialog.question.cget("text") == (
        "Begin een nieuw rapportjaar: Rapportjaar instellen en lege rijen voor opvolging en metingen "
        "toevoegen.\n\nRapportjaar is nu 2023. Welk jaar?"
    )
    assert dialog.answer.get() == "2024"
    assert window.progress_text.get() == "Nieuw jaar: planrapport is bezig ..."
    assert window.buttons["Dien in"].instate(["disabled"])
    run.screenshot("venster-vraag")
    dialog.ok.invoke()
    run.wait(lambda: not window.busy())
    lines = window.message_text().splitlines()
    assert lines[:3] == [
        "Rapportjaar: 2024 (was 2023).",
        "Blad Opvolging: 6 rijen voor 2024 toegevoegd.",
        "Blad Metingen: 7 rijen voor 2024 toegevoegd.",
    ]
    assert re.fullmatch(BACKUP, lines[3]) and len(lines) == 4

    lines = run.click("Vraag opvolging op").splitlines()
    folder = book.parent / "opvolging 2024"
    assert lines[0] == f"Uitvraag opvolging 2024: 6 bestanden in {folder}"
    assert lines[4].split() == ["vzw", "PIN", "opvolging", "2024", "vzw", "PIN.xlsx", "(1", "actie,", "7", "metingen)"]
    assert lines[7] == "Wat elke trekker kreeg, staat op het verborgen blad Uitgevraagd van denderleeuw-2023.xlsx."
    assert len(list(folder.glob("*.xlsx"))) == 6 and run.opened[-1] == folder

    lines = run.click("Verzamel opvolging").splitlines()
    assert lines[:3] == ["Opvolging 2024 verzameld: 0 antwoorden.", "", "Nog geen antwoord van (6):"]
    assert lines[-3:-1] == [
        "Er was niets nieuws om over te nemen.",
        "Het overzicht staat op blad Verzameld van denderleeuw-2023.xlsx.",
    ]

    lines = run.click("Dien in").splitlines()
    final = book.parent / "jaarrapport-2024-denderleeuw-ingediend.docx"
    assert lines[0] == str(final) and final.is_file() and run.opened[-1] == final
    assert lines[1] == (
        f"Ingediend op {long_date(date.today())}: de opvolging van 6 acties en 7 metingen van 2024 "
        "staan op het verborgen blad Ingediend."
    )
    assert window.progress_text.get() == "Dien in: klaar."


def test_the_evaluation_and_the_next_plan_clicked_in_the_window(driver, book, capsys):
    run = driver(book)
    window = run.window
    text = run.click("Maak evaluatie")
    evaluation = book.parent / "evaluatie-2020-2025-denderleeuw.docx"
    assert text == str(evaluation) and evaluation.is_file() and run.opened == [evaluation]
    assert window.progress_text.get() == "Maak evaluatie: klaar."

    window.buttons["Nieuw plan"].invoke()
    run.wait(lambda: window.dialog is not None)
    assert window.dialog.question.cget("text") == (
        "Welke planperiode begint u? planrapport maakt een nieuw werkboek met wat uit het plan 2020-2025 doorloopt "
        "(doelstellingen, resultaten, acties en indicatoren); dit werkboek blijft zoals het is. Typ het eerste en het "
        "laatste jaar."
    )
    assert window.dialog.answer.get() == "2026-2031"
    window.dialog.ok.invoke()
    run.wait(lambda: window.dialog is not None and window.dialog.answer.get() != "2026-2031")
    dialog = window.dialog
    assert dialog.question.cget("text") == (
        f"Hoe heet het nieuwe werkboek (.xlsx)? Een naam zonder map komt naast dit werkboek, in {book.parent}. Een "
        "bestaand werkboek wordt nooit overschreven."
    )
    assert dialog.answer.get() == "denderleeuw-2023 2026-2031.xlsx"
    assert int(dialog.entry.cget("width")) >= len(dialog.answer.get())
    run.screenshot("venster-nieuw-plan")
    dialog.ok.invoke()
    run.wait(lambda: not window.busy())
    run.settle()
    new = book.parent / "denderleeuw-2023 2026-2031.xlsx"
    before = book.read_bytes()
    from planrapport.cli import main

    copy = book.parent / "opdracht" / book.name
    copy.parent.mkdir()
    shutil.copy(book, copy)
    assert main(["nieuw-plan", str(copy), str(copy.parent / new.name), "--periode", "2026-2031"]) == 0
    printed = capsys.readouterr().out.replace(str(copy.parent), str(book.parent))
    assert window.message_text() == printed.rstrip("\n")
    assert new.is_file() and run.opened[-1] == book.parent and book.read_bytes() == before
    assert window.progress_text.get() == "Nieuw plan: klaar."

    assert run.click("Nieuw plan", answer=None) == "'Nieuw plan' is afgebroken; er is niets gewijzigd."


def test_while_excel_holds_the_workbook_it_reads_the_saved_file_and_refuses_to_write(driver, book):
    (book.parent / f"~${book.name}").write_bytes(b"")
    before = book.read_bytes()
    run = driver(book)
    window = run.window
    notice = (
        "Excel heeft denderleeuw-2023.xlsx open: planrapport werkt met het bewaarde bestand en ziet niet wat u "
        "sinds het laatste bewaren wijzigde."
    )
    assert window.notice.cget("text") == notice

    text = run.click("Genereer jaarrapport")
    assert text == f"{notice}\n\n{book.parent / 'jaarrapport-2023-denderleeuw.docx'}"

    lines = run.click("Controleer").splitlines()
    assert lines[0] == notice
    assert lines[-2] == "denderleeuw-2023.xlsx: geen fouten, 7 waarschuwingen (rapportjaar 2023)."
    assert lines[-1] == (
        "De lijst staat niet op blad Controle: dat kan pas als het werkboek in Excel bewaard en gesloten is."
    )

    for caption in ("Nieuw jaar", "Vraag opvolging op", "Verzamel opvolging", "Dien in"):
        assert run.click(caption) == (
            "Excel heeft denderleeuw-2023.xlsx open, en planrapport schrijft niet in een werkboek dat open is. Er is "
            "niets gewijzigd.\n\nBewaar het werkboek in Excel (Ctrl+S), sluit het en klik opnieuw op "
            f"'{caption}'."
        )
        assert window.progress_text.get() == f"{caption}: lees de melding hieronder."
        assert window.dialog is None
    run.screenshot("venster-open-in-excel")
    assert book.read_bytes() == before
    assert not (book.parent / "opvolging 2023").exists()

    (book.parent / f"~${book.name}").unlink()
    window.refresh()
    assert window.notice.cget("text") == ""


def test_the_year_asked_cancelled_not_a_year_or_outside_the_period(driver, book):
    before = book.read_bytes()
    run = driver(book)
    assert run.click("Nieuw jaar", answer=None) == "'Nieuw jaar' is afgebroken; er is niets gewijzigd."
    assert run.click("Nieuw jaar", answer="volgend jaar") == (
        "'volgend jaar' is geen jaar. Klik opnieuw op 'Nieuw jaar' en typ een jaar, bv. 2024."
    )
    assert run.click("Dien in", answer="2031") == (
        "2031 valt buiten de planperiode 2020-2025 (Beginjaar en Eindjaar op blad Instellingen). Klik opnieuw op "
        "'Dien in' en kies een jaar van 2020 tot en met 2025."
    )
    assert book.read_bytes() == before


def test_a_workbook_chosen_in_the_file_dialog_or_none(driver, book):
    run = driver(None, choose_file=lambda: str(book))
    window = run.window
    assert window.root.title() == "planrapport"
    assert run.click("Genereer jaarrapport") == (
        "Kies eerst het werkboek: klik op 'Kies ...' of typ het pad van het werkboek."
    )
    window.choose.invoke()
    assert window.path_text.get() == str(book)
    assert window.root.title() == "planrapport - denderleeuw-2023.xlsx"
    assert run.click("Genereer beleidsplan") == str(book.parent / "beleidsplan-2020-2025-denderleeuw.docx")


def test_a_workbook_with_errors_and_a_missing_one_get_the_commands_message(driver, tmp_path):
    path = tmp_path / "plan.xlsx"
    shutil.copy(FIXTURES / "validatie" / "dubbele-code.xlsx", path)
    run = driver(path)
    assert run.click("Genereer jaarrapport") == (
        "plan.xlsx heeft 1 fout; het jaarrapport wordt niet gemaakt.\n"
        "  Acties!A6  dubbele-code  De code 1.1.1.2 staat ook in rij 5 van blad Acties. Elke code mag maar één keer "
        "voorkomen: geef een van beide rijen een andere code, of voeg ze samen.\n"
        "Verbeter het werkboek (planrapport controleer plan.xlsx --schrijf zet de lijst op blad Controle), of maak "
        "een ontwerp met --forceer."
    )
    assert run.window.progress_text.get() == "Genereer jaarrapport: lees de melding hieronder."
    assert not list(tmp_path.glob("*.docx"))
    run.window.path_text.set(str(tmp_path / "weg.xlsx"))
    assert run.click("Controleer") == f"weg.xlsx: het bestand bestaat niet ({tmp_path / 'weg.xlsx'})."


def test_an_unexpected_error_is_one_message_with_what_to_send(driver, book, monkeypatch, tmp_path):
    import planrapport.window_steps as steps

    def broken(name, arguments):
        raise RuntimeError("kapot")

    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "appdata"))
    monkeypatch.setattr(steps, "run_command", broken)
    run = driver(book)
    log = tmp_path / "appdata" / "planrapport" / "fouten.log"
    assert run.click("Genereer jaarrapport") == (
        "Er liep iets onverwacht mis (RuntimeError: kapot).\n\nUw eigen gegevens zijn niet gewijzigd. Stuur het "
        f"werkboek en het bestand {log} naar de beheerder van planrapport."
    )
    assert "RuntimeError: kapot" in log.read_text(encoding="utf-8")


def test_a_document_that_does_not_open_is_named_with_its_folder(driver, book):
    def refuse(path):
        raise OSError("geen programma")

    run = driver(book, opener=refuse)
    report = book.parent / "jaarrapport-2023-denderleeuw.docx"
    assert run.click("Genereer jaarrapport") == (
        f"{report}\n\nWord kon het document niet zelf openen; u vindt het in {book.parent}."
    )


def test_the_window_answers_while_a_step_runs(driver, book, monkeypatch):
    import planrapport.window_steps as steps

    release = threading.Event()
    real = steps.run_command

    def slow(name, arguments):
        release.wait(30)
        return real(name, arguments)

    monkeypatch.setattr(steps, "run_command", slow)
    run = driver(book)
    window = run.window
    window.buttons["Genereer beleidsplan"].invoke()
    run.settle(0.5)  # the window keeps drawing while the worker waits
    assert window.busy()
    assert window.progress_text.get() == "Genereer beleidsplan: planrapport is bezig ..."
    assert all(button.instate(["disabled"]) for button in window.buttons.values())
    window.buttons["Controleer"].invoke()  # a second click while busy does nothing
    release.set()
    run.wait(lambda: not window.busy())
    assert window.message_text() == str(book.parent / "beleidsplan-2020-2025-denderleeuw.docx")
    assert not any(button.instate(["disabled"]) for button in window.buttons.values())


def test_the_command_opens_the_window_with_the_workbook_given(display, book, monkeypatch):
    import planrapport.window_app as app
    from planrapport.cli import main

    shown = []
    monkeypatch.setattr(tk.Tk, "mainloop", lambda self: shown.append(self.title()) or self.destroy())
    assert main(["venster", str(book)]) == 0
    assert shown == ["planrapport - denderleeuw-2023.xlsx"]
    assert app.PlanWindow


def test_without_a_display_the_command_says_so(monkeypatch, capsys):
    from planrapport.cli import main

    monkeypatch.delenv("DISPLAY", raising=False)
    assert main(["venster"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("planrapport: planrapport kan op deze pc geen venster openen (")
    assert error.endswith("). Gebruik de opdrachten: planrapport --help toont ze.\n")
