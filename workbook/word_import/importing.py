"""The import from document to rows: read, recognise, settle the settings and the follow-up year."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from workbook.errors import WorkbookError
from workbook.word_import.document import read_document
from workbook.word_import.placing import Chapter, Note, join
from workbook.word_import.recognize import Recognizer

LOOKED_FOR = (
    "'Strategische doelstelling 1' of 'SD 1' met 'Operationele doelstelling 1.1' of 'OD 1.1', "
    "of BBC-codes 'BD109', 'AP1090' en 'A10900'"
)


@dataclass
class Imported:
    data: dict[str, object]  # sheet name -> rows, as workbook.template.fill takes them
    chapters: list[Chapter]
    notes: list[Note]

    def chapter_rows(self) -> list[dict[str, object]]:
        return [{"Titel": c.title, "Tekst": join(c.paragraphs), "Plaats": "na" if c.after
                 else "voor"} for c in self.chapters]

    def note_rows(self) -> list[dict[str, object]]:
        return [{"Plaats in het document": n.position, "Tekst": n.text, "Wat de import deed": n.action}
                for n in self.notes]


def import_document(path: Path) -> Imported:
    """Read the Word plan; raises WorkbookError (Dutch) when it has no recognisable objectives."""
    path = Path(path)
    builder = Recognizer().run(read_document(path))
    if not builder.objectives:
        raise WorkbookError(
            f"{path.name}: in dit document staan geen doelstellingen die planrapport herkent. Gezocht werd naar "
            f"{LOOKED_FOR}, als kop, vetgedrukte regel of in een tabel. Er is niets geschreven."
        )
    settings = builder.settings
    if "Gemeente" not in settings and (match := re.search(r"\b(?:[Ss]tad|[Gg]emeente)\s+([A-Z][\w-]+)",
                                                          _first_title(builder))):
        settings["Gemeente"] = match.group(1)
    year = settings.get("Rapportjaar")
    if year is None and builder.follow_ups:
        years = [int(m.group(0)) for row in builder.measurements if (m := re.match(r"\d{4}", str(row["Periode"])))]
        year = max(years) + 1 if years else settings.get("Eindjaar")
        settings["Rapportjaar"] = year
        builder.note("", f"Opvolging {year}", f"Het jaar van de opvolging staat niet in het document; de import "
                     f"nam {year}. Pas het aan op de bladen Opvolging en Instellingen als het niet klopt.")
    if year is None and settings.get("Beginjaar"):
        settings["Rapportjaar"] = settings["Beginjaar"]
        builder.note("", f"Rapportjaar {settings['Beginjaar']}", "Het document noemt geen rapportjaar; de import "
                     "nam het eerste jaar van de planperiode. Pas het aan op het blad Instellingen.")
    return Imported(builder.sheets(year), builder.chapters, builder.notes)


def _first_title(builder) -> str:
    objectives = builder.objectives
    return str(objectives[0].values.get("Titel", "")) if objectives else ""
