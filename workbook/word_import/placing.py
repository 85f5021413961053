"""What the import found, placed as workbook rows: objectives, results, actions, indicators, follow-up, notes."""

from __future__ import annotations

from dataclasses import dataclass, field

from workbook.plan.model import BBC, CLASSIC, CLASSIC_WITHOUT_RESULTS
from workbook.word_import.statuses import listed_status

_UNPLACED_STATUS = (
    "Dit woord staat niet in de lijst van statussen; het staat zo op blad Opvolging. Kies er Niet gestart, "
    "In voorbereiding, In uitvoering, Afgerond of Stopgezet voor in de plaats."
)


@dataclass
class Note:
    """A line of the Import sheet: where in the document, the text, what the import did with it."""

    position: str
    text: str
    action: str


@dataclass
class Chapter:
    title: str
    paragraphs: list[tuple[str, bool]] = field(default_factory=list)  # (text, is a bullet)
    after: bool = False
    position: str = ""


@dataclass
class Row:
    values: dict[str, object]
    parts: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)  # long texts built paragraph by paragraph

    def add(self, name: str, text: str, bullet: bool = False) -> None:
        self.parts.setdefault(name, []).append((text, bullet))

    def finish(self) -> dict[str, object]:
        values = dict(self.values)
        for name, parts in self.parts.items():
            values[name] = join(parts)
        return values


def join(parts: list[tuple[str, bool]]) -> str:
    """Paragraphs apart by a blank line, bullets one per line as "- text" right under each other."""
    text = ""
    previous_bullet = False
    for part, bullet in parts:
        piece = f"- {part}" if bullet else part
        if text:
            text += "\n" if bullet and previous_bullet else "\n\n"
        text += piece
        previous_bullet = bullet
    return text


@dataclass
class PlanBuilder:
    objectives: list[Row] = field(default_factory=list)
    results: list[Row] = field(default_factory=list)
    actions: list[Row] = field(default_factory=list)
    indicators: list[Row] = field(default_factory=list)
    follow_ups: list[Row] = field(default_factory=list)
    measurements: list[dict[str, object]] = field(default_factory=list)
    budget: list[dict[str, object]] = field(default_factory=list)
    settings: dict[str, object] = field(default_factory=dict)
    chapters: list[Chapter] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    numbering: str = CLASSIC

    def note(self, position: str, text: str, action: str) -> None:
        self.notes.append(Note(position, text, action))

    def objective(self, code: str, title: str, domain: str = "") -> Row:
        row = Row({"Code": code, "Titel": title, "Domein": domain})
        self.objectives.append(row)
        if code.startswith("BD") or code.startswith("AP"):
            self.numbering = BBC
        return row

    def result(self, code: str, text: str) -> Row:
        row = Row({"Code": code})
        row.add("Resultaat", text)
        self.results.append(row)
        return row

    def action(self, code: str, title: str, timing: str = "") -> Row:
        row = Row({"Code": code, "Tijdstip": timing, "Actie": title})
        self.actions.append(row)
        return row

    def indicator(self, parent: str, text: str, timing: str = "") -> Row:
        number = sum(1 for r in self.indicators if str(r.values["Code"]).rsplit("-I", 1)[0] == parent) + 1
        row = Row({"Code": f"{parent}-I{number}", "Tijdstip": timing, "Indicator": text})
        self.indicators.append(row)
        return row

    def follow_up(self, action_code: str) -> Row:
        for row in self.follow_ups:
            if row.values["Actie"] == action_code:
                return row
        row = Row({"Actie": action_code})
        self.follow_ups.append(row)
        return row

    def _listed(self, values: dict[str, object]) -> dict[str, object]:
        """The follow-up row with its status as the workbook's list has it ("Gepland" -> "Niet gestart"), noted once
        per word; a word the list has no place for is kept and noted."""
        word = str(values.get("Status") or "").strip()
        if not word:
            return values
        found = listed_status(word)
        said = {note.text for note in self.notes}
        if found is None:
            if f"Status '{word}'" not in said:
                self.note("", f"Status '{word}'", _UNPLACED_STATUS)
            return values
        status, time = found
        if status != word:
            values["Status"] = status
            if time and not values.get("Tijd"):
                values["Tijd"] = time
            if f"Status '{word}'" not in said:
                also = f" en Tijd '{time}'" if time else ""
                said_as = f"Geschreven als status '{status}'{also} (de lijst van het werkboek)."
                self.note("", f"Status '{word}'", said_as)
        return values

    def next_code(self, parent: str, rows: list[Row]) -> str:
        prefix = parent + "."
        taken = [str(r.values["Code"]) for r in rows if str(r.values["Code"]).startswith(prefix)]
        return f"{parent}.{sum(1 for c in taken if '.' not in c[len(prefix) :]) + 1}"

    def _under_objective(self, action: Row) -> bool:
        return str(action.values["Code"]).count(".") == 2

    def sheets(self, report_year: int | None) -> dict[str, object]:
        """The data in the shape workbook.builders.template.fill takes."""
        settings = dict(self.settings)
        settings["Nummering"] = self.numbering
        if self.numbering == CLASSIC and not self.results and any(self._under_objective(r) for r in self.actions):
            settings["Nummering"] = CLASSIC_WITHOUT_RESULTS  # actions 1.1.1 straight under their objective
        follow_ups = []
        for row in self.follow_ups:
            values = row.finish()
            values["Jaar"] = report_year
            follow_ups.append(self._listed(values))
        return {
            "Instellingen": settings,
            "Doelstellingen": [r.finish() for r in self.objectives],
            "Resultaten": [r.finish() for r in self.results],
            "Acties": [r.finish() for r in self.actions],
            "Indicatoren": [r.finish() for r in self.indicators],
            "Opvolging": follow_ups,
            "Metingen": list(self.measurements),
            "Begroting": list(self.budget),
        }
