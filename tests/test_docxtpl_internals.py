"""Canaries of reporting/documents/engine/docxtpl_internals.py: the docxtpl (and python-docx) code the adapter relies
on is still there and still behaves as the adapter expects. Each failure names what changed upstream; raising the
bound in pyproject.toml means running these tests and the document tests on the new release."""

from __future__ import annotations

import inspect
import io

import pytest
from docx import Document
from docxtpl import DocxTemplate
from library_bounds import check_installed_within_bound

from reporting.documents.engine.docxtpl_internals import (
    FencedTemplate,
    point_relationships_at_new_parts,
    rendering_part,
)
from reporting.documents.engine.rendering import environment

ADAPTER = "reporting/documents/engine/docxtpl_internals.py"


@pytest.mark.parametrize("library", ["docxtpl", "python-docx"])
def test_the_installed_release_is_within_the_bound_the_adapter_was_checked_against(library):
    check_installed_within_bound(library, ADAPTER)


def test_docxtpl_still_renders_every_part_through_the_overridden_method():
    expected = ["self", "src_xml", "part", "context", "jinja_env"]
    parameters = list(inspect.signature(DocxTemplate.render_xml_part).parameters)
    assert parameters == expected, f"docxtpl's DocxTemplate.render_xml_part now takes {parameters}: adapt {ADAPTER}"
    for caller in (DocxTemplate.build_xml, DocxTemplate.build_headers_footers_xml, DocxTemplate.render_footnotes):
        assert "self.render_xml_part(" in inspect.getsource(caller), (
            f"docxtpl's {caller.__name__} no longer renders through render_xml_part: {ADAPTER}'s override (no "
            "'{_{' rewrite, compiled templates reused, the listing pass only where needed) would be skipped"
        )
    assert list(inspect.signature(DocxTemplate.resolve_listing).parameters) == ["self", "xml"], (
        f"docxtpl's DocxTemplate.resolve_listing changed: {ADAPTER} calls it"
    )
    assert list(inspect.signature(DocxTemplate.map_tree).parameters) == ["self", "tree"], (
        f"docxtpl's DocxTemplate.map_tree changed: {ADAPTER} overrides it"
    )
    assert "self.map_tree(" in inspect.getsource(DocxTemplate.render), (
        f"docxtpl's render no longer puts the body in with map_tree: {ADAPTER}'s linear swap would be skipped"
    )


def _template(*paragraphs: str, header: str | None = None) -> FencedTemplate:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    data = io.BytesIO()
    document.save(data)
    return FencedTemplate(io.BytesIO(data.getvalue()))


def _texts(document) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs]


def test_a_render_keeps_what_the_officer_typed_and_resolves_line_breaks_as_docxtpl():
    template = _template("{{ naam }} en {_{ getypt }_}", "{{ regels }}")
    template.render({"naam": "Gent", "regels": "een\ntwee"}, jinja_env=environment(), autoescape=True)
    assert _texts(template.docx)[0] == "Gent en {_{ getypt }_}", "docxtpl's '{_{' rewrite is back"
    assert "<w:br/>" in template.docx.element.body.xml.replace(" ", ""), "the listing pass no longer makes a break"


def test_the_part_being_rendered_is_the_one_a_chart_is_added_to():
    seen = []

    class Spy:
        def __html__(self):
            seen.append(rendering_part(template))
            return ""

    template = _template("{{ grafiek }}", header="{{ grafiek }}")
    template.render({"grafiek": Spy()}, jinja_env=environment(), autoescape=True)
    body_part = template.docx.part
    assert seen[0] is body_part, "docxtpl no longer renders the body with current_rendering_part set to its part"
    assert seen[1] is not body_part and "header" in str(seen[1].partname), (
        "docxtpl no longer sets current_rendering_part to the header while it renders it"
    )


def test_headers_rendered_by_docxtpl_are_the_ones_python_docx_finds_once_repointed():
    template = _template("tekst", header="Plan {{ gemeente }}")
    template.render({"gemeente": "Gent"}, jinja_env=environment(), autoescape=True)
    relationships = template.docx.part.rels
    assert isinstance(getattr(relationships, "_target_parts_by_rId", None), dict), (
        f"python-docx's Relationships lost _target_parts_by_rId: {ADAPTER} point_relationships_at_new_parts sets it"
    )
    point_relationships_at_new_parts(template.docx)
    header = template.docx.sections[0].header.paragraphs[0].text
    assert header == "Plan Gent", f"python-docx finds the header '{header}' after docxtpl's render and the repointing"
