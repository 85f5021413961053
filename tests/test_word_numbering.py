"""The number Word shows before a numbered paragraph, counted from numbering.xml; PDF lines joined again."""

from __future__ import annotations

from lxml import etree

from workbook.word_import.document import Line
from workbook.word_import.pdf_lines import rejoin
from workbook.word_import.word_numbering import Numbering

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NUMBERING = f"""<w:numbering {NS}>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading1"/>
      <w:lvlText w:val="Strategische doelstelling %1:"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading2"/>
      <w:lvlText w:val="%1.%2"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="2">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2013"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="3">
    <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="4"><w:numStyleLink w:val="PlanLijst"/></w:abstractNum>
  <w:abstractNum w:abstractNumId="5"><w:styleLink w:val="PlanLijst"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlRestart w:val="0"/><w:isLgl/>
      <w:lvlText w:val="%1.%2"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="6"><w:abstractNumId w:val="4"/></w:num>
  <w:num w:numId="7"><w:abstractNumId w:val="5"/></w:num>
  <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="2"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
  <w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>
</w:numbering>"""


class _Style:
    """The part of a python-docx style the counting reads: its element, base style and id."""

    def __init__(self, style_id: str, num_id: str | None) -> None:
        numbering = f'<w:numPr><w:numId w:val="{num_id}"/></w:numPr>' if num_id is not None else ""
        self.element = etree.fromstring(f"<w:style {NS}><w:pPr>{numbering}</w:pPr></w:style>")
        self.style_id, self.base_style = style_id, None


def _paragraph(num_id: str | None = None, level: int = 0):
    numbering = (
        f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
        if num_id is not None
        else ""
    )
    return etree.fromstring(f"<w:p {NS}>{numbering}</w:p>")


def _numbering() -> Numbering:
    return Numbering(etree.fromstring(NUMBERING.encode()), {"PlanLijst": _Style("PlanLijst", "7")})


def test_a_multilevel_list_linked_to_the_heading_styles_gives_the_numbers_word_shows():
    numbering = _numbering()
    heading1, heading2 = _Style("Heading1", "1"), _Style("Heading2", "1")
    shown = [numbering.number(_paragraph(), style) for style in (heading1, heading2, heading2, heading1, heading2)]
    assert [(n.text, n.level, n.worded) for n in shown] == [
        ("Strategische doelstelling 1:", 0, True),
        ("1.1", 1, False),
        ("1.2", 1, False),
        ("Strategische doelstelling 2:", 0, True),
        ("2.1", 1, False),  # the deeper level starts again under the next higher one
    ]


def test_numbering_switched_off_in_the_paragraph_gives_no_number():
    numbering = _numbering()
    assert numbering.number(_paragraph("0"), _Style("Heading1", "1")) is None
    assert numbering.number(_paragraph(), _Style("Heading1", "1")).text == "Strategische doelstelling 1:"


def test_lists_of_one_numbering_count_on_and_a_start_override_restarts():
    numbering = _numbering()
    texts = [numbering.number(_paragraph(num), None).text for num in ("2", "2", "3", "3", "4")]
    assert texts == ["1.", "2.", "1.", "2.", "3."]


def test_bullet_levels_letters_and_roman_numbers():
    numbering = _numbering()
    bullet = numbering.number(_paragraph("2", 1), None)
    assert (bullet.text, bullet.bullet) == ("\u2013", True)
    assert [numbering.number(_paragraph("5", level), None).text for level in (0, 1, 1, 0)] == [
        "III.",
        "a)",
        "b)",
        "IV.",
    ]


def test_a_paragraph_without_numbering_or_an_unknown_list_has_no_number():
    numbering = _numbering()
    assert numbering.number(_paragraph(), None) is None
    assert numbering.number(_paragraph("9"), None) is None
    assert Numbering(None, {}).number(_paragraph("1"), None) is None


_PRINTED = [
    "Het lokaal bestuur ontvangt van de Vlaamse overheid een integratiesubsidie en cofinanciert",
    "minstens een derde van dat bedrag. Daarnaast werden projectsubsidies aangevraagd binnen het",
    "plan samen met de buurgemeenten en de partners in het overleg van de hele regio samen.",
]


def _lines(texts: list[str]) -> list[Line]:
    return [Line(text, f"alinea {number}", bullet=text.startswith("\u2022")) for number, text in enumerate(texts, 1)]


def test_lines_printed_from_a_pdf_are_joined_into_their_paragraphs():
    texts = _PRINTED * 8 + [
        "3",
        "Integratieplan stad Voorbeeld 2020 - 2025",
        "De dienstverlening is vlot bereikbaar voor alle inwoners en organiseert een aanbod maatschap-",
        "pelijke oriëntatie in de eigen gemeente voor elke nieuwe inwoner die zich hier inschrijft",
        "4",
        "Integratieplan stad Voorbeeld 2020 - 2025",
        "Resultaten:",
        "1.1.1 Er is een vast onthaaltraject voor nieuwe inwoners, afgestemd tussen de diensten en het",
        "Sociaal Huis",
    ]
    blocks, notes = rejoin(_lines(texts))
    plain = [block.plain for block in blocks]
    assert plain[0] == " ".join(_PRINTED)
    assert "Integratieplan stad Voorbeeld 2020 - 2025" not in plain
    assert (
        "De dienstverlening is vlot bereikbaar voor alle inwoners en organiseert een aanbod maatschappelijke "
        "oriëntatie in de eigen gemeente voor elke nieuwe inwoner die zich hier inschrijft" in plain
    )
    assert plain[-2:] == [
        "Resultaten:",
        "1.1.1 Er is een vast onthaaltraject voor nieuwe inwoners, afgestemd tussen de diensten en het Sociaal Huis",
    ]
    assert sum(1 for note in notes if note.action.startswith("Overgeslagen: kop- of voettekst")) == 2
    assert sum(1 for note in notes if note.action.startswith("Overgeslagen: paginanummer")) == 2
    joined = [note.action for note in notes if note.action.startswith("Samengevoegd")]
    assert joined[0].startswith("Samengevoegd uit 3 regels (alinea 1 tot alinea 3)")


def test_a_document_written_in_word_keeps_its_paragraphs():
    # Whole paragraphs, titles and actions without a full stop: no sentence goes on in the next paragraph.
    texts = [" ".join(_PRINTED), "Operationele doelstelling 1.1: Nieuwe inwoners vinden hun weg", *_PRINTED[:1]] * 10
    blocks, notes = rejoin(_lines(texts))
    assert [block.plain for block in blocks] == texts
    assert notes == []


def test_a_list_kept_as_a_list_style_counts_with_the_levels_it_links_to():
    numbering = _numbering()
    texts = [numbering.number(_paragraph("6", level), None).text for level in (0, 1, 1, 0, 1)]
    # Legal numbering shows "I." as 1; lvlRestart 0: the second level counts on under the next first level.
    assert texts == ["I.", "1.1", "1.2", "II.", "2.3"]


def test_a_title_with_a_bold_run_in_label_keeps_the_paragraph_under_it_apart():
    texts = _PRINTED * 8 + [
        "**Actie 1: **Ondersteunen van de rubriek Welkom in de gemeente in het infoblad van de stad",
        "De activiteit vindt plaats in het dienstencentrum en is gratis voor alle deelnemers van de",
        "cursus.",
    ]
    blocks, _ = rejoin(_lines(texts))
    assert [block.plain for block in blocks][-2:] == [
        "Actie 1: Ondersteunen van de rubriek Welkom in de gemeente in het infoblad van de stad",
        "De activiteit vindt plaats in het dienstencentrum en is gratis voor alle deelnemers van de cursus.",
    ]
