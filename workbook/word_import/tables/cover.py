"""A cover as a table of label | value (Bestuur | Gemeente X, Plan | title, Periode | 2026 - 2031): the settings."""

from __future__ import annotations

from workbook.word_import import labels
from workbook.word_import.document import Table

# Labels of a cover table (casefolded, without a colon) -> the setting they give.
_SETTINGS: dict[str, str] = {
    "bestuur": "Gemeente",
    "lokaal bestuur": "Gemeente",
    "gemeente": "Gemeente",
    "stad": "Gemeente",
    "organisatie": "Gemeente",
    "plan": "Titel van het plan",
    "titel": "Titel van het plan",
    "titel van het plan": "Titel van het plan",
    "naam van het plan": "Titel van het plan",
    "periode": "periode",
    "planperiode": "periode",
    "looptijd": "periode",
    "opgesteld door": "Opgesteld door",
    "auteur": "Opgesteld door",
}


def cover_table(rec, table: Table) -> bool:
    """Fill the settings from a cover table before the objectives; False when the table is no such table. A value
    labelled here replaces what the import guessed from an unlabelled cover line."""
    rows = [(table.cell_text(r, 0), table.cell_text(r, 1)) for r in range(len(table.rows)) if len(table.rows[r]) == 2]
    rows = [(" ".join(k.casefold().split()).rstrip(":").strip(), " ".join(v.split())) for k, v in rows if k.strip()]
    if len(rows) < 2 or len(rows) != len(table.rows) or any(key not in _SETTINGS for key, _ in rows):
        return False
    settings = rec.builder.settings
    for key, value in rows:
        if not value:
            continue
        name = _SETTINGS[key]
        if name == "periode":
            if match := labels.PERIOD.search(value):
                settings["Beginjaar"], settings["Eindjaar"] = int(match.group(1)), int(match.group(2))
        elif name == "Gemeente":
            found = labels.FRONT_MUNICIPALITY.match(value)
            settings[name] = found.group(1).strip() if found else value
        else:
            settings[name] = value
    rec.builder.note(
        table.position,
        "\n".join(f"{key}: {value}" for key, value in rows),
        "Voorblad in een tabel: overgenomen in het blad Instellingen (gaat voor wat de import uit een regel zonder "
        "label afleidde).",
    )
    return True
