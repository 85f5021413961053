"""The one error a workbook can stop us with: a Dutch message for the officer, naming the file."""


class WorkbookError(Exception):
    """A workbook that cannot be read at all; the message is Dutch and says what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
