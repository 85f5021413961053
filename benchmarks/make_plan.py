"""Seeded synthetic plan workbooks of a given size (klein, typisch, stad, groot), written through the template."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from benchmarks.synthetic.plan_rows import plan_data
from benchmarks.synthetic.sizes import SIZES, Size, scaled

__all__ = ["SIZES", "Size", "make_plan", "plan_data", "scaled", "write_plan"]


def write_plan(data: dict[str, object], path: Path) -> Path:
    """Write the rows into a fresh template workbook (workbook.builders.template) at `path`, replacing what is there."""
    from workbook.builders.template import build_template, fill
    from workbook.storage.files import save_workbook

    return save_workbook(fill(build_template(), data), Path(path), overwrite=True)


def make_plan(size: str | Size, path: str | Path, seed: int = 1) -> Path:
    return write_plan(plan_data(size, seed), Path(path))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.make_plan", description=__doc__)
    parser.add_argument("size", choices=SIZES, help="klein, typisch, stad or groot")
    parser.add_argument("path", type=Path, help="where to write the .xlsx (replaced when it exists)")
    parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same workbook (default 1)")
    parser.add_argument(
        "--factor",
        type=float,
        default=1.0,
        help="every count of the size multiplied by this (groot --factor 10: 100.000 actions)",
    )
    parser.add_argument(
        "--years",
        type=int,
        default=None,
        help="years of the plan up to the report year 2023, each with follow-up and measurements "
        "(default: the size's, 6 for groot)",
    )
    args = parser.parse_args(argv)
    if args.path.suffix.lower() != ".xlsx":
        parser.error("the path must end in .xlsx")
    size = SIZES[args.size] if args.factor == 1 else scaled(args.size, args.factor)
    if args.years is not None:
        if not 1 <= args.years <= 20:
            parser.error("--years must be 1 to 20")
        size = replace(size, name=f"{size.name}-{args.years}j", years=args.years)
    print(make_plan(size, args.path, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
