"""Writes never damage what is already there: temporary file beside the target, then one rename."""

import os
import signal
import subprocess
import sys
import time

import pytest

from workbook.plan.errors import WorkbookError
from workbook.storage.files import free_name, write_atomically


def test_a_failing_writer_leaves_the_original_intact(tmp_path):
    target = tmp_path / "rapport.docx"
    target.write_bytes(b"origineel")

    def broken(temporary):
        temporary.write_bytes(b"half")
        raise OSError("schijf vol")

    with pytest.raises(OSError):
        write_atomically(target, broken, overwrite=True)
    assert target.read_bytes() == b"origineel"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.docx"]


def test_an_existing_file_is_never_silently_replaced(tmp_path):
    target = tmp_path / "rapport.docx"
    target.write_bytes(b"origineel")
    with pytest.raises(WorkbookError) as raised:
        write_atomically(target, lambda t: t.write_bytes(b"nieuw"))
    assert raised.value.message == (
        "rapport.docx: dit bestand bestaat al. Kies een andere naam of gebruik --overschrijf."
    )
    assert target.read_bytes() == b"origineel"
    write_atomically(target, lambda t: t.write_bytes(b"nieuw"), overwrite=True)
    assert target.read_bytes() == b"nieuw"


def test_numbered_free_names(tmp_path):
    target = tmp_path / "jaarrapport-2023-gent.docx"
    assert free_name(target) == target
    target.write_bytes(b"1")
    (tmp_path / "jaarrapport-2023-gent (2).docx").write_bytes(b"2")
    assert free_name(target).name == "jaarrapport-2023-gent (3).docx"


def test_a_file_open_in_office_gets_a_message_to_close_it(tmp_path):
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"origineel")
    (tmp_path / "~$plan.xlsx").write_bytes(b"lock")
    with pytest.raises(WorkbookError) as raised:
        write_atomically(target, lambda t: t.write_bytes(b"nieuw"), overwrite=True)
    assert raised.value.message == "plan.xlsx: het bestand is open in Word of Excel. Sluit het en probeer opnieuw."
    assert target.read_bytes() == b"origineel"


@pytest.mark.skipif(os.name != "posix", reason="kills a process with SIGKILL")
def test_a_writer_killed_half_way_leaves_the_original_intact(tmp_path):
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"origineel" * 1000)
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from workbook.storage.files import write_atomically\n"
        "def slow(temporary):\n"
        "    with open(temporary, 'wb') as handle:\n"
        "        handle.write(b'half geschreven'); handle.flush()\n"
        "        print('bezig', flush=True); time.sleep(60)\n"
        "write_atomically(Path(sys.argv[1]), slow, overwrite=True)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script, str(target)], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "bezig"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    time.sleep(0.1)
    assert target.read_bytes() == b"origineel" * 1000


@pytest.mark.parametrize(
    "name, lock",
    [
        ("jaarrapport-2023-gent.docx", "~$arrapport-2023-gent.docx"),  # Word, 8 or more characters
        ("rapport.docx", "~$apport.docx"),  # Word, 7 characters
        ("plan.docx", "~$plan.docx"),  # Word, fewer than 7
        ("jaarrapport-2023-gent.docx", "~$jaarrapport-2023-gent.docx"),  # Excel's rule
        ("jaarrapport-2023-gent.docx", ".~lock.jaarrapport-2023-gent.docx#"),  # LibreOffice
    ],
)
def test_word_excel_and_libreoffice_lock_files_are_recognised(tmp_path, name, lock):
    target = tmp_path / name
    target.write_bytes(b"origineel")
    (tmp_path / lock).write_bytes(b"lock")
    with pytest.raises(WorkbookError) as raised:
        write_atomically(target, lambda t: t.write_bytes(b"nieuw"), overwrite=True)
    assert raised.value.message == f"{name}: het bestand is open in Word of Excel. Sluit het en probeer opnieuw."
    assert target.read_bytes() == b"origineel"


def test_temporary_files_a_killed_run_left_are_removed_by_the_next_write_but_not_a_running_ones(tmp_path):
    from workbook.storage.temporaries import STALE_AFTER

    old = tmp_path / ".~planrapport-k1ll3d.docx"
    old.write_bytes(b"x" * 1000)
    an_hour_ago = time.time() - STALE_AFTER - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    running = tmp_path / ".~planrapport-busy01.docx"
    running.write_bytes(b"nog bezig")
    write_atomically(tmp_path / "rapport.docx", lambda t: t.write_bytes(b"nieuw"))
    assert sorted(p.name for p in tmp_path.iterdir()) == [".~planrapport-busy01.docx", "rapport.docx"]


def test_a_file_that_appears_while_writing_is_never_replaced_without_overschrijf(tmp_path):
    target = tmp_path / "jaarrapport.docx"

    def someone_else_writes() -> None:
        target.write_bytes(b"van iemand anders")

    with pytest.raises(WorkbookError, match="jaarrapport.docx: dit bestand bestaat al"):
        write_atomically(
            target, lambda temporary: temporary.write_bytes(b"van planrapport"), before_replace=someone_else_writes
        )
    assert target.read_bytes() == b"van iemand anders"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jaarrapport.docx"]
