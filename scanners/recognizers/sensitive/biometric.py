"""BIOMETRIC (Section 26 ¶2 biometric data: ข้อมูลชีวภาพ).

* Mentions of processed biometrics in text score 0.7: ``ลายนิ้วมือ``,
  ``ลายพิมพ์นิ้วมือ``, ``ข้อมูลจำลองใบหน้า``, ``สแกนม่านตา``, ``fingerprint
  template``, ``face embedding``, ``facial recognition``, ``voiceprint``.
* Device and software senses are excluded: ``เครื่องสแกนลายนิ้วมือ``,
  ``fingerprint scanner``, ``browser fingerprint``, ``SSH key fingerprint``.
* A value that looks like a template — base64 or hex of 128+ characters, or a
  vector of 32+ decimals — is a 0.2 shape that only biometric column words
  promote (``fingerprint_template``, ``face_embedding``, ``ลายนิ้วมือ``).
  Base64 JPEG/PNG data (an ordinary ``photo``) is not a template: a photo
  column is personal data but not biometric until it is used for matching.

Non-compliant (matched): ``เก็บข้อมูลลายนิ้วมือพนักงาน``, a blob in ``face_embedding``.
Compliant (not evidence): ``เครื่องสแกนลายนิ้วมือ ZKTeco``, a JPEG blob in ``photo``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scanners.recognizers.base import Span
from scanners.recognizers.sensitive.common import SensitiveRecognizer, context_words

_BASE64 = re.compile(r"(?=[A-Za-z0-9+/]*\d)[A-Za-z0-9+/]{128,}={0,2}")
_HEX = re.compile(r"(?:0x|\\x)?[0-9a-fA-F]{128,}")
_VECTOR = re.compile(r"\[?\s*-?\d*\.\d+(?:e-?\d+)?(?:\s*[,;\s]\s*-?\d*\.\d+(?:e-?\d+)?){31,}\s*\]?")
_IMAGE_PREFIXES = ("/9j/", "iVBORw0KGgo", "R0lGOD", "UklGR", "Qk")
MIN_BLOB = 128
SCORE_BLOB = 0.2


def is_template_blob(value: str) -> bool:
    """True for a long base64/hex string or decimal vector that is not an image."""
    if value.startswith(_IMAGE_PREFIXES):
        return False
    return any(p.fullmatch(value) for p in (_HEX, _BASE64, _VECTOR))


class BiometricRecognizer(SensitiveRecognizer):
    """Biometric data: fingerprint, face, iris and voice templates and mentions."""

    ENTITY = "BIOMETRIC"
    REQUIRES = "any"  # a template may be a vector of decimals, without a letter
    CONTEXT = context_words("BIOMETRIC")

    def find_more(self, text: str) -> Iterator[Span]:
        if len(text) < MIN_BLOB:
            return
        stripped = text.strip()
        if (" " not in stripped or stripped.startswith("[")) and is_template_blob(stripped):
            start = text.index(stripped[0])
            yield Span(start, start + len(stripped), SCORE_BLOB)

    def kind_of(self, matched: str) -> str:
        return "blob" if len(matched) >= MIN_BLOB and is_template_blob(matched) else ""
