"""Benchmark: OCR throughput (Tesseract tha+eng) of pages and of pictures through the connector.

Usage: ``python bench/ocr_throughput.py [--pages 3] [--files 20]``.
Prints pages/s (wall clock, and per busy core from the CPU time of this
process and its Tesseract runs: the figure that holds on a shared machine)
for an A4 page of Thai + English text as a PNG picture
(300 dpi, 2480x3508, 11 pt type) and as a scanned PDF page (the same page
embedded as a JPEG, rendered again at 300 dpi), and files/s for ``--files``
small pictures (``tests/data/ocr/contact.png``-like cards, 760x248) listed,
described and sampled through :class:`FilesConnector`. The A4 page needs the
Thai fonts of Debian's fonts-thai-tlwg; without them it is tiled from the
committed fixtures.
"""

from __future__ import annotations

import argparse
import io
import resource
import tempfile
import time
from collections.abc import Callable, Sized
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from connectors.files.connector import FilesConnector
from connectors.files.readers.content import LazyText, ReadLimits, resolve
from connectors.files.readers.ocr.engine import ocr_lines, pages_read
from connectors.files.readers.ocr.settings import OcrSettings
from connectors.files.readers.pdf_reader import read_pdf

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "data" / "ocr"
FONT = Path("/usr/share/fonts/truetype/tlwg/Garuda.ttf")
LINES = (
    "บันทึกข้อความ ฝ่ายทรัพยากรบุคคล เรื่อง การปรับปรุงข้อมูลพนักงาน ประจำปี 2567",
    "Employee record update for the 2024 fiscal year, human resources department",
    "ชื่อ นางสาววิภาวรรณ ศรีสุข ตำแหน่ง เจ้าหน้าที่บัญชี โทร 089-765-4321",
    "อีเมล wipawan.srisuk@example.co.th ที่อยู่ 12/3 ถนนพหลโยธิน แขวงจตุจักร",
)


def a4_page() -> Image.Image:
    """An A4 page at 300 dpi: 40 lines of 11 pt Thai and English text."""
    page = Image.new("L", (2480, 3508), 255)
    if FONT.exists():
        font = ImageFont.truetype(str(FONT), 46)
        draw = ImageDraw.Draw(page)
        for index in range(40):
            draw.text((180, 200 + index * 78), LINES[index % len(LINES)], font=font, fill=0)
        return page
    card = Image.open(FIXTURES / "contact.png").convert("L")
    for row in range(12):
        for column in range(3):
            page.paste(card, (40 + column * (card.width + 40), 120 + row * (card.height + 30)))
    return page


def cpu() -> float:
    """CPU seconds used so far by this process and the Tesseract runs it waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    runs = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + runs.ru_utime + runs.ru_stime


def report(label: str, count: int, unit: str, elapsed: float, spent: float) -> None:
    print(
        f"{label}: {count} {unit} in {elapsed:.1f}s = {count / elapsed:.2f} {unit}/s wall; "
        f"{spent / count:.2f} CPU s each = {count / spent:.2f} {unit}/s per busy core"
    )


def time_pages(label: str, read: Callable[[], Sized], count: int) -> None:
    started, used = time.perf_counter(), cpu()
    lines = 0
    for _ in range(count):
        lines = len(read())
    report(f"{label} ({lines} lines)", count, "pages", time.perf_counter() - started, cpu() - used)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--files", type=int, default=20)
    args = parser.parse_args()
    settings = OcrSettings()
    page = a4_page()
    time_pages("A4 PNG page", lambda: ocr_lines(page, settings), args.pages)
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=300.0, quality=75)
    scanned = buffer.getvalue()

    def pdf_page() -> tuple[str, ...]:
        content = read_pdf("scan.pdf", scanned, ReadLimits())
        assert isinstance(content, LazyText)
        text = resolve(content)
        return tuple(getattr(text, "lines", ()))

    time_pages("A4 scanned PDF page", pdf_page, args.pages)
    with tempfile.TemporaryDirectory() as folder:
        card = (FIXTURES / "contact.png").read_bytes()
        for index in range(args.files):
            (Path(folder) / f"card{index:03d}.png").write_bytes(card)
        before = pages_read()
        started, used = time.perf_counter(), cpu()
        connector = FilesConnector("bench", Path(folder))
        connector.open()
        for name in connector.list_datasets():
            connector.sample(connector.describe(name), 100)
        elapsed, spent = time.perf_counter() - started, cpu() - used
        label = f"FilesConnector, pictures of 760x248 ({pages_read() - before} pages OCR'd)"
        report(label, args.files, "files", elapsed, spent)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process (Tesseract runs apart): {peak:.0f} MB")


if __name__ == "__main__":
    main()
