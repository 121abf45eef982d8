"""Builders of real files in every format the file-share connector reads (for tests).

Everything is made at test time with openpyxl, python-docx, pypdf and zipfile,
except the Thai PDF, a committed fixture (``fixtures/thai_letter.pdf``, made
once with reportlab and the Garuda TTF of fonts-thai-tlwg).
"""

from __future__ import annotations

import io
import stat
import zipfile
from datetime import date, datetime

import docx
import openpyxl
from pypdf import PdfReader, PdfWriter

from tests.support.paths import FIXTURES

THAI_PDF = FIXTURES / "thai_letter.pdf"
THAI_HEADER = ["ชื่อ", "เลขบัตรประชาชน", "วันเกิด", "", "ชื่อ"]
BOMB_BYTES = 200 * 1024 * 1024


def xlsx_bytes() -> bytes:
    """Sheets ``พนักงาน`` (Thai header after an empty row, a date, a float ID, a formula)
    and a hidden ``Summary``."""
    book = openpyxl.Workbook()
    staff = book.active
    staff.title = "พนักงาน"
    staff.append([])
    staff.append(THAI_HEADER)
    staff.append(["สมชาย ใจดี", 1101700203451.0, datetime(1985, 3, 1), "x", "สมชาย"])
    staff.append(["สมหญิง รักไทย", "3100501234567", date(1990, 12, 31), None, None])
    staff.append([None, None, None, None, None])
    staff.append(["=A3", 2, datetime(2016, 11, 24, 18, 0), None, None])
    summary = book.create_sheet("Summary")
    summary.append(["team", "head count"])
    summary.append(["HR", 2])
    summary.sheet_state = "hidden"
    book.create_sheet("Empty")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def docx_bytes() -> bytes:
    """A letter: two paragraphs and a 2x3 table whose first row is one merged cell."""
    document = docx.Document()
    document.add_paragraph("เรียน ฝ่ายบุคคล")
    document.add_paragraph("")
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "ข้อมูลพนักงาน"
    for column, text in enumerate(["สมชาย ใจดี", "081-234-5678", "somchai@example.co.th"]):
        table.cell(1, column).text = text
    document.add_paragraph("ขอแสดงความนับถือ")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def assembled_pdf(objects: list[bytes]) -> bytes:
    """A PDF of numbered ``objects`` (object 1 the catalog) with its cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def english_pdf_bytes(
    lines: tuple[str, ...] = ("Dear Mr Somchai Jaidee,", "Call 081 234 5678"),
) -> bytes:
    """A one-page PDF in Helvetica, written by hand (no PDF library needed)."""
    text = " ".join(f"({line}) Tj 0 -20 Td" for line in lines)
    stream = f"BT /F1 12 Tf 72 720 Td {text} ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return assembled_pdf(objects)


def blank_pdf_bytes() -> bytes:
    """A page without any text (what a scanner's image-only PDF looks like to us)."""
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypted_pdf_bytes(user_password: str = "secret") -> bytes:
    """The English PDF encrypted (AES-128); an empty user password opens it without one."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(english_pdf_bytes())))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def zip_bytes(members: dict[str, bytes], symlinks: dict[str, str] | None = None) -> bytes:
    """A ZIP of ``members`` (names kept as given, ``../`` included) and symlink members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, (2024, 1, 2, 3, 4, 5)), data)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return buffer.getvalue()


def bomb_zip_bytes() -> bytes:
    """A ZIP with one 200 MiB member of zeros (about 200 KB compressed) and a small text."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("zeros.txt", "w", force_zip64=True) as member:
            chunk = bytes(4 * 1024 * 1024)
            for _ in range(BOMB_BYTES // len(chunk)):
                member.write(chunk)
        archive.writestr("ok.txt", "email somchai@example.co.th\n")
    return buffer.getvalue()


def archive_bytes() -> bytes:
    """Nested folders, a workbook, a traversal, an absolute path, a symlink, and ZIPs
    nested three deep (``l2.zip/l3.zip``)."""
    level3 = zip_bytes({"deep.txt": b"three levels down\n"})
    level2 = zip_bytes({"l3.zip": level3, "mid.csv": b"name,phone\nSomchai,0812345678\n"})
    return zip_bytes(
        {
            "docs/2024/letter.txt": "เรียน คุณสมชาย\n".encode(),
            "hr/book.xlsx": xlsx_bytes(),
            "../evil.txt": b"x\n",
            "/etc/abs.txt": b"x\n",
            "C:/win.txt": b"x\n",
            "program.exe": b"MZ\x90\x00",
            "l2.zip": level2,
        },
        symlinks={"link.txt": "/etc/passwd"},
    )
