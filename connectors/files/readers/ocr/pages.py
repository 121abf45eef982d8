"""OCR of the pages of one file (a picture, a TIFF's frames, a scanned PDF's pages), bounded.

:func:`ocr_pages` reads at most ``max_pages_per_file`` pages of a file and,
page by page, takes one page from the scan's :class:`OcrBudget`; a page with
nothing drawn on it costs no budget. Every page left out (past the file's
limit, past the scan's budget, Tesseract timed out or failed, the page would
not decode) is counted in a note starting ``OCR cut``, which the connector lists
among the dataset's truncations. Each page read is also offered to the Thai
ID card reader (:func:`connectors.files.readers.ocr.id_card.read_card`): when
it recognises a card, its canonical lines replace the page's OCR lines.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image

from connectors.files.readers.ocr import id_card
from connectors.files.readers.ocr.engine import OcrFailed, OcrTimeout, blank, grey, ocr_lines
from connectors.files.readers.ocr.settings import OcrBudget, OcrSettings

#: What a page that will not decode raises (Pillow and pdfium on corrupt or truncated data).
RENDER_ERRORS = (OSError, ValueError, SyntaxError, EOFError, MemoryError, RuntimeError, IndexError)
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PagesRead:
    """The lines of each page (None: not read) and the notes on what was left out."""

    lines: tuple[tuple[str, ...] | None, ...]
    notes: tuple[str, ...]

    @property
    def unreadable_only(self) -> bool:
        """Whether no page was read and the only reason is that none would decode."""
        return all(lines is None for lines in self.lines) and all(
            "would not decode" in note for note in self.notes
        )


def page_lines(image: Image.Image, settings: OcrSettings) -> tuple[str, ...]:
    """The OCR lines of one page, or a Thai ID card's canonical lines when it is one."""
    lines = ocr_lines(image, settings)
    if not lines:
        return ()
    try:
        card = id_card.read_card(image, lines, settings)
    except Exception as exc:  # the card reader is a refinement: its failure keeps the OCR lines
        log.debug("ID card reading failed (%s); the OCR lines are kept", type(exc).__name__)
        card = None
    return tuple(card) if card is not None else tuple(lines)


def ocr_pages(
    count: int,
    render: Callable[[int], Image.Image],
    settings: OcrSettings,
    budget: OcrBudget,
    unit: str = "page",
) -> PagesRead:
    """OCR of pages ``0 .. count-1`` (``render(i)`` decodes page ``i``) within the bounds."""
    found: list[tuple[str, ...] | None] = []
    past_file = past_scan = timed_out = broken = failed = 0
    for index in range(count):
        if index >= settings.max_pages_per_file:
            past_file = count - index
            found.extend([None] * past_file)
            break
        if budget.used_up:
            past_scan += 1
            found.append(None)
            continue
        try:
            image = render(index)
            empty = blank(grey(image))  # decodes it: a truncated picture raises here
        except RENDER_ERRORS:
            broken += 1
            found.append(None)
            continue
        if empty:
            found.append(())
            continue
        if not budget.take():
            past_scan += 1
            found.append(None)
            continue
        try:
            found.append(page_lines(image, settings))
        except OcrTimeout:
            timed_out += 1
            found.append(None)
        except OcrFailed:
            failed += 1
            found.append(None)
    notes = []
    if past_file:
        notes.append(
            f"OCR cut at {settings.max_pages_per_file} {unit}s per file "
            f"(ocr_max_pages_per_file): {past_file} more {unit}(s) not read"
        )
    if past_scan:
        notes.append(
            f"OCR cut: the scan's OCR budget of {budget.limit} pages (ocr_max_pages_per_scan) "
            f"was used up, {past_scan} {unit}(s) not read"
        )
    if timed_out:
        notes.append(
            f"OCR cut: {timed_out} {unit}(s) not read, Tesseract took over "
            f"{settings.page_timeout_s:g} s"
        )
    if failed:
        notes.append(f"OCR cut: {failed} {unit}(s) not read, Tesseract failed on them")
    if broken:
        notes.append(f"OCR cut: {broken} {unit}(s) not read, they would not decode")
    return PagesRead(tuple(found), tuple(notes))
