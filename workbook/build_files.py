"""Rebuild the committed template and example workbooks: python -m workbook.build_files."""

from __future__ import annotations

import json
from pathlib import Path

from workbook.files import save_workbook
from workbook.template import build_template, fill
from xlsx_templates import EXAMPLES, TEMPLATE, example_path

SOURCES = Path(__file__).parent / "examples"


def example_data(name: str) -> dict:
    return json.loads((SOURCES / f"{name}.json").read_text(encoding="utf-8"))


def build_example(name: str):
    return fill(build_template(), example_data(name))


def main() -> None:
    save_workbook(build_template(), TEMPLATE, overwrite=True)
    print(TEMPLATE)
    for name in EXAMPLES:
        target = example_path(name)
        target.parent.mkdir(exist_ok=True)
        save_workbook(build_example(name), target, overwrite=True)
        print(target)


if __name__ == "__main__":
    main()
