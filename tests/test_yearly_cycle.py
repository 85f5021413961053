"""The yearly cycle on both examples: nieuw-jaar, uitvragen, five colleagues, verzamelen."""

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import DENDERLEEUW, FIXTURES, WAREGEM, ooxml_validator, soffice
from docx import Document
from openpyxl import load_workbook

from planrapport.cli import main
from reporting.documents import render_year_report
from reporting.validation import validate
from workbook.cycle.collect import collect
from workbook.cycle.new_year import open_year
from workbook.cycle.requests import ask, file_name, requests_for, write_requests
from workbook.reading.reader import read_plan
from workbook.spreadsheet.package import Package
from workbook.spreadsheet.rows import TableSheet

FULL = {
    "Status": "Afgerond",
    "Stand van zaken": "Alles gedaan wat gepland was.",
    "Stand van zaken (indicator)": "groen",
    "Tijd": "Op schema",
    "Tijd (indicator)": "groen",
    "Geld": "Binnen het budget.",
    "Geld (indicator)": "groen",
}
FIELDS = {
    "Status": "status",
    "Stand van zaken": "progress",
    "Stand van zaken (indicator)": "progress_colour",
    "Tijd": "time",
    "Tijd (indicator)": "time_colour",
    "Geld": "money",
    "Geld (indicator)": "money_colour",
}
OFFICER_TEXT = "Door de dienst zelf ingevuld."


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _fill(
    path: Path,
    rows: int | None = None,
    values: dict | None = None,
    measurement: float | None = None,
    target: Path | None = None,
) -> None:
    book = load_workbook(path)
    sheet = book["Opvolging"]
    headers = {sheet.cell(3, c).value: c for c in range(1, sheet.max_column + 1)}
    last = sheet.max_row if rows is None else 3 + rows
    for number in range(4, last + 1):
        for header, value in (values or FULL).items():
            sheet.cell(number, headers[header]).value = value
    if measurement is not None and "Metingen" in book.sheetnames:
        for number in range(4, book["Metingen"].max_row + 1):
            book["Metingen"].cell(number, 3).value = measurement
            book["Metingen"].cell(number, 5).value = "Eigen telling"
    book.save(target or path)
    if target is not None:
        path.unlink()


@pytest.mark.parametrize(("source", "year"), [(WAREGEM, 2013), (DENDERLEEUW, 2024)])
def test_the_whole_cycle(tmp_path, source, year, capsys):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(source, path)
    write_requests(read_plan(path), year - 1, tmp_path / "vorig jaar")
    assert main(["nieuw-jaar", str(path), str(year)]) == 0
    capsys.readouterr()
    folder = tmp_path / "terug"
    assert main(["uitvragen", str(path), "--uit", str(folder)]) == 0
    printed = capsys.readouterr().out.splitlines()
    plan = read_plan(path)
    requests = requests_for(plan, year)
    assert len(printed) == len(requests) + 3 and printed[0].startswith(f"Uitvraag opvolging {year}: ")
    assert all(file_name(r, year) in line and r.who in line for r, line in zip(requests, printed[1:-2], strict=True))
    assert printed[-2] == "Wat elke trekker kreeg, staat op het verborgen blad Uitgevraagd van plan.xlsx."
    assert sorted(p.name for p in folder.iterdir()) == sorted(file_name(r, year) for r in requests)
    first, half, old, wrong, silent = [r for r in requests if r.lead][:5]
    files = {r.who: folder / file_name(r, year) for r in requests}
    # The officer writes in the workbook meanwhile, in a row that was sent out: a conflict to come.
    conflict_row = first.follow_ups[0]
    package = Package(path)
    sheet = TableSheet(package, "Opvolging", None)
    sheet.set_value(conflict_row.origin.row, 4, OFFICER_TEXT)
    sheet.save()
    package.write(tmp_path / "tmp.xlsx")
    shutil.move(tmp_path / "tmp.xlsx", path)

    shutil.copyfile(files[first.who], tmp_path / "zoals verstuurd.xlsx")
    _fill(files[first.who], measurement=1234, target=folder / "mijn antwoord.xlsx")  # renamed
    shutil.copyfile(tmp_path / "zoals verstuurd.xlsx", files[first.who])  # the file as sent stays beside it
    _fill(
        files[half.who],
        rows=(len(half.follow_ups) + 1) // 2,
        values={"Status": "In uitvoering", "Stand van zaken": "Half gedaan."},
    )
    shutil.copyfile(tmp_path / "vorig jaar" / file_name(old, year - 1), files[old.who])  # last year's file
    _fill(files[wrong.who], rows=1, values={"Status": "Bezig", "Stand van zaken": "We zijn bezig."})
    files[silent.who].unlink()

    before_plan, before = read_plan(path), _parts(path)
    assert main(["verzamelen", str(path), str(folder)]) == 0
    out = capsys.readouterr().out
    after_plan, after = read_plan(path), _parts(path)
    assert {name for name in before if before[name] != after[name]} <= {
        "xl/worksheets/sheet6.xml",
        "xl/worksheets/sheet8.xml",
    }
    assert set(after) == set(before)
    expected = {(r.action_code, r.year): {f: getattr(r, f) for f in FIELDS.values()} for r in before_plan.follow_ups}
    for row in first.follow_ups:
        expected[(row.action_code, year)] = {FIELDS[h]: v for h, v in FULL.items()}
    expected[(conflict_row.action_code, year)]["progress"] = OFFICER_TEXT
    for row in half.follow_ups[: (len(half.follow_ups) + 1) // 2]:
        expected[(row.action_code, year)].update(status="In uitvoering", progress="Half gedaan.")
    expected[(wrong.follow_ups[0].action_code, year)]["progress"] = "We zijn bezig."
    got = {(r.action_code, r.year): {f: getattr(r, f) for f in FIELDS.values()} for r in after_plan.follow_ups}
    assert got == expected
    measured = {(m.indicator_code, m.period): (m.value, m.source) for m in after_plan.measurements}
    for row in first.measurements:
        assert measured[(row.indicator_code, row.period)] == (1234, "Eigen telling")
    assert len(after_plan.measurements) == len(before_plan.measurements)

    lines = out.splitlines()
    assert lines[0] == "Opvolging " + str(year) + " verzameld: 3 antwoorden."
    conflict = (
        f"  Opvolging!D{conflict_row.origin.row} ({conflict_row.action_code}, Stand van zaken): in het "
        f"werkboek '{OFFICER_TEXT}', van {first.who} (mijn antwoord.xlsx, Opvolging!D4) 'Alles gedaan wat "
        "gepland was.'; niet overgenomen (gebruik --overschrijf)."
    )
    assert conflict in lines
    assert (
        f"  {file_name(old, year)}: dit bestand gaat over {year - 1}, niet over {year}; het wordt niet gelezen."
    ) in lines
    code = wrong.follow_ups[0].action_code
    assert (
        f"  {file_name(wrong, year)}, Opvolging!C4 ({code}): 'Bezig' staat niet in de lijst Status; de cel "
        "wordt niet overgenomen."
    ) in lines
    waiting = [f"  {r.who}: {file_name(r, year)}" for r in requests if r not in (first, half, wrong)]
    assert lines[-len(waiting) - 2 : -1] == [f"Nog geen antwoord van ({len(waiting)}):", *waiting]
    assert lines[-1].startswith("Reservekopie van het werkboek: ")

    once = path.read_bytes()
    assert main(["verzamelen", str(path), str(folder)]) == 0
    assert path.read_bytes() == once
    assert "Er was niets nieuws om over te nemen." in capsys.readouterr().out

    assert main(["verzamelen", str(path), str(folder), "--overschrijf"]) == 0
    overwritten = read_plan(path)
    row = next(r for r in overwritten.follow_ups if (r.action_code, r.year) == (conflict_row.action_code, year))
    assert row.progress == "Alles gedaan wat gepland was."

    capsys.readouterr()
    assert main(["indienen", str(path), "--jaar", str(year)]) == 0
    report = tmp_path / next(p.name for p in tmp_path.iterdir() if p.name.startswith(f"jaarrapport-{year}"))
    text = "\n".join(p.text for p in Document(report).paragraphs)
    assert "Alles gedaan wat gepland was." in text and "Half gedaan." in text and "ONTWERP" not in text
    package = Package(path)
    sheet = TableSheet(package, "Opvolging", None)
    sheet.set_value(row.origin.row, 3, "Stopgezet")
    sheet.save()
    package.write(tmp_path / "tmp.xlsx")
    shutil.move(tmp_path / "tmp.xlsx", path)
    changed = [i.cell for i in validate(read_plan(path)).issues if i.code == "gewijzigd-na-indiening"]
    assert changed == [f"Opvolging!C{row.origin.row}"]
    # The next year's report says which figure of the submitted year was corrected.
    plan = read_plan(path)
    if year + 1 <= plan.settings.end_year:
        data = render_year_report(plan, year + 1, draft=True)
        text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
        assert "Verbeterd na indiening" in text
        assert f"Status van actie {row.action_code} ({year}): bij de indiening op " in text
        assert text.count(", nu 'Stopgezet'.") == 1


def test_files_of_another_plan_are_refused_and_two_files_for_one_trekker_clash(tmp_path):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    other = tmp_path / "ander.xlsx"
    shutil.copyfile(WAREGEM, other)
    open_year(path, 2024)
    open_year(other, 2013)
    folder = tmp_path / "terug"
    ask(path, read_plan(path), 2024, folder)
    write_requests(read_plan(other), 2024 - 11, tmp_path / "ander")
    shutil.copyfile(tmp_path / "ander" / "opvolging 2013 Jeugddienst.xlsx", folder / "jeugd.xlsx")
    own = folder / "opvolging 2024 zonder trekker.xlsx"
    _fill(own, values={"Stand van zaken": "Versie van Ann."})
    shutil.copyfile(own, folder / "opvolging 2024 zonder trekker (kopie).xlsx")
    _fill(folder / "opvolging 2024 zonder trekker (kopie).xlsx", values={"Stand van zaken": "Versie van Bart."})
    book = load_workbook(folder / "opvolging 2024 vzw PIN.xlsx")
    book["Opvolging"]["A5"], book["Opvolging"]["B5"], book["Opvolging"]["D5"] = "A99999", 2024, "Nieuwe actie"
    book.save(folder / "opvolging 2024 vzw PIN.xlsx")
    original = path.read_bytes()
    result = collect(path, folder)
    assert result.refusals == [
        "jeugd.xlsx: dit bestand hoort bij een ander plan (Waregem, Integratiebeleidsplan 2011-2013); het wordt "
        "niet gelezen.",
        "opvolging 2024 vzw PIN.xlsx, Opvolging!A5: actie A99999 staat niet in het plan; de rij wordt niet "
        "overgenomen.",
    ]
    assert [(c.header, {v for v, _ in c.answers}) for c in result.clashes] == [
        ("Stand van zaken", {"Versie van Ann.", "Versie van Bart."})
    ]
    assert path.read_bytes() == original and result.backup is None


def test_every_file_of_the_cycle_opens_in_libreoffice_and_stays_valid_open_xml(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    before = _validator_errors(path)
    open_year(path, 2024)
    written, _ = ask(path, read_plan(path), 2024, tmp_path / "uit")
    _fill(written[0].path)
    assert main(["verzamelen", str(path), str(tmp_path / "uit"), "--schrijf"]) == 0
    assert main(["indienen", str(path), "--jaar", "2024"]) == 0
    assert _validator_errors(path) == before
    subprocess.run(
        [
            soffice(),
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(tmp_path / "lo"),
            str(path),
            str(written[1].path),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    plan = read_plan(tmp_path / "lo" / "plan.xlsx")
    assert next(r for r in plan.follow_ups if r.year == 2024).status == "Afgerond"
    assert len(plan.submitted) == len(read_plan(path).submitted) > 0
    assert load_workbook(tmp_path / "lo" / "plan.xlsx")["Verzameld"]["A1"].value == "Verzamelde opvolging"
    assert load_workbook(tmp_path / "lo" / written[1].path.name)["Opvolging"]["A4"].value == "A10901"


def _validator_errors(path: Path) -> set[tuple[str, str, str]]:
    import json

    result = subprocess.run([ooxml_validator(), str(path)], capture_output=True, text=True, timeout=180)
    found = json.loads(result.stdout)
    return {(e["description"], e["path"], e["xPath"]) for e in found.get("errors", [])}


def test_the_overview_goes_on_sheet_verzameld_and_is_replaced_the_next_time(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    open_year(path, 2024)
    written, _ = ask(path, read_plan(path), 2024, tmp_path / "uit")
    _fill(written[0].path, values={"Status": "Afgerond"})
    assert main(["verzamelen", str(path), str(tmp_path / "uit"), "--schrijf"]) == 0
    printed = capsys.readouterr().out.splitlines()
    sheet = load_workbook(path)["Verzameld"]
    assert [row[0].value for row in sheet.iter_rows()] == [
        "Verzamelde opvolging",
        *[line or None for line in printed[: printed.index("Het overzicht staat op blad Verzameld van plan.xlsx.")]],
    ]
    assert printed[1] == "  Personeelsdienst  1 rij ingevuld (1 cel)  opvolging 2024 Personeelsdienst.xlsx"
    assert main(["verzamelen", str(path), str(tmp_path / "uit"), "--schrijf"]) == 0
    book = load_workbook(path)
    assert book.sheetnames.count("Verzameld") == 1
    assert (
        book["Verzameld"]["A3"].value == "  Personeelsdienst  0 rijen ingevuld (0 cellen)  opvolging 2024 "
        "Personeelsdienst.xlsx"
    )
    assert not [n for n in read_plan(path).notes if n.sheet == "Verzameld"]


def test_the_workbook_with_buttons_keeps_its_macros(tmp_path):
    path = tmp_path / "plan.xlsm"
    shutil.copyfile(FIXTURES / "validatie" / "met-macro.xlsm", path)
    year = read_plan(path).settings.report_year + 1
    open_year(path, year)
    written, _ = ask(path, read_plan(path), year, tmp_path / "uit")
    before = _parts(path)
    _fill(written[0].path)
    assert collect(path, tmp_path / "uit").backup is not None
    after = _parts(path)
    assert after["xl/vbaProject.bin"] == before["xl/vbaProject.bin"]
    assert {name for name in before if after[name] != before[name]} == {"xl/worksheets/sheet6.xml"}
