"""The lines outside the objectives: the title page, the chapters before and after them, their titles by look."""

from __future__ import annotations

import re

from workbook.word_import import headings, labels
from workbook.word_import.document import Line
from workbook.word_import.line_codes import (
    LOCAL_ACTION,
    LOCAL_RESULT,
    RESULT_ALONE,
    TYPED_CODE,
    label_over_code,
)
from workbook.word_import.placing import Chapter
from workbook.word_import.tables.budget import budget_line

# Titles of the part with the objectives in a table of contents: not a chapter of its own.
OBJECTIVES_PART = (
    "doelstellingen",
    "de doelstellingen",
    "strategische doelstellingen",
    "beleidsdoelstellingen",
    "operationele doelstellingen",
    "actieplannen",
    "doelstellingen en acties",
)
NOT_PLAN_CHAPTERS = ("jaarlijkse begroting", "rijen zonder plaats in het plan")


_ITEMS = (
    headings.NUMBERED_ACTION,
    headings.BBC_ACTION,
    labels.RESULT_LABELLED,
    labels.RESULT,
    LOCAL_ACTION,
    LOCAL_RESULT,
    RESULT_ALONE,
    TYPED_CODE,
)
_ANNEX = re.compile(r"^(?:bijlagen?|annex)\b", re.IGNORECASE)
# A place name on the cover, and the words of a document's title that are no place.
_PLACE = re.compile(r"^(?:[A-Z][\w'\u00c0-\u017f-]+)(?:\s(?:[A-Z][\w'\u00c0-\u017f-]+|aan|de|den|op)){0,3}$")
_DOCUMENT_WORD = re.compile(r"plan|beleid|period|programma|meerjaren|rapport|nota|jaar|versie|ontwerp|strategie", re.I)


_SUBJECT = re.compile(r"^(?:betreft|onderwerp)\s*:\s*(\S.*)$", re.IGNORECASE)
_DECISION = re.compile(
    r"\s*[-\u2013]?\s*(?:ter\s+)?(?:goedkeuring|vaststelling|kennisname|bespreking)\s*$", re.IGNORECASE
)


class FrontMatter:
    """The part of the Recognizer that reads the title page and the free chapters."""

    def front(self, line: Line) -> bool:
        """Title page lines that fill Instellingen; True when the line was used."""
        settings, plain = self.builder.settings, line.plain.strip()
        style = line.style.casefold()
        if (
            line.bold
            and self.title_guess is not None
            and self.right_under_title()
            and line.size == self.title_guess[0].size
            and re.search(r"plan\b", plain, re.IGNORECASE)
            and not labels.PERIOD_LINE.match(plain)
            and not labels.FRONT_MUNICIPALITY.match(plain)
        ):
            # "Integration and Civic Integration Plan" under "Integratie- en inburgeringsplan": the title once more
            self.builder.note(line.position, plain, "Tweede titelregel van het voorblad: niet overgenomen.")
            return True
        if match := _SUBJECT.match(plain):
            # "Betreft: Lokaal integratiebeleidsplan 2026-2031 - goedkeuring": the plan a nota to the council is about
            self.period(match.group(1))
            title = _DECISION.sub("", labels.without_period(match.group(1))).strip(" -\u2013")
            if title:
                if self.title_guess is not None:
                    self.builder.notes.remove(self.title_guess[1])
                    self.title_guess = None
                settings["Titel van het plan"] = title
                self.builder.note(line.position, plain, f"Titel van het plan '{title}' uit de regel 'Betreft'.")
            return True
        if match := labels.REPORT_YEAR.match(plain):
            settings["Rapportjaar"] = int(match.group(1))
        elif labels.PERIOD_LINE.match(plain) and "Beginjaar" not in settings:
            self.period(plain)
        elif style == "gemeente" and "Gemeente" not in settings:
            settings["Gemeente"] = plain
            return True
        elif (match := labels.FRONT_MUNICIPALITY.match(plain)) and "Gemeente" not in settings:
            # "Stad Bilzen | 2026-2031": the gemeente and the period on one line.
            self.period(plain)
            name = labels.without_period(match.group(1)).strip(" |\u00b7-\u2013,") or match.group(1)
            settings["Gemeente"] = name.title() if name.isupper() else name  # "GEMEENTE ZOTTEGEM" on a cover
        elif match := labels.AUTHOR.match(plain):
            settings["Opgesteld door"] = match.group(1).strip()
        elif match := labels.FICTION.match(plain):
            settings["Fictieve gegevens"] = match.group(1).strip()
            return True
        elif style in ("title", "titel") or (
            not self.builder.chapters
            and self.chapter is None
            and "Titel van het plan" not in settings
            and line.bold
            and (not line.heading or re.search(r"plan\b", plain, re.IGNORECASE))
            and len(plain) < 120
            and " ".join(plain.casefold().split()) not in self.contents_titles
        ):
            if "Titel van het plan" in settings:
                return False
            self.period(plain)
            # A bold cover line often joins title and period; a line in the Title style is the title as written.
            titled = style in ("title", "titel")
            settings["Titel van het plan"] = plain if titled else labels.without_period(plain) or plain
            if not titled:
                self.builder.note(
                    line.position,
                    plain,
                    f"Gok: titel van het plan '{settings['Titel van het plan']}' "
                    "(de eerste vetgedrukte regel van het voorblad, zonder label). Kijk het na op het "
                    "blad Instellingen.",
                )
                self.title_guess = (line, self.builder.notes[-1], self.line_count)
            return True
        elif style == "subtitle" and labels.PERIOD.search(plain):
            self.period(plain)
        elif (
            labels.PERIOD.search(plain)
            and "Beginjaar" not in settings
            and not self.builder.chapters
            and self.chapter is None
            and len(plain.split()) <= 6
        ):
            self.period(plain)  # "Meerjarenplanning 2026-2031" on the cover
            self.cover_place(line, labels.without_period(plain))
        else:
            return False
        if style != "title":
            self.builder.note(line.position, plain, "Voorblad: overgenomen in het blad Instellingen.")
        return True

    def chapter_title(self, line: Line) -> str | None:
        """A chapter title told by its look: a bold short line, typed number, capitals or in the contents."""
        plain = " ".join(line.plain.split())
        if plain.endswith(":") and plain.isupper():
            plain = plain[:-1].rstrip()  # "INLEIDING:": titles typed in capitals with a colon
        if line.heading or not line.bold or len(plain) > 80 or plain.endswith((".", ":", ",")) or line.sub:
            return None
        if (
            not self.started
            and not self.builder.chapters
            and "Titel van het plan" not in self.builder.settings
            and re.search(r"plan\b", plain, re.IGNORECASE)
        ):
            return None  # "INTEGRATIEBELEIDSPLAN" on the cover: the plan's title, not its first chapter
        if line.position in self.shapes:
            return None  # "1. title" with "1.1 ..." under it: an objective told by its numbering
        typed = labels.TYPED_CHAPTER.match(plain)
        roman = None if typed else labels.ROMAN_CHAPTER.match(plain)  # "II. OMGEVINGSANALYSE"
        title = typed.group(1) if typed else roman.group(1) if roman else plain
        capitals = title.isupper() and sum(c.isalpha() for c in title) >= 4
        inside = self.started and not self.ended
        # Inside the objectives only a title that looks like the chapters before them: the next typed number, or
        # capitals when those were in capitals.
        same_look = not line.bullet and (
            typed is not None
            and self.chapter_number
            and int(plain.split(".")[0].split()[0]) == self.chapter_number + 1
            or capitals
            and self.capital_chapters
            or line.marker == "lijst"
            and self.list_chapters
            and self.mode != "results"
            or bool(_ANNEX.match(title))  # "Bijlage: budget", "Bijlage 2 – Overzicht": an annex after the plan
            or self.plain_chapter_look(line, title)
        )
        if inside and not same_look and (self.mode == "results" or line.bullet and line.marker != "lijst"):
            return None
        listed = " ".join(title.casefold().split()) in self.contents_titles
        if not (listed or same_look or (typed or roman or capitals or line.marker == "lijst") and not inside):
            return None
        if (
            (labels.label(title) and not (typed or roman))
            or self.heading_like(title)
            or labels.PERIOD_LINE.match(title)
        ):
            return None
        if not self.started and not self.builder.chapters and labels.FRONT_MUNICIPALITY.match(title):
            return None
        if not self.started and line.size:
            self.chapter_sizes.add(line.size)
        if typed:
            self.chapter_number = int(plain.split(".")[0].split()[0])
        if capitals and not self.started:
            self.capital_chapters = True
        if line.marker == "lijst" and not self.started:
            self.list_chapters = True
        return title

    def period(self, text: str) -> None:
        if (match := labels.PERIOD.search(text)) and "Beginjaar" not in self.builder.settings:
            self.builder.settings["Beginjaar"] = int(match.group(1))
            self.builder.settings["Eindjaar"] = int(match.group(2))

    def open_chapter(self, line: Line) -> None:
        self.chapter_size = line.size
        if self.started:
            self.ended = True
        title = line.plain.strip()
        if re.search(r"begroting|budget|financiering", title, re.IGNORECASE):
            self.hint("budget", f"een hoofdstuk '{title}'", line.position)
        self.skipping = title.casefold() in NOT_PLAN_CHAPTERS
        if self.skipping:
            self.builder.note(
                line.position,
                title,
                "Niet overgenomen als hoofdstuk: planrapport maakt dit deel "
                "zelf uit het blad Begroting (de begrotingstabellen eronder staan op dat blad) en uit "
                "de controle.",
            )
            self.chapter = None
            return
        self.chapter = Chapter(title, after=self.ended, position=line.position)
        self.builder.chapters.append(self.chapter)

    def chapter_line(self, line: Line) -> None:
        if (
            line.bold
            and len(line.plain) < 80
            and not line.plain.endswith(".")
            # the next bold title before the objectives, after text under the one above: a chapter of its own (not
            # the bold first line of a box, a table, inside the chapter)
            and (
                self.chapter is None
                or not self.started
                and self.chapter.paragraphs
                and not line.bullet
                and not line.position.startswith("tabel")
                and line.size == self.chapter_size  # the look of the title above, not a smaller subheading
            )
        ):
            self.bold_chapters = self.bold_chapters or (not self.started and not line.heading)
            if not self.started and line.size:
                self.chapter_sizes.add(line.size)
            self.open_chapter(line)
            return
        if not self.started:
            self.running.append(line)
        if self.chapter is None and self.title_guess is not None and _prose(line) and self.right_under_title():
            self.title_was_chapter()
        if self.chapter is None:
            self.builder.note(line.position, line.plain, "Niet geplaatst: tekst voor het eerste hoofdstuk.")
            return
        if self.ended and budget_line(self, line):
            return
        self.chapter.paragraphs.append((line.text, line.bullet))

    def right_under_title(self) -> bool:
        """The current line comes right after the line taken as the title (nothing between them)."""
        return self.title_guess is not None and self.line_count == self.title_guess[2] + 1

    def title_was_chapter(self) -> None:
        """The bold line taken as the plan's title has running text under it: it was the first chapter's title
        (a plan without a title page)."""
        title, note, _ = self.title_guess
        self.title_guess = None
        self.builder.settings.pop("Titel van het plan", None)
        self.builder.notes.remove(note)
        self.builder.note(
            title.position,
            title.plain,
            "Hoofdstuk: de eerste vetgedrukte regel staat boven lopende tekst, dus geen titel van het plan (het "
            "document heeft geen voorblad).",
        )
        if title.size:
            self.chapter_sizes.add(title.size)
        self.bold_chapters = True
        self.open_chapter(title)

    def plain_chapter_look(self, line: Line, title: str) -> bool:
        """A short bold line like the chapter titles before the objectives: of their size (larger than the text), or
        bold lines without number in a plan whose actions carry a label or code; no objective, result or action."""
        body = max(self.body_sizes, key=self.body_sizes.get, default=0)
        sized = line.size > body and line.size in self.chapter_sizes  # the size of the chapter titles, above the text
        return (
            (self.bold_chapters and self.labelled_actions or sized)
            and self.started
            and "tekstvak" not in line.position
            and not line.position.startswith("tabel")
            and len(title) <= 60
            and not any(pattern.match(title) for pattern in _ITEMS)
            and labels.label(title) is None
            and label_over_code(line, title) is None  # "Indicatoren BD 1": a part of the objective above
        )

    def cover_place(self, line: Line, rest: str) -> None:
        """The gemeente of a cover line "Wetteren 2026-2031": a name of one to three capitalised words that are not
        words of a document's title ("Meerjarenplanning"), noted as a guess."""
        settings = self.builder.settings
        if "Gemeente" in settings or not _PLACE.match(rest) or _DOCUMENT_WORD.search(rest):
            return
        settings["Gemeente"] = rest
        self.builder.note(
            line.position,
            line.plain,
            f"Gok: gemeente {rest} uit het voorblad (de naam voor de planperiode, zonder label). Kijk het na op het "
            "blad Instellingen.",
        )

    def drop_overviews(self) -> None:
        """A chapter before the objectives that only lists them ("Overzicht van de doelstellingen", a table of SD and
        OD): an overview planrapport makes itself, not a chapter of the plan."""
        titles = [" ".join(str(row.values["Titel"]).casefold().split()) for row in self.builder.objectives]
        titles = [title for title in titles if len(title) > 12]
        for chapter in [c for c in self.builder.chapters if not c.after and c.paragraphs]:
            texts = [" ".join(text.replace("**", "").casefold().split()) for text, _ in chapter.paragraphs]
            listing = sum(1 for text in texts if any(title in text for title in titles))
            named = sum(1 for title in titles if any(title in text for text in texts))
            if listing * 2 >= len(texts) and named >= max(3, len(titles) // 2):
                self.builder.chapters.remove(chapter)
                self.removed_headings.add(" ".join(chapter.title.casefold().split()))
                self.builder.note(
                    chapter.position,
                    chapter.title,
                    f"Overzicht van de doelstellingen ({named} titels van doelstellingen verderop): niet overgenomen "
                    "als hoofdstuk; planrapport zet de doelstellingen zelf onder elkaar.",
                )


def _prose(line: Line) -> bool:
    """Running text: a long line that ends a sentence, not a title, label or list item."""
    plain = line.plain.strip()
    return not line.bold and not line.bullet and len(plain) > 40 and plain.endswith((".", "!", "?"))
