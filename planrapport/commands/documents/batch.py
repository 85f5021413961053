"""Year reports for every workbook in a folder, on all cores; a workbook that fails does not stop the others."""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from workbook.plan.errors import WorkbookError

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
PARENT_CHECK_SECONDS = 0.5
SKIPPED_BACKUP = "een reservekopie die planrapport maakte voor het in het werkboek schreef"
SKIPPED_LOCK = "een slotbestand van Excel, Word of LibreOffice (een bestand is open)"
SKIPPED_TEMPORARY = "een tijdelijk bestand van planrapport"
SKIPPED_HIDDEN = "een verborgen bestand"
_OLD_KIND = "een {kind}; open het in {program} en bewaar het als Excel-werkmap (.xlsx)"
SKIPPED_OTHER_KINDS = {
    ".xls": _OLD_KIND.format(kind="oud Excel-bestand (.xls)", program="Excel"),
    ".xlsb": _OLD_KIND.format(kind="binaire Excel-werkmap (.xlsb)", program="Excel"),
    ".ods": _OLD_KIND.format(kind="LibreOffice-rekenblad (.ods)", program="LibreOffice Calc"),
    ".fods": _OLD_KIND.format(kind="LibreOffice-rekenblad (.fods)", program="LibreOffice Calc"),
    ".csv": _OLD_KIND.format(kind="csv-bestand", program="Excel"),
}
BROKEN = (
    "het verwerken van dit werkboek brak onverwacht af (is het heel groot, of is het geheugen van de computer "
    "vol?). Probeer het alleen: planrapport jaarrapport {name}"
)


@dataclass(frozen=True)
class WorkbookOutcome:
    """What became of one workbook: the document written, or the Dutch reason why not."""

    workbook: Path
    document: Path | None = None
    message: str = ""  # the reason there is no document, else a notice (a numbered name, ONTWERP, ...) or ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.document is not None


@dataclass(frozen=True)
class Skipped:
    """A file in the folder that looks like a workbook but is not taken, and why."""

    path: Path
    reason: str


@dataclass(frozen=True)
class BatchResult:
    outcomes: tuple[WorkbookOutcome, ...]
    seconds: float
    skipped: tuple[Skipped, ...] = ()

    @property
    def written(self) -> tuple[WorkbookOutcome, ...]:
        return tuple(o for o in self.outcomes if o.ok)

    @property
    def failed(self) -> tuple[WorkbookOutcome, ...]:
        return tuple(o for o in self.outcomes if not o.ok)

    def summary_lines(self) -> list[str]:
        """The closing lines for the officer: how many reports, then each workbook without one and why."""
        total = len(self.outcomes)
        lines = [f"{len(self.written)} van {total} jaarrapporten gemaakt in {_duration(self.seconds)}."]
        if self.failed:
            lines.append(
                f"{len(self.failed)} {'werkboek' if len(self.failed) == 1 else 'werkboeken'} zonder jaarrapport:"
            )
            lines += [f"  {o.workbook.name}: " + o.message.replace("\n", "\n    ") for o in self.failed]
        if self.skipped:
            lines.append(f"{len(self.skipped)} {'bestand' if len(self.skipped) == 1 else 'bestanden'} overgeslagen:")
            lines += [f"  {s.path.name}: {s.reason}" for s in self.skipped]
        return lines


@dataclass(frozen=True)
class _Rendered:
    """What a worker sends back: the document's name and bytes, or the reason there is none."""

    name: str = ""
    data: bytes = b""
    error: str = ""
    notice: str = ""
    seconds: float = 0.0


def workbooks_in(folder: Path) -> tuple[list[Path], list[Skipped]]:
    """The workbooks directly in `folder`, by name, and the files beside them that look like workbooks but are
    not taken, each with the reason: backups, lock files, temporary files, .xls, .ods."""
    from workbook.storage.backups import is_backup
    from workbook.storage.locks import is_lock_file
    from workbook.storage.temporaries import is_temporary, remove_stale_temporaries

    if not folder.is_dir():
        raise WorkbookError(f"{folder}: deze map bestaat niet.")
    remove_stale_temporaries(folder)
    found: list[Path] = []
    skipped: list[Skipped] = []
    for path in sorted(folder.iterdir(), key=lambda path: path.name.casefold()):
        name, suffix = path.name, path.suffix.lower()
        if is_lock_file(name):
            reason = SKIPPED_LOCK if suffix in WORKBOOK_SUFFIXES or name.endswith("#") else ""
        elif is_temporary(name):
            reason = SKIPPED_TEMPORARY
        elif suffix not in WORKBOOK_SUFFIXES:
            reason = SKIPPED_OTHER_KINDS.get(suffix, "")
        elif is_backup(name):
            reason = SKIPPED_BACKUP
        elif name.startswith(".") or not path.is_file():
            reason = SKIPPED_HIDDEN if path.is_file() else ""
        else:
            found.append(path)
            continue
        if reason:
            skipped.append(Skipped(path, reason))
    if not found:
        raise WorkbookError(
            f"{folder}: in deze map staan geen werkboeken (.xlsx of .xlsm)."
            + "".join(f"\n  {s.path.name}: {s.reason}" for s in skipped)
        )
    return found, skipped


def run_batch(
    folder: str | Path,
    year: int | None,
    out: str | Path | None,
    overwrite: bool,
    force: bool,
    workers: int | None = None,
    *,
    template: str | None = None,
    with_warnings: bool = False,
    progress: Callable[[WorkbookOutcome, int, int], None] | None = None,
) -> BatchResult:
    """The year report of every workbook in `folder`, as `planrapport jaarrapport` makes it for one: the same
    check (errors refuse the workbook unless `force`), the same rendering and the same safe writing into `out`
    (default: next to each workbook). Workbooks are rendered on `workers` processes (default: every core, fewer
    when their reports would not fit in the free memory together);
    documents are written here, one at a time, so that two workbooks of one municipality never write the same
    file: the second gets a numbered name, also with `overwrite`. `progress(outcome, done, total)` is called
    after each workbook."""
    started = time.perf_counter()
    paths, skipped = workbooks_in(Path(folder))
    if not workers:
        from planrapport.commands.documents.worker_count import worker_count

        workers = worker_count(paths)
    workers = max(1, min(workers, len(paths)))
    job = (year, force, template, with_warnings)
    writer = _Writer(out, overwrite)
    outcomes: dict[Path, WorkbookOutcome] = {}

    def finished(path: Path, rendered: _Rendered) -> None:
        outcomes[path] = writer.write(path, rendered)
        if progress is not None:
            progress(outcomes[path], len(outcomes), len(paths))

    if workers == 1:
        for path in paths:
            finished(path, render_one(path, *job))
    else:
        queue = paths
        while queue:
            # A process that dies (a crash, memory running out) breaks the whole pool. The workbooks that were
            # being rendered then are the first in line of the unfinished ones: those go again alone, so that
            # the culprit cannot take others down a second time; the rest go again in a new pool.
            broken = sorted(_in_pool(queue, job, workers, finished), key=paths.index)
            for path in broken[: workers + 1]:
                if _in_pool([path], job, 1, finished):
                    finished(path, _Rendered(error=BROKEN.format(name=path.name)))
            queue = broken[workers + 1 :]
    ordered = tuple(outcomes[path] for path in paths)
    return BatchResult(ordered, time.perf_counter() - started, tuple(skipped))


def _in_pool(paths: list[Path], job: tuple, workers: int, finished: Callable[[Path, _Rendered], None]) -> list[Path]:
    """Render in a pool, handing each result to `finished` as it comes; returns the workbooks a crash took down."""
    broken: list[Path] = []
    with ProcessPoolExecutor(max_workers=workers, initializer=_end_with, initargs=(os.getpid(),)) as pool:
        pending: dict[Future, Path] = {pool.submit(render_one, path, *job): path for path in paths}
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                path = pending.pop(future)
                try:
                    rendered = future.result()
                except BrokenProcessPool:
                    broken.append(path)
                    continue
                finished(path, rendered)
    return broken


def _end_with(parent: int) -> None:
    """In a worker: end this process as soon as the batch that started it is gone (killed, or closed with its
    window), instead of rendering on for nobody."""
    started_by = multiprocessing.parent_process()  # on Windows a parent's id is not handed on: ask it directly

    def watch() -> None:
        while os.getppid() == parent and (started_by is None or started_by.is_alive()):
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="planrapport-parent", daemon=True).start()


def render_one(path: Path, year: int | None, force: bool, template: str | None, with_warnings: bool) -> _Rendered:
    """One workbook as `planrapport jaarrapport` renders it (its `build`: read, check, render), without writing
    the file. Runs in a worker process: every problem comes back as a Dutch message, never as an exception."""
    from planrapport.commands.documents.common import build_year_report

    started = time.perf_counter()
    notices = io.StringIO()
    try:
        with contextlib.redirect_stderr(notices):
            name, data = build_year_report(path, year, force=force, template=template, with_warnings=with_warnings)
    except WorkbookError as error:
        return _Rendered(error=_strip(error.message, path.name), seconds=time.perf_counter() - started)
    except Exception as error:  # one broken workbook must not stop the batch
        return _Rendered(
            error=f"er liep iets onverwacht mis ({type(error).__name__}: {error}). Het werkboek is niet gewijzigd. "
            "Meld dit aan de beheerder van planrapport, met het werkboek erbij.",
            seconds=time.perf_counter() - started,
        )
    notice = " ".join(line.strip() for line in notices.getvalue().splitlines() if line.strip())
    return _Rendered(name, data, notice=notice.removeprefix("planrapport: "), seconds=time.perf_counter() - started)


def _strip(message: str, name: str) -> str:
    """A message without the workbook's name in front: the summary already names it."""
    return message[len(name) + 2 :] if message.startswith(f"{name}: ") else message


class _Writer:
    """Writes the documents one at a time and remembers which names this batch already used."""

    def __init__(self, out: str | Path | None, overwrite: bool) -> None:
        self.out = out
        self.overwrite = overwrite
        self.claimed: set[Path] = set()

    def write(self, path: Path, rendered: _Rendered) -> WorkbookOutcome:
        from reporting.documents.output import target, write_document

        if rendered.error:
            return WorkbookOutcome(path, None, rendered.error, rendered.seconds)
        try:
            wanted = target(path, rendered.name, self.out)
            written = write_document(wanted, rendered.data, overwrite=self.overwrite and wanted not in self.claimed)
        except WorkbookError as error:
            return WorkbookOutcome(path, None, error.message, rendered.seconds)
        self.claimed.add(written.path)
        notice = " ".join(part for part in (rendered.notice, written.notice()) if part)
        return WorkbookOutcome(path, written.path, notice, rendered.seconds)


def _duration(seconds: float) -> str:
    from reporting.figures.formatting import number

    if seconds < 60:
        return f"{number(seconds, 1 if seconds < 10 else 0)} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s"


class ProgressBar:
    """A progress bar on stderr; where stderr is not a terminal (a log file), one line per workbook instead."""

    WIDTH = 30

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()

    def __call__(self, outcome: WorkbookOutcome, done: int, total: int) -> None:
        mark = "ok" if outcome.ok else "FOUT"
        if not self.live:
            self.stream.write(f"[{done}/{total}] {outcome.workbook.name}: {mark}\n")
            self.stream.flush()
            return
        filled = round(self.WIDTH * done / total)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self.stream.write(f"\r[{bar}] {done}/{total} {outcome.workbook.name[:40]:<40}")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


def batch_command(
    folder: Path,
    year: int | None,
    out: str | None,
    overwrite: bool,
    force: bool,
    template: str | None = None,
    with_warnings: bool = False,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """`planrapport jaarrapport MAP`: a report per workbook, the paths on stdout, progress and summary on stderr.
    Exit code 0 when every workbook got its report, 1 when at least one did not."""
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    result = run_batch(
        folder,
        year,
        out,
        overwrite,
        force,
        template=template,
        with_warnings=with_warnings,
        progress=ProgressBar(stderr),
    )
    for outcome in result.written:
        print(outcome.document, file=stdout)
    notices = [o for o in result.written if o.message]
    for outcome in notices:
        print(f"planrapport: {outcome.workbook.name}: {outcome.message}", file=stderr)
    for line in result.summary_lines():
        print(f"planrapport: {line}" if not line.startswith("  ") else line, file=stderr)
    return 0 if not result.failed else 1
