"""A template's jinja code is compiled once per process: the batch renders every workbook with the same template."""

from __future__ import annotations

from datetime import date

import jinja2
from conftest import DENDERLEEUW, WAREGEM

from reporting.documents import render_year_report
from workbook.reading.reader import read_plan


def test_a_second_report_with_the_same_template_parses_no_jinja(monkeypatch):
    waregem, denderleeuw = read_plan(WAREGEM), read_plan(DENDERLEEUW)
    first = render_year_report(waregem, today=date(2023, 9, 17))
    parsed: list[str] = []
    compile_, parse = jinja2.Environment.compile, jinja2.Environment.parse

    def compiled(self, source, *arguments, **options):
        parsed.append(source)
        return compile_(self, source, *arguments, **options)

    def checked(self, source, *arguments, **options):
        parsed.append(source)
        return parse(self, source, *arguments, **options)

    monkeypatch.setattr(jinja2.Environment, "compile", compiled)
    monkeypatch.setattr(jinja2.Environment, "parse", checked)
    again = render_year_report(waregem, today=date(2023, 9, 17))
    other = render_year_report(denderleeuw, today=date(2023, 9, 17))
    assert parsed == []
    assert again == first
    assert other != first
