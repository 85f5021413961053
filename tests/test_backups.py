"""Backups before a write-back: one per workbook per day, names claimed atomically and short enough to exist."""

import os
import shutil
from datetime import date
from pathlib import Path

from workbook import backups
from workbook.backups import backup_path, is_backup, make_backup
from workbook.files import rewrite_with_backup

DAY = date(2026, 12, 1)


def test_one_backup_per_day_holding_the_workbook_as_it_was_before_the_first_write(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"ochtend")
    first = make_backup(path, DAY)
    assert first.name == "plan (reservekopie 2026-12-01).xlsx"
    path.write_bytes(b"middag")
    assert make_backup(path, DAY) == first
    assert first.read_bytes() == b"ochtend"
    assert make_backup(path, date(2026, 12, 2)).read_bytes() == b"middag"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "plan (reservekopie 2026-12-01).xlsx", "plan (reservekopie 2026-12-02).xlsx", "plan.xlsx"]


def test_ten_writes_on_one_day_leave_one_backup(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"0")
    for number in range(1, 11):
        rewrite_with_backup(path, lambda temporary, n=number: temporary.write_bytes(str(n).encode()))
    assert path.read_bytes() == b"10"
    made = [p for p in tmp_path.iterdir() if p != path]
    assert len(made) == 1 and is_backup(made[0].name) and made[0].read_bytes() == b"0"


def test_a_backup_another_run_made_a_moment_earlier_is_never_replaced(tmp_path, monkeypatch):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"van deze run")
    other = backup_path(path, DAY)
    real_copy = shutil.copyfile

    def copy_while_another_run_claims_the_name(source, target):
        real_copy(source, target)
        other.write_bytes(b"van de andere run")

    monkeypatch.setattr(backups.shutil, "copyfile", copy_while_another_run_claims_the_name)
    assert make_backup(path, DAY) == other
    assert other.read_bytes() == b"van de andere run"
    assert sorted(p.name for p in tmp_path.iterdir()) == [other.name, "plan.xlsx"]


def test_without_hard_links_the_name_is_claimed_exclusively(tmp_path, monkeypatch):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"inhoud")

    def no_links(source, target):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(backups.os, "link", no_links)
    backup = make_backup(path, DAY)
    assert backup.read_bytes() == b"inhoud"
    assert sorted(p.name for p in tmp_path.iterdir()) == [backup.name, "plan.xlsx"]


def test_a_name_too_long_for_the_file_system_is_shortened_and_stays_unique(tmp_path):
    first = tmp_path / ("werkboek van de integratiedienst " * 8)[:236]
    first = first.with_name(first.name.rstrip() + ".xlsx")
    second = first.with_name(first.stem[:-1] + "Y.xlsx")
    for path in (first, second):
        path.write_bytes(path.name.encode())
        rewrite_with_backup(path, lambda temporary: temporary.write_bytes(b"nieuw"))
    made = sorted(p for p in tmp_path.iterdir() if is_backup(p.name))
    assert len(made) == 2
    assert all(len(os.fsencode(p.name)) <= 255 for p in made)
    assert sorted(p.read_bytes() for p in made) == sorted([first.name.encode(), second.name.encode()])


def test_names_of_many_bytes_are_cut_between_characters(tmp_path):
    path = tmp_path / ("é" * 120 + ".xlsx")
    path.write_bytes(b"x")
    backup = make_backup(path, DAY)
    assert len(os.fsencode(backup.name)) <= 255 and backup.name.startswith("é" * 50)


def test_older_backup_names_are_recognised_and_workbooks_are_not():
    assert all(is_backup(name) for name in (
        "plan (reservekopie).xlsx", "plan (reservekopie) (3).xlsm", "plan (reservekopie 2026-12-01).xlsx"))
    assert not any(is_backup(name) for name in (
        "plan.xlsx", "reservekopie.xlsx", "plan (reservekopie van Jan).xlsx", "plan (2).xlsx"))


def test_the_backup_name_without_a_path_is_today(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"x")
    assert make_backup(path) == Path(tmp_path / f"plan (reservekopie {date.today().isoformat()}).xlsx")


def test_the_backup_has_the_permissions_of_the_workbook(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"x")
    os.chmod(path, 0o644)
    assert make_backup(path, DAY).stat().st_mode & 0o777 == 0o644
