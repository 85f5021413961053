"""The one error a workbook can stop us with: a Dutch message for the officer, naming the file."""


class WorkbookError(Exception):
    """A workbook that cannot be read at all; the message is Dutch and says what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def shown_name(path: object) -> str:
    """A file or folder as a message names it: its name, or the whole path when it has none ("." or "/")."""
    from pathlib import Path

    path = Path(str(path))
    return path.name or str(path.resolve())
