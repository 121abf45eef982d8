"""PDF documents: the text layer, page by page, as lines (Thai included); scanned pages by OCR.

Text is extracted with pypdf. A PDF that needs a password to open is skipped
(one with only an owner password, i.e. an empty user password, is read).
A page without a text layer is worth OCR only when something is drawn on it
(an image or a path: a scan, or text turned into outlines): :func:`drawn_pages`
tells which from pdfium's page objects, without decoding anything, and
refuses a page holding a picture larger than ``max_decoded_pixels`` (pdfium
would decode it whole). Those pages are read lazily: the reader returns a
:class:`LazyText` whose loader, :func:`read_scanned`, renders each of them
with pypdfium2 at :data:`DPI` (fewer dots when the page would pass
``max_pixels``), reads it by OCR within the file's and the scan's bounds
(:func:`connectors.files.readers.ocr.pages.ocr_pages`) and puts its lines
between the text-layer pages' lines, in page order — when the dataset is
first used, never while the share is listed. With OCR off or unavailable, a
PDF without any text layer is skipped as a scanned image, and a PDF with
some text keeps it and notes the pages not read. A PDF whose pages carry no
text and nothing drawn is skipped as before.
"""

from __future__ import annotations

import functools
import io
import itertools
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image
from pypdf import PdfReader

from connectors.files.readers.content import LazyText, ReadLimits, SkipFile, Text, rows_note
from connectors.files.readers.ocr.engine import unavailable
from connectors.files.readers.ocr.pages import ocr_pages
from connectors.files.readers.ocr.settings import OcrSettings

logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed-PDF chatter is not ours

SCANNED = "no text layer (scanned image)"
DPI = 300
_IMAGE = (pdfium_c.FPDF_PAGEOBJ_IMAGE,)
_DRAWN = (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_SHADING)


def read_pdf(name: str, data: bytes, limits: ReadLimits) -> Text | LazyText:
    """The non-empty lines of every page, at most ``limits.max_rows``; scanned pages by OCR."""
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            opened = bool(reader.decrypt(""))  # PasswordType.NOT_DECRYPTED is 0
        except Exception:  # a missing AES backend, a malformed encryption dictionary
            opened = False
        if not opened:
            raise SkipFile("encrypted PDF")
    pages: list[tuple[str, ...]] = []
    total = 0
    for page in reader.pages:
        text = page.extract_text() or ""
        pages.append(tuple(line.strip() for line in text.splitlines() if line.strip()))
        total += len(pages[-1])
        if total > limits.max_rows:
            break
    blank = [index for index, lines in enumerate(pages) if not lines]
    note = ""
    if blank and total <= limits.max_rows:
        drawn = drawn_pages(data, blank, limits.ocr.max_decoded_pixels)  # None: not opened
        if drawn is None or drawn.pages or drawn.bombs:
            reason = _refusal(limits, drawn is None)
            if drawn is not None and not reason:
                load = functools.partial(read_scanned, data, tuple(pages), drawn.pages, limits)
                return LazyText(load, note=drawn.note)
            if not total:
                raise SkipFile(f"{SCANNED[:-1]}; {reason})")
            count = len(blank) if drawn is None else len(drawn.pages) + drawn.bombs
            note = f"{count} image-only page(s) not read ({reason})"
    if not total:
        raise SkipFile(SCANNED)
    lines = [line for text in pages for line in text]
    kept = tuple(lines[: limits.max_rows])
    notes = (note, rows_note(len(kept), limits, len(lines) > limits.max_rows))
    return Text(kept, "", "; ".join(n for n in notes if n))


def _refusal(limits: ReadLimits, unopened: bool) -> str:
    """Why the image-only pages are not read by OCR, or ""."""
    if not limits.ocr.enabled:
        return "OCR disabled"
    if unopened:
        return "the PDF renderer cannot open the file"
    return unavailable(limits.ocr.languages)


@dataclass(frozen=True)
class Drawn:
    """The image-only pages worth OCR, and how many were refused for a picture too large."""

    pages: list[int]
    bombs: int

    @property
    def note(self) -> str:
        if not self.bombs:
            return ""
        return (
            f"OCR cut: {self.bombs} page(s) not read, a picture on them is above the "
            "decoding limit (a decompression bomb?)"
        )


def drawn_pages(data: bytes, indices: Sequence[int], max_pixels: int) -> Drawn | None:
    """Which of the pages ``indices`` (0-based) have an image or a drawing on them, apart
    from those holding a picture of more than ``max_pixels`` pixels (a decompression bomb
    pdfium would decode whole); None when pdfium cannot open the file."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return None
    try:
        found, bombs = [], 0
        for index in indices:
            page = document[index]
            try:
                pictures = itertools.islice(page.get_objects(filter=_IMAGE, max_depth=8), 2_000)
                if any(math.prod(picture.get_px_size()) > max_pixels for picture in pictures):
                    bombs += 1
                elif next(iter(page.get_objects(filter=_DRAWN, max_depth=8)), None) is not None:
                    found.append(index)
            finally:
                page.close()
        return Drawn(found, bombs)
    except (pdfium.PdfiumError, IndexError):
        return None
    finally:
        document.close()


def render_page(document: pdfium.PdfDocument, index: int, settings: OcrSettings) -> Image.Image:
    """Page ``index`` in grey at :data:`DPI`, or fewer dots so it fits ``max_pixels``."""
    page = document[index]
    try:
        width, height = page.get_size()
        area = max(width * height, 1.0)  # PDF units (1/72 inch), squared
        scale = min(DPI / 72, math.sqrt(settings.max_pixels / area))
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            image: Image.Image = bitmap.to_pil()
            return image.convert("L")  # a copy: the bitmap's memory is freed below
        finally:
            bitmap.close()
    finally:
        page.close()


def read_scanned(
    data: bytes, pages: Sequence[tuple[str, ...]], drawn: Sequence[int], limits: ReadLimits
) -> Text:
    """Every page's lines: the text layer's, and OCR's for the ``drawn`` image-only pages."""
    settings = limits.ocr
    document = pdfium.PdfDocument(data)
    try:
        read = ocr_pages(
            len(drawn),
            lambda i: render_page(document, drawn[i], settings),
            settings,
            limits.ocr_budget,
        )
    finally:
        document.close()
    by_page = dict(zip(drawn, read.lines, strict=True))
    lines = [line for index, text in enumerate(pages) for line in text or by_page.get(index) or ()]
    kept = tuple(lines[: limits.max_rows])
    notes = [*read.notes, rows_note(len(kept), limits, len(lines) > limits.max_rows)]
    return Text(kept, "", "; ".join(n for n in notes if n))
