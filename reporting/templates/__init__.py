"""The Word templates of the year report, the plan document and the evaluation, and the page that documents them."""

from pathlib import Path

HERE = Path(__file__).parent
YEAR_REPORT_TEMPLATE = HERE / "jaarrapport.docx"
PLAN_TEMPLATE = HERE / "beleidsplan.docx"
EVALUATION_TEMPLATE = HERE / "evaluatie.docx"
