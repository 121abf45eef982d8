"""Outlook messages (.msg): the Compound File writer checked by olefile, exact lines, traps."""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime

import olefile
import pytest

from connectors.files.readers.content import ReadLimits, Skipped, Table, Text
from connectors.files.readers.mail.mail_text import GUESSED_NOTE
from connectors.files.readers.registry import read_content
from tests.connectors.files.archives.cfb_writer import compound_file
from tests.connectors.files.archives.msg_builder import Attachment, Msg, msg_bytes, msg_streams
from tests.connectors.files.archives.samples import NATIONAL_ID, id_card_png

CSV = b"name,phone\nSomchai,0812345678\n"
LIMITS = ReadLimits()
THAI = Msg(
    subject="สำเนาบัตรประชาชน พนักงานใหม่",
    body=f"เรียน ฝ่ายบุคคล\r\n\r\nเลขประจำตัวประชาชน {NATIONAL_ID}\r\n  โทร 081-234-5678\r\n",
    sender=("สมชาย ใจดี", "somchai@example.co.th"),
    to=(("สมหญิง รักไทย", "somying@example.co.th"),),
    cc=(("ฝ่ายบุคคล", "hr@example.co.th"), ("Manop", "manop@example.co.th")),
    sent=datetime(2025, 6, 3, 3, 15, tzinfo=UTC),
    attachments=(
        Attachment("รายชื่อพนักงาน.csv", CSV, "text/csv"),
        Attachment("บัตรประชาชน.png", id_card_png(), "image/png"),
    ),
)
THAI_LINES = (
    "From: สมชาย ใจดี <somchai@example.co.th>",
    "To: สมหญิง รักไทย <somying@example.co.th>",
    "Cc: ฝ่ายบุคคล <hr@example.co.th>, Manop <manop@example.co.th>",
    "Subject: สำเนาบัตรประชาชน พนักงานใหม่",
    "Date: Tue, 03 Jun 2025 03:15:00 +0000",
    "เรียน ฝ่ายบุคคล",
    f"เลขประจำตัวประชาชน {NATIONAL_ID}",
    "โทร 081-234-5678",
)


def _parts(data: bytes, limits: ReadLimits = LIMITS) -> dict[str, object]:
    content = read_content("mail.msg", data, limits)
    assert isinstance(content, tuple), content
    return {part.name_suffix: part for part in content}


@pytest.mark.parametrize("count", [1, 5, 40, 300])
def test_olefile_reads_every_stream_the_writer_wrote(count: int) -> None:
    streams = {f"s{i}": os.urandom(i * 37 % 9000) for i in range(count)}
    streams["storage/sub/deep"] = b"deep" * 2000
    streams["storage/small"] = b"x"
    ole = olefile.OleFileIO(
        io.BytesIO(compound_file(streams)), raise_defects=olefile.DEFECT_INCORRECT
    )
    assert sorted("/".join(p) for p in ole.listdir()) == sorted(streams)
    for path, data in streams.items():
        assert ole.openstream(path).read() == data
    assert ole.get_type("storage") == olefile.STGTY_STORAGE


def test_the_writer_lays_out_a_message_as_outlook_does() -> None:
    ole = olefile.OleFileIO(io.BytesIO(msg_bytes(THAI)), raise_defects=olefile.DEFECT_INCORRECT)
    assert ole.openstream("__substg1.0_0037001F").read().decode("utf-16-le") == THAI.subject
    assert ole.get_size("__attach_version1.0_#00000001/__substg1.0_37010102") > 4096  # not mini
    assert set(msg_streams(THAI)) == {"/".join(p) for p in ole.listdir()}


def test_a_thai_message_gives_exact_lines_and_attachments() -> None:
    parts = _parts(msg_bytes(THAI))
    assert parts[""] == Text(THAI_LINES)
    table = parts["/รายชื่อพนักงาน.csv"]
    assert isinstance(table, Table) and table.rows == (("Somchai", "0812345678"),)
    assert set(parts) == {"", "/รายชื่อพนักงาน.csv", "/บัตรประชาชน.png"}


@pytest.mark.parametrize(
    ("msg", "lines", "note"),
    [
        # 8-bit strings in the Thai code page (874), recipients from the display lists
        (
            Msg(subject="ทดสอบ", body="ภาษาไทย", code_page=874, to=(("สมหญิง", "s@x.th"),)),
            ("To: สมหญิง <s@x.th>", "Subject: ทดสอบ", "ภาษาไทย"),
            "",
        ),
        # a code page that is not one: the 8-bit text is guessed
        (
            Msg(subject="x", extra={"__substg1.0_1000001E": "ภาษาไทย".encode("cp874")}),
            ("Subject: x", "ภาษาไทย"),
            "",
        ),
        # only an HTML body (binary, in the internet code page): read as text
        (
            Msg(
                subject="html",
                html=b"<p>Dear&nbsp;Somchai</p><script>x()</script><p>081 234 5678</p>",
            ),
            ("Subject: html", "Dear Somchai", "081 234 5678"),
            "",
        ),
        # an HTML body in TIS-620 without a code page
        (Msg(subject="h", html="<p>สวัสดี</p>".encode("cp874")), ("Subject: h", "สวัสดี"), ""),
        # no sender name: the address alone
        (Msg(sender=("", "a@x.th"), subject="s"), ("From: a@x.th", "Subject: s"), ""),
        # bytes that decode in the declared code page are taken as it says
        (
            Msg(subject="ทดสอบ", code_page=874, extra={"__substg1.0_1000001E": b"caf\xe9"}),
            ("Subject: ทดสอบ", "caf้"),
            "",
        ),
    ],
)
def test_charsets_and_bodies(msg: Msg, lines: tuple[str, ...], note: str) -> None:
    assert _parts(msg_bytes(msg))[""] == Text(lines, "", note)


def test_a_mislabelled_code_page_is_noted() -> None:
    msg = Msg(extra={"__substg1.0_0037001E": "ทดสอบ".encode("cp874")}, code_page=65001)
    assert _parts(msg_bytes(msg))[""] == Text(("Subject: ทดสอบ",), "", GUESSED_NOTE)


def test_embedded_messages_are_read_in_place_one_level_deeper() -> None:
    deepest = Msg(subject="ลึกสุด", body="deep")
    middle = Msg(
        subject="กลาง", body="mid", attachments=(Attachment("deeper", message=deepest, method=5),)
    )
    inner = Msg(
        subject="ส่งต่อ", body="ข้อความ", attachments=(Attachment("list.csv", CSV, "text/csv"),)
    )
    top = Msg(
        subject="บน",
        attachments=(
            Attachment("Fwd ส่งต่อ", message=inner, method=5),
            Attachment(None, message=middle, method=5),
        ),
    )
    parts = _parts(msg_bytes(top))
    assert parts["/Fwd ส่งต่อ.msg"] == Text(("Subject: ส่งต่อ", "ข้อความ"), "/Fwd ส่งต่อ.msg")
    assert isinstance(parts["/Fwd ส่งต่อ.msg/list.csv"], Table)
    assert parts["/attachment-2.msg/deeper.msg"] == Skipped(
        "MSG nested deeper than 2 levels", "/attachment-2.msg/deeper.msg"
    )


@pytest.mark.parametrize(
    ("attachment", "suffix", "reason"),
    [
        (Attachment("pic.bmp", b"OLE", method=6), "/pic.bmp", "embedded OLE object (not read)"),
        (Attachment("../../evil.exe", b"x\n"), "/.._.._evil.exe", "unsupported format .exe"),
        (Attachment("..", b"x\n"), "/_", "unsupported format (no extension)"),
        (
            Attachment(None, b"%PDF-1.4 broken", "application/pdf"),
            "/attachment-1.pdf",
            "unreadable PDF file",
        ),
        (Attachment("program.exe", b"MZ"), "/program.exe", "unsupported format .exe"),
    ],
)
def test_attachment_traps(attachment: Attachment, suffix: str, reason: str) -> None:
    parts = _parts(msg_bytes(Msg(subject="s", attachments=(attachment,))))
    refused = parts[suffix]
    assert isinstance(refused, Skipped) and refused.reason.startswith(reason), refused


def test_an_attachment_without_data_is_refused() -> None:
    msg = Msg(
        subject="s",
        extra={
            "__attach_version1.0_#00000000/__substg1.0_3707001F": "link.txt".encode("utf-16-le")
        },
    )
    assert _parts(msg_bytes(msg))["/link.txt"] == Skipped(
        "attachment without data (a link or a reference)", "/link.txt"
    )


def test_attachments_share_the_archive_budgets() -> None:
    many = tuple(Attachment(f"f{i}.txt", b"line\n") for i in range(5))
    parts = _parts(msg_bytes(Msg(subject="s", attachments=many)), ReadLimits(max_zip_members=3))
    assert parts["/f3.txt"] == Skipped("member limit (3) reached, 2 not read", "/f3.txt")
    sized = _parts(
        msg_bytes(Msg(subject="s", attachments=many)), ReadLimits(max_bytes=3, max_zip_total=8)
    )
    assert sized["/f0.txt"] == Text(("lin",), "/f0.txt", "first 3 of 5 bytes read")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not an OLE file at all", "not an Outlook message (no Compound File header)"),
        (b"", "not an Outlook message (no Compound File header)"),
        (
            compound_file({"WordDocument": b"x" * 100}),
            "not an Outlook message (a Compound File without its properties)",
        ),
        (msg_bytes(THAI)[:700], "unreadable MSG file ("),
        (msg_bytes(THAI)[:4000], "unreadable MSG file ("),
    ],
)
def test_what_is_no_message_is_one_line(data: bytes, reason: str) -> None:
    result = read_content("x.msg", data, LIMITS)
    assert isinstance(result, Skipped) and result.reason.startswith(reason), result
