"""Change the style index of single cells in a worksheet's XML, leaving their values and everything else alone."""

from __future__ import annotations

import re

from lxml import etree

from workbook.spreadsheet.package import q

_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")


def column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def split_ref(coordinate: str) -> tuple[int, int] | None:
    """ "D14" -> (14, 4)."""
    match = _REF.match(coordinate.replace("$", "").upper())
    return (int(match.group(2)), column_number(match.group(1))) if match else None


class SheetCells:
    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.data = root.find(q("sheetData"))
        if self.data is None:
            self.data = etree.SubElement(root, q("sheetData"))
        self._rows: dict[int, etree._Element] | None = None

    def styles_in_use(self) -> set[int]:
        return {int(c.get("s")) for c in self.data.iter(q("c")) if (c.get("s") or "").isdigit()}

    def restyle(self, mapping: dict[int, int]) -> None:
        """Give every cell whose style is a key of `mapping` the mapped style; drop cells left empty."""
        for cell in list(self.data.iter(q("c"))):
            style = cell.get("s")
            if style is None or not style.isdigit() or int(style) not in mapping:
                continue
            new = mapping[int(style)]
            if new:
                cell.set("s", str(new))
                continue
            del cell.attrib["s"]
            if len(cell) == 0 and set(cell.attrib) <= {"r"}:
                cell.getparent().remove(cell)

    def style_of(self, row: int, column: int) -> int:
        cell = self._cell(row, column, create=False)
        if cell is not None:
            value = cell.get("s", "0")
            return int(value) if value.isdigit() else 0
        return self._default_style(row, column)

    def cell(self, row: int, column: int) -> etree._Element:
        """The cell element at (row, column), made (with its row) when the sheet has none there yet."""
        return self._cell(row, column, create=True)

    def set_style(self, row: int, column: int, style: int) -> None:
        cell = self._cell(row, column, create=True)
        if style:
            cell.set("s", str(style))
        else:
            cell.attrib.pop("s", None)

    def _default_style(self, row: int, column: int) -> int:
        element = self._row_index().get(row)
        if element is not None and element.get("customFormat") in ("1", "true") and (element.get("s") or "").isdigit():
            return int(element.get("s"))
        cols = self.root.find(q("cols"))
        if cols is not None:
            for col in cols.iter(q("col")):
                inside = int(col.get("min", "0")) <= column <= int(col.get("max", "0"))
                if inside and (col.get("style") or "").isdigit():
                    return int(col.get("style"))
        return 0

    def _row_index(self) -> dict[int, etree._Element]:
        if self._rows is None:
            rows, number = {}, 0
            for element in self.data.iter(q("row")):
                value = element.get("r")
                number = int(value) if value and value.isdigit() else number + 1
                if not value:
                    element.set("r", str(number))
                rows[number] = element
            self._rows = rows
        return self._rows

    def _cell(self, row: int, column: int, create: bool) -> etree._Element | None:
        rows = self._row_index()
        element = rows.get(row)
        if element is None:
            if not create:
                return None
            element = etree.Element(q("row"), {"r": str(row)})
            later = [number for number in rows if number > row]
            if later:
                rows[min(later)].addprevious(element)
            else:
                self.data.append(element)
            rows[row] = element
        position = 0
        for cell in element.findall(q("c")):
            ref = cell.get("r")
            found = split_ref(ref) if ref else None
            position = found[1] if found else position + 1
            if not ref:
                cell.set("r", f"{column_letters(position)}{row}")
            if position == column:
                return cell
            if position > column:
                if not create:
                    return None
                new = etree.Element(q("c"), {"r": f"{column_letters(column)}{row}"})
                cell.addprevious(new)
                self._widen(element, column)
                return new
        if not create:
            return None
        new = etree.SubElement(element, q("c"), {"r": f"{column_letters(column)}{row}"})
        self._widen(element, column)
        return new

    @staticmethod
    def _widen(row: etree._Element, column: int) -> None:
        spans = row.get("spans") or ""
        if not re.fullmatch(r"\d+:\d+", spans):
            return
        first, last = (int(p) for p in spans.split(":"))
        row.set("spans", f"{min(first, column)}:{max(last, column)}")
