"""The committed office fixtures (``scripts/make_office_samples.py``), what they hold, and
builders of small hostile files for the office-format reader tests."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import olefile

from tests.support.paths import TEST_DATA

OFFICE = TEST_DATA / "formats" / "office"
#: Every fixture: the .doc, .odt and LibreOffice .rtf are one letter; .xls and .ods one book.
FIXTURES = sorted(path.name for path in OFFICE.iterdir())

LETTER = (
    "บันทึกข้อมูลพนักงาน (Employee record)",
    "ชื่อ: นายสมชาย ใจดี",
    "เลขประจำตัวประชาชน: 1-1017-00203-45-0",
    "โทร: 081-234-5678",
    "อีเมล: somchai.j@example.co.th",  # a HYPERLINK field: its result, not its code
    "วันเกิด: 1 มีนาคม 2528",
    "ชื่อ",  # a table: a cell per line
    "โทรศัพท์",
    "อีเมล",
    "นางสาวกานดา มีสุข",
    "089-765-4321",
    "kanda.m@example.com",
    "Date of birth (B.E.): 15/08/2533",
    "National ID 3100501234563",
)
STAFF_HEADER = (
    "ชื่อ-นามสกุล",
    "เลขประจำตัวประชาชน",
    "โทรศัพท์",
    "อีเมล",
    "วันเกิด (พ.ศ.)",
    "เริ่มงาน",
    "เงินเดือน",
)
STAFF_ROWS = (
    (
        "นายสมชาย ใจดี",
        "1101700203450",
        "081-234-5678",
        "somchai.j@example.co.th",
        "1 มีนาคม 2528",
        "2015-06-01",
        "25000",
    ),
    (
        "นางสาวกานดา มีสุข",
        "3100501234563",  # stored as a number
        "089-765-4321",
        "kanda.m@example.com",
        "15/08/2533",
        "2019-01-02 09:30:00",
        "31500.5",
    ),
)
#: The second sheet holds values in its first row: no header.
HEADERLESS_ROWS = (
    ("kanda.m@example.com", "3100501234563"),
    ("somchai.j@example.co.th", "1101700203450"),
)
#: The presentation's slide 1 and its notes; slide 2's title, table, group and notes.
SLIDES_PPTX = (
    "ข้อมูลลูกค้า (Customer)",
    "นายสมชาย ใจดี",
    "เลขประจำตัวประชาชน 1101700203450",
    "โทร 081-234-5678",
    "ติดต่อ",
    "อีเมล",
    "somchai.j@example.co.th",
    "โทร",
    "089-765-4321",
    "วันเกิด 1 มีนาคม 2528",
    "นางสาวกานดา มีสุข",
    "Email: kanda.m@example.com",
)
#: In a .ppt, placeholder text (titles, bodies) comes first, then drawings, then notes.
SLIDES_PPT = (*SLIDES_PPTX[:3], *SLIDES_PPTX[4:11], SLIDES_PPTX[3], SLIDES_PPTX[11])


def fixture(name: str) -> bytes:
    """The bytes of a committed fixture."""
    return (OFFICE / name).read_bytes()


def patched_stream(tmp_path: Path, name: str, stream: str, at: int, patch: bytes) -> bytes:
    """A fixture's copy with ``patch`` written at ``at`` in one of its OLE2 streams."""
    copy = tmp_path / name
    shutil.copyfile(OFFICE / name, copy)
    with olefile.OleFileIO(str(copy), write_mode=True) as ole:
        data = bytearray(ole.openstream(stream).read())
        data[at : at + len(patch)] = patch
        ole.write_stream(stream, bytes(data))
    return copy.read_bytes()


def package(members: dict[str, bytes | str]) -> bytes:
    """A ZIP holding ``members`` (deflated; ``mimetype`` first and stored, as ODF wants)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in sorted(members.items(), key=lambda item: item[0] != "mimetype"):
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, body, compress_type=method)
    return buffer.getvalue()


ODF_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:xlink="http://www.w3.org/1999/xlink"'
)


def odf(kind: str, body: str, prolog: str = "") -> bytes:
    """An OpenDocument package of ``kind`` ("text", "spreadsheet") whose body is ``body``."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
        f"<office:document-content {ODF_NAMESPACES}><office:body>"
        f"<office:{kind}>{body}</office:{kind}></office:body></office:document-content>"
    )
    mimetype = f"application/vnd.oasis.opendocument.{kind}"
    return package({"mimetype": mimetype, "content.xml": content})
