"""Render a Word template with docxtpl in a sandboxed, autoescaping jinja environment; template errors in Dutch."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from lxml import etree

from reporting.documents.engine.chart_parts import close_chart_store
from reporting.documents.engine.packaging import package_parts
from reporting.documents.engine.spooled_body import SpooledBody, spool_body
from reporting.documents.engine.streamed_body import finished_pieces, fix_table_grids
from reporting.documents.wordml.block_roles import WHOLE
from workbook.plan.errors import WorkbookError

BlockSteps = Callable[[etree._Element], str]
_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"

_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_MACRO_TYPES = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
GUIDE = "Zie 'Uw eigen huisstijl' (huisstijl.md bij planrapport) voor de namen en tags die een sjabloon kan gebruiken."


class _Template(DocxTemplate):
    """docxtpl without its "{_{" -> "{{" rewrite after rendering, which would change text the officer typed."""

    part_names: list[str]
    block_steps: BlockSteps

    def render_xml_part(self, src_xml, part, context, jinja_env=None):
        # Headers and footers: small, rendered as one text.
        self.current_rendering_part = part
        return self._finish_piece(jinja_env.from_string(_line_per_paragraph(src_xml)).render(context))

    def build_xml(self, context, jinja_env=None):
        # The body, the size of the plan: parsed while jinja writes it, in pieces, and each block finished as soon
        # as it is complete; what the document-wide steps need not see waits in a temporary file. Joined into one
        # text and one tree, a plan of 100.000 actions would take gigabytes.
        self.current_rendering_part = self.docx._part
        template = jinja_env.from_string(_line_per_paragraph(self.patch_xml(self.get_xml())))
        return spool_body(finished_pieces(template.generate(context), self._finish_piece), self._block)

    def _block(self, block) -> str:
        """docxtpl's steps after rendering, on one block: table grids and drawing numbers; then the finishing
        steps of one block, which say where the block is kept."""
        if not isinstance(block.tag, str):
            return self.block_steps(block)
        fix_table_grids(block)
        for drawing in block.iter(_DRAWING):
            self.docx_ids_index += 1
            drawing.attrib["id"] = str(self.docx_ids_index)
        return self.block_steps(block)

    def render_footnotes(self, context, jinja_env=None):
        # docxtpl's own, but with the package's parts listed by package_parts: python-docx's walk takes minutes
        # for the tens of thousands of chart parts of a big plan, and docxtpl walks it once per section.
        for section in self.docx.sections:
            for part in package_parts(section.part.package):
                if part.content_type == _FOOTNOTES:
                    xml = self.patch_xml(part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob)
                    part._blob = self.render_xml_part(xml, part, context, jinja_env).encode("utf-8")

    def fix_tables(self, xml):
        return xml  # done block by block

    def fix_docpr_ids(self, tree):
        pass  # done block by block, in the same order

    def map_tree(self, tree: SpooledBody):
        # docxtpl swaps the rendered body in with one replace, which lxml does in a time that grows with the
        # square of the body; moving the skeleton's children over is linear.
        body = self.docx._element.body
        for child in list(body):
            body.remove(child)
        body.extend(list(tree.skeleton))
        tree.steps = self.block_steps
        self.docx.part.spooled_body = tree

    def _finish_piece(self, xml: str) -> str:
        xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
        # docxtpl turns \n \t \a \f in a text into breaks, tabs and paragraphs with regular expressions over
        # every paragraph and run, a third of the rendering; the result only differs when a text holds one.
        return self.resolve_listing(xml) if _has_listing(xml) else xml


def _line_per_paragraph(xml: str) -> str:
    """One paragraph per line, so a line number of jinja points at a paragraph of the template."""
    return xml.replace("<w:p ", "\n<w:p ").replace("<w:p>", "\n<w:p>")


# From a <w:t> or <w:t ...> on, before the next </w:t>: a character docxtpl's resolve_listing would replace. The
# regular expression walks each text once (possessive: no backtracking), and only when such a character is there.
_LISTING = re.compile("<w:t[ >](?:[^<\t\n\a\f]|<(?!/w:t>))*+[\t\n\a\f]")


def _has_listing(xml: str) -> bool:
    """Does a \\n, \\t, \\a or \\f stand in a text (between <w:t> or <w:t ...> and the next </w:t>), where
    docxtpl's resolve_listing would replace it?"""
    return any(character in xml for character in "\t\n\a\f") and _LISTING.search(xml) is not None


def environment() -> SandboxedEnvironment:
    """Templates come from outside planrapport: sandboxed, every value escaped, unknown names are errors."""
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)


def open_template(path: Path) -> _Template:
    """A docxtpl template from a .docx or .dotx file, or a WorkbookError that says what is wrong with it."""
    name = path.name
    if not path.is_file():
        raise WorkbookError(f"Het sjabloon '{path}' bestaat niet. Kijk het pad na op blad 'Instellingen'.")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise WorkbookError(f"Het sjabloon '{name}' kan niet gelezen worden ({error.strerror}).") from None
    return _Template(io.BytesIO(_as_document(data, name)))


def _as_document(data: bytes, name: str) -> bytes:
    """The package bytes, with a Word template (.dotx) relabelled as a document so it can be rendered."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        types = archive.read("[Content_Types].xml").decode("utf-8")
    except (zipfile.BadZipFile, KeyError):
        raise WorkbookError(
            f"Het sjabloon '{name}' is geen Word-document (.docx). Bewaar het in Word als Word-document."
        ) from None
    if any(kind in types for kind in _MACRO_TYPES):
        raise WorkbookError(
            f"Het sjabloon '{name}' bevat macro's. Bewaar het in Word als Word-document (.docx) zonder macro's."
        )
    if _TEMPLATE not in types:
        if _DOCUMENT not in types:
            raise WorkbookError(f"Het sjabloon '{name}' is geen Word-document (.docx).")
        return data
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in archive.infolist():
            content = archive.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = types.replace(_TEMPLATE, _DOCUMENT).encode("utf-8")
            target.writestr(info, content)
    return output.getvalue()


def render(
    path: Path, build_context: Callable[[DocxTemplate], dict], block_steps: Callable[[object], BlockSteps] | None = None
):
    """Render the template at `path` with the context `build_context(template)`; returns the python-docx Document.
    `block_steps(document)` finishes each block of the body and says what becomes of it (spooled_body's roles);
    without it every block is kept."""
    template = open_template(path)
    template.init_docx()
    check_template(path.name, template.docx)
    template.block_steps = block_steps(template.docx) if block_steps else (lambda block: WHOLE)
    try:
        try:
            template.render_init()
            context = build_context(template)
            template.render(context, jinja_env=environment(), autoescape=True)
        except TemplateError as error:
            raise WorkbookError(template_error_message(path.name, template, error)) from None
        except etree.XMLSyntaxError as error:
            raise WorkbookError(
                f"Het sjabloon '{path.name}' levert geen geldig Word-document op ({error.msg}). Zet elke "
                "{%p ...%}- en {%tr ...%}-tag in een eigen alinea of tabelrij. " + GUIDE
            ) from None
    except BaseException:
        release(template.docx)
        raise
    _sync_parts(template.docx)
    return template.docx


def release(document) -> None:
    """Close (and so remove) the temporary files of a rendered document: its spooled body and its charts."""
    spooled = getattr(document.part, "spooled_body", None)
    if spooled is not None:
        spooled.close()
    for part in package_parts(document.part.package):
        close_chart_store(part)


def _sync_parts(document) -> None:
    """docxtpl swaps in new header and footer parts behind python-docx's back; point python-docx at them."""
    relationships = document.part.rels
    for r_id, relationship in relationships.items():
        if not relationship.is_external:
            relationships._target_parts_by_rId[r_id] = relationship.target_part


_TRANSLATIONS = (
    (
        r"Encountered unknown tag '(\w+)'\..*The innermost block that needs to be closed is '(\w+)'\.",
        r"de tag '\1' komt hier onverwacht: eerst moet de '\2' gesloten worden met {% end\2 %}",
    ),
    (r"Encountered unknown tag '(\w+)'.*", r"de tag '\1' staat hier niet op zijn plaats of bestaat niet"),
    (
        r"Unexpected end of template\. Jinja was looking for the following tags: (.*?)\..*"
        r"The innermost block that needs to be closed is '(\w+)'\.",
        r"de '\2' wordt nergens gesloten: er ontbreekt een {% end\2 %}",
    ),
    (
        r"Unexpected end of template\. Jinja was looking for the following tags: (.*?)\.",
        r"er ontbreekt een afsluitende tag (een van: \1)",
    ),
    (r"unexpected '(.*)'", r"onverwacht teken '\1'"),
    (r"unexpected end of template, expected '(.*)'\.?", r"de tag is niet afgesloten; '\1' ontbreekt"),
    (r"expected token '(.*)', got '(.*)'", r"'\1' verwacht maar '\2' gevonden"),
    (r"'(?:dict object|[\w ]+)' has no attribute '(.*)'", r"de naam '\1' bestaat niet"),
    (r"'(.*)' is undefined", r"de naam '\1' bestaat niet"),
    (r"no filter named '(.*)'", r"de filter '\1' bestaat niet"),
)
_SPECIAL = re.compile(r"\{%\s*(?:vm|hm)\s*%\}|\{%\s*(?:colspan|cellbg)\s[^%]*%\}")
_LEVEL = re.compile(r"(\{[{%#])(?:p|tr|tc|r)\s")
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def _paragraphs(root) -> list[str]:
    """The text of every paragraph of a part, in document order (table cells included)."""
    from reporting.documents.wordml.ooxml import w

    return ["".join(t.text or "" for t in paragraph.iter(w("t"))) for paragraph in root.iter(w("p"))]


def _parts(document) -> list[tuple[str, list[str]]]:
    """(where, paragraph texts) for the body, the headers and the footers."""
    found = [("", _paragraphs(document.element.body))]
    for relationship in document.part.rels.values():
        kind = relationship.reltype.rsplit("/", 1)[-1]
        if kind in ("header", "footer") and not relationship.is_external:
            where = " in de koptekst" if kind == "header" else " in de voettekst"
            found.append((where, _paragraphs(relationship.target_part.element)))
    return found


def _as_jinja(text: str) -> str:
    """A paragraph as jinja sees it after docxtpl: {%p for %} -> {% for %}, Word's curly quotes straightened."""
    text = _SPECIAL.sub("", text)
    text = _LEVEL.sub(r"\1 ", text)
    return re.sub(r"\{[{%#].*?[}%#]\}", lambda m: m.group(0).translate(_QUOTES), text)


def check_template(name: str, document) -> None:
    """Find tag errors before rendering, one paragraph per line, so the message can name the paragraph."""
    env = environment()
    for where, paragraphs in _parts(document):
        for number, text in enumerate(paragraphs, start=1):
            if text.count("{{") != text.count("}}") or text.count("{%") != text.count("%}"):
                raise WorkbookError(
                    f"Het sjabloon '{name}' heeft een fout op regel {number}{where} ('{_quote(text)}'): een tag "
                    "is niet afgesloten. Elke {{ hoort bij een }} en elke {% bij een %}, in dezelfde alinea. " + GUIDE
                )
        try:
            env.parse("\n".join(_as_jinja(text) for text in paragraphs))
        except TemplateSyntaxError as error:
            line = error.lineno or 0
            text = paragraphs[line - 1] if 0 < line <= len(paragraphs) else ""
            raise WorkbookError(
                f"Het sjabloon '{name}' heeft een fout op regel {line}{where} ('{_quote(text)}'): "
                f"{_translate(str(error.message or error))}. " + GUIDE
            ) from None


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 120 else text[:117] + "..."


def template_error_message(name: str, template: _Template, error: TemplateError) -> str:
    """ "Het sjabloon 'x.docx' heeft een fout op regel 12 ('{{ gemeent }}'): de naam 'gemeent' bestaat niet." """
    what = _translate(str(error.message or error))
    if isinstance(error, SecurityError):
        what = f"het sjabloon probeert iets wat niet mag ({error})"
    where = ""
    named = re.search(r"'(\w+)'", what)
    if named:
        pattern = re.compile(r"\{[{%][^}%]*\b" + re.escape(named.group(1)) + r"\b")
        for part, paragraphs in _parts(template.docx):
            number = next((i for i, text in enumerate(paragraphs, start=1) if pattern.search(text)), None)
            if number is not None:
                where = f" op regel {number}{part} ('{_quote(paragraphs[number - 1])}')"
                break
    return f"Het sjabloon '{name}' heeft een fout{where}: {what}. " + GUIDE


def _translate(message: str) -> str:
    message = " ".join(message.split())
    for pattern, replacement in _TRANSLATIONS:
        if re.fullmatch(pattern, message, flags=re.DOTALL):
            return re.sub(pattern, replacement, message, flags=re.DOTALL)
    return message
