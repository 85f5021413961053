"""The import from document to rows: read, recognise, settle the settings and the follow-up year."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from workbook.plan.errors import WorkbookError
from workbook.plan.model import CLASSIC_WITHOUT_RESULTS
from workbook.word_import import labels
from workbook.word_import.counting import Count, count_levels, count_notes
from workbook.word_import.document import Line, read_document
from workbook.word_import.placing import Chapter, Note, PlanBuilder, join
from workbook.word_import.recognize import Recognizer

LOOKED_FOR = (
    "'Strategische doelstelling 1' of 'SD 1' met 'Operationele doelstelling 1.1' of 'OD 1.1', "
    "of BBC-codes 'BD109', 'AP1090' en 'A10900'"
)


@dataclass
class Imported:
    data: dict[str, object]  # sheet name -> rows, as workbook.builders.template.fill takes them
    chapters: list[Chapter]
    notes: list[Note]  # the counts first, then what was unsure
    counts: list[Count] = field(default_factory=list)

    def chapter_rows(self) -> list[dict[str, object]]:
        return [
            {"Titel": c.title, "Tekst": join(c.paragraphs), "Plaats": "na" if c.after else "voor"}
            for c in self.chapters
        ]

    def note_rows(self) -> list[dict[str, object]]:
        return [
            {"Plaats in het document": n.position, "Tekst": n.text, "Wat de import deed": n.action} for n in self.notes
        ]


def import_document(path: Path) -> Imported:
    """Read the Word plan; raises WorkbookError (Dutch) when it has no recognisable objectives."""
    path = Path(path)
    margins: list[Line] = []
    recognizer = Recognizer()
    builder = recognizer.run(read_document(path, margins))
    if not builder.objectives:
        raise WorkbookError(
            f"{path.name}: in dit document staan geen doelstellingen die planrapport herkent. Gezocht werd naar "
            f"{LOOKED_FOR}, als kop, vetgedrukte regel of in een tabel. Er is niets geschreven."
        )
    settings = builder.settings
    title = str(settings.get("Titel van het plan", ""))
    if "Gemeente" not in settings and (match := labels.RUNNING_MUNICIPALITY.search(title)):
        settings["Gemeente"] = match.group(1)
        builder.note(
            "",
            title,
            f"Gok: gemeente {match.group(1)} uit de titel van het plan (zonder label). Kijk het "
            "na op het blad Instellingen.",
        )
    _from_margins(builder, margins)
    _from_running_text(builder, recognizer.running)
    if "Gemeente" not in settings and (match := labels.RUNNING_MUNICIPALITY.search(_first_title(builder))):
        settings["Gemeente"] = match.group(1)
        builder.note(
            "",
            match.group(0),
            f"Gok: gemeente {match.group(1)} uit de titel van de eerste doelstelling "
            "(het document zegt het nergens met een label). Kijk het na op het blad Instellingen.",
        )
    year = settings.get("Rapportjaar")
    if year is None and builder.follow_ups:
        years = [int(m.group(0)) for row in builder.measurements if (m := re.match(r"\d{4}", str(row["Periode"])))]
        year = max(years) + 1 if years else settings.get("Eindjaar")
        settings["Rapportjaar"] = year
        builder.note(
            "",
            f"Opvolging {year}",
            f"Het jaar van de opvolging staat niet in het document; de import "
            f"nam {year}. Pas het aan op de bladen Opvolging en Instellingen als het niet klopt.",
        )
    if year is None and settings.get("Beginjaar"):
        settings["Rapportjaar"] = settings["Beginjaar"]
        builder.note(
            "",
            f"Rapportjaar {settings['Beginjaar']}",
            "Het document noemt geen rapportjaar; de import "
            "nam het eerste jaar van de planperiode. Pas het aan op het blad Instellingen.",
        )
    data = builder.sheets(year)
    if data["Instellingen"]["Nummering"] == CLASSIC_WITHOUT_RESULTS:
        builder.note(
            "",
            f"Nummering {CLASSIC_WITHOUT_RESULTS}",
            "De acties staan rechtstreeks onder de operationele doelstellingen, zonder resultaten: de import koos "
            f"de nummering '{CLASSIC_WITHOUT_RESULTS}' op het blad Instellingen (actie 1.1.1 valt onder OD 1.1).",
        )
    counts = count_levels(data, builder.chapters, recognizer.announced_chapters(), recognizer.hints)
    return Imported(data, builder.chapters, count_notes(counts) + builder.notes, counts)


def _from_margins(builder: PlanBuilder, margins: list[Line]) -> None:
    """Gemeente, title and period from a running header ("Gemeente Geel – Integratieplan 2020-2025")."""
    settings = builder.settings
    for line in margins:
        plain = " ".join(line.plain.split())
        if (kind := labels.not_content(plain)) is not None:
            builder.note(line.position, plain, f"Overgeslagen: {kind} in de kop- of voettekst, geen inhoud.")
            continue
        taken = []
        municipality = labels.RUNNING_MUNICIPALITY.search(plain)
        if municipality and "Gemeente" not in settings:
            settings["Gemeente"] = municipality.group(1)
            taken.append(f"gemeente {municipality.group(1)}")
        period = labels.PERIOD.search(plain)
        if period and "Beginjaar" not in settings:
            settings["Beginjaar"], settings["Eindjaar"] = int(period.group(1)), int(period.group(2))
            taken.append(f"planperiode {period.group(1)}-{period.group(2)}")
        title = labels.without_period(labels.RUNNING_MUNICIPALITY.sub("", plain) if municipality else plain)
        title = title.strip(" -\u2013|:,")
        if municipality and title and "Titel van het plan" not in settings:
            settings["Titel van het plan"] = title
            taken.append(f"titel '{title}'")
        if taken:
            builder.note(
                line.position,
                plain,
                "Gok: " + ", ".join(taken) + " uit de kop- of voettekst (zonder label). "
                "Kijk het na op het blad Instellingen.",
            )
        else:
            builder.note(line.position, plain, "Overgeslagen: kop- of voettekst, geen inhoud.")


def _from_running_text(builder: PlanBuilder, lines: list[Line]) -> None:
    """Gemeente and period from the text before the objectives: "De gemeente Lebbeke wil", "beleidsplan 2020 – 2025"."""
    settings = builder.settings
    for line in lines:
        plain = " ".join(line.plain.split())
        taken = []
        if "Gemeente" not in settings and (match := labels.RUNNING_MUNICIPALITY.search(plain)):
            settings["Gemeente"] = match.group(1)
            taken.append(f"gemeente {match.group(1)} uit '{match.group(0)}'")
        if "Beginjaar" not in settings and (match := labels.RUNNING_PERIOD.search(plain)):
            settings["Beginjaar"], settings["Eindjaar"] = int(match.group(1)), int(match.group(2))
            taken.append(f"planperiode {match.group(1)}-{match.group(2)} uit '{match.group(0)}'")
        if taken:
            builder.note(
                line.position,
                plain,
                "Gok: " + ", ".join(taken) + " (de lopende tekst, zonder label). Kijk het na op het blad Instellingen.",
            )
        if "Gemeente" in settings and "Beginjaar" in settings:
            return


def _first_title(builder) -> str:
    objectives = builder.objectives
    return str(objectives[0].values.get("Titel", "")) if objectives else ""
