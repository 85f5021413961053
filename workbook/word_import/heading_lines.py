"""Headings and lines that open or point to an objective: a domain over objectives, "Indicatoren bij doelstelling
II", an objective written in a sentence."""

from __future__ import annotations

from workbook.word_import import headings, labels
from workbook.word_import.document import Line
from workbook.word_import.numbered_headings import roman_value


class HeadingLines:
    """The part of the Recognizer that reads headings of objectives written in other ways than a heading."""

    def domain_heading(self, line: Line, title: str) -> None:
        """A heading "Beleidsdomein 1: Welzijn en zorg" over several objectives: the domain of those under it."""
        self.domain_group = title
        self.removed_headings.add(" ".join(line.plain.casefold().split()))
        if self.started:
            self.ended, self.chapter = False, None
        self.builder.note(
            line.position,
            line.plain,
            f"Kop van een beleidsdomein: niet overgenomen als hoofdstuk; '{title}' is het domein van de "
            "operationele doelstellingen eronder (kolom Domein).",
        )

    def level_reference(self, line: Line, words: str, reference: str) -> None:
        """ "Indicatoren bij doelstelling II": what follows belongs to that objective (not to the latest result)."""
        parts = reference.upper().split(".")
        code = ".".join(str(roman_value(part) or part) if not part.isdigit() else part for part in parts)
        target = next((row for row in self.builder.objectives if str(row.values["Code"]) == code), None)
        if target is None:
            self.objective_line(line, line.text)
            return
        if "." in code:
            self.operational = target
        else:
            self.strategic, self.operational = target, None
        self.objective, self.result, self.action = target, None, None
        self.set_mode(labels.label(words)[0])
        self.builder.note(line.position, line.plain, f"Wat volgt hoort bij doelstelling {code}.")

    def prose_objective(self, line: Line, match) -> bool:
        """ "Als eerste strategische doelstelling kiezen we: title. Motivation.": the objective, its title up to the
        first full stop, the rest its motivation; its code from the number or the ordinal."""
        ordinal, level, number, rest = match.groups()
        strategic = level.casefold() == "strategische"
        code = number or (str(headings.ORDINALS[ordinal.casefold()]) if ordinal and strategic else "")
        if not code or ("." in code) == strategic:
            return False
        title, _, motivation = rest.partition(". ")
        self.new_objective(code, title.strip().rstrip("."), strategic=strategic)
        if motivation.strip():
            self.objective.add("Motivering", motivation.strip())
        self.builder.note(line.position, line.plain[:80], f"Doelstelling {code} uit de lopende tekst (zonder kop).")
        return True
