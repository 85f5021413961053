"""Memory of one year report, stage by stage: python -m benchmarks.memory PAD [--jaar J] (Linux)."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path


def _status(key: str) -> int:
    """A figure of /proc/self/status in MiB (VmRSS: resident now, VmHWM: the peak since the last reset)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(key + ":"):
                return int(line.split()[1]) // 1024
    raise LookupError(key)


def _reset_peak() -> None:
    with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
        refs.write("5")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.memory", description=__doc__)
    parser.add_argument("path", type=Path, help="the workbook")
    parser.add_argument("--jaar", type=int, default=None, help="the report year (default: the workbook's)")
    parser.add_argument(
        "--any-size",
        action="store_true",
        help="read a workbook above the reader's limits (its unpacked size, the plan's actions and indicators) too",
    )
    args = parser.parse_args(argv)
    rows: list[tuple[str, int, int, float]] = []

    def stage(name: str, work):
        _reset_peak()
        started = time.process_time()
        result = work()
        rows.append((name, _status("VmRSS"), _status("VmHWM"), time.process_time() - started))
        return result

    def imports():
        import reporting.documents  # noqa: F401
        import reporting.validation  # noqa: F401
        import workbook.spreadsheet.loading

        if args.any_size:
            import workbook.reading.plan_size

            workbook.spreadsheet.loading.MAX_UNCOMPRESSED = 1 << 40
            workbook.reading.plan_size.MAX_ACTIONS = workbook.reading.plan_size.MAX_INDICATORS = 1 << 40

    stage("interpreter and imports", imports)
    from reporting.documents import render_year_report
    from reporting.validation import validate
    from workbook.reading.reader import read_plan

    plan = stage("read the workbook", lambda: read_plan(args.path))
    stage("validate", lambda: validate(plan))
    data = stage("year report (.docx bytes)", lambda: render_year_report(plan, args.jaar))
    print(
        f"{args.path.name}: {len(plan.actions)} actions, {len(plan.follow_ups)} follow-up rows, "
        f"{len(plan.indicators)} indicators, {len(plan.measurements)} measurements; "
        f"report {len(data) / 2**20:.1f} MiB"
    )
    print("| stage | resident after | peak in stage | CPU s |")
    print("|---|---|---|---|")
    for name, resident, peak, seconds in rows:
        print(f"| {name} | {resident} MiB | {peak} MiB | {seconds:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
