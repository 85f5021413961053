"""Write the imported plan as a new workbook: the template filled, plus the sheets Hoofdstukken and Import."""

from __future__ import annotations

import io
from pathlib import Path

from workbook.builders.template import add_sheet, build_template, fill, fill_rows
from workbook.plan.schema import CHAPTERS, IMPORT
from workbook.storage.files import write_atomically
from workbook.word_import.importing import Imported

IMPORT_EXPLANATION = (
    "Over dit blad",
    "planrapport las uw Word-plan en zette elke doelstelling, elk resultaat, elke actie en elke "
    "evaluatieregel op haar blad. Hier staat wat de import niet kon plaatsen of op een gok plaatste, met de "
    "plaats in het document (alinea of tabel, rij en kolom).",
    "Bovenaan staat per niveau hoeveel de import vond (Telling). Noemt de nummering of de inhoudstafel van het "
    "document een ander aantal, of heeft het document tekst die op een niveau lijkt (een label 'Acties', een "
    "tabel met bedragen) terwijl de import er niets vond, dan staat dat erbij: tel dan na in het document.",
    "Wat als 'Gok' gemarkeerd staat (gemeente, titel of planperiode uit de koptekst of de lopende tekst), stond "
    "niet bij een label; kijk het na op het blad Instellingen. Scheidingslijnen en paginanummers staan er als "
    "'Overgeslagen'.",
    "Kijk elke rij na en verbeter waar nodig de bladen Doelstellingen, Resultaten, Acties en Indicatoren.",
    "Niet afgeleid uit het document: de soort, eenheid en gewenste richting van de indicatoren, hun nulmeting "
    "en streefwaarde (tenzij het document ze noemt), en bij BBC-nummering het tijdstip van de acties (tenzij het "
    "document het noemt). Vul die zelf in.",
    "Een begrotingstabel (financier, omschrijving, bedrag, of een kolom per financier) staat op het blad "
    "Begroting, elke ingevulde cel van een financier een lijn; de rijen en kolommen Totaal en Subtotaal telt "
    "planrapport zelf.",
    "Tabellen worden gelezen naar wat hun kop zegt: een rij per actie (Nr, Actie, Wie, Wanneer, Budget, Indicator) "
    "of per niveau (een kolom Niveau met SD, OD en Actie), een label in de kantlijn (Doel, Resultaat, Actie, "
    "Meten) of een tabel van één kolom als gewone tekst. Een samengevoegde cel geldt voor elke rij die ze "
    "beslaat. Wat een doelstelling in zo'n tabel heeft zonder kolom op het blad Doelstellingen (trekker, "
    "periode) staat hier.",
    "Hoofdstukken buiten de doelstellingen (inleiding, omgevingsanalyse, missie en visie) staan op het blad "
    "Hoofdstukken; het beleidsplan drukt ze af voor of na de doelstellingen.",
    "Dit blad mag weg zodra alles klopt; planrapport leest het niet.",
)


def build_workbook(imported: Imported):
    workbook = fill(build_template(), imported.data)
    chapters = imported.chapter_rows()
    if chapters:
        fill_rows(add_sheet(workbook, CHAPTERS), CHAPTERS, chapters)
    sheet = add_sheet(workbook, IMPORT, IMPORT_EXPLANATION)
    fill_rows(sheet, IMPORT, imported.note_rows())
    return workbook


def save_imported(imported: Imported, target: Path, with_buttons: bool = False) -> Path:
    """Save as a new file (never over an existing one), atomically; .xlsm gets the buttons."""
    buffer = io.BytesIO()
    build_workbook(imported).save(buffer)
    data = buffer.getvalue()

    def write(temporary: Path) -> None:
        if with_buttons:
            from workbook.builders.build_xlsm import write_macro_workbook

            write_macro_workbook(data, temporary)
            return
        from workbook.builders.xlsx_copy import rewrite_with_xlsxwriter

        rewrite_with_xlsxwriter(data, temporary)

    return write_atomically(Path(target), write)
