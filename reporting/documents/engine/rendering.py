"""Render a Word template with docxtpl in a sandboxed, autoescaping jinja environment; template errors in Dutch."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from jinja2 import StrictUndefined, Template, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from reporting.documents.engine.docxtpl_internals import FencedTemplate, point_relationships_at_new_parts
from reporting.documents.engine.template_errors import GUIDE, check_template, template_error_message
from workbook.plan.errors import WorkbookError

BlockSteps = Callable[[etree._Element], object]

_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
COMPILED_TEXTS = 64  # template texts kept compiled: a few templates' bodies, headers, footers and properties
_MACRO_TYPES = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)


class _CompilingOnce(SandboxedEnvironment):
    """A jinja environment that compiles each template text once: docxtpl compiles the body, every header and
    footer and six document properties on every render, and the batch renders every workbook with one template."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self._compiled: dict[str, Template] = {}

    def from_string(self, source, globals=None, template_class=None) -> Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compiled = self._compiled.get(source)
        if compiled is None:
            if len(self._compiled) >= COMPILED_TEXTS:
                self._compiled.clear()
            compiled = self._compiled[source] = super().from_string(source)
        return compiled


@cache
def environment() -> SandboxedEnvironment:
    """Templates come from outside planrapport: sandboxed, every value escaped, unknown names are errors. One
    environment per process, so that a template's code is compiled once."""
    return _CompilingOnce(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)


def open_template(path: Path) -> FencedTemplate:
    """A docxtpl template from a .docx or .dotx file, or a WorkbookError that says what is wrong with it."""
    name = path.name
    if not path.is_file():
        raise WorkbookError(f"Het sjabloon '{path}' bestaat niet. Kijk het pad na op blad 'Instellingen'.")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise WorkbookError(f"Het sjabloon '{name}' kan niet gelezen worden ({error.strerror}).") from None
    return FencedTemplate(io.BytesIO(_as_document(data, name)))


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


def render(path: Path, build_context: Callable[[FencedTemplate], dict], block_steps: Callable[[object], BlockSteps]):
    """Render the template at `path` with the context `build_context(template)`; returns the python-docx Document,
    every block of its body finished by `block_steps(document)` (the finishing steps that look at one block)."""
    template = open_template(path)
    document = template.get_docx()
    check_template(path.name, document, environment())
    steps = block_steps(document)
    try:
        context = build_context(template)
        template.render(context, jinja_env=environment(), autoescape=True)
    except TemplateError as error:
        raise WorkbookError(template_error_message(path.name, document, error)) from None
    except etree.XMLSyntaxError as error:
        raise WorkbookError(
            f"Het sjabloon '{path.name}' levert geen geldig Word-document op ({error.msg}). Zet elke "
            "{%p ...%}- en {%tr ...%}-tag in een eigen alinea of tabelrij. " + GUIDE
        ) from None
    point_relationships_at_new_parts(template.docx)
    for block in list(template.docx.element.body):
        steps(block)
    return template.docx
