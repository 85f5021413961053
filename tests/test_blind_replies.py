"""The blind reply cases (tests/blind_replies, written without reading the code): each truth holds after verzamelen."""

import re
import shutil
from pathlib import Path

import pytest
from blind_replies import base, cases

from planrapport.cli import main
from workbook.plan.errors import WorkbookError
from workbook.plan.schema import FOLLOW_UP, MEASUREMENTS
from workbook.reading.reader import read_plan

FIELDS = {
    FOLLOW_UP.name: {c.header: c.field for c in FOLLOW_UP.columns},
    MEASUREMENTS.name: {c.header: c.field for c in MEASUREMENTS.columns},
}
AVAILABLE = {"soffice": shutil.which("soffice") is not None}
try:
    import msoffcrypto  # noqa: F401

    AVAILABLE["msoffcrypto"] = True
except ImportError:
    AVAILABLE["msoffcrypto"] = False


@pytest.fixture(scope="module")
def asked(tmp_path_factory):
    """The base plan and the files uitvragen wrote for it, made once."""
    tmp = tmp_path_factory.mktemp("blind")
    workbook, year = base.make_base(tmp)
    base.ask(workbook, year, tmp / "plan" / "terug")
    return tmp / "plan", workbook.name, year


def _cell(path: Path, expectation: dict) -> object:
    plan = read_plan(path)
    sheet, code = expectation["sheet"], expectation["code"]
    field = FIELDS[sheet][expectation["column"]]
    if sheet == FOLLOW_UP.name:
        rows = [r for r in plan.follow_ups if r.action_code == code and r.year == expectation["year"]]
    else:
        rows = [
            m
            for m in plan.measurements
            if m.indicator_code == code and " ".join(m.period.split()) == expectation["period"]
        ]
    assert len(rows) == 1, f"{sheet} {code}: {len(rows)} rows"
    return getattr(rows[0], field)


def _same(got: object, want: object) -> bool:
    if isinstance(want, (int, float)) and not isinstance(want, bool):
        return isinstance(got, (int, float)) and abs(got - want) < 1e-9 * max(1, abs(want))
    shown = str(got or "").replace("**", "")  # the model keeps bold as **markup**; Excel shows the text
    return " ".join(shown.split()) == " ".join(str(want or "").split())


def _named(out: str, expectation: dict) -> bool:
    for line in out.splitlines():
        if expectation["file"] not in line:
            continue
        if "sheet" in expectation and "row" in expectation:
            if not re.search(rf"{expectation['sheet']}![A-Z]+{expectation['row']}\b", line):
                continue
        elif "sheet" in expectation and expectation["sheet"] not in line:
            continue
        if "code" in expectation and expectation["code"] not in line:
            continue
        return True
    return False


@pytest.mark.parametrize("case", cases.CASES, ids=[c.name for c in cases.CASES])
def test_blind_reply_case(asked, case, tmp_path, capsys):
    if case.needs_soffice and not AVAILABLE["soffice"] or case.needs_msoffcrypto and not AVAILABLE["msoffcrypto"]:
        pytest.skip("needs LibreOffice or msoffcrypto")
    source, name, year = asked
    shutil.copytree(source, tmp_path / "plan")
    workbook, folder = tmp_path / "plan" / name, tmp_path / "plan" / "terug"
    files = {base.trekker_of_request(p): p for p in sorted(folder.glob("*.xlsx"))}
    before = {i: _cell(workbook, e) for i, e in enumerate(case.expect) if e["kind"] == "unchanged"}
    case.apply(folder, files, workbook, year)
    capsys.readouterr()
    code = main(["verzamelen", str(workbook), str(folder)])
    captured = capsys.readouterr()
    out = captured.out + captured.err
    assert code == 0, out
    assert "onverwacht" not in out and "Traceback" not in out
    failed = []
    for index, expectation in enumerate(case.expect):
        kind = expectation["kind"]
        if kind == "value":
            got = _cell(workbook, expectation)
            if not _same(got, expectation["value"]):
                failed.append(f"{expectation}: got {got!r}")
        elif kind == "unchanged":
            got = _cell(workbook, expectation)
            if not _same(got, before[index]):
                failed.append(f"{expectation}: was {before[index]!r}, got {got!r}")
        elif kind == "named":
            if not _named(out, expectation):
                failed.append(f"{expectation}: not named")
        elif kind == "opens":
            try:
                read_plan(workbook)
            except WorkbookError as error:
                failed.append(f"the workbook does not open: {error.message}")
    assert not failed, "\n".join([case.description, *failed, "--- output:", out])
