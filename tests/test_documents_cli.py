"""planrapport jaarrapport / beleidsplan / demo: where the document goes, refusals, overwriting, exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DENDERLEEUW, WAREGEM
from documents_support import W, all_texts, parts

from planrapport.cli import main
from reporting.validation import validate
from workbook.builders.template import build_template, fill
from workbook.reading.reader import read_plan

BROKEN_PLAN = {
    "Instellingen": {
        "Gemeente": "Gent",
        "Titel van het plan": "Plan samenleven",
        "Beginjaar": 2020,
        "Eindjaar": 2025,
        "Rapportjaar": 2023,
        "Nummering": "klassiek",
    },
    "Doelstellingen": [{"Code": "1", "Titel": "Samen leven"}, {"Code": "1.1", "Titel": "Onthaal"}],
    "Resultaten": [{"Code": "1.1.1", "Resultaat": "Elke nieuwkomer krijgt een gesprek"}],
    "Acties": [{"Code": "1.1.1.1", "Tijdstip": "ooit", "Actie": "Onthaalgesprek"}],
    "Opvolging": [{"Actie": "1.1.1.1", "Jaar": 2023, "Status": "In uitvoering", "Stand van zaken": "Loopt."}],
}


@pytest.fixture
def denderleeuw(tmp_path) -> Path:
    path = tmp_path / "denderleeuw-2023.xlsx"
    shutil.copyfile(DENDERLEEUW, path)
    return path


@pytest.fixture
def broken(tmp_path) -> Path:
    path = tmp_path / "gent.xlsx"
    fill(build_template(), BROKEN_PLAN).save(path)
    return path


def test_year_report_next_to_the_workbook(denderleeuw, capsys):
    assert main(["jaarrapport", str(denderleeuw)]) == 0
    out = capsys.readouterr()
    target = denderleeuw.parent / "jaarrapport-2023-denderleeuw.docx"
    assert out.out == f"{target}\n" and out.err == ""
    assert target.stat().st_size > 50_000


def test_existing_document_is_never_silently_overwritten(denderleeuw, capsys):
    target = denderleeuw.parent / "jaarrapport-2023-denderleeuw.docx"
    target.write_bytes(b"het vorige rapport")
    assert main(["jaarrapport", str(denderleeuw)]) == 0
    out = capsys.readouterr()
    second = denderleeuw.parent / "jaarrapport-2023-denderleeuw (2).docx"
    assert out.out == f"{second}\n"
    assert out.err == (
        "planrapport: jaarrapport-2023-denderleeuw.docx bestond al en bleef ongewijzigd; het nieuwe document heet "
        "jaarrapport-2023-denderleeuw (2).docx. Gebruik --overschrijf om het bestaande bestand te vervangen.\n"
    )
    assert target.read_bytes() == b"het vorige rapport"
    assert main(["jaarrapport", str(denderleeuw), "--overschrijf"]) == 0
    assert capsys.readouterr().out == f"{target}\n"
    assert target.read_bytes()[:2] == b"PK"


def test_output_folder_and_report_year(tmp_path, capsys):
    workbook = tmp_path / "waregem.xlsx"
    shutil.copyfile(WAREGEM, workbook)
    assert main(["jaarrapport", str(workbook), "--jaar", "2011", "--uit", str(tmp_path / "rapporten")]) == 0
    assert capsys.readouterr().out == f"{tmp_path / 'rapporten' / 'jaarrapport-2011-waregem.docx'}\n"
    assert main(["beleidsplan", str(workbook), "--uit", str(tmp_path / "rapporten")]) == 0
    assert capsys.readouterr().out == f"{tmp_path / 'rapporten' / 'beleidsplan-2011-2013-waregem.docx'}\n"


def test_workbook_with_errors_is_refused_and_the_errors_listed(broken, capsys):
    report = validate(read_plan(broken))
    assert report.errors
    assert main(["jaarrapport", str(broken)]) == 1
    out = capsys.readouterr()
    count = f"{len(report.errors)} {'fout' if len(report.errors) == 1 else 'fouten'}"
    lines = "\n".join(f"  {i.cell}  {i.code}  {i.message}" for i in report.errors)
    assert out.out == ""
    assert out.err == (
        f"planrapport: gent.xlsx heeft {count}; het jaarrapport wordt niet gemaakt.\n{lines}\n"
        "Verbeter het werkboek (planrapport controleer gent.xlsx --schrijf zet de lijst op blad Controle), of maak "
        "een ontwerp met --forceer.\n"
    )
    assert list(broken.parent.glob("*.docx")) == []
    assert main(["beleidsplan", str(broken)]) == 1
    assert "het beleidsplan wordt niet gemaakt" in capsys.readouterr().err


def test_forced_document_is_marked_draft_on_every_page(broken, capsys):
    assert main(["jaarrapport", str(broken), "--forceer"]) == 0
    out = capsys.readouterr()
    assert out.err.startswith("planrapport: let op, gent.xlsx heeft ")
    assert "het jaarrapport is gemarkeerd als ONTWERP." in out.err
    data = Path(out.out.strip()).read_bytes()
    headers = parts(data, "word/header")
    assert headers and all('string="ONTWERP"' in _xml(root) for root in headers.values())
    assert any(text.startswith("ONTWERP.") for text in all_texts(data))


def _xml(root) -> str:
    from lxml import etree

    return etree.tostring(root, encoding="unicode")


def test_warnings_annex_on_request(denderleeuw, capsys):
    assert main(["jaarrapport", str(denderleeuw), "--met-waarschuwingen"]) == 0
    data = Path(capsys.readouterr().out.strip()).read_bytes()
    assert "Bijlage: openstaande waarschuwingen" in all_texts(data)


def test_template_error_exits_1_with_the_message(denderleeuw, capsys):
    from documents_support import DOCUMENTS

    code = main(["jaarrapport", str(denderleeuw), "--sjabloon", str(DOCUMENTS / "onbekende-naam.docx")])
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("planrapport: Het sjabloon 'onbekende-naam.docx' heeft een fout op regel 4")
    assert not (denderleeuw.parent / "jaarrapport-2023-denderleeuw.docx").exists()


def test_demo_writes_three_documents_and_can_run_again(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    expected = [
        "planrapport-demo/jaarrapport-2012-waregem.docx",
        "planrapport-demo/beleidsplan-2011-2013-waregem.docx",
        "planrapport-demo/jaarrapport-2023-denderleeuw.docx",
    ]
    for _ in range(2):
        assert main(["demo"]) == 0
        assert capsys.readouterr().out.splitlines() == expected
    assert sorted(p.name for p in (tmp_path / "planrapport-demo").iterdir()) == sorted(Path(e).name for e in expected)
    assert main(["demo", "--uit", str(tmp_path / "elders")]) == 0
    assert len(list((tmp_path / "elders").glob("*.docx"))) == 3


def test_header_rows_in_the_written_plan(tmp_path, capsys):
    workbook = tmp_path / "waregem.xlsx"
    shutil.copyfile(WAREGEM, workbook)
    assert main(["beleidsplan", str(workbook)]) == 0
    data = Path(capsys.readouterr().out.strip()).read_bytes()
    body = next(iter(parts(data, "word/document.xml").values()))
    assert all(
        t.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None for t in body.iter(f"{W}tbl") if len(t.findall(f"{W}tr")) > 1
    )


def test_a_folder_gets_a_report_per_workbook_and_a_broken_one_does_not_stop_the_others(tmp_path, capsys):
    folder = tmp_path / "werkboeken"
    folder.mkdir()
    shutil.copyfile(DENDERLEEUW, folder / "denderleeuw.xlsx")
    (folder / "kapot.xlsx").write_bytes(b"geen werkboek")
    code = main(["jaarrapport", str(folder), "--uit", str(tmp_path / "uit")])
    out, err = capsys.readouterr()
    assert code == 1
    assert out.splitlines() == [str(tmp_path / "uit" / "jaarrapport-2023-denderleeuw.docx")]
    assert "planrapport: 1 van 2 jaarrapporten gemaakt in " in err
    assert (
        "  kapot.xlsx: dit is geen Excel-werkboek (.xlsx of .xlsm), of het bestand is beschadigd. Bewaar het "
        "in Excel als Excel-werkmap (.xlsx)."
    ) in err.splitlines()
