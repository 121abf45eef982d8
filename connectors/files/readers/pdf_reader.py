"""PDF documents: the text layer, page by page, as lines (Thai included).

Text is extracted with pypdf. A PDF that needs a password to open is skipped
(one with only an owner password, i.e. an empty user password, is read); a
PDF whose pages carry no text at all is skipped as a scanned image (there is
no OCR).
"""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader

from connectors.files.readers.content import ReadLimits, SkipFile, Text, rows_note

logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed-PDF chatter is not ours


def read_pdf(name: str, data: bytes, limits: ReadLimits) -> Text:
    """The non-empty lines of every page, at most ``limits.max_rows``."""
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            opened = bool(reader.decrypt(""))  # PasswordType.NOT_DECRYPTED is 0
        except Exception:  # a missing AES backend, a malformed encryption dictionary
            opened = False
        if not opened:
            raise SkipFile("encrypted PDF")
    lines: list[str] = []
    for page in reader.pages:
        text = page.extract_text() or ""
        lines.extend(line.strip() for line in text.splitlines() if line.strip())
        if len(lines) > limits.max_rows:
            break
    if not lines:
        raise SkipFile("no text layer (scanned image)")
    kept = tuple(lines[: limits.max_rows])
    return Text(kept, "", rows_note(len(kept), limits, len(lines) > limits.max_rows))
