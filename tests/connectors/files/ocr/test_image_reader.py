"""Pictures through the registry: every format read by OCR on first use, every trap refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from connectors.files.readers.content import (
    LazyText,
    ReadLimits,
    Skipped,
    Text,
    cut_notes,
    resolve,
)
from connectors.files.readers.ocr.engine import pages_read
from connectors.files.readers.ocr.settings import OcrBudget, OcrSettings
from connectors.files.readers.registry import read_content
from tests.connectors.files.ocr.samples import (
    CITIZEN_ID,
    EMAIL,
    PHONE,
    contact_as,
    fixture,
    photo_without_text,
    png_header,
)

LIMITS = ReadLimits()


def _read(name: str, data: bytes, limits: ReadLimits = LIMITS) -> Text | Skipped:
    content = read_content(name, data, limits)
    if isinstance(content, Skipped):
        return content
    assert isinstance(content, LazyText), content
    return resolve(content)


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("contact.png", lambda: fixture("contact.png")),
        ("contact.jpg", lambda: fixture("contact.jpg")),
        ("contact.JPEG", lambda: fixture("contact.jpg")),
        ("contact.bmp", lambda: contact_as("BMP")),
        ("contact.gif", lambda: contact_as("GIF")),
        ("contact.webp", lambda: contact_as("WEBP")),
        ("contact.tiff", lambda: contact_as("TIFF")),
        ("contact.heic", lambda: contact_as("HEIF")),
        ("named-as-jpeg.jpg", lambda: fixture("contact.png")),  # the content decides
    ],
)
def test_every_format_is_read_by_ocr(name: str, make: Callable[[], bytes]) -> None:
    text = _read(name, make())
    assert isinstance(text, Text), text
    assert f"โทร {PHONE}" in text.lines
    assert any(CITIZEN_ID in line for line in text.lines)
    assert any(EMAIL in line for line in text.lines)
    assert text.note == ""


def test_nothing_is_read_until_the_text_is_used() -> None:
    before = pages_read()
    content = read_content("contact.png", fixture("contact.png"), LIMITS)
    assert isinstance(content, LazyText) and pages_read() == before
    assert resolve(content).lines and pages_read() == before + 1


def test_each_tiff_frame_is_a_page_up_to_the_file_limit() -> None:
    text = _read("pages.tif", fixture("pages.tif"))
    assert isinstance(text, Text)
    assert [line[-6:] for line in text.lines] == ["Page 1", "Page 2", "Page 3"]
    limited = ReadLimits(ocr=OcrSettings(max_pages_per_file=2))
    cut = _read("pages.tif", fixture("pages.tif"), limited)
    assert isinstance(cut, Text) and [line[-6:] for line in cut.lines] == ["Page 1", "Page 2"]
    assert cut.note == (
        "OCR cut at 2 frames per file (ocr_max_pages_per_file): 1 more frame(s) not read"
    )
    assert cut_notes(cut.note) == [cut.note]


def test_the_scan_budget_stops_ocr_and_says_so() -> None:
    budget = OcrBudget(1)
    limits = ReadLimits(ocr_budget=budget)
    first = _read("a.png", fixture("contact.png"), limits)
    second = _read("b.png", fixture("contact.png"), limits)
    assert isinstance(first, Text) and first.lines and first.note == ""
    assert isinstance(second, Text) and second.lines == ()
    assert second.note == (
        "OCR cut: the scan's OCR budget of 1 pages (ocr_max_pages_per_scan) was used up, "
        "1 image(s) not read"
    )
    assert cut_notes(second.note) == [second.note] and budget.used == 1


def test_a_picture_without_text_has_no_lines() -> None:
    assert _read("holiday.jpg", photo_without_text()) == Text(())


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("zero.png", lambda: b"", "empty file (0 bytes)"),
        (
            "noise.png",
            lambda: b"\x89PNG\r\n\x1a\nnot really a picture",
            "corrupt or unsupported image",
        ),
        ("text.jpg", lambda: "สวัสดี hello".encode(), "corrupt or unsupported image"),
        (
            "eps.png",  # never handed to Pillow's EPS plugin (which runs Ghostscript)
            lambda: b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n",
            "corrupt or unsupported image",
        ),
        ("cut.png", lambda: fixture("contact.png")[:3000], "corrupt or truncated image"),
        ("cut.jpg", lambda: fixture("contact.jpg")[:4000], "corrupt or truncated image"),
        (
            "bomb.png",  # 144 million pixels: above 3 × max_pixels, below Pillow's own limit
            lambda: png_header(12_000, 12_000),
            "image of 12000x12000 pixels, above 120000000 (a decompression bomb?): not decoded",
        ),
        (
            "huge.png",
            lambda: png_header(100_000, 100_000),
            "image above Pillow's decompression bomb limit",
        ),
        ("empty.png", lambda: png_header(0, 10), "corrupt or unsupported image"),
    ],
)
def test_traps_are_refused_with_a_reason(name: str, make: Callable[[], bytes], reason: str) -> None:
    before = pages_read()
    assert _read(name, make()) == Skipped(reason)
    assert pages_read() == before


def test_the_bomb_bound_follows_max_pixels() -> None:
    limits = ReadLimits(ocr=OcrSettings(max_pixels=100_000))
    refused = _read("wide.png", png_header(1_000, 400), limits)
    assert refused == Skipped(
        "image of 1000x400 pixels, above 300000 (a decompression bomb?): not decoded"
    )


def test_ocr_disabled_skips_pictures() -> None:
    limits = ReadLimits(ocr=OcrSettings(enabled=False))
    assert read_content("a.png", fixture("contact.png"), limits) == Skipped("OCR disabled")


def test_a_page_past_the_timeout_is_left_out_and_noted() -> None:
    limits = ReadLimits(ocr=OcrSettings(page_timeout_s=0.01))  # Tesseract is killed
    text = _read("a.png", fixture("contact.png"), limits)
    assert text == Text((), note="OCR cut: 1 image(s) not read, Tesseract took over 0.01 s")


def test_a_broken_tesseract_install_is_noted_not_silent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for language in ("tha", "eng", "osd"):  # language files present but unreadable
        (tmp_path / f"{language}.traineddata").write_bytes(b"not a model")
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    text = _read("a.png", fixture("contact.png"))
    assert text == Text((), note="OCR cut: 1 image(s) not read, Tesseract failed on them")
