"""Tesseract OCR of one picture: its lines of text, Thai and English, bounded in size and time.

:func:`ocr_lines` prepares the picture (EXIF orientation applied, grey, scaled
down to ``max_pixels``) and runs the ``tesseract`` program (found and checked
through pytesseract; run with one thread) with the source's languages from
Debian's tessdata, page segmentation mode 1 (layout analysis with Tesseract's
orientation detection, so a page scanned at 90/180/270° is read upright in
the same run) and a per-page timeout. When the lines it found are small
(median line box under :data:`SMALL_LINE_PX` pixels high), the picture is
scaled up so they are about :data:`TARGET_LINE_PX` high and read again:
Tesseract misreads small Thai. Lines of Latin garbled by the Thai model are
read again (:mod:`connectors.files.readers.ocr.mixed_script`). Thai comes out
with the spacing it was printed with (measured: no space is put inside a
word, so nothing is changed there); a SARA AM read as NIKHAHIT + SARA AA
(``ํา``) and a SARA AE read as two SARA E are written in their one-character
form. Nothing is fetched: Tesseract reads only local files.
"""

from __future__ import annotations

import csv
import functools
import io
import math
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

import pytesseract
from PIL import Image, ImageOps

from connectors.files.readers.content import SkipFile
from connectors.files.readers.ocr.mixed_script import repair
from connectors.files.readers.ocr.settings import OcrSettings

SMALL_LINE_PX = 22  # median line box height (pixels) under which a picture is scaled up
TARGET_LINE_PX = 34  # the line box height a scaled-up picture gets
MAX_UPSCALE = 4.0
MIN_SIDE = 8  # narrower pictures hold no readable text
_THAI_FIXES = (("\u0e4d\u0e32", "\u0e33"), ("\u0e40\u0e40", "\u0e41"))
_pages = [0]  # pages given to Tesseract by this process (see pages_read)
# One thread per run: Tesseract's OpenMP threads spin for a core another scanning process needs
# (measured on 2 busy cores: an A4 page in 12.6 s with one thread, 32.3 s without the limit).
_THREADS = {"OMP_THREAD_LIMIT": "1"}


class OcrTimeout(Exception):
    """Tesseract did not finish one page within ``page_timeout_s``."""


class OcrFailed(Exception):
    """Tesseract exited with an error on one page (its message is not kept: it may quote
    the page)."""


def pages_read() -> int:
    """How many pages this process has given to Tesseract (an observable counter)."""
    return _pages[0]


@functools.cache
def unavailable(languages: str) -> str:
    """Why OCR in ``languages`` (``tha+eng``) cannot run here, or "" when it can."""
    try:
        pytesseract.get_tesseract_version()
        found = set(pytesseract.get_languages(config=""))
    except pytesseract.TesseractNotFoundError:
        return "OCR unavailable (tesseract not installed)"
    except Exception as exc:  # a broken install: the program or its data does not load
        return f"OCR unavailable (tesseract does not run: {type(exc).__name__})"
    missing = [lang for lang in languages.split("+") if lang not in found]
    if missing:
        return f"OCR unavailable (Tesseract language {'+'.join(missing)} not installed)"
    return ""


def refusal(settings: OcrSettings) -> str:
    """Why pictures are not read with ``settings`` (OCR off, or not installed), or ""."""
    return "OCR disabled" if not settings.enabled else unavailable(settings.languages)


def ocr_lines(image: Image.Image, settings: OcrSettings) -> list[str]:
    """The non-empty stripped lines Tesseract reads on ``image``.

    Raises SkipFile when OCR is unavailable, OcrTimeout when a run passes the timeout,
    OcrFailed when Tesseract exits with an error.
    """
    reason = unavailable(settings.languages)
    if reason:
        raise SkipFile(reason)
    page = prepare(image, settings.max_pixels)
    if min(page.size) < MIN_SIDE or blank(page):
        return []
    _pages[0] += 1
    text, rows = _run(page, settings.languages, 1, settings)
    heights = [float(r["height"]) for r in rows if r.get("level") == "4" and r["height"].isdigit()]
    if heights and (median := statistics.median(heights)) < SMALL_LINE_PX:
        room = math.sqrt(settings.max_pixels / (page.width * page.height))
        factor = min(MAX_UPSCALE, TARGET_LINE_PX / max(median, 1.0), room)
        if factor > 1.25:
            size = (round(page.width * factor), round(page.height * factor))
            page = page.resize(size, Image.Resampling.LANCZOS)
            text, rows = _run(page, settings.languages, 1, settings)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    languages = settings.languages.split("+")
    if "tha" in languages and len(languages) > 1:  # Latin garbled by the Thai model
        other = "+".join(reversed(languages))
        lines = repair(page, lines, rows, lambda crop: _reread(crop, other, settings))
    return clean_lines("\n".join(lines))


def prepare(image: Image.Image, max_pixels: int) -> Image.Image:
    """``image`` upright (EXIF orientation), grey on white, at most ``max_pixels`` pixels."""
    page = ImageOps.exif_transpose(image)
    page = grey(page)
    pixels = page.width * page.height
    if pixels > max_pixels:
        scale = math.sqrt(max_pixels / pixels)
        size = (max(1, int(page.width * scale)), max(1, int(page.height * scale)))
        page = page.resize(size, Image.Resampling.BICUBIC, reducing_gap=2.0)
    return page


def grey(image: Image.Image) -> Image.Image:
    """8-bit grey; transparency becomes white paper, 16-bit and float samples are rescaled."""
    if image.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):
        wide = image.convert("F")
        low, high = _extrema(wide)
        span = high - low or 1.0
        return wide.point(lambda v: (v - low) * 255.0 / span).convert("L")
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        paper = Image.new("RGBA", image.size, "white")
        paper.alpha_composite(image.convert("RGBA"))
        image = paper
    return image if image.mode == "L" else image.convert("L")


def clean_lines(text: str) -> list[str]:
    """Non-empty stripped lines, Thai vowels Tesseract splits joined back."""
    lines = []
    for line in text.splitlines():
        line = line.strip()
        for wrong, right in _THAI_FIXES:
            line = line.replace(wrong, right)
        if line:
            lines.append(line)
    return lines


def blank(page: Image.Image) -> bool:
    """Whether ``page`` (grey) is one flat tone: nothing drawn on it."""
    low, high = _extrema(page)
    return high - low < 16


def _extrema(band: Image.Image) -> tuple[float, float]:
    """The lowest and highest sample of a one-band picture."""
    low, high = band.getextrema()
    assert isinstance(low, int | float) and isinstance(high, int | float)
    return float(low), float(high)


def _run(
    page: Image.Image, languages: str, psm: int, settings: OcrSettings
) -> tuple[str, list[dict[str, str]]]:
    """One Tesseract run in page segmentation mode ``psm``: the text, and the TSV rows
    (boxes of blocks, lines and words)."""
    with tempfile.TemporaryDirectory(prefix="pdpa-ocr-") as folder:
        source = Path(folder) / "page.pgm"  # uncompressed: quicker to write than PNG
        page.save(source, format="PPM")
        base = Path(folder) / "out"
        command = [pytesseract.pytesseract.tesseract_cmd, str(source), str(base), "-l", languages]
        command += ["--psm", str(psm), "-c", "tessedit_create_tsv=1", "txt"]
        try:
            done = subprocess.run(
                command,
                capture_output=True,
                env={**os.environ, **_THREADS},
                timeout=settings.page_timeout_s,
            )
        except subprocess.TimeoutExpired:  # the program is killed
            raise OcrTimeout(f"OCR of one page took over {settings.page_timeout_s:g} s") from None
        except OSError:
            raise SkipFile("OCR unavailable (tesseract does not start)") from None
        if done.returncode:
            raise OcrFailed(f"tesseract exited with status {done.returncode}")
        text = _read(base.with_suffix(".txt"))
        table = _read(base.with_suffix(".tsv"))
    rows = csv.DictReader(io.StringIO(table), delimiter="\t", quoting=csv.QUOTE_NONE)
    return text, [{k: v or "" for k, v in row.items() if k} for row in rows]


def _reread(crop: Image.Image, languages: str, settings: OcrSettings) -> str:
    """One line read again (page segmentation mode 7); "" when Tesseract fails on it."""
    try:
        return _run(crop, languages, 7, settings)[0]
    except (OcrFailed, OcrTimeout):
        return ""


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return ""
