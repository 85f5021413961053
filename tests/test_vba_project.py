"""vbaProject.bin is xlwings' quickstart project record for record, with only Module1's source ours; reproducible."""

from __future__ import annotations

import zipfile

import pytest
from oletools.olevba import VBA_Parser
from pyopenvba import ExcelFile
from pyopenvba.cfb import CFB
from pyopenvba.vba import decompress

from workbook.builders.vba_project import (
    MACRO_SOURCE,
    OUR_MODULE,
    VBA_PROJECT,
    module_source,
    project_bytes,
    quickstart_workbook,
)
from xlsx_templates import MACRO_TEMPLATE

PROJECTVERSION = 0x0009  # its size field says 4, yet 6 bytes follow (MS-OVBA 2.3.4.2.1.11)
MODULENAME, MODULEOFFSET = 0x0019, 0x0031


def original() -> bytes:
    with zipfile.ZipFile(quickstart_workbook()) as archive:
        return archive.read("xl/vbaProject.bin")


def dir_records(project: bytes) -> tuple[list[tuple[int, bytes]], bytes]:
    """The records of the decompressed dir stream, in order, as (id, data), and the bytes after the last one."""
    raw = decompress(CFB.from_bytes(project).get_stream_in_storage("VBA", "dir"))
    records, at = [], 0
    while at + 6 <= len(raw):
        record_id = int.from_bytes(raw[at : at + 2], "little")
        size = 6 if record_id == PROJECTVERSION else int.from_bytes(raw[at + 2 : at + 6], "little")
        records.append((record_id, raw[at + 6 : at + 6 + size]))
        at += 6 + size
    return records, raw[at:]


def module_of(records: list[tuple[int, bytes]], index: int) -> bytes:
    """The MODULENAME of the module that record `index` belongs to."""
    return next(data for record_id, data in reversed(records[:index]) if record_id == MODULENAME)


@pytest.fixture(scope="module")
def built() -> bytes:
    return VBA_PROJECT.read_bytes()


def test_the_dir_records_are_the_originals_but_our_modules_source_offset(built):
    (before, rest_before), (after, rest_after) = dir_records(original()), dir_records(built)
    # pyOpenVBA closes the rewritten dir stream with the terminator's record header and its Reserved field:
    # four zero bytes more than the original, after the terminator, where a reader stops.
    assert after[-1] == before[-1] == (0x0010, b"")
    assert (rest_before, rest_after) == (b"", b"\x00\x00\x00\x00")
    assert [record_id for record_id, _ in after] == [record_id for record_id, _ in before]
    changed = [(index, old, new) for index, (old, new) in enumerate(zip(before, after, strict=True)) if old != new]
    assert len(changed) == 1
    index, (record_id, old), (_, new) = changed[0]
    assert (record_id, module_of(after, index)) == (MODULEOFFSET, OUR_MODULE.encode())
    assert int.from_bytes(old, "little") > 0 and new == b"\x00\x00\x00\x00"  # source only, no cache in front


def test_every_other_stream_is_the_originals_byte_for_byte(built):
    before, after = CFB.from_bytes(original()), CFB.from_bytes(built)
    assert sorted(after.list_storages()) == sorted(before.list_storages())
    assert sorted(after.list_streams()) == sorted(before.list_streams())
    for name in before.list_streams():
        if name in ("dir", OUR_MODULE, "_VBA_PROJECT"):
            continue
        assert after.get_stream(name) == before.get_stream(name), name
    # _VBA_PROJECT: the same header (version 0xFFFF: source only, Excel compiles on open); pyOpenVBA zeroes the
    # two bytes MS-OVBA says to ignore, as it does when it drops a compiled cache.
    assert after.get_stream("_VBA_PROJECT")[:5] == before.get_stream("_VBA_PROJECT")[:5] == b"\xcc\x61\xff\xff\x00"
    assert after.get_stream("PROJECT") == before.get_stream("PROJECT")  # ids, protection state, module list


def test_modules_references_and_platform_are_the_originals(tmp_path, built):
    ours = tmp_path / "gebouwd.xlsm"
    ours.write_bytes(MACRO_TEMPLATE.read_bytes())
    with ExcelFile(quickstart_workbook()) as before, ExcelFile(ours) as after:
        assert (
            after.module_names()
            == before.module_names()
            == ["ThisWorkbook", "Sheet1", OUR_MODULE, "Sheet2", "xlwings", "Dictionary"]
        )
        assert after.references() == before.references()
        old, new = before.vba_project(), after.vba_project()
        assert (new.name, new.sys_kind, new.code_page, new.project_cookie) == (
            old.name,
            old.sys_kind,
            old.code_page,
            old.project_cookie,
        )
        assert new.sys_kind == 3  # 64-bit Windows, as the original
        for name in before.module_names():
            if name != OUR_MODULE:
                assert after.get_module(name) == before.get_module(name), name
        assert after.get_module(OUR_MODULE) != before.get_module(OUR_MODULE)
        assert after.get_module(OUR_MODULE).rstrip("\r\n") == module_source().rstrip("\r\n")


def test_our_module_is_the_file_in_macros():
    text = MACRO_SOURCE.read_bytes().decode("cp1252")
    assert text.startswith(f'Attribute VB_Name = "{OUR_MODULE}"\r\n')
    assert sorted(path.name for path in MACRO_SOURCE.parent.iterdir()) == ["planrapport.bas"]


def test_pyopenvba_finds_the_project_and_the_package_sound():
    from pyopenvba import check_file

    with ExcelFile(MACRO_TEMPLATE) as book:
        assert book.validate() == []
    report = check_file(MACRO_TEMPLATE)
    assert (report.ok, report.complete, list(report.issues)) == (True, True, [])


def test_olevba_reads_every_module(built, tmp_path):
    path = tmp_path / "vbaProject.bin"
    path.write_bytes(built)
    parser = VBA_Parser(str(path))
    try:
        found = {name: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()
    assert sorted(found) == sorted(
        ["ThisWorkbook.cls", "Sheet1.cls", f"{OUR_MODULE}.bas", "Sheet2.cls", "xlwings.bas", "Dictionary.cls"]
    )
    assert found[f"{OUR_MODULE}.bas"].replace("\r\n", "\n").strip() == (
        MACRO_SOURCE.read_bytes().decode("cp1252").replace("\r\n", "\n").strip()
    )


def test_two_builds_give_the_committed_bytes(built):
    assert project_bytes() == project_bytes() == built
