"""The floor: a workbook read read-only with openpyxl and texts written into a bare .docx with docxtpl, as a process
or step by step."""

from __future__ import annotations

import io
import sys
from pathlib import Path

FLOOR = ("floor read", "floor write")


def workbook_texts(path: Path) -> list[str]:
    """Every text value of every sheet, read the cheapest way openpyxl offers."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    texts = [
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if isinstance(value, str)
    ]
    workbook.close()
    return texts


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


def write_texts(texts: list[str], target: Path) -> None:
    """Each text as a paragraph of a bare template, rendered with docxtpl (autoescape on, as the reports); the body
    put in linearly, as planrapport does (docxtpl's own swap grows with the square of the body)."""
    floor_write(texts, bare_template(), target)


def main(argv: list[str]) -> int:
    source, target = Path(argv[0]), Path(argv[1])
    write_texts(workbook_texts(source), target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
