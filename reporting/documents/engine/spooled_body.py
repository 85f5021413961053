"""A rendered body held as a skeleton in memory, its bulk in a temporary file, written out block by block."""

from __future__ import annotations

import copy
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator

from lxml import etree

from reporting.documents.engine.streamed_body import parse_blocks
from reporting.documents.wordml.block_roles import OUTLINE, WHOLE
from reporting.documents.wordml.ooxml import ensure, put, w

_NS = "urn:planrapport:body"
_START, _END, _MARKER = f"{{{_NS}}}start", f"{{{_NS}}}end", f"{{{_NS}}}marker"
_BULK_TAG = f"{{{_NS}}}bulk"
P, PPR, TBLPR, TR = w("p"), w("pPr"), w("tblPr"), w("tr")
_READ = 1 << 20  # bytes read back from the file at a time
_DECLARATION = re.compile(rb' xmlns(?::([^=\s]+))?="([^"]*)"')
_DECLARATIONS = re.compile(rb'(?: xmlns(?::[^=\s]+)?="[^"]*")+')

BlockStep = Callable[[etree._Element, etree._Element], None]


class SpooledBody:
    """The body's blocks in order: those the document-wide steps look into in `skeleton`, the others in a
    temporary file (removed by the system when it is closed, also when the process is killed), each run of them
    represented in the skeleton by one stand-in element with the tag of its last block."""

    def __init__(self, root) -> None:
        self.skeleton = etree.Element(root.tag, attrib=dict(root.attrib), nsmap=root.nsmap)
        self.skeleton.text = root.text
        self._namespaces = dict(root.nsmap)
        # The text around the blocks read back from the file, so they parse in the body's namespaces.
        self._around = _around(etree.Element(root.tag, nsmap=root.nsmap))
        self._file = tempfile.TemporaryFile(prefix="planrapport-body-")
        self._size = 0  # bytes in the file
        self._open = None  # the stand-in that the next bulk block joins
        # Steps run on every block as it is written out, with the block's place in the skeleton (itself or its
        # stand-in): the ones that need to know what comes after the block (its section).
        self.late_steps: list[BlockStep] = []
        self.steps: object = None  # what finished the blocks and decided where each one went

    def add(self, block, role: str) -> None:
        if role == WHOLE:
            self.skeleton.append(block)
            self._open = None
            return
        start = self._size
        data = serialized(block, self._namespaces)
        self._file.write(data)
        self._size += len(data)
        if role == OUTLINE or not isinstance(block.tag, str):
            # A wide table's outline, or a comment: a stand-in of its own, so the tag of a run's stand-in is
            # always that of its last block (a comment's stand-in is no paragraph).
            tag = block.tag if isinstance(block.tag, str) else _BULK_TAG
            stand_in = etree.SubElement(self.skeleton, tag, {_START: str(start)})
            if role == OUTLINE:
                for part in (block.find(TBLPR), block.find(TR)):
                    if part is not None:
                        stand_in.append(copy.deepcopy(part))
            self._open = None
        elif self._open is None:
            stand_in = self._open = etree.SubElement(self.skeleton, block.tag, {_START: str(start)})
        else:
            stand_in = self._open
            stand_in.tag = block.tag
        stand_in.set(_END, str(self._size))

    def pieces(self, body, namespaces: dict) -> Iterator[bytes]:
        """The children of `body` (the skeleton's, moved into the document) as XML text in the scope of
        `namespaces`, the stand-ins replaced by their blocks, every block after the late steps."""
        # A block read back is moved into this element before it is written: lxml then drops the declarations
        # inside it that `namespaces` make redundant, as it did for the blocks that moved into the document.
        holder = etree.Element(w("body"), nsmap=namespaces)
        for node in body:
            if isinstance(node.tag, str) and node.get(_START) is not None:
                yield from self._blocks_of(node, namespaces, holder)
            else:
                for step in self.late_steps:
                    step(node, node)
                yield serialized(node, namespaces)

    def _blocks_of(self, stand_in, namespaces: dict, holder) -> Iterator[bytes]:
        previous = None
        text = self._read(int(stand_in.get(_START)), int(stand_in.get(_END)))
        for _, block in parse_blocks(text, self.skeleton.tag):
            if previous is not None:
                yield self._finished(previous, stand_in, namespaces, holder, last=False)
            holder.append(block)
            previous = block
        if previous is not None:
            yield self._finished(previous, stand_in, namespaces, holder, last=True)

    def _finished(self, block, stand_in, namespaces: dict, holder, *, last: bool) -> bytes:
        if last and block.tag == stand_in.tag == P:
            # Paragraph properties put on the stand-in (a section break) belong to its last paragraph.
            gained = stand_in.find(PPR)
            if gained is not None and len(gained):
                properties = ensure(block, "pPr")
                for child in list(gained):
                    put(properties, child)
        if isinstance(block.tag, str):
            for step in self.late_steps:
                step(block, stand_in)
        data = serialized(block, namespaces)
        holder.remove(block)
        return data

    def _read(self, start: int, end: int) -> Iterable[bytes]:
        opening, closing = self._around
        yield opening
        self._file.seek(start)
        while start < end:
            data = self._file.read(min(_READ, end - start))
            if not data:
                break
            start += len(data)
            yield data
        yield closing

    @property
    def size(self) -> int:
        """About the length of the body's XML text: the file's and the skeleton's."""
        return self._size + len(etree.tostring(self.skeleton))

    def close(self) -> None:
        self._file.close()


def spool_body(pieces: Iterable[str | bytes], role_of: Callable[[etree._Element], str]) -> SpooledBody:
    """The body that the pieces of text parse to, each block put where `role_of` says as soon as it is complete."""
    spooled = None
    try:
        for root, block in parse_blocks(pieces, w("body")):
            if spooled is None:
                spooled = SpooledBody(root)
            spooled.add(block, role_of(block))
    except BaseException:
        if spooled is not None:
            spooled.close()
        raise
    return spooled if spooled is not None else SpooledBody(etree.Element(w("body")))


def serialized(node, namespaces: dict) -> bytes:
    """The node as XML text to be put in a place where `namespaces` are declared: lxml declares them again on a
    node taken on its own; those declarations are left out."""
    data = etree.tostring(node, encoding="UTF-8", xml_declaration=False)
    if not isinstance(node.tag, str):
        return data
    end = data.find(b">")
    found = _DECLARATIONS.search(data, 0, end)
    if found is None:
        return data
    # Nearly every block has the same declarations: what is left of them is worked out once.
    key = (found.group(0), tuple(namespaces.items()))
    kept = _KEPT.get(key)
    if kept is None:
        kept = _KEPT[key] = _DECLARATION.sub(lambda match: _declared(match, namespaces), found.group(0))
    return data[: found.start()] + kept + data[found.end() :]


_KEPT: dict[tuple, bytes] = {}


def _declared(match: re.Match, namespaces: dict) -> bytes:
    prefix = match.group(1).decode() if match.group(1) else None
    return b"" if namespaces.get(prefix) == match.group(2).decode() else match.group(0)


def document_pieces(root, body, spooled: SpooledBody) -> Iterator[bytes]:
    """The whole document part (`root`, with `body` among its children) as the package writer would write it,
    with the body's blocks written out one at a time."""
    shell = etree.Element(root.tag, attrib=dict(root.attrib), nsmap=root.nsmap)
    for child in root:
        if child is body:
            place = etree.SubElement(shell, body.tag, attrib=dict(body.attrib))
            place.text = body.text
            place.tail = body.tail
        else:
            shell.append(copy.deepcopy(child))
    before, after = _around(shell.find(body.tag), standalone=True)
    yield before
    yield from spooled.pieces(body, dict(root.nsmap))
    yield after


_MARKED = b'<planrapport:marker xmlns:planrapport="urn:planrapport:body"/>'


def _around(element, **options) -> tuple[bytes, bytes]:
    """The XML text of the element's whole tree before and after the element's (last) children."""
    marker = etree.SubElement(element, _MARKER, nsmap={"planrapport": _NS})
    try:
        text = etree.tostring(element.getroottree(), encoding="UTF-8", **options)
    finally:
        element.remove(marker)
    before, after = text.split(_MARKED)
    return before, after
