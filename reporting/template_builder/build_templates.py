"""Build and save the Word templates jaarrapport.docx, beleidsplan.docx and evaluatie.docx.

Run `python -m reporting.template_builder.build_templates` after changing the template builder; the .docx files are
committed.
A municipality does not run this: it opens a copy of a template in Word and changes it there.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reporting.documents.wordml.ooxml import element, put
from reporting.template_builder.evaluation_template import build_evaluation_template
from reporting.template_builder.house_style import DEFAULT_STYLE, HouseStyle
from reporting.template_builder.plan_template import build_plan_template
from reporting.template_builder.year_report_template import build_year_report_template
from reporting.templates import EVALUATION_TEMPLATE, PLAN_TEMPLATE, YEAR_REPORT_TEMPLATE

__all__ = [
    "HouseStyle",
    "build_all",
    "build_evaluation",
    "build_evaluation_template",
    "build_plan_template",
    "build_year_report_template",
    "save_template",
]


def _properties(document, title: str) -> None:
    from datetime import datetime

    properties = document.core_properties
    properties.title = title
    properties.author = "planrapport"
    properties.last_modified_by = "planrapport"
    properties.language = "nl-BE"
    properties.created = properties.modified = datetime(2024, 1, 1)
    properties.revision = 1
    settings = document.settings.element
    put(settings, element("decimalSymbol", val=","))
    put(settings, element("listSeparator", val=";"))
    put(settings, element("themeFontLang", val="nl-BE"))


def save_template(document, path: Path, title: str) -> Path:
    from io import BytesIO

    from reporting.documents.engine.packaging import normalized_zip

    _properties(document, title)
    buffer = BytesIO()
    document.save(buffer)
    path.write_bytes(normalized_zip(buffer.getvalue()))
    return path


def build_all(folder: Path | None = None, house: HouseStyle = DEFAULT_STYLE) -> list[Path]:
    """Write the three templates into `folder` (default: the package folder) and return their paths."""
    report = YEAR_REPORT_TEMPLATE if folder is None else folder / YEAR_REPORT_TEMPLATE.name
    plan = PLAN_TEMPLATE if folder is None else folder / PLAN_TEMPLATE.name
    return [
        save_template(build_year_report_template(house), report, "Sjabloon jaarrapport"),
        save_template(build_plan_template(house), plan, "Sjabloon beleidsplan"),
        build_evaluation(folder, house),
    ]


def build_evaluation(folder: Path | None = None, house: HouseStyle = DEFAULT_STYLE) -> Path:
    """Write evaluatie.docx into `folder` (default: reporting/templates) and return its path."""
    path = EVALUATION_TEMPLATE if folder is None else folder / EVALUATION_TEMPLATE.name
    return save_template(build_evaluation_template(house), path, "Sjabloon evaluatie")


def main() -> None:
    parser = argparse.ArgumentParser(description="Bouw de Word-sjablonen van planrapport opnieuw.")
    parser.add_argument("--map", type=Path, help="andere map dan reporting/templates")
    args = parser.parse_args()
    for path in build_all(args.map):
        print(path)


if __name__ == "__main__":
    main()
