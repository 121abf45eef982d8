"""Builders of real archives and messages for the archive and mail tests, made at test time.

E-mail with the stdlib ``email`` package, tar with ``tarfile``, 7z with
py7zr (a member name py7zr will not write, such as ``../evil.txt``, is patched
into a plain header and its CRCs fixed), a Thai ID card picture with Pillow and
the Garuda font of fonts-thai-tlwg, and Thai national IDs with a valid check digit.
"""

from __future__ import annotations

import io
import struct
import tarfile
import zlib
from email import policy
from email.message import EmailMessage
from pathlib import Path

import py7zr
from PIL import Image, ImageDraw, ImageFont

GARUDA = Path("/usr/share/fonts/truetype/tlwg/Garuda.ttf")
SOMCHAI = "สมชาย ใจดี <somchai@example.co.th>"
SOMYING = "สมหญิง รักไทย <somying@example.co.th>"


def thai_id(first12: str) -> str:
    """``first12`` with its check digit (DOMAIN.md §1.1)."""
    digits = [int(c) for c in first12]
    check = (11 - sum(d * (13 - i) for i, d in enumerate(digits)) % 11) % 10
    return first12 + str(check)


NATIONAL_ID = thai_id("110370001234")  # 1103700012346


def email_bytes(
    body: str = "เรียน ฝ่ายบุคคล\n",
    attachments: tuple[tuple[str | None, bytes, str], ...] = (),
    charset: str = "utf-8",
    subject: str = "สำเนาบัตรประชาชน พนักงานใหม่",
) -> bytes:
    """A Thai e-mail: headers, a plain body in ``charset`` and (name, bytes, type) attachments."""
    message = EmailMessage()
    message["From"] = SOMCHAI
    message["To"] = SOMYING
    message["Cc"] = "ฝ่ายบุคคล <hr@example.co.th>"
    message["Subject"] = subject
    message["Date"] = "Tue, 03 Jun 2025 10:15:00 +0700"
    message.set_content(body, charset=charset, cte="base64" if charset != "utf-8" else None)
    for name, data, content_type in attachments:
        maintype, subtype = content_type.split("/")
        if maintype == "message":
            attached = email_message(data)
            message.add_attachment(attached, filename=name) if name else message.add_attachment(
                attached
            )
            continue
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes(policy=policy.SMTP)


def email_message(data: bytes) -> EmailMessage:
    """The bytes of an e-mail parsed back into a message (to attach it as message/rfc822)."""
    from email.parser import BytesParser

    parsed = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(parsed, EmailMessage)
    return parsed


def tar_bytes(
    members: dict[str, bytes], mode: str = "w:gz", special: dict[str, bytes] | None = None
) -> bytes:
    """A tar of regular ``members`` and special ones (name → tar type: SYMTYPE, LNKTYPE …)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode, format=tarfile.PAX_FORMAT) as archive:  # type: ignore[call-overload]
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        for name, kind in (special or {}).items():
            info = tarfile.TarInfo(name)
            info.type = kind
            info.linkname = "/etc/passwd"
            archive.addfile(info)
    return buffer.getvalue()


def sevenzip_bytes(members: dict[str, bytes], **options: object) -> bytes:
    """A 7z of ``members`` (py7zr's defaults: LZMA2, one solid block)."""
    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, "w", **options) as archive:  # type: ignore[arg-type]
        for name, data in members.items():
            archive.writestr(data, name)
    return buffer.getvalue()


def sevenzip_renamed(members: dict[str, bytes], renames: dict[str, str]) -> bytes:
    """A 7z whose member names are changed after writing (same length), e.g. to ``../x``,
    which py7zr refuses to write: the header is left plain, patched, and its CRCs fixed."""
    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, "w") as archive:
        archive.set_encoded_header_mode(False)
        for name, data in members.items():
            archive.writestr(data, name)
    patched = bytearray(buffer.getvalue())
    for old, new in renames.items():
        assert len(old) == len(new)
        at = patched.find(old.encode("utf-16-le"))
        assert at > 0, old
        patched[at : at + 2 * len(old)] = new.encode("utf-16-le")
    offset, size = struct.unpack_from("<QQ", patched, 12)
    header = bytes(patched[32 + offset : 32 + offset + size])
    struct.pack_into("<I", patched, 28, zlib.crc32(header))
    struct.pack_into("<I", patched, 8, zlib.crc32(bytes(patched[12:32])))
    return bytes(patched)


def id_card_png(national_id: str = NATIONAL_ID) -> bytes:
    """A plain picture of a Thai ID card's text (black on white, Garuda), as PNG bytes."""
    spaced = f"{national_id[0]} {national_id[1:5]} {national_id[5:10]} {national_id[10:12]} {national_id[12]}"
    lines = [
        "บัตรประจำตัวประชาชน Thai National ID Card",
        f"เลขประจำตัวประชาชน {spaced}",
        "ชื่อตัวและชื่อสกุล นาย สมชาย ใจดี",
        "Name Mr. Somchai Jaidee",
    ]
    font = ImageFont.truetype(str(GARUDA), 40)
    image = Image.new("L", (1400, 420), 255)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((40, 30 + index * 90), line, font=font, fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
