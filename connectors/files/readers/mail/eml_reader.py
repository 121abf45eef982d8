"""Saved e-mail (``.eml``, RFC 5322 / MIME): the message as lines, every attachment a member.

Parsed with the stdlib ``email`` package, policy ``compat32``: header values
are decoded here (RFC 2047 with :func:`email.header.decode_header`, each read
up to :data:`MAX_HEADER_CHARS` characters, a part's Content-Type and
Content-Disposition up to :data:`MAX_CONTENT_HEADER`), not by the header
registry of ``policy.default``, whose parameter parsing takes time quadratic
in a header's length (a 250 KB Content-Type takes half a minute). A message
with more than :data:`MAX_PARTS` MIME parts or :data:`MAX_BOUNDARIES`
multipart boundaries is refused before parsing (the parser slows down
steeply with thousands of parts, and recurses once per nesting). The dataset
``mail.eml`` holds ``From``/``To``/``Cc``/``Subject``/``Date`` lines (RFC 2047
encoded words decoded; raw 8-bit headers decoded as UTF-8 or Thai) and the
body: text/plain parts as they are, text/html parts as text (see
:mod:`~connectors.files.readers.mail.html_text`); of a multipart/alternative
only the plain version is read when there is one. Every attachment (a part
with ``Content-Disposition: attachment``, a part with a file name, any part
that is not text) becomes a member dataset ``mail.eml/<filename>`` read by its
own format's reader under the archive budgets of
:mod:`~connectors.files.readers.archives.members`; an attached message
(message/rfc822) is read the same way, one level deeper. Names are made safe
by :mod:`~connectors.files.readers.mail.mail_text`. Multipart nesting deeper
than :data:`MAX_PART_DEPTH` is left out (noted).
"""

from __future__ import annotations

import re
from email import policy
from email.header import decode_header
from email.message import Message
from email.parser import BytesParser
from email.utils import collapse_rfc2231_value

from connectors.files.readers.archives.members import Member, Walk, read_members, start
from connectors.files.readers.content import Part, ReadLimits, SkipFile
from connectors.files.readers.csv_reader import decode
from connectors.files.readers.mail.html_text import html_lines
from connectors.files.readers.mail.mail_text import (
    HEADERS,
    AttachmentNames,
    decode_text,
    message_text,
    text_lines,
)

MAX_PART_DEPTH = 32
MAX_HEADER_CHARS = 8192
MAX_CONTENT_HEADER = 1024
MAX_PARTS = 10_000
MAX_BOUNDARIES = 64
DEEP_NOTE = f"parts nested deeper than {MAX_PART_DEPTH} levels left out"
_LISTS = ("To", "Cc")  # headers that may repeat: every value is kept
_FOLD = re.compile(r"\r?\n(?=[ \t])")
_BOUNDARY = re.compile(rb'boundary\s*=\s*"?([^"\s;]+)', re.IGNORECASE)


def read_eml(name: str, data: bytes, limits: ReadLimits) -> tuple[Part, ...]:
    """The message's lines (suffix ``""``) and its attachments (``/<filename>``)."""
    return tuple(expand_eml(data, "", start(limits)))


def expand_eml(data: bytes, prefix: str, walk: Walk) -> list[Part]:
    """The parts of an e-mail read at ``prefix``."""
    _guard(data)
    message = BytesParser(policy=policy.compat32).parsebytes(data)
    return message_parts(message, prefix, walk)


def _guard(data: bytes) -> None:
    """Refuse a message with more parts or boundaries than the parser copes with."""
    boundaries = set(_BOUNDARY.findall(data))
    if len(boundaries) > MAX_BOUNDARIES:
        raise SkipFile(f"more than {MAX_BOUNDARIES} multipart boundaries (nested too deeply?)")
    if data.count(b"\n--") <= MAX_PARTS:
        return
    if sum(data.count(b"\n--" + boundary) for boundary in boundaries) > MAX_PARTS:
        raise SkipFile(f"more than {MAX_PARTS} MIME parts")


def message_parts(message: Message, prefix: str, walk: Walk) -> list[Part]:
    """A parsed message's text (suffixed ``prefix``) and its attachments' parts."""
    body: list[str] = []
    notes: list[str] = []
    attachments: list[Message] = []
    _collect(message, body, attachments, notes)
    text = message_text(_headers(message), body, prefix, walk.limits, notes)
    names = AttachmentNames()
    members = (_member(part, names) for part in attachments)
    return [text, *read_members(members, prefix, walk)]


def _collect(root: Message, body: list[str], attachments: list[Message], notes: list[str]) -> None:
    """Sort the leaves of ``root`` into body lines and attachments, in order."""
    stack: list[tuple[Message, int]] = [(root, 0)]
    while stack:
        part, depth = stack.pop()
        for header in ("Content-Type", "Content-Disposition"):
            value = part.get(header)
            if isinstance(value, str) and len(value) > MAX_CONTENT_HEADER:
                part.replace_header(header, value[:MAX_CONTENT_HEADER])
        content_type = part.get_content_type()
        if _is_attachment(part, content_type):
            attachments.append(part)
        elif part.is_multipart():
            if depth >= MAX_PART_DEPTH:
                notes.append(DEEP_NOTE)
                continue
            children = [c for c in part.get_payload() if isinstance(c, Message)]
            if part.get_content_subtype() == "alternative" and children:
                children = [_preferred(children)]
            stack.extend((child, depth + 1) for child in reversed(children))
        elif content_type == "text/html":
            body.extend(html_lines(_text(part, notes)))
        elif part.get_content_maintype() == "text":
            body.extend(text_lines(_text(part, notes)))
        else:
            attachments.append(part)


def _is_attachment(part: Message, content_type: str) -> bool:
    if content_type == "message/rfc822":
        return True
    return part.get_content_disposition() == "attachment" or bool(part.get_filename())


def _preferred(children: list[Message]) -> Message:
    """The alternative to read: the plain text one when there is one, else the last."""
    for child in children:
        if child.get_content_type() == "text/plain":
            return child
    return children[-1]


def _text(part: Message, notes: list[str]) -> str:
    data = part.get_payload(decode=True)
    if not isinstance(data, bytes):
        return ""
    text, note = decode_text(data, part.get_content_charset())
    if note:
        notes.append(note)
    return text


def _headers(message: Message) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for header in HEADERS:
        raws = [raw for key, raw in message.raw_items() if key.lower() == header.lower()]
        values = [_header_value(str(raw)) for raw in raws]
        if header not in _LISTS:
            values = values[:1]
        if any(values):
            found.append((header, ", ".join(v for v in values if v)))
    return found


def _header_value(raw: str) -> str:
    """A raw header value as text: RFC 2047 encoded words decoded by their charset (a guess
    when it is unknown or wrong), raw 8-bit bytes decoded as UTF-8 or Thai."""
    raw = _FOLD.sub("", raw[:MAX_HEADER_CHARS])  # unfolded: a line break before a space goes
    if _has_surrogates(raw):  # raw 8-bit bytes, as the parser keeps them
        return decode(raw.encode("utf-8", "surrogateescape"))[0]
    try:
        chunks = decode_header(raw)
    except Exception:  # a malformed encoded word: keep the value as it is
        return raw
    return "".join(_chunk(chunk, charset) for chunk, charset in chunks)


def _chunk(chunk: bytes | str, charset: str | None) -> str:
    if isinstance(chunk, str):
        return chunk
    if charset is None:  # the text between encoded words, as decode_header returns it
        return chunk.decode("raw-unicode-escape", errors="replace")
    return decode_text(chunk, charset)[0]


def _has_surrogates(text: str) -> bool:
    return any("\ud800" <= c <= "\udfff" for c in text)


def _member(part: Message, names: AttachmentNames) -> Member:
    content_type = part.get_content_type()
    filename = _filename(part)
    inner = part.get_payload()
    message = inner[0] if isinstance(inner, list) and inner else None
    if content_type == "message/rfc822" and isinstance(message, Message):
        name = names.name(filename, content_type, ".eml")
        return Member(name, 0, expand=lambda suffix, walk: message_parts(message, suffix, walk))
    name = names.name(filename, content_type, ".eml" if content_type == "message/rfc822" else "")
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    return Member(name, len(data), load=lambda size: data[:size])


def _filename(part: Message) -> str | None:
    """The part's file name: RFC 2231 decoded by the parser, RFC 2047 words (which some
    mailers put in a quoted name) and raw 8-bit bytes decoded here."""
    try:
        name = part.get_filename()
        if not name and (param := part.get_param("name")):
            name = collapse_rfc2231_value(param)
    except Exception:  # a malformed parameter list
        return None
    return _header_value(name) if isinstance(name, str) else None
