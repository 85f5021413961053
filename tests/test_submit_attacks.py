"""The record of indienen against attacks and accidents: an edited or deleted record, a removed or edited final
report, and indienen killed at any moment."""

import io
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from datetime import date
from pathlib import Path

from conftest import DENDERLEEUW
from openpyxl import load_workbook

from planrapport.cli import main
from reporting.figures.formatting import long_date
from reporting.submission_part import read_submission_part
from reporting.validation import validate
from workbook.reading.reader import read_plan
from workbook.records.submission_record import Submission, fingerprint, year_records
from workbook.spreadsheet.package import Package, q
from workbook.storage.temporaries import is_temporary

REPORT = "jaarrapport-2023-denderleeuw-ingediend.docx"
TODAY = long_date(date.today())
CODES = ("ingediend-verslag-gewijzigd", "ingediend-document-anders", "gewijzigd-na-indiening")


def submitted(tmp_path: Path) -> Path:
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    assert main(["indienen", str(path), "--jaar", "2023"]) == 0
    return path


def edit_record(path: Path, change) -> None:
    """Change the sheet Ingediend's XML with `change(rows)` (its row elements from row 4), as an officer who
    lifted the protection would; every other part as it was (openpyxl would drop the rich text of other cells)."""
    package = Package(path)
    part = next(s.part for s in package.sheets() if s.name == "Ingediend")
    root = package.xml(part)
    change([row for row in root.iter(q("row")) if int(row.get("r")) >= 4])
    package.put_xml(part, root)
    package.write(path.with_suffix(".tmp"))
    path.with_suffix(".tmp").replace(path)


def cell(row, column: str):
    return next(c for c in row.iter(q("c")) if c.get("r").startswith(column))


def text(row, column: str) -> str:
    return "".join(cell(row, column).itertext())


def set_text(row, column: str, value: str) -> None:
    next(cell(row, column).iter(q("t"))).text = value


def found(path: Path) -> list[tuple[str, str, str, str]]:
    report = validate(read_plan(path))
    return [(i.code, i.severity, i.cell, i.message) for i in report.issues if i.code in CODES]


def test_an_edited_record_value_is_an_error_and_submitting_again_settles_it(tmp_path, capsys):
    path = submitted(tmp_path)

    def change(rows) -> None:
        assert (text(rows[0], "C"), text(rows[0], "F")) == ("Opvolging", "Status")
        set_text(rows[0], "G", "Afgerond")  # the submitted status typed over

    edit_record(path, change)
    assert found(path) == [
        (
            "ingediend-verslag-gewijzigd",
            "fout",
            "Ingediend!A1",
            f"Het verslag van de indiening van 2023 op {TODAY} op blad Ingediend is gewijzigd: zijn waarden geven het "
            "kenmerk niet meer dat planrapport bij de indiening bewaarde. De controle kan die indiening niet meer "
            "vertrouwen en vergelijkt er niets mee. Dien 2023 opnieuw in.",
        )
    ]
    assert not validate(read_plan(path)).ok
    capsys.readouterr()
    assert main(["indienen", str(path), "--jaar", "2023"]) == 0  # the record's own error does not stop its renewal
    assert found(path) == []


def test_an_edited_fingerprint_or_a_removed_kenmerk_row_is_named(tmp_path):
    path = submitted(tmp_path)
    edit_record(path, lambda rows: set_text(next(r for r in rows if text(r, "C") == "Kenmerk"), "D", "0" * 64))
    assert [f[0] for f in found(path)] == ["ingediend-verslag-gewijzigd"]

    def remove(rows) -> None:
        seal = next(r for r in rows if text(r, "C") == "Kenmerk")
        seal.getparent().remove(seal)

    edit_record(path, remove)
    assert found(path) == [
        (
            "ingediend-verslag-gewijzigd",
            "fout",
            "Ingediend!A1",
            "Het verslag van de indiening van 2023 op blad Ingediend heeft geen kenmerk meer, maar naast het "
            f"werkboek staat het ingediende jaarrapport {REPORT} (ingediend op {TODAY}). De controle kan die "
            "indiening niet meer vertrouwen. Dien 2023 opnieuw in.",
        )
    ]


def test_a_deleted_ingediend_sheet_is_named_by_the_final_report_beside_the_workbook(tmp_path):
    path = submitted(tmp_path)
    book = load_workbook(path)
    del book["Ingediend"]
    book.save(path)
    assert read_plan(path).submitted == ()
    assert found(path) == [
        (
            "ingediend-verslag-gewijzigd",
            "fout",
            "Ingediend!A1",
            f"Naast het werkboek staat het ingediende jaarrapport {REPORT} (ingediend op {TODAY}), maar het verslag "
            "van die indiening ontbreekt op blad Ingediend (of het blad is verwijderd). De controle kan niet meer "
            "zien wat na die indiening gewijzigd werd. Dien 2023 opnieuw in.",
        )
    ]


def test_a_removed_final_report_is_named(tmp_path):
    path = submitted(tmp_path)
    (tmp_path / REPORT).unlink()
    assert found(path) == [
        (
            "ingediend-document-anders",
            "waarschuwing",
            "Ingediend!A1",
            f"Het ingediende jaarrapport van 2023 ({REPORT}) staat niet meer naast het werkboek. Zet het terug, of "
            "dien 2023 opnieuw in.",
        )
    ]
    assert validate(read_plan(path)).ok


def _rewrite_part(document: Path, change) -> None:
    """Change the submission part of the final report with `change(text) -> text`, the rest as it was."""
    with zipfile.ZipFile(document) as archive:
        entries = [(info, archive.read(info.filename)) for info in archive.infolist()]
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info, content in entries:
            if b"urn:planrapport:indiening" in content and info.filename.startswith("customXml/item"):
                content = change(content.decode()).encode()
            target.writestr(info, content)
    document.write_bytes(output.getvalue())


def test_an_edited_custom_part_of_the_final_report_is_named(tmp_path):
    path = submitted(tmp_path)
    document = tmp_path / REPORT
    status = read_plan(path).follow_ups[0].status
    _rewrite_part(document, lambda text: text.replace(f">{status}<", ">Afgerond<", 1))
    assert found(path) == [
        (
            "ingediend-document-anders",
            "waarschuwing",
            "Ingediend!A1",
            f"In het ingediende jaarrapport {REPORT} zijn de ingediende gegevens gewijzigd: ze geven hun kenmerk niet "
            "meer. Zet het document van de indiening van 2023 terug, of dien 2023 opnieuw in.",
        )
    ]


def test_a_custom_part_made_consistent_again_is_out_of_step_with_the_record(tmp_path):
    path = submitted(tmp_path)
    document = tmp_path / REPORT
    part = read_submission_part(document)
    first = part.values[0]
    forged = [
        Submission(*(getattr(first, f) for f in ("year", "day", "sheet", "code", "key", "header")), "Afgerond"),
        *part.values[1:],
    ]
    seal = fingerprint(2023, forged)

    def forge(text: str) -> str:
        text = text.replace(f">{first.value}<", ">Afgerond<", 1)
        return text.replace(part.fingerprint, seal)

    _rewrite_part(document, forge)
    assert read_submission_part(document).intact
    assert found(path) == [
        (
            "ingediend-document-anders",
            "waarschuwing",
            "Ingediend!A1",
            f"Het ingediende jaarrapport {REPORT} draagt een ander kenmerk dan het verslag van 2023 op blad Ingediend: "
            "het is niet het document van die indiening. Zet het juiste document terug, of dien 2023 opnieuw in.",
        )
    ]


def _final_reports(folder: Path) -> list[Path]:
    return [
        p
        for p in folder.iterdir()
        if p.suffix == ".docx" and not is_temporary(p.name) and not p.name.startswith(("~$", ".~lock."))
    ]


def test_indienen_killed_at_any_moment_leaves_no_final_report_without_its_record(tmp_path):
    """Seeded random kills over the whole run (start-up included): after each the workbook opens, a final report
    lies there only with its record (a temporary report may stay behind), and the next indienen succeeds."""
    rng = random.Random(20260315)
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path.cwd()), *sys.path])}
    start = time.monotonic()
    timing = tmp_path / "timing"
    timing.mkdir()
    shutil.copyfile(DENDERLEEUW, timing / "plan.xlsx")
    subprocess.run(
        [sys.executable, "-m", "planrapport", "indienen", str(timing / "plan.xlsx"), "--jaar", "2023"],
        check=True,
        capture_output=True,
        env=environment,
        timeout=120,
    )
    duration = time.monotonic() - start
    outcomes = {"niets": 0, "verslag zonder document": 0, "volledig": 0}
    for trial in range(25):
        folder = tmp_path / f"poging {trial}"
        folder.mkdir()
        path = folder / "plan.xlsx"
        shutil.copyfile(DENDERLEEUW, path)
        if trial % 2:  # every other trial replaces an earlier submission
            assert main(["indienen", str(path), "--jaar", "2023"]) == 0
        process = subprocess.Popen(
            [sys.executable, "-m", "planrapport", "indienen", str(path), "--jaar", "2023"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=environment,
        )
        time.sleep(rng.uniform(0.3, 1.1) * duration)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        plan = read_plan(path)  # the workbook opens
        records = year_records(plan.submitted)
        reports = _final_reports(folder)
        assert [p.name for p in reports] in ([], [REPORT]), trial
        if reports:
            part = read_submission_part(reports[0])
            assert part is not None and part.intact and 2023 in records, trial
        if 2023 not in records:
            outcomes["niets"] += 1
        elif reports and read_submission_part(reports[0]).fingerprint == records[2023].fingerprint:
            outcomes["volledig"] += 1
        else:
            outcomes["verslag zonder document"] += 1
            assert [f[0] for f in found(path)] == ["ingediend-document-anders"], trial
        assert main(["indienen", str(path), "--jaar", "2023"]) == 0, trial
        assert found(path) == [], trial
        assert [p.name for p in _final_reports(folder)] == [REPORT]
    print(outcomes)
    assert sum(outcomes.values()) == 25


def test_killed_between_the_record_and_the_report_the_check_names_the_missing_report(tmp_path, capsys):
    """The one moment with the record written and the report still in its temporary file: held open here by a
    pause before the move, then killed."""
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    marker = tmp_path / "verslag geschreven"
    script = (
        "import sys, time, pathlib\n"
        "from planrapport.commands.cycle import submit\n"
        "def paused(temporary, document, year):\n"
        f"    pathlib.Path({str(marker)!r}).write_text('ja')\n"
        "    time.sleep(60)\n"
        "submit._into_place = paused\n"
        "from planrapport.cli import main\n"
        f"sys.exit(main(['indienen', {str(path)!r}, '--jaar', '2023']))\n"
    )
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path.cwd()), *sys.path])}
    process = subprocess.Popen(
        [sys.executable, "-c", script], env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    assert marker.exists()
    assert _final_reports(tmp_path) == []
    assert [p for p in tmp_path.iterdir() if is_temporary(p.name) and p.suffix == ".docx"]
    assert 2023 in year_records(read_plan(path).submitted)
    assert found(path) == [
        (
            "ingediend-document-anders",
            "waarschuwing",
            "Ingediend!A1",
            f"Het ingediende jaarrapport van 2023 ({REPORT}) staat niet meer naast het werkboek. Zet het terug, of "
            "dien 2023 opnieuw in.",
        )
    ]
    capsys.readouterr()
    assert main(["indienen", str(path), "--jaar", "2023"]) == 0, capsys.readouterr().err
    assert found(path) == [] and [p.name for p in _final_reports(tmp_path)] == [REPORT]
