"""The Excel part of planrapport zelftest: a copy of the example workbook with buttons, each button clicked in Excel."""

from __future__ import annotations

import tempfile
from contextlib import contextmanager
from pathlib import Path

EXAMPLE = "waregem-2011-2013"
GUIDE = "docs/installatie.md"

# (name of the line, passed, what was seen, what to do when it did not pass)
Line = tuple[str, bool, str, str]


def click_every_button() -> list[Line]:
    """Open a copy of the example workbook with buttons in a new, hidden Excel and run each button's macro: the
    three of BUTTONS, then the yearly cycle's in their order (a new year, its files, gathering, submitting), all
    on the copy and in its temporary folder.

    The copy has the setting SELFTEST_KEY on xlwings.conf: the buttons (VBA and Python) then put their message
    beside it instead of in a box, take the offered year instead of asking, and open no document or folder, so
    nothing waits for a click."""
    from workbook.builders.build_xlsm import ALL_BUTTONS, CONFIG, SELFTEST_KEY, write_macro_workbook
    from workbook.plan.schema import CHECK_SHEET, SUBMITTED_SHEET
    from xlsx_templates import example_path

    lines: list[Line] = []
    with tempfile.TemporaryDirectory(prefix="planrapport-zelftest-") as work:
        folder = Path(work)
        workbook = folder / f"zelftest-{EXAMPLE}.xlsm"
        write_macro_workbook(example_path(EXAMPLE), workbook, extra_settings=((SELFTEST_KEY, "ja"),))
        told_row = len(CONFIG) + 1
        with _excel() as app:
            book = app.books.open(str(workbook))
            try:
                for button in ALL_BUTTONS:
                    lines.append(_click(book, button.macro, button.caption, told_row))
                names = [sheet.name for sheet in book.sheets]
                for sheet, caption in ((CHECK_SHEET, "Controleer"), (SUBMITTED_SHEET, "Dien in")):
                    made = sheet in names
                    detail = f"gemaakt door de knop {caption}" if made else "ontbreekt"
                    lines.append((f"Excel: blad {sheet}", made, detail, _report_fix()))
            finally:
                book.close()
        for kind in ("jaarrapport", "beleidsplan"):
            documents = sorted(p.name for p in folder.glob(f"{kind}*.docx"))
            lines.append(
                (
                    f"Excel: {kind}",
                    bool(documents),
                    ", ".join(documents) or "geen document naast het werkboek",
                    _report_fix(),
                )
            )
        asked = sorted(folder.glob("opvolging */*.xlsx"))
        lines.append(
            (
                "Excel: uitvraag opvolging",
                bool(asked),
                f"{len(asked)} bestanden in {asked[0].parent.name}"
                if asked
                else "geen map 'opvolging JAAR' met bestanden naast het werkboek",
                _report_fix(),
            )
        )
    return lines


def xlwings_local_path(address: str, settings: dict[str, str]) -> str:
    """The file xlwings maps an OneDrive or SharePoint address to, with the workbook's settings on xlwings.conf, as
    a button's Book.fullname does; xlwings' own error when it finds none."""
    from xlwings.utils import fullname_url_to_local_path

    return fullname_url_to_local_path(
        url=address,
        sheet_onedrive_consumer_config=settings.get("ONEDRIVE_CONSUMER_WIN"),
        sheet_onedrive_commercial_config=settings.get("ONEDRIVE_COMMERCIAL_WIN"),
        sheet_sharepoint_config=settings.get("SHAREPOINT_WIN"),
    )


def _click(book, macro: str, caption: str, told_row: int) -> Line:
    """Run one button's macro as a click does; what it told the officer is read beside the setting."""
    from workbook.builders.build_xlsm import CONFIG_SHEET, MESSAGE_COLUMN

    cell = book.sheets[CONFIG_SHEET].range((told_row, MESSAGE_COLUMN))
    cell.value = None
    name = f"Excel: knop {caption}"
    try:
        book.macro(macro)()
    except Exception as error:  # the macro did not even start: Excel's or pywin32's own error
        return (
            name,
            False,
            f"de macro {macro} liep niet ({type(error).__name__}: {error})",
            f"zie {GUIDE}, 'Excel mag Python niet starten'",
        )
    told = str(cell.value or "")
    state, _, said = told.partition("\t")
    return (
        name,
        state == "OK",
        " ".join(said.split())[:300] or "geen melding",
        "de melding zegt welk deel van de installatiegids erover gaat",
    )


def _report_fix() -> str:
    return (
        r"stuur de uitvoer van de zelftest en %LOCALAPPDATA%\planrapport\fouten.log naar wie planrapport "
        f"onderhoudt ({GUIDE}, 'Proef op één pc')"
    )


@contextmanager
def _excel():
    import xlwings as xw

    app = xw.App(visible=False, add_book=False)
    try:
        app.display_alerts = False
        yield app
    finally:
        app.quit()
