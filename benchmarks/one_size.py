"""One size measured in a fresh interpreter: import time per step module, the median of each step and the floor."""

from __future__ import annotations

import importlib
import importlib.util
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.floor import FLOOR, bare_template, floor_read, floor_write, report_texts
from benchmarks.peak import resident_peak_kib
from benchmarks.report_steps import MISSING, STEP_FUNCTIONS, STEPS, Missing, as_the_command


def cpu_seconds() -> float:
    """Processor time of this process and of its finished children (a chart pool): contention-proof work."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@dataclass
class Measured:
    size: str
    imports: dict[str, float | str] = field(default_factory=dict)
    steps: dict[str, float | str] = field(default_factory=dict)
    steps_cpu: dict[str, float] = field(default_factory=dict)
    floor: dict[str, float] = field(default_factory=dict)
    peak_mb: float = 0.0
    notes: list[str] = field(default_factory=list)


def measure(size: str, path: Path, runs: int, year: int) -> Measured:
    """Import time per step module, then the median over `runs` of each step and of the floor."""
    result = Measured(size)
    for name, modules in (
        ("read", ("workbook.reading.reader",)),
        ("validate", ("reporting.validation",)),
        ("trends", ("reporting.figures.trends", "reporting.rollups", "pandas")),
        ("charts", ("reporting.charts", "reporting.chart_xml")),
        ("render", ("reporting.documents.year_report",)),
    ):
        if any(importlib.util.find_spec(module) is None for module in modules):
            result.imports[name] = MISSING
            continue
        started = time.perf_counter()
        for module in modules:
            importlib.import_module(module)
        result.imports[name] = time.perf_counter() - started
    samples: dict[str, list[float]] = {name: [] for name in STEPS + FLOOR}
    cpu: dict[str, list[float]] = {name: [] for name in STEPS}
    failed: dict[str, str] = {}
    template = bare_template()
    with tempfile.TemporaryDirectory(prefix="planrapport-bench-") as out:
        texts = None
        for _ in range(runs):
            # The floor first, in a process not yet filled by the steps; its best run counts.
            started = time.perf_counter()
            floor_read(path)
            samples["floor read"].append(time.perf_counter() - started)
            if texts is not None:
                started = time.perf_counter()
                floor_write(texts, template, Path(out) / "kaal.docx")
                samples["floor write"].append(time.perf_counter() - started)
            state: dict = {"path": path, "year": year, "out": out}
            with as_the_command():
                for name in STEPS:
                    if name in failed:
                        continue
                    started, started_cpu = time.perf_counter(), cpu_seconds()
                    try:
                        STEP_FUNCTIONS[name](state)
                    except Missing:
                        failed[name] = MISSING
                        continue
                    except Exception as error:  # a step that breaks is reported, the others still run
                        where = traceback.extract_tb(error.__traceback__)[-1]
                        failed[name] = (
                            f"fout: {type(error).__name__}: {error} ({Path(where.filename).name}:{where.lineno})"
                        )[:300]
                        continue
                    samples[name].append(time.perf_counter() - started)
                    cpu[name].append(cpu_seconds() - started_cpu)
            if texts is None:
                texts = report_texts(state["plan"], year) if "plan" in state else []
                started = time.perf_counter()
                floor_write(texts, template, Path(out) / "kaal.docx")
                samples["floor write"].append(time.perf_counter() - started)
        if "errors" in state:
            result.notes.append(
                f"validation: {state['errors']} errors {state['error_codes'][:8]}, {state['warnings']} warnings"
            )
        if state.get("docx"):
            result.notes.append(f"year report: {len(state['docx']) / 1e6:.2f} MB")
    for name in STEPS:
        result.steps[name] = failed.get(name) or statistics.median(samples[name])
        if cpu[name]:
            result.steps_cpu[name] = statistics.median(cpu[name])
    for name in FLOOR:
        result.floor[name] = min(samples[name])
    result.peak_mb = resident_peak_kib() / 1024  # this fresh interpreter's own high-water mark
    return result


def measure_in_child(size: str, path: Path, runs: int, year: int) -> Measured:
    """Measure one size in a fresh interpreter, so imports are cold and peak memory is that size's own."""
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.run",
            "--measure",
            size,
            str(path),
            "--runs",
            str(runs),
            "--year",
            str(year),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"measuring {size} failed:\n{completed.stderr}")
    data = json.loads(completed.stdout.strip().splitlines()[-1])
    return Measured(**data)
