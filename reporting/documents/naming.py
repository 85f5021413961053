"""File names of the documents: jaarrapport-2023-denderleeuw.docx, beleidsplan-2011-2013-waregem.docx."""

from __future__ import annotations

import re
import unicodedata

from workbook.plan.model import Plan

YEAR_REPORT = "jaarrapport"
PLAN_DOCUMENT = "beleidsplan"
PLACE_LIMIT = 60  # characters of the municipality in a file name ("sint-katelijne-waver" has 20)


def slug(text: str) -> str:
    """ "Sint-Niklaas" -> "sint-niklaas"; "Kortrijk (stad)" -> "kortrijk-stad"; accents dropped."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.casefold()).strip("-")


def output_name(kind: str, plan: Plan, year: int | None = None) -> str:
    """The document's file name; `year` only counts for the year report (default: the report year). A very long
    municipality name is cut at a word, so the name stays well within what a file system allows."""
    settings = plan.settings
    place = _shortened(slug(settings.municipality)) or "plan"
    if kind == YEAR_REPORT:
        year = year if year is not None else settings.report_year
        return f"{YEAR_REPORT}-{year}-{place}.docx" if year else f"{YEAR_REPORT}-{place}.docx"
    if kind == PLAN_DOCUMENT:
        if settings.start_year and settings.end_year:
            return f"{PLAN_DOCUMENT}-{settings.start_year}-{settings.end_year}-{place}.docx"
        return f"{PLAN_DOCUMENT}-{place}.docx"
    raise ValueError(f"unknown document kind {kind!r}")


def _shortened(place: str) -> str:
    if len(place) <= PLACE_LIMIT:
        return place
    cut = place[: PLACE_LIMIT + 1]
    return cut[: cut.rfind("-")] if "-" in cut else place[:PLACE_LIMIT]
