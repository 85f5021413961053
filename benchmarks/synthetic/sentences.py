"""Dutch sentences of the kind plans contain, drawn from the word lists with one seeded random source."""

from __future__ import annotations

import random
from collections.abc import Sequence

from benchmarks.synthetic.words import (
    ACTIVITIES,
    DOCUMENTS,
    DOMAINS,
    GROUPS,
    MONTHS,
    OD_VERBS,
    PARTNERS,
    REASONS,
    SERVICES,
    SERVICES_OFFERED,
    THEMES,
)
from reporting.figures.formatting import number


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
