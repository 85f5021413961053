"""Lines laid out as columns with tabs: a line of column names and the actions under it."""

from __future__ import annotations

from workbook.word_import.document import Line
from workbook.word_import.fields import ACTION_FIELDS
from workbook.word_import.tables.columns import column_roles


class ColumnLines:
    """The part of the Recognizer that reads tabs as a table."""

    def tab_columns(self, line: Line) -> bool:
        """Tabs as a table: a line "Actie<tab>Trekker<tab>Timing" names the columns, the lines under it with as many
        pieces are the actions with those fields."""
        if line.cells and self.operational is not None:
            roles = column_roles(list(line.cells))
            if "title" in roles and all(roles) and len(set(roles)) == len(roles):
                self.tab_roles = roles
                self.builder.note(
                    line.position, " | ".join(line.cells), "Kolomkoppen met tabs: de regels eronder zijn acties."
                )
                return True
        if not (self.tab_roles and line.cells and len(line.cells) == len(self.tab_roles)):
            self.tab_roles = []
            return False
        values = dict(zip(self.tab_roles, line.cells, strict=True))
        title = values.pop("title")
        self.new_action(line, title, self.result or self.operational)
        for role, value in values.items():
            if role == "timing":
                self.action.values["Tijdstip"] = value
            elif role in ACTION_FIELDS:
                self.action.add(ACTION_FIELDS[role], value)
        self.mode, self.field = "field", "description"
        return True
