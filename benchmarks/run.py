"""Time every step of the year report on synthetic plans of every size, against a floor of bare load and write."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.util
import inspect
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from benchmarks.make_plan import SIZES, make_plan
from benchmarks.peak import parse, resident_peak_kib

YEAR = 2023
DEFAULT_DIR = Path(tempfile.gettempdir()) / "planrapport-bench"
MISSING = "ontbreekt"
RUNS = {"klein": 5, "typisch": 5, "stad": 3, "grens": 1, "groot": 1}
CLI_RUNS = {"klein": 3, "typisch": 3, "stad": 3, "grens": 1, "groot": 1}
STEPS = ("read", "validate", "trends", "charts", "render", "save")
FLOOR = ("floor read", "floor write")


class Missing(Exception):
    """A module or function of the pipeline that does not exist (yet)."""


def need(module: str, name: str) -> Callable:
    if importlib.util.find_spec(module) is None:
        raise Missing(module)
    found = getattr(importlib.import_module(module), name, None)
    if found is None:
        raise Missing(f"{module}.{name}")
    return found


# ---- the steps, each given what the steps before it produced ----------------------------------------------------


def step_read(state: dict) -> None:
    state["plan"] = need("workbook.reading.reader", "read_plan")(state["path"])


def step_validate(state: dict) -> None:
    report = need("reporting.validation", "validate")(state["plan"], state["year"])
    state["report"] = report
    state["errors"] = len(report.errors)
    state["warnings"] = len(report.warnings)
    state["error_codes"] = sorted({issue.code for issue in report.errors})


def step_trends(state: dict) -> None:
    trends = need("reporting.figures.trends", "indicator_trends")
    rollup = need("reporting.rollups", "plan_rollup")
    state["trends"] = trends(state["plan"], state["year"])
    if "trends" in inspect.signature(rollup).parameters:
        state["rollup"] = rollup(state["plan"], state["year"], trends=state["trends"])
    else:
        state["rollup"] = rollup(state["plan"], state["year"])


def step_charts(state: dict) -> None:
    """Every chart the plan has, built as a Word chart with its data workbook: one per quantitative indicator,
    one status chart per strategic objective (a report builds only those it shows)."""
    planned_charts = need("reporting.charts", "planned_charts")
    forget_charts()
    if "trends" not in state or "rollup" not in state:
        raise Missing("trends")
    rollup = state["rollup"]
    lines, bars = planned_charts(state["trends"], rollup, [o.code for o in rollup.strategic])
    created = datetime(state["year"], 12, 31)
    state["charts"] = [chart.build(created) for chart in [*lines.values(), *bars.values()]]


def as_the_command():
    """The garbage-collection setting `planrapport jaarrapport` runs under (reporting.collecting), if there is one."""
    if importlib.util.find_spec("reporting.collecting") is None:
        return contextlib.nullcontext()
    return importlib.import_module("reporting.collecting").fewer_collections()


def forget_charts() -> None:
    """Drop the chart formatting made in this process, so that no step is timed on what an earlier one made."""
    if importlib.util.find_spec("reporting.chart_xml") is not None:
        module = importlib.import_module("reporting.chart_xml")
        for made in ("_line_template", "_status_template"):
            if hasattr(module, made):
                getattr(module, made).cache_clear()


def step_render(state: dict) -> None:
    render = need("reporting.documents", "render_year_report")
    forget_charts()
    state["docx"] = render(state["plan"], state["year"])


def step_save(state: dict) -> None:
    from workbook.storage.files import write_atomically

    data = state.get("docx")
    if data is None:
        raise Missing("render")
    target = Path(state["out"]) / "jaarrapport.docx"
    write_atomically(target, lambda temporary: temporary.write_bytes(data), overwrite=True)


STEP_FUNCTIONS = {
    "read": step_read,
    "validate": step_validate,
    "trends": step_trends,
    "charts": step_charts,
    "render": step_render,
    "save": step_save,
}


# ---- the floor: only load the workbook, only write its texts ------------------------------------------------------


def floor_read(path: Path) -> int:
    """Load the workbook with openpyxl in read-only mode and touch every value."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells += len(row)
    workbook.close()
    return cells


def report_texts(plan, year: int) -> list[str]:
    """The texts of a year report as plain strings: objectives, results, actions and follow-up, indicators."""
    texts: list[str] = []
    for objective in plan.objectives:
        texts += [f"{objective.code} {objective.title}", objective.motivation, objective.domain]
    texts += [f"{result.code} {result.text}" for result in plan.results]
    follow = {f.action_code: f for f in plan.follow_ups if f.year == year}
    for action in plan.actions:
        texts += [f"{action.code} {action.title}", action.description]
        if (done := follow.get(action.code)) is not None:
            texts += [done.status, done.progress.replace("**", ""), done.time, done.money]
    values: dict[str, list[str]] = {}
    for measurement in plan.measurements:
        values.setdefault(measurement.indicator_code, []).append(f"{measurement.period}: {measurement.value}")
    for indicator in plan.indicators:
        texts += [f"{indicator.code} {indicator.text}", "; ".join(values.get(indicator.code, []))]
    texts += [f"{line.year} {line.description} {line.planned} {line.spent}" for line in plan.budget_lines]
    return [text for text in texts if text]


def bare_template() -> bytes:
    """A .docx with nothing but one loop that prints each text as a paragraph."""
    from docx import Document

    document = Document()
    document.add_paragraph("{%p for text in texts %}")
    document.add_paragraph("{{ text }}")
    document.add_paragraph("{%p endfor %}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def floor_write(texts: list[str], template: bytes, target: Path) -> None:
    """docxtpl's own render and save, but its body put in linearly (docxtpl's own swap grows with the square)."""
    from reporting.documents.engine.docxtpl_internals import LinearBodyTemplate

    document = LinearBodyTemplate(io.BytesIO(template))
    document.render({"texts": texts}, autoescape=True)
    document.save(target)


def cpu_seconds() -> float:
    """Processor time of this process and of its finished children (a chart pool): contention-proof work."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


# ---- one size, measured in its own process ------------------------------------------------------------------------


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


# ---- whole processes ----------------------------------------------------------------------------------------------


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


def pipeline_cpu(measured: Measured) -> float | None:
    parts = [measured.steps_cpu.get(name) for name in ("read", "validate", "render", "save")]
    return sum(parts) if all(part is not None for part in parts) else None


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


# ---- the table -----------------------------------------------------------------------------------------------------


def pipeline_total(measured: Measured) -> float | None:
    """Read, validate, render and save: the work of the CLI (render draws the trends and charts itself)."""
    parts = [measured.steps[name] for name in ("read", "validate", "render", "save")]
    if not all(isinstance(part, float) for part in parts):
        return None
    return sum(parts)


def table(results: dict[str, dict]) -> str:
    sizes = list(results)
    width = 10
    lines = ["step (s, median)".ljust(28) + "".join(size.rjust(width) for size in sizes)]

    def row(label: str, values: list[str]) -> None:
        lines.append(label.ljust(28) + "".join(v.strip().rjust(width)[:width].rjust(width) for v in values))

    def short(value: float | str | None, unit: str = "") -> str:
        if value is None:
            return "-"
        if isinstance(value, float):
            return f"{value:.0f}{unit}" if unit == " MB" else f"{value:.2f}"
        return value if value in (MISSING, "overgeslagen") else "fout"

    for name in ("read", "validate", "trends", "charts", "render"):
        row(f"import {name}", [short(results[s]["measured"].imports.get(name)) for s in sizes])
    for name in STEPS:
        row(
            name + (" (in render)" if name in ("trends", "charts") else ""),
            [short(results[s]["measured"].steps[name]) for s in sizes],
        )
    row("pipeline read..save", [short(pipeline_total(results[s]["measured"])) for s in sizes])
    for name in FLOOR:
        row(name, [short(results[s]["measured"].floor[name]) for s in sizes])
    floors = {s: sum(results[s]["measured"].floor.values()) for s in sizes}
    row("floor total", [short(floors[s]) for s in sizes])
    ratios = []
    for s in sizes:
        total = pipeline_total(results[s]["measured"])
        ratios.append(f"{total / floors[s]:.1f}x" if total else "-")
    row("pipeline / floor", ratios)
    row("CLI jaarrapport (process)", [short(results[s]["cli"]["time"]) for s in sizes])
    cli_ratios = []
    for s in sizes:
        value = results[s]["cli"]["time"]
        cli_ratios.append(f"{value / floors[s]:.1f}x" if isinstance(value, float) else "-")
    row("CLI / floor", cli_ratios)
    row("pipeline CPU s", [short(pipeline_cpu(results[s]["measured"])) for s in sizes])
    row("CLI CPU s", [short(results[s]["cli"].get("cpu")) for s in sizes])
    row("peak memory CLI", [short(results[s]["cli"]["peak_mb"], " MB") for s in sizes])
    row("peak memory steps", [short(results[s]["measured"].peak_mb, " MB") for s in sizes])
    return "\n".join(lines)


def ensure_workbook(directory: Path, size: str, seed: int, regenerate: bool) -> Path:
    path = directory / f"{size}-seed{seed}.xlsx"
    if regenerate or not path.exists():
        started = time.perf_counter()
        make_plan(size, path, seed)
        print(f"generated {path} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--sizes", default="klein,typisch,stad,grens", help="comma-separated sizes to measure")
    parser.add_argument("--runs", type=int, help="runs per size (default: 5, 3 for stad, 1 for groot)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--year", type=int, default=YEAR)
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help=f"generated workbooks (default {DEFAULT_DIR})")
    parser.add_argument("--regenerate", action="store_true", help="write the workbooks again even when present")
    parser.add_argument("--batch", type=int, default=20, help="typical workbooks in the batch figure (0: skip)")
    parser.add_argument("--no-cli", action="store_true", help="skip the whole-process CLI timings")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--measure", nargs=2, metavar=("SIZE", "PATH"), help=argparse.SUPPRESS)
    parser.add_argument("--run-batch", nargs=2, metavar=("FOLDER", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run_batch:
        from planrapport.commands.documents.batch import run_batch

        folder, out = args.run_batch
        return 0 if not run_batch(Path(folder), args.year, Path(out), overwrite=True, force=False).failed else 1
    if args.measure:
        size, path = args.measure
        measured = measure(size, Path(path), args.runs or RUNS.get(size, 3), args.year)
        print(json.dumps(measured.__dict__))
        return 0
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown size {unknown[0]!r} (choose from {', '.join(SIZES)})")
    args.dir.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict] = {}
    load_before = os.getloadavg()[0]
    for size in sizes:
        path = ensure_workbook(args.dir, size, args.seed, args.regenerate)
        print(f"measuring {size} ...", file=sys.stderr, flush=True)
        measured = measure_in_child(size, path, args.runs or RUNS[size], args.year)
        cli = (
            {"time": "overgeslagen", "peak_mb": None}
            if args.no_cli
            else cli_year_report(path, args.runs or CLI_RUNS[size], args.year)
        )
        results[size] = {"measured": measured, "cli": cli}
    print(table(results))
    print(
        f"load average (1 min) before and after: {load_before:.1f} / {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} cores; wall times above count the other programs' load, CPU times do not"
    )
    for size in sizes:
        for note in results[size]["measured"].notes:
            print(f"{size}: {note}")
        for name, value in {**results[size]["measured"].steps, "CLI": results[size]["cli"]["time"]}.items():
            if isinstance(value, str) and value.startswith("fout"):
                print(f"{size}: {name}: {value}")
    print(f"CLI start (--help): {cli_start():.2f} s")
    batch = None
    if args.batch:
        print(f"batch of {args.batch} typical workbooks ...", file=sys.stderr, flush=True)
        batch = batch_figure(args.dir, args.batch, args.seed, args.year)
        if isinstance(batch["time"], float):
            print(
                f"batch: {batch['count']} typical workbooks in {batch['time']:.1f} s "
                f"({batch['written']} reports, {batch['per_workbook']:.2f} s each on {os.cpu_count()} cores); "
                f"300 extrapolated: {batch['extrapolated_300']:.0f} s; peak {batch['peak_mb']:.0f} MB"
                + (f"; exit {batch['exit']}: {batch['last']}" if batch["exit"] else "")
            )
        else:
            print(f"batch: {batch['time']}")
    if args.json:
        serial = {size: {"measured": r["measured"].__dict__, "cli": r["cli"]} for size, r in results.items()}
        args.json.write_text(json.dumps({"sizes": serial, "batch": batch}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
