"""Saved e-mail (.eml): the message's exact lines, charsets, HTML, attachments and their traps."""

from __future__ import annotations

import base64
import io
import zipfile

import pytest

from connectors.files.readers.content import MIB, ReadLimits, Skipped, Table, Text
from connectors.files.readers.mail.mail_text import GUESSED_NOTE
from connectors.files.readers.registry import read_content
from tests.connectors.files.archives.samples import NATIONAL_ID, email_bytes, tar_bytes

CSV = b"name,phone\nSomchai,0812345678\n"
LIMITS = ReadLimits()
HEADER_LINES = (
    "From: สมชาย ใจดี <somchai@example.co.th>",
    "To: สมหญิง รักไทย <somying@example.co.th>",
    "Cc: ฝ่ายบุคคล <hr@example.co.th>",
    "Subject: สำเนาบัตรประชาชน พนักงานใหม่",
    "Date: Tue, 03 Jun 2025 10:15:00 +0700",
)


def _parts(data: bytes, limits: ReadLimits = LIMITS) -> dict[str, object]:
    content = read_content("mail.eml", data, limits)
    assert isinstance(content, tuple), content
    return {part.name_suffix: part for part in content}


@pytest.mark.parametrize("charset", ["utf-8", "tis-620", "windows-874", "cp874"])
def test_a_thai_message_gives_exact_lines(charset: str) -> None:
    body = f"เรียน ฝ่ายบุคคล\n\nเลขประจำตัวประชาชน {NATIONAL_ID}\n  โทร 081-234-5678  \n"
    parts = _parts(email_bytes(body, charset=charset))
    assert parts[""] == Text(
        (*HEADER_LINES, "เรียน ฝ่ายบุคคล", f"เลขประจำตัวประชาชน {NATIONAL_ID}", "โทร 081-234-5678")
    )


def _raw(headers: str, body: bytes, content_type: str = "text/plain; charset=utf-8") -> bytes:
    return f"{headers}Content-Type: {content_type}\n\n".encode("latin-1", "surrogateescape") + body


def _b(text: str, charset: str) -> str:
    return f"=?{charset}?B?{base64.b64encode(text.encode(charset if charset != 'windows-874' else 'cp874')).decode()}?="


@pytest.mark.parametrize(
    ("data", "lines", "note"),
    [
        # RFC 2047 words in Thai charsets Python knows, and one it knows only through us
        (_raw(f"Subject: {_b('ทดสอบ', 'tis-620')}\n", b"x"), ("Subject: ทดสอบ", "x"), ""),
        (_raw(f"Subject: {_b('ทดสอบ', 'windows-874')}\n", b"x"), ("Subject: ทดสอบ", "x"), ""),
        # an encoded word whose charset is unknown or wrong: guessed
        (_raw("Subject: =?x-unknown?Q?=B7=B4=CA=CD=BA?=\n", b"x"), ("Subject: ทดสอบ", "x"), ""),
        # raw 8-bit headers (no encoded words) in UTF-8 and in TIS-620
        (_raw("Subject: \xe0\xb8\x97\xe0\xb8\x94\n", b"x"), ("Subject: ทด", "x"), ""),
        (_raw("Subject: \xb7\xb4\xca\xcd\xba\n", b"x"), ("Subject: ทดสอบ", "x"), ""),
        # a body labelled UTF-8 that is TIS-620, one labelled with an unknown charset
        (_raw("", "ภาษาไทย".encode("cp874")), ("ภาษาไทย",), GUESSED_NOTE),
        (
            _raw("", "ภาษาไทย".encode("cp874"), "text/plain; charset=x-klingon"),
            ("ภาษาไทย",),
            GUESSED_NOTE,
        ),
        (_raw("", b"caf\xe9 ol\xe9", "text/plain; charset=bogus"), ("café olé",), GUESSED_NOTE),
        # HTML: scripts and styles dropped, blocks are lines, entities decoded
        (
            _raw(
                "",
                b"<html><head><style>p{color:red}</style><script>alert(1)</script></head>"
                b"<body><p>Dear&nbsp;Somchai</p><table><tr><td>081 234 5678</td></tr></table>"
                b"<!-- hidden 0899999999 --></body></html>",
                "text/html; charset=utf-8",
            ),
            ("Dear Somchai", "081 234 5678"),
            "",
        ),
        # garbage is read as text, never a crash
        (
            b"\x00\xff\xfe garbage \x80\x81\n\n\x00",
            ("\x00ÿþ garbage \x80\x81", "\x00"),
            "decoded as latin-1 (encoding not recognised)",
        ),
    ],
)
def test_charsets_and_html(data: bytes, lines: tuple[str, ...], note: str) -> None:
    parts = _parts(data)
    assert parts[""] == Text(lines, "", note)


def test_plain_alternative_is_preferred_over_html() -> None:
    data = (
        b"Subject: alt\nContent-Type: multipart/alternative; boundary=B\n\n"
        b"--B\nContent-Type: text/plain\n\nplain version\n"
        b"--B\nContent-Type: text/html\n\n<p>html version</p>\n--B--\n"
    )
    assert _parts(data)[""] == Text(("Subject: alt", "plain version"))


@pytest.mark.parametrize(
    ("attachments", "expected"),
    [
        ((("staff.csv", CSV, "text/csv"),), {"/staff.csv": Table}),
        ((("รายชื่อ.csv", CSV, "text/csv"),), {"/รายชื่อ.csv": Table}),  # RFC 2231 on the wire
        (
            (("a.csv", CSV, "text/csv"), ("a.csv", CSV, "text/csv")),
            {"/a.csv": Table, "/a (2).csv": Table},
        ),
        (
            ((None, CSV, "text/csv"), (None, b"\x89PNG", "image/png")),
            {"/attachment-1.csv": Table, "/attachment-2.png": Skipped},
        ),
        ((("../../etc/passwd.txt", b"x\n", "text/plain"),), {"/.._.._etc_passwd.txt": Text}),
        ((("..", b"x\n", "text/plain"),), {"/_": Skipped}),
        ((("C:\\Users\\a.txt", b"x\n", "text/plain"),), {"/C__Users_a.txt": Text}),
        ((("program.exe", b"MZ", "application/octet-stream"),), {"/program.exe": Skipped}),
    ],
)
def test_attachments_are_members_with_safe_unique_names(
    attachments: tuple[tuple[str | None, bytes, str], ...], expected: dict[str, type]
) -> None:
    parts = _parts(email_bytes("body\n", attachments))
    assert set(parts) == {"", *expected}
    for suffix, kind in expected.items():
        assert isinstance(parts[suffix], kind), (suffix, parts[suffix])


def test_control_characters_leave_a_file_name() -> None:
    data = (
        b"Subject: x\nContent-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: text/plain\n\nhi\n"
        b'--B\nContent-Type: text/plain\nContent-Disposition: attachment; filename="\x01ev\x7fil.txt"\n\n'
        b"x\n--B--\n"
    )
    assert set(_parts(data)) == {"", "/evil.txt"}


def test_an_encoded_word_file_name_is_decoded() -> None:
    name = _b("ชื่อ.csv", "utf-8")
    data = (
        b"Subject: x\nContent-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: text/plain\n\nhi\n"
        b'--B\nContent-Type: text/csv; name="'
        + name.encode()
        + b'"\nContent-Disposition: attachment\n\n'
        + CSV
        + b"--B--\n"
    )
    assert isinstance(_parts(data)["/ชื่อ.csv"], Table)


def test_attached_messages_are_read_in_place_one_level_deeper() -> None:
    inner = email_bytes("ข้อความที่ส่งต่อ\n", (("list.csv", CSV, "text/csv"),), subject="Fwd")
    deepest = email_bytes("ลึกสุด\n", subject="Deep")
    middle = email_bytes("กลาง\n", ((None, deepest, "message/rfc822"),), subject="Mid")
    parts = _parts(
        email_bytes(
            "บน\n", (("fwd.eml", inner, "message/rfc822"), (None, middle, "message/rfc822"))
        )
    )
    assert isinstance(parts["/fwd.eml"], Text) and "ข้อความที่ส่งต่อ" in parts["/fwd.eml"].lines
    assert "Subject: Fwd" in parts["/fwd.eml"].lines
    assert isinstance(parts["/fwd.eml/list.csv"], Table)
    assert isinstance(parts["/attachment-2.eml"], Text)
    assert parts["/attachment-2.eml/attachment-1.eml"] == Skipped(
        "EML nested deeper than 2 levels", "/attachment-2.eml/attachment-1.eml"
    )


def test_attachments_share_the_archive_budgets() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.txt", bytes(8 * MIB))
        archive.writestr("ok.txt", "email somchai@example.co.th\n")
    bomb = buffer.getvalue()
    many = tuple((f"f{i}.txt", b"line\n", "text/plain") for i in range(5))
    parts = _parts(email_bytes("x\n", (("bomb.zip", bomb, "application/zip"),)))
    assert parts["/bomb.zip/zeros.txt"] == Skipped(
        "compression ratio above 100 (zip bomb?)", "/bomb.zip/zeros.txt"
    )
    assert parts["/bomb.zip/ok.txt"] == Text(("email somchai@example.co.th",), "/bomb.zip/ok.txt")
    limited = _parts(email_bytes("x\n", many), ReadLimits(max_zip_members=3))
    assert limited["/f3.txt"] == Skipped("member limit (3) reached, 2 not read", "/f3.txt")
    tarred = _parts(
        email_bytes("x\n", (("docs.tar.gz", tar_bytes({"a.csv": CSV}), "application/gzip"),))
    )
    assert isinstance(tarred["/docs.tar.gz/a.csv"], Table)


def test_deep_multipart_nesting_is_cut_and_noted() -> None:
    data = b"Subject: deep\n"
    for level in range(40):
        data += f"Content-Type: multipart/mixed; boundary=b{level}\n\n--b{level}\n".encode()
    data += b"Content-Type: text/plain\n\nburied\n"
    body = _parts(data)[""]
    assert body == Text(("Subject: deep",), "", "parts nested deeper than 32 levels left out")


def test_lines_beyond_the_row_limit_are_cut_and_noted() -> None:
    body = "".join(f"line {i}\n" for i in range(10))
    text = _parts(email_bytes(body), ReadLimits(max_rows=8))[""]
    assert isinstance(text, Text) and len(text.lines) == 8
    assert text.note == "first 8 rows kept (limit 8)"


def _many_parts(count: int) -> bytes:
    return b"Content-Type: multipart/mixed; boundary=B\n\n" + b"--B\n\nx\n" * count + b"--B--\n"


def _nested(levels: int) -> bytes:
    return b"".join(
        f"Content-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\n".encode() for i in range(levels)
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (_many_parts(20_000), "more than 10000 MIME parts"),
        (_nested(1000), "more than 64 multipart boundaries (nested too deeply?)"),
        (
            b"Content-Type: message/rfc822\n\n" * 1000 + b"x\n",
            "unreadable EML file (nested too deeply)",
        ),
    ],
)
def test_messages_the_parser_cannot_afford_are_refused(data: bytes, reason: str) -> None:
    assert read_content("hostile.eml", data, LIMITS) == Skipped(reason)


def test_lines_that_look_like_boundaries_are_no_parts() -> None:
    data = b"Subject: sql\n\n" + b"-- a comment\n" * 20_000
    text = _parts(data)[""]
    assert isinstance(text, Text) and len(text.lines) == 20_001


def test_a_huge_parameter_list_is_cut_not_parsed_whole() -> None:
    data = (
        b"Content-Type: text/plain; "
        + b"a=1; " * 200_000
        + b'charset="tis-620"\n\n'
        + "สวัสดี\n".encode("cp874")
    )
    assert _parts(data)[""] == Text(("สวัสดี",), "", "")  # the charset past the cut is guessed right
