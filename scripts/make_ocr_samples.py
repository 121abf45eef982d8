"""Build ``tests/data/ocr/``: small synthetic pictures and scans of Thai + English text (OCR tests).

Run at development time only (it needs the Thai fonts of Debian's
fonts-thai-tlwg, which CI does not install)::

    python scripts/make_ocr_samples.py

Writes, from the same fictional person (no real person's data):

- ``contact.png`` — a grey card of four lines: a Thai name, a checksum-valid
  13-digit national ID (1-4-5-2-1 groups), a mobile phone number and an
  e-mail address;
- ``contact.jpg`` — the same lines as a colour JPEG photo (quality 80);
- ``small.png`` — two lines in small type (lines about 14 px high): read
  only once the picture is scaled up;
- ``rotated.png`` — a page of eight lines turned 90°;
- ``pages.tif`` — a 3-frame TIFF (deflate), one numbered line per frame;
- ``scanned.pdf`` — three image-only pages (a 300 dpi grey scan each, no
  text layer), one numbered line per page.

The tests make the other formats (BMP, GIF, WebP, HEIC) from ``contact.png``
with Pillow, so they need no font.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "ocr"
FONT = Path("/usr/share/fonts/truetype/tlwg/Garuda.ttf")


def thai_id(first12: str) -> str:
    """The 13-digit national ID whose last digit is the checksum of ``first12``."""
    total = sum(int(digit) * (13 - index) for index, digit in enumerate(first12))
    return first12 + str((11 - total % 11) % 10)


def grouped(number: str) -> str:
    """1-4-5-2-1 grouping, as printed on the card."""
    return f"{number[0]}-{number[1:5]}-{number[5:10]}-{number[10:12]}-{number[12]}"


CITIZEN_ID = thai_id("310050123456")
CONTACT = (
    "ชื่อ นายสมชาย ใจดี",
    f"เลขประจำตัวประชาชน {grouped(CITIZEN_ID)}",
    "โทร 081-234-5678",
    "อีเมล somchai.jaidee@example.co.th",
)


def sheet(lines: tuple[str, ...], size: int, width: int, margin: int = 24) -> Image.Image:
    """Black text on white paper, one line every 1.7 × the type size."""
    font = ImageFont.truetype(str(FONT), size)
    step = int(size * 1.7)
    image = Image.new("L", (width, 2 * margin + step * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((margin, margin + index * step), line, font=font, fill=0)
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    contact = sheet(CONTACT, 30, 760)
    contact.save(OUT / "contact.png", optimize=True)
    photo = Image.merge("RGB", (contact, contact, contact.point(lambda v: min(255, v + 20))))
    photo.save(OUT / "contact.jpg", quality=80)
    sheet(("ติดต่อ คุณวิภา ศรีสุข", "โทร 089-765-4321"), 12, 240, 8).save(
        OUT / "small.png", optimize=True
    )
    page = (
        "บันทึกการประชุม ฝ่ายบุคคล",
        "The meeting started at ten o'clock",
        "ผู้เข้าร่วมประชุมทั้งหมด สิบสองคน",
        "Minutes were taken by the secretary",
        "เรื่องที่หนึ่ง การจัดอบรมพนักงานใหม่",
        "The budget for training was approved",
        "เรื่องที่สอง การปรับปรุงสำนักงาน",
        "Next meeting will be held in March",
    )
    sheet(page, 26, 640).rotate(90, expand=True).save(OUT / "rotated.png", optimize=True)
    frames = [sheet((f"หน้าที่ {n} เอกสารแนบ Page {n}",), 30, 560) for n in (1, 2, 3)]
    frames[0].save(
        OUT / "pages.tif", save_all=True, append_images=frames[1:], compression="tiff_deflate"
    )
    scans = [sheet((f"สำเนาหน้า {n} Scanned page {n}",), 40, 900, 60) for n in (1, 2, 3)]
    scans[0].save(
        OUT / "scanned.pdf", save_all=True, append_images=scans[1:], resolution=300.0, quality=70
    )
    for path in sorted(OUT.iterdir()):
        print(f"{path.name}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
