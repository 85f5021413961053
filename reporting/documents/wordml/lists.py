"""Lists as the plan writes them, as Word lists: numbering definitions in numbering.xml and a paragraph per item."""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from reporting.documents.wordml.ooxml import W_NS, w
from reporting.documents.wordml.text import Block, rich

# (kind, mark) -> Word's number format and the text of level 0 and level 1 ("%1" is the number of level 0).
FORMATS = {
    ("bullet", ""): ("bullet", "\u25aa", "\u2013"),
    ("decimal", ")"): ("decimal", "%1)", "%2)"),
    ("decimal", "."): ("decimal", "%1.", "%2."),
    ("letter", ")"): ("lowerLetter", "%1)", "%2)"),
    ("letter", "."): ("lowerLetter", "%1.", "%2."),
    ("roman", ")"): ("lowerRoman", "%1)", "%2)"),
    ("roman", "."): ("lowerRoman", "%1.", "%2."),
}
# Indents in twips, (left, hanging) per level: in the running text, and in table cells (narrower).
TEXT_INDENTS = {"bullet": ((340, 227), (680, 227)), "other": ((397, 397), (794, 397))}
TABLE_INDENTS = {"bullet": ((227, 198), (454, 198)), "other": ((340, 340), (680, 340))}
TEXT_STYLE, TABLE_STYLE = "Opsomming", "Tabelopsomming"


def definition_name(kind: str, mark: str) -> str:
    """The name of a list's numbering definition, by which a template's own definition is found."""
    return f"planrapport {kind} {mark}".strip()


def definition_xml(abstract_id: int, kind: str, mark: str, colour: str = "") -> str:
    """A two-level numbering definition (w:abstractNum) for the lists of this kind and mark."""
    number_format, first, second = FORMATS[(kind, mark)]
    indents = TEXT_INDENTS["bullet" if kind == "bullet" else "other"]
    levels = ""
    for level, (text, (left, hanging)) in enumerate(zip((first, second), indents, strict=True)):
        font = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:hint="default"/>' if kind == "bullet" else ""
        colour_xml = f'<w:color w:val="{colour}"/>' if colour and kind == "bullet" else ""
        levels += (
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{number_format}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>'
            + (f"<w:rPr>{font}{colour_xml}</w:rPr>" if font or colour_xml else "")
            + "</w:lvl>"
        )
    return (
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="hybridMultilevel"/><w:name w:val="{definition_name(kind, mark)}"/>'
        f"{levels}</w:abstractNum>"
    )


def add_definitions(numbering, colour: str = "") -> None:
    """Every list definition into a numbering part's element (the template builder puts them in the templates)."""
    for kind, mark in FORMATS:
        _definition(numbering, kind, mark, colour)


def _definition(numbering, kind: str, mark: str, colour: str = "") -> str:
    """The abstractNumId of the named definition, added (before the first w:num, as the schema asks) if missing."""
    name = definition_name(kind, mark)
    ids = []
    for abstract in numbering.iterchildren(w("abstractNum")):
        found = abstract.find(w("name"))
        if found is not None and found.get(w("val")) == name:
            return abstract.get(w("abstractNumId"))
        ids.append(int(abstract.get(w("abstractNumId"))))
    abstract_id = max(ids, default=-1) + 1
    abstract = etree.fromstring(definition_xml(abstract_id, kind, mark, colour))
    first_num = next(numbering.iterchildren(w("num")), None)
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    return str(abstract_id)


class ListParagraph:
    """One list item as a whole Word paragraph; a template prints it with {{p ... }}."""

    def __init__(self, xml: str) -> None:
        self.xml = xml

    def __html__(self) -> str:
        return self.xml

    def __str__(self) -> str:
        return self.xml


class Lists:
    """Numbers the lists of one document: each run of numbered items gets its own w:num, starting at the number
    the plan gave its first item; bullets share one per definition."""

    def __init__(self, numbering=None, style_ids: dict[str, str] | None = None) -> None:
        self.numbering = numbering if numbering is not None else etree.Element(w("numbering"), nsmap={"w": W_NS})
        self.style_ids = style_ids or {}
        self._bullets: dict[str, str] = {}
        self._definitions: dict[tuple[str, str], str] = {}
        self._next_num: int | None = None

    @classmethod
    def of(cls, template) -> Lists:
        """The lists of a docxtpl template's document: its numbering part and the ids of its list styles."""
        document = template.docx
        style_ids = {}
        for name in (TEXT_STYLE, TABLE_STYLE):
            try:
                style_ids[name] = document.styles[name].style_id
            except KeyError:
                continue
        return cls(document.part.numbering_part.element, style_ids)

    def paragraphs(self, blocks: Iterable[Block], *, table: bool = False, bold_markup: bool = False) -> list[dict]:
        """The context of each block: {"tekst", "opsomming", "lijstalinea"}, with a ListParagraph in `lijstalinea`
        for a list item.
        With `bold_markup`, "tekst" is a docxtpl RichText whose **phrases** are bold (the template prints it with
        {{r ...}}), and so are the list items' runs."""
        from docxtpl import RichText

        def runs(text: str):
            return rich(text) if bold_markup else RichText(text)

        found: list[dict] = []
        previous: Block | None = None
        num_id = ""
        for block in blocks:
            if not block.kind:
                found.append(
                    {"tekst": runs(block.text) if bold_markup else block.text, "opsomming": False, "lijstalinea": None}
                )
                previous = None
                continue
            same_run = previous is not None and (previous.kind, previous.mark, previous.level) == (
                block.kind,
                block.mark,
                block.level,
            )
            if not same_run:
                num_id = self._num(block)
            text = runs(block.text)
            found.append(
                {
                    "tekst": text if bold_markup else block.text,
                    "opsomming": True,
                    "lijstalinea": ListParagraph(self._xml(block, num_id, table, text.xml)),
                }
            )
            previous = block
        return found

    def _num(self, block: Block) -> str:
        key = (block.kind, block.mark)
        if key not in self._definitions:
            self._definitions[key] = _definition(self.numbering, block.kind, block.mark)
        abstract_id = self._definitions[key]
        if block.kind == "bullet" and abstract_id in self._bullets:
            return self._bullets[abstract_id]
        if self._next_num is None:  # counted on from the template's own lists, not looked up for each new one
            self._next_num = max((int(n.get(w("numId"))) for n in self.numbering.iterchildren(w("num"))), default=0) + 1
        num_id = str(self._next_num)
        self._next_num += 1
        num = etree.SubElement(self.numbering, w("num"))
        num.set(w("numId"), num_id)
        etree.SubElement(num, w("abstractNumId")).set(w("val"), abstract_id)
        if block.kind == "bullet":
            self._bullets[abstract_id] = num_id
        else:
            # Each numbered run starts anew, at the number the plan gave its first item.
            override = etree.SubElement(num, w("lvlOverride"))
            override.set(w("ilvl"), str(block.level))
            etree.SubElement(override, w("startOverride")).set(w("val"), str(block.number))
        return num_id

    def _xml(self, block: Block, num_id: str, table: bool, runs: str) -> str:
        style = TABLE_STYLE if table else TEXT_STYLE
        indent = ""
        if table:
            left, hanging = TABLE_INDENTS["bullet" if block.kind == "bullet" else "other"][block.level]
            indent = f'<w:ind w:left="{left}" w:hanging="{hanging}"/>'
        return (
            f'<w:p><w:pPr><w:pStyle w:val="{self.style_ids.get(style, style)}"/><w:numPr>'
            f'<w:ilvl w:val="{block.level}"/><w:numId w:val="{num_id}"/></w:numPr>{indent}</w:pPr>{runs}</w:p>'
        )
