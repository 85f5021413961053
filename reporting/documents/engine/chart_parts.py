"""Native charts in a rendered document: a chart part with its data workbook, shown inline with alt text."""

from __future__ import annotations

import itertools
import re
from datetime import datetime
from xml.sax.saxutils import quoteattr

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.shared import Cm

from reporting.charts import PlannedChart
from reporting.documents.engine.docxtpl_internals import rendering_part

_CHART_NAME = re.compile(r"/word/charts/chart(\d+)\.xml")
_WORKBOOK_NAME = re.compile(r"/word/embeddings/Microsoft_Excel_Worksheet(\d+)\.xlsx")
_INLINE = (
    '<wp:inline distT="0" distB="0" distL="0" distR="0" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
    '<wp:docPr id="{id}" name={name} descr={descr}/><wp:cNvGraphicFramePr/>'
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
    '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="{rid}"/>'
    "</a:graphicData></a:graphic></wp:inline>"
)


class _PartCharts:
    """What the charts of one rendered part (the body, a header) share: the document's font, and the next free
    numbers of chart part, workbook part and drawing (docPr id), counted on from the highest the template has, so
    that a chart in the officer's own template is never overwritten."""

    def __init__(self, part) -> None:
        self.font = _font(part)
        names = [str(p.partname) for p in part.package.iter_parts()]
        self.charts = itertools.count(_highest(_CHART_NAME, names) + 1)
        self.workbooks = itertools.count(_highest(_WORKBOOK_NAME, names) + 1)
        ids = [int(v) for v in part.element.xpath("//wp:docPr/@id") if v.isdigit()]
        self.drawings = itertools.count(max(ids, default=0) + 1000)
        self._relationships = itertools.count(len(part.rels) + 1)

    def relationship_id(self, relationships) -> str:
        """A free relationship id: python-docx's own search for one walks them all, for every new chart."""
        while True:
            candidate = f"rId{next(self._relationships)}"
            if candidate not in relationships:
                return candidate


def _font(part) -> str | None:
    """The document's default font (Word's docDefaults), which its charts use too."""
    fonts = part.package.main_document_part.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts/@w:ascii")
    return str(fonts[0]) if fonts else None


def _highest(pattern: re.Pattern, names: list[str]) -> int:
    return max((int(m.group(1)) for m in map(pattern.fullmatch, names) if m), default=0)


class DocumentCharts:
    """The native charts of one document, made as its template prints them, and what the charts of each rendered
    part share."""

    def __init__(self, template, created: datetime) -> None:
        self.template, self.created = template, created
        self._parts: dict[int, tuple[object, _PartCharts]] = {}

    def chart(self, chart: PlannedChart, width_cm: float) -> DescribedChart:
        """A chart that the template prints with {{ ... }}: its parts are made when it is printed, where it is."""
        return DescribedChart(self, chart, width_cm)

    def inline(self, chart: PlannedChart, width_cm: float) -> str:
        """The chart's parts, added to the part being rendered, and the drawing that shows it there."""
        part = rendering_part(self.template)
        # By the part's identity; the part is kept alongside, so that its id is not reused while this document lives.
        entry = self._parts.get(id(part))
        if entry is None:
            entry = self._parts[id(part)] = (part, _PartCharts(part))
        shared = entry[1]
        built = chart.build(self.created, shared.font)
        workbook = Part(
            PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{next(shared.workbooks)}.xlsx"),
            CT.SML_SHEET,
            built.workbook,
            part.package,
        )
        made = Part(PackURI(f"/word/charts/chart{next(shared.charts)}.xml"), CT.DML_CHART, built.xml, part.package)
        made.relate_to(workbook, RT.PACKAGE)
        inline = _INLINE.format(
            cx=Cm(width_cm),
            cy=Cm(chart.height_cm(width_cm)),
            id=next(shared.drawings),
            name=quoteattr(chart.alt_text[:60] or "Grafiek"),
            descr=quoteattr(chart.alt_text),
            rid=part.rels.add_relationship(RT.CHART, made, shared.relationship_id(part.rels)).rId,
        )
        return f'</w:t></w:r><w:r><w:drawing>{inline}</w:drawing></w:r><w:r><w:t xml:space="preserve">'


class DescribedChart:
    """A chart as the template's context holds it: printed with {{ ... }}, it becomes a drawing there."""

    def __init__(self, charts: DocumentCharts, chart: PlannedChart, width_cm: float) -> None:
        self.charts, self.chart, self.width_cm = charts, chart, width_cm

    @property
    def alt_text(self) -> str:
        return self.chart.alt_text

    def __html__(self) -> str:
        return self.charts.inline(self.chart, self.width_cm)

    __str__ = __html__
