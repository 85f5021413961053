"""One writer at a time, nothing replaced that changed meanwhile, read-only respected, owner and mode kept."""

from __future__ import annotations

import json
import os
import random
import shutil
import socket
import stat
import subprocess
import sys
import threading
import time
import types
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planrapport.cli import main
from tests.conftest import WAREGEM
from workbook.cycle.returns import returned_files
from workbook.plan.errors import WorkbookError
from workbook.reading.reader import read_plan
from workbook.storage import writer_lock
from workbook.storage.backups import is_backup
from workbook.storage.files import rewrite_with_backup
from workbook.storage.permissions import file_is_read_only
from workbook.storage.temporaries import STALE_AFTER, is_temporary, remove_stale_temporaries
from workbook.storage.writer_lock import lock_path, writing

ROOT = Path(__file__).resolve().parent.parent
BUSY = "planrapport schrijft al in dit werkboek"
CHANGED = "is intussen gewijzigd (door een andere opdracht of iemand anders); er is niets geschreven."
TRIALS = 20
TRIAL_SECONDS = 45  # the race stops starting new trials after this long (at least MIN_TRIALS run)
MIN_TRIALS = 8


@pytest.fixture(scope="module")
def big_plan(tmp_path_factory) -> Path:
    """A synthetic plan of 120 actions whose period runs to 2024, so that `nieuw-jaar 2024` adds 120 rows."""
    from benchmarks.make_plan import plan_data, write_plan

    data = plan_data("typisch")
    data["Instellingen"]["Eindjaar"] = 2024
    return write_plan(data, tmp_path_factory.mktemp("groot") / "plan.xlsx")


def _copy(source: Path, folder: Path, name: str = "plan.xlsx") -> Path:
    target = folder / name
    shutil.copyfile(source, target)
    return target


def _run(*argv: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "planrapport", *argv],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _lock(path: Path, **fields: object) -> Path:
    holder = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "user": "jan.peeters",
        "started": datetime.now().astimezone().isoformat(timespec="seconds"),
        "token": "ander",
        **fields,
    }
    lock = lock_path(path)
    lock.write_text(json.dumps(holder), encoding="utf-8")
    return lock


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


# ---- two real commands at once ----


def test_two_writers_at_random_offsets_never_lose_a_change_silently(big_plan, tmp_path):
    rng = random.Random(20261201)
    results = []
    started = time.monotonic()
    for trial in range(TRIALS):
        if trial >= MIN_TRIALS and time.monotonic() - started > TRIAL_SECONDS:
            break
        folder = tmp_path / f"proef-{trial}"
        folder.mkdir()
        path = _copy(big_plan, folder)
        commands = [("nieuw-jaar", str(path), "2024"), ("controleer", str(path), "--schrijf")]
        if rng.random() < 0.5:
            commands.reverse()
        first = _run(*commands[0])
        time.sleep(rng.uniform(0, 2.5))
        second = _run(*commands[1])
        outcomes = {}
        for command, process in zip(commands, (first, second), strict=True):
            out, err = process.communicate(timeout=120)
            outcomes[command[0]] = (process.returncode, err)
        plan = read_plan(path)
        year_added = plan.settings.report_year == 2024 and sum(f.year == 2024 for f in plan.follow_ups) == 120
        check_written = "Controle" in load_workbook(path, read_only=True).sheetnames
        for name, present in (("nieuw-jaar", year_added), ("controleer", check_written)):
            code, err = outcomes[name]
            assert "onverwacht" not in err, err
            refused = BUSY in err or CHANGED in err
            assert present or (refused and code == 1), (trial, name, code, err)
            assert not (present and refused), (trial, name, err)
        assert not lock_path(path).exists()
        results.append(all(BUSY not in err and CHANGED not in err for _, err in outcomes.values()))
    assert len(results) >= MIN_TRIALS


def test_a_writer_waits_for_the_other_and_then_reads_what_it_wrote(big_plan, tmp_path):
    path = _copy(big_plan, tmp_path)
    first = _run("nieuw-jaar", str(path), "2024")
    deadline = time.monotonic() + 30
    while not lock_path(path).exists() and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    second = _run("controleer", str(path), "--schrijf")
    assert first.wait(timeout=120) == 0
    second.communicate(timeout=120)
    plan = read_plan(path)
    assert plan.settings.report_year == 2024 and sum(f.year == 2024 for f in plan.follow_ups) == 120
    assert "Controle" in load_workbook(path, read_only=True).sheetnames


# ---- the lock ----


def test_a_live_lock_is_refused_with_who_holds_it_and_since_when(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(writer_lock, "WAIT_SECONDS", 0.3)
    path = _copy(WAREGEM, tmp_path)
    original = path.read_bytes()
    started = datetime.now().astimezone() - timedelta(minutes=2)
    lock = _lock(path, started=started.isoformat(timespec="seconds"))
    assert main(["controleer", str(path), "--schrijf"]) == 1
    assert capsys.readouterr().err == (
        "planrapport: plan.xlsx: planrapport schrijft al in dit werkboek (een opdracht van jan.peeters, sinds "
        f"{started.hour}.{started.minute:02d} uur). Wacht tot die opdracht klaar is en probeer dan opnieuw.\n"
    )
    assert path.read_bytes() == original and lock.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [lock.name, "plan.xlsx"]


def test_a_lock_from_another_computer_names_it(tmp_path, monkeypatch):
    monkeypatch.setattr(writer_lock, "WAIT_SECONDS", 0.2)
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"x")
    earlier = datetime.now().astimezone() - timedelta(minutes=20)
    _lock(path, host="pc-integratie-2", user="an", started=earlier.isoformat())
    with pytest.raises(WorkbookError) as raised, writing(path):
        pass
    assert "(een opdracht van an op pc-integratie-2, sinds " in raised.value.message


def test_a_stale_lock_is_taken_over(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"0")
    _lock(path, pid=_dead_pid())  # this computer, its process gone
    rewrite_with_backup(path, lambda temporary: temporary.write_bytes(b"1"))
    assert path.read_bytes() == b"1" and not lock_path(path).exists()
    old = datetime.now().astimezone() - timedelta(seconds=writer_lock.STALE_AFTER + 60)
    _lock(path, host="pc-integratie-2", started=old.isoformat())  # another computer, too old to be running
    rewrite_with_backup(path, lambda temporary: temporary.write_bytes(b"2"))
    assert path.read_bytes() == b"2" and not lock_path(path).exists()


def test_a_young_lock_of_another_computer_is_not_taken_over_whatever_its_process_number(tmp_path, monkeypatch):
    monkeypatch.setattr(writer_lock, "WAIT_SECONDS", 0.2)
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"0")
    _lock(path, host="pc-integratie-2", pid=_dead_pid())
    with pytest.raises(WorkbookError, match=BUSY):
        rewrite_with_backup(path, lambda temporary: temporary.write_bytes(b"1"))
    assert path.read_bytes() == b"0"


def test_a_lock_released_while_waiting_is_taken(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"0")
    lock = _lock(path)
    threading.Timer(0.5, lock.unlink).start()
    with writing(path):
        assert json.loads(lock.read_text())["token"] != "ander"
    assert not lock.exists()


def test_the_lock_holds_who_and_since_when_and_is_released_when_the_command_fails(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"0")
    with pytest.raises(RuntimeError), writing(path):
        holder = json.loads(lock_path(path).read_text())
        assert holder["pid"] == os.getpid() and holder["host"] == socket.gethostname() and holder["user"]
        assert datetime.fromisoformat(holder["started"]) <= datetime.now().astimezone()
        raise RuntimeError("mislukt")
    assert not lock_path(path).exists()


def test_the_lock_is_reentrant_in_one_thread_and_not_for_another(tmp_path, monkeypatch):
    monkeypatch.setattr(writer_lock, "WAIT_SECONDS", 0.2)
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"0")
    errors = []

    def other_thread() -> None:
        try:
            with writing(path):
                pass
        except WorkbookError as error:
            errors.append(error.message)

    with writing(path), writing(tmp_path / "." / "plan.xlsx"):
        rewrite_with_backup(path, lambda temporary: temporary.write_bytes(b"1"))
        rewrite_with_backup(path, lambda temporary: temporary.write_bytes(b"2"))  # the stamp follows own writes
        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
        assert lock_path(path).exists()
    assert path.read_bytes() == b"2" and not lock_path(path).exists()
    assert len(errors) == 1 and BUSY in errors[0]


def test_a_killed_writer_leaves_a_lock_the_next_one_takes_over(tmp_path):
    path = _copy(WAREGEM, tmp_path)
    script = (
        "import sys, time\nfrom workbook.storage.writer_lock import writing\n"
        "with writing(sys.argv[1]):\n    print('bezig', flush=True); time.sleep(60)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "bezig"
    process.kill()
    process.wait(timeout=10)
    assert lock_path(path).exists()
    assert main(["nieuw-jaar", str(path), "2013"]) == 0
    assert not lock_path(path).exists()


def test_the_lock_file_is_no_workbook_to_scans_and_no_leftover_to_remove(tmp_path):
    path = _copy(WAREGEM, tmp_path)
    lock = _lock(path)
    long_ago = time.time() - STALE_AFTER - 3600
    os.utime(lock, (long_ago, long_ago))
    assert lock.name == ".~planrapport-lock.plan.xlsx" and is_temporary(lock.name)
    assert remove_stale_temporaries(tmp_path) == [] and lock.exists()
    assert returned_files(tmp_path) == [path]
    assert len(os.fsencode(lock_path(tmp_path / ("é" * 120 + ".xlsx")).name)) <= 255


# ---- the workbook changed between reading and replacing ----


def test_a_workbook_changed_after_it_was_read_is_not_replaced(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"gelezen")
    with writing(path):
        path.write_bytes(b"bewaard in Excel")  # the same size would not help either
        with pytest.raises(WorkbookError) as raised:
            rewrite_with_backup(path, lambda temporary: temporary.write_bytes(b"planrapport"))
    assert raised.value.message == f"plan.xlsx {CHANGED} Voer de opdracht opnieuw uit."
    assert path.read_bytes() == b"bewaard in Excel"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_a_change_while_the_new_workbook_is_written_is_caught_just_before_the_replace(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"gelezen")
    stamp = os.stat(path)

    def slow(temporary: Path) -> None:
        temporary.write_bytes(b"planrapport")
        path.write_bytes(b"gelezeN")  # same size, and the same modification time put back: only the content tells
        os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))

    with pytest.raises(WorkbookError, match="intussen gewijzigd"):
        rewrite_with_backup(path, slow)
    assert path.read_bytes() == b"gelezeN"
    assert not any(is_temporary(p.name) for p in tmp_path.iterdir())


def test_a_command_that_reads_while_another_wrote_refuses(tmp_path, monkeypatch, capsys):
    path = _copy(WAREGEM, tmp_path)
    from workbook.storage import files

    real = files.open_for_rewrite

    def opened_after_an_excel_save(target: Path):
        package = real(target)
        with open(target, "ab") as handle:
            handle.write(b"\0")
        return package

    monkeypatch.setattr(files, "open_for_rewrite", opened_after_an_excel_save)
    changed = path.read_bytes() + b"\0"
    assert main(["controleer", str(path), "--schrijf"]) == 1
    assert capsys.readouterr().err == f"planrapport: plan.xlsx {CHANGED} Voer de opdracht opnieuw uit.\n"
    assert path.read_bytes() == changed


# ---- read-only ----


def test_a_read_only_workbook_is_refused_even_for_an_administrator(tmp_path, capsys):
    path = _copy(WAREGEM, tmp_path)
    os.chmod(path, 0o444)
    before = os.stat(path)
    for argv in (["controleer", str(path), "--schrijf"], ["nieuw-jaar", str(path), "2013"]):
        assert main(argv) == 1
        assert capsys.readouterr().err == (
            "planrapport: plan.xlsx: dit werkboek is alleen-lezen; planrapport schrijft er niets in. Maak het "
            "schrijfbaar (Eigenschappen, vinkje 'Alleen-lezen' weg, of vraag schrijfrechten) en probeer opnieuw.\n"
        )
    after = os.stat(path)
    assert (after.st_ino, after.st_mtime_ns, after.st_mode) == (before.st_ino, before.st_mtime_ns, before.st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_a_read_only_folder_is_named(tmp_path, capsys):
    folder = tmp_path / "gedeeld"
    folder.mkdir()
    path = _copy(WAREGEM, folder)
    os.chmod(folder, 0o555)
    try:
        assert main(["nieuw-jaar", str(path), "2013"]) == 1
        err = capsys.readouterr().err
        assert err == (
            "planrapport: gedeeld: in deze map mag planrapport niet schrijven (alleen-lezen); plan.xlsx is "
            "niet gewijzigd. Zet het werkboek in een map waarin u mag schrijven, of vraag schrijfrechten "
            "op deze map.\n"
        )
        assert sorted(p.name for p in folder.iterdir()) == ["plan.xlsx"]
    finally:
        os.chmod(folder, 0o755)


def test_the_read_only_attribute_counts_too():
    status = types.SimpleNamespace(st_mode=stat.S_IFREG | 0o666, st_file_attributes=stat.FILE_ATTRIBUTE_READONLY)
    assert file_is_read_only(Path(__file__), status)
    assert not file_is_read_only(Path(__file__), types.SimpleNamespace(st_mode=stat.S_IFREG | 0o644))


# ---- mode and owner kept, backups ----


def test_a_replaced_workbook_keeps_its_mode(tmp_path):
    path = _copy(WAREGEM, tmp_path)
    os.chmod(path, 0o640)
    assert main(["nieuw-jaar", str(path), "2013"]) == 0
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only an administrator gives files away")
def test_a_replaced_workbook_keeps_its_owner_and_group(tmp_path):
    path = _copy(WAREGEM, tmp_path)
    os.chown(path, 4321, 4322)
    assert main(["nieuw-jaar", str(path), "2013"]) == 0
    after = os.stat(path)
    assert (after.st_uid, after.st_gid) == (4321, 4322)


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="file owners as on Linux and macOS")
def test_another_users_workbook_is_refused_rather_than_made_ones_own(tmp_path, monkeypatch, capsys):
    from workbook.storage import permissions

    path = _copy(WAREGEM, tmp_path)
    before = path.read_bytes()
    monkeypatch.setattr(permissions.os, "geteuid", lambda: os.stat(path).st_uid + 1000)
    assert main(["nieuw-jaar", str(path), "2013"]) == 1
    assert capsys.readouterr().err.startswith("planrapport: plan.xlsx: dit werkboek is van een andere gebruiker; ")
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


@pytest.mark.skipif(not hasattr(os, "chown"), reason="file owners as on Linux and macOS")
def test_an_owner_that_cannot_be_kept_stops_the_replace(tmp_path, monkeypatch):
    from workbook.storage import permissions

    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"0")
    real_stat = os.stat

    def owned_by_another(target, *args, **kwargs):
        status = real_stat(target, *args, **kwargs)
        if Path(target) == path:
            values = list(status)
            values[4] += 1000  # st_uid
            return os.stat_result(values)
        return status

    def refused(*args, **kwargs):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(permissions.os, "chown", refused)
    monkeypatch.setattr(permissions, "_may_keep_owner", lambda status: True)
    monkeypatch.setattr(Path, "stat", lambda self, **kwargs: owned_by_another(self, **kwargs))
    with pytest.raises(WorkbookError, match="kan de eigenaar van het werkboek niet behouden"):
        rewrite_with_backup(path, lambda temporary: temporary.write_bytes(b"1"))
    assert path.read_bytes() == b"0" and not any(is_temporary(p.name) for p in tmp_path.iterdir())


def test_six_writes_keep_the_first_of_the_day_plus_the_last_five(tmp_path):
    path = _copy(WAREGEM, tmp_path)
    states = [path.read_bytes()]
    for year in (2011, 2012, 2013, 2012, 2011, 2013, 2012):
        assert main(["nieuw-jaar", str(path), str(year)]) == 0
        states.append(path.read_bytes())
    backups = sorted(p for p in tmp_path.iterdir() if is_backup(p.name))
    daily = [p for p in backups if p.name.count(" ") == 2]
    rotation = [p for p in backups if p not in daily]
    assert len(daily) == 1 and daily[0].read_bytes() == states[0]
    assert [p.read_bytes() for p in rotation] == states[2:7]  # before each of the last five writes
