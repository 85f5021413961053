"""Backups before a write-back: the first of each day and the last five, names claimed atomically and short
enough to exist."""

import os
import shutil
from datetime import date, datetime
from pathlib import Path

from workbook.storage import backups
from workbook.storage.backups import backup_path, is_backup, make_backup, rotation_copies
from workbook.storage.files import rewrite_with_backup

DAY = date(2026, 12, 1)


def test_the_first_backup_of_the_day_holds_the_workbook_as_it_was_before_the_first_write(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"ochtend")
    first = make_backup(path, DAY, datetime(2026, 12, 1, 9, 5, 7))
    assert first.name == "plan (reservekopie 2026-12-01).xlsx"
    path.write_bytes(b"middag")
    second = make_backup(path, DAY, datetime(2026, 12, 1, 14, 3, 27))
    assert second.name == "plan (reservekopie 2026-12-01 14.03.27).xlsx"
    assert first.read_bytes() == b"ochtend" and second.read_bytes() == b"middag"
    assert make_backup(path, date(2026, 12, 2)).read_bytes() == b"middag"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "plan (reservekopie 2026-12-01 14.03.27).xlsx",
        "plan (reservekopie 2026-12-01).xlsx",
        "plan (reservekopie 2026-12-02).xlsx",
        "plan.xlsx",
    ]


def test_ten_writes_on_one_day_keep_the_first_of_the_day_and_the_last_five(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"0")
    for number in range(1, 11):
        rewrite_with_backup(path, lambda temporary, n=number: temporary.write_bytes(str(n).encode()))
    assert path.read_bytes() == b"10"
    made = sorted(p.name for p in tmp_path.iterdir() if p != path)
    assert len(made) == 6 and all(is_backup(name) for name in made)
    assert backup_path(path, date.today()).read_bytes() == b"0"
    assert [p.read_bytes() for p in rotation_copies(path)] == [b"5", b"6", b"7", b"8", b"9"]


def test_rotation_names_sort_by_time_and_a_second_in_the_same_second_is_numbered(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"0")
    make_backup(path, DAY, datetime(2026, 12, 1, 8, 0, 0))
    moments = [datetime(2026, 12, 1, 9, 59, 59), datetime(2026, 12, 1, 10, 0, 0), datetime(2026, 12, 1, 10, 0, 0)]
    names = []
    for number, moment in enumerate(moments, start=1):
        path.write_bytes(str(number).encode())
        names.append(make_backup(path, DAY, moment).name)
    assert names == [
        "plan (reservekopie 2026-12-01 09.59.59).xlsx",
        "plan (reservekopie 2026-12-01 10.00.00).xlsx",
        "plan (reservekopie 2026-12-01 10.00.00-2).xlsx",
    ]
    assert sorted(names) == names and [p.name for p in rotation_copies(path)] == names


def test_the_rotation_spans_days_and_never_removes_the_first_of_a_day(tmp_path):
    path = tmp_path / "plan.xlsx"
    for day in (1, 2):
        for hour in range(8, 12):
            path.write_bytes(f"{day}-{hour}".encode())
            make_backup(path, date(2026, 12, day), datetime(2026, 12, day, hour))
    names = sorted(p.name for p in tmp_path.iterdir() if p != path)
    assert names == [
        "plan (reservekopie 2026-12-01 10.00.00).xlsx",
        "plan (reservekopie 2026-12-01 11.00.00).xlsx",
        "plan (reservekopie 2026-12-01).xlsx",
        "plan (reservekopie 2026-12-02 09.00.00).xlsx",
        "plan (reservekopie 2026-12-02 10.00.00).xlsx",
        "plan (reservekopie 2026-12-02 11.00.00).xlsx",
        "plan (reservekopie 2026-12-02).xlsx",
    ]
    assert (tmp_path / "plan (reservekopie 2026-12-01).xlsx").read_bytes() == b"1-8"


def test_the_rotation_of_another_workbook_in_the_folder_is_left_alone(tmp_path):
    other = tmp_path / "ander plan.xlsx"
    other.write_bytes(b"ander")
    for hour in range(1, 8):
        make_backup(other, DAY, datetime(2026, 12, 1, hour))
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"0")
    for hour in range(1, 8):
        make_backup(path, DAY, datetime(2026, 12, 1, hour))
    assert len(rotation_copies(other)) == 5 and len(rotation_copies(path)) == 5


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
    for number in range(7):  # the rotation's longer names are shortened too, and found again to be removed
        for path in (first, second):
            rewrite_with_backup(path, lambda temporary, n=number: temporary.write_bytes(str(n).encode()))
    for path in (first, second):
        copies = rotation_copies(path)
        assert len(copies) == 5 and all(len(os.fsencode(p.name)) <= 255 and is_backup(p.name) for p in copies)
    assert len([p for p in tmp_path.iterdir() if is_backup(p.name)]) == 12


def test_names_of_many_bytes_are_cut_between_characters(tmp_path):
    path = tmp_path / ("é" * 120 + ".xlsx")
    path.write_bytes(b"x")
    backup = make_backup(path, DAY)
    assert len(os.fsencode(backup.name)) <= 255 and backup.name.startswith("é" * 50)


def test_older_backup_names_are_recognised_and_workbooks_are_not():
    assert all(
        is_backup(name)
        for name in (
            "plan (reservekopie).xlsx",
            "plan (reservekopie) (3).xlsm",
            "plan (reservekopie 2026-12-01).xlsx",
            "plan (reservekopie 2026-12-01 14.03.27).xlsx",
            "plan (reservekopie 2026-12-01 14.03.27-2).xlsm",
        )
    )
    assert not any(
        is_backup(name)
        for name in (
            "plan.xlsx",
            "reservekopie.xlsx",
            "plan (reservekopie van Jan).xlsx",
            "plan (2).xlsx",
            "plan (reservekopie 2026-12-01 14u03).xlsx",
        )
    )


def test_the_backup_name_without_a_path_is_today(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"x")
    assert make_backup(path) == Path(tmp_path / f"plan (reservekopie {date.today().isoformat()}).xlsx")


def test_the_backup_has_the_permissions_of_the_workbook(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"x")
    os.chmod(path, 0o644)
    assert make_backup(path, DAY).stat().st_mode & 0o777 == 0o644
