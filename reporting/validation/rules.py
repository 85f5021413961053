"""Every rule code with its severity, its group and a one-line Dutch description."""

from __future__ import annotations

from dataclasses import dataclass

from reporting.validation.report import ERROR, WARNING


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    group: str
    summary: str


_RULES = (
    # reading: what planrapport did not read
    Rule("ontbrekend-blad", ERROR, "lezen", "Een blad van het plan ontbreekt in het werkboek."),
    Rule("hernoemd-blad", ERROR, "lezen", "Een blad van het plan heeft een andere naam en wordt niet gelezen."),
    Rule(
        "ontbrekende-kolom",
        ERROR,
        "lezen",
        "Een kolom met cijfers of opvolging voor het jaarrapport ontbreekt of heeft een andere naam.",
    ),
    Rule(
        "ontbrekende-tekstkolom",
        WARNING,
        "lezen",
        "Een andere kolom van het plan ontbreekt of is hernoemd; wat erin hoort, komt niet in de documenten.",
    ),
    Rule("kolom-niet-gelezen", WARNING, "lezen", "Een kolom met gegevens is geen kolom van planrapport."),
    Rule("blad-niet-gelezen", WARNING, "lezen", "Een blad met gegevens is geen blad van planrapport."),
    Rule("ontbrekende-instellingsrij", WARNING, "lezen", "Een rij van blad Instellingen ontbreekt."),
    Rule("onbekende-instelling", WARNING, "lezen", "Een rij op blad Instellingen is geen instelling van planrapport."),
    # structure
    Rule(
        "ontbrekende-instelling",
        ERROR,
        "structuur",
        "Een verplichte instelling (gemeente, titel, planperiode, rapportjaar) is leeg of ontbreekt.",
    ),
    Rule("ongeldige-instelling", ERROR, "structuur", "Een instelling heeft een waarde die niet gelezen kan worden."),
    Rule("rapportjaar-buiten-periode", ERROR, "structuur", "Het rapportjaar valt buiten de planperiode."),
    Rule("verkeerde-nummering", ERROR, "structuur", "De codes passen niet bij de gekozen nummering."),
    Rule("ontbrekende-code", ERROR, "structuur", "Een rij heeft geen code."),
    Rule("ongeldige-code", ERROR, "structuur", "Een code is niet goed gevormd voor de nummering van het plan."),
    Rule("verkeerd-niveau", ERROR, "structuur", "Een code hoort op een ander blad (ander niveau)."),
    Rule("dubbele-code", ERROR, "structuur", "Dezelfde code staat twee keer op een blad."),
    Rule(
        "ontbrekende-ouder",
        ERROR,
        "structuur",
        "De doelstelling, het resultaat of de actie waaronder de rij valt, bestaat niet.",
    ),
    Rule("ontbrekende-tekst", ERROR, "structuur", "Een rij heeft een code maar geen titel of tekst."),
    Rule(
        "lege-doelstelling",
        ERROR,
        "structuur",
        "Een doelstelling heeft geen onderliggende doelstellingen, resultaten of acties.",
    ),
    Rule("leeg-resultaat", WARNING, "structuur", "Een resultaat heeft geen acties en geen indicatoren."),
    Rule("onbekende-actie", ERROR, "structuur", "Een rij op blad Opvolging verwijst naar een actie die niet bestaat."),
    Rule("onbekende-indicator", ERROR, "structuur", "Een meting verwijst naar een indicator die niet bestaat."),
    Rule("dubbele-opvolging", ERROR, "structuur", "Een actie heeft twee rijen opvolging voor hetzelfde jaar."),
    # cross-references
    Rule(
        "onbekende-verwijzing",
        ERROR,
        "verwijzingen",
        "'Zie ook' noemt een code die in het plan zou moeten staan maar er niet is.",
    ),
    Rule("verwijzing-buiten-plan", WARNING, "verwijzingen", "'Zie ook' verwijst naar een code buiten dit plan."),
    # timing
    Rule("onbekende-timing", ERROR, "timing", "Een tijdstip is niet herkend."),
    Rule("jaar-buiten-periode", ERROR, "timing", "Een jaar valt buiten de planperiode."),
    Rule("geen-jaartal", ERROR, "timing", "Een cel die een jaartal moet bevatten, is leeg of bevat geen jaartal."),
    Rule("ongeldige-periode", ERROR, "timing", "De periode van een meting begint niet met een jaartal."),
    Rule(
        "tijdstip-voorbij",
        WARNING,
        "timing",
        "Het tijdstip van een actie is voorbij, maar ze is niet afgerond of stopgezet: ze loopt nog.",
    ),
    # follow-up
    Rule(
        "ontbrekende-opvolging",
        WARNING,
        "opvolging",
        "Een actie die in het rapportjaar loopt, heeft geen opvolging: geen rij op blad Opvolging, of een rij "
        "zonder eigen status en stand van zaken.",
    ),
    Rule("ontbrekende-status", WARNING, "opvolging", "Een actie heeft in het rapportjaar geen status."),
    Rule("onbekende-status", ERROR, "opvolging", "Een status staat niet in de lijst Status op blad Lijsten."),
    Rule(
        "uitleg-ontbreekt",
        ERROR,
        "opvolging",
        "Een vertraagde, uitgestelde, stopgezette of rode actie heeft geen stand van zaken.",
    ),
    Rule("onbekend-woord", ERROR, "lijsten", "Een woord staat niet in de keuzelijst op blad Lijsten."),
    Rule(
        "gewijzigd-na-indiening",
        WARNING,
        "opvolging",
        "Een waarde van een ingediend jaar is na de indiening gewijzigd of de rij is verwijderd.",
    ),
    Rule(
        "ingediend-verslag-gewijzigd",
        ERROR,
        "opvolging",
        "Het verslag van een indiening op blad Ingediend is gewijzigd of verwijderd: het geeft zijn kenmerk niet meer.",
    ),
    Rule(
        "ingediend-document-anders",
        WARNING,
        "opvolging",
        "Het ingediende jaarrapport ontbreekt, of het draagt een ander kenmerk dan het verslag op blad Ingediend.",
    ),
    # indicators
    Rule("geen-getal", ERROR, "indicatoren", "Een cel die een getal moet bevatten, bevat tekst die geen getal is."),
    Rule("dubbelzinnig-getal", WARNING, "indicatoren", "Een getal als tekst kan op twee manieren gelezen worden."),
    Rule("meting-na-rapportjaar", ERROR, "indicatoren", "Een meting is voor een jaar na het rapportjaar."),
    Rule("dubbele-meting", ERROR, "indicatoren", "Een indicator heeft twee metingen voor dezelfde periode."),
    Rule("percentage-buiten-bereik", ERROR, "indicatoren", "Een percentage ligt niet tussen 0 en 100."),
    Rule(
        "dubbelzinnig-aandeel",
        WARNING,
        "indicatoren",
        "Een percentage van 1 of minder zonder %-teken kan 0,55% of 55% bedoelen.",
    ),
    Rule("ongeldig-aantal", ERROR, "indicatoren", "Een aantal is negatief of geen geheel getal."),
    Rule(
        "geen-richting",
        WARNING,
        "indicatoren",
        "Een cijfermatige indicator met metingen, nulmeting of streefwaarde heeft geen gewenste richting.",
    ),
    Rule("nulmeting-na-start", WARNING, "indicatoren", "De nulmeting valt na het eerste jaar van het plan."),
    # budget
    Rule("negatief-bedrag", ERROR, "begroting", "Een bedrag is negatief."),
    Rule("ontbrekend-bedrag", WARNING, "begroting", "Een kostenpost heeft geen gepland of besteed bedrag."),
    Rule(
        "cofinanciering-te-laag",
        ERROR,
        "begroting",
        "De eigen middelen van de gemeente zijn lager dan de vereiste cofinanciering.",
    ),
    # text
    Rule("formulefout", ERROR, "tekst", "Een cel bevat een foutwaarde van een formule, zoals #VERW! of #DEEL/0!."),
    Rule("tekst-met-gelijkteken", WARNING, "tekst", "Een tekst begint met '=' en kan als formule gelezen worden."),
    Rule(
        "tekst-als-formule",
        WARNING,
        "tekst",
        "Een woord op blad Lijsten of een instelling begint met =, +, -, @ of een tab; planrapport schrijft het als "
        "tekst.",
    ),
    Rule("te-lange-titel", WARNING, "tekst", "Een titel is te lang om als kop in Word te staan."),
    Rule("te-lange-tekst", WARNING, "tekst", "Een tekst is te lang voor één cel van een Word-tabel."),
    Rule("ongeldig-teken", ERROR, "tekst", "Een tekst bevat een onzichtbaar stuurteken dat niet in Word kan."),
    # bijsturing: the changes noted on blad Bijsturing
    Rule(
        "bijsturing-onbekende-code",
        ERROR,
        "bijsturing",
        "Een bijsturing heeft geen code, of een code die niet in het plan staat.",
    ),
    Rule("bijsturing-zonder-datum", ERROR, "bijsturing", "Een bijsturing heeft geen datum die gelezen kan worden."),
    Rule("bijsturing-buiten-periode", ERROR, "bijsturing", "De datum van een bijsturing valt buiten de planperiode."),
    Rule(
        "bijsturing-onvolledig",
        WARNING,
        "bijsturing",
        "Een stopgezette actie heeft geen reden, of een gewijzigde streefwaarde zegt niet van wat naar wat.",
    ),
    Rule(
        "stopgezet-niet-opgevolgd",
        WARNING,
        "bijsturing",
        "Een actie is stopgezet, maar haar opvolging zegt vanaf dat jaar niet Stopgezet.",
    ),
    Rule(
        "streefwaarde-anders",
        WARNING,
        "bijsturing",
        "De nieuwe streefwaarde van een bijsturing is niet de streefwaarde die nu op blad Indicatoren staat.",
    ),
    # limits
    Rule("getal-te-groot", ERROR, "grenzen", "Een getal is te groot om in een rapport te tonen (vanaf 10^15)."),
)

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}
