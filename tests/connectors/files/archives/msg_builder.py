"""Outlook messages (``.msg``, [MS-OXMSG]) written at test time with :mod:`.cfb_writer`.

A :class:`Msg` lists what a message holds; :func:`msg_bytes` lays it out as
Outlook does: ``__substg1.0_PPPPTTTT`` streams (``001F`` UTF-16LE, or ``001E``
8-bit in the message's code page when ``code_page`` is set), fixed properties
in ``__properties_version1.0`` (a 32-byte header at the top, 24 in an
embedded message, 8 in a recipient or attachment), recipients in
``__recip_version1.0_#N`` and attachments in ``__attach_version1.0_#N`` (bytes
in ``__substg1.0_37010102``, an embedded message in the storage ``__substg1.0_3701000D``).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from datetime import UTC, datetime

from tests.connectors.files.archives.cfb_writer import compound_file

PT_LONG, PT_SYSTIME = 0x0003, 0x0040
_EPOCH = datetime(1601, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Attachment:
    filename: str | None
    data: bytes = b""
    mime: str = ""
    message: Msg | None = None  # an embedded message instead of bytes
    method: int = 1  # PR_ATTACH_METHOD: 1 by value, 5 embedded message, 6 OLE object


@dataclass(frozen=True)
class Msg:
    subject: str = ""
    body: str = ""
    html: bytes | None = None
    sender: tuple[str, str] = ("", "")
    to: tuple[tuple[str, str], ...] = ()
    cc: tuple[tuple[str, str], ...] = ()
    sent: datetime | None = None
    code_page: int | None = None  # 8-bit strings in this code page (874: Thai) when set
    attachments: tuple[Attachment, ...] = ()
    extra: dict[str, bytes] = field(default_factory=dict)  # raw streams, for traps


def _props(header: int, longs: dict[int, int], times: dict[int, datetime]) -> bytes:
    out = bytearray(header)
    for prop, value in longs.items():
        out += struct.pack("<HHI", PT_LONG, prop, 6) + struct.pack("<iI", value, 0)
    for prop, when in times.items():
        ticks = int((when - _EPOCH).total_seconds() * 10_000_000)
        out += struct.pack("<HHI", PT_SYSTIME, prop, 6) + struct.pack("<Q", ticks)
    return bytes(out)


def _string(prop: int, text: str, code_page: int | None) -> tuple[str, bytes]:
    if code_page is None:
        return f"__substg1.0_{prop:04X}001F", text.encode("utf-16-le")
    return f"__substg1.0_{prop:04X}001E", text.encode(f"cp{code_page}") + b"\x00"


def _message(msg: Msg, prefix: str, header: int) -> dict[str, bytes]:
    streams: dict[str, bytes] = {}
    longs = {0x3FFD: msg.code_page} if msg.code_page else {}
    times = {0x0039: msg.sent} if msg.sent else {}
    streams[prefix + "__properties_version1.0"] = _props(header, longs, times)
    texts = {0x0037: msg.subject, 0x1000: msg.body, 0x0C1A: msg.sender[0], 0x0C1F: msg.sender[1]}
    texts[0x0E04] = "; ".join(name for name, _ in msg.to)
    texts[0x0E03] = "; ".join(name for name, _ in msg.cc)
    for prop, text in texts.items():
        if text:
            name, data = _string(prop, text, msg.code_page)
            streams[prefix + name] = data
    if msg.html is not None:
        streams[prefix + "__substg1.0_10130102"] = msg.html
    people = [(1, p) for p in msg.to] + [(2, p) for p in msg.cc]
    for index, (kind, (name, address)) in enumerate(people):
        where = f"{prefix}__recip_version1.0_#{index:08X}/"
        streams[where + "__properties_version1.0"] = _props(8, {0x0C15: kind}, {})
        streams[where + "__substg1.0_3001001F"] = name.encode("utf-16-le")
        streams[where + "__substg1.0_39FE001F"] = address.encode("utf-16-le")
    for index, attachment in enumerate(msg.attachments):
        where = f"{prefix}__attach_version1.0_#{index:08X}/"
        streams[where + "__properties_version1.0"] = _props(8, {0x3705: attachment.method}, {})
        if attachment.filename is not None:
            streams[where + "__substg1.0_3707001F"] = attachment.filename.encode("utf-16-le")
        if attachment.mime:
            streams[where + "__substg1.0_370E001F"] = attachment.mime.encode("utf-16-le")
        if attachment.message is not None:
            streams.update(_message(attachment.message, where + "__substg1.0_3701000D/", 24))
        elif attachment.method != 6:
            streams[where + "__substg1.0_37010102"] = attachment.data
        else:
            streams[where + "__substg1.0_3701000D/CONTENTS"] = attachment.data
    streams.update({prefix + k: v for k, v in msg.extra.items()})
    return streams


def msg_streams(msg: Msg) -> dict[str, bytes]:
    """The streams of ``msg`` by path."""
    return _message(msg, "", 32)


def msg_bytes(msg: Msg) -> bytes:
    """``msg`` as the bytes of a ``.msg`` file."""
    return compound_file(msg_streams(msg))
