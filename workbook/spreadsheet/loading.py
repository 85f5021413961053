"""Open a workbook file with openpyxl and turn its sheets into grids of values, or say in Dutch why not."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from openpyxl.utils import range_boundaries

from workbook.plan.errors import WorkbookError, shown_name
from workbook.spreadsheet.openpyxl_internals import custom_number_formats, sheet_parser, style_number_format_ids
from workbook.spreadsheet.package import resolve
from workbook.spreadsheet.richtext import to_markup
from workbook.spreadsheet.zip_guard import ENCRYPTED as _ENCRYPTED
from workbook.spreadsheet.zip_guard import MAX_UNCOMPRESSED, total_size
from workbook.spreadsheet.zip_guard import OLE_MAGIC as _OLE_MAGIC

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

Grid = list[tuple[object, ...]]
FRESH_TEMPLATE = "Maak een nieuw werkboek met 'planrapport sjabloon PAD' en kopieer uw gegevens erin."
_QUOTED = re.compile(r'"[^"]*"|\\.')  # literal text in a number format: "..." and \x
_FORMULA_CELL = re.compile(rb"<c\b[^>]*>((?:(?!</c>).)*?<f[ >/](?:(?!</c>).)*?)</c>", re.DOTALL)
_CACHED_VALUE = re.compile(rb"<v>[^<]")
_FORMULA = re.compile(rb"<f[ >/]")
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# Above this many bytes of sheet XML a sheet is read only down to the last row its <dimension> names: a plan is
# far smaller, but a sheet with a million formatted empty rows must not take minutes.
STREAM_ABOVE = 30 * 1024 * 1024


def check_file(path: Path) -> int:
    """Refuse what openpyxl cannot or should not open; returns the uncompressed size of the sheets."""
    name = shown_name(path)
    if not path.exists():
        raise WorkbookError(f"{name}: het bestand bestaat niet ({path}).")
    if path.is_dir():
        raise WorkbookError(f"{name}: dit is een map, geen Excel-bestand.")
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            if head == _OLE_MAGIC:
                handle.seek(0)
                encrypted = _ENCRYPTED in handle.read(64 * 1024 * 1024)
    except PermissionError:
        raise WorkbookError(
            f"{name}: planrapport mag het bestand niet lezen. Is het open in een ander programma? "
            "Sluit het en probeer opnieuw."
        ) from None
    except OSError as error:
        raise WorkbookError(f"{name}: het bestand kan niet gelezen worden ({error.strerror}).") from None
    if not head:
        raise WorkbookError(f"{name}: het bestand is leeg.")
    if head == _OLE_MAGIC:
        if encrypted:
            raise WorkbookError(
                f"{name}: het werkboek is beveiligd met een wachtwoord. Open het in Excel, verwijder het "
                "wachtwoord (Bestand > Info > Werkmap beveiligen) en bewaar het opnieuw."
            )
        raise WorkbookError(
            f"{name}: dit is een oud Excel-bestand (.xls). Open het in Excel en bewaar het als Excel-werkmap (.xlsx)."
        )
    if head[:4] == b"PK\x03\x04" and not zipfile.is_zipfile(path):
        raise WorkbookError(
            f"{name}: het werkboek is onvolledig of beschadigd (het bestand houdt te vroeg op). "
            "Neem een reservekopie of bewaar het opnieuw in Excel."
        )
    if not zipfile.is_zipfile(path):
        raise WorkbookError(
            f"{name}: dit is geen Excel-werkboek (.xlsx of .xlsm), of het bestand is beschadigd. "
            "Bewaar het in Excel als Excel-werkmap (.xlsx)."
        )
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and b"opendocument" in archive.read("mimetype"):
                raise WorkbookError(
                    f"{name}: dit is een OpenDocument-rekenblad (.ods). Bewaar het als Excel-werkmap (.xlsx)."
                )
            if "xl/workbook.xml" not in names:
                raise WorkbookError(
                    f"{name}: dit zip-bestand is geen Excel-werkboek. Bewaar het in Excel als Excel-werkmap (.xlsx)."
                )
            sheets = sum(i.file_size for i in archive.infolist() if i.filename.startswith("xl/worksheets/"))
            if total_size(archive) > MAX_UNCOMPRESSED:
                raise WorkbookError(
                    f"{name}: het werkboek is uitgepakt groter dan 500 MB. Dat is geen gewoon beleidsplan; "
                    "controleer of het het juiste bestand is."
                )
            _check_parts(name, archive, names)
    except zipfile.BadZipFile:
        raise WorkbookError(f"{name}: het bestand is beschadigd (geen geldig zip-archief). {FRESH_TEMPLATE}") from None
    return sheets


def _check_parts(name: str, archive: zipfile.ZipFile, names: set[str]) -> None:
    """Every sheet the workbook lists must be in the file; openpyxl would silently skip a missing one."""
    if "xl/_rels/workbook.xml.rels" not in names or "xl/workbook.xml" not in names:
        return
    try:
        relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    except ElementTree.ParseError:
        return  # openpyxl reports the damage itself
    targets = {
        rel.get("Id"): resolve("xl/workbook.xml", rel.get("Target", ""))
        for rel in relations
        if rel.get("Type", "").endswith("/worksheet")
    }
    for sheet in workbook.iter(f"{{{_MAIN}}}sheet"):
        target = targets.get(sheet.get(f"{{{_RELATIONSHIPS}}}id"))
        if target and target not in names:
            raise WorkbookError(
                f"{name}: het werkboek is onvolledig: het blad '{sheet.get('name')}' ontbreekt in het bestand. "
                "Neem een reservekopie of bewaar het opnieuw in Excel."
            )


def load_grids(path: Path) -> Mapping[str, Grid]:
    """Every sheet as a list of rows of cell values (cached results for formulas, bold as **markup**)."""
    from openpyxl import load_workbook

    stream = check_file(path) > STREAM_ABOVE
    try:
        workbook = load_workbook(path, data_only=True, rich_text=True, read_only=True)
        try:
            grids = {sheet.title: _grid(workbook, sheet, stream) for sheet in workbook.worksheets}
        finally:
            workbook.close()
    except WorkbookError:
        raise
    except Exception:  # openpyxl raises many kinds for damaged parts
        raise WorkbookError(
            f"{path.name}: het werkboek kan niet gelezen worden; het is beschadigd of onvolledig. "
            f"Open het in Excel en bewaar het opnieuw. {FRESH_TEMPLATE}"
        ) from None
    if not stream and _has_uncalculated_formulas(path):
        _refuse_uncalculated(path, grids)
    return grids


def _grid(workbook: Workbook, sheet: ReadOnlyWorksheet, stream: bool) -> Grid:
    """A sheet's rows from A1 to its last cell, as a full openpyxl load gives them, from a read-only workbook."""
    last_row = sheet.max_row if stream else None
    percent = percent_styles(workbook)
    cells: dict[int, dict[int, object]] = {}
    height = width = 0
    # Read-only rows would lose bold in inline strings (no rich_text) and trust <dimension>: run openpyxl's own parser.
    with sheet_parser(workbook, sheet) as parser:
        for index, row in parser.parse():
            if last_row is not None and index > last_row:
                break
            for cell in row:
                number, column, value = cell["row"], cell["column"], cell["value"]
                height, width = max(height, number), max(width, column)
                if value is not None:
                    if cell["style_id"] in percent and isinstance(value, int | float) and not isinstance(value, bool):
                        value = percent_text(value)
                    cells.setdefault(number, {})[column] = to_markup(value)
                elif number in cells:
                    cells[number].pop(column, None)
        else:
            # Like a full load: merged ranges and links widen the sheet (comments, in another part, do not),
            # and a merge keeps only its top-left value.
            merged = [m.ref for m in parser.merged_cells.mergeCell] if parser.merged_cells else []
            for ref in merged + [link.ref for link in parser.hyperlinks.hyperlink]:
                _, _, last_column, last = range_boundaries(ref)
                height, width = max(height, last or 0), max(width, last_column or 0)
            for ref in merged:
                first_column, first, last_column, last = range_boundaries(ref)
                for number in range(first, last + 1):
                    for column in range(first_column + (number == first), last_column + 1):
                        cells.get(number, {}).pop(column, None)
    empty = (None,) * width
    return [_row(cells[number], width) if number in cells else empty for number in range(1, height + 1)]


def percent_styles(workbook: Workbook) -> frozenset[int]:
    """The cell style ids whose number format shows a percentage (0.55 shown as 55%)."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS_MAX_SIZE, builtin_format_code

    custom = list(custom_number_formats(workbook))
    ids = set()
    for index, number in enumerate(style_number_format_ids(workbook)):
        if number < BUILTIN_FORMATS_MAX_SIZE:
            code = builtin_format_code(number) or ""
        else:
            code = custom[number - BUILTIN_FORMATS_MAX_SIZE] if number - BUILTIN_FORMATS_MAX_SIZE < len(custom) else ""
        if is_percent_format(code):
            ids.add(index)
    return frozenset(ids)


def is_percent_format(code: str) -> bool:
    """A number format that multiplies by 100 and shows "%": a % outside quotes and not escaped."""
    return "%" in _QUOTED.sub("", code or "")


def percent_text(value: float) -> str:
    """0.55 in a %-formatted cell as the officer typed and sees it: "55%" ("22,4%"), the way text is read."""
    shown = f"{value * 100:.10f}".rstrip("0").rstrip(".")
    return f"{shown.replace('.', ',')}%"


def _row(values: dict[int, object], width: int) -> tuple[object, ...]:
    row: list[object] = [None] * width
    for column, value in values.items():
        row[column - 1] = value
    return tuple(row)


def _has_uncalculated_formulas(path: Path) -> bool:
    """A cheap look at the sheet XML for formula cells that carry no cached value."""
    with zipfile.ZipFile(path) as archive:
        sheets = (
            archive.read(info.filename)
            for info in archive.infolist()
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")
        )
        return any(
            not _CACHED_VALUE.search(cell.group(1))
            for xml in sheets
            if _FORMULA.search(xml)  # the cell pattern is slow, and most sheets hold no formula at all
            for cell in _FORMULA_CELL.finditer(xml)
        )


def _refuse_uncalculated(path: Path, grids: Mapping[str, Grid]) -> None:
    """Formulas never calculated (a file written by a program) would read as empty cells: say so instead."""
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    cells = [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f" and _cached(grids, sheet.title, cell.row, cell.column) is None
    ]
    workbook.close()
    if cells:
        more = f" en {len(cells) - 1} andere cellen" if len(cells) > 1 else ""
        raise WorkbookError(
            f"{path.name}: de formule in {cells[0]}{more} heeft nog geen berekende waarde (het werkboek werd door "
            "een programma gemaakt en nooit berekend). Open het in Excel of LibreOffice en bewaar het opnieuw."
        )


def _cached(grids: Mapping[str, Grid], title: str, row: int, column: int) -> object:
    grid = grids.get(title, [])
    return grid[row - 1][column - 1] if row - 1 < len(grid) and column - 1 < len(grid[row - 1]) else None
