"""Settings longer than a document property or a file name can hold still give their documents."""

import os
import zipfile

import pytest
from lxml import etree

from benchmarks.make_plan import plan_data, write_plan
from planrapport.cli import main

LONG = {
    "Titel van het plan": "Integratiebeleidsplan " + "met een heel lange titel " * 12,  # 322 characters
    "Opgesteld door": "De dienst samenleven, " + "in samenwerking met de welzijnsraad " * 8,
    "Gemeente": "Sint-" + "Lang" * 75,  # 305 characters
}


@pytest.fixture(scope="module")
def long_plan(tmp_path_factory):
    data = plan_data("klein", 1)
    data["Instellingen"].update(LONG)
    return write_plan(data, tmp_path_factory.mktemp("lang") / "plan.xlsx")


def _properties(path) -> dict[str, str]:
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("docProps/core.xml"))
    return {etree.QName(e).localname: e.text or "" for e in root}


@pytest.mark.parametrize("command", ["jaarrapport", "beleidsplan"])
def test_long_title_author_and_municipality_give_a_document(capsys, tmp_path, long_plan, command):
    assert main(["controleer", str(long_plan)]) == 0
    assert main([command, str(long_plan), "--uit", str(tmp_path)]) == 0
    written = [p for p in tmp_path.iterdir()]
    assert len(written) == 1 and len(os.fsencode(written[0].name)) < 100
    properties = _properties(written[0])
    assert all(len(properties[name]) <= 255 for name in ("title", "subject", "creator", "lastModifiedBy"))
    assert properties["creator"].startswith("De dienst samenleven, in samenwerking") and properties["creator"].endswith(
        "…"
    )
    with zipfile.ZipFile(written[0]) as package:
        body = package.read("word/document.xml").decode()
    assert " ".join(LONG["Titel van het plan"].split()) in body  # the document itself shows the whole title
