"""Time every step of the year report on synthetic plans of every size, against a floor of bare load and write."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.figures_table import print_batch, print_sizes
from benchmarks.make_plan import SIZES, make_plan
from benchmarks.one_size import measure, measure_in_child
from benchmarks.processes import CLI_RUNS, batch_figure, cli_start, cli_year_report

YEAR = 2023
DEFAULT_DIR = Path(tempfile.gettempdir()) / "planrapport-bench"
RUNS = {"klein": 5, "typisch": 5, "stad": 3, "grens": 1, "groot": 1}


def ensure_workbook(directory: Path, size: str, seed: int, regenerate: bool) -> Path:
    path = directory / f"{size}-seed{seed}.xlsx"
    if regenerate or not path.exists():
        started = time.perf_counter()
        make_plan(size, path, seed)
        print(f"generated {path} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


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
    print_sizes(results, load_before)
    print(f"CLI start (--help): {cli_start():.2f} s")
    batch = None
    if args.batch:
        print(f"batch of {args.batch} typical workbooks ...", file=sys.stderr, flush=True)
        batch = batch_figure(args.dir, args.batch, args.seed, args.year)
        print_batch(batch)
    if args.json:
        serial = {size: {"measured": r["measured"].__dict__, "cli": r["cli"]} for size, r in results.items()}
        args.json.write_text(json.dumps({"sizes": serial, "batch": batch}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
