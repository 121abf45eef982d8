"""Scanned PDFs: image-only pages rendered and read by OCR on first use; text layers left alone."""

from __future__ import annotations

from collections.abc import Callable

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
from tests.connectors.files.ocr.samples import encrypted, fixture, mixed_pdf, pdf_with_picture
from tests.support.file_samples import THAI_PDF, blank_pdf_bytes, english_pdf_bytes

SCANNED = tuple(f"สำเนาหน้า {n} Scanned page {n}" for n in (1, 2, 3))
OFF = ReadLimits(ocr=OcrSettings(enabled=False))


def test_a_scanned_pdf_is_read_by_ocr_on_first_use_only() -> None:
    before = pages_read()
    content = read_content("scan.pdf", fixture("scanned.pdf"), ReadLimits())
    assert isinstance(content, LazyText)
    assert pages_read() == before  # reading the PDF (as when listing) did no OCR
    assert resolve(content) == Text(SCANNED)
    assert pages_read() == before + 3


def test_a_mixed_pdf_keeps_its_text_layer_and_reads_the_scanned_page() -> None:
    before = pages_read()
    content = read_content("mixed.pdf", mixed_pdf(), ReadLimits())
    assert isinstance(content, LazyText)
    assert resolve(content) == Text(("Dear Mr Somchai Jaidee,", "Call 081 234 5678", SCANNED[1]))
    assert pages_read() == before + 1  # only the image-only page


@pytest.mark.parametrize(
    ("name", "make"),
    [("english.pdf", english_pdf_bytes), ("thai.pdf", THAI_PDF.read_bytes)],
)
def test_a_pdf_with_a_text_layer_is_not_read_by_ocr(name: str, make: Callable[[], bytes]) -> None:
    before = pages_read()
    content = read_content(name, make(), ReadLimits())
    assert isinstance(content, Text) and content.lines and content.note == ""
    assert pages_read() == before


@pytest.mark.parametrize(
    ("name", "make", "limits", "expected"),
    [
        ("blank.pdf", blank_pdf_bytes, ReadLimits(), Skipped("no text layer (scanned image)")),
        (
            "locked.pdf",
            lambda: encrypted(fixture("scanned.pdf")),
            ReadLimits(),
            Skipped("encrypted PDF"),
        ),
        (
            "scan.pdf",
            lambda: fixture("scanned.pdf"),
            OFF,
            Skipped("no text layer (scanned image; OCR disabled)"),
        ),
        (
            "scan.pdf",
            lambda: fixture("scanned.pdf"),
            ReadLimits(ocr=OcrSettings(languages="tha+xyz")),
            Skipped(
                "no text layer (scanned image; OCR unavailable (Tesseract language xyz "
                "not installed))"
            ),
        ),
        (
            "mixed.pdf",
            mixed_pdf,
            OFF,
            Text(
                ("Dear Mr Somchai Jaidee,", "Call 081 234 5678"),
                note="1 image-only page(s) not read (OCR disabled)",
            ),
        ),
        ("truncated.pdf", lambda: fixture("scanned.pdf")[:900], ReadLimits(), None),
    ],
)
def test_pdfs_that_are_not_read_by_ocr(
    name: str, make: Callable[[], bytes], limits: ReadLimits, expected: Text | Skipped | None
) -> None:
    before = pages_read()
    content = read_content(name, make(), limits)
    if expected is None:  # a cut file: a one-line reason, whichever library gives up
        assert isinstance(content, Skipped) and "\n" not in content.reason
    else:
        assert content == expected
    assert pages_read() == before


def test_at_most_max_pages_per_file_pages_are_read_and_the_cut_is_noted() -> None:
    limits = ReadLimits(ocr=OcrSettings(max_pages_per_file=2))
    content = read_content("scan.pdf", fixture("scanned.pdf"), limits)
    assert isinstance(content, LazyText)
    text = resolve(content)
    assert isinstance(text, Text) and text.lines == SCANNED[:2]
    assert text.note == (
        "OCR cut at 2 pages per file (ocr_max_pages_per_file): 1 more page(s) not read"
    )
    assert cut_notes(text.note) == [text.note]


def test_the_scan_budget_cuts_a_pdf_between_pages() -> None:
    budget = OcrBudget(2)
    content = read_content("scan.pdf", fixture("scanned.pdf"), ReadLimits(ocr_budget=budget))
    assert isinstance(content, LazyText)
    text = resolve(content)
    assert isinstance(text, Text) and text.lines == SCANNED[:2]
    assert "OCR budget of 2 pages (ocr_max_pages_per_scan) was used up, 1 page(s)" in text.note
    assert budget.used_up


def test_a_page_with_a_picture_above_the_decoding_limit_is_not_rendered() -> None:
    before = pages_read()
    content = read_content("bomb.pdf", pdf_with_picture(20_000, 20_000), ReadLimits())
    assert isinstance(content, LazyText)
    assert resolve(content) == Text(
        (),
        note="OCR cut: 1 page(s) not read, a picture on them is above the decoding limit "
        "(a decompression bomb?)",
    )
    assert pages_read() == before
