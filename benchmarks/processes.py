"""Whole processes timed: the year report command as the officer starts it, its start alone, and a batch."""

from __future__ import annotations

import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.make_plan import make_plan
from benchmarks.peak import parse
from benchmarks.report_steps import MISSING

CLI_RUNS = {"klein": 3, "typisch": 3, "stad": 3, "grens": 1, "groot": 1}


def cli_command() -> list[str]:
    return ["planrapport.cli"]


def timed_process(module_and_arguments: Sequence[str], cwd: Path | None = None) -> tuple[float, float, int, str, float]:
    """Wall time, peak memory (MB: the process's own, or its largest child's if larger), exit code, last line on
    stderr and processor time (with its children) of `python -m MODULE ARGUMENTS...` (run under benchmarks.peak)."""
    started = time.perf_counter()
    command = [sys.executable, "-m", "benchmarks.peak", *module_and_arguments]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd)
    stderr = process.stderr.read() if process.stderr else b""
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    own, children, lines = parse(stderr.decode("utf-8", "replace").strip())
    cpu = usage.ru_utime + usage.ru_stime
    peak = max(own or 0.0, children or 0.0)
    return elapsed, peak, process.returncode, lines[-1] if lines else "", cpu


def cli_year_report(path: Path, runs: int, year: int) -> dict:
    """The whole `planrapport jaarrapport` as the officer starts it, process start included (median of runs)."""
    if importlib.util.find_spec("planrapport.commands.documents.year_report") is None:
        return {"time": MISSING, "peak_mb": MISSING}
    times, peaks, cpus = [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="planrapport-cli-") as out:
            elapsed, peak, code, last, cpu = timed_process(
                [*cli_command(), "jaarrapport", str(path), "--jaar", str(year), "--uit", out]
            )
            if code != 0:
                return {"time": f"fout: exit {code}: {last}"[:200], "peak_mb": peak}
            times.append(elapsed)
            peaks.append(peak)
            cpus.append(cpu)
    return {"time": statistics.median(times), "peak_mb": max(peaks), "cpu": statistics.median(cpus)}


def cli_start() -> float:
    """`planrapport --help`: interpreter start and the imports every command pays for."""
    return statistics.median(timed_process([*cli_command(), "--help"])[0] for _ in range(5))


def batch_figure(directory: Path, count: int, seed: int, year: int) -> dict:
    """Year reports for `count` typical workbooks with planrapport.commands.documents.batch, extrapolated to 300."""
    if importlib.util.find_spec("planrapport.commands.documents.batch") is None:
        return {"count": count, "time": MISSING}
    folder = directory / f"batch-{count}-seed{seed}"
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        target = folder / f"typisch-{index + 1:03d}.xlsx"
        if not target.exists():
            make_plan("typisch", target, seed + index)
    with tempfile.TemporaryDirectory(prefix="planrapport-batch-") as out:
        elapsed, peak, code, last, cpu = timed_process(
            ["benchmarks.run", "--run-batch", str(folder), out, "--year", str(year)]
        )
        written = len(list(Path(out).glob("*.docx")))
    return {
        "count": count,
        "time": elapsed,
        "written": written,
        "exit": code,
        "last": last,
        "per_workbook": elapsed / count,
        "extrapolated_300": elapsed / count * 300,
        "peak_mb": peak,
        "cpu": cpu,
    }
