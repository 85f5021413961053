"""What the import recognises in a line: objective headings, field labels and timing lines."""

from __future__ import annotations

import re

from workbook.plan.timing import parse_timing

# "Concreet plannen we de volgende acties:": a sentence that announces the actions under it.
ACTIONS_ANNOUNCED = re.compile(r"^.{0,60}\b(?:acties|activiteiten|maatregelen)\s*:$", re.IGNORECASE)
CONTENTS = re.compile(
    r"^(?:inhoud|inhoudstafel|inhoudsopgave|inhoudstabel|op\s+deze\s+pagina|in\s+dit\s+document|inhoud\s+van\s+deze"
    r"\s+pagina)\s*:?$",
    re.IGNORECASE,
)
# A line of a typed table of contents: "1 Inleiding 3", "2. Omgevingsanalyse ........ 6".
CONTENTS_LINE = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?([^\d.][^\t]*?)[\s.\u2026]*\s(\d{1,3})$")
TYPED_CHAPTER = re.compile(r"^\d{1,2}\.?\s+([A-Za-z\u00c0-\u017f].*)$")
ROMAN_CHAPTER = re.compile(r"^(?:[IVX]{1,4})\.\s+([A-Za-z\u00c0-\u017f].*)$")
RESULT_LABELLED = re.compile(
    r"^(?:(?:beoogd|verwacht|gewenst)\s+)?resultaat\s+(\d{1,2}\.\d{1,2}\.\d{1,2})\.?(?:\s*[:\-\u2013|]\s*|\s+)(.*)$",
    re.IGNORECASE | re.DOTALL,
)
RESULT = re.compile(r"^(\d{1,2}\.\d{1,2}\.\d{1,2})\.?\)?\s+(.*)$", re.DOTALL)
DOMAIN = re.compile(r"^domein\s*:\s*(.*)$", re.IGNORECASE | re.DOTALL)
DOMAIN_BEFORE_HEADING = re.compile(
    r"^domein\s*:\s*(.*?)\s+((?:operationele|strategische)\s+doelstelling.*)$", re.IGNORECASE | re.DOTALL
)
# A label line that names the objective its items belong to: "Indicatoren bij doelstelling II", "Acties van OD 1.2".
LEVEL_REFERENCE = re.compile(
    r"^(indicatoren|indicator|acties|resultaten)\s+(?:bij|van|voor|onder)\s+(?:de\s+|het\s+)?"
    r"(?:strategische\s+|operationele\s+)?(?:doelstelling|doel|sd|od|actieplan)\s*"
    r"(\d{1,2}(?:\.\d{1,2})?|[IVX]{1,4}(?:\.\d{1,2})?)\s*:?$",
    re.IGNORECASE,
)
SEE_ALSO = re.compile(r"^zie\s+ook\s*:?\s*(.*)$", re.IGNORECASE | re.DOTALL)
FRONT_MUNICIPALITY = re.compile(r"^(?:stad|gemeente|lokaal bestuur)(?:\s+en\s+ocmw)?\s+(\S.{0,40})$", re.IGNORECASE)
AUTHOR = re.compile(r"^opgesteld\s+door\s*:?\s*(.+)$", re.IGNORECASE)
FICTION = re.compile(r"^fictieve\s+gegevens\.\s*(.+)$", re.IGNORECASE | re.DOTALL)
PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*[-\u2013]\s*((?:19|20)\d\d)\b")
# A line that only gives the period: "2020 – 2025", "Planperiode 2020-2025".
PERIOD_LINE = re.compile(
    r"^(?:(?:plan|beleids)?periode\s*:?\s*)?((?:19|20)\d\d)\s*[-\u2013]\s*((?:19|20)\d\d)$", re.IGNORECASE
)
# The gemeente and the period in running text or a running header: "De gemeente Lebbeke wil", "beleidsplan 2020 – 2025".
RUNNING_MUNICIPALITY = re.compile(r"\b(?:[Ss]tad|[Gg]emeente)\s+(?:en\s+OCMW\s+)?((?:(?:De|Den|La|Le)\s+)?[A-Z][\w-]+)")
RUNNING_PERIOD = re.compile(
    r"\b(?:\w*plan|planperiode|periode)\s+((?:19|20)\d\d)\s*[-\u2013]\s*((?:19|20)\d\d)\b", re.IGNORECASE
)
# Lines that are layout, not content: separator lines and page numbers ("pagina 3 van 40", "- 12 -", "3/40").
SEPARATOR = re.compile(r"^[\s\-\u2010-\u2015_=~*\u2500-\u257f\u00b7.\u2022]{3,}$")
# A lone number has at most three digits: "2012" on its own line is a timing.
# A link back to the top of a page pasted from a website: "Terug naar boven", "↑ Naar de inhoud".
NAVIGATION = re.compile(
    r"^[\u2191^\s]*(?:(?:terug\s+)?naar\s+(?:boven|het\s+begin|(?:de\s+)?(?:top|inhoud|inhoudstafel|inhoudsopgave))"
    r"|lees\s+(?:meer|verder))[\s\u2191^.\u203a>\u00bb]*$",
    re.IGNORECASE,
)
# A note of the writers, not of the plan: "Opmerking redactie: ...", "Nota voor de redactie:", "TODO: ...",
# "Geschrapt door de gemeenteraad van ..." under what the council struck through.
EDITORIAL = re.compile(
    r"^(?:\*\*)?(?:(?:opmerking|nota|noot)\s+(?:voor\s+)?(?:de\s+)?redactie\b|todo\b|geschrapt\s+(?:door|op)\b)",
    re.IGNORECASE,
)
# What a Word template shows until it is filled in: "Klik of tik om tekst in te voeren.", "Vul het budget in.".
TEMPLATE_PLACEHOLDER = re.compile(
    r"^(?:klik\s+of\s+tik\s+(?:hier\s+)?om\s+\S+(?:\s+\S+)?\s+in\s+te\s+voeren|click\s+or\s+tap\s+(?:here\s+)?to\s+enter\b.*"
    r"|typ\s+hier\b.*|vul\s+(?:hier\s+)?(?:het|de|een)?\s*\S+\s+in)\.?$",
    re.IGNORECASE,
)
PAGE_NUMBER = re.compile(
    r"^(?:(?:pagina|blz\.?|p\.)\s*\d{1,4}(?:\s*(?:van|/)\s*\d{1,4})?"
    r"|[-\u2013]?\s*\d{1,3}\s*[-\u2013]?|\d{1,4}\s*/\s*\d{1,4})$",
    re.IGNORECASE,
)
# The title of a budget table in the plan document of planrapport: "Elk jaar van 2011 tot en met 2013", "2012".
# A bold line over a budget table amid the objectives: "Budget strategische doelstelling 1", "Begroting OD 1.2".
BUDGET_CAPTION = re.compile(
    r"^(?:budget|begroting|financiering|kostenraming)(?:\s+(?:van|voor|bij))?\s+(?:de\s+|het\s+)?"
    r"(?:strategische\s+|operationele\s+)?(?:doelstelling|doel|sd|od|actieplan)\s*[0-9IVX.]{1,8}\s*:?$",
    re.IGNORECASE,
)
BUDGET_TITLE = re.compile(
    r"^(?:elk\s+jaar\s+van\s+(?:19|20)\d\d\s+tot\s+en\s+met\s+(?:19|20)\d\d|(?:19|20)\d\d"
    r"|zonder\s+jaartal)$",
    re.IGNORECASE,
)
REPORT_YEAR = re.compile(
    r"^(?:opvolging|rapportjaar|jaarrapport|stand van zaken|voortgangsrapport)\s*:?\s*((?:19|20)\d\d)$", re.IGNORECASE
)

# Label lines: name -> words (casefolded, without a trailing colon). The import consumes them as structure.
LABELS: dict[str, tuple[str, ...]] = {
    "motivation": (
        "motivering - duiding",
        "motivering",
        "duiding",
        "visie",
        "motivatie",
        "toelichting",
        "motivering en duiding",
        "waarom",
        "waarom?",
    ),
    "results": (
        "resultaten",
        "resultaat",
        "verwachte resultaten",
        "verwacht resultaat",
        "beoogde resultaten",
        "beoogd resultaat",
        "wat willen we bereiken?",
        "resultaten en acties",
        "resultaten & acties",
        "resultaten en activiteiten",
        "resultaten met acties",
    ),
    "evaluation": (
        "wijze en tijdstip evaluatie",
        "wijze en tijdstip van evaluatie",
        "wijze & tijdstip evaluatie",
        "wijze en tijdstip evaluatie / indicatoren",
        "wijze & tijdstip evaluatie / indicatoren",
        "evaluatie",
        "indicatoren",
        "indicator",
        "prestatie-indicator",
        "prestatie-indicatoren",
        "hoe meten we het?",
        "hoe meten we dat?",
        "hoe meten we dit?",
        "meetmoment",
        "wijze van evaluatie",
        "wijze van opvolging",
        "tijdstip van evaluatie",
        "meetbaar via",
        "meetbaar aan",
        "gemeten via",
        "opvolging",
    ),
    "actions": ("acties", "actie", "activiteiten", "wat doen we?", "initiatieven", "maatregelen", "projecten"),
    "section": ("actieplannen", "beleidsdoelstellingen"),
    "description": ("omschrijving", "beschrijving"),
    "status": ("status",),
    "progress": ("stand van zaken (toelichting)", "stand van zaken"),
    "progress_colour": ("stand van zaken (indicator)",),
    "time": ("tijd",),
    "time_colour": ("tijd (indicator)",),
    "money": ("geld",),
    "money_colour": ("geld (indicator)",),
    "timing": ("tijdstip", "timing", "planning", "termijn", "periode", "wanneer"),
    "lead": ("trekker", "verantwoordelijke", "wie"),
    "partners": ("partners", "met wie"),
    "budget": ("budget", "budget/personeelsinzet", "middelen", "kostprijs"),
    "contact": ("contact",),
    "operational": ("operationele doelstelling",),
}
# Labels only with their text after the colon ("Opvolging: jaarverslag"): alone on a line they are a chapter title.
_INLINE_ONLY = {"opvolging"}
_BY_WORDS = {words: name for name, all_words in LABELS.items() for words in all_words}
_LABEL = re.compile(r"^([^:]{2,60}?)\s*:\s*(.*)$", re.DOTALL)
_QUESTION = re.compile(
    r"^(wat willen we bereiken\?|wat doen we\?|hoe meten we (?:het|dat|dit)\?)\s*(.*)$", re.IGNORECASE | re.DOTALL
)
# "..., wijze en tijdstip van evaluatie: ..." at the end of a result's line, "Indicator: ..." after its text.
INLINE_EVALUATION = re.compile(
    r"^(.*?)[\s,.;\u2013(-]*\b((?:wijze\s*(?:en|&)\s*tijdstip(?:\s+van)?\s+evaluatie|"
    r"indicator(?:en)?)\s*:\s*)(.*)$",
    re.IGNORECASE | re.DOTALL,
)
# Labels in an action's line: "title – Timing: 2025 – Trekker: Dienst Welzijn – Partners: ... – Budget: € 2.500".
INLINE_FIELDS = re.compile(
    r"\s*(?:[\u2013;.,|\u00b7]|\s-|\t)\s*\b(timing|tijdstip|planning|termijn|periode|wanneer|trekker|"
    r"verantwoordelijke|met wie|wie|partners|budget|middelen|kostprijs|contact)\s*:\s*",
    re.IGNORECASE,
)
# The columns of Acties the inline labels fill.
ACTION_COLUMNS = {"lead": "Trekker", "partners": "Partners", "budget": "Budget/personeelsinzet", "contact": "Contact"}
TABLE_HEADERS = {"resultaten", "resultaat", "acties", "actie", "omschrijving", "indicator", "indicatoren"}


# The tail "(Trekker: Dienst X)" or "(Timing: 2027)" of an action: its fields, not its title.
FIELDS_IN_BRACKETS = re.compile(
    r"\s*\((timing|tijdstip|planning|termijn|trekker|verantwoordelijke|partners|budget)"
    r"\s*:\s*([^()]*)\)\s*$",
    re.IGNORECASE,
)


# A heading numbered without a label: "1. title", "1.1. title", "A. title", "A.1 title", "II. title".
NUMBER_SHAPE = re.compile(r"^((?:\d{1,2}|[A-Z]|[IVX]{1,4})(?:\.\d{1,2})?)(?:\.\s*|\s+)(\S.*)$", re.DOTALL)
TIMING_IN_BRACKETS = re.compile(r"\s*\(([^()]{1,40})\)\s*$")


_TRAILING_MARK = re.compile(r"\s*(?:\*\*)?\s*\(\s*(prioritair|niet[- ]prioritair)\s*\)\s*(?:\*\*)?\s*$", re.IGNORECASE)


def without_mark(title: str) -> tuple[str, str]:
    """A title without the mark at its end, and the mark: "Taalcafé (prioritair)" -> ("Taalcafé", "prioritair")."""
    match = _TRAILING_MARK.search(title)
    return (title[: match.start()].rstrip(), match.group(1)) if match else (title, "")


_CHECKED = re.compile(r"[\u2612\u2611\u2714]\s*([^\u2610\u2612\u2611\u2714]+)")


def checked(text: str) -> str:
    """The options ticked in a row of check boxes, "☐ Werk ☒ Samenleven ☐ Welzijn" -> "Samenleven"; other text as it
    is."""
    if "\u2610" not in text and not _CHECKED.search(text):
        return text
    return ", ".join(option.strip(" ,;") for option in _CHECKED.findall(text))


def inline_evaluation(text: str) -> tuple[str, str] | None:
    """(text before, evaluation) of "result, wijze en tijdstip van evaluatie: ..." or "result (indicator: ...)"; the
    bracket around the evaluation dropped. None when the line has no such label after other text."""
    match = INLINE_EVALUATION.match(text)
    if match is None or not match.group(1).strip("* "):
        return None
    evaluation = match.group(3).strip()
    if evaluation.endswith(")") and evaluation.count(")") > evaluation.count("("):
        evaluation = evaluation[:-1].rstrip()
    return match.group(1), evaluation


def not_content(plain: str, in_table: bool = False) -> str | None:
    """ "scheidingslijn", "paginanummer" or a link to the top for a line that is only layout, else None; in a
    table cell a lone number is a value."""
    text = plain.strip()
    if SEPARATOR.match(text) and not any(c.isalnum() for c in text):
        return "scheidingslijn"
    if PAGE_NUMBER.match(text) and not (in_table and text[:1].isdigit() and "/" not in text):
        return "paginanummer"
    if NAVIGATION.match(text):
        return "koppeling om in het document te navigeren"
    if EDITORIAL.match(text):
        return "een notitie van wie het plan schreef"
    if TEMPLATE_PLACEHOLDER.match(text):
        return "tekst van het sjabloon die nog ingevuld moet worden"
    return None


def without_period(text: str) -> str:
    """A title without the period it names: "Integratiebeleidsplan 2012-2014" -> "Integratiebeleidsplan"."""
    return PERIOD.sub("", text).strip(" -\u2013:,")


def label(text: str) -> tuple[str, str] | None:
    """(label name, text after the colon) for a label line such as "Status" or "Resultaten: ..."."""
    plain = " ".join(text.replace("**", "").split())
    words = plain.casefold().rstrip(":").strip()
    name = _BY_WORDS.get(words)
    if name and words not in _INLINE_ONLY:
        return name, ""
    match = _QUESTION.match(plain)
    if match:
        return _BY_WORDS[match.group(1).casefold()], match.group(2)
    match = _LABEL.match(plain)
    if match:
        name = _BY_WORDS.get(match.group(1).casefold().strip())
        if name:
            return name, _strip_bold_prefix(text, match.group(1))
    return None


def _strip_bold_prefix(text: str, words: str) -> str:
    """The text after "Label:", keeping the bold markup of the rest."""
    rest = text.split(":", 1)[1].strip()
    if rest.startswith("**") and rest.count("**") % 2:
        rest = rest[2:].strip()
    return rest


def timing_line(text: str, marked: bool) -> str | None:
    """The timing of a line such as "Jaarlijks:" or "Vanaf 2012:" (a heading over bullets), else None."""
    plain = " ".join(text.replace("**", "").split())
    if len(plain) > 40 or not (plain.endswith(":") or marked):
        return None
    stripped = plain.rstrip(":").strip()
    timing = parse_timing(stripped, None, None)
    if timing.rubric or timing.measurement or (timing.years is not None and stripped):
        return stripped
    return None


def _is_timing(text: str) -> bool:
    """A period such as "najaar 2026", "vanaf 2027", "per 2 jaar"; not a measurement such as "nulmeting"."""
    timing = parse_timing(text.strip(), None, None)
    return not timing.measurement and bool(timing.rubric or timing.years is not None)


def timing_prefix(text: str) -> str | None:
    """The timing before the colon of "Jaarlijks: aantal deelnemers" (a year or a yearly word), else None."""
    prefix = text.split(":", 1)[0].strip()
    if not re.search(r"\d{4}|jaarlijks|norm|trend", prefix, re.IGNORECASE):
        return None
    return timing_line(prefix + ":", True)


def is_table_header(texts: list[str]) -> bool:
    words = [" ".join(t.casefold().split()).rstrip(":") for t in texts if t.strip()]
    return bool(words) and all(w in TABLE_HEADERS or w.startswith("wijze") for w in words)


def split_fields(text: str) -> tuple[str, dict[str, str]]:
    """The title and the labelled fields of a line such as "title – Timing: 2025 – Trekker: Dienst Welzijn"."""
    fields = {}
    while match := FIELDS_IN_BRACKETS.search(text):
        fields[_BY_WORDS[match.group(1).casefold()]] = match.group(2).strip().rstrip(".;").strip()
        text = text[: match.start()]
    if (match := TIMING_IN_BRACKETS.search(text)) and _is_timing(match.group(1)):
        fields.setdefault("timing", match.group(1).strip())  # "title (najaar 2026)", "title (vanaf 2027)"
        text = text[: match.start()]
    elif (match := _LEAD_AND_TIMING.search(text)) and _is_timing(match.group(2)):
        fields.setdefault("lead", match.group(1).strip())  # "title (Dienst Welzijn, 2028)"
        fields.setdefault("timing", match.group(2).strip())
        text = text[: match.start()]
    pieces = INLINE_FIELDS.split(text)
    for index in range(1, len(pieces) - 1, 2):
        value = pieces[index + 1].strip().rstrip(".;").strip()
        head, dash, tail = value.rpartition(" \u2013 ")
        if dash and "timing" not in fields and _is_timing(tail):
            value = head.strip()  # "trekker: Dienst X – 2026-2028": the period after the last field is its timing
            fields.setdefault("timing", tail.strip())
        fields[_BY_WORDS[pieces[index].casefold()]] = value
    return pieces[0].strip(), fields


_LEAD_AND_TIMING = re.compile(r"\s*\(([^(),]{2,60}),\s*([^(),]{2,30})\)\s*$")


def detail_fields(text: str) -> dict[str, str] | None:
    """The fields of a line of labels only, "Timing: 2020-2025 – Trekker: Personeelsdienst" or with tabs between
    them "Trekker: X<tab>Timing: Y"; a field given as "/" is not known and left out. None for other lines."""
    found = label(text)
    if found is None or found[0] not in ("timing", *ACTION_COLUMNS):
        return None
    name, rest = found
    if not rest.strip():
        return {name: ""}  # the label alone: its value is the next line
    pieces = _DETAIL_FIELDS.split(rest)
    fields = {name: pieces[0]}
    for index in range(1, len(pieces) - 1, 2):
        fields[_BY_WORDS[pieces[index].casefold()]] = pieces[index + 1]
    known = {}
    for key, raw in fields.items():
        value, more = split_fields(raw)
        for field, found_value in {key: value, **more}.items():
            found_value = found_value.strip().rstrip(".;,|\u00b7\u2013").strip()
            if found_value and found_value not in _UNKNOWN:
                known[field] = found_value
    return known


# Between the fields of a line of labels only, a space is enough: "Trekker: Bibliotheek Timing: 2027".
_DETAIL_FIELDS = re.compile(
    r"\s+\b(timing|tijdstip|planning|termijn|periode|wanneer|trekker|verantwoordelijke|met wie|wie|partners|budget|"
    r"middelen|kostprijs|contact)\s*:\s*",
    re.IGNORECASE,
)
_UNKNOWN = {"/", "-", "\u2013", "?", "n.v.t", "nvt", "onbekend"}
