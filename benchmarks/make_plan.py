"""Seeded synthetic plan workbooks of a given size (klein, typisch, stad, groot), written through the template."""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reporting.figures.formatting import number

# Words and phrases taken from the seed plans (Waregem 2011-2013, Denderleeuw 2023, the good-practice guide).
GROUPS = (
    "burgers van diverse herkomst",
    "nieuwe inwoners van buitenlandse herkomst",
    "anderstalige ouders",
    "mensen in armoede",
    "erkende vluchtelingen",
    "niet-begeleide minderjarige vreemdelingen",
    "jongeren van buitenlandse herkomst",
    "kortgeschoolde werkzoekenden",
    "senioren van diverse herkomst",
    "zelforganisaties van etnisch-culturele minderheden",
    "niet-georganiseerde jongeren",
    "anderstalige nieuwkomers",
    "werkzoekenden van allochtone herkomst",
    "laaggeletterde volwassenen",
    "gezinnen met jonge kinderen",
)
THEMES = (
    "samenleven in diversiteit",
    "inclusief communiceren",
    "polarisatie",
    "taalpromotie",
    "cultuurparticipatie",
    "diversiteit op de werkvloer",
    "toeleiding naar jeugdwerk",
    "het onthaal van nieuwkomers",
    "sociaal tolken",
    "drempelverlagend werken",
    "laaggeletterdheid",
    "kinderarmoede",
    "racisme en discriminatie",
    "het Nederlands als speeltaal",
    "betaalbaar wonen",
    "psychosociaal welzijn",
    "gelijke onderwijskansen",
    "vrijwilligerswerk",
    "interlevensbeschouwelijke dialoog",
    "toegankelijke dienstverlening",
)
DOMAINS = (
    "algemeen beleid",
    "interne tewerkstelling",
    "tewerkstelling extern",
    "dienstverlening",
    "bestuurlijk draagvlak",
    "communicatie en beeldvorming",
    "onderwijs",
    "huisvesting",
    "welzijn",
    "vrije tijd",
    "taalbeleid",
    "levensbeschouwing",
    "participatie",
)
PARTNERS = (
    "het OCMW",
    "het CAW",
    "Samana",
    "SAAMO",
    "Uit De Marge",
    "vzw PIN",
    "De Geburen",
    "het Agentschap Integratie en Inburgering",
    "de lokale werkwinkel",
    "het Huis van het Nederlands",
    "VDAB",
    "de Denderleeuwse scholen",
    "het verenigingsplatform",
    "vzw Habbekrats",
    "de integratieraad",
    "de groep sleutelfiguren",
    "de bibliotheek",
    "de jeugddienst",
    "de sportdienst",
    "de cultuurdienst",
    "de personeelsdienst",
    "het Centrum voor Basiseducatie",
    "Atlas",
    "In-Gent",
    "de politiezone",
    "het sociaal verhuurkantoor",
    "het Huis van het Kind",
    "de schoolopbouwwerker",
    "Ninove en Geraardsbergen",
    "de welzijnsschakels",
    "Vluchtelingenwerk Vlaanderen",
    "de moskeevereniging",
    "de evangelische kerk",
)
SERVICES = (
    "de dienst integratie",
    "de dienst Samenleven",
    "de communicatiedienst",
    "de inclusieambtenaar",
    "de personeelsdienst",
    "het sociaal huis",
    "de dienst burgerzaken",
    "de onthaalbalie",
    "de jeugddienst",
    "de dienst vrije tijd",
    "de toeleider",
    "de brugfiguur onderwijs",
)
# (singular, plural)
ACTIVITIES = (
    ("overleg", "overlegmomenten"),
    ("vormingstraject", "vormingstrajecten"),
    ("infosessie", "infosessies"),
    ("workshop", "workshops"),
    ("taalcafé", "taalcafés"),
    ("onthaalgesprek", "onthaalgesprekken"),
    ("dienstoverschrijdende activiteit", "dienstoverschrijdende activiteiten"),
    ("sensibiliseringscampagne", "sensibiliseringscampagnes"),
    ("wegwijsfolder", "wegwijsfolders"),
    ("buurtfeest", "buurtfeesten"),
    ("netwerkmoment", "netwerkmomenten"),
    ("trajectbegeleiding", "trajecten"),
    ("enquête", "enquêtes"),
    ("diversiteitstraining", "diversiteitstrainingen"),
    ("onthaaldag", "onthaaldagen"),
    ("bustoer 'Op verkenning in je gemeente'", "bustoers"),
    ("oefenkans Nederlands", "oefenkansen Nederlands"),
    ("zomerevenement", "zomerevenementen"),
    ("huisbezoek", "huisbezoeken"),
    ("praatgroep", "praatgroepen"),
)
DOCUMENTS = (
    "afsprakennota",
    "visietekst",
    "stappenplan",
    "vormingsplan",
    "beleidsnota",
    "draaiboek",
    "samenwerkingsovereenkomst",
    "onthaalbrochure",
    "communicatieplan",
    "sociale kaart",
    "actieplan",
)
SERVICES_OFFERED = (
    "het reguliere vrijetijdsaanbod",
    "de opleidings- en tewerkstellingsprogramma's",
    "het Nederlands taalaanbod",
    "de stedelijke dienstverlening",
    "het jeugdwerk",
    "de sportclubs",
    "de kinderopvang",
    "de sociale huisvesting",
    "de loopbaanbegeleiding",
    "de bibliotheek",
    "het verenigingsleven",
    "de eerstelijnsdiensten",
)
OD_VERBS = (
    "bouwt een structurele samenwerking uit rond",
    "maakt zijn voorzieningen toegankelijker met aandacht voor",
    "ondersteunt acties rond",
    "verhoogt het bestuurlijk draagvlak voor",
    "zet actief in op",
    "versterkt de expertise rond",
    "bevordert",
    "voert een wervingsbeleid met bijzondere aandacht voor",
    "schenkt voldoende aandacht aan",
    "werkt samen met partners aan",
)
REASONS = (
    "de coronacrisis",
    "de vacante positie van de inclusieambtenaar",
    "een gebrek aan inschrijvingen",
    "de verhuizing van het sociaal huis",
    "het uitblijven van de projectsubsidie",
    "personeelswissels bij de partner",
    "de lange wachtlijst bij het Huis van het Nederlands",
    "de heraanleg van het ontmoetingscentrum",
)
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
SOURCES = (
    "Rijksregister",
    "Agentschap Integratie en Inburgering",
    "Personeelsdienst",
    "vzw PIN",
    "Werkwinkel",
    "OCMW",
    "Huis van het Nederlands",
    "Dienst burgerzaken",
    "Jeugddienst",
    "Eigen registratie",
)
PLACE_PARTS = (
    (
        "Oost",
        "West",
        "Neder",
        "Over",
        "Hoog",
        "Sint-Pieters-",
        "Kort",
        "Groot",
        "Zand",
        "Mere",
        "Lange",
        "Klein",
        "Sint-Martens-",
        "Opper",
        "Ooster",
        "Wester",
        "Noord",
        "Zuid",
        "Ter",
        "Heren",
    ),
    (
        "meerbeke",
        "dale",
        "kerke",
        "heide",
        "hove",
        "lede",
        "donk",
        "gem",
        "zele",
        "broek",
        "laar",
        "rode",
        "hout",
        "loo",
        "akker",
        "dijk",
        "velde",
        "brugge",
        "hem",
        "gene",
    ),
)
BUDGET_LINES = (
    ("Vlaamse subsidie", "Vlaamse Gemeenschap", "Loonkost {fte} medewerker integratie"),
    ("Vlaamse subsidie", "Vlaamse Gemeenschap", "Werkingskosten integratiedienst"),
    ("Vlaamse subsidie", "Vlaamse Gemeenschap", "Projectsubsidie Plan Samenleven"),
    ("Eigen middelen gemeente", "{bestuur}", "Loonkost {fte} beleidsmedewerker"),
    ("Eigen middelen gemeente", "{bestuur}", "Werkingsmiddelen onthaal en taalpromotie"),
    ("Andere subsidie", "Provincie", "Projectsteun {theme}"),
    ("Andere", "Vzw's en partners", "Inbreng partners voor {theme}"),
)


@dataclass(frozen=True)
class Size:
    """How much a synthetic plan holds; `descriptive` indicator lines come on top of the quantitative ones."""

    name: str
    numbering: str
    strategic: int
    operational: int
    results: int
    actions: int
    quantitative: int
    descriptive: int
    years: int
    budget_lines_per_year: int


SIZES: dict[str, Size] = {
    "klein": Size("klein", "klassiek", 3, 10, 30, 60, 8, 12, 3, 4),
    "typisch": Size("typisch", "klassiek", 5, 29, 77, 120, 50, 100, 6, 6),
    "stad": Size("stad", "BBC", 15, 100, 0, 1000, 300, 100, 6, 14),
    # The largest plan planrapport reads (workbook/reading/plan_size.py): 2.000 actions, 1.000 indicators.
    "grens": Size("grens", "BBC", 30, 200, 0, 2000, 750, 250, 6, 14),
    "groot": Size("groot", "BBC", 150, 1000, 0, 10000, 3000, 1000, 6, 40),
}
REPORT_YEAR = 2023


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class Writer:
    """Dutch sentences of the kind plans contain, drawn from the word lists with one seeded random source."""

    def __init__(self, rng: random.Random, municipality: str) -> None:
        self.rng = rng
        self.municipality = municipality

    def pick(self, words: Sequence[str]) -> str:
        return self.rng.choice(words)

    def activity(self) -> tuple[str, str]:
        return self.rng.choice(ACTIVITIES)

    def strategic_title(self) -> str:
        first, second, third = self.rng.sample(DOMAINS, 3)
        return (
            f"{self.pick(('Stad', 'Gemeente'))} {self.municipality} voert een inclusief integratiebeleid "
            f"prioritair gericht op {self.pick(GROUPS)}, op vlak van {first}, {second} en {third}"
        )

    def motivation(self, paragraphs: int) -> str:
        sentences = (
            "Een integratiebeleid is geen op zich staand noch een categoriaal beleid maar doorkruist alle sectoren "
            "en domeinen van de samenleving.",
            f"{self.municipality} wil tot een inclusief beleid komen door een betere afstemming op de beleidsnota en "
            f"de meerjarenplannen van {self.pick(SERVICES)}.",
            f"Alleen een breed gedragen beleid rond {self.pick(THEMES)} kan een impact hebben.",
            f"Daarom willen we {self.pick(GROUPS)} informeren en vertrouwd maken met {self.pick(SERVICES_OFFERED)}.",
            f"Daarnaast besteden we extra aandacht aan {self.pick(THEMES)}, samen met {self.pick(PARTNERS)} en "
            f"{self.pick(PARTNERS)}.",
            "Ook bij onze medewerkers roept de stijgende diversiteit vragen op; we willen hen inhoudelijk versterken.",
            f"Zo werken we aan een gemeente waar {self.pick(GROUPS)} gelijkwaardige toegang hebben tot "
            f"{self.pick(SERVICES_OFFERED)}.",
        )
        return "\n\n".join(" ".join(self.rng.sample(sentences, 3)) for _ in range(paragraphs))

    def operational_title(self) -> str:
        return (
            f"{self.pick(('Stad', 'Gemeente', 'Het lokaal bestuur van'))} {self.municipality} en OCMW "
            f"{self.pick(OD_VERBS)} {self.pick(THEMES)} voor {self.pick(GROUPS)}"
        )

    def action_plan_title(self) -> str:
        return capital(
            f"{self.pick(('inzetten op', 'werken aan', 'versterken van', 'bestrijden van'))} "
            f"{self.pick(THEMES)} en {self.pick(THEMES)}"
        )

    def result(self) -> str:
        templates = (
            lambda: f"Er is een {self.pick(DOCUMENTS)} opgemaakt tussen {self.pick(PARTNERS)} en {self.pick(PARTNERS)}",
            lambda: f"{capital(self.pick(GROUPS))} vinden vlotter de weg naar {self.pick(SERVICES_OFFERED)}",
            lambda: f"Het bereik van {self.pick(GROUPS)} in {self.pick(SERVICES_OFFERED)} is toegenomen",
            lambda: f"De samenwerking met {self.pick(PARTNERS)} rond {self.pick(THEMES)} is geoptimaliseerd",
            lambda: (
                f"{capital(self.pick(SERVICES))} heeft meer aandacht voor {self.pick(GROUPS)} en {self.pick(THEMES)}"
            ),
            lambda: (
                f"Diversiteitsbeleid is geïntegreerd in {self.pick(SERVICES_OFFERED)} en in de beslissingen "
                "van het college"
            ),
        )
        return self.rng.choice(templates)()

    def action_title(self) -> str:
        one, many = self.activity()
        templates = (
            lambda: f"{capital(one)} met {self.pick(PARTNERS)} rond {self.pick(THEMES)}",
            lambda: f"Uitwerken {self.pick(DOCUMENTS)} rond {self.pick(THEMES)} i.s.m. {self.pick(PARTNERS)}",
            lambda: f"Jaarlijks organiseren van {many} voor {self.pick(GROUPS)}",
            lambda: f"Via {one} de expertise rond {self.pick(THEMES)} versterken bij {self.pick(SERVICES)}",
            lambda: f"Opvolgen uitwerking {self.pick(DOCUMENTS)} {self.pick(THEMES)}",
            lambda: (
                f"Meewerken aan {many} voor {self.pick(GROUPS)} i.s.m. {self.pick(PARTNERS)} en {self.pick(PARTNERS)}"
            ),
            lambda: f"Deelname aan sensibiliserende actiedagen tegen {self.pick(THEMES)}",
        )
        return self.rng.choice(templates)()

    def description(self, paragraphs: int) -> str:
        parts = []
        for _ in range(paragraphs):
            one, many = self.activity()
            parts.append(
                f"We vinden het belangrijk dat {self.pick(GROUPS)} een degelijke ontvangst krijgen. Daarom "
                f"organiseren we {many} samen met {self.pick(PARTNERS)}. Met dit concept willen we tegemoetkomen aan "
                f"een aantal zaken: {self.pick(GROUPS)} leren elkaar kennen, maken kennis met {self.pick(SERVICES)} "
                f"en vinden de weg naar {self.pick(SERVICES_OFFERED)}. Bijzondere aandacht gaat naar "
                f"{self.pick(THEMES)} en naar het bereiken van doelgroepen die in het reguliere aanbod minder bereikt "
                f"worden, meer specifiek {self.pick(GROUPS)}."
            )
        return "\n\n".join(parts)

    def progress(self, year: int, paragraphs: int, late: bool) -> str:
        parts = []
        for index in range(paragraphs):
            one, many = self.activity()
            count = self.rng.randint(2, 40)
            choices = (
                f"In {self.pick(MONTHS)} {year} volgde {self.pick(SERVICES)} een **{one} rond '{self.pick(THEMES)}'** "
                f"via {self.pick(PARTNERS)}. De deelnemers waren tevreden en vroegen een vervolg.",
                f"{capital(self.pick(PARTNERS))} en {self.pick(PARTNERS)} kwamen in {year} **{count} keer** samen; "
                f"{self.pick(GROUPS)} waren telkens vertegenwoordigd. De aandachtspunten werden meegenomen in het "
                f"overleg met {self.pick(SERVICES)}.",
                f"Er werden **{count} {many}** georganiseerd met in totaal {number(count * self.rng.randint(8, 60))} "
                f"deelnemers, van wie {self.rng.randint(20, 80)}% {self.pick(GROUPS)}.",
                f"De {self.pick(DOCUMENTS)} met {self.pick(PARTNERS)} werd in {self.pick(MONTHS)} verlengd. "
                f"Binnenkort start ook de samenwerking met **{self.pick(PARTNERS)}** om {self.pick(GROUPS)} via een "
                "'outreachende' werkwijze toe te leiden naar sport en cultuur.",
                f"Momenteel zijn er gesprekken aan de gang met {self.pick(PARTNERS)} om in te tekenen voor "
                f"**bijkomende projectsubsidies** rond {self.pick(THEMES)}. Wij zouden graag verder inzetten op onze "
                "jeugd en opteren er daarom voor om in te tekenen voor de actie 'toeleiden naar jeugdwerk'.",
            )
            if late and index == 0:
                parts.append(
                    f"Omwille van {self.pick(REASONS)} liep de **{one} vertraging** op. De opstart is nu gepland "
                    f"in {self.pick(MONTHS)} {year + 1}; tot dan vangt {self.pick(SERVICES)} de vragen op."
                )
            else:
                parts.append(self.rng.choice(choices))
        return "\n\n".join(parts)

    def money(self) -> str:
        return self.rng.choice(
            (
                "Binnen werkingsbudget",
                "Projectsubsidie Plan Samenleven",
                "Gefinancierd met de Vlaamse subsidie",
                f"Budget {number(self.rng.randint(2, 60) * 500)} euro, besteed zoals gepland",
                "",
                "Cofinanciering door de gemeente",
                "Geen extra middelen nodig",
            )
        )

    def descriptive_indicator(self) -> str:
        one, many = self.activity()
        return self.rng.choice(
            (
                f"Overzicht en beschrijvende evaluatie van de {many} rond {self.pick(THEMES)}",
                f"Rapportering over {self.pick(THEMES)} aan het college, de OCMW-raad en de commissies",
                f"Verslag van de {many} met {self.pick(PARTNERS)}",
                f"Resultaten enquête bij {self.pick(GROUPS)} i.v.m. {self.pick(THEMES)}",
                f"{capital(self.pick(DOCUMENTS))} rond {self.pick(THEMES)}",
            )
        )

    def quantitative_indicator(self, unit: str) -> str:
        one, many = self.activity()
        group = self.pick(GROUPS)
        return {
            "aantal": f"Aantal {many} voor {group}",
            "personen": f"Aantal {group} bereikt via {one}",
            "percentage": f"Aandeel {group} in {self.pick(SERVICES_OFFERED)}",
            "uren": f"Uren {one} voor {group}",
            "dagen": f"Gemiddelde wachttijd voor {one} (in dagen)",
            "euro": f"Besteed bedrag aan {self.pick(THEMES)}",
        }[unit]


def spread(total: int, parents: int, rng: random.Random, cap: int | None = None) -> list[int]:
    """Split `total` children over `parents`, at least one each, the rest at random (never above `cap`)."""
    counts = [1] * parents
    if cap is not None and total > parents * cap:
        raise ValueError(f"{total} items do not fit under {parents} parents of at most {cap}")
    for _ in range(total - parents):
        while True:
            index = rng.randrange(parents)
            if cap is None or counts[index] < cap:
                counts[index] += 1
                break
    return counts


def municipality_name(rng: random.Random) -> str:
    first, second = rng.choice(PLACE_PARTS[0]), rng.choice(PLACE_PARTS[1])
    return first + (capital(second) if first.endswith("-") else second)


def action_timing(rng: random.Random, start: int, end: int) -> str:
    options = (
        (40, "Jaarlijks"),
        (12, f"Vanaf {start + 1}"),
        (8, str(start)),
        (10, f"{start}-{end}"),
        (6, f"Jaarlijks vanaf {start + 2}"),
        (6, "Per 2 jaar"),
        (10, f"{start + 1}-{end - 1}"),
        (4, f"Vanaf {start + 1} jaarlijks"),
        (4, str(end)),
    )
    if end - start < 3:
        options = ((50, "Jaarlijks"), (20, f"Vanaf {start + 1}"), (15, str(start)), (15, f"{start}-{end}"))
    return rng.choices([text for _, text in options], weights=[weight for weight, _ in options])[0]


def timing_years(timing: str, start: int, end: int) -> tuple[int, ...]:
    from workbook.plan.timing import parse_timing

    return parse_timing(timing, start, end).years or ()


def plan_data(size: str | Size, seed: int = 1) -> dict[str, object]:
    """The rows of a synthetic plan, as workbook.builders.template.fill takes them (sheet name -> rows by header)."""
    spec = SIZES[size] if isinstance(size, str) else size
    rng = random.Random(f"{spec.name}:{seed}")
    municipality = municipality_name(rng)
    write = Writer(rng, municipality)
    end = REPORT_YEAR
    start = end - spec.years + 1
    bbc = spec.numbering == "BBC"
    settings = {
        "Gemeente": municipality,
        "Titel van het plan": (
            f"Meerjarenplan {start}-{end}: werken aan samenleven in diversiteit"
            if bbc
            else f"Integratiebeleidsplan {start}-{end}"
        ),
        "Beginjaar": start,
        "Eindjaar": end,
        "Rapportjaar": REPORT_YEAR,
        "Nummering": spec.numbering,
        "Minimale cofinanciering": 1 / 3,
        "Opgesteld door": capital(write.pick(SERVICES)),
        "Fictieve gegevens": (
            f"Synthetisch plan van de omvang '{spec.name}' (seed {seed}), gemaakt om planrapport "
            "te meten: de gemeente en alle gegevens zijn verzonnen."
        ),
    }
    objectives, results, actions = _structure(spec, rng, write)
    follow_ups = _follow_ups(actions, rng, write, start, end, long=bbc or spec.actions <= 200)
    indicators, measurements = _indicators(spec, results if not bbc else actions, rng, write, start, end)
    return {
        "Instellingen": settings,
        "Doelstellingen": objectives,
        "Resultaten": results,
        "Acties": actions,
        "Opvolging": follow_ups,
        "Indicatoren": indicators,
        "Metingen": measurements,
        "Begroting": _budget(spec, rng, municipality, start, end),
    }


def _structure(spec: Size, rng: random.Random, write: Writer) -> tuple[list, list, list]:
    objectives: list[dict] = []
    results: list[dict] = []
    actions: list[dict] = []
    start = REPORT_YEAR - spec.years + 1
    bbc = spec.numbering == "BBC"
    if bbc:
        # Three-digit codes hold 900 objectives; a bigger plan (100.000 actions) numbers them with four.
        numbers = range(100, 1000) if spec.strategic <= 900 else range(1000, 10000)
        strategic = [f"BD{n}" for n in sorted(rng.sample(numbers, spec.strategic))]
        per_strategic = spread(spec.operational, spec.strategic, rng, cap=10)
        per_plan = spread(spec.actions, spec.operational, rng, cap=10)
        plan_index = 0
        for code, count in zip(strategic, per_strategic, strict=True):
            objectives.append(
                {"Code": code, "Titel": write.action_plan_title(), "Motivering": write.motivation(rng.randint(1, 2))}
            )
            for digit in range(count):
                plan_code = f"AP{code[2:]}{digit}"
                objectives.append(
                    {"Code": plan_code, "Titel": write.action_plan_title(), "Domein": write.pick(DOMAINS)}
                )
                for action_digit in range(per_plan[plan_index]):
                    actions.append(_action(f"A{plan_code[2:]}{action_digit}", rng, write, start, long=True))
                plan_index += 1
    else:
        per_strategic = spread(spec.operational, spec.strategic, rng)
        per_operational = spread(spec.results, spec.operational, rng)
        per_result = spread(spec.actions, spec.results, rng)
        operational_index = result_index = 0
        for sd in range(1, spec.strategic + 1):
            objectives.append(
                {"Code": str(sd), "Titel": write.strategic_title(), "Motivering": write.motivation(rng.randint(1, 3))}
            )
            for od in range(1, per_strategic[sd - 1] + 1):
                od_code = f"{sd}.{od}"
                objectives.append(
                    {
                        "Code": od_code,
                        "Titel": write.operational_title(),
                        "Domein": write.pick(DOMAINS) if rng.random() < 0.7 else "",
                    }
                )
                for number_ in range(1, per_operational[operational_index] + 1):
                    result_code = f"{od_code}.{number_}"
                    results.append({"Code": result_code, "Resultaat": write.result()})
                    for action in range(1, per_result[result_index] + 1):
                        actions.append(_action(f"{result_code}.{action}", rng, write, start, long=False))
                    result_index += 1
                operational_index += 1
    _add_cross_references(actions, rng)
    return objectives, results, actions


def _action(code: str, rng: random.Random, write: Writer, start: int, long: bool) -> dict:
    return {
        "Code": code,
        "Tijdstip": action_timing(rng, start, REPORT_YEAR),
        "Actie": write.action_title(),
        "Omschrijving": write.description(rng.randint(1, 3)) if long or rng.random() < 0.5 else "",
        "Trekker": capital(write.pick(SERVICES)),
        "Partners": ", ".join(rng.sample(PARTNERS, rng.randint(1, 4))),
        "Budget/personeelsinzet": rng.choice(
            ("Binnen werkingsbudget", "0,5 VTE", "1 VTE", "€ 5.000", "Personeelsinzet dienst integratie", "")
        ),
        "Contact": f"{rng.choice(('integratie', 'samenleven', 'inclusie', 'welzijn'))}@"
        f"{write.municipality.casefold().replace(' ', '')}.be",
    }


def _add_cross_references(actions: list[dict], rng: random.Random) -> None:
    """About one action in ten says "Zie ook" another action of the plan, as Denderleeuw's report does."""
    for action in actions:
        if len(actions) > 1 and rng.random() < 0.1:
            other = rng.choice(actions)
            if other is not action:
                action["Zie ook"] = f"{other['Code']} {other['Actie']}"


def _follow_ups(actions: list[dict], rng: random.Random, write: Writer, start: int, end: int, long: bool) -> list[dict]:
    rows = []
    for action in actions:
        years = [y for y in timing_years(action["Tijdstip"], start, end) if y <= REPORT_YEAR]
        for year in years:
            last = year == years[-1]
            roll = rng.random()
            if roll < 0.08:
                time, colour, status = "Vertraagd", "oranje", "In uitvoering"
            elif roll < 0.11:
                time, colour, status = "Uitgesteld", "rood", "In voorbereiding"
            else:
                time, colour = "Op schema", "groen"
                status = "Afgerond" if (not last and rng.random() < 0.3) else "In uitvoering"
            late = time != "Op schema"
            paragraphs = rng.randint(2, 5) if (long and year == REPORT_YEAR) else rng.randint(1, 2)
            money = write.money()
            rows.append(
                {
                    "Actie": action["Code"],
                    "Jaar": year,
                    "Status": status,
                    "Stand van zaken": write.progress(year, paragraphs, late),
                    "Stand van zaken (indicator)": colour,
                    "Tijd": time,
                    "Tijd (indicator)": colour,
                    "Geld": money,
                    "Geld (indicator)": "groen" if money else "",
                }
            )
    return rows


UNITS = ("aantal", "personen", "percentage", "uren", "dagen", "euro")


def _indicators(
    spec: Size, parents: list[dict], rng: random.Random, write: Writer, start: int, end: int
) -> tuple[list[dict], list[dict]]:
    total = spec.quantitative + spec.descriptive
    kinds = ["kwantitatief"] * spec.quantitative + ["beschrijvend"] * spec.descriptive
    rng.shuffle(kinds)
    # Indicators hang under results (classic) or actions (BBC), a few under the same parent.
    owners = sorted(rng.choices(range(len(parents)), k=total))
    numbers: dict[int, int] = {}
    indicators, measurements = [], []
    for owner, kind in zip(owners, kinds, strict=True):
        numbers[owner] = numbers.get(owner, 0) + 1
        code = f"{parents[owner]['Code']}-I{numbers[owner]}"
        if kind == "beschrijvend":
            indicators.append(
                {
                    "Code": code,
                    "Tijdstip": rng.choice(
                        (
                            "Jaarlijks",
                            str(start),
                            f"Vanaf {start + 1}",
                            f"{end}: eindmeting",
                            "Norm",
                            "Trend",
                            f"Vanaf {start + 1} jaarlijks",
                        )
                    ),
                    "Indicator": write.descriptive_indicator(),
                    "Soort": "beschrijvend",
                }
            )
            continue
        row, values = _quantitative(code, rng, write, start, end)
        indicators.append(row)
        measurements.extend(values)
    return indicators, measurements


def _quantitative(code: str, rng: random.Random, write: Writer, start: int, end: int) -> tuple[dict, list[dict]]:
    unit = rng.choice(UNITS)
    direction = "dalen" if unit == "dagen" else rng.choices(("stijgen", "dalen", "behouden"), (7, 2, 1))[0]
    percent = unit == "percentage"
    baseline = round(rng.uniform(5, 60), 1) if percent else rng.randint(10, 1500)
    if unit == "euro":
        baseline *= 20
    factor = {"stijgen": 1.4, "dalen": 0.7, "behouden": 1.0}[direction]
    target = round(min(baseline * factor, 95.0), 1) if percent else round(baseline * factor)
    row = {
        "Code": code,
        "Tijdstip": "Jaarlijks",
        "Indicator": write.quantitative_indicator(unit),
        "Soort": "kwantitatief",
        "Eenheid": unit,
        "Gewenste richting": direction,
        "Nulmeting jaar": start,
        "Nulmeting waarde": baseline,
        "Streefjaar": end,
        "Streefwaarde": target,
    }
    if rng.random() < 0.2:
        row["Toelichting"] = (
            f"Noot: de cijfers van {write.pick(PARTNERS)} gaan voor {start} enkel over de periode juni-december."
        )
    values = []
    source = rng.choice(SOURCES)
    value = baseline
    partial_first = rng.random() < 0.05
    for year in range(start, end + 1):
        if year > start:
            step = (target - baseline) / (end - start) * rng.uniform(0.3, 1.5)
            value = value + step + rng.uniform(-0.05, 0.05) * max(abs(baseline), 1)
        shown = min(max(round(value, 1), 0.0), 100.0) if percent else max(round(value), 0)
        period = f"{year} (juni-december)" if (partial_first and year == start) else str(year)
        measurement: dict[str, object] = {"Indicator": code, "Periode": period, "Waarde": shown, "Bron": source}
        if percent and rng.random() < 0.3:
            measurement["Waarde"] = number(shown)  # typed as Dutch text, e.g. "22,4"
        if unit == "personen" and rng.random() < 0.3:
            measurement["Aandeel"] = rng.randint(20, 80)
        values.append(measurement)
    return row, values


def _budget(spec: Size, rng: random.Random, municipality: str, start: int, end: int) -> list[dict]:
    rows = []
    bestuur = f"Gemeente {municipality}"
    for year in range(start, end + 1):
        subsidy = 0
        year_rows = []
        for index in range(spec.budget_lines_per_year):
            kind, funder, text = BUDGET_LINES[index % len(BUDGET_LINES)]
            if kind == "Eigen middelen gemeente":
                continue  # the municipality's share follows from the subsidy, below
            planned = rng.randint(10, 70) * 500
            if kind == "Vlaamse subsidie":
                subsidy += planned
            year_rows.append((kind, funder, text, planned))
        own = round(subsidy * rng.uniform(0.36, 0.5))
        year_rows.append(("Eigen middelen gemeente", bestuur, "Loonkost {fte} beleidsmedewerker", own))
        for kind, funder, text, planned in year_rows:
            spent = round(planned * rng.uniform(0.9, 1.0)) if year <= REPORT_YEAR else None
            if kind == "Eigen middelen gemeente":
                spent = planned
            rows.append(
                {
                    "Jaar": year,
                    "Soort financiering": kind,
                    "Financier": funder.format(bestuur=bestuur),
                    "Omschrijving": text.format(fte=rng.choice(("1FT", "½FT", "0,8FT")), theme=rng.choice(THEMES)),
                    "Gepland": planned,
                    "Besteed": spent,
                }
            )
    return rows


def write_plan(data: dict[str, object], path: Path) -> Path:
    """Write the rows into a fresh template workbook (workbook.builders.template) at `path`, replacing what is there."""
    from workbook.builders.template import build_template, fill
    from workbook.storage.files import save_workbook

    return save_workbook(fill(build_template(), data), Path(path), overwrite=True)


def make_plan(size: str | Size, path: str | Path, seed: int = 1) -> Path:
    return write_plan(plan_data(size, seed), Path(path))


def scaled(size: str, factor: float) -> Size:
    """A size with every count multiplied by `factor` (for scaling checks between the named sizes)."""
    spec = SIZES[size]

    def grow(value: int) -> int:
        return max(1, round(value * factor))

    return replace(
        spec,
        name=f"{size}x{factor:g}",
        strategic=grow(spec.strategic),
        operational=grow(spec.operational),
        results=grow(spec.results) if spec.results else 0,
        actions=grow(spec.actions),
        quantitative=grow(spec.quantitative),
        descriptive=grow(spec.descriptive),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.make_plan", description=__doc__)
    parser.add_argument("size", choices=SIZES, help="klein, typisch, stad or groot")
    parser.add_argument("path", type=Path, help="where to write the .xlsx (replaced when it exists)")
    parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same workbook (default 1)")
    parser.add_argument(
        "--factor",
        type=float,
        default=1.0,
        help="every count of the size multiplied by this (groot --factor 10: 100.000 actions)",
    )
    parser.add_argument(
        "--years",
        type=int,
        default=None,
        help="years of the plan up to the report year 2023, each with follow-up and measurements "
        "(default: the size's, 6 for groot)",
    )
    args = parser.parse_args(argv)
    if args.path.suffix.lower() != ".xlsx":
        parser.error("the path must end in .xlsx")
    size = SIZES[args.size] if args.factor == 1 else scaled(args.size, args.factor)
    if args.years is not None:
        if not 1 <= args.years <= 20:
            parser.error("--years must be 1 to 20")
        size = replace(size, name=f"{size.name}-{args.years}j", years=args.years)
    print(make_plan(size, args.path, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
