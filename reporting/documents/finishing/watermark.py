"""The draft watermark: a large, light ONTWERP behind the text of every page."""

from __future__ import annotations

from lxml import etree

from reporting.documents.wordml.docx_internals import paragraph_element
from reporting.documents.wordml.ooxml import W_NS

WATERMARK = "ONTWERP"

_WATERMARK_XML = (
    '<w:r xmlns:w="{w}" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word"><w:rPr><w:noProof/></w:rPr><w:pict>'
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/>'
    '<v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>'
    '<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/>'
    '<v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>'
    '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" '
    'o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" '
    'xrange="6629,14971"/></v:handles><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
    '<v:shape id="PlanrapportOntwerp{n}" o:spid="_x0000_s{spid}" type="#_x0000_t136" '
    'style="position:absolute;margin-left:0;margin-top:0;width:430pt;height:120pt;rotation:315;'
    "z-index:-251654144;mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
    'mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" '
    'fillcolor="#c00000" stroked="f"><v:fill opacity=".25"/>'
    '<v:textpath style="font-family:&quot;Arial&quot;;font-size:1pt;font-weight:bold" string="{text}"/>'
    '<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>'
)


def _header_kinds(document, section) -> list[str]:
    kinds = ["header"]
    if section.different_first_page_header_footer:
        kinds.append("first_page_header")
    if document.settings.odd_and_even_pages_header_footer:
        kinds.append("even_page_header")
    return kinds


def add_watermark(document) -> None:
    """A large, light "ONTWERP" behind the text of every page, in every header of every section."""
    parts = {}
    for number, section in enumerate(document.sections):
        for kind in _header_kinds(document, section):
            header = getattr(section, kind)
            if header.is_linked_to_previous:
                if number > 0:
                    continue
                header.is_linked_to_previous = False
            parts.setdefault(str(header.part.partname), header)
    for number, header in enumerate(parts.values(), start=1):
        paragraphs = header.paragraphs
        paragraph = paragraphs[0] if paragraphs else header.add_paragraph()
        xml = _WATERMARK_XML.format(w=W_NS, n=number, spid=2048 + number, text=WATERMARK)
        paragraph_element(paragraph).append(etree.fromstring(xml))
