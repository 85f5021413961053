import io
import multiprocessing
import os
import shutil
from pathlib import Path

import pytest

from benchmarks.make_plan import plan_data, write_plan
from planrapport.commands.documents import batch
from planrapport.commands.documents.batch import BatchResult, ProgressBar, batch_command, run_batch
from workbook.plan.errors import WorkbookError

pytestmark = pytest.mark.slow
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def small_plans(tmp_path_factory) -> dict[str, Path]:
    """Three small synthetic plans of three municipalities, one with two codes the same, one not a workbook."""
    folder = tmp_path_factory.mktemp("plans")
    made = {}
    for seed in (1, 2, 3):
        data = plan_data("klein", seed)
        made[f"seed{seed}"] = write_plan(data, folder / f"plan-{seed}.xlsx")
    data = plan_data("klein", 4)
    data["Acties"][1]["Code"] = data["Acties"][0]["Code"]
    made["double"] = write_plan(data, folder / "dubbel.xlsx")
    broken = folder / "kapot.xlsx"
    broken.write_text("dit is geen werkboek", encoding="utf-8")
    made["broken"] = broken
    return made


def folder_with(tmp_path: Path, plans: dict[str, Path], *names: str) -> Path:
    folder = tmp_path / "werkboeken"
    folder.mkdir()
    for name in names:
        shutil.copy(plans[name], folder / plans[name].name)
    return folder


def municipality(seed: int) -> str:
    from reporting.documents.naming import slug

    return slug(plan_data("klein", seed)["Instellingen"]["Gemeente"])


def test_a_broken_workbook_does_not_stop_the_others(tmp_path, small_plans):
    folder = folder_with(tmp_path, small_plans, "seed1", "broken", "seed2")
    out = tmp_path / "rapporten"
    seen = []
    result = run_batch(
        folder,
        2023,
        out,
        overwrite=False,
        force=False,
        workers=2,
        progress=lambda outcome, done, total: seen.append((outcome.workbook.name, done, total)),
    )
    assert [o.workbook.name for o in result.outcomes] == ["kapot.xlsx", "plan-1.xlsx", "plan-2.xlsx"]
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"jaarrapport-2023-{municipality(seed)}.docx" for seed in (1, 2)
    )
    assert [o.workbook.name for o in result.failed] == ["kapot.xlsx"]
    assert result.failed[0].message.startswith("dit is geen Excel-werkboek (.xlsx of .xlsm)")
    assert sorted(name for name, _, _ in seen) == ["kapot.xlsx", "plan-1.xlsx", "plan-2.xlsx"]
    assert [(done, total) for _, done, total in seen] == [(1, 3), (2, 3), (3, 3)]


def test_a_workbook_with_errors_is_refused_unless_forced_and_then_marked_as_draft(tmp_path, small_plans):
    folder = folder_with(tmp_path, small_plans, "double")
    refused = run_batch(folder, 2023, tmp_path / "a", overwrite=False, force=False, workers=1)
    message = refused.failed[0].message.splitlines()
    assert message[0] == "dubbel.xlsx heeft 2 fouten; het jaarrapport wordt niet gemaakt."
    assert message[1].startswith("  Acties!A5  dubbele-code  De code 1.1.1.1 staat ook in rij 4 van blad Acties.")
    assert not (tmp_path / "a").exists() or not any((tmp_path / "a").iterdir())
    forced = run_batch(folder, 2023, tmp_path / "b", overwrite=False, force=True, workers=1)
    assert forced.outcomes[0].ok
    assert "ONTWERP" in forced.outcomes[0].message


def test_two_workbooks_of_one_municipality_never_write_the_same_file(tmp_path, small_plans):
    folder = folder_with(tmp_path, small_plans, "seed1")
    shutil.copy(small_plans["seed1"], folder / "plan-1-kopie.xlsx")
    out = tmp_path / "rapporten"
    out.mkdir()
    name = f"jaarrapport-2023-{municipality(1)}.docx"
    (out / name).write_bytes(b"rapport van vorig jaar")
    result = run_batch(folder, 2023, out, overwrite=True, force=False, workers=2)
    assert sorted(o.document.name for o in result.outcomes) == sorted([name, name.replace(".docx", " (2).docx")])
    assert (out / name).read_bytes().startswith(b"PK")
    renamed = next(o for o in result.outcomes if o.document.name != name)
    assert "bestond al en bleef ongewijzigd" in renamed.message


def test_reports_go_next_to_the_workbooks_without_an_output_folder(tmp_path, small_plans):
    folder = folder_with(tmp_path, small_plans, "seed3")
    result = run_batch(folder, 2023, None, overwrite=False, force=False)
    assert result.outcomes[0].document == folder / f"jaarrapport-2023-{municipality(3)}.docx"


def test_one_process_and_a_pool_write_the_same_documents(tmp_path, small_plans):
    folder = folder_with(tmp_path, small_plans, "seed1", "seed2")
    alone = run_batch(folder, 2023, tmp_path / "alleen", overwrite=False, force=False, workers=1)
    pooled = run_batch(folder, 2023, tmp_path / "samen", overwrite=False, force=False, workers=2)
    assert [o.document.read_bytes() for o in alone.outcomes] == [o.document.read_bytes() for o in pooled.outcomes]


def crash_on_plan_2(path, *args):
    """Render as usual, except that the process dies on plan-2.xlsx (as it would when memory runs out)."""
    if path.name == "plan-2.xlsx":
        os._exit(3)
    return RENDER(path, *args)


RENDER = batch.render_one


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="the crash is planted through fork")
def test_a_workbook_that_crashes_its_process_fails_alone(tmp_path, small_plans, monkeypatch):
    folder = folder_with(tmp_path, small_plans, "seed1", "seed2", "seed3")
    monkeypatch.setattr(batch, "render_one", crash_on_plan_2)
    result = run_batch(folder, 2023, tmp_path / "uit", overwrite=False, force=False, workers=2)
    assert [o.workbook.name for o in result.failed] == ["plan-2.xlsx"]
    assert result.failed[0].message.startswith("het verwerken van dit werkboek brak onverwacht af")
    assert len(result.written) == 2


def test_the_command_prints_paths_and_a_summary_and_exits_1_when_one_failed(tmp_path, small_plans):
    folder = folder_with(tmp_path, small_plans, "seed1", "broken")
    stdout, stderr = io.StringIO(), io.StringIO()
    code = batch_command(
        folder, 2023, str(tmp_path / "uit"), overwrite=False, force=False, stdout=stdout, stderr=stderr
    )
    assert code == 1
    assert stdout.getvalue() == f"{tmp_path / 'uit' / f'jaarrapport-2023-{municipality(1)}.docx'}\n"
    lines = stderr.getvalue().splitlines()
    assert lines[:2] == ["[1/2] kapot.xlsx: FOUT", "[2/2] plan-1.xlsx: ok"] or lines[:2] == [
        "[1/2] plan-1.xlsx: ok",
        "[2/2] kapot.xlsx: FOUT",
    ]
    assert lines[2].startswith("planrapport: 1 van 2 jaarrapporten gemaakt in ")
    assert lines[3:5] == [
        "planrapport: 1 werkboek zonder jaarrapport:",
        "  kapot.xlsx: dit is geen Excel-werkboek (.xlsx of .xlsm), of het bestand is beschadigd. "
        "Bewaar het in Excel als Excel-werkmap (.xlsx).",
    ]


def test_a_folder_without_workbooks_is_said_so(tmp_path):
    (tmp_path / "~$plan.xlsx").write_bytes(b"lock")
    (tmp_path / "notities.txt").write_text("geen werkboek")
    with pytest.raises(WorkbookError) as raised:
        run_batch(tmp_path, 2023, None, overwrite=False, force=False)
    assert raised.value.message == (
        f"{tmp_path}: in deze map staan geen werkboeken (.xlsx of .xlsm).\n"
        "  ~$plan.xlsx: een slotbestand van Excel, Word of LibreOffice (een bestand is open)"
    )


def test_the_progress_bar_redraws_one_line_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    bar = ProgressBar(screen)
    outcomes = (batch.WorkbookOutcome(Path("a.xlsx"), Path("a.docx")), batch.WorkbookOutcome(Path("b.xlsx")))
    result = BatchResult(outcomes, 1.0)
    bar(result.outcomes[0], 1, 2)
    bar(result.outcomes[1], 2, 2)
    assert screen.getvalue().count("\r") == 2 and screen.getvalue().endswith("\n")
    assert "[###############---------------] 1/2 a.xlsx" in screen.getvalue()


def test_the_batch_reports_on_exactly_the_good_workbooks_and_names_every_file_it_skips(tmp_path, small_plans):
    from workbook.sheets.writeback import CheckList, write_check_sheet

    folder = folder_with(tmp_path, small_plans, "seed1", "seed2")
    backup = write_check_sheet(folder / "plan-1.xlsx", CheckList("geen problemen"))
    # an older backup of a workbook with errors: read, it would fail the batch and take the report's name
    shutil.copy(small_plans["double"], folder / "plan-2 (reservekopie).xlsx")
    shutil.copy(small_plans["double"], folder / "plan-2 (reservekopie) (2).xlsx")
    shutil.copy(FIXTURES / "kapot" / "oud.xls", folder / "oud.xls")
    shutil.copy(FIXTURES / "kapot" / "rekenblad.ods", folder / "rekenblad.ods")
    (folder / "~$plan-2.xlsx").write_bytes(b"lock")
    (folder / ".~lock.plan-1.xlsx#").write_text("officer,pc,,01.12.2026 10:00,")
    (folder / ".~planrapport-x1y2z3.xlsx").write_bytes(b"PK half")  # of a run writing now: named, kept
    killed = folder / ".~planrapport-k1ll3d.xlsx"  # of a run killed a day ago: removed
    killed.write_bytes(b"PK half")
    os.utime(killed, (killed.stat().st_mtime - 86400,) * 2)
    (folder / "notities.txt").write_text("geen werkboek")
    stdout, stderr = io.StringIO(), io.StringIO()
    code = batch_command(folder, 2023, None, overwrite=True, force=False, stdout=stdout, stderr=stderr)
    assert code == 0
    assert stdout.getvalue().splitlines() == [
        str(folder / f"jaarrapport-2023-{municipality(seed)}.docx") for seed in (1, 2)
    ]
    lines = stderr.getvalue().splitlines()
    assert not killed.exists() and (folder / ".~planrapport-x1y2z3.xlsx").exists()
    assert lines[2].startswith("planrapport: 2 van 2 jaarrapporten gemaakt in ")
    assert lines[3:] == [
        "planrapport: 8 bestanden overgeslagen:",
        "  .~lock.plan-1.xlsx#: een slotbestand van Excel, Word of LibreOffice (een bestand is open)",
        "  .~planrapport-x1y2z3.xlsx: een tijdelijk bestand van planrapport",
        "  oud.xls: een oud Excel-bestand (.xls); open het in Excel en bewaar het als Excel-werkmap (.xlsx)",
        f"  {backup.name}: een reservekopie die planrapport maakte voor het in het werkboek schreef",
        "  plan-2 (reservekopie) (2).xlsx: een reservekopie die planrapport maakte voor het in het werkboek schreef",
        "  plan-2 (reservekopie).xlsx: een reservekopie die planrapport maakte voor het in het werkboek schreef",
        "  rekenblad.ods: een LibreOffice-rekenblad (.ods); open het in LibreOffice Calc en bewaar het als "
        "Excel-werkmap (.xlsx)",
        "  ~$plan-2.xlsx: een slotbestand van Excel, Word of LibreOffice (een bestand is open)",
    ]


def _sleep_and_say(path, *args):
    import sys
    import time

    sys.stdout.write(f"{os.getpid()}\n")  # one write: the two workers' lines never interleave
    sys.stdout.flush()
    time.sleep(120)


@pytest.mark.skipif(os.name != "posix", reason="kills a process with SIGKILL")
def test_the_workers_end_with_the_batch_that_started_them(tmp_path, small_plans):
    import signal
    import subprocess
    import sys
    import time

    folder = folder_with(tmp_path, small_plans, "seed1", "seed2")
    script = (
        "import sys\n"
        "from planrapport.commands.documents import batch\n"
        "from tests.test_batch import _sleep_and_say\n"
        "batch.render_one = _sleep_and_say\n"
        "batch.run_batch(sys.argv[1], 2023, None, overwrite=False, force=False, workers=2)\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(folder)], stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parent.parent
    )
    workers = [int(process.stdout.readline()) for _ in range(2)]
    assert all(_alive(pid) for pid in workers)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    deadline = time.monotonic() + 60  # a bound for a slow host, not a speed figure
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)


def _alive(pid: int) -> bool:
    """Whether the process runs (a finished child not yet reaped by its new parent counts as ended)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
