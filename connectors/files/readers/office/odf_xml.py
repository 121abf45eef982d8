"""OpenDocument packages (.odt, .ods): checked, then ``content.xml`` streamed through expat.

odfpy builds a whole document object model of ``content.xml`` in Python
objects, which a large sheet turns into gigabytes; so the package is read
with zipfile and the XML with the standard library's expat parser, event by
event, never holding more than the paragraph or row being read:

* :func:`open_package` refuses a ZIP bomb (``guard_archive``), a file that
  is not an OpenDocument package of the expected kind (its ``mimetype``
  member), and an encrypted document (``encryption-data`` in its manifest);
* :func:`read_content_xml` feeds at most ``limits.max_zip_total`` bytes of XML,
  refuses a document type declaration (no entity expansion at all) and XML
  nested deeper than :data:`MAX_DEPTH`;
* :class:`OdfText` builds the text of every ``text:p`` and ``text:h`` (with
  ``text:s`` spaces, tabs and line breaks); a paragraph inside another (a
  note, a text box, a comment) is a paragraph of its own, and the note's
  citation mark and a comment's author and date are left out.
"""

from __future__ import annotations

import io
import zipfile
from xml.parsers import expat

from connectors.files.readers.content import MIB, ReadLimits, SkipFile
from connectors.files.readers.office.sniff import ZIP_ERRORS, error_name, not_a, what_is, zip_kind
from connectors.files.readers.zip_reader import guard_archive

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
MAX_DEPTH = 1000
MAX_SPACES = 1000  # a text:s element's c attribute, capped
_CHUNK = 64 * 1024
_MIME = "application/vnd.oasis.opendocument."
_KINDS = {
    "text": "text document",
    "spreadsheet": "spreadsheet",
    "presentation": "presentation",
    "graphics": "drawing",
    "chart": "chart",
    "formula": "formula",
}
_PARAGRAPHS = frozenset({f"{TEXT} p", f"{TEXT} h"})
_LEFT_OUT = frozenset({f"{TEXT} note-citation"})


class Stop(Exception):
    """Raised by a handler that has read all it needs."""


def _kind(mimetype: str) -> str:
    sub = mimetype[len(_MIME) :].split("-")[0] if mimetype.startswith(_MIME) else ""
    return _KINDS.get(sub, "")


def open_package(data: bytes, limits: ReadLimits, wanted: str) -> zipfile.ZipFile:
    """The package, checked to be an unencrypted OpenDocument ``wanted`` ("text", …)."""
    label = f"OpenDocument {_KINDS[wanted]}"
    if not data.startswith(b"PK\x03\x04"):
        raise SkipFile(f"{not_a(label)}: {what_is(data)}")
    guard_archive(data, limits)
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = set(archive.namelist())
    if "content.xml" not in names:
        archive.close()
        raise SkipFile(f"{not_a(label)}: {zip_kind(list(names))}")
    if "mimetype" in names:
        with archive.open("mimetype") as handle:
            found = _kind(handle.read(256).decode("ascii", errors="replace").strip())
        if found != _KINDS[wanted]:
            archive.close()
            other = f"an OpenDocument {found}" if found else "another OpenDocument file"
            raise SkipFile(f"{not_a(label)}: {other}")
    if "META-INF/manifest.xml" in names:
        with archive.open("META-INF/manifest.xml") as handle:
            if b"encryption-data" in handle.read(MIB):
                archive.close()
                raise SkipFile("encrypted (password-protected) document")
    return archive


def _refuse(*_args: object) -> None:
    raise SkipFile("XML with a document type declaration (refused: entity expansion)")


class OdfText:
    """Expat handlers building paragraph text; subclasses say what a paragraph is for."""

    def __init__(self) -> None:
        self.names: list[str] = []  # open elements, innermost last
        self.open: list[list[str]] = []  # text of the open paragraphs, innermost last

    def start(self, name: str, attrs: dict[str, str]) -> None:
        """An element opens."""
        self.names.append(name)
        if len(self.names) > MAX_DEPTH:
            raise SkipFile(f"XML nested deeper than {MAX_DEPTH} levels")
        if name in _PARAGRAPHS:
            self.open.append([])
        elif self.open and name.startswith(TEXT):
            local = name[len(TEXT) + 1 :]
            if local == "s":
                count = attrs.get(f"{TEXT} c", "1")[:6]
                self.open[-1].append(" " * min(int(count) if count.isdigit() else 1, MAX_SPACES))
            elif local == "tab":
                self.open[-1].append("\t")
            elif local == "line-break":
                self.open[-1].append("\n")

    def end(self, name: str) -> None:
        """An element closes."""
        self.names.pop()
        if name in _PARAGRAPHS:
            self.paragraph("".join(self.open.pop()))

    def chars(self, data: str) -> None:
        """Character data of the innermost element."""
        if self.open and self.names[-1].startswith(TEXT) and self.names[-1] not in _LEFT_OUT:
            self.open[-1].append(data)

    def paragraph(self, text: str) -> None:
        """A paragraph's text (a line break inside it is ``\\n``)."""
        raise NotImplementedError


def read_content_xml(data: bytes, limits: ReadLimits, wanted: str, handler: OdfText) -> bool:
    """Feed the ``content.xml`` of package ``data`` to ``handler``; whether it was cut."""
    try:
        with open_package(data, limits, wanted) as archive:
            return stream(archive, handler, limits)
    except ZIP_ERRORS as exc:
        raise SkipFile(f"corrupt or truncated OpenDocument file ({error_name(exc)})") from None


def stream(archive: zipfile.ZipFile, handler: OdfText, limits: ReadLimits) -> bool:
    """Feed ``content.xml`` to ``handler``; whether it was cut at the byte budget."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.chars
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    left = limits.max_zip_total
    try:
        with archive.open("content.xml") as handle:
            while chunk := handle.read(min(_CHUNK, left)):
                left -= len(chunk)
                parser.Parse(chunk, False)
                if left <= 0:
                    return bool(handle.read(1))
            parser.Parse(b"", True)
    except Stop:
        return False
    except expat.ExpatError:
        raise SkipFile("corrupt OpenDocument file (malformed content.xml)") from None
    return False
