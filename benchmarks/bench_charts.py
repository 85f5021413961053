"""Time the charts of a synthetic plan: drawn here, drawn in a pool of processes, and served from the cache."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.make_plan import make_plan
from reporting import charts
from reporting.rollups import plan_rollup
from reporting.trends import indicator_trends
from workbook.reader import read_plan


def timed(work: Callable[[], object], runs: int, before: Callable[[], None] = lambda: None) -> float:
    """Median seconds over `runs`, calling `before` (not timed) ahead of each run."""
    times = []
    for _ in range(runs):
        before()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cpu_seconds(work: Callable[[], object]) -> float:
    """Processor time of this process only: what drawing costs when other programs share the machine."""
    start = time.process_time()
    work()
    return time.process_time() - start


def cold() -> None:
    charts.clear_cache()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="stad", help="klein, typisch, stad or groot (default: stad)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "planrapport-bench")
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    path = args.dir / f"{args.size}.xlsx"
    if not path.exists():
        make_plan(args.size, path)
    plan = read_plan(path)
    trends = indicator_trends(plan)
    rollup = plan_rollup(plan, trends=trends)
    count = len(charts.chart_codes(trends))
    cores = os.cpu_count() or 1
    charts.indicator_charts(trends.head(5), workers=1)  # import matplotlib and make the canvas once
    rows = [
        ("line charts, one process", timed(lambda: charts.indicator_charts(trends, workers=1), args.runs, cold)),
        (f"line charts, pool of {cores}", timed(lambda: charts.indicator_charts(trends, workers=cores),
                                                args.runs, cold)),
        ("line charts, from the memory cache", timed(lambda: charts.indicator_charts(trends), args.runs)),
    ]
    cold()
    rows.append(("line charts, one process, CPU time", cpu_seconds(lambda: charts.indicator_charts(trends, workers=1))))
    with tempfile.TemporaryDirectory() as folder:
        charts.indicator_charts(trends, cache_dir=Path(folder))
        rows.append(("line charts, from a cache folder",
                     timed(lambda: charts.indicator_charts(trends, cache_dir=Path(folder)), args.runs, cold)))
    rows.append((f"status charts ({len(rollup.strategic)})",
                 timed(lambda: charts.status_charts(rollup), args.runs, cold)))
    print(f"{args.size}: {count} line charts, {len(rollup.strategic)} status charts, {cores} cores, "
          f"median of {args.runs} runs")
    for label, seconds in rows:
        per_chart = f"  ({seconds / count * 1000:.1f} ms per line chart)" if label.startswith("line") else ""
        print(f"  {label:<36} {seconds:6.2f} s{per_chart}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
