"""Blind cases: replies as colleagues fill and send them back, each with the truth it must lead to."""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

try:
    from . import base
except ImportError:  # run as a script from this folder
    import base  # type: ignore[no-redef]

YEAR = base.YEAR
LAST_YEAR = YEAR - 1
PERIOD = str(YEAR)
HEADER_ROW = 3
FIRST_ROW = 4

Expectation = dict[str, object]
Apply = Callable[[Path, dict[str, Path], Path, int], None]

# Trekkers of the base plan (keys of ask()'s result).
PERSONEEL = "Personeelsdienst"  # A10900 (row 4), A10903 (row 5)
VRIJE_TIJD = "Dienst Vrije Tijd"  # A10901; indicator A10901-I1 (aantal)
BURGERZAKEN = "Dienst Burgerzaken"  # A10910
PIN = "vzw PIN"  # A10911; indicators A10911-I1..I7 (aantal), rows 4..10
COMMUNICATIE = "Dienst Communicatie"  # A10920; indicator A10920-I1 (%)
JEUGD_SLASH = "Jeugd/Sport"  # A10921
JEUGD_COLON = "Jeugd:Sport"  # A10902
OCMW = "OCMW Sociale dienst"  # A10912; indicator A10912-I1 (euro)
ONDERWIJS = "Dienst Onderwijs"  # A10913; indicator A10913-I1 (percentage)
BIB = "Bibliotheek"  # A10922
OFFICER = base.NO_TREKKER  # A10923, the officer's own file

# The names uitvragen gives the files (as it wrote them for the base plan).
FILE = {
    PERSONEEL: "opvolging 2024 Personeelsdienst.xlsx",
    VRIJE_TIJD: "opvolging 2024 Dienst Vrije Tijd.xlsx",
    BURGERZAKEN: "opvolging 2024 Dienst Burgerzaken.xlsx",
    PIN: "opvolging 2024 vzw PIN.xlsx",
    COMMUNICATIE: "opvolging 2024 Dienst Communicatie.xlsx",
    JEUGD_SLASH: "opvolging 2024 Jeugd Sport.xlsx",
    JEUGD_COLON: "opvolging 2024 Jeugd Sport (2).xlsx",
    OCMW: "opvolging 2024 OCMW Sociale dienst.xlsx",
    ONDERWIJS: "opvolging 2024 Dienst Onderwijs.xlsx",
    BIB: "opvolging 2024 Bibliotheek.xlsx",
    OFFICER: "opvolging 2024 zonder trekker.xlsx",
}

ST, SVZ, SVZI, TIJD, TIJDI, GELD, GELDI = (
    "Status",
    "Stand van zaken",
    "Stand van zaken (indicator)",
    "Tijd",
    "Tijd (indicator)",
    "Geld",
    "Geld (indicator)",
)
WAARDE, AANDEEL, BRON, OPMERKING = "Waarde", "Aandeel", "Bron", "Opmerking"
OPV, MET = "Opvolging", "Metingen"


@dataclass(frozen=True)
class Case:
    """One reply situation: what the colleague did, how to reproduce it, and the truth."""

    name: str
    description: str
    apply: Apply
    expect: list[Expectation]
    needs_soffice: bool = False
    needs_msoffcrypto: bool = False


# --- expectations -----------------------------------------------------------------------------


def value(code: str, column: str, text: object, year: int = YEAR) -> Expectation:
    """After verzamelen the Opvolging cell holds this."""
    return {"kind": "value", "sheet": OPV, "code": code, "year": year, "column": column, "value": text}


def mvalue(code: str, column: str, text: object, period: str = PERIOD) -> Expectation:
    """After verzamelen the Metingen cell holds this."""
    return {
        "kind": "value",
        "sheet": MET,
        "code": code,
        "period": period,
        "column": column,
        "value": text,
    }


def same(code: str, column: str, year: int = YEAR) -> Expectation:
    """The Opvolging cell keeps what it held before verzamelen."""
    return {"kind": "unchanged", "sheet": OPV, "code": code, "year": year, "column": column}


def msame(code: str, column: str, period: str = PERIOD) -> Expectation:
    """The Metingen cell keeps what it held before verzamelen."""
    return {"kind": "unchanged", "sheet": MET, "code": code, "period": period, "column": column}


def named(file: str, sheet: str | None = None, row: int | None = None, code: str | None = None) -> Expectation:
    """The output of verzamelen names this file (and sheet, row in that file, code)."""
    out: Expectation = {"kind": "named", "file": file}
    if sheet is not None:
        out["sheet"] = sheet
    if row is not None:
        out["row"] = row
    if code is not None:
        out["code"] = code
    return out


OPENS: Expectation = {"kind": "opens"}


# --- editing the returned files as Excel would ------------------------------------------------


def _col(ws: Worksheet, name: str) -> int:
    for cell in ws[HEADER_ROW]:
        if cell.value == name:
            return cell.column
    raise KeyError(f"{ws.title}: no column {name!r}")


def _row(ws: Worksheet, code: str) -> int:
    for row in range(FIRST_ROW, ws.max_row + 1):
        if ws.cell(row=row, column=1).value == code:
            return row
    raise KeyError(f"{ws.title}: no row {code!r}")


def _check_row(ws: Worksheet, row: int, code: str) -> None:
    """The row numbers in the expectations are those of the file as sent; make sure."""
    found = ws.cell(row=row, column=1).value
    if found != code:
        raise AssertionError(f"{ws.title} row {row} holds {found!r}, the case expects {code!r}")


def _text(ws: Worksheet, row: int, column: int, text: str) -> None:
    """Type text (also text starting with '=' or '-', as with a leading apostrophe)."""
    cell = ws.cell(row=row, column=column)
    cell.value = text
    if cell.data_type == "f":
        cell.data_type = "s"


def _put(ws: Worksheet, code: str, column: str, val: object, number_format: str | None = None) -> None:
    row = _row(ws, code)
    col = _col(ws, column)
    if isinstance(val, str):
        _text(ws, row, col, val)
    else:
        ws.cell(row=row, column=col).value = val
    if number_format is not None:
        ws.cell(row=row, column=col).number_format = number_format


def _edit(path: Path, change: Callable[[Workbook], None]) -> None:
    wb = openpyxl.load_workbook(path)
    change(wb)
    wb.save(path)


Edit = tuple[str, str, str, dict[str, object]]  # trekker, sheet, code, {column: value}


def _apply_edits(files: dict[str, Path], edits: list[Edit]) -> None:
    by_trekker: dict[str, list[Edit]] = {}
    for edit in edits:
        by_trekker.setdefault(edit[0], []).append(edit)
    for trekker, own in by_trekker.items():

        def change(wb: Workbook, own: list[Edit] = own) -> None:
            for _, sheet, code, values in own:
                for column, val in values.items():
                    if isinstance(val, tuple):
                        _put(wb[sheet], code, column, val[0], val[1])
                    else:
                        _put(wb[sheet], code, column, val)

        _edit(files[trekker], change)


def fills(*edits: Edit) -> Apply:
    """An apply that types these values in these rows of these trekkers' files."""

    def apply(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
        _apply_edits(files, list(edits))

    return apply


def _set_cached_values(path: Path, sheet: str, cached: dict[str, object]) -> None:
    """Give formula cells the value Excel computed and stored with them (openpyxl stores none)."""
    wb = openpyxl.load_workbook(path, read_only=True)
    index = wb.sheetnames.index(sheet) + 1
    wb.close()
    part = f"xl/worksheets/sheet{index}.xml"
    with zipfile.ZipFile(path) as zin:
        items = [(info, zin.read(info.filename)) for info in zin.infolist()]
    out_items = []
    for info, data in items:
        if info.filename == part:
            xml = data.decode("utf-8")
            for ref, val in cached.items():
                pattern = re.compile(rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>')
                if isinstance(val, str):
                    repl = rf'<c r="{ref}"\1 t="str"><f>\2</f><v>{escape(val)}</v></c>'
                else:
                    repl = rf'<c r="{ref}"\1><f>\2</f><v>{val}</v></c>'
                xml, count = pattern.subn(lambda m, r=repl: m.expand(r), xml)
                if count != 1:
                    raise AssertionError(f"{path.name}: formula cell {ref} not found")
            data = xml.encode("utf-8")
        out_items.append((info, data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in out_items:
            zout.writestr(info, data)


def _soffice_convert(src: Path, target: str, outdir: Path) -> Path:
    """Save a copy with LibreOffice (as a colleague using LibreOffice does)."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise RuntimeError("soffice is not installed")
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir.parent / ".lo-profile"
    subprocess.run(
        [
            exe,
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    ext = target.split(":")[0]
    result = outdir / f"{src.stem}.{ext}"
    if not result.exists():
        raise RuntimeError(f"LibreOffice wrote no {result.name}")
    return result


def _officer_types(workbook: Path, code: str, column: str, text: str) -> None:
    """The officer types in her own workbook (Opvolging, this year's row of code) and saves."""
    wb = openpyxl.load_workbook(workbook)
    ws = wb[OPV]
    col = _col(ws, column)
    for row in range(FIRST_ROW, ws.max_row + 1):
        if ws.cell(row=row, column=1).value == code and str(ws.cell(row=row, column=2).value) == str(YEAR):
            ws.cell(row=row, column=col).value = text
            break
    else:
        raise KeyError(f"no {YEAR} row for {code} in the officer's workbook")
    wb.save(workbook)


def _good_reply(files: dict[str, Path]) -> None:
    """A correct reply sent along with a bad file, to see the others still merged."""
    _apply_edits(files, [(BURGERZAKEN, OPV, "A10910", {SVZ: "Onthaalmoment op 15 september met 40 nieuwe inwoners."})])


GOOD_REPLY_EXPECT = [value("A10910", SVZ, "Onthaalmoment op 15 september met 40 nieuwe inwoners.")]


# --- the texts colleagues write -----------------------------------------------------------------

T_PERS = "Twee vormingen rond diversiteit voor 35 medewerkers; de derde volgt in het voorjaar."
T_TAAL = "Taalcoaching gestart bij 6 nieuwe medewerkers in de technische dienst."
T_LONG = " ".join(
    f"Deel {i}: de toeleider van vzw PIN sprak met {i * 3} nieuwe inwoners en verwees door naar "
    "inburgering, taallessen en de vrijetijdsdiensten van de gemeente."
    for i in range(1, 61)
)
T_EMOJI = "Café ‘De Brug’ – 3 sessies, één per maand ✔️ 👍 (Ninove, Aalst en Geraardsbergen)."
T_EQUALS = "=> verslag volgt in januari, na de evaluatie met de partners."
T_DASHES = "- Workshop gegeven op de actiedag\n- Evaluatie gepland in december"

# --- the cases ------------------------------------------------------------------------------------

CASES: list[Case] = []


def case(
    name: str,
    description: str,
    apply: Apply,
    expect: list[Expectation],
    **flags: bool,
) -> None:
    CASES.append(Case(name, description, apply, [*expect, OPENS], **flags))


# Baselines

case(
    "baseline-one-trekker-everything",
    "Personeelsdienst fills every yellow cell of both its actions with words from the lists.",
    fills(
        (
            PERSONEEL,
            OPV,
            "A10900",
            {
                ST: "Afgerond",
                SVZ: T_PERS,
                SVZI: "groen",
                TIJD: "Op schema",
                TIJDI: "groen",
                GELD: "Binnen het vormingsbudget",
                GELDI: "groen",
            },
        ),
        (
            PERSONEEL,
            OPV,
            "A10903",
            {
                ST: "In uitvoering",
                SVZ: T_TAAL,
                SVZI: "oranje",
                TIJD: "Vertraagd",
                TIJDI: "oranje",
                GELD: "Subsidie Vlaanderen",
                GELDI: "groen",
            },
        ),
    ),
    [
        value("A10900", ST, "Afgerond"),
        value("A10900", SVZ, T_PERS),
        value("A10900", SVZI, "groen"),
        value("A10900", TIJD, "Op schema"),
        value("A10900", TIJDI, "groen"),
        value("A10900", GELD, "Binnen het vormingsbudget"),
        value("A10900", GELDI, "groen"),
        value("A10903", ST, "In uitvoering"),
        value("A10903", SVZ, T_TAAL),
        value("A10903", SVZI, "oranje"),
        value("A10903", TIJD, "Vertraagd"),
        value("A10903", TIJDI, "oranje"),
        value("A10903", GELD, "Subsidie Vlaanderen"),
        value("A10903", GELDI, "groen"),
        same("A10901", SVZ),
        same("A10900", SVZ, LAST_YEAR),
    ],
)

_ALL = {
    PERSONEEL: ("A10900", "Vorming gegeven aan de onthaalbalie."),
    VRIJE_TIJD: ("A10901", "Vijf nieuwe partnerschappen met verenigingen."),
    BURGERZAKEN: ("A10910", "Onthaalmoment in september met 52 aanwezigen."),
    PIN: ("A10911", "De toeleider voerde 310 onthaalgesprekken."),
    COMMUNICATIE: ("A10920", "Regenboogvlag gehesen op 17 mei; campagne in het infoblad."),
    JEUGD_SLASH: ("A10921", "Project rond racisme in de jeugdhuizen afgerond."),
    JEUGD_COLON: ("A10902", "Twee sportkampen met 24 kinderen."),
    OCMW: ("A10912", "Acht trajecten naar werk lopen."),
    ONDERWIJS: ("A10913", "Drie NT2-groepen in het CVO."),
    BIB: ("A10922", "Leesclub komt tweewekelijks samen."),
    OFFICER: ("A10923", "Evaluatie gepland in het najaar."),
}
case(
    "baseline-all-trekkers",
    "Every trekker, the officer's own file included, writes a Stand van zaken for one action.",
    fills(*[(t, OPV, code, {SVZ: text}) for t, (code, text) in _ALL.items()]),
    [value(code, SVZ, text) for code, text in _ALL.values()],
)

case(
    "baseline-measurements",
    "vzw PIN fills this year's measurements with plain numbers, shares, sources and a remark.",
    fills(
        (PIN, MET, "A10911-I1", {WAARDE: 1250, BRON: "Rijksregister"}),
        (PIN, MET, "A10911-I2", {WAARDE: 640, AANDEEL: 51, BRON: "Rijksregister"}),
        (PIN, MET, "A10911-I3", {WAARDE: 610, AANDEEL: 49, BRON: "Rijksregister"}),
        (PIN, MET, "A10911-I4", {WAARDE: 330, BRON: "vzw PIN"}),
        (PIN, MET, "A10911-I5", {WAARDE: 150, BRON: "vzw PIN", OPMERKING: "Vooral door verhuizingen."}),
    ),
    [
        mvalue("A10911-I1", WAARDE, 1250),
        mvalue("A10911-I1", BRON, "Rijksregister"),
        mvalue("A10911-I2", WAARDE, 640),
        mvalue("A10911-I2", AANDEEL, 51),
        mvalue("A10911-I3", WAARDE, 610),
        mvalue("A10911-I3", AANDEEL, 49),
        mvalue("A10911-I4", WAARDE, 330),
        mvalue("A10911-I4", BRON, "vzw PIN"),
        mvalue("A10911-I5", WAARDE, 150),
        mvalue("A10911-I5", OPMERKING, "Vooral door verhuizingen."),
        msame("A10911-I6", WAARDE),
        msame("A10911-I1", WAARDE, "2022"),
    ],
)

case(
    "baseline-status-only",
    "Dienst Burgerzaken only changes the prefilled status to Afgerond and writes nothing else.",
    fills((BURGERZAKEN, OPV, "A10910", {ST: "Afgerond"})),
    [value("A10910", ST, "Afgerond"), same("A10910", SVZ), same("A10910", TIJD)],
)

case(
    "baseline-slash-and-colon-trekkers",
    "Jeugd/Sport and Jeugd:Sport, whose file names look alike, each answer for their own action.",
    fills(
        (JEUGD_SLASH, OPV, "A10921", {ST: "Afgerond", SVZ: "Antiracismeproject in de jeugdhuizen afgerond."}),
        (JEUGD_COLON, OPV, "A10902", {ST: "In uitvoering", SVZ: "Eerste sportkamp in de paasvakantie."}),
    ),
    [
        value("A10921", ST, "Afgerond"),
        value("A10921", SVZ, "Antiracismeproject in de jeugdhuizen afgerond."),
        value("A10902", ST, "In uitvoering"),
        value("A10902", SVZ, "Eerste sportkamp in de paasvakantie."),
    ],
)

case(
    "baseline-officer-own-file",
    "The officer fills the file of the actions without a trekker herself.",
    fills((OFFICER, OPV, "A10923", {ST: "In voorbereiding", SVZ: "Vragenlijst voor de partners klaar."})),
    [value("A10923", ST, "In voorbereiding"), value("A10923", SVZ, "Vragenlijst voor de partners klaar.")],
)


def _nothing(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    """Every colleague sends the file back as it was sent (the folder stays as uitvragen wrote it)."""


case(
    "unchanged-files-returned",
    "Every colleague sends the file back without typing anything.",
    _nothing,
    [
        same("A10900", ST),
        same("A10900", SVZ),
        same("A10903", ST),
        same("A10911", SVZ),
        msame("A10911-I1", WAARDE),
        msame("A10920-I1", WAARDE),
        same("A10923", ST),
    ],
)

# Numbers in the measurements

case(
    "percent-cell-percent-unit",
    "Dienst Communicatie types 4,6% in the Waarde cell of an indicator in unit '%' (Excel stores 0.046).",
    fills((COMMUNICATIE, MET, "A10920-I1", {WAARDE: (0.046, "0.0%")})),
    [mvalue("A10920-I1", WAARDE, 4.6)],
)

case(
    "percent-cell-percentage-unit",
    "Dienst Onderwijs types 78,5% for an indicator in unit 'percentage' (Excel stores 0.785).",
    fills((ONDERWIJS, MET, "A10913-I1", {WAARDE: (0.785, "0.0%")})),
    [mvalue("A10913-I1", WAARDE, 78.5)],
)

case(
    "percent-unit-plain-number",
    "Dienst Communicatie types the plain number 4,6 for an indicator in unit '%'.",
    fills((COMMUNICATIE, MET, "A10920-I1", {WAARDE: 4.6})),
    [mvalue("A10920-I1", WAARDE, 4.6)],
)

case(
    "dutch-decimal-text",
    "Dienst Onderwijs types '78,5' as text (a Dutch decimal comma) in Waarde.",
    fills((ONDERWIJS, MET, "A10913-I1", {WAARDE: "78,5"})),
    [mvalue("A10913-I1", WAARDE, 78.5)],
)

case(
    "dutch-thousands-text",
    "vzw PIN types '1.250' as text (a Dutch thousands point) for 1250 new inhabitants.",
    fills((PIN, MET, "A10911-I1", {WAARDE: "1.250"})),
    [mvalue("A10911-I1", WAARDE, 1250)],
)

case(
    "dutch-thousands-and-decimal-text",
    "OCMW types '27.700,50' as text for a cost of 27700,50 euro.",
    fills((OCMW, MET, "A10912-I1", {WAARDE: "27.700,50"})),
    [mvalue("A10912-I1", WAARDE, 27700.5)],
)

case(
    "euro-sign-text",
    "OCMW types '€ 27.700' as text in Waarde of an indicator in euro.",
    fills((OCMW, MET, "A10912-I1", {WAARDE: "€ 27.700"})),
    [mvalue("A10912-I1", WAARDE, 27700)],
)

case(
    "number-with-unit-word",
    "Dienst Vrije Tijd types '45 deelnemers' in Waarde of a count indicator.",
    fills((VRIJE_TIJD, MET, "A10901-I1", {WAARDE: "45 deelnemers"})),
    # Decided after the run: a number with a word is no number, in a reply as in the officer's own workbook
    # (controleer: geen getal); it is refused with file, sheet, row and code, and the cell stays empty.
    [named(FILE[VRIJE_TIJD], MET, 4, "A10901-I1"), msame("A10901-I1", WAARDE)],
)

case(
    "number-stored-as-text",
    "vzw PIN pastes '171' from another sheet, so Excel keeps it as text (green triangle).",
    fills((PIN, MET, "A10911-I5", {WAARDE: "171"})),
    [mvalue("A10911-I5", WAARDE, 171)],
)

case(
    "share-percent-cell",
    "vzw PIN types 48% in Aandeel (Excel stores 0.48) and 640 in Waarde.",
    fills((PIN, MET, "A10911-I2", {WAARDE: 640, AANDEEL: (0.48, "0%")})),
    [mvalue("A10911-I2", WAARDE, 640), mvalue("A10911-I2", AANDEEL, 48)],
)

case(
    "share-percent-text",
    "vzw PIN types '52%' as text in Aandeel.",
    fills((PIN, MET, "A10911-I3", {AANDEEL: "52%"})),
    [mvalue("A10911-I3", AANDEEL, 52)],
)

case(
    "percent-in-count-indicator",
    "vzw PIN types 45% in Waarde of an indicator counted in 'aantal' (Excel stores 0.45).",
    fills((PIN, MET, "A10911-I7", {WAARDE: (0.45, "0%")})),
    [named(FILE[PIN], MET, 10, "A10911-I7")],
)

case(
    "value-not-a-number",
    "vzw PIN types 'nog niet gekend' in Waarde.",
    fills((PIN, MET, "A10911-I4", {WAARDE: "nog niet gekend"})),
    [msame("A10911-I4", WAARDE), named(FILE[PIN], MET, 7, "A10911-I4")],
)


def _formula(trekker: str, sheet: str, code: str, column: str, formula: str, shown: object) -> Apply:
    """Type a formula; Excel stores it with the value it shows."""

    def apply(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
        path = files[trekker]
        refs: list[str] = []

        def change(wb: Workbook) -> None:
            ws = wb[sheet]
            row, col = _row(ws, code), _col(ws, column)
            ws.cell(row=row, column=col).value = formula
            refs.append(f"{get_column_letter(col)}{row}")

        _edit(path, change)
        _set_cached_values(path, sheet, {refs[0]: shown})

    return apply


case(
    "formula-in-value",
    "vzw PIN adds up two halves of the year with the formula =733+517 in Waarde (Excel shows 1250).",
    _formula(PIN, MET, "A10911-I1", WAARDE, "=733+517", 1250),
    [mvalue("A10911-I1", WAARDE, 1250)],
)

# Free text that Excel turns into something else

case(
    "date-in-stand-van-zaken",
    "Dienst Burgerzaken types only the date 17/09/2024 in Stand van zaken; Excel makes it a date.",
    fills((BURGERZAKEN, OPV, "A10910", {SVZ: (dt.datetime(2024, 9, 17), "dd/mm/yyyy")})),
    [value("A10910", SVZ, "17/09/2024")],
)

case(
    "date-in-bron",
    "Dienst Vrije Tijd types 45 and, as source, the date of the count 31/12/2024 (Excel makes it a date).",
    fills((VRIJE_TIJD, MET, "A10901-I1", {WAARDE: 45, BRON: (dt.datetime(2024, 12, 31), "dd/mm/yyyy")})),
    [mvalue("A10901-I1", WAARDE, 45), mvalue("A10901-I1", BRON, "31/12/2024")],
)

case(
    "time-in-opmerking",
    "vzw PIN types 101 and the time of the count, 10:30, in Opmerking; Excel makes it a time.",
    fills((PIN, MET, "A10911-I6", {WAARDE: 101, OPMERKING: (dt.time(10, 30), "hh:mm")})),
    [mvalue("A10911-I6", WAARDE, 101), mvalue("A10911-I6", OPMERKING, "10:30")],
)

case(
    "boolean-in-bron",
    "Dienst Communicatie types WAAR in Bron in a Dutch Excel, which stores the boolean TRUE and shows WAAR.",
    fills((COMMUNICATIE, MET, "A10920-I1", {WAARDE: 12, BRON: True})),
    [mvalue("A10920-I1", WAARDE, 12), mvalue("A10920-I1", BRON, "WAAR")],
)

case(
    "number-in-geld",
    "Bibliotheek types just 2500 in Geld; Excel stores a number.",
    fills((BIB, OPV, "A10922", {GELD: 2500})),
    [value("A10922", GELD, "2500")],
)

case(
    "thousands-number-in-geld",
    "Bibliotheek types 3.200 in Geld; a Belgian Excel stores 3200 with format #,##0 and shows 3.200.",
    fills((BIB, OPV, "A10922", {GELD: (3200, "#,##0")})),
    # Decided after the run: a number in a text column arrives as its digits, as the officer's own reader reads it.
    [value("A10922", GELD, "3200")],
)

case(
    "percent-in-stand-van-zaken",
    "Dienst Onderwijs types only 85% in Stand van zaken; Excel stores 0.85 and shows 85%.",
    fills((ONDERWIJS, OPV, "A10913", {SVZ: (0.85, "0%")})),
    [value("A10913", SVZ, "85%")],
)

_FORMULA_TEXT = "Vorming gegeven aan 12 medewerkers"


case(
    "formula-in-stand-van-zaken",
    "Personeelsdienst builds the Stand van zaken with a formula; Excel shows 'Vorming gegeven aan 12 medewerkers'.",
    _formula(PERSONEEL, OPV, "A10900", SVZ, '="Vorming gegeven aan "&12&" medewerkers"', _FORMULA_TEXT),
    [value("A10900", SVZ, _FORMULA_TEXT)],
)

case(
    "very-long-text",
    "vzw PIN pastes a Stand van zaken of several thousand characters from its year report.",
    fills((PIN, OPV, "A10911", {SVZ: T_LONG})),
    [value("A10911", SVZ, T_LONG)],
)


def _rich(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    def change(wb: Workbook) -> None:
        ws = wb[OPV]
        _check_row(ws, 4, "A10920")
        ws.cell(row=4, column=_col(ws, SVZ)).value = CellRichText(
            TextBlock(InlineFont(b=True), "Actiedag 17 mei:"),
            " regenboogvlag gehesen.\n",
            TextBlock(InlineFont(b=True), "Campagne:"),
            " affiches in alle scholen.",
        )

    _edit(files[COMMUNICATIE], change)


case(
    "bold-and-line-breaks",
    "Dienst Communicatie writes two paragraphs (Alt+Enter) with bold lead words in Stand van zaken.",
    _rich,
    [value("A10920", SVZ, "Actiedag 17 mei: regenboogvlag gehesen.\nCampagne: affiches in alle scholen.")],
)

case(
    "accents-emoji-quotes",
    "Bibliotheek writes accents, curly quotes, a dash and emoji in Stand van zaken.",
    fills((BIB, OPV, "A10922", {SVZ: T_EMOJI})),
    [value("A10922", SVZ, T_EMOJI)],
)

case(
    "text-starting-with-equals",
    "OCMW types (with a leading apostrophe) a text that starts with '=>' in Stand van zaken.",
    fills((OCMW, OPV, "A10912", {SVZ: T_EQUALS})),
    [value("A10912", SVZ, T_EQUALS)],
)

case(
    "text-with-dash-bullets",
    "Dienst Communicatie writes two lines starting with '- ' in Stand van zaken.",
    fills((COMMUNICATIE, OPV, "A10920", {SVZ: T_DASHES})),
    [value("A10920", SVZ, T_DASHES)],
)

case(
    "only-spaces",
    "Dienst Vrije Tijd leaves a few spaces in Stand van zaken and nothing else.",
    fills((VRIJE_TIJD, OPV, "A10901", {SVZ: "   "})),
    [same("A10901", SVZ), same("A10901", ST)],
)

# Words of the lists

case(
    "status-lowercase-trailing-space",
    "Dienst Vrije Tijd types 'afgerond ' (lower case, a space after it) instead of choosing from the list.",
    fills((VRIJE_TIJD, OPV, "A10901", {ST: "afgerond "})),
    [value("A10901", ST, "Afgerond")],
)

case(
    "words-in-capitals",
    "Dienst Burgerzaken types AFGEROND and OP SCHEMA in capitals.",
    fills((BURGERZAKEN, OPV, "A10910", {ST: "AFGEROND", TIJD: "OP SCHEMA"})),
    [value("A10910", ST, "Afgerond"), value("A10910", TIJD, "Op schema")],
)

case(
    "colours-capitalised",
    "OCMW types the colours as 'Groen' and 'Oranje ' instead of the list's 'groen' and 'oranje'.",
    fills((OCMW, OPV, "A10912", {SVZI: "Groen", TIJDI: "Oranje "})),
    [value("A10912", SVZI, "groen"), value("A10912", TIJDI, "oranje")],
)

case(
    "status-not-in-list",
    "Dienst Burgerzaken types the status 'Klaar', a word that is not in the list.",
    fills((BURGERZAKEN, OPV, "A10910", {ST: "Klaar", SVZ: "Alle onthaalmomenten gingen door."})),
    [
        same("A10910", ST),
        named(FILE[BURGERZAKEN], OPV, 4, "A10910"),
        value("A10910", SVZ, "Alle onthaalmomenten gingen door."),
    ],
)

case(
    "tijd-and-colour-not-in-list",
    "Bibliotheek types Tijd 'op tijd' and the colour 'green', neither in the lists.",
    fills((BIB, OPV, "A10922", {TIJD: "op tijd", TIJDI: "green"})),
    [same("A10922", TIJD), same("A10922", TIJDI), named(FILE[BIB], OPV, 4, "A10922")],
)

case(
    "status-emptied",
    "Dienst Vrije Tijd deletes the prefilled status and writes only a Stand van zaken.",
    fills((VRIJE_TIJD, OPV, "A10901", {ST: None, SVZ: "Nieuwe samenwerking met de sportclubs."})),
    [same("A10901", ST), value("A10901", SVZ, "Nieuwe samenwerking met de sportclubs.")],
)

# Rows


def _copy_row(ws: Worksheet, src: int, dst: int) -> None:
    for col in range(1, ws.max_column + 1):
        ws.cell(row=dst, column=col).value = ws.cell(row=src, column=col).value


def _duplicate(second_text: str) -> Apply:
    def apply(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
        def change(wb: Workbook) -> None:
            ws = wb[OPV]
            _check_row(ws, 4, "A10900")
            _check_row(ws, 5, "A10903")
            svz = _col(ws, SVZ)
            ws.cell(row=4, column=svz).value = T_PERS
            ws.cell(row=5, column=svz).value = T_TAAL
            _copy_row(ws, 4, 6)
            ws.cell(row=6, column=svz).value = second_text

        _edit(files[PERSONEEL], change)

    return apply


case(
    "duplicate-row-different-text",
    "Personeelsdienst copies the row of A10900 below the table and writes a different text there.",
    _duplicate("Vorming uitgesteld naar volgend jaar."),
    [
        same("A10900", SVZ),
        named(FILE[PERSONEEL], OPV, 4, "A10900"),
        named(FILE[PERSONEEL], OPV, 6, "A10900"),
        value("A10903", SVZ, T_TAAL),
    ],
)

case(
    "duplicate-row-same-text",
    "Personeelsdienst copies the row of A10900 below the table with the very same text.",
    _duplicate(T_PERS),
    [value("A10900", SVZ, T_PERS), value("A10903", SVZ, T_TAAL)],
)


def _delete_row(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    def change(wb: Workbook) -> None:
        ws = wb[OPV]
        _check_row(ws, 5, "A10903")
        ws.delete_rows(5)
        _put(ws, "A10900", SVZ, T_PERS)

    _edit(files[PERSONEEL], change)


case(
    "row-deleted",
    "Personeelsdienst deletes the row of A10903 (not theirs, they think) and answers A10900.",
    _delete_row,
    [value("A10900", SVZ, T_PERS), same("A10903", SVZ), same("A10903", ST)],
)


def _sorted(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    def change(wb: Workbook) -> None:
        ws = wb[OPV]
        _put(ws, "A10900", SVZ, T_PERS)
        _put(ws, "A10903", SVZ, T_TAAL)
        _put(ws, "A10903", ST, "In uitvoering")
        width = ws.max_column
        four = [ws.cell(row=4, column=c).value for c in range(1, width + 1)]
        five = [ws.cell(row=5, column=c).value for c in range(1, width + 1)]
        for c in range(1, width + 1):
            ws.cell(row=4, column=c).value = five[c - 1]
            ws.cell(row=5, column=c).value = four[c - 1]

    _edit(files[PERSONEEL], change)


case(
    "rows-sorted-differently",
    "Personeelsdienst fills both rows, then sorts the table descending by code.",
    _sorted,
    [value("A10900", SVZ, T_PERS), value("A10903", SVZ, T_TAAL), value("A10903", ST, "In uitvoering")],
)


def _hidden_row(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    def change(wb: Workbook) -> None:
        ws = wb[OPV]
        _put(ws, "A10900", SVZ, T_PERS)
        _put(ws, "A10903", SVZ, T_TAAL)
        ws.row_dimensions[5].hidden = True

    _edit(files[PERSONEEL], change)


case(
    "row-hidden-after-filling",
    "Personeelsdienst fills both rows and then hides the second one with a filter.",
    _hidden_row,
    [value("A10900", SVZ, T_PERS), value("A10903", SVZ, T_TAAL)],
)


def _insert_other_code(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    def change(wb: Workbook) -> None:
        ws = wb[OPV]
        _put(ws, "A10900", SVZ, T_PERS)
        _check_row(ws, 5, "A10903")
        _copy_row(ws, 5, 6)
        ws.cell(row=6, column=1).value = "A10901"
        ws.cell(row=6, column=_col(ws, SVZ)).value = "Ook de vrijetijdsdienst kreeg de vorming."

    _edit(files[PERSONEEL], change)


case(
    "row-added-for-other-trekkers-action",
    "Personeelsdienst adds a row for A10901, an action of Dienst Vrije Tijd, with its own news about it.",
    _insert_other_code,
    [value("A10900", SVZ, T_PERS), same("A10901", SVZ), named(FILE[PERSONEEL], OPV, 6, "A10901")],
)


def _overwrite_code(new_code: str) -> Apply:
    def apply(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
        def change(wb: Workbook) -> None:
            ws = wb[OPV]
            _check_row(ws, 4, "A10900")
            ws.cell(row=4, column=1).value = new_code
            ws.cell(row=4, column=_col(ws, SVZ)).value = "Vorming voor de jeugdwerkers."

        _edit(files[PERSONEEL], change)

    return apply


case(
    "own-code-overwritten-with-other-trekkers",
    "Personeelsdienst types A10901 (Dienst Vrije Tijd's action) over its own code A10900 and answers that row.",
    _overwrite_code("A10901"),
    [same("A10901", SVZ), same("A10900", SVZ), named(FILE[PERSONEEL], OPV, 4, "A10901")],
)

case(
    "own-code-overwritten-with-unknown",
    "Personeelsdienst types the code A10999, which is not in the plan, over A10900.",
    _overwrite_code("A10999"),
    [same("A10900", SVZ), named(FILE[PERSONEEL], OPV, 4, "A10999")],
)


def _year_over(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    def change(wb: Workbook) -> None:
        ws = wb[OPV]
        _check_row(ws, 4, "A10900")
        ws.cell(row=4, column=_col(ws, "Jaar")).value = LAST_YEAR
        ws.cell(row=4, column=_col(ws, SVZ)).value = "Eigenlijk gebeurde dit al vorig jaar."

    _edit(files[PERSONEEL], change)


case(
    "year-typed-over",
    "Personeelsdienst types 2023 over the year 2024 of its row and writes a text there.",
    _year_over,
    [same("A10900", SVZ, LAST_YEAR), same("A10900", SVZ), named(FILE[PERSONEEL], OPV, 4, "A10900")],
)


def _period_over(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    def change(wb: Workbook) -> None:
        ws = wb[MET]
        _check_row(ws, 4, "A10911-I1")
        ws.cell(row=4, column=_col(ws, "Periode")).value = "2023"
        ws.cell(row=4, column=_col(ws, WAARDE)).value = 1190

    _edit(files[PIN], change)


case(
    "period-typed-over",
    "vzw PIN types the period 2023 over 2024 in Metingen and gives a value for it.",
    _period_over,
    [msame("A10911-I1", WAARDE), named(FILE[PIN], MET, 4, "A10911-I1")],
)


def _other_indicator(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    def change(wb: Workbook) -> None:
        ws = wb[MET]
        _check_row(ws, 10, "A10911-I7")
        ws.cell(row=4, column=_col(ws, WAARDE)).value = 1250
        _copy_row(ws, 10, 11)
        ws.cell(row=11, column=1).value = "A10920-I1"
        ws.cell(row=11, column=_col(ws, WAARDE)).value = 30

    _edit(files[PIN], change)


case(
    "row-added-for-other-trekkers-indicator",
    "vzw PIN adds a measurement row for A10920-I1, an indicator of Dienst Communicatie.",
    _other_indicator,
    [mvalue("A10911-I1", WAARDE, 1250), msame("A10920-I1", WAARDE), named(FILE[PIN], MET, 11, "A10920-I1")],
)


def _last_year_sheet(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    def change(wb: Workbook) -> None:
        old = wb["Vorig jaar"]
        _check_row(old, 4, "A10900")
        old.cell(row=4, column=_col(old, SVZ)).value = "Correctie: de basisvorming was in 2020."
        _put(wb[OPV], "A10900", SVZ, T_PERS)

    _edit(files[PERSONEEL], change)


case(
    "last-year-sheet-edited",
    "Personeelsdienst corrects last year's text on sheet 'Vorig jaar' and answers this year's row.",
    _last_year_sheet,
    [same("A10900", SVZ, LAST_YEAR), value("A10900", SVZ, T_PERS)],
)

# The layout of the file


def _extra_sheet(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    def change(wb: Workbook) -> None:
        notes = wb.create_sheet("Notities")
        notes["A1"] = "Nog na te vragen bij Els: aantal deelnemers vorming."
        _put(wb[OPV], "A10900", SVZ, T_PERS)

    _edit(files[PERSONEEL], change)


case(
    "extra-sheet-added",
    "Personeelsdienst adds a sheet 'Notities' for itself and answers as asked.",
    _extra_sheet,
    [value("A10900", SVZ, T_PERS)],
)


def _extra_column(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    def change(wb: Workbook) -> None:
        ws = wb[OPV]
        col = ws.max_column + 1
        ws.cell(row=HEADER_ROW, column=col).value = "Opmerking voor de ambtenaar"
        ws.cell(row=_row(ws, "A10920"), column=col).value = "Bel me gerust voor meer uitleg."
        _put(ws, "A10920", SVZ, "Campagne in het infoblad.")

    _edit(files[COMMUNICATIE], change)


case(
    "extra-column-added",
    "Dienst Communicatie adds a column 'Opmerking voor de ambtenaar' right of the table.",
    _extra_column,
    [value("A10920", SVZ, "Campagne in het infoblad."), same("A10920", GELD)],
)


def _columns_swapped(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    def change(wb: Workbook) -> None:
        ws = wb[OPV]
        a, b = _col(ws, SVZ), _col(ws, GELD)
        for row in range(HEADER_ROW, ws.max_row + 1):
            left, right = ws.cell(row=row, column=a), ws.cell(row=row, column=b)
            left.value, right.value = right.value, left.value
        _put(ws, "A10901", SVZ, "Vijf nieuwe partnerschappen.")
        _put(ws, "A10901", GELD, "Werkingsbudget vrije tijd")

    _edit(files[VRIJE_TIJD], change)


case(
    "columns-moved",
    "Dienst Vrije Tijd swaps the columns Stand van zaken and Geld (headers included) and fills both.",
    _columns_swapped,
    [value("A10901", SVZ, "Vijf nieuwe partnerschappen."), value("A10901", GELD, "Werkingsbudget vrije tijd")],
)


def _column_inserted(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    def change(wb: Workbook) -> None:
        ws = wb[OPV]
        at = _col(ws, SVZ)
        ws.insert_cols(at)
        ws.cell(row=HEADER_ROW, column=at).value = "Contactpersoon"
        ws.cell(row=_row(ws, "A10913"), column=at).value = "Els Van den Bossche"
        _put(ws, "A10913", SVZ, "Drie NT2-groepen gestart.")
        _put(ws, "A10913", TIJD, "Op schema")

    _edit(files[ONDERWIJS], change)


case(
    "column-inserted-in-the-middle",
    "Dienst Onderwijs inserts a column 'Contactpersoon' before Stand van zaken and fills the row.",
    _column_inserted,
    [value("A10913", SVZ, "Drie NT2-groepen gestart."), value("A10913", TIJD, "Op schema")],
)


def _unhide(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    def change(wb: Workbook) -> None:
        wb[base.HIDDEN_SHEET].sheet_state = "visible"
        _put(wb[OPV], "A10910", SVZ, "Onthaalmoment met 52 aanwezigen.")

    _edit(files[BURGERZAKEN], change)


case(
    "hidden-sheet-unhidden",
    "Dienst Burgerzaken unhides the hidden sheet out of curiosity, changes nothing there and answers.",
    _unhide,
    [value("A10910", SVZ, "Onthaalmoment met 52 aanwezigen.")],
)


def _hidden_trekker(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    def change(wb: Workbook) -> None:
        hidden = wb[base.HIDDEN_SHEET]
        hidden.sheet_state = "visible"
        for row in range(1, 20):
            if hidden.cell(row=row, column=1).value == "Trekker":
                hidden.cell(row=row, column=2).value = VRIJE_TIJD
        ws = wb[OPV]
        _put(ws, "A10900", SVZ, T_PERS)
        _copy_row(ws, 5, 6)
        ws.cell(row=6, column=1).value = "A10901"
        ws.cell(row=6, column=_col(ws, SVZ)).value = "Antwoord voor de vrijetijdsdienst."

    _edit(files[PERSONEEL], change)


case(
    "hidden-sheet-trekker-changed",
    "Personeelsdienst unhides the hidden sheet, types Dienst Vrije Tijd as trekker and adds a row for A10901.",
    _hidden_trekker,
    [same("A10901", SVZ), same("A10901", ST), named(FILE[PERSONEEL])],
)


def _hidden_deleted(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    def change(wb: Workbook) -> None:
        del wb[base.HIDDEN_SHEET]
        _put(wb[OPV], "A10910", SVZ, "Onthaalmoment met 52 aanwezigen.")

    _edit(files[BURGERZAKEN], change)


case(
    "hidden-sheet-deleted",
    "Dienst Burgerzaken unhides the hidden sheet and deletes it, then answers.",
    _hidden_deleted,
    [named(FILE[BURGERZAKEN])],
)

# The files as they come back


def _renamed(new_name: str) -> Apply:
    def apply(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
        _apply_edits(files, [(PIN, OPV, "A10911", {SVZ: "Toeleider voerde 310 gesprekken."})])
        files[PIN].rename(folder / new_name)

    return apply


case(
    "file-renamed",
    "vzw PIN saves its answer as 'antwoord Jan.xlsx'.",
    _renamed("antwoord Jan.xlsx"),
    [value("A10911", SVZ, "Toeleider voerde 310 gesprekken.")],
)

case(
    "file-renamed-uppercase-extension",
    "vzw PIN's mail program saves the attachment as 'ANTWOORD PIN.XLSX'.",
    _renamed("ANTWOORD PIN.XLSX"),
    [value("A10911", SVZ, "Toeleider voerde 310 gesprekken.")],
)


def _over_other_name(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    _apply_edits(files, [(PERSONEEL, OPV, "A10900", {SVZ: T_PERS})])
    target = files[VRIJE_TIJD]
    target.unlink()
    files[PERSONEEL].rename(target)


case(
    "saved-under-other-trekkers-name",
    "The officer saves Personeelsdienst's reply over the file named for Dienst Vrije Tijd.",
    _over_other_name,
    [value("A10900", SVZ, T_PERS), same("A10901", SVZ), same("A10901", ST)],
)


def _last_years_file(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    old = workbook.parent / f"opvolging {year - 1}"
    base.planrapport("uitvragen", workbook, "--jaar", year - 1, "--uit", old)
    old_file = next(p for p in old.glob("*.xlsx") if base.trekker_of_request(p) == PERSONEEL)

    def change(wb: Workbook) -> None:
        _put(wb[OPV], "A10900", SVZ, "Vorming gegeven (antwoord van vorig jaar).")

    _edit(old_file, change)
    shutil.copy2(old_file, folder / "opvolging 2023 Personeelsdienst.xlsx")


case(
    "last-years-file",
    "Personeelsdienst sends back, filled in, last year's file (opvolging 2023) instead of this year's.",
    _last_years_file,
    [named("opvolging 2023 Personeelsdienst.xlsx"), same("A10900", SVZ), same("A10900", SVZ, LAST_YEAR)],
)


def _waregem_file(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    other = workbook.parent / "ander plan"
    other.mkdir(exist_ok=True)
    plan = other / "waregem.xlsx"
    base.planrapport("voorbeeld", "waregem-2011-2013", plan)
    base.planrapport("nieuw-jaar", plan, 2013)
    base.planrapport("uitvragen", plan, "--jaar", 2013, "--uit", other / "uit")
    src = next(p for p in (other / "uit").glob("*.xlsx") if base.trekker_of_request(p) == PERSONEEL)

    def change(wb: Workbook) -> None:
        ws = wb[OPV]
        ws.cell(row=FIRST_ROW, column=_col(ws, SVZ)).value = "Antwoord voor Waregem."

    _edit(src, change)
    shutil.copy2(src, folder / "opvolging 2013 Personeelsdienst.xlsx")


case(
    "other-plans-file",
    "A colleague sends back a filled file of another municipality's plan (Waregem, 2013).",
    _waregem_file,
    [named("opvolging 2013 Personeelsdienst.xlsx"), same("A10900", SVZ), same("A10903", SVZ)],
)


def _neighbour_file(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    other = workbook.parent / "ninove"
    other.mkdir(exist_ok=True)
    plan = other / "ninove.xlsx"
    base.planrapport("voorbeeld", base.EXAMPLE, plan)
    wb = openpyxl.load_workbook(plan)
    settings = wb["Instellingen"]
    for row in range(FIRST_ROW, settings.max_row + 1):
        label = settings.cell(row=row, column=1).value
        if label == "Gemeente":
            settings.cell(row=row, column=2).value = "Ninove"
        elif label == "Titel van het plan":
            settings.cell(row=row, column=2).value = "Meerjarenplan 2020-2025: Samenleven in Ninove"
    wb.save(plan)
    base.planrapport("nieuw-jaar", plan, year)
    base.planrapport("uitvragen", plan, "--jaar", year, "--uit", other / "uit")
    src = next(p for p in (other / "uit").glob("*.xlsx") if base.trekker_of_request(p) == PIN)

    def change(wb: Workbook) -> None:
        _put(wb[OPV], "A10911", SVZ, "Antwoord voor Ninove: 120 onthaalgesprekken.")
        _put(wb[MET], "A10911-I1", WAARDE, 480)

    _edit(src, change)
    shutil.copy2(src, folder / "opvolging 2024 vzw PIN Ninove.xlsx")


case(
    "neighbouring-plan-same-codes",
    "vzw PIN, which works for Ninove too, mails Ninove's filled file (same codes, same year) to Denderleeuw.",
    _neighbour_file,
    [named("opvolging 2024 vzw PIN Ninove.xlsx"), same("A10911", SVZ), msame("A10911-I1", WAARDE)],
)


def _two_replies(first: dict[str, object], second: dict[str, object]) -> Apply:
    def apply(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
        path = files[PERSONEEL]
        copy = folder / "opvolging 2024 Personeelsdienst (Els).xlsx"
        shutil.copy2(path, copy)
        _apply_edits({"a": path, "b": copy}, [("a", OPV, "A10900", first), ("b", OPV, "A10900", second)])

    return apply


case(
    "two-replies-same-row-different",
    "Jan and his colleague Els both fill Personeelsdienst's file, with different texts, and both send it back.",
    _two_replies({SVZ: T_PERS}, {SVZ: "Vorming gepland voor 40 medewerkers."}),
    [
        same("A10900", SVZ),
        named(FILE[PERSONEEL], OPV, 4, "A10900"),
        named("opvolging 2024 Personeelsdienst (Els).xlsx", OPV, 4, "A10900"),
    ],
)

case(
    "two-replies-same-answer",
    "Jan and Els both send back Personeelsdienst's file with the same text.",
    _two_replies({SVZ: T_PERS}, {SVZ: T_PERS}),
    [value("A10900", SVZ, T_PERS)],
)

case(
    "two-replies-different-cells",
    "Jan changes the status to Afgerond; Els leaves the status as sent and fills only Geld.",
    _two_replies({ST: "Afgerond"}, {GELD: "Binnen het vormingsbudget"}),
    [value("A10900", ST, "Afgerond"), value("A10900", GELD, "Binnen het vormingsbudget")],
)


def _never_answers(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    files[BIB].unlink()
    _good_reply(files)


case(
    "colleague-never-answers",
    "Bibliotheek never answers: its file is not in the folder; Dienst Burgerzaken does answer.",
    _never_answers,
    [same("A10922", ST), same("A10922", SVZ), *GOOD_REPLY_EXPECT],
)


def _truncated(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    _apply_edits(files, [(PIN, OPV, "A10911", {SVZ: "Toeleider voerde 310 gesprekken."})])
    data = files[PIN].read_bytes()
    files[PIN].write_bytes(data[: len(data) * 6 // 10])
    _good_reply(files)


case(
    "truncated-file",
    "vzw PIN's reply arrives cut off (the mail attachment broke halfway); Dienst Burgerzaken's is fine.",
    _truncated,
    [named(FILE[PIN]), same("A10911", SVZ), *GOOD_REPLY_EXPECT],
)


def _zero_bytes(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    files[BIB].write_bytes(b"")
    _good_reply(files)


case(
    "zero-byte-file",
    "Bibliotheek's file arrives as an empty file of 0 bytes; Dienst Burgerzaken's is fine.",
    _zero_bytes,
    [named(FILE[BIB]), same("A10922", SVZ), *GOOD_REPLY_EXPECT],
)


def _not_a_workbook(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    files[OCMW].write_text(
        "Beste,\n\nDe trajecten lopen goed, acht mensen zijn aan het werk.\n\nGroeten,\nOCMW\n",
        encoding="utf-8",
    )
    _good_reply(files)


case(
    "mail-text-saved-as-xlsx",
    "OCMW's answer is the text of a mail that ended up saved under the file's .xlsx name.",
    _not_a_workbook,
    [named(FILE[OCMW]), same("A10912", SVZ), *GOOD_REPLY_EXPECT],
)


def _csv(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    path = files[ONDERWIJS]
    wb = openpyxl.load_workbook(path)
    rows = list(wb[OPV].iter_rows(min_row=HEADER_ROW, values_only=True))
    rows[1] = (rows[1][0], rows[1][1], "In uitvoering", "Drie NT2-groepen gestart.", *rows[1][4:])
    target = folder / "opvolging 2024 Dienst Onderwijs.csv"
    with target.open("w", encoding="cp1252", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
    path.unlink()
    _good_reply(files)


case(
    "saved-as-csv",
    "Dienst Onderwijs saves its answer as CSV (semicolons, Windows encoding) and sends only that.",
    _csv,
    [named("opvolging 2024 Dienst Onderwijs.csv"), same("A10913", SVZ), *GOOD_REPLY_EXPECT],
)


def _soffice_format(ext: str, target: str) -> Apply:
    def apply(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
        path = files[ONDERWIJS]
        _apply_edits(files, [(ONDERWIJS, OPV, "A10913", {SVZ: "Drie NT2-groepen gestart."})])
        out = _soffice_convert(path, target, folder.parent / f"lo-{ext}")
        shutil.move(str(out), folder / out.name)
        path.unlink()
        _good_reply(files)

    return apply


case(
    "saved-as-xls",
    "Dienst Onderwijs saves its answer as an old Excel 97-2003 .xls and sends only that.",
    _soffice_format("xls", "xls:MS Excel 97"),
    [named("opvolging 2024 Dienst Onderwijs.xls"), *GOOD_REPLY_EXPECT],
    needs_soffice=True,
)

case(
    "saved-as-ods",
    "Dienst Onderwijs saves its answer as OpenDocument .ods and sends only that.",
    _soffice_format("ods", "ods"),
    [named("opvolging 2024 Dienst Onderwijs.ods"), *GOOD_REPLY_EXPECT],
    needs_soffice=True,
)


def _libreoffice_saved(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    path = files[ONDERWIJS]
    _apply_edits(
        files,
        [
            (ONDERWIJS, OPV, "A10913", {ST: "In uitvoering", SVZ: "Drie NT2-groepen gestart.", TIJD: "Op schema"}),
            (ONDERWIJS, MET, "A10913-I1", {WAARDE: (0.785, "0.0%"), BRON: "CVO"}),
        ],
    )
    out = _soffice_convert(path, "xlsx:Calc MS Excel 2007 XML", folder.parent / "lo-xlsx")
    shutil.move(str(out), path)


case(
    "saved-by-libreoffice",
    "Dienst Onderwijs fills its file in LibreOffice Calc and saves it as .xlsx there.",
    _libreoffice_saved,
    [
        value("A10913", ST, "In uitvoering"),
        value("A10913", SVZ, "Drie NT2-groepen gestart."),
        value("A10913", TIJD, "Op schema"),
        mvalue("A10913-I1", WAARDE, 78.5),
        mvalue("A10913-I1", BRON, "CVO"),
    ],
    needs_soffice=True,
)


def _password(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    path = files[OCMW]
    _apply_edits(files, [(OCMW, OPV, "A10912", {SVZ: "Acht trajecten lopen."})])
    plain = path.with_suffix(".plain")
    path.rename(plain)
    with plain.open("rb") as src, path.open("wb") as out:
        OOXMLFile(src).encrypt("geheim", out)
    plain.unlink()
    _good_reply(files)


case(
    "password-protected",
    "OCMW protects its answer with a password to open (as its IT rules demand) and sends it.",
    _password,
    [named(FILE[OCMW]), same("A10912", SVZ), *GOOD_REPLY_EXPECT],
    needs_msoffcrypto=True,
)


def _lock_file(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    _apply_edits(files, [(PIN, OPV, "A10911", {SVZ: "Toeleider voerde 310 gesprekken."})])
    owner = "Jan Peeters"
    lock = bytes([len(owner)]) + owner.encode("ascii") + b" " * (53 - len(owner))
    lock += bytes([len(owner), 0]) + owner.encode("utf-16-le")
    (folder / f"~${FILE[PIN]}").write_bytes(lock.ljust(165, b"\x00"))


case(
    "excel-lock-file-in-folder",
    "The officer has vzw PIN's reply open in Excel while collecting, so Excel's ~$ lock file sits next to it.",
    _lock_file,
    [value("A10911", SVZ, "Toeleider voerde 310 gesprekken.")],
)

# The officer typed in her own workbook meanwhile

_OFFICER_TEXT = "Volgens het schepencollege: vorming in oktober (ingevuld door de ambtenaar)."


def _officer_conflict(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    _officer_types(workbook, "A10900", SVZ, _OFFICER_TEXT)
    _apply_edits(files, [(PERSONEEL, OPV, "A10900", {SVZ: T_PERS})])


case(
    "officer-typed-same-cell-differently",
    "The officer typed her own Stand van zaken for A10900 meanwhile; Personeelsdienst answers another text.",
    _officer_conflict,
    [value("A10900", SVZ, _OFFICER_TEXT), named(FILE[PERSONEEL], OPV, 4, "A10900")],
)


def _officer_same(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    _officer_types(workbook, "A10900", SVZ, T_PERS)
    _apply_edits(files, [(PERSONEEL, OPV, "A10900", {SVZ: T_PERS}), (PERSONEEL, OPV, "A10903", {SVZ: T_TAAL})])


case(
    "officer-typed-same-text",
    "The officer copied Personeelsdienst's text from its mail into her workbook; the reply holds the same text.",
    _officer_same,
    [value("A10900", SVZ, T_PERS), value("A10903", SVZ, T_TAAL)],
)


def _officer_only(folder: Path, files: dict[str, Path], workbook: Path, year: int) -> None:
    _officer_types(workbook, "A10922", SVZ, "Leesclub loopt (telefonisch doorgegeven).")
    _apply_edits(files, [(BIB, OPV, "A10922", {TIJD: "Op schema"})])


case(
    "officer-filled-colleague-left-empty",
    "The officer typed a Stand van zaken for A10922 herself; Bibliotheek leaves it empty and fills only Tijd.",
    _officer_only,
    [value("A10922", SVZ, "Leesclub loopt (telefonisch doorgegeven)."), value("A10922", TIJD, "Op schema")],
)


def case_by_name(name: str) -> Case:
    """The case with this name."""
    for item in CASES:
        if item.name == name:
            return item
    raise KeyError(name)


def runnable(item: Case) -> bool:
    """Whether this machine has what the case needs (LibreOffice, msoffcrypto)."""
    if item.needs_soffice and not (shutil.which("soffice") or shutil.which("libreoffice")):
        return False
    if item.needs_msoffcrypto:
        try:
            import msoffcrypto  # noqa: F401
        except ImportError:
            return False
    return True
