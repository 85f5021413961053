"""Hostile Word files for the import: each is refused with a Dutch message, exit 1, nothing written, little memory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from planrapport.cli import main

WORD = Path(__file__).parent / "fixtures" / "word"
VALID = WORD / "gelabeld-1.docx"
DOCUMENT = "word/document.xml"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RESAVE = "Open het in Word en bewaar het opnieuw als .docx."
MIB = 1024 * 1024


def _copy(
    target: Path,
    replace: dict[str, bytes] | None = None,
    drop: tuple[str, ...] = (),
    add: Callable[[zipfile.ZipFile], None] | None = None,
) -> Path:
    """The valid plan with parts replaced, dropped or added."""
    replace = replace or {}
    with zipfile.ZipFile(VALID) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename not in drop:
                out.writestr(info.filename, replace.get(info.filename, source.read(info.filename)))
        if add is not None:
            add(out)
    return target


def _body(inner: str, prolog: str = "") -> bytes:
    return (
        f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n{prolog}"
        f'<w:document xmlns:w="{W_NS}"><w:body>{inner}</w:body></w:document>'
    ).encode()


def _paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def truncated(target: Path) -> Path:
    target.write_bytes(VALID.read_bytes()[:5000])
    return target


def random_bytes(target: Path) -> Path:
    target.write_bytes(os.urandom(4000))
    return target


def malformed(target: Path) -> Path:
    return _copy(target, {DOCUMENT: _body(_paragraph("Strategische doelstelling 1: Wonen") + "<w:p><w:r>")})


def not_utf8(target: Path) -> Path:
    return _copy(
        target,
        {DOCUMENT: _body(_paragraph("Strategische doelstelling 1: Caf\xe9")).replace("Café".encode(), b"Caf\xe9")},
    )


def billion_laughs(target: Path) -> Path:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10)
    )
    doctype = f"<!DOCTYPE w:document [{entities}]>"
    return _copy(target, {DOCUMENT: _body(_paragraph("Strategische doelstelling 1: &lol9;"), doctype)})


def external_entity(target: Path) -> Path:
    doctype = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    return _copy(target, {DOCUMENT: _body(_paragraph("Strategische doelstelling 1: &xxe;"), doctype)})


def deeply_nested(target: Path) -> Path:
    nested = "<w:sdt>" * 300 + "</w:sdt>" * 300
    return _copy(target, {DOCUMENT: _body(_paragraph("Strategische doelstelling 1: Wonen") + nested)})


def _big_image(size: int) -> Callable[[zipfile.ZipFile], None]:
    """A part of `size` zero bytes, written in pieces: on disk it is about a thousandth of that."""

    def add(out: zipfile.ZipFile) -> None:
        chunk = bytes(MIB)
        with out.open("word/media/image1.png", "w", force_zip64=True) as part:
            for _ in range(size // MIB):
                part.write(chunk)

    return add


def big_part(target: Path, size: int = 600 * MIB) -> Path:
    with zipfile.ZipFile(VALID) as source:
        rels = source.read("word/_rels/document.xml.rels").replace(
            b"</Relationships>",
            b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'image" Target="media/image1.png"/></Relationships>',
        )
        types = source.read("[Content_Types].xml").replace(
            b"<Override", b'<Default Extension="png" ContentType="image/png"/><Override', 1
        )
    return _copy(target, {"word/_rels/document.xml.rels": rels, "[Content_Types].xml": types}, add=_big_image(size))


def missing_document(target: Path) -> Path:
    return _copy(target, drop=(DOCUMENT,))


def old_word_renamed(target: Path) -> Path:
    shutil.copyfile(WORD / "plan.doc", target)
    return target


def encrypted(target: Path) -> Path:
    shutil.copyfile(WORD / "beveiligd.docx", target)
    return target


HOSTILE: dict[str, Callable[[Path], Path]] = {
    "afgekapt": truncated,
    "willekeurig": random_bytes,
    "kapotte-xml": malformed,
    "geen-utf8": not_utf8,
    "miljard-lachen": billion_laughs,
    "xxe": external_entity,
    "genest": deeply_nested,
    "groot-deel": big_part,
    "zonder-document": missing_document,
    "oud-hernoemd": old_word_renamed,
    "beveiligd": encrypted,
}


def _lying(target: Path) -> Path:
    """A document.xml of 5 MB whose zip directory and local header say it is 2.000 bytes."""
    _copy(target, {DOCUMENT: _body(_paragraph("Strategische doelstelling 1: Wonen") + "<w:p/>" * (5 * MIB // 6))})
    data = bytearray(target.read_bytes())
    with zipfile.ZipFile(target) as archive:
        info = archive.getinfo(DOCUMENT)
    name = DOCUMENT.encode()
    local = data.index(b"PK\x03\x04" + data[info.header_offset + 4 : info.header_offset + 22], info.header_offset)
    data[local + 22 : local + 26] = (2000).to_bytes(4, "little")
    central = data.index(b"PK\x01\x02", data.index(b"PK\x05\x06") - 50 * len(name) - 4096)
    while data[central + 46 : central + 46 + len(name)] != name:
        central = data.index(b"PK\x01\x02", central + 4)
    data[central + 24 : central + 28] = (2000).to_bytes(4, "little")
    target.write_bytes(bytes(data))
    return target


def _nested(depth: int) -> Callable[[Path], Path]:
    def make(target: Path) -> Path:
        nested = "<w:sdt>" * depth + "</w:sdt>" * depth
        return _copy(target, {DOCUMENT: _body(_paragraph("Strategische doelstelling 1: Wonen") + nested)})

    return make


def _other_main(content_type: str) -> Callable[[Path], Path]:
    def make(target: Path) -> Path:
        with zipfile.ZipFile(VALID) as source:
            types = source.read("[Content_Types].xml").replace(
                b"wordprocessingml.document.main+xml", content_type.encode()
            )
        return _copy(target, {"[Content_Types].xml": types})

    return make


def _without(part: str) -> Callable[[Path], Path]:
    return lambda target: _copy(target, drop=(part,))


def _damaged_style(target: Path) -> Path:
    with zipfile.ZipFile(VALID) as source:
        styles = source.read("word/styles.xml")
    return _copy(target, {"word/styles.xml": styles[: len(styles) // 2]})


def _control_character(target: Path) -> Path:
    return _copy(target, {DOCUMENT: _body(_paragraph("Strategische doelstelling 1: Wonen\x01"))})


def _empty(target: Path) -> Path:
    target.write_bytes(b"")
    return target


SHOWN = "het deel word/document.xml (de tekst van het document)"
BROKEN = "het Word-document is beschadigd: " + SHOWN
NOTHING = f"{RESAVE} Er is niets geschreven."
DOCTYPE = (
    f"{SHOWN} begint met een DOCTYPE met entiteiten. Word schrijft dat nooit; het kan het geheugen vullen of "
    f"naar andere bestanden verwijzen, dus planrapport leest het niet. {NOTHING}"
)
TOO_LARGE = (
    "Dat is geen gewoon Word-plan maar waarschijnlijk een beschadigd of kwaadwillig bestand; planrapport pakt "
    "het niet uit. Controleer of het het juiste bestand is, of open het in Word en bewaar het opnieuw als "
    ".docx. Er is niets geschreven."
)
CASES = {
    "afgekapt": (truncated, f"het bestand is onvolledig (het houdt te vroeg op). {NOTHING}"),
    "willekeurig": (
        random_bytes,
        "dit is geen Word-document (.docx) en geen zip-archief; het bestand is beschadigd "
        f"of van een ander soort. {NOTHING}",
    ),
    "leeg": (_empty, f"het bestand is leeg. {NOTHING}"),
    "kapotte-xml": (malformed, f"{BROKEN} is geen geldige XML (regel 2, kolom 178). {NOTHING}"),
    "geen-utf8": (not_utf8, f"{BROKEN} bevat tekens die niet in UTF-8 gecodeerd zijn (regel 2, kolom 139). {NOTHING}"),
    "stuurteken": (
        _control_character,
        f"{BROKEN} bevat een teken dat in een Word-document niet kan staan (regel 2, kolom 141). {NOTHING}",
    ),
    "miljard-lachen": (billion_laughs, DOCTYPE),
    "xxe": (external_entity, DOCTYPE),
    "genest-300": (deeply_nested, f"{BROKEN} is meer dan 100 elementen diep genest (regel 2, kolom 1943). {NOTHING}"),
    "genest-150": (_nested(150), f"{BROKEN} is meer dan 100 elementen diep genest. {NOTHING}"),
    "kapotte-stijlen": (
        _damaged_style,
        "het Word-document is beschadigd: het deel word/styles.xml is geen geldige "
        f"XML (regel 2, kolom 174690). {NOTHING}",
    ),
    "groot-deel": (big_part, f"het deel word/media/image1.png is uitgepakt 600 MB (meer dan 200 MB). {TOO_LARGE}"),
    "zip-bom": (
        lambda target: big_part(target, 50 * MIB),
        "het deel word/media/image1.png wordt bij het uitpakken "
        f"{{ratio}} keer groter (50 MB): zo sterk laat een document zich niet samenpakken. {TOO_LARGE}",
    ),
    "liegt-over-grootte": (
        _lying,
        f"het Word-document is beschadigd (een deel is onvolledig of klopt niet met zijn controlegetal). {NOTHING}",
    ),
    "zonder-document": (
        missing_document,
        f"het Word-document is onvolledig: de tekst van het document (word/document.xml) ontbreekt. {NOTHING}",
    ),
    "zonder-inhoudstypes": (
        _without("[Content_Types].xml"),
        f"dit zip-bestand is geen Word-document: het deel [Content_Types].xml ontbreekt. {NOTHING}",
    ),
    "excel-hernoemd": (
        _other_main("spreadsheetml.sheet.main+xml"),
        "dit is een Excel-werkboek, geen Word-document "
        "(.docx). Open het in Word of het programma dat het maakte en bewaar het als Word-document "
        "(.docx). Er is niets geschreven.",
    ),
    "oud-hernoemd": (
        old_word_renamed,
        "dit is een oud Word-document (.doc). planrapport leest alleen "
        "Word-documenten (.docx). Open het in Word (of LibreOffice) en bewaar het als Word-document "
        "(.docx); importeer dan dat bestand.",
    ),
    "beveiligd": (
        encrypted,
        "het Word-document is beveiligd met een wachtwoord. Open het in Word, verwijder het "
        "wachtwoord (Bestand > Info > Document beveiligen > Versleutelen met wachtwoord) en bewaar het "
        "opnieuw als .docx. Er is niets geschreven.",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_hostile_file_is_refused_in_dutch(case, tmp_path, capsys):
    make, message = CASES[case]
    source = make(tmp_path / f"{case}.docx")
    assert main(["importeren", str(source), str(tmp_path / "plan.xlsx")]) == 1
    captured = capsys.readouterr()
    if "{ratio}" in message:  # how well zlib packs zeros differs a little between its versions
        with zipfile.ZipFile(source) as archive:
            info = archive.getinfo("word/media/image1.png")
        message = message.format(ratio=info.file_size // info.compress_size)
    assert captured.err == f"planrapport: {case}.docx: {message}\n"
    assert "onverwacht" not in captured.err and "Traceback" not in captured.err
    assert captured.out == ""
    assert [p.name for p in tmp_path.iterdir()] == [source.name]


def test_the_untouched_copy_imports(tmp_path):
    """The hostile files are the valid plan with one thing changed: unchanged, the guards let it through."""
    source = _copy(tmp_path / "plan.docx")
    assert main(["importeren", str(source), str(tmp_path / "plan.xlsx")]) == 0
    assert (tmp_path / "plan.xlsx").exists()


@pytest.mark.parametrize(
    "part, data",
    [
        (
            DOCUMENT,
            _body(_paragraph("Strategische doelstelling 1: Wonen"), '<!DOCTYPE w:document SYSTEM "http://x/d.dtd">'),
        ),
        ("word/media/logo.svg", b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>'),
    ],
)
def test_what_word_may_carry_passes(part, data, tmp_path):
    """A bare DOCTYPE (nothing is fetched) and an SVG image with a DTD of its own (never parsed) pass the guards."""
    with zipfile.ZipFile(VALID) as source:
        types = source.read("[Content_Types].xml").replace(
            b"<Override", b'<Default Extension="svg" ContentType="image/svg+xml"/><Override', 1
        )
    source = _copy(
        tmp_path / "plan.docx",
        {part: data, "[Content_Types].xml": types} if part == DOCUMENT else {"[Content_Types].xml": types},
        add=None if part == DOCUMENT else lambda out: out.writestr(part, data),
    )
    assert main(["importeren", str(source), str(tmp_path / "plan.xlsx")]) == 0


def test_the_refusal_of_a_big_part_unpacks_nothing(tmp_path):
    """A .docx of 1 MB with a referenced part of 1 GiB: refused from the zip directory, in little memory."""
    source = big_part(tmp_path / "groot.docx", 1024 * MIB)
    assert source.stat().st_size < 2 * MIB
    probe = (
        # VmHWM is this process's own peak; ru_maxrss keeps the peak of the parent it was forked from
        "import sys\nfrom planrapport.cli import main\ncode = main(sys.argv[1:])\n"
        "peak = next(line for line in open('/proc/self/status') if line.startswith('VmHWM:'))\n"
        "print(int(peak.split()[1]) // 1024)\nsys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, "importeren", str(source), str(tmp_path / "plan.xlsx")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1
    assert "het deel word/media/image1.png is uitgepakt 1.024 MB (meer dan 200 MB)" in done.stderr
    peak = int(done.stdout.split()[-1])
    assert peak < 150, f"{peak} MB"  # Python and planrapport alone take about 50 MB


@pytest.mark.parametrize(
    "sizes, reason",
    [
        (
            [(100 * MIB, 20 * MIB), (150 * MIB, 30 * MIB), (190 * MIB, 40 * MIB), (90 * MIB, 20 * MIB)],
            "het bestand is uitgepakt 530 MB (meer dan 500 MB)",
        ),
        ([(300 * MIB, 100 * MIB)], "het deel deel0 is uitgepakt 300 MB (meer dan 200 MB)"),
        ([(9 * MIB, 1024)], None),  # a small part may pack as well as it likes
        (
            [(100 * MIB, 400 * 1024)],
            "het deel deel0 wordt bij het uitpakken 256 keer groter (100 MB): zo sterk laat "
            "een document zich niet samenpakken",
        ),
    ],
)
def test_the_limits_come_from_the_zip_directory(sizes, reason):
    from workbook.spreadsheet.zip_guard import oversized

    class Directory:
        def infolist(self) -> list[zipfile.ZipInfo]:
            infos = []
            for number, (size, packed) in enumerate(sizes):
                info = zipfile.ZipInfo(f"deel{number}")
                info.file_size, info.compress_size = size, packed
                infos.append(info)
            return infos

    assert oversized(Directory()) == reason


def test_reading_stops_at_the_cap(tmp_path):
    from workbook.spreadsheet.zip_guard import TooLarge, read_capped

    source = tmp_path / "deel.zip"
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("deel.xml", b"<a/>" * 1000)
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo("deel.xml")
        assert read_capped(archive, info) == b"<a/>" * 1000
        with pytest.raises(TooLarge, match="deel.xml is uitgepakt groter dan het zelf zegt of dan 0 MB"):
            read_capped(archive, info, cap=100)


def test_python_docx_parses_no_part_the_guards_did_not(tmp_path):
    """Canary: every part python-docx parses when it opens a plan is one the guards parsed safely before it."""
    import docx
    from docx.opc.part import XmlPart

    from workbook.word_import.package import content_types, is_xml

    for source in (VALID, WORD / "waregem-plan.docx", WORD / "denderleeuw-opvolging.docx"):
        with zipfile.ZipFile(source) as archive:
            types = content_types(archive)
        package = docx.Document(str(source)).part.package
        parsed = [part.partname.membername for part in package.iter_parts() if isinstance(part, XmlPart)]
        assert parsed and all(is_xml(part, types) for part in parsed)
        assert all(is_xml(part.partname.rels_uri.membername, types) for part in package.iter_parts())


def test_python_docx_expands_no_entity():
    """Canary: python-docx's own parsers, which read the parts after the guards, still leave entities alone."""
    from docx.opc.oxml import parse_xml as parse_package_xml
    from docx.oxml.parser import parse_xml

    xml = b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>'
    for parse in (parse_xml, parse_package_xml):
        assert "root:" not in (parse(xml).xpath("string()") or "")
