"""On a Windows pc with Excel and planrapport installed (install-windows.ps1): the self-test clicks every button in
Excel and everything is OK. Run there with `pytest -m excel`; skipped elsewhere (see conftest.py)."""

from __future__ import annotations

import pytest

from planrapport.cli import main

pytestmark = pytest.mark.excel


def test_every_button_works_in_excel(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code = main(["zelftest"])
    out = capsys.readouterr().out
    assert code == 0, out
    for line in (
        "Excel: knop Controleer",
        "Excel: knop Genereer jaarrapport",
        "Excel: knop Genereer beleidsplan",
        "Excel: knop Nieuw jaar",
        "Excel: knop Vraag opvolging op",
        "Excel: knop Verzamel opvolging",
        "Excel: knop Dien in",
        "Excel: blad Controle",
        "Excel: blad Ingediend",
        "Excel: jaarrapport",
        "Excel: beleidsplan",
        "Excel: uitvraag opvolging",
    ):
        assert f"OK          {line}: " in out
    assert "NIET OK" not in out
