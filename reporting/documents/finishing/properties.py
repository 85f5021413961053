"""Language (Dutch, Belgium), document properties and the update-fields flag."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reporting.documents.wordml.ooxml import element, put, w

LANGUAGE = "nl-BE"
PROPERTY_LIMIT = 255  # characters of a document property (title, subject, author, keywords)


@dataclass(frozen=True)
class Properties:
    title: str
    subject: str
    author: str
    keywords: str
    when: datetime


def set_text_language(root) -> None:
    """Every language mark of the runs and paragraphs under `root` says Dutch (Belgium)."""
    for language in root.iter(w("lang")):
        language.set(w("val"), LANGUAGE)


def set_language(document) -> None:
    """Dutch (Belgium) for spelling and for screen readers: defaults, every style and every run."""
    roots = [document.styles.element, document.element]
    roots += [
        rel.target_part.element
        for rel in document.part.rels.values()
        if rel.reltype.endswith(("/header", "/footer")) and hasattr(rel.target_part, "element")
    ]
    for root in roots:
        set_text_language(root)
    defaults = document.styles.element.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    if defaults is not None and defaults.find(w("lang")) is None:
        put(defaults, element("lang", val=LANGUAGE))
    settings = document.settings.element
    font_language = settings.find(w("themeFontLang"))
    if font_language is None:
        put(settings, element("themeFontLang", val=LANGUAGE))
    else:
        font_language.set(w("val"), LANGUAGE)


def property_text(text: str) -> str:
    """A text as a document property holds it: at most 255 characters (the document itself shows it whole)."""
    text = " ".join(text.split())
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1].rstrip() + "…"


def set_properties(document, properties: Properties) -> None:
    core = document.core_properties
    core.title = property_text(properties.title)
    core.subject = property_text(properties.subject)
    core.author = property_text(properties.author)
    core.last_modified_by = property_text(properties.author)
    core.keywords = property_text(properties.keywords)
    core.language = LANGUAGE
    core.comments = ""
    core.category = ""
    core.created = core.modified = properties.when
    core.revision = 1


def update_fields_on_open(document) -> None:
    """Word asks to update the fields when the file opens, so the table of contents gets its page numbers."""
    put(document.settings.element, element("updateFields", val="true"))
