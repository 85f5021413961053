"""Walk the document's lines: front page, free chapters and the objectives in any of the three layouts."""

from __future__ import annotations

import re

from workbook.word_import import labels
from workbook.word_import.document import Block, Line, Table
from workbook.word_import.placing import Chapter, PlanBuilder, Row
from workbook.word_import.tables import read_table

FOLLOW_UP_FIELDS = {
    "status": "Status",
    "progress": "Stand van zaken",
    "progress_colour": "Stand van zaken (indicator)",
    "time": "Tijd",
    "time_colour": "Tijd (indicator)",
    "money": "Geld",
    "money_colour": "Geld (indicator)",
}
ACTION_FIELDS = {
    "description": "Omschrijving",
    "timing": "Tijdstip",
    "lead": "Trekker",
    "partners": "Partners",
    "budget": "Budget/personeelsinzet",
    "contact": "Contact",
}
# Chapters the plan document of planrapport writes itself from the workbook.
# Lines of the plan document of planrapport that say something is missing; they are not the officer's text.
PLACEHOLDERS = ("Onder deze doelstelling staan nog geen resultaten of acties.",)
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


# Labels that announce a level: a warning when that level stays empty.
_HINTED = {"results": "results", "actions": "actions", "evaluation": "indicators"}


class Recognizer:
    """One pass over the blocks; `builder` collects what was placed and the notes of the Import sheet."""

    def __init__(self) -> None:
        self.builder = PlanBuilder()
        self.started = False
        self.ended = False
        self.strategic: Row | None = None
        self.operational: Row | None = None
        self.objective: Row | None = None  # the latest objective, strategic or operational
        self.result: Row | None = None
        self.action: Row | None = None
        self.fresh = False  # nothing placed under the latest heading yet
        self.awaiting_title = False
        self.mode = ""
        self.field = ""
        self.timing = ""
        self.pending_domain = ""
        self.chapter: Chapter | None = None
        self.skipping = False  # inside a chapter planrapport writes itself (budget, unplaced rows)
        self.contents: list[Line] = []
        self.contents_titles: set[str] = set()  # the chapter titles the table of contents names
        self.contents_order: list[str] = []  # the same, in the order of the table of contents, as written
        self.removed_headings: set[str] = set()  # headings above the objectives, not taken as chapters
        self.hints: dict[str, tuple[str, str]] = {}  # level -> (text that looks like it, where) for the counts
        self.table_rows: list[tuple[Row, dict[str, object]]] = []  # measurements of the latest year table
        self.table_first: Row | None = None
        self.action_timing = ""
        self.result_marker = ""  # the bullet sign of the results in the labelled layout
        self.result_style = ""  # the paragraph style of the results, when Word list paragraphs
        self.result_bullet = False  # the latest result was a bullet (not "Resultaat 1.1.1: ..." or "1.1.1 ...")
        self.action_sub = False  # the latest action was a sub-bullet
        self.chapter_number = 0  # the number of the latest typed chapter title ("4. Doelstellingen")
        self.capital_chapters = False  # the chapter titles before the objectives were in capitals
        self.list_chapters = False  # they were bold paragraphs of a Word list (numbered without typed numbers)
        self.running: list[Line] = []  # running text before the objectives, where gemeente and period may stand
        self.last_text = ""  # the latest line, which may give the year of a budget table under it
        self.row_table = ""  # the table of the latest results row
        self.row_action: Row | None = None  # the last action of the latest table row, which a next row may go on
        self.shapes: dict[str, tuple[str, str, bool]] = {}  # position -> (code, title, strategic), numbered headings

    # ------------------------------------------------------------------ blocks

    def run(self, blocks: list[Block]) -> PlanBuilder:
        self.shapes = numbered_objectives([b for b in blocks if isinstance(b, Line)])
        for block in blocks:
            if isinstance(block, Table):
                read_table(self, block)
            else:
                self.line(block)
        if self.contents:
            self.builder.note(
                self.contents[0].position,
                "\n".join(line.plain for line in self.contents),
                "Inhoudstafel: niet overgenomen (planrapport maakt ze zelf).",
            )
        return self.builder

    def line(self, line: Line) -> None:
        if (text := labels.one_language(line.text)) != line.text:
            line = Line(
                text,
                line.position,
                line.style,
                line.bold,
                line.underline,
                line.bullet,
                line.sub,
                line.heading,
                line.marker,
            )
        text = line.text
        self.last_text = line.plain
        if (kind := labels.not_content(line.plain, in_table=line.position.startswith("tabel"))) is not None:
            self.builder.note(line.position, line.plain, f"Overgeslagen: {kind}, geen inhoud.")
            return
        if (
            line.style.casefold().startswith("toc")
            or labels.CONTENTS.match(line.plain)
            or (
                not self.started
                and labels.CONTENTS_LINE.match(line.plain)
                and not self.heading_like(line.plain)
                and (line.plain[:1].isdigit() or "..." in line.plain or "\u2026" in line.plain)
            )
        ):
            self.contents.append(line)
            if match := labels.CONTENTS_LINE.match(line.plain):
                self.contents_entry(match.group(1), line.style)
            return
        if (title := self.chapter_title(line)) is not None:
            self.open_chapter(Line(title, line.position, line.style, line.bold))
            return
        if self.skipping and not line.heading:
            self.builder.note(
                line.position,
                line.plain,
                "Jaar van de begrotingstabel eronder (blad Begroting)."
                if labels.BUDGET_TITLE.match(line.plain.strip())
                else "Niet overgenomen: hoort bij een deel dat planrapport zelf maakt.",
            )
            return
        if match := labels.DOMAIN_BEFORE_HEADING.match(line.plain):
            self.pending_domain = match.group(1).strip()
            text = match.group(2)
        if self.heading(line, text):
            return
        if not self.started and self.front(line):
            return
        if line.heading:
            typed = labels.TYPED_CHAPTER.match(line.plain.strip())
            self.open_chapter(
                Line(typed.group(1), line.position, line.style, line.bold, heading=line.heading) if typed else line
            )
            return
        if self.ended or (not self.started):
            self.chapter_line(line)
            return
        self.objective_line(line, text)

    def contents_entry(self, title: str, style: str = "") -> None:
        """A title of the table of contents; entries of deeper levels ("toc 2") are not chapters."""
        title = " ".join(title.split())
        self.contents_titles.add(title.casefold())
        if not re.match(r"toc\s*[2-9]", style.casefold()):
            self.contents_order.append(title)

    def announced_chapters(self) -> list[str]:
        """The chapters the table of contents names, without the objectives and the parts planrapport makes."""
        return [
            title
            for title in self.contents_order
            if not self.heading_like(title)
            and title.casefold() not in self.removed_headings
            and title.casefold() not in NOT_PLAN_CHAPTERS
            and title.casefold() not in OBJECTIVES_PART
            and not labels.TYPED_CHAPTER.match(title)
        ]

    def hint(self, level: str, evidence: str, position: str) -> None:
        """Text that looks like a level, for a warning when the level stays empty."""
        self.hints.setdefault(level, (evidence, position))

    def heading(self, line: Line, text: str) -> bool:
        plain = text.replace("**", "").strip()
        if len(plain) > 400:
            return False
        if (shape := self.shapes.get(line.position)) is not None:
            self.new_objective(shape[0], shape[1], strategic=shape[2])
        elif match := labels.STRATEGIC.match(plain):
            self.new_objective(match.group(1), match.group(2), strategic=True)
        elif match := labels.OPERATIONAL.match(plain):
            code = match.group(1)
            if self.strategic is None or code.split(".")[0] != self.strategic.values["Code"]:
                self.builder.note(
                    line.position,
                    plain,
                    f"Operationele doelstelling {code} staat niet onder "
                    "haar strategische doelstelling; geplaatst met haar eigen code.",
                )
            self.new_objective(code, match.group(2), strategic=False)
        elif match := labels.BBC_OBJECTIVE.match(plain):
            self.new_objective(match.group(1).replace(" ", ""), match.group(2), strategic=True)
        elif match := labels.BBC_PLAN.match(plain):
            self.new_objective(match.group(1).replace(" ", ""), match.group(2), strategic=False)
        elif (
            (match := labels.BBC_ACTION.match(plain))
            and self.operational is not None
            and str(self.operational.values["Code"]).startswith("AP")
            and not self.ended
        ):
            self.new_bbc_action(match.group(1), _after_code(text, match.group(1)))
        elif (line.heading or line.bold) and (match := labels.WORDED_OPERATIONAL.match(plain)):
            self.new_objective(match.group(1), match.group(2), strategic=False)
        elif (line.heading or line.bold) and (match := labels.WORDED_STRATEGIC.match(plain)):
            self.new_objective(match.group(1), match.group(2), strategic=True)
        elif (
            (match := labels.NUMBERED_ACTION.match(plain))
            and self.operational is not None
            and not self.ended
            and (line.heading or line.bold)
        ):
            self.new_bbc_action(match.group(1), match.group(2))
        else:
            return False
        return True

    def new_objective(self, code: str, title: str, strategic: bool) -> None:
        if not self.started and self.chapter is not None and not self.chapter.paragraphs:
            self.builder.chapters.remove(self.chapter)
            self.removed_headings.add(self.chapter.title.casefold())
            self.builder.note(
                self.chapter.position,
                self.chapter.title,
                "Kop boven de doelstellingen: niet "
                "overgenomen (het beleidsplan zet de doelstellingen zelf onder elkaar).",
            )
        self.started, self.ended, self.skipping, self.chapter = True, False, False, None
        title = title.strip().rstrip(":").strip()
        row = self.builder.objective(code, title, self.pending_domain)
        self.pending_domain = ""
        if strategic:
            self.strategic, self.operational = row, None
        else:
            self.operational = row
        self.objective, self.result, self.action = row, None, None
        self.fresh, self.awaiting_title = True, not title
        self.mode, self.timing = "", ""

    def new_bbc_action(self, code: str, title: str) -> None:
        self.action = self.builder.action(code, title.strip())
        self.mode, self.field, self.fresh, self.awaiting_title = "field", "description", False, False

    # ------------------------------------------------------------------ outside the objectives

    def front(self, line: Line) -> bool:
        """Title page lines that fill Instellingen; True when the line was used."""
        settings, plain = self.builder.settings, line.plain.strip()
        style = line.style.casefold()
        if match := labels.REPORT_YEAR.match(plain):
            settings["Rapportjaar"] = int(match.group(1))
        elif labels.PERIOD_LINE.match(plain) and "Beginjaar" not in settings:
            self.period(plain)
        elif style == "gemeente" and "Gemeente" not in settings:
            settings["Gemeente"] = plain
            return True
        elif (match := labels.FRONT_MUNICIPALITY.match(plain)) and "Gemeente" not in settings:
            settings["Gemeente"] = match.group(1).strip()
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
            return True
        elif style == "subtitle" and labels.PERIOD.search(plain):
            self.period(plain)
        else:
            return False
        if style != "title":
            self.builder.note(line.position, plain, "Voorblad: overgenomen in het blad Instellingen.")
        return True

    def chapter_title(self, line: Line) -> str | None:
        """A chapter title told by its look: a bold short line, typed number, capitals or in the contents."""
        plain = " ".join(line.plain.split())
        if line.heading or not line.bold or len(plain) > 80 or plain.endswith((".", ":", ",")) or line.sub:
            return None
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
        )
        if inside and not same_look and (self.mode == "results" or line.bullet and line.marker != "lijst"):
            return None
        listed = " ".join(title.casefold().split()) in self.contents_titles
        if not (listed or same_look or (typed or roman or capitals or line.marker == "lijst") and not inside):
            return None
        if labels.label(title) or self.heading_like(title) or labels.PERIOD_LINE.match(title):
            return None
        if typed:
            self.chapter_number = int(plain.split(".")[0].split()[0])
        if capitals and not self.started:
            self.capital_chapters = True
        if line.marker == "lijst" and not self.started:
            self.list_chapters = True
        return title

    def heading_like(self, text: str) -> bool:
        return any(
            pattern.match(text)
            for pattern in (
                labels.STRATEGIC,
                labels.OPERATIONAL,
                labels.BBC_OBJECTIVE,
                labels.BBC_PLAN,
                labels.WORDED_STRATEGIC,
                labels.WORDED_OPERATIONAL,
                labels.RESULT,
            )
        )

    def period(self, text: str) -> None:
        if (match := labels.PERIOD.search(text)) and "Beginjaar" not in self.builder.settings:
            self.builder.settings["Beginjaar"] = int(match.group(1))
            self.builder.settings["Eindjaar"] = int(match.group(2))

    def open_chapter(self, line: Line) -> None:
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
        if self.chapter is None and line.bold and len(line.plain) < 80 and not line.plain.endswith("."):
            self.open_chapter(line)
            return
        if not self.started:
            self.running.append(line)
        if self.chapter is None:
            self.builder.note(line.position, line.plain, "Niet geplaatst: tekst voor het eerste hoofdstuk.")
            return
        self.chapter.paragraphs.append((line.text, line.bullet))

    # ------------------------------------------------------------------ inside the objectives

    def objective_line(self, line: Line, text: str) -> None:
        plain = text.replace("**", "").strip()
        if match := labels.DOMAIN.match(plain):
            if self.fresh and self.objective is not None and not self.objective.values["Domein"]:
                self.objective.values["Domein"] = match.group(1).strip()
            else:
                self.pending_domain = match.group(1).strip()
            return
        if self.awaiting_title and self.objective is not None:
            self.objective.values["Titel"] = plain.rstrip(":").strip()
            self.awaiting_title = False
            return
        if (match := labels.RESULT_LABELLED.match(plain)) and self.operational is not None:
            self.set_mode("results")
            rest = _after_code(text, match.group(1))
            self.place(
                Line(f"{match.group(1)} {rest}", line.position, line.style, line.bold, line.underline),
                f"{match.group(1)} {rest}",
            )
            return
        if found := labels.label(text):
            name, rest = found
            if name in _HINTED:
                self.hint(_HINTED[name], f"een label '{line.plain.split(':')[0].strip()}'", line.position)
            self.set_mode(name)
            if rest:
                self.objective_line(
                    Line(rest, line.position, line.style, line.bold, line.underline, line.bullet, line.sub), rest
                )
            return
        if (match := labels.SEE_ALSO.match(plain)) and self.action is not None:
            self.action.values["Zie ook"] = match.group(1).strip()
            return
        if (
            line.bold
            and not line.bullet
            and self.operational is not None
            and self.result is None
            and self.mode in ("", "field")
            and not str(self.operational.values["Code"]).startswith("AP")
            and len(plain) < 200
            and not plain.casefold().startswith("indicator")
            and not self.numbered_result(text)
        ):
            self.new_action(line, text, self.operational)
            self.mode, self.field, self.fresh = "field", "description", False
            return
        self.fresh = False
        if plain in PLACEHOLDERS:
            self.builder.note(line.position, plain, "Niet overgenomen: een zin die planrapport zelf schrijft.")
            return
        self.place(line, text)

    def set_mode(self, name: str) -> None:
        self.awaiting_title = False
        if name in ("results", "evaluation", "motivation"):
            self.mode, self.timing = name, ""
            if name == "results":
                self.result = None
        elif name in ("actions", "section"):
            self.mode = "actions" if name == "actions" else ""
        else:
            self.mode, self.field = "field", name

    def place(self, line: Line, text: str) -> None:
        builder = self.builder
        if self.operational is not None and (
            (self.mode == "" and self.result is None and self.action is None and line.bullet and not line.sub)
            or (self.mode != "field" and self.numbered_result(text))
        ):
            self.mode = "results"  # bullets or "1.1.1 text" right under an operational objective: its results
        if self.mode == "results" and self.operational is not None:
            if self.result is not None and (
                line.sub or self.other_glyph(line) or (line.bullet and not self.result_bullet)
            ):
                if line.plain.lstrip()[:1].islower():  # "met een luik over ...": the result's text goes on
                    self.result.add("Resultaat", text, True)
                    self.hint("actions", "opsommingstekens onder een resultaat", line.position)
                else:
                    self.new_action(line, text, self.result)
                return
            if (inline := labels.INLINE_EVALUATION.match(text)) and inline.group(1).strip("* "):
                self.place(
                    Line(
                        inline.group(1),
                        line.position,
                        line.style,
                        line.bold,
                        line.underline,
                        line.bullet,
                        line.sub,
                        marker=line.marker,
                    ),
                    inline.group(1),
                )
                self.mode = "evaluation"
                self.evaluation(line, inline.group(3).strip(), labelled=True)
                self.mode = "results"
                return
            match = labels.RESULT.match(text.replace("**", ""))
            code = match.group(1) if match else builder.next_code(str(self.operational.values["Code"]), builder.results)
            self.result = builder.result(code, match.group(2) if match else text)
            self.result_marker = line.marker if line.bullet else ""
            self.result_style = line.style if line.bullet else ""
            self.result_bullet = line.bullet
            if not match:
                builder.note(line.position, line.plain, f"Resultaat zonder nummer: genummerd als {code}.")
            return
        if self.mode == "evaluation":
            if self.result_marker and line.bullet and not line.sub and line.marker == self.result_marker:
                self.mode = "results"
                self.place(line, text)
                return
            self.evaluation(line, text, labelled=True)
            return
        if self.mode == "actions" and (self.result is not None or self.operational is not None):
            if line.sub and self.action is not None and not self.action_sub and not self.other_glyph(line):
                self.action.add("Omschrijving", text, True)
                return
            self.new_action(line, text, self.result or self.operational)
            return
        if self.mode == "table_notes" and self.table_first is not None:
            self.table_note(line, text)
            return
        if self.mode == "field" and self.action is not None:
            if self.field in FOLLOW_UP_FIELDS:
                builder.follow_up(str(self.action.values["Code"])).add(FOLLOW_UP_FIELDS[self.field], text, line.bullet)
            elif self.field in ACTION_FIELDS:
                self.action.add(ACTION_FIELDS[self.field], text, line.bullet)
            return
        if self.objective is not None and self.result is None and self.action is None:
            self.objective.add("Motivering", text, line.bullet)
            if self.mode != "motivation":
                builder.note(
                    line.position,
                    line.plain,
                    f"Geplaatst als motivering van doelstelling "
                    f"{self.objective.values['Code']} (er stond geen label 'Motivering' boven).",
                )
            return
        builder.note(line.position, line.plain, "Niet geplaatst: de import herkende niet waar deze tekst hoort.")

    def numbered_result(self, text: str) -> bool:
        match = labels.RESULT.match(text.replace("**", "").strip())
        return bool(match and match.group(1).startswith(f"{self.operational.values['Code']}."))

    def other_glyph(self, line: Line) -> bool:
        """A typed bullet sign other than the one of the results: the level below (actions)."""
        if (
            line.bullet
            and line.marker == "lijst" == self.result_marker
            and self.result_style
            and line.style
            and line.style != self.result_style
        ):
            return True  # Word list paragraphs in another style than the results' ("Resultaat", "Actie")
        if line.bullet and line.marker == "lijst" and self.result_marker in ("a)", "1)"):
            return True  # Word bullets under results typed "a)": the actions
        return bool(
            line.bullet
            and self.result_marker
            and line.marker not in ("", "lijst")
            and line.marker != self.result_marker
        )

    def new_action(self, line: Line, text: str, parent: Row) -> Row:
        title, fields = labels.split_fields(text)
        code = self.builder.next_code(str(parent.values["Code"]), self.builder.actions)
        self.action = self.builder.action(code, title, fields.pop("timing", ""))
        self.action_sub = line.sub
        for name, value in fields.items():
            self.action.add(ACTION_FIELDS[name], value)
        return self.action

    def evaluation(self, line: Line, text: str, labelled: bool = False) -> None:
        parent = self.result or self.action or self.operational or self.objective
        if parent is None:
            self.builder.note(line.position, line.plain, "Niet geplaatst: evaluatie zonder resultaat erboven.")
            return
        timing = labels.timing_line(text, line.underline or line.bold)
        if timing is not None:
            self.timing = timing
            return
        if labels.MEASURES_LINE.match(text.replace("**", "").strip()) and self.builder.indicators:
            self.builder.indicators[-1].values.update(labels.split_measures(f"x {text.strip()}")[1])
            return
        text, measures = labels.split_measures(text)
        plain = text.replace("**", "")
        if labelled and ":" in plain and (prefix := labels.timing_prefix(plain)) is not None:
            self.builder.indicator(str(parent.values["Code"]), plain.split(":", 1)[1].strip(), prefix).values.update(
                measures
            )
            return
        if line.sub and self.builder.indicators:
            self.builder.indicators[-1].add("Indicator", text, True)
            return
        self.builder.indicator(str(parent.values["Code"]), text, self.timing).values.update(measures)

    def table_note(self, line: Line, text: str) -> None:
        starred = [values for _, values in self.table_rows if values.get("_ster")]
        if line.plain.casefold().startswith("noot") or not starred:
            self.table_first.add("Toelichting", text)
            return
        starred[0].pop("_ster")
        starred[0]["Opmerking"] = text.lstrip("* ").rstrip("*").strip()


def numbered_objectives(lines: list[Line]) -> dict[str, tuple[str, str, bool]]:
    """Objectives told by their numbering alone, in a plan without labels such as "Strategische doelstelling": a
    heading or bold line "A." / "1." is strategic when lines "A.1" / "1.1" of the same weight follow it, and those
    are its operational objectives. A numbered heading without such lines under it ("I. Inleiding") stays a
    chapter. Empty when the plan labels its objectives (the labels decide there)."""
    patterns = (
        labels.STRATEGIC,
        labels.OPERATIONAL,
        labels.BBC_OBJECTIVE,
        labels.BBC_PLAN,
        labels.WORDED_STRATEGIC,
        labels.WORDED_OPERATIONAL,
    )
    candidates: list[tuple[Line, str, str]] = []
    for line in lines:
        plain = " ".join(line.plain.split())
        if any(p.match(plain) for p in patterns) and (line.heading or line.bold):
            return {}
        if (
            (line.heading or line.bold)
            and not line.bullet
            and len(plain) < 400
            and (match := labels.NUMBER_SHAPE.match(plain))
            and not line.position.startswith("tabel")
        ):
            candidates.append((line, match.group(1), match.group(2).strip()))
    shapes: dict[str, tuple[str, str, bool]] = {}
    tops = {code for _, code, _ in candidates if "." not in code}
    children = {code.split(".")[0] for _, code, _ in candidates if "." in code}
    for line, code, title in candidates:
        if "." not in code and code in children:
            shapes[line.position] = (code, title, True)
        elif "." in code and code.split(".")[0] in tops and code.split(".")[0] in children:
            shapes[line.position] = (code, title, False)
    return shapes


def _after_code(text: str, code: str) -> str:
    rest = text.replace("**", "")
    rest = rest[rest.find(code) + len(code) :]
    return rest.strip().lstrip(":-\u2013.").strip()
