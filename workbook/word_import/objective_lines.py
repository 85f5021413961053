"""The lines inside the objectives: results, actions, their fields, evaluations and indicators."""

from __future__ import annotations

from dataclasses import replace

from workbook.word_import import headings, labels
from workbook.word_import.column_lines import ColumnLines
from workbook.word_import.document import Line, join_broken
from workbook.word_import.evaluation_lines import EvaluationLines
from workbook.word_import.fields import ACTION_FIELDS, FOLLOW_UP_FIELDS
from workbook.word_import.line_codes import (
    LETTERED_ACTION,
    LOCAL_ACTION,
    LOCAL_RESULT,
    RESULT_ALONE,
    RUNNING_RESULT,
    TYPED_CODE,
    after_code,
    label_over_code,
    same_paragraph,
    singular,
)
from workbook.word_import.placing import Row

# Lines of the plan document of planrapport that say something is missing; they are not the officer's text.
PLACEHOLDERS = ("Onder deze doelstelling staan nog geen resultaten of acties.",)
# A bullet indented this much (twips, a quarter of a centimetre) deeper than the results: the level below them.
_INDENT_STEP = 140
# Labels that announce a level: a warning when that level stays empty.
_HINTED = {"results": "results", "actions": "actions", "evaluation": "indicators"}


class ObjectiveLines(EvaluationLines, ColumnLines):
    """The part of the Recognizer that places the lines under an objective."""

    def objective_line(self, line: Line, text: str) -> None:
        plain = text.replace("**", "").strip()
        if match := labels.DOMAIN.match(plain):
            domain = labels.checked(match.group(1).strip())
            if self.fresh and self.objective is not None and not self.objective.values["Domein"]:
                self.objective.values["Domein"] = domain
            else:
                self.pending_domain = domain
            return
        if self.awaiting_title and self.objective is not None:
            self.objective.values["Titel"] = plain.rstrip(":").strip()
            self.awaiting_title = False
            return
        if self.action_title_goes_on(line, plain):
            # A bold action title broken over two lines: "Actie: ... van het Agentschap" / "Integratie en Inburgering".
            self.action.values["Actie"] = join_broken(str(self.action.values["Actie"]), plain)
            self.builder.note(line.position, plain, f"Vervolg van de titel van actie {self.action.values['Code']}.")
            return
        if self.fresh and self.objective is not None and self.title_goes_on(line, plain):
            # A title broken over two paragraphs of the same look: "... en begeleidt" / "hen actief naar ...".
            title = str(self.objective.values["Titel"])
            self.objective.values["Titel"] = join_broken(title, plain.rstrip(":").strip())
            self.builder.note(
                line.position, plain, f"Vervolg van de titel van doelstelling {self.objective.values['Code']}."
            )
            return
        if self.result_pending and self.result is not None and not line.bullet and not labels.label(text):
            self.result.parts["Resultaat"] = [(text, False)]
            self.result_pending = False
            return
        self.result_pending = False
        if (match := RESULT_ALONE.match(plain) or LOCAL_RESULT.match(plain)) and self.operational is not None:
            # "Resultaat 1.1.1" or "Resultaat 2: text" (numbered anew under each objective, coded under it).
            code = match.group(1)
            if "." not in code:
                code = f"{self.operational.values['Code']}.{code}"
            rest = (match.group(2) or "").strip() if match.re is LOCAL_RESULT else ""
            self.set_mode("results")
            self.result = self.builder.result(code, rest)
            self.result_marker, self.result_style, self.result_bullet = "", "", False
            self.result_pending = not rest
            return
        if (
            (match := RUNNING_RESULT.match(plain))
            and self.operational is not None
            and self.printed_operational
            and match.group(1) == self.printed_operational
        ):
            # "Resultaat 5.1: text" under "OD 5" (operational objectives numbered through the plan): under its code.
            code = f"{self.operational.values['Code']}.{match.group(2)}"
            self.set_mode("results")
            self.result = self.builder.result(code, match.group(3).strip())
            self.result_marker, self.result_style, self.result_bullet = "", "", False
            self.result_pending = not match.group(3).strip()
            self.builder.note(line.position, plain, f"Resultaat {match.group(1)}.{match.group(2)}: code {code}.")
            return
        if (match := labels.RESULT_LABELLED.match(plain)) and self.operational is not None:
            self.set_mode("results")
            rest = after_code(text, match.group(1))
            self.place(
                Line(f"{match.group(1)} {rest}", line.position, line.style, line.bold, line.underline),
                f"{match.group(1)} {rest}",
            )
            return
        if self.typed_code(line, text):
            return
        if self.tab_columns(line):
            return
        if labels.ACTIONS_ANNOUNCED.match(plain) and self.operational is not None and labels.label(text) is None:
            self.set_mode("actions")  # "Concreet plannen we de volgende acties:"
            self.hint("actions", f"de zin '{plain}'", line.position)
            return
        if line.framed and line.bold and self.operational is not None and not labels.label(text):
            # a text frame whose bold first line is a title: an action card ("Trekker: ..." lines under it)
            self.new_action(line, text, self.result or self.operational)
            self.mode, self.field = "field", "description"
            return
        if (match := LOCAL_ACTION.match(plain)) and (self.result or self.operational) is not None:
            self.local_action(line, match.group(1), after_code(text, match.group(1)))
            return
        if (fields := labels.detail_fields(text)) is not None and self.action is not None:
            self.action_fields(fields)
            return
        if found := labels.label(text) or label_over_code(line, plain):
            name, rest = found
            if name in _HINTED:
                self.hint(_HINTED[name], f"een label '{line.plain.split(':')[0].strip()}'", line.position)
            if name == "actions" and rest and singular(plain) and (self.result or self.operational) is not None:
                # "Actie: title": one action, the paragraphs under it are its description.
                self.new_action(line, rest, self.result or self.operational)
                self.labelled_actions = True
                self.mode, self.field, self.fresh = "field", "description", False
                self.action_title_at = (line, self.line_count)
                return
            self.set_mode(name)
            if rest:
                self.objective_line(replace(line, text=rest, heading=0, marker=""), rest)
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
        if self.action is not None and not line.bullet and same_paragraph(self.action_position, line.position):
            self.action.add("Omschrijving", text)  # after a line break in the action's bullet: its description
            return
        if self.operational is not None and (
            (self.mode == "" and self.result is None and self.action is None and line.bullet and not line.sub)
            or ((self.mode != "field" or line.bold or line.heading) and self.numbered_result(text))
            or (self.mode == "field" and self.looks_like_result(line))
        ):
            # bullets or "1.1.1 text" right under an operational objective: its results; bullets that carry an
            # action's fields ("title (Dienst X, 2027)", "– Trekker: ...") its actions
            fields = labels.split_fields(text)[1] if line.bullet and not self.numbered_result(text) else {}
            self.mode = "actions" if "lead" in fields or "timing" in fields and not self.result else "results"
        if self.mode == "results" and self.operational is not None:
            if self.result is not None and (
                line.sub
                or self.other_glyph(line)
                or (line.bullet and not self.result_bullet)
                or (line.bullet and line.indent > self.result_indent + _INDENT_STEP)
            ):
                if line.plain.lstrip()[:1].islower():  # "met een luik over ...": the result's text goes on
                    self.result.add("Resultaat", text, True)
                    self.hint("actions", "opsommingstekens onder een resultaat", line.position)
                else:
                    self.new_action(line, text, self.result)
                return
            if inline := labels.inline_evaluation(text):
                self.place(replace(line, text=inline[0], heading=0), inline[0])
                self.mode = "evaluation"
                self.evaluation(line, inline[1], labelled=True)
                self.mode = "results"
                return
            match = labels.RESULT.match(text.replace("**", ""))
            code = match.group(1) if match else builder.next_code(str(self.operational.values["Code"]), builder.results)
            self.result = builder.result(code, match.group(2) if match else text)
            self.result_figures(line, match.group(2) if match else text)
            self.result_marker = line.marker if line.bullet else ""
            self.result_style = line.style if line.bullet else ""
            self.result_bullet = line.bullet
            self.result_indent = line.indent if line.bullet else 0
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
                self.add_text(self.action, ACTION_FIELDS[self.field], line, text)
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

    def typed_code(self, line: Line, text: str) -> bool:
        """A line that starts with a code one level under the current objective or result, with a letter before it
        ("R1.1.2 text", "A1.1.2.1 title") or four numbers deep: a result or an action by its depth."""
        if (lettered := LETTERED_ACTION.match(text.replace("**", "").strip())) and self.result is not None:
            code, letter, rest = lettered.groups()
            if code != str(self.result.values["Code"]):
                return False
            number = f"{code}.{ord(letter.casefold()) - ord('a') + 1}"
            said = f"Actie {code}.{letter} heeft in het werkboek de code {number}."
            self.builder.note(line.position, line.plain, said)
            self.action = self.builder.action(number, rest.strip())
            self.labelled_actions, self.action_sub = True, False
            self.mode, self.field, self.fresh = "field", "description", False
            return True
        match = TYPED_CODE.match(text.replace("**", "").strip())
        if match is None or self.operational is None or (not match.group(1) and match.group(2).count(".") < 3):
            return False
        letter, code, rest = (match.group(1) or "").upper(), match.group(2), match.group(3).strip()
        objective = str(self.operational.values["Code"]).removeprefix("AP").strip()
        if code.startswith(objective + ".") and code.count(".") == objective.count(".") + 1 and letter != "A":
            self.set_mode("results")
            self.result = self.builder.result(code, rest)
            self.result_marker, self.result_style, self.result_bullet = "", "", False
            return True
        parent = self.result if code.count(".") == objective.count(".") + 2 else self.operational
        if parent is None or not code.startswith(str(parent.values["Code"]) + ".") or letter == "R":
            return False
        self.action = self.builder.action(f"{letter}{code}", rest)
        self.labelled_actions = True
        self.action_sub = False
        self.mode, self.field, self.fresh = "field", "description", False
        return True

    def local_action(self, line: Line, number: str, title: str) -> None:
        """An action numbered anew under each objective or result ("Actie 1: title"): coded under its parent."""
        parent = self.result or self.operational
        self.new_action(line, title, parent)
        self.labelled_actions = True
        self.mode, self.field, self.fresh = "field", "description", False
        self.action_title_at = (line, self.line_count)
        code = str(self.action.values["Code"])
        if code.rsplit(".", 1)[-1] != number:
            self.builder.note(line.position, line.plain, f"Actie {number} onder {parent.values['Code']}: code {code}.")

    def action_fields(self, fields: dict[str, str]) -> None:
        """A line of labels only under an action: "Trekker: Dienst X – Timing: 2026"."""
        for name, value in fields.items():
            if name == "timing":
                self.action.values["Tijdstip"] = value
            else:
                self.action.add(ACTION_FIELDS[name], value)
        if self.mode != "actions" and fields:  # under a list of actions the next bullet is the next action
            # A label alone ("Trekker") gives its value to the next line; after "Timing: 2026" a plain paragraph is
            # the action's description again, not more of its timing.
            last, value = list(fields.items())[-1]
            self.mode, self.field = "field", last if not value else "description"

    def action_title_goes_on(self, line: Line, plain: str) -> bool:
        """The line right under a labelled action's bold title continues it: bold in the same style, no label or
        code of its own, and the title did not end its sentence."""
        if self.action_title_at is None or self.action is None:
            return False
        title, number = self.action_title_at
        return (
            number == self.line_count - 1
            and title.bold
            and line.bold
            and line.style == title.style
            and not line.bullet
            and len(plain) < 120
            and not str(self.action.values["Actie"]).rstrip().endswith((".", ":", "?", "!"))
            and labels.label(line.text) is None
            and not any(p.match(plain) for p in (TYPED_CODE, LOCAL_ACTION, LOCAL_RESULT, RESULT_ALONE))
            and not labels.RESULT_LABELLED.match(plain)
            and not headings.NUMBERED_ACTION.match(plain)
        )

    def title_goes_on(self, line: Line, plain: str) -> bool:
        """The line right under an objective's title continues it: the same look, bold, and in lower case."""
        return (
            self.title_look == (line.bold, line.heading, line.style)
            and (line.bold or line.heading > 0)
            and not line.bullet
            and plain[:1].islower()
            and not str(self.objective.values["Titel"]).rstrip().endswith((".", ":", "?", "!"))
        )

    def add_text(self, row: Row, name: str, line: Line, text: str) -> None:
        """Text to a field of a row; the next line of the same paragraph (after a line break where a PDF line ended)
        goes on the same paragraph, a word broken by a hyphen joined again."""
        parts = row.parts.get(name)
        if parts and not line.bullet and same_paragraph(self.previous_position, line.position):
            previous, bullet = parts[-1]
            parts[-1] = (join_broken(previous, text), bullet)
        else:
            row.add(name, text, line.bullet)
        self.previous_position = line.position

    def looks_like_result(self, line: Line) -> bool:
        """A bullet of the same look as the latest result (sign, style, indentation) after the fields of an action
        under it: the next result, not more of the action's description."""
        return bool(
            self.result is not None
            and self.result_bullet
            and line.bullet
            and not line.sub
            and line.marker == self.result_marker
            and line.style == self.result_style
            and line.indent == self.result_indent
        )

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
        if line.bullet and line.marker == "lijst" and self.result_marker not in ("", "lijst"):
            return True  # Word bullets under results typed "a)" or "•": the actions
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
        self.action_position = line.position
        self.action_sub = line.sub
        for name, value in fields.items():
            self.action.add(ACTION_FIELDS[name], value)
        return self.action
