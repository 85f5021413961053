"""Language (Dutch, Belgium), document properties and the update-fields flag."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reporting.documents.ooxml import element, put, w

LANGUAGE = "nl-BE"


@dataclass(frozen=True)
class Properties:
    title: str
    subject: str
    author: str
    keywords: str
    when: datetime


def set_language(document) -> None:
    """Dutch (Belgium) for spelling and for screen readers: defaults, every style and every run."""
    roots = [document.styles.element, document.element]
    roots += [rel.target_part.element for rel in document.part.rels.values()
              if rel.reltype.endswith(("/header", "/footer")) and hasattr(rel.target_part, "element")]
    for root in roots:
        for language in root.iter(w("lang")):
            language.set(w("val"), LANGUAGE)
    defaults = document.styles.element.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    if defaults is not None and defaults.find(w("lang")) is None:
        put(defaults, element("lang", val=LANGUAGE))
    settings = document.settings.element
    font_language = settings.find(w("themeFontLang"))
    if font_language is None:
        put(settings, element("themeFontLang", val=LANGUAGE))
    else:
        font_language.set(w("val"), LANGUAGE)


def set_properties(document, properties: Properties) -> None:
    core = document.core_properties
    core.title = properties.title
    core.subject = properties.subject
    core.author = properties.author
    core.last_modified_by = properties.author
    core.keywords = properties.keywords
    core.language = LANGUAGE
    core.comments = ""
    core.category = ""
    core.created = core.modified = properties.when
    core.revision = 1


def update_fields_on_open(document) -> None:
    """Word asks to update the fields when the file opens, so the table of contents gets its page numbers."""
    put(document.settings.element, element("updateFields", val="true"))
