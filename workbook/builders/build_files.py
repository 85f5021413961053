"""Rebuild the committed template, examples and macro workbook: python -m workbook.builders.build_files."""

from __future__ import annotations

import io
import json
from pathlib import Path

from openpyxl import Workbook

from workbook.builders.template import build_template, fill
from workbook.builders.xlsx_copy import rewrite_with_xlsxwriter
from workbook.storage.files import write_atomically
from xlsx_templates import EXAMPLES, TEMPLATE, example_path

SOURCES = Path(__file__).parent.parent / "examples"


def example_data(name: str) -> dict:
    return json.loads((SOURCES / f"{name}.json").read_text(encoding="utf-8"))


def build_example(name: str):
    return fill(build_template(), example_data(name))


def save_clean(workbook: Workbook, target: Path) -> Path:
    """Save through XlsxWriter: schema-valid parts and the same bytes for the same workbook."""
    data = io.BytesIO()
    workbook.save(data)

    def write(temporary: Path) -> None:
        rewrite_with_xlsxwriter(data.getvalue(), temporary)

    return write_atomically(target, write, overwrite=True)


def main() -> None:
    from workbook.builders.build_xlsm import build

    print(save_clean(build_template(), TEMPLATE))
    for name in EXAMPLES:
        target = example_path(name)
        target.parent.mkdir(exist_ok=True)
        print(save_clean(build_example(name), target))
    print(build())


if __name__ == "__main__":
    main()
