"""Walk the document's blocks: headings of objectives, the table of contents, and each line to its part."""

from __future__ import annotations

import re
from dataclasses import replace

from workbook.word_import import headings, labels
from workbook.word_import.document import Block, Line, Table
from workbook.word_import.fields import ACTION_FIELDS
from workbook.word_import.front_matter import NOT_PLAN_CHAPTERS, OBJECTIVES_PART, FrontMatter
from workbook.word_import.heading_lines import HeadingLines
from workbook.word_import.languages import one_language
from workbook.word_import.line_codes import LOCAL_ACTION, LOCAL_RESULT, RESULT_ALONE, TYPED_CODE, after_code
from workbook.word_import.numbered_headings import numbered_objectives
from workbook.word_import.objective_lines import ObjectiveLines
from workbook.word_import.outline_levels import outline_plan
from workbook.word_import.pdf_lines import rejoin
from workbook.word_import.placing import Chapter, Note, PlanBuilder, Row
from workbook.word_import.tables import read_table
from workbook.word_import.tables.frames import unwrap_frames

# A heading over a group of objectives: "Beleidsdomein 1: Welzijn en zorg", "Domein 2 – Onderwijs".
DOMAIN_GROUP = re.compile(r"^(?:beleids)?domein\s+(?:\d{1,2}|[A-Z])\s*[:.\-\u2013]\s*(\S.*)$", re.IGNORECASE)


_NUMBER_BEFORE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(\S.*)$", re.DOTALL)
_DROPPED = {
    "verborgen": "Verborgen tekst (Word toont en drukt ze niet): niet overgenomen.",
    "doorgehaald": "Doorgehaalde tekst: niet overgenomen (doorhalen is schrappen).",
}


class Recognizer(FrontMatter, ObjectiveLines, HeadingLines):
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
        self.result_indent = 0  # the indentation of the latest result, when a bullet
        self.result_bullet = False  # the latest result was a bullet (not "Resultaat 1.1.1: ..." or "1.1.1 ...")
        self.action_sub = False  # the latest action was a sub-bullet
        self.chapter_number = 0  # the number of the latest typed chapter title ("4. Doelstellingen")
        self.capital_chapters = False  # the chapter titles before the objectives were in capitals
        self.chapter_size = 0  # the font size of the latest chapter title: a bold line of that size is the next
        self.list_chapters = False  # they were bold paragraphs of a Word list (numbered without typed numbers)
        self.running: list[Line] = []  # running text before the objectives, where gemeente and period may stand
        self.last_text = ""  # the latest line, which may give the year of a budget table under it
        self.row_table = ""  # the table of the latest results row
        self.row_action: Row | None = None  # the last action of the latest table row, which a next row may go on
        self.domain_group = ""  # the title of the latest "Beleidsdomein" heading over the objectives
        self.result_pending = False  # a line "Resultaat 1.1.1" alone: its text is the next paragraph
        self.title_look: tuple[bool, int, str] | None = None  # (bold, heading, style) of the latest objective title
        self.title_guess: tuple[Line, Note, int] | None = None  # a bold line taken as the title, its note, line number
        self.line_count = 0  # the lines seen so far
        self.action_title_at: tuple[Line, int] | None = None  # the line of the latest labelled action, its number
        self.chapter_sizes: set[int] = set()  # font sizes of the bold chapter titles before the objectives
        self.body_sizes: dict[int, int] = {}  # font size of the running text -> how many lines
        self.bold_chapters = False  # the chapters before the objectives were bold lines without number or style
        self.labelled_actions = False  # the actions so far carried a label or code ("Actie 1:", "A1.1.1.1")
        self.operational_level = 0  # the heading level of the latest operational objective, 0 when not a heading
        self.previous_position = ""  # where the latest text of a field stood, for lines of one paragraph
        self.shapes: dict[str, tuple[str, str, bool, str]] = {}  # position -> (code, title, strategic, as printed)
        self.printed_operational = ""  # the number printed for the latest objective when the plan counts its ODs on
        self.action_position = ""  # where the latest action's bullet stood (its next lines after a break go on it)
        self.contents_open = False  # right under a label "Inhoud" or "Op deze pagina:": its entries follow
        self.given_fields: dict[str, dict[str, str]] = {}  # objective code -> fields its info table gives its actions
        self.tab_roles: list[str] = []  # the roles of the columns a line with tabs named ("Actie", "Trekker", ...)

    # ------------------------------------------------------------------ blocks

    def run(self, blocks: list[Block]) -> PlanBuilder:
        blocks = unwrap_frames(blocks)
        blocks, joined = rejoin(blocks)
        self.builder.notes += joined
        blocks, outlined = outline_plan(blocks)
        self.builder.notes += outlined
        self.shapes = numbered_objectives([b for b in blocks if isinstance(b, Line)])
        for block in blocks:
            if isinstance(block, Table):
                read_table(self, block)
            else:
                self.line(block)
        self.drop_overviews()
        self.give_fields()
        for chapter in [c for c in self.builder.chapters if c.after and not c.paragraphs]:
            # "Deel 2. Actiefiches" over the action forms: a heading without text of its own is no chapter
            self.builder.chapters.remove(chapter)
            said = "Kop zonder eigen tekst: niet overgenomen als hoofdstuk."
            self.builder.note(chapter.position, chapter.title, said)
        if self.contents:
            self.builder.note(
                self.contents[0].position,
                "\n".join(line.plain for line in self.contents),
                "Inhoudstafel: niet overgenomen (planrapport maakt ze zelf).",
            )
        return self.builder

    def give_fields(self) -> None:
        """The fields an objective's info table gives: to each action under it that has none of its own."""
        for action in self.builder.actions:
            code = str(action.values["Code"])
            for objective, fields in self.given_fields.items():
                if not code.startswith(objective + "."):
                    continue
                for role, value in fields.items():
                    column = ACTION_FIELDS[role]
                    if action.values.get(column) or action.parts.get(column):
                        continue
                    if role == "timing":
                        action.values[column] = value
                    else:
                        action.add(column, value)

    def line(self, line: Line) -> None:
        for kind, text in line.dropped.items():
            self.builder.note(line.position, text, _DROPPED[kind])
        if line.only_dropped:
            return
        if (text := one_language(line.text)) != line.text:
            line = replace(line, text=text)
        text = line.text
        self.line_count += 1
        self.last_text = line.plain
        if not line.bold and not line.heading:
            self.body_sizes[line.size] = self.body_sizes.get(line.size, 0) + 1
        if (kind := labels.not_content(line.plain, in_table=line.position.startswith("tabel"))) is not None:
            self.builder.note(line.position, line.plain, f"Overgeslagen: {kind}, geen inhoud.")
            return
        if self.contents_open and (line.bold or line.heading or self.started or len(line.plain) > 150):
            self.contents_open = False
        if self.contents_open:
            # the lines under "Op deze pagina:" or "Inhoud" without page numbers (links to the parts): the contents
            self.contents.append(line)
            typed = labels.CONTENTS_LINE.match(line.plain)
            self.contents_entry(typed.group(1) if typed else line.plain.strip(), line.style)
            return
        if (
            line.style.casefold().startswith(("toc", "contents ", "inhoudsopgave "))
            or labels.CONTENTS.match(line.plain)
            or (
                not self.started
                and labels.CONTENTS_LINE.match(line.plain)
                # an objective in a typed table of contents has dot leaders to its page number
                and (not self.heading_like(line.plain) or re.search(r"(?:\.{4,}|\u2026{2,})\s*\d{1,3}$", line.plain))
                and (line.plain[:1].isdigit() or "..." in line.plain or "\u2026" in line.plain)
            )
        ):
            self.contents.append(line)
            if match := labels.CONTENTS_LINE.match(line.plain):
                self.contents_entry(match.group(1), line.style)
            elif labels.CONTENTS.match(line.plain.strip()) and not self.started:
                self.contents_open = True
            return
        if (line.heading or line.bold) and (match := DOMAIN_GROUP.match(line.plain.strip())):
            self.domain_heading(line, match.group(1).strip())
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
        known = len(self.builder.objectives)
        if self.heading(line, text):
            if len(self.builder.objectives) > known:
                self.title_look = (line.bold, line.heading, line.style)
                if self.operational is self.objective:
                    self.operational_level = line.heading  # headings deeper than this one are parts of the objective
            return
        if not self.started and self.front(line):
            return
        if line.heading and not (self.started and not self.ended and self.inner_heading(line)):
            typed = labels.TYPED_CHAPTER.match(line.plain.strip())
            self.open_chapter(
                Line(typed.group(1), line.position, line.style, line.bold, heading=line.heading) if typed else line
            )
            return
        if self.ended or (not self.started):
            self.chapter_line(line)
            return
        if labels.BUDGET_CAPTION.match(line.plain.strip()):
            self.builder.note(line.position, line.plain, "Titel van de begrotingstabel eronder (blad Begroting).")
            self.mode = ""
            return
        if match := labels.LEVEL_REFERENCE.match(line.plain.strip()):
            self.level_reference(line, match.group(1), match.group(2))
            return
        self.objective_line(line, text)

    def inner_heading(self, line: Line) -> bool:
        """A heading under an operational objective that is part of it, not a chapter: "Resultaat 1.1.1: text" at any
        level; a label ("Acties"), a numbered action or result, below the level of the objective's own heading."""
        if self.operational is None:
            return False
        plain = line.plain.strip()
        if labels.RESULT_LABELLED.match(plain) or RESULT_ALONE.match(plain) or LOCAL_RESULT.match(plain):
            return True
        deeper = bool(self.operational_level) and line.heading > self.operational_level
        return deeper and bool(
            labels.label(line.text)
            or LOCAL_ACTION.match(plain)
            or TYPED_CODE.match(plain)
            or labels.RESULT.match(plain)
        )

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
        if (line.heading or line.bold) and (numbered := _NUMBER_BEFORE.match(plain)):
            rest = numbered.group(1)
            if any(pattern.match(rest) for pattern in headings.OBJECTIVE_HEADINGS):
                plain = text = rest  # "4. Strategische doelstelling 1: ...": the chapter number before the label
                if "." not in numbered.group(0).split()[0].rstrip("."):
                    self.chapter_number = int(numbered.group(0).split(".")[0])  # the next chapter: "6. Opvolging"
        if (shape := self.shapes.get(line.position)) is not None:
            code, title, strategic, printed = shape
            if not printed:  # the label under the objective's title: said, nothing more to place
                self.builder.note(line.position, plain, f"Label van doelstelling {code} (onder haar titel).")
                return True
            if printed != code:
                self.builder.note(
                    line.position,
                    plain,
                    f"Doelstelling {printed} heeft in het werkboek de code {code} (planrapport nummert met cijfers).",
                )
            self.new_objective(code, title, strategic=strategic)
        elif match := headings.STRATEGIC.match(plain):
            self.new_objective(match.group(1), match.group(2), strategic=True)
        elif match := headings.OPERATIONAL.match(plain):
            code = match.group(1)
            if self.strategic is None or code.split(".")[0] != self.strategic.values["Code"]:
                self.builder.note(
                    line.position,
                    plain,
                    f"Operationele doelstelling {code} staat niet onder "
                    "haar strategische doelstelling; geplaatst met haar eigen code.",
                )
            self.new_objective(code, match.group(2), strategic=False)
        elif not (line.heading or line.bold) and (match := headings.PROSE_OBJECTIVE.match(plain)):
            if not self.prose_objective(line, match):
                return False
        elif (
            (line.heading or line.bold)
            and self.strategic is not None
            and (match := headings.RUNNING_OPERATIONAL.match(plain))
            and match.group(2).strip()
        ):
            parent = str(self.strategic.values["Code"])
            code = self.builder.next_code(parent, self.builder.objectives)
            self.builder.note(
                line.position,
                plain,
                f"Operationele doelstelling {match.group(1)} (doorlopend genummerd) heeft in het werkboek de code "
                f"{code}: de {code.rsplit('.', 1)[1]}e onder strategische doelstelling {parent}.",
            )
            self.new_objective(code, match.group(2), strategic=False)
            self.printed_operational = match.group(1)
            return True
        elif match := headings.BBC_OBJECTIVE.match(plain):
            self.new_objective(match.group(1).replace(" ", ""), match.group(2), strategic=True)
        elif match := headings.BBC_PLAN.match(plain):
            self.new_objective(match.group(1).replace(" ", ""), match.group(2), strategic=False)
        elif (
            (match := headings.BBC_ACTION.match(plain))
            and self.operational is not None
            and str(self.operational.values["Code"]).startswith("AP")
            and not self.ended
        ):
            self.new_bbc_action(match.group(1), after_code(text, match.group(1)))
        elif (line.heading or line.bold) and (match := headings.JOINED_OPERATIONAL.match(plain)):
            self.new_objective(f"{match.group(1)}.{match.group(2)}", match.group(3), strategic=False)
        elif (line.heading or line.bold) and (match := headings.CODE_AFTER_TITLE.match(plain)):
            self.new_objective(match.group(2), match.group(1), strategic="." not in match.group(2))
        elif (line.heading or line.bold) and (match := headings.WORDED_OPERATIONAL.match(plain)):
            self.new_objective(match.group(1), match.group(2), strategic=False)
        elif (line.heading or line.bold) and (match := headings.WORDED_STRATEGIC.match(plain)):
            self.new_objective(match.group(1), match.group(2), strategic=True)
        elif line.heading and (code := self.sub_number(plain)) is not None:
            self.new_objective(code, labels.NUMBER_SHAPE.match(plain).group(2), strategic=False)
        elif (
            (match := headings.NUMBERED_ACTION.match(plain))
            and self.operational is not None
            and not self.ended
            and (line.heading or line.bold or text.lstrip().startswith("**"))  # "**Maatregel 1.1.1** – title"
        ):
            self.new_bbc_action(match.group(1), match.group(2).replace("**", "").strip(" \u2013-:"))
        else:
            return False
        if mark := re.search(r"\((prioritair|niet[- ]prioritair|nieuw|gewijzigd)\)", plain[:60], re.IGNORECASE):
            self.builder.note(
                line.position,
                plain,
                f"Markering '{mark.group(0)}' niet in de titel overgenomen (het werkboek heeft er geen kolom voor).",
            )
        return True

    def sub_number(self, plain: str) -> str | None:
        """The code of a heading "1.2 title" under strategic objective 1 (its number without a label)."""
        match = labels.NUMBER_SHAPE.match(plain)
        if match is None or self.strategic is None or self.ended or "." not in match.group(1):
            return None
        code = match.group(1)
        return code if code.split(".")[0] == str(self.strategic.values["Code"]) else None

    def new_objective(self, code: str, title: str, strategic: bool) -> None:
        self.printed_operational = ""
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
        row = self.builder.objective(code, title, self.pending_domain or ("" if strategic else self.domain_group))
        self.pending_domain = ""
        if strategic:
            self.strategic, self.operational = row, None
        else:
            self.operational = row
        self.objective, self.result, self.action = row, None, None
        self.fresh, self.awaiting_title = True, not title
        self.mode, self.timing = "", ""

    def new_bbc_action(self, code: str, title: str) -> None:
        self.labelled_actions = True
        title, mark = labels.without_mark(title.strip())
        self.action = self.builder.action(code.replace(" ", "").rstrip("."), title)
        if mark:
            self.builder.note(
                "", title, f"Markering '({mark})' niet in de titel van actie {self.action.values['Code']} overgenomen."
            )
        self.mode, self.field, self.fresh, self.awaiting_title = "field", "description", False, False

    def heading_like(self, text: str) -> bool:
        return any(pattern.match(text) for pattern in (*headings.OBJECTIVE_HEADINGS, labels.RESULT))
