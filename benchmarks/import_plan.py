"""Time `planrapport importeren` on the Word plans of the tests: the whole process and the steps in one process."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DOCUMENTS = Path(__file__).parent.parent / "tests" / "fixtures" / "word"
PLANS = ("waregem-plan.docx", "denderleeuw-opvolging.docx")


def in_process(source: Path, folder: Path, runs: int) -> dict[str, float]:
    """Median seconds of reading + recognising, and of writing the workbook."""
    from workbook.word_import.importing import import_document
    from workbook.word_import.sheets import save_imported

    reading, writing = [], []
    for run in range(runs):
        started = time.perf_counter()
        imported = import_document(source)
        middle = time.perf_counter()
        save_imported(imported, folder / f"{source.stem}-{run}.xlsx")
        reading.append(middle - started)
        writing.append(time.perf_counter() - middle)
    return {"lezen en herkennen": statistics.median(reading), "werkboek schrijven": statistics.median(writing)}


def as_process(source: Path, folder: Path, runs: int) -> float:
    times = []
    for run in range(runs):
        target = folder / f"{source.stem}-proces-{run}.xlsx"
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "planrapport.cli", "importeren", str(source), str(target)],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--document", type=Path, action="append", help="a Word plan to time instead of the tests'")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for source in args.document or [DOCUMENTS / name for name in PLANS]:
            name = source.name
            steps = in_process(source, Path(folder), args.runs)
            whole = as_process(source, Path(folder), args.runs)
            parts = ", ".join(f"{step} {seconds:.2f} s" for step, seconds in steps.items())
            print(f"{name}: hele opdracht {whole:.2f} s ({parts})")


if __name__ == "__main__":
    main()
