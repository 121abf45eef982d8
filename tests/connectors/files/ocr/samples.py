"""The OCR fixtures (tests/data/ocr, rebuilt by scripts/make_ocr_samples.py) and hostile files.

Pictures in more formats are made here from ``contact.png`` with Pillow, so the
tests need no font. The fixtures show one fictional person.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image
from pypdf import PdfReader, PdfWriter

from tests.support.file_samples import assembled_pdf, english_pdf_bytes

DATA = Path(__file__).resolve().parents[3] / "data" / "ocr"
CITIZEN_ID = "3-1005-01234-56-3"  # checksum-valid, printed on contact.png
PHONE = "081-234-5678"
EMAIL = "somchai.jaidee@example.co.th"


def fixture(name: str) -> bytes:
    return (DATA / name).read_bytes()


def contact_as(fmt: str) -> bytes:
    """``contact.png`` saved by Pillow as ``fmt`` (BMP, GIF, WEBP, HEIF, TIFF …)."""
    image = Image.open(DATA / "contact.png")
    if fmt == "HEIF":
        from pillow_heif import register_heif_opener

        register_heif_opener()
        image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format=fmt)
    return buffer.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header declares ``width`` × ``height`` pixels (1-bit grey) and whose
    data holds only a few rows: the size a decompression bomb would claim."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" + b"\xff" * ((width + 7) // 8) * 1)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


def mixed_pdf() -> bytes:
    """Page 1 with a text layer (English), page 2 a scan (``scanned.pdf``'s second page)."""
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(english_pdf_bytes())))
    writer.append(PdfReader(io.BytesIO(fixture("scanned.pdf"))), pages=[1])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypted(pdf: bytes) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def photo_without_text() -> bytes:
    """A smooth picture (a sky gradient and two discs): no text on it."""
    image = Image.linear_gradient("L").resize((400, 300)).convert("RGB")
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image)
    draw.ellipse((60, 80, 160, 180), fill=(200, 120, 40))
    draw.ellipse((240, 120, 360, 240), fill=(40, 160, 90))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def pdf_with_picture(width: int, height: int) -> bytes:
    """A one-page PDF showing one grey picture that declares ``width`` × ``height`` pixels
    (its data is a few bytes: only the declared size matters before decoding)."""
    content = b"q 500 0 0 500 50 50 cm /Im0 Do Q"
    picture = b"\x00" * 16
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /XObject << /Im0 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8 /Length %d >>\nstream\n"
        % (width, height, len(picture))
        + picture
        + b"\nendstream",
    ]
    return assembled_pdf(objects)
