"""How much OCR one source may do: per page, per file and per scan (the source's config).

:class:`OcrSettings` is a value set from the ``ocr_*`` keys of a files source
(SPEC §4 with this project's additions, see docs/ocr.md). :class:`OcrBudget`
counts the pages one connector OCR'd in this scan, so the scan stops doing OCR
(and says so) once ``max_pages_per_scan`` pages were read. The image formats
read by OCR are listed here too, so the connector can tell them without
importing the OCR libraries.
"""

from __future__ import annotations

from dataclasses import dataclass

#: File suffixes read as pictures (Tesseract OCR).
IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".gif", ".webp", ".heic", ".heif"}
)


@dataclass(frozen=True)
class OcrSettings:
    """OCR switches and bounds of one files source."""

    enabled: bool = True
    languages: str = "tha+eng"  # Tesseract language models, from Debian's packages
    max_pages_per_file: int = 20  # pages of one PDF (or frames of one TIFF) read by OCR
    max_pages_per_scan: int = 2_000  # pages OCR'd by one source's connector in one scan
    max_pixels: int = 40_000_000  # a page larger than this is scaled down before OCR
    page_timeout_s: float = 120.0  # one Tesseract run; a page past it is left out (noted)

    @property
    def max_decoded_pixels(self) -> int:
        """Pixels of an image above which it is refused undecoded (a decompression bomb):
        three times ``max_pixels`` (a bigger picture is scaled down to ``max_pixels``)."""
        return 3 * self.max_pixels


class OcrBudget:
    """Pages one connector may still OCR in this scan (shared by every file it reads)."""

    def __init__(self, pages: int) -> None:
        self.limit = pages
        self.used = 0

    def take(self) -> bool:
        """Count one page; False (nothing counted) once the budget is used up."""
        if self.used >= self.limit:
            return False
        self.used += 1
        return True

    @property
    def used_up(self) -> bool:
        return self.used >= self.limit
