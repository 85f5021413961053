"""A template's tag errors in Dutch, found before rendering where possible, naming the paragraph."""

from __future__ import annotations

import re
from functools import lru_cache

from jinja2 import TemplateError, TemplateSyntaxError
from jinja2.sandbox import SecurityError

from reporting.documents.wordml.ooxml import w
from workbook.plan.errors import WorkbookError

GUIDE = "Zie 'Uw eigen huisstijl' (huisstijl.md bij planrapport) voor de namen en tags die een sjabloon kan gebruiken."


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


def check_template(name: str, document, env) -> None:
    """Find tag errors before rendering, one paragraph per line, so the message can name the paragraph."""
    for where, paragraphs in _parts(document):
        for number, text in enumerate(paragraphs, start=1):
            if text.count("{{") != text.count("}}") or text.count("{%") != text.count("%}"):
                raise WorkbookError(
                    f"Het sjabloon '{name}' heeft een fout op regel {number}{where} ('{_quote(text)}'): een tag "
                    "is niet afgesloten. Elke {{ hoort bij een }} en elke {% bij een %}, in dezelfde alinea. " + GUIDE
                )
        found = _syntax_error(env, "\n".join(_as_jinja(text) for text in paragraphs))
        if found is not None:
            line, message = found
            text = paragraphs[line - 1] if 0 < line <= len(paragraphs) else ""
            raise WorkbookError(
                f"Het sjabloon '{name}' heeft een fout op regel {line}{where} ('{_quote(text)}'): "
                f"{_translate(message)}. " + GUIDE
            )


@lru_cache(maxsize=32)
def _syntax_error(env, source: str) -> tuple[int, str] | None:
    """(line, jinja's message) of the first syntax error in `source`, or None; each text parsed once per process
    (the batch checks the same template for every workbook)."""
    try:
        env.parse(source)
    except TemplateSyntaxError as error:
        return error.lineno or 0, str(error.message or error)
    return None


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 120 else text[:117] + "..."


def template_error_message(name: str, document, error: TemplateError) -> str:
    """ "Het sjabloon 'x.docx' heeft een fout op regel 12 ('{{ gemeent }}'): de naam 'gemeent' bestaat niet." """
    what = _translate(str(error.message or error))
    if isinstance(error, SecurityError):
        what = f"het sjabloon probeert iets wat niet mag ({error})"
    where = ""
    named = re.search(r"'(\w+)'", what)
    if named:
        pattern = re.compile(r"\{[{%][^}%]*\b" + re.escape(named.group(1)) + r"\b")
        for part, paragraphs in _parts(document):
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
