"""The evaluation lines under a result or objective: timing headers, indicators with their figures, table notes."""

from __future__ import annotations

from workbook.plan.numbers import parse_number
from workbook.word_import import labels
from workbook.word_import.document import Line
from workbook.word_import.measures import MEASURES_LINE, result_figures, sentence_figures, split_measures


class EvaluationLines:
    """The part of the Recognizer that places evaluation lines and indicators."""

    def evaluation(self, line: Line, text: str, labelled: bool = False) -> None:
        parent = self.result or self.action or self.operational or self.objective
        if parent is None:
            self.builder.note(line.position, line.plain, "Niet geplaatst: evaluatie zonder resultaat erboven.")
            return
        timing = labels.timing_line(text, line.underline or line.bold)
        if timing is not None:
            self.timing = timing
            return
        if MEASURES_LINE.match(text.replace("**", "").strip()) and self.builder.indicators:
            figures = text.replace("**", "").strip().strip("()")
            self.builder.indicators[-1].values.update(split_measures(f"x ({figures})")[1])
            return
        text, measures = split_measures(text)
        if labelled and (figures := sentence_figures(text)) is not None:
            self.figures_in_sentences(parent, line, text, figures)
            return
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

    def figures_in_sentences(self, parent, line: Line, text: str, figures) -> None:
        """ "Aantal deelnemers. In 2024 waren er 22, in 2025 al 30. We mikken op 53 in 2031.": the indicator, its
        measurements per year and its target; the sentences kept in Toelichting."""
        name, values, columns = figures
        indicator = self.builder.indicator(str(parent.values["Code"]), name, self.timing)
        indicator.values.update(columns)
        indicator.add("Toelichting", text.replace("**", "").strip())
        for year, raw in values:
            parsed = parse_number(raw)
            if parsed.value is not None:
                value = int(parsed.value) if parsed.value.is_integer() else parsed.value
                self.builder.measurements.append(
                    {"Indicator": indicator.values["Code"], "Periode": year, "Waarde": value}
                )
        self.builder.note(
            line.position,
            line.plain,
            f"Indicator {indicator.values['Code']}: metingen en streefwaarde uit de zinnen gehaald; kijk ze na op de "
            "bladen Indicatoren en Metingen.",
        )

    def table_note(self, line: Line, text: str) -> None:
        starred = [values for _, values in self.table_rows if values.get("_ster")]
        if line.plain.casefold().startswith("noot") or not starred:
            self.table_first.add("Toelichting", text)
            return
        starred[0].pop("_ster")
        starred[0]["Opmerking"] = text.lstrip("* ").rstrip("*").strip()

    def result_figures(self, line: Line, text: str) -> None:
        """A result that states its target and baseline, "Tegen 2028 nemen 40 ouders deel (2025: 12).": also an
        indicator of the result with them (the sentence without the bracket)."""
        found = result_figures(text.replace("**", ""))
        if found is None:
            return
        name, columns = found
        indicator = self.builder.indicator(str(self.result.values["Code"]), name)
        indicator.values.update(columns)
        self.builder.note(
            line.position,
            line.plain,
            f"Indicator {indicator.values['Code']} met streefwaarde en nulmeting uit de zin van het resultaat.",
        )
