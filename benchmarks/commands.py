"""Each planrapport command as a whole process on an example workbook: wall and processor time, import time,
and the ratio to the floor process (read the workbook read-only, write its texts into a .docx)."""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from xlsx_templates import EXAMPLES, example_path

COMMANDS = {
    "--help": ["--help"],
    "controleer": ["controleer", "{book}"],
    "samenvatting": ["samenvatting", "{book}"],
    "trends": ["trends", "{book}"],
    "jaarrapport": ["jaarrapport", "{book}", "--uit", "{out}", "--overschrijf", "--forceer"],
    "beleidsplan": ["beleidsplan", "{book}", "--uit", "{out}", "--overschrijf", "--forceer"],
}
_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)")


def timed(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, processor seconds (the child's) and stderr of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} ended with {done.returncode}:\n{done.stderr}")
    return wall, cpu, done.stderr


def import_seconds(stderr: str) -> tuple[float, list[tuple[str, float]]]:
    """Total import time of a `-X importtime` run (top-level imports summed) and the heaviest top-level ones."""
    top: list[tuple[str, float]] = []
    for line in stderr.splitlines():
        match = _IMPORT_LINE.match(line)
        if match and not match.group(3):
            top.append((match.group(4), int(match.group(2)) / 1e6))
    return sum(seconds for _, seconds in top), sorted(top, key=lambda item: -item[1])[:4]


def measure(example: str, runs: int) -> list[tuple[str, float, float, float, str]]:
    work = Path(tempfile.mkdtemp(prefix="planrapport-commands-"))
    book = work / f"{example}.xlsx"
    shutil.copy(example_path(example), book)
    python = [sys.executable]
    rows = []
    floor_runs = [timed([*python, "-m", "benchmarks.floor", str(book), str(work / "floor.docx")]) for _ in range(runs)]
    floor = statistics.median(w for w, _, _ in floor_runs)
    rows.append(("floor", floor, statistics.median(c for _, c, _ in floor_runs), 0.0, ""))
    for name, arguments in COMMANDS.items():
        filled = [a.format(book=book, out=work) for a in arguments]
        measured = [timed([*python, "-m", "planrapport.cli", *filled]) for _ in range(runs)]
        _, _, trace = timed([*python, "-X", "importtime", "-m", "planrapport.cli", *filled])
        imports, heaviest = import_seconds(trace)
        top = ", ".join(f"{module} {seconds:.2f}" for module, seconds in heaviest)
        rows.append(
            (
                name,
                statistics.median(w for w, _, _ in measured),
                statistics.median(c for _, c, _ in measured),
                imports,
                top,
            )
        )
    shutil.rmtree(work, ignore_errors=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.commands", description=__doc__)
    parser.add_argument("--example", choices=EXAMPLES, default="waregem-2011-2013")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    rows = measure(args.example, args.runs)
    floor = rows[0][1]
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    print(f"{args.example}, median of {args.runs} runs; load average {load}")
    print(f"{'command':<14} {'wall s':>7} {'cpu s':>6} {'/floor':>7} {'imports s':>10}  heaviest top-level imports (s)")
    for name, wall, cpu, imports, top in rows:
        ratio = f"{wall / floor:.2f}x" if name != "floor" else ""
        print(f"{name:<14} {wall:>7.2f} {cpu:>6.2f} {ratio:>7} {imports:>10.2f}  {top}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
