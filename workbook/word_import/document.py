"""Read a .docx into lines and tables: text with **bold**, whole-line bold/underline, bullets, positions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from workbook.plan.errors import WorkbookError
from workbook.word_import.package import check_package, read_head, refuse_encrypted
from workbook.word_import.paragraph_look import (
    font_size,
    heading_level,
    indentation,
    left_out,
    list_style,
    outline_level,
    own_runs,
    paragraph_style,
    run_flag,
    style_flag,
    switched_off,
    text_boxes,
)
from workbook.word_import.word_numbering import Numbering

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BULLET = re.compile(
    r"^\s*(?:[\u25aa\u2022\u25cf\u00b7\u25a0\u25e6\u25cb\u25a1\u25ba\u25b8\u25c6\u2043\u2756\u27a2\u2713\u2714"
    r"\u2013\u2014\-*\uf0a7\uf0b7\uf0d8\uf076\uf0fc\u2192\u27a4\u25b6\u21d2](?!\*)|o(?=\s)"
    r"|(?:\d{1,2}|[a-z])\)(?=\s))\s*"
)
SEPARATOR = re.compile(r"^[\s\-\u2010-\u2015_=~*\u2500-\u257f]{3,}$")  # a line "————", not a bullet
SUB_BULLET = re.compile(r"^\s*(?:[-\u2013]\s+)?o\s+")
_OTHER_FORMATS = {
    ".doc": "een oud Word-document (.doc)",
    ".pdf": "een PDF-bestand",
    ".odt": "een OpenDocument-tekst (.odt)",
    ".rtf": "een RTF-bestand",
}
SAVE_AS = "Open het in Word (of LibreOffice) en bewaar het als Word-document (.docx); importeer dan dat bestand."


@dataclass
class Line:
    """One paragraph (or one line of a paragraph with line breaks) of the document."""

    text: str  # with **bold** phrases, bullet sign removed
    position: str
    style: str = ""
    bold: bool = False
    underline: bool = False
    bullet: bool = False
    sub: bool = False
    heading: int = 0  # outline level of a Heading style, 0 for body text
    marker: str = ""  # the bullet sign, or "lijst" for a Word list paragraph
    indent: int = 0  # the left indentation in twips (the paragraph's own, else its style's)
    size: int = 0  # the largest font size of its text in half-points, 0 when the document's default
    list_key: str = ""  # the Word list it is an item of (its abstract numbering), "" when none
    dropped: dict[str, str] = field(default_factory=dict)  # hidden or struck-through text left out of it
    only_dropped: bool = False  # the whole paragraph was hidden or struck through
    framed: bool = False  # the paragraph stands in a text frame (w:framePr), a block of its own on the page
    cells: tuple[str, ...] = ()  # the pieces between its tabs, when tabs lay it out as columns
    list_level: int = -1  # its level in that list, 0 the first

    @property
    def plain(self) -> str:
        return self.text.replace("**", "")


@dataclass
class Table:
    position: str
    rows: list[list[list[Line]]] = field(default_factory=list)  # row -> cell -> lines
    continued: set[tuple[int, int]] = field(default_factory=set)  # (row, cell) going on with a merged cell above
    spans: dict[tuple[int, int], int] = field(default_factory=dict)  # (row, cell) -> the grid columns it spans

    def cell_text(self, row: int, column: int) -> str:
        cells = self.rows[row]
        return " ".join(line.plain for line in cells[column]) if column < len(cells) else ""


Block = Line | Table


def read_document(path: Path, margins: list[Line] | None = None) -> list[Block]:
    """The body of the document in order, the running headers and footers into `margins` when given; raises
    WorkbookError for other formats or damaged files."""
    import docx

    path = Path(path)
    check_format(path)
    check_package(path)
    try:
        document = docx.Document(str(path))
    except Exception:  # the guards above refuse what they know of; python-docx raises many kinds for the rest
        raise WorkbookError(
            f"{path.name}: dit Word-document kan niet gelezen worden; het is beschadigd of geen .docx. {SAVE_AS}"
        ) from None
    styles = {s.style_id: s for s in document.styles}
    numbering = Numbering(_numbering_root(document), styles)
    blocks: list[Block] = []
    paragraph_number = table_number = 0
    for element in _unwrapped(document.element.body):
        if element.tag == W + "p":
            paragraph_number += 1
            blocks += _lines(element, f"alinea {paragraph_number}", styles, numbering)
        elif element.tag == W + "tbl":
            table_number += 1
            blocks.append(_table(element, f"tabel {table_number}", styles, numbering))
    if margins is not None:
        margins += _margins(document, styles)
    _relative_levels([block for block in blocks if isinstance(block, Line)])
    return blocks


def _relative_levels(lines: list[Line]) -> None:
    """A sub-item is one level below the first list level that holds items: in a multilevel list whose first levels
    number the objectives ("SD %1:", "OD %1.%2:"), the items of level 2 are the top items, those of level 3 their
    sub-items."""
    tops: dict[str, int] = {}
    for line in lines:
        if line.list_key and line.marker == "lijst":
            tops[line.list_key] = min(tops.get(line.list_key, line.list_level), line.list_level)
    for line in lines:
        if line.list_key and line.marker == "lijst" and tops[line.list_key] > 0:
            line.sub = line.list_level > tops[line.list_key]


def _unwrapped(element):
    """The children of a body, table or row, with content controls (w:sdt) and custom XML opened: their content
    is ordinary text of the document in that place."""
    for child in element.iterchildren():
        if child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _unwrapped(content)
        elif child.tag == W + "customXml":
            yield from _unwrapped(child)
        else:
            yield child


def _numbering_root(document):
    """The numbering definitions (numbering.xml), None when the document has none."""
    rels = document.part.rels.values()
    part = next((r.target_part for r in rels if not r.is_external and r.reltype.endswith("/numbering")), None)
    return part.element if part is not None and hasattr(part, "element") else None


def _margins(document, styles) -> list[Line]:
    """The lines of the running headers and footers, each text once (they repeat on every page)."""
    lines: list[Line] = []
    seen: set[str] = set()
    for number, section in enumerate(document.sections, start=1):
        for where, part in (("koptekst", section.header), ("voettekst", section.footer)):
            if part.is_linked_to_previous and number > 1:
                continue
            for index, element in enumerate(part.part.element.iter(W + "p"), start=1):  # the w:hdr or w:ftr
                for line in _lines(element, f"{where}, alinea {index}", styles):
                    if line.plain not in seen:
                        seen.add(line.plain)
                        lines.append(line)
    return lines


def check_format(path: Path) -> None:
    if not path.is_file():
        raise WorkbookError(f"{path.name}: dit bestand bestaat niet.")
    suffix = path.suffix.casefold()
    head = read_head(path)
    refuse_encrypted(path, head)
    if suffix in _OTHER_FORMATS or head.startswith(b"%PDF") or head.startswith(b"\xd0\xcf\x11\xe0"):
        kind = _OTHER_FORMATS.get(suffix) or (
            "een PDF-bestand" if head.startswith(b"%PDF") else "een oud Word-document (.doc)"
        )
        raise WorkbookError(f"{path.name}: dit is {kind}. planrapport leest alleen Word-documenten (.docx). {SAVE_AS}")
    if suffix != ".docx":
        raise WorkbookError(f"{path.name}: planrapport leest alleen Word-documenten (.docx). {SAVE_AS}")


def _lines(element, position: str, styles, numbering: Numbering | None = None) -> list[Line]:
    style_name, style = paragraph_style(element, styles)
    number = numbering.number(element, style) if numbering is not None else None
    style_bold, style_underline = style_flag(style, "bold"), style_flag(style, "underline")
    numbered = element.find(f"{W}pPr/{W}numPr")
    level = element.find(f"{W}pPr/{W}numPr/{W}ilvl")
    # Pieces of text between line breaks, each a list of (text, bold, underline).
    pieces: list[list[tuple[str, bool, bool]]] = [[]]
    dropped: dict[str, list[str]] = {}  # "verborgen" / "doorgehaald" -> the text of such runs, left out
    for run in own_runs(element):
        bold, underline = run_flag(run, "bold", style_bold), run_flag(run, "underline", style_underline)
        if kind := left_out(run, style):
            dropped.setdefault(kind, []).append("".join(t.text or "" for t in run.iter(W + "t")))
            continue
        for child in run:
            if child.tag == W + "t":
                pieces[-1].append((child.text or "", bold, underline))
            elif child.tag == W + "tab":
                pieces[-1].append(("\t", bold, underline))
            elif child.tag in (W + "br", W + "cr"):
                pieces.append([])
    lines = []
    style_listed = list_style(style) and not switched_off(element)
    outline = outline_level(style) if style is not None and not heading_level(style_name) else 0
    heading = bool(heading_level(style_name) or outline)
    shown = number is not None and not number.bullet and (heading or number.worded)
    typed = "".join(t for t, _, _ in pieces[0]).lstrip() if pieces[0] else ""
    if shown and typed.startswith(number.text.rstrip() + " "):
        shown = False  # the number typed as well as numbered by Word ("4. 4. Strategische doelstelling 1"): once
    if shown and pieces[0]:
        # The number Word shows is part of the title: "Strategische doelstelling 1: ...", "1.1 ...".
        bold = all(b for t, b, _ in pieces[0] if t.strip())
        pieces[0].insert(0, (f"{number.text} ", bold, False))
    indent = indentation(element, style)
    size = font_size(element, style)
    own: list[Line] = []
    for index, runs in enumerate(pieces):
        line = _line(runs, f"{position}, regel {index + 1}" if len(pieces) > 1 else position, style_name)
        if line is None:
            continue
        line.heading = line.heading or outline
        line.indent, line.size = indent, size
        line.framed = element.find(f"{W}pPr/{W}framePr") is not None
        listed = (numbered is not None and not switched_off(element)) or style_listed
        if listed and index == 0 and not line.bullet and not shown:
            line.bullet, line.marker = True, "lijst"
        line.sub = line.sub or (level is not None and level.get(W + "val") not in (None, "0"))
        if number is not None:
            line.list_key, line.list_level = number.list_key, number.level
        if own and _goes_on_after_break(own[-1], line):
            # A line break where a printed line ended, mid-sentence: the paragraph's text goes on.
            own[-1].text = join_broken(own[-1].text.rstrip(), line.text.lstrip())
            continue
        own.append(line)
    said = {kind: " ".join("".join(texts).split()) for kind, texts in dropped.items() if "".join(texts).strip()}
    if said and own:
        own[0].dropped = said
    elif said:
        own.append(Line(" ".join(said.values()), position, style_name, dropped=said, only_dropped=True))
    lines += own
    for box_number, box in enumerate(text_boxes(element), start=1):
        for count, paragraph in enumerate(box.findall(W + "p"), start=1):
            lines += _lines(paragraph, f"{position}, tekstvak {box_number}, alinea {count}", styles, numbering)
    return lines


def _goes_on_after_break(previous: Line, line: Line) -> bool:
    """The piece after a line break continues the sentence: it starts in lower case after no full stop."""
    return line.plain[:1].islower() and not line.bullet and not previous.plain.rstrip().endswith(_SENTENCE_END)


_SENTENCE_END = (".", ":", ";", "?", "!")
_HYPHENATED = re.compile(r"[a-z\u00e0-\u00ff]-(?:\*\*)?$")
_CONJUNCTION = re.compile(r"^(?:\*\*)?(?:en|of|tot|en/of)\s")  # "personeels-" / "en communicatiebeleid": a real hyphen


def join_broken(previous: str, text: str) -> str:
    """Two pieces of one sentence broken at a line end; "integra-" + "tie" gives "integratie"."""
    plain = text.replace("**", "")
    if _HYPHENATED.search(previous) and plain[:1].islower() and not _CONJUNCTION.match(text):
        cut = previous.rstrip("*")
        return cut[:-1] + previous[len(cut) :] + text
    return f"{previous} {text}"


def _line(runs: list[tuple[str, bool, bool]], position: str, style_name: str) -> Line | None:
    text = "".join(t for t, _, _ in runs)
    if not text.strip():
        return None
    visible = [(t, b, u) for t, b, u in runs if t.strip()]
    bold = all(b for _, b, _ in visible)
    underline = all(u for _, _, u in visible)
    marked = text if bold else "".join(f"**{t}**" if b and t.strip() else t for t, b, _ in runs)
    marked = re.sub(r"\*\*(\s*)\*\*", r"\1", marked)
    marked = " ".join(marked.replace("\t", " ").split())
    sub = bool(SUB_BULLET.match(marked))
    bullet = bool(BULLET.match(marked)) and not re.match(r"^\s*-\s*\d", marked) and not SEPARATOR.match(marked)
    marker = _marker(marked) if bullet else ""
    if bullet:
        marked = SUB_BULLET.sub("", marked) if sub else BULLET.sub("", marked)
    if not marked.strip("* "):
        return None
    line = Line(marked, position, style_name, bold, underline, bullet, sub, heading_level(style_name), marker)
    cells = [" ".join(cell.split()) for cell in re.split(r"\t+", text.strip()) if cell.strip()]
    if len(cells) > 1:
        line.cells = tuple(cells)
    return line


def _marker(text: str) -> str:
    """The kind of typed bullet: its sign, "1)" for numbers and "a)" for letters."""
    head = text.lstrip()
    if match := re.match(r"(\d{1,2}|[a-z])\)", head):
        return "1)" if match.group(1).isdigit() else "a)"
    return head[:1]


def _cell_lines(cell, where: str, styles, numbering: Numbering | None) -> list[Line]:
    """The lines of a cell in order; a table inside it read as lines too (`_nested_lines`)."""
    lines: list[Line] = []
    number = 0
    for child in _unwrapped(cell):
        if child.tag == W + "p":
            number += 1
            lines += _lines(child, f"{where}, alinea {number}", styles, numbering)
        elif child.tag == W + "tbl":
            lines += _nested_lines(_table(child, f"{where}, tabel", styles, numbering))
    return lines


_MEASURE_HEAD = re.compile(r"^(nulmeting|streefwaarde|doelwaarde)(?:\s+((?:19|20)\d\d))?$", re.IGNORECASE)


def _nested_lines(table: Table) -> list[Line]:
    """A table inside a cell as lines: Indicator | Nulmeting 2025 | Streefwaarde 2031 gives a line per indicator,
    "text (nulmeting 2025: 140; streefwaarde 2031: 200)"; any other table a line per row, its cells apart by " | "."""
    if not table.rows:
        return []
    header = [table.cell_text(0, c).strip() for c in range(len(table.rows[0]))]
    measures = [_MEASURE_HEAD.match(h) for h in header[1:]]
    lines: list[Line] = []
    for number, row in enumerate(table.rows):
        first = next((line for cell in row for line in cell), None)
        if first is None:
            continue
        texts = [table.cell_text(number, c).strip() for c in range(len(row))]
        if measures and all(measures) and number > 0:
            figures = [
                f"{m.group(1).casefold()}{' ' + m.group(2) if m.group(2) else ''}: {value}"
                for m, value in zip(measures, texts[1:], strict=False)
                if value
            ]
            text = texts[0] + (f" ({'; '.join(figures)})" if figures else "")
        elif measures and all(measures):
            continue  # the header of an indicator table: its words are in each line
        else:
            text = " | ".join(t for t in texts if t)
        if measures and all(measures) and header[0].casefold().startswith("indicator"):
            text = f"Indicator: {text}"  # the label the table's header gave it
        lines.append(replace(first, text=text))
    return lines


def _table(element, position: str, styles, numbering: Numbering | None = None) -> Table:
    table = Table(position)
    rows = [child for child in _unwrapped(element) if child.tag == W + "tr"]
    for row_number, row in enumerate(rows, start=1):
        cells: list[list[Line]] = []
        column = 0
        for cell in (child for child in _unwrapped(row) if child.tag == W + "tc"):
            span = cell.find(f"{W}tcPr/{W}gridSpan")
            merged = cell.find(f"{W}tcPr/{W}vMerge")
            column += 1
            where = f"{position}, rij {row_number}, kolom {column}"
            lines: list[Line] = []
            if merged is None or merged.get(W + "val") == "restart":
                lines = _cell_lines(cell, where, styles, numbering)
            if merged is not None and merged.get(W + "val") != "restart":
                table.continued.add((row_number - 1, len(cells)))
            if span is not None and (width := int(span.get(W + "val", "1"))) > 1:
                table.spans[(row_number - 1, len(cells))] = width
                column += width - 1
            cells.append(lines)
        table.rows.append(cells)
    return table
