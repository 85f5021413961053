"""planrapport indienen: the final year report, and a record in the workbook of what was submitted."""

from __future__ import annotations

import argparse
from datetime import date
from functools import partial
from pathlib import Path

from planrapport.commands import arguments
from planrapport.commands.documents import common as common
from workbook.storage.writer_lock import command_writes_workbook

HELP = "Dien het jaarrapport in: het definitieve rapport, en in het werkboek een verslag van wat ingediend werd."
EPILOG = (
    "Met fouten in het werkboek wordt niets ingediend, en ook niet als het werkboek of het rapport open is: alles\n"
    "wat kan weigeren, wordt gecontroleerd voor er iets geschreven wordt. Het verslag staat op een verborgen,\n"
    "beveiligd blad Ingediend: de opvolging en metingen van het jaar, de begroting van het jaar en de nulmeting,\n"
    "streefwaarde en norm van elke indicator, met de datum en een kenmerk dat ook in het rapport staat. Daarna\n"
    "meldt 'controleer' elke ingediende waarde die nog gewijzigd wordt, en een verslag of rapport dat gewijzigd\n"
    "werd of ontbreekt. Opnieuw indienen vervangt het verslag en het rapport van dat jaar.\n"
    "Afloopcode: 0 gelukt, 1 fouten in het werkboek, werkboek of rapport open of onleesbaar (niets ingediend),\n"
    "2 verkeerd gebruik."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    arguments.add_workbook(parser)
    arguments.add_year(parser, "het jaar dat ingediend wordt, bv. 2024", required=True)
    arguments.add_out(parser, "de map voor het rapport (standaard: naast het werkboek)")
    arguments.add_overwrite(parser, "vervang ook een ander bestand met de naam van het ingediende rapport")


@command_writes_workbook()
def run(args: argparse.Namespace) -> int:
    from reporting.documents.output import target
    from reporting.figures.formatting import long_date
    from reporting.submission_part import final_name
    from reporting.validation import validate
    from reporting.validation.groups.submitted import replaced_by_submitting
    from workbook.plan.errors import WorkbookError

    path, plan = common.plan_for_year(args)
    report = validate(plan, args.jaar)
    errors = [e for e in report.errors if not replaced_by_submitting(e, args.jaar)]
    if errors:
        count = f"{len(errors)} {'fout' if len(errors) == 1 else 'fouten'}"
        raise WorkbookError(
            f"{path.name} heeft {count}; er wordt niets ingediend.\n"
            + "\n".join(f"  {e.cell}  {e.code}  {e.message}" for e in errors)
            + f"\nVerbeter het werkboek (planrapport controleer {path.name} --schrijf zet de lijst op blad "
            "Controle) en dien opnieuw in."
        )
    document = target(path, final_name(plan, args.jaar), args.uit)
    today = date.today()
    done = submit(path, plan, args.jaar, document, today, overwrite=args.overschrijf)
    rows = sum(r.year == args.jaar for r in plan.follow_ups)
    measurements = sum(m.year == args.jaar for m in plan.measurements)
    print(document)
    print(
        f"Ingediend op {long_date(today)}: de opvolging van {rows} {'actie' if rows == 1 else 'acties'} en "
        f"{measurements} {'meting' if measurements == 1 else 'metingen'} van {args.jaar} staan op het verborgen "
        "blad Ingediend."
    )
    print(done.contents_sentence())
    if done.replaced is not None:
        print(done.replaced_sentence())
    print(f"Reservekopie van het werkboek: {done.backup.name}")
    return 0


class Submitted:
    """What submit did: the backup, the day of the submission it replaced, the final report it replaced."""

    def __init__(
        self,
        year: int,
        document: Path,
        fingerprint: str,
        backup: Path | None,
        replaced: date | None,
        replaced_document: bool,
        budget: int,
        indicators: int,
    ) -> None:
        self.year, self.document, self.fingerprint, self.backup = year, document, fingerprint, backup
        self.replaced, self.replaced_document = replaced, replaced_document
        self.budget, self.indicators = budget, indicators

    def contents_sentence(self) -> str:
        lines = "begrotingslijn" if self.budget == 1 else "begrotingslijnen"
        kinds = "indicator" if self.indicators == 1 else "indicatoren"
        return (
            f"Ook de {self.budget} {lines} van {self.year} en de nulmeting, streefwaarde en norm van "
            f"{self.indicators} {kinds} staan erop, met het kenmerk {self.fingerprint[:16]}, dat ook in het "
            "jaarrapport staat."
        )

    def replaced_sentence(self) -> str:
        from reporting.figures.formatting import long_date

        document = f" en het document {self.document.name}" if self.replaced_document else ""
        return f"Dit vervangt de indiening van {self.year} op {long_date(self.replaced)}{document}."


def submit(
    path: Path, plan, year: int, document: Path, day: date, *, overwrite: bool = False, record=None
) -> Submitted:
    """Write the final report `document` and the record of `year`, all or nothing. Everything that can refuse is
    checked first (the workbook and the report not open, the workbook writable, the report's name free or a
    final report already); then the report goes to a temporary file beside its place, the record is written,
    and only then the report is moved into place. `record(rows)` writes the record instead of the file (the
    button, on the open workbook); it returns the backup or None."""
    from reporting.documents import render_year_report
    from reporting.submission_part import write_with_submission_part
    from workbook.plan.schema import BUDGET, INDICATORS
    from workbook.records.submission_record import fingerprint
    from workbook.records.submitted import stage_submission, submission_record, submission_rows

    name = _document_name(path, document)
    replaced_document = _check_document(document, overwrite)
    staged = stage_submission(path, plan, year, day, name) if record is None else None
    values = submission_rows(plan, year, day)
    # The report's bytes live only as long as the writing of its temporary file.
    temporary = _temporary(
        document,
        partial(
            write_with_submission_part, render_year_report(plan, year, today=day), year=year, day=day, values=values
        ),
    )
    try:
        if staged is not None:
            backup, replaced = staged.write(), staged.replaced
        else:
            rows, replaced, _ = submission_record(plan, year, day, name)
            backup = record(rows)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _into_place(temporary, document, year)
    return Submitted(
        year,
        document,
        fingerprint(year, values),
        backup,
        replaced,
        replaced_document,
        sum(1 for v in values if v.sheet == BUDGET.name and v.header == "Gepland"),
        sum(1 for v in values if v.sheet == INDICATORS.name and v.header == "Norm"),
    )


def _document_name(workbook: Path, document: Path) -> str:
    """The report as the record names it: its file name beside the workbook, else its whole path."""
    folder = workbook.resolve().parent
    return document.name if document.resolve().parent == folder else str(document.resolve())


def _check_document(document: Path, overwrite: bool) -> bool:
    """Refuse a report that is open, a folder that cannot be written, and a file of that name that is no final
    report (unless `overwrite`). Returns whether a final report is replaced."""
    import os

    from reporting.submission_part import read_submission_part
    from workbook.plan.errors import WorkbookError
    from workbook.storage.locks import is_open

    if is_open(document):
        raise WorkbookError(
            f"{document.name}: het ingediende jaarrapport is open in Word. Sluit het en probeer "
            "opnieuw; er is niets ingediend."
        )
    if not os.access(document.parent, os.W_OK):
        raise WorkbookError(
            f"{document.name}: in de map {document.parent} kan planrapport niet schrijven. Er is niets ingediend."
        )
    if not document.exists():
        return False
    if (
        document.is_dir()
        or not (overwrite or read_submission_part(document) is not None)
        or not os.access(document, os.W_OK)
    ):
        raise WorkbookError(
            f"{document.name}: er staat al een bestand met die naam dat geen ingediend jaarrapport "
            "van planrapport is, of dat planrapport niet mag vervangen. Er is niets ingediend. "
            "Verplaats het bestand, of gebruik --overschrijf om het te vervangen."
        )
    return True


def _temporary(document: Path, write) -> Path:
    """A temporary file beside `document`, filled by `write(file)`."""
    import os

    from workbook.plan.errors import WorkbookError
    from workbook.storage.temporaries import temporary_beside

    try:
        temporary = temporary_beside(document)
        try:
            with open(temporary, "wb") as output:
                write(output)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)
    except OSError as error:
        raise WorkbookError(
            f"{document.name}: in de map {document.parent} kan niet geschreven worden "
            f"({error.strerror}). Er is niets ingediend."
        ) from None
    return temporary


def _into_place(temporary: Path, document: Path, year: int) -> None:
    import os

    from workbook.plan.errors import WorkbookError

    try:
        os.replace(temporary, document)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise WorkbookError(
            f"{document.name}: het verslag van de indiening staat in het werkboek, maar het "
            "jaarrapport kon niet op zijn plaats gezet worden (is het net geopend?). Sluit het en "
            f"dien {year} opnieuw in."
        ) from None
