"""Every generated document passes Microsoft's Open XML validator and converts to PDF with LibreOffice."""

from __future__ import annotations

import subprocess

import pytest
from documents_support import DOCUMENTS, REPORT_DATE, plan_document, plan_of, to_pdf, validate_ooxml, year_report

from reporting.documents import render_plan_document, render_year_report
from reporting.validation import validate

CASES = {
    "jaarrapport-waregem": lambda: year_report("waregem"),
    "beleidsplan-waregem": lambda: plan_document("waregem"),
    "jaarrapport-denderleeuw": lambda: year_report("denderleeuw"),
    "beleidsplan-denderleeuw": lambda: plan_document("denderleeuw"),
    "ontwerp-met-waarschuwingen": lambda: render_year_report(
        plan_of("denderleeuw"), draft=True, warnings=validate(plan_of("denderleeuw")).warnings, today=REPORT_DATE
    ),
    "ontwerp-beleidsplan": lambda: render_plan_document(plan_of("waregem"), draft=True, today=REPORT_DATE),
    "eigen-huisstijl-jaarrapport": lambda: render_year_report(
        plan_of("waregem"), template=DOCUMENTS / "voorbeeldegem-jaarrapport.docx", today=REPORT_DATE
    ),
    "eigen-huisstijl-beleidsplan": lambda: render_plan_document(
        plan_of("waregem"), template=DOCUMENTS / "voorbeeldegem-beleidsplan.docx", today=REPORT_DATE
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CASES))
def test_document_is_valid_open_xml_and_converts_to_pdf(name, tmp_path):
    path = tmp_path / f"{name}.docx"
    path.write_bytes(CASES[name]())
    result = validate_ooxml(path)
    assert result.returncode == 0, result.stdout[:3000]
    pdf = to_pdf(path, tmp_path)
    assert pdf.exists() and pdf.stat().st_size > 10_000
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
    if info.returncode == 0:
        pages = int(next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:")))
        assert pages >= 3


def test_templates_themselves_are_valid_open_xml(tmp_path):
    from reporting.templates import PLAN_TEMPLATE, YEAR_REPORT_TEMPLATE

    for template in (YEAR_REPORT_TEMPLATE, PLAN_TEMPLATE):
        result = validate_ooxml(template)
        assert result.returncode == 0, result.stdout[:3000]
