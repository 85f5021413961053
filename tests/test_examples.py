"""The bundled examples hold the seed plans without loss."""

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import DENDERLEEUW, WAREGEM

from workbook.reading.reader import read_plan

SOURCES = Path(__file__).parent.parent / "workbook" / "examples"


def source(name: str) -> dict:
    return json.loads((SOURCES / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def waregem():
    return read_plan(WAREGEM)


@pytest.fixture(scope="module")
def denderleeuw():
    return read_plan(DENDERLEEUW)


def test_waregem_has_the_whole_plan(waregem):
    assert len(waregem.strategic) == 5
    assert len(waregem.operational) == 29
    assert len(waregem.results) == 77
    assert [r.code for r in waregem.results][:3] == ["1.1.1", "1.1.2", "1.1.3"]
    assert waregem.results[-1].code == "5.2.1"
    assert waregem.operational[2].domain == "interne tewerkstelling"
    assert waregem.strategic[0].motivation.startswith("Een integratiebeleid is geen op zich staand")


def test_every_text_of_waregem_is_present_once_under_its_parent_with_its_timing(waregem):
    data = source("waregem-2011-2013")
    results = {r.code: r for r in waregem.results}
    for row in data["Resultaten"]:
        assert results[row["Code"]].text == row["Resultaat"]
    actions = Counter((a.parent_code, a.timing, a.title) for a in waregem.actions)
    expected = Counter((r["Code"].rsplit(".", 1)[0], r.get("Tijdstip", ""), r["Actie"]) for r in data["Acties"])
    assert actions == expected
    assert all(parent in results for parent, _, _ in actions)
    indicators = Counter((i.parent_code, i.timing, i.text) for i in waregem.indicators)
    expected = Counter((r["Code"].split("-I")[0], r.get("Tijdstip", ""), r["Indicator"]) for r in data["Indicatoren"])
    assert indicators == expected
    assert all(parent in results for parent, _, _ in indicators)


def test_waregem_timing_headers_are_kept(waregem):
    by_code = {a.code: a for a in waregem.actions}
    assert by_code["1.1.1.1"].timing == "Jaarlijks" and by_code["1.1.1.1"].years == (2011, 2012, 2013)
    assert by_code["1.1.2.1"].timing == "Vanaf 2012" and by_code["1.1.2.1"].years == (2012, 2013)
    timings = {i.timing for i in waregem.indicators}
    assert {"Norm", "Trend", "2011", "Jaarlijks", "Vanaf 2012 jaarlijks"} <= timings


def test_waregem_budget_annex(waregem):
    lines = [b for b in waregem.budget_lines if b.year == 2011]
    assert [(b.description, b.planned) for b in lines] == [
        ("Loonkost 1FT medewerker integratie", 27700),
        ("Werkingskosten integratiedienst", 34300),
        ("Loonkost ½FT beleidsmedewerker", 23000),
    ]
    assert waregem.settings.fictitious_note


def test_denderleeuw_structure(denderleeuw):
    assert [o.code for o in denderleeuw.objectives] == ["BD109", "AP1090", "AP1091", "AP1092"]
    assert [(a.code, a.parent_code) for a in denderleeuw.actions] == [
        ("A10900", "AP1090"),
        ("A10901", "AP1090"),
        ("A10910", "AP1091"),
        ("A10911", "AP1091"),
        ("A10920", "AP1092"),
        ("A10921", "AP1092"),
    ]
    assert denderleeuw.actions[0].see_also_codes == ("A30002", "A10901")
    follow_up = {f.action_code: f for f in denderleeuw.follow_ups}
    assert follow_up["A10900"].time == "Vertraagd" and follow_up["A10921"].time == "Uitgesteld"
    assert "**basisvorming voor personeel rond het thema 'polarisatie'**" in follow_up["A10900"].progress
    assert follow_up["A10921"].money.startswith("Projectsubsidie van de Vlaamse overheid")


def test_denderleeuw_indicator_values_come_back_as_numbers_and_shares(denderleeuw):
    values = {(m.indicator_code, m.year): (m.value, m.share, m.partial) for m in denderleeuw.measurements}
    assert values[("A10911-I1", 2021)] == (733, None, True)
    assert values[("A10911-I1", 2022)] == (1168, None, False)
    assert values[("A10911-I3", 2021)] == (381, 52, True)
    assert values[("A10911-I3", 2022)] == (539, None, False)
    assert values[("A10911-I6", 2021)] == (None, 9, True)
    text = {i.code: i.text for i in denderleeuw.indicators}
    assert text["A10911-I3"] == "van buitenlandse herkomst"


def test_examples_json_and_workbooks_agree():
    from workbook.builders.build_files import build_example
    from workbook.reading.reader import plan_from_grids

    for name, path in (("waregem-2011-2013", WAREGEM), ("denderleeuw-2023", DENDERLEEUW)):
        built = build_example(name)
        grids = {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in built.worksheets}
        from workbook.spreadsheet.richtext import to_markup

        grids = {t: [tuple(to_markup(v) for v in row) for row in g] for t, g in grids.items()}
        assert plan_from_grids(grids) == read_plan(path), f"{name}: run python -m workbook.builders.build_files"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "planrapport.cli", *args], capture_output=True, text=True)


def test_summary_command_on_waregem():
    done = run_cli("samenvatting", str(WAREGEM))
    assert done.returncode == 0, done.stderr
    assert "Strategische doelstellingen: 5\n" in done.stdout
    assert "Operationele doelstellingen: 29\n" in done.stdout
    assert "Resultaten: 77\n" in done.stdout


def test_summary_of_a_file_that_does_not_exist(tmp_path):
    done = run_cli("samenvatting", str(tmp_path / "weg.xlsx"))
    assert done.returncode == 1
    assert done.stderr == f"planrapport: weg.xlsx: het bestand bestaat niet ({tmp_path / 'weg.xlsx'}).\n"
    assert "Traceback" not in done.stderr


def test_template_and_example_commands(tmp_path):
    assert run_cli("sjabloon", str(tmp_path / "nieuw.xlsx")).returncode == 0
    again = run_cli("sjabloon", str(tmp_path / "nieuw.xlsx"))
    assert again.returncode == 1
    assert again.stderr == (
        "planrapport: nieuw.xlsx: dit bestand bestaat al. Kies een andere naam of gebruik --overschrijf.\n"
    )
    done = run_cli("voorbeeld", "denderleeuw-2023", str(tmp_path))
    assert done.returncode == 0 and (tmp_path / "denderleeuw-2023.xlsx").exists()
    assert run_cli("voorbeeld", "gent", str(tmp_path)).returncode == 2
