"""Add rows to a sheet's table and set single cell values in the worksheet XML, leaving every other cell alone."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from lxml import etree

from workbook.plan.errors import WorkbookError
from workbook.plan.schema import HEADER_SCAN_ROWS, normalize_header
from workbook.spreadsheet.cells import SheetCells, column_letters, split_ref
from workbook.spreadsheet.package import PACKAGE_REL, REL, Package, cell_texts, q, rels_part, resolve

TABLE = REL + "/table"
MAX_COLUMNS = 40
_INVALID_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ESCAPE_LIKE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_RANGE = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$")

Value = str | int | float


def xml_text(value: str) -> str:
    """Text Excel shows as written: no characters XML forbids, and no _xHHHH_ that Excel would decode."""
    return _ESCAPE_LIKE.sub(r"_x005F_\1", _INVALID_XML.sub(" ", value))


class TableSheet:
    """One data sheet and its table (tblOpvolging, tblMetingen, ...): the table's columns by header, new rows at the
    end of the data, cells set one by one. `save` puts the changed parts back into the package."""

    def __init__(self, package: Package, sheet_name: str, table_name: str | None, headers: Sequence[str] = ()) -> None:
        self.package = package
        sheet = next((s for s in package.sheets() if normalize_header(s.name) == normalize_header(sheet_name)), None)
        if sheet is None:
            raise WorkbookError(f"{package.path.name}: het blad '{sheet_name}' ontbreekt.")
        self.name = sheet.name
        self.part = sheet.part
        self.root = package.xml(sheet.part)
        self.cells = SheetCells(self.root)
        self.changed = False
        self.columns: dict[str, int] = {}
        if table_name is None:  # single cells only (the settings)
            return
        self.table_part, self.table = self._find_table(table_name)
        if self.table is None:  # a sheet without a table (made by hand): its header row names the columns
            self._header_from_cells(headers)
            return
        ref = _parse_range(self.table.get("ref", ""))
        if ref is None:
            raise WorkbookError(f"{package.path.name}: de tabel op blad '{self.name}' is beschadigd.")
        self.first_column, self.header_row, self.last_column, self.last_row = ref
        names = [c.get("name", "") for c in self.table.iter(q("tableColumn"))]
        self.columns = {normalize_header(n): self.first_column + i for i, n in enumerate(names)}

    def _header_from_cells(self, headers: Sequence[str]) -> None:
        wanted = {normalize_header(h) for h in headers}
        for number in range(1, HEADER_SCAN_ROWS + 1):
            refs = [f"{column_letters(c)}{number}" for c in range(1, MAX_COLUMNS + 1)]
            texts = cell_texts(self.package, self.root, refs)
            found = {normalize_header(t): split_ref(r)[1] for r, t in texts.items() if t.strip()}
            if wanted and wanted <= set(found):
                self.columns = found
                self.header_row, self.last_row = number, number
                self.first_column, self.last_column = min(found.values()), max(found.values())
                return
        raise WorkbookError(
            f"{self.package.path.name}: op blad '{self.name}' staan de kolomnamen niet. Geef de kolommen hun namen "
            "terug (rij 3) en probeer opnieuw."
        )

    def _find_table(self, table_name: str) -> tuple[str, etree._Element | None]:
        rels = rels_part(self.part)
        found = []
        if self.package.has(rels):
            for rel in self.package.xml(rels).iter(q("Relationship", PACKAGE_REL)):
                if rel.get("Type") == TABLE:
                    part = resolve(self.part, rel.get("Target", ""))
                    found.append((part, self.package.xml(part)))
        for part, table in found:
            if normalize_header(table.get("displayName") or table.get("name")) == normalize_header(table_name):
                return part, table
        if len(found) == 1:
            return found[0]
        return "", None

    def column(self, header: str) -> int | None:
        return self.columns.get(normalize_header(header))

    def last_data_row(self) -> int:
        """The last row with a value in one of the table's columns (the header row when there is none)."""
        last = self.header_row
        for row in self.cells.data.iter(q("row")):
            number = int(row.get("r", "0") or 0)
            if number <= last:
                continue
            for cell in row.iter(q("c")):
                position = split_ref(cell.get("r", ""))
                if position and self.first_column <= position[1] <= self.last_column and _has_value(cell):
                    last = number
                    break
        return last

    def append(self, rows: Sequence[Mapping[str, Value]]) -> list[int]:
        """Write rows ({header: value}) below the last data row, styled like the row above; returns their numbers."""
        if not rows:
            return []
        start = self.last_data_row() + 1
        model = start - 1 if start - 1 > self.header_row else None
        numbers = []
        for offset, values in enumerate(rows):
            number = start + offset
            for column in range(self.first_column, self.last_column + 1):
                style = self.cells.style_of(model, column) if model else 0
                if style:
                    self.cells.set_style(number, column, style)
            for header, value in values.items():
                column = self.column(header)
                if column is not None and value not in (None, ""):
                    self.set_value(number, column, value)
            numbers.append(number)
        self._grow(numbers[-1])
        return numbers

    def set_value(self, row: int, column: int, value: Value | None) -> None:
        """Put a value in a cell, keeping its style: text as an inline string (never a formula), numbers as such."""
        cell = self.cells.cell(row, column)
        for child in list(cell):
            cell.remove(child)
        cell.attrib.pop("t", None)
        if value is None or value == "":
            pass
        elif isinstance(value, str):
            cell.set("t", "inlineStr")
            text = etree.SubElement(etree.SubElement(cell, q("is")), q("t"))
            text.text = xml_text(value)
            if value != value.strip() or "\n" in value:
                text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        else:
            number = int(value) if isinstance(value, float) and value.is_integer() else value
            etree.SubElement(cell, q("v")).text = repr(number) if isinstance(number, float) else str(number)
        self.changed = True

    def find_header(self, headers: Sequence[str]) -> None:
        """Find the header row and its columns in the cells (the first rows), for a sheet opened for single cells."""
        self._header_from_cells(headers)

    def _grow(self, last: int) -> None:
        """Make the table, its filter, the sheet's dimension and the drop-downs reach row `last`."""
        if last > self.last_row and self.table is not None:
            ref = f"{column_letters(self.first_column)}{self.header_row}:{column_letters(self.last_column)}{last}"
            self.table.set("ref", ref)
            autofilter = self.table.find(q("autoFilter"))
            if autofilter is not None:
                autofilter.set("ref", ref)
            self.package.put_xml(self.table_part, self.table)
            self.last_row = last
        dimension = self.root.find(q("dimension"))
        found = _parse_range(dimension.get("ref", "")) if dimension is not None else None
        if found and found[3] < last:
            first_column, first_row, last_column, _ = found
            dimension.set("ref", f"{column_letters(first_column)}{first_row}:{column_letters(last_column)}{last}")
        validations = self.root.find(q("dataValidations"))
        for validation in validations.iter(q("dataValidation")) if validations is not None else ():
            areas = []
            for area in (validation.get("sqref") or "").split():
                found = _parse_range(area)
                inside = found and self.first_column <= found[0] <= self.last_column and found[1] <= self.header_row + 1
                if inside and found[1] < found[3] < last:
                    area = f"{column_letters(found[0])}{found[1]}:{column_letters(found[2])}{last}"
                areas.append(area)
            validation.set("sqref", " ".join(areas))

    def save(self) -> None:
        if self.changed:
            self.package.put_xml(self.part, self.root)


def _has_value(cell: etree._Element) -> bool:
    value = cell.find(q("v"))
    if value is not None and (value.text or "") != "":
        return True
    inline = cell.find(q("is"))
    return inline is not None and "".join(inline.itertext()) != ""


def _parse_range(text: str) -> tuple[int, int, int, int] | None:
    """ "A3:I125" -> (1, 3, 9, 125); a single cell is a range of one."""
    match = _RANGE.match(text.strip().upper())
    if not match:
        return None
    first = split_ref(f"{match.group(1)}{match.group(2)}")
    last = split_ref(f"{match.group(3)}{match.group(4)}") if match.group(3) else first
    return first[1], first[0], last[1], last[0]


def number_formats(package: Package) -> list[str]:
    """The number format code of every cell format (cellXfs) of the workbook, by index; "" for General."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    if not package.has("xl/styles.xml"):
        return []
    root = package.xml("xl/styles.xml")
    custom = {f.get("numFmtId"): f.get("formatCode", "") for f in root.iter(q("numFmt"))}
    formats = []
    container = root.find(q("cellXfs"))
    for xf in container.iter(q("xf")) if container is not None else ():
        number = xf.get("numFmtId", "0")
        builtin = BUILTIN_FORMATS.get(int(number)) if number.isdigit() else None
        formats.append(custom.get(number) or builtin or "")
    return formats
