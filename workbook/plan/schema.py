"""The plan workbook's sheets and columns: one definition for the template, the reader and the writers."""

from __future__ import annotations

from dataclasses import dataclass

from workbook.plan.model import NUMBERINGS


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    width: int = 14
    kind: str = "text"  # text | long | number | year | code
    list_name: str = ""
    required: bool = False
    # The year report's figures depend on it: a missing column is an error, not a warning.
    essential: bool = False
    hint: str = ""  # shown by Excel when a cell of the column is selected
    # Read when present, never noted when absent, not in a fresh workbook (only in one made by nieuw-plan).
    optional: bool = False


@dataclass(frozen=True)
class Sheet:
    name: str
    table: str
    title: str
    hint: str
    columns: tuple[Column, ...]

    def column(self, field: str) -> Column:
        return next(c for c in self.columns if c.field == field)


@dataclass(frozen=True)
class Setting:
    key: str
    field: str
    kind: str
    explanation: str
    list_name: str = ""


HEADER_ROW = 3
HEADER_SCAN_ROWS = 12  # the header row is looked for in the first rows, for sheets with rows added above
FIRST_DATA_ROW = HEADER_ROW + 1
TEMPLATE_ROWS = 500  # rows the drop-downs cover beyond the data

SETTINGS_SHEET = "Instellingen"
LISTS_SHEET = "Lijsten"
GUIDE_SHEET = "Uitleg"
CHECK_SHEET = "Controle"
TRENDS_SHEET = "Trends"
COLLECTED_SHEET = "Verzameld"
SUBMITTED_SHEET = "Ingediend"
REQUESTED_SHEET = "Uitgevraagd"

SETTINGS: tuple[Setting, ...] = (
    Setting("Gemeente", "municipality", "text", "Naam van de gemeente of stad, zoals ze op het rapport komt."),
    Setting("Titel van het plan", "title", "text", "Bijvoorbeeld 'Integratiebeleidsplan 2011-2013'."),
    Setting("Beginjaar", "start_year", "year", "Eerste jaar van de planperiode."),
    Setting("Eindjaar", "end_year", "year", "Laatste jaar van de planperiode."),
    Setting("Rapportjaar", "report_year", "year", "Het jaar waarover het jaarrapport gaat."),
    Setting(
        "Nummering",
        "numbering",
        "text",
        "'klassiek' (SD 1, OD 1.1, resultaat 1.1.1, actie 1.1.1.1), 'klassiek zonder resultaten' (SD 1, OD 1.1, "
        "actie 1.1.1) of 'BBC' (BD109, AP1090, A10900).",
        "Nummering",
    ),
    Setting(
        "Minimale cofinanciering",
        "cofinancing_min",
        "number",
        "Deel van de Vlaamse subsidie dat de gemeente minstens zelf betaalt, bv. 1/3.",
    ),
    Setting("Opgesteld door", "author", "text", "Dienst of persoon die het rapport opstelt."),
    Setting(
        "Fictieve gegevens",
        "fictitious_note",
        "text",
        "Alleen voor voorbeelden: een zin die zegt welke gegevens verzonnen zijn. Leeg laten in een echt plan.",
    ),
    Setting(
        "Sjabloon jaarrapport",
        "report_template",
        "text",
        "Pad naar een eigen Word-sjabloon in de huisstijl van de gemeente. Leeg = standaardsjabloon.",
    ),
    Setting(
        "Sjabloon beleidsplan",
        "plan_template",
        "text",
        "Pad naar een eigen Word-sjabloon voor het beleidsplan. Leeg = standaardsjabloon.",
    ),
)

LISTS: dict[str, tuple[str, ...]] = {
    "Status": ("Niet gestart", "In voorbereiding", "In uitvoering", "Afgerond", "Stopgezet"),
    "Tijd": ("Op schema", "Vertraagd", "Uitgesteld"),
    "Kleur": ("groen", "oranje", "rood"),
    "Soort": ("kwantitatief", "beschrijvend"),
    "Eenheid": ("aantal", "percentage", "euro", "uren", "dagen", "personen"),
    "Gewenste richting": ("stijgen", "dalen", "behouden"),
    "Soort financiering": ("Vlaamse subsidie", "Eigen middelen gemeente", "Andere subsidie", "Andere"),
    "Nummering": NUMBERINGS,
    "Bijsturing": (
        "actie toegevoegd",
        "actie stopgezet",
        "actie verschoven",
        "streefwaarde gewijzigd",
        "tijdstip gewijzigd",
        "doelstelling herschreven",
        "ander",
    ),
    "Beslist door": ("gemeenteraad", "college van burgemeester en schepenen", "andere"),
}
_IN_UNIT = "In de eenheid van de indicator; een percentage als 45 of 45%."
# Words in these lists that mean an action is off schedule and needs an explanation.
OFF_TRACK = {"vertraagd", "uitgesteld", "stopgezet", "rood"}

# At the end of the period: "ja" or "nee" marks what goes into the next plan (empty: what still runs), and the
# code an item had in the previous plan, so that two periods can be linked.
CONTINUES = Column(
    "Loopt door",
    "continues",
    10,
    optional=True,
    hint=("ja of nee: gaat dit mee naar het volgende plan (planrapport nieuw-plan)? Leeg: ja als het nog loopt."),
)
PREVIOUS_CODE = Column(
    "Code vorig plan",
    "previous_code",
    13,
    "code",
    optional=True,
    hint="De code in het vorige plan; planrapport nieuw-plan vult ze in.",
)
NEXT_PLAN_COLUMNS = (CONTINUES, PREVIOUS_CODE)

OBJECTIVES = Sheet(
    "Doelstellingen",
    "tblDoelstellingen",
    "Doelstellingen",
    "Eén rij per strategische (1 of BD109) en operationele doelstelling (1.1 of AP1090).",
    (
        Column("Code", "code", 10, "code", required=True),
        Column("Titel", "title", 60, "long", required=True),
        Column("Motivering", "motivation", 70, "long"),
        Column("Domein", "domain", 24),
        *NEXT_PLAN_COLUMNS,
    ),
)
RESULTS = Sheet(
    "Resultaten",
    "tblResultaten",
    "Resultaten",
    "Eén rij per verwacht resultaat, genummerd onder zijn doelstelling: 1.1.1, 1.1.2, ...",
    (
        Column("Code", "code", 10, "code", required=True),
        Column("Resultaat", "text", 90, "long", required=True),
        *NEXT_PLAN_COLUMNS,
    ),
)
ACTIONS = Sheet(
    "Acties",
    "tblActies",
    "Acties",
    "Eén rij per actie: code onder haar resultaat (1.1.1.1) of actieplan (A10900), timing zoals in het plan.",
    (
        Column("Code", "code", 11, "code", required=True),
        Column("Tijdstip", "timing", 16, essential=True),
        Column("Actie", "title", 60, "long", required=True),
        Column("Omschrijving", "description", 60, "long"),
        Column("Trekker", "lead", 18),
        Column("Partners", "partners", 22, "long"),
        Column("Budget/personeelsinzet", "budget", 20),
        Column("Contact", "contact", 20),
        Column("Zie ook", "see_also", 30, "long"),
        *NEXT_PLAN_COLUMNS,
    ),
)
FOLLOW_UP = Sheet(
    "Opvolging",
    "tblOpvolging",
    "Opvolging per jaar",
    "Eén rij per actie en jaar. Zet woorden vet in de cel of tussen **sterretjes**.",
    (
        Column("Actie", "action_code", 11, "code", required=True),
        Column("Jaar", "year", 8, "year", required=True),
        Column("Status", "status", 16, list_name="Status", essential=True),
        Column("Stand van zaken", "progress", 70, "long", essential=True),
        Column("Stand van zaken (indicator)", "progress_colour", 12, list_name="Kleur", essential=True),
        Column("Tijd", "time", 13, list_name="Tijd", essential=True),
        Column("Tijd (indicator)", "time_colour", 12, list_name="Kleur", essential=True),
        Column("Geld", "money", 30, "long", essential=True),
        Column("Geld (indicator)", "money_colour", 12, list_name="Kleur", essential=True),
    ),
)
INDICATORS = Sheet(
    "Indicatoren",
    "tblIndicatoren",
    "Indicatoren en evaluatie",
    "Eén rij per indicator of evaluatieregel. Code: code van resultaat of actie + -I1, -I2, ...",
    (
        Column("Code", "code", 13, "code", required=True),
        Column("Tijdstip", "timing", 16),
        Column("Indicator", "text", 60, "long", required=True),
        Column("Soort", "kind", 14, list_name="Soort", essential=True),
        Column("Eenheid", "unit", 11, list_name="Eenheid", essential=True),
        Column("Gewenste richting", "direction", 12, list_name="Gewenste richting", essential=True),
        Column("Norm", "norm", 30, "long"),
        Column("Nulmeting jaar", "baseline_year", 10, "year", essential=True),
        Column("Nulmeting waarde", "baseline_value", 11, "number", essential=True, hint=_IN_UNIT),
        Column("Streefjaar", "target_year", 10, "year", essential=True),
        Column("Streefwaarde", "target_value", 11, "number", essential=True, hint=_IN_UNIT),
        Column("Toelichting", "note", 40, "long"),
        *NEXT_PLAN_COLUMNS,
    ),
)
MEASUREMENTS = Sheet(
    "Metingen",
    "tblMetingen",
    "Metingen",
    "Eén rij per indicator en periode. Voeg elk jaar nieuwe rijen toe. Periode: 2022 of 2021 (juni-december).",
    (
        Column("Indicator", "indicator_code", 13, "code", required=True),
        Column("Periode", "period", 20, required=True),
        Column(
            "Waarde",
            "value",
            11,
            "number",
            essential=True,
            hint=(
                "Het cijfer in de eenheid van de indicator: een aantal (1168), een bedrag, of bij eenheid 'percentage' "
                "het percentage (22,4 of 22,4%). Een aandeel naast een aantal hoort in kolom Aandeel."
            ),
        ),
        Column(
            "Aandeel",
            "share",
            10,
            "number",
            essential=True,
            hint=(
                "Alleen naast een aantal in Waarde: welk deel dat is, in procent (52 of 52%). Is de indicator zelf een "
                "percentage, zet het dan in Waarde."
            ),
        ),
        Column("Bron", "source", 22),
        Column("Opmerking", "note", 50, "long"),
    ),
)
BUDGET = Sheet(
    "Begroting",
    "tblBegroting",
    "Begroting",
    "Eén rij per kostenpost en jaar: gepland bedrag en (achteraf) besteed bedrag, in euro.",
    (
        Column("Jaar", "year", 8, "year", required=True),
        Column("Soort financiering", "funding_kind", 20, list_name="Soort financiering", essential=True),
        Column("Financier", "funder", 24),
        Column("Omschrijving", "description", 40, "long", required=True),
        Column("Gepland", "planned", 13, "number", essential=True),
        Column("Besteed", "spent", 13, "number", essential=True),
        Column("Opmerking", "note", 40, "long"),
    ),
)

# Written by `planrapport importeren` only (template.add_sheet), not part of a fresh workbook.
CHAPTERS = Sheet(
    "Hoofdstukken",
    "tblHoofdstukken",
    "Vrije hoofdstukken",
    "Eén rij per hoofdstuk buiten de doelstellingen (inleiding, omgevingsanalyse, missie en visie). "
    "Plaats: 'voor' of 'na' de doelstellingen in het beleidsplan.",
    (
        Column("Titel", "title", 40, "long", required=True),
        Column("Tekst", "text", 100, "long"),
        Column("Plaats", "position", 10),
    ),
)
IMPORT = Sheet(
    "Import",
    "tblImport",
    "Import uit Word",
    "Wat de import niet kon plaatsen of op een gok plaatste. Kijk elke rij na; wis het blad als alles klopt.",
    (
        Column("Plaats in het document", "position", 24),
        Column("Tekst", "text", 80, "long", required=True),
        Column("Wat de import deed", "action", 60, "long"),
    ),
)

# In every fresh workbook, but an older workbook without it is read as before, without a note.
ADJUSTMENTS = Sheet(
    "Bijsturing",
    "tblBijsturing",
    "Bijsturing van het plan",
    "Eén rij per wijziging die de gemeenteraad of het college tijdens de planperiode aan het plan besliste.",
    (
        Column("Datum", "day", 12, "date", required=True, hint="De datum van de beslissing, bv. 12/03/2024."),
        Column(
            "Code",
            "code",
            13,
            "code",
            required=True,
            hint="De code van de doelstelling, het resultaat, de actie of de indicator die wijzigde.",
        ),
        Column("Wat", "kind", 22, list_name="Bijsturing", required=True),
        Column("Van", "previous", 24, "long", hint="Wat er eerst stond: de oude streefwaarde, het oude tijdstip."),
        Column("Naar", "new", 24, "long", hint="Wat er nu staat: de nieuwe streefwaarde, het nieuwe tijdstip."),
        Column("Beslist door", "decided_by", 20, list_name="Beslist door"),
        Column("Reden", "reason", 60, "long"),
    ),
)

DATA_SHEETS: tuple[Sheet, ...] = (OBJECTIVES, RESULTS, ACTIONS, FOLLOW_UP, INDICATORS, MEASUREMENTS, BUDGET)
IMPORTED_SHEETS: tuple[Sheet, ...] = (CHAPTERS, IMPORT)
REQUIRED_SHEETS = (SETTINGS_SHEET, OBJECTIVES.name, ACTIONS.name)
# Sheets planrapport writes or explains itself: never reported as "not read".
OWN_SHEETS = (
    LISTS_SHEET,
    GUIDE_SHEET,
    CHECK_SHEET,
    TRENDS_SHEET,
    COLLECTED_SHEET,
    SUBMITTED_SHEET,
    REQUESTED_SHEET,
    ADJUSTMENTS.name,
    *(s.name for s in IMPORTED_SHEETS),
)
# Settings without which the documents have no name, title or period.
REQUIRED_SETTINGS = ("municipality", "title", "start_year", "end_year", "report_year")


def list_range_name(list_name: str) -> str:
    """The defined name of a list on the Lijsten sheet ("Gewenste richting" -> "lijst_gewenste_richting")."""
    return "lijst_" + list_name.casefold().replace(" ", "_")


def normalize_header(text: object) -> str:
    return " ".join(str(text or "").split()).casefold()
