"""Outlook messages (``.msg``): the message as lines, every attachment a member.

Read with olefile from memory (properties: :mod:`~connectors.files.readers.mail.msg_props`),
in the line format of :mod:`~connectors.files.readers.mail.eml_reader`:
``From: name <address>`` (sender name 0x0C1A, SMTP address 0x5D01 or address
0x0C1F), ``To:`` / ``Cc:`` (the recipients' names and addresses, else the display
lists 0x0E04 / 0x0E03), ``Subject:`` (0x0037), ``Date:`` (submit time 0x0039,
else delivery time 0x0E06, in UTC), then the body (0x1000), or the HTML body
(0x1013) as text when there is no plain one. 8-bit strings are decoded in the
message's code page (0x3FFD, else 0x3FDE: 874 is Thai).

Attachments (``__attach_version1.0_#N``, in order) become members
``mail.msg/<filename>`` (long name 0x3707, short 0x3704, display name 0x3001;
unnamed ones ``attachment-N.<ext>`` from the MIME tag 0x370E), their bytes
(0x3701, binary) read by their own format's reader under the archive budgets;
an embedded message (0x3701 as a storage) is read in place, one level
deeper, named ``….msg``. Refused: embedded OLE objects and attachments that
hold no data (a link or a reference to a file elsewhere).
"""

from __future__ import annotations

from email.utils import format_datetime

from connectors.files.readers.archives.members import Member, Walk, read_members, start
from connectors.files.readers.content import Part, ReadLimits, SkipFile
from connectors.files.readers.mail.html_text import html_lines
from connectors.files.readers.mail.mail_text import (
    AttachmentNames,
    decode_text,
    message_text,
    text_lines,
)
from connectors.files.readers.mail.msg_props import (
    CHILD_HEADER,
    EMBEDDED_HEADER,
    PR_INTERNET_CPID,
    TOP_HEADER,
    Path,
    Storage,
    Tree,
    code_page,
)

ATTACH_OLE = 6
MAX_RECIPIENTS = 1_000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_KINDS = {1: "To", 2: "Cc"}  # PR_RECIPIENT_TYPE (3, Bcc, is not a header line)


def read_msg(name: str, data: bytes, limits: ReadLimits) -> tuple[Part, ...]:
    """The message's lines (suffix ``""``) and its attachments (``/<filename>``)."""
    return tuple(expand_msg(data, "", start(limits)))


def expand_msg(data: bytes, prefix: str, walk: Walk) -> list[Part]:
    """The parts of an Outlook message read at ``prefix``."""
    if not data.startswith(_OLE_MAGIC):
        raise SkipFile("not an Outlook message (no Compound File header)")
    tree = Tree(data)
    try:
        if not tree.exists(("__properties_version1.0",)):
            raise SkipFile("not an Outlook message (a Compound File without its properties)")
        return _message(tree, (), TOP_HEADER, prefix, walk, None)
    finally:
        tree.close()


def _message(
    tree: Tree, path: Path, header: int, prefix: str, walk: Walk, codec: str | None
) -> list[Part]:
    """A message storage's text (suffixed ``prefix``) and its attachments' parts."""
    store = Storage(tree, path, header, codec)
    limit = walk.limits.max_bytes
    recipients = _recipients(tree, path, store.codec)
    date = store.time(0x0039) or store.time(0x0E06)
    headers = [
        ("From", _address(store.string(0x0C1A), store.string(0x5D01) or store.string(0x0C1F))),
        ("To", recipients.get("To") or store.string(0x0E04)),
        ("Cc", recipients.get("Cc") or store.string(0x0E03)),
        ("Subject", store.string(0x0037)),
        ("Date", format_datetime(date) if date else ""),
    ]
    body = text_lines(store.string(0x1000, limit))
    if not body:
        body = html_lines(_html(store, limit))
    text = message_text(headers, body, prefix, walk.limits, store.notes)
    names = AttachmentNames()
    found = tree.children(path, "__attach_version1.0_#")
    members = (_attachment(tree, p, store.codec, names) for p in found)
    return [text, *read_members(members, prefix, walk)]


def _html(store: Storage, limit: int) -> str:
    """The HTML body (binary in its internet code page, or a text property)."""
    data = store.binary(0x1013, limit)
    if data is None:
        return store.string(0x1013, limit)
    text, note = decode_text(data, code_page(store.long(PR_INTERNET_CPID)) or store.codec)
    if note:
        store.notes.append(note)
    return text


def _address(name: str, address: str) -> str:
    name, address = name.strip(), address.strip()
    if name and address and name != address:
        return f"{name} <{address}>"
    return name or address


def _recipients(tree: Tree, path: Path, codec: str | None) -> dict[str, str]:
    """``To`` and ``Cc`` as ``name <address>`` lists, from the recipient storages."""
    found: dict[str, list[str]] = {}
    for recipient in tree.children(path, "__recip_version1.0_#")[:MAX_RECIPIENTS]:
        store = Storage(tree, recipient, CHILD_HEADER, codec)
        kind = _KINDS.get(store.long(0x0C15) or 1)
        address = store.string(0x39FE) or store.string(0x3003)
        entry = _address(store.string(0x3001), address)
        if kind and entry:
            found.setdefault(kind, []).append(entry)
    return {kind: ", ".join(entries) for kind, entries in found.items()}


def _attachment(tree: Tree, path: Path, codec: str | None, names: AttachmentNames) -> Member:
    store = Storage(tree, path, CHILD_HEADER, codec)
    filename = store.string(0x3707) or store.string(0x3704) or store.string(0x3001)
    embedded = (*path, "__substg1.0_3701000D")
    if tree.is_storage(embedded):
        if store.long(0x3705) == ATTACH_OLE:
            name = names.name(filename, "application/octet-stream")
            return Member(name, 0, refusal="embedded OLE object (not read)")
        name = names.name(filename, "application/vnd.ms-outlook", ".msg")

        def expand(suffix: str, walk: Walk) -> list[Part]:
            return _message(tree, embedded, EMBEDDED_HEADER, suffix, walk, store.codec)

        return Member(name, 0, expand=expand)
    name = names.name(filename, store.string(0x370E) or "application/octet-stream")
    data = store.stream(0x3701, 0x0102)
    if not tree.exists(data) or tree.is_storage(data):
        return Member(name, 0, refusal="attachment without data (a link or a reference)")
    return Member(name, tree.size(data), load=lambda size: tree.read(data, size))
