"""The printed figures of a benchmark run: the table of steps per size, the notes, the batch line."""

from __future__ import annotations

import os

from benchmarks.floor import FLOOR
from benchmarks.one_size import Measured
from benchmarks.report_steps import MISSING, STEPS


def pipeline_cpu(measured: Measured) -> float | None:
    parts = [measured.steps_cpu.get(name) for name in ("read", "validate", "render", "save")]
    return sum(parts) if all(part is not None for part in parts) else None


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


def print_sizes(results: dict[str, dict], load_before: float) -> None:
    """The table, the load average around the run, and per size its notes and the steps that broke."""
    print(table(results))
    print(
        f"load average (1 min) before and after: {load_before:.1f} / {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} cores; wall times above count the other programs' load, CPU times do not"
    )
    for size in results:
        for note in results[size]["measured"].notes:
            print(f"{size}: {note}")
        for name, value in {**results[size]["measured"].steps, "CLI": results[size]["cli"]["time"]}.items():
            if isinstance(value, str) and value.startswith("fout"):
                print(f"{size}: {name}: {value}")


def print_batch(batch: dict) -> None:
    """The batch figure's line: its time, each workbook's share and the extrapolation to 300."""
    if isinstance(batch["time"], float):
        print(
            f"batch: {batch['count']} typical workbooks in {batch['time']:.1f} s "
            f"({batch['written']} reports, {batch['per_workbook']:.2f} s each on {os.cpu_count()} cores); "
            f"300 extrapolated: {batch['extrapolated_300']:.0f} s; peak {batch['peak_mb']:.0f} MB"
            + (f"; exit {batch['exit']}: {batch['last']}" if batch["exit"] else "")
        )
    else:
        print(f"batch: {batch['time']}")
