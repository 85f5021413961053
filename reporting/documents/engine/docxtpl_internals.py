"""docxtpl's internals that planrapport relies on, in one place; each use says what public API docxtpl lacks."""

from __future__ import annotations

import re

from docxtpl import DocxTemplate


class LinearBodyTemplate(DocxTemplate):
    """docxtpl's DocxTemplate, the rendered body put in the document in a time that grows with its size."""

    def map_tree(self, tree):
        # Missing public API: docxtpl swaps the rendered body in with lxml's replace(), whose time grows with the
        # square of the body (4,6 s of 14 for a body of 80.000 paragraphs); moving the children over into the
        # template's body is linear and gives the same document.
        body = self.docx.element.body
        for child in list(body):
            body.remove(child)
        body.extend(list(tree))


class FencedTemplate(LinearBodyTemplate):
    """docxtpl's DocxTemplate with two rendering steps of its own (render_xml_part, map_tree); everything else, and
    the order of the steps, is docxtpl's public render()."""

    def render_xml_part(self, src_xml, part, context, jinja_env=None):
        # Missing public API (1): an option to keep "{_{" as it is. docxtpl rewrites "{_{" to "{{" after rendering,
        # which would change a text the officer typed. Missing (2): a listing pass only where a text holds \n \t \a \f;
        # docxtpl's resolve_listing runs regular expressions over every paragraph and run, a third of the render.
        # current_rendering_part is docxtpl's own attribute, set as its render_xml_part sets it (rendering_part).
        self.current_rendering_part = part
        rendered = jinja_env.from_string(_line_per_paragraph(src_xml)).render(context)
        rendered = rendered.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
        return self.resolve_listing(rendered) if has_listing(rendered) else rendered


def rendering_part(template: DocxTemplate):
    """The python-docx part docxtpl is rendering (the body's, a header's, a footer's, the footnotes'), where a chart
    printed now belongs. Missing public API: docxtpl tells the objects it prints nothing of where they are printed;
    its own InlineImage reads this attribute too."""
    return template.current_rendering_part


def point_relationships_at_new_parts(document) -> None:
    """docxtpl renders a header or footer into a new part and swaps it in by setting the relationship's private
    `_target` (map_headers_footers_xml); python-docx's lookup by relationship id (`_target_parts_by_rId`) still
    holds the old part, so python-docx's own document.sections[...].header would edit the unrendered one. Missing
    public API: docxtpl has no way to render a header in place, python-docx none to repoint a relationship."""
    relationships = document.part.rels
    for r_id, relationship in relationships.items():
        if not relationship.is_external:
            relationships._target_parts_by_rId[r_id] = relationship.target_part


def _line_per_paragraph(xml: str) -> str:
    """One paragraph per line, as docxtpl's render_xml_part does, so a line number of jinja points at a paragraph."""
    return xml.replace("<w:p ", "\n<w:p ").replace("<w:p>", "\n<w:p>")


# From a <w:t> or <w:t ...> on, before the next </w:t>: a character docxtpl's resolve_listing would replace. The
# regular expression walks each text once (possessive: no backtracking), and only when such a character is there.
_LISTING = re.compile("<w:t[ >](?:[^<\t\n\a\f]|<(?!/w:t>))*+[\t\n\a\f]")


def has_listing(xml: str) -> bool:
    """Does a \\n, \\t, \\a or \\f stand in a text (between <w:t> or <w:t ...> and the next </w:t>), where
    docxtpl's resolve_listing would replace it?"""
    return any(character in xml for character in "\t\n\a\f") and _LISTING.search(xml) is not None
