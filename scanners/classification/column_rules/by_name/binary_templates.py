"""Opaque binary under a biometric name is a biometric template (Section 26).

Fingerprint minutiae, face embeddings and iris codes are stored as
``bytea``/``BLOB`` — bytes that are neither text nor a picture. A column
whose name says finger, face, iris, palm, vein, voice or template and whose
values are such bytes is BIOMETRIC. Photos (JPEG, PNG, GIF, WebP, TIFF,
BMP, HEIC), documents (PDF, Office/ZIP) and text stored as bytes are not:
a photo is ordinary personal data, a document template is not personal.
"""

from __future__ import annotations

from scanners.classification.column_lexicon import name_tokens
from scanners.classification.column_rules.view import ColumnView, Verdict
from scanners.model.result import PiiMatch
from scanners.pii_types import PiiType

BIOMETRIC_TOKENS = frozenset(
    """finger fingerprint fingerprints fp face facial iris retina palm vein voice voiceprint
    template templates tmpl minutiae biometric biometrics embedding encoding enroll
    enrollment enrolment""".split()
)
#: Thai words are matched inside the name (Thai is written without spaces).
THAI_BIOMETRIC_WORDS = ("ลายนิ้วมือ", "ใบหน้า", "ม่านตา", "นิ้วมือ", "เสียง")
#: Leading bytes of pictures and documents (not templates).
MEDIA_MAGIC = (
    b"\xff\xd8\xff",  # JPEG
    b"\x89PNG",
    b"GIF8",
    b"RIFF",  # WebP, WAV
    b"II*\x00",  # TIFF
    b"MM\x00*",
    b"BM",  # BMP
    b"%PDF",
    b"PK\x03\x04",  # ZIP, DOCX, XLSX
    b"\xd0\xcf\x11\xe0",  # legacy Office
)
MIN_OPAQUE_SHARE = 0.5


def _opaque(data: bytes) -> bool:
    if not data or data.startswith(MEDIA_MAGIC) or data[4:12] in (b"ftypheic", b"ftypmif1"):
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False  # text stored as bytes


def check(view: ColumnView) -> list[Verdict]:
    """Add BIOMETRIC for opaque binary values under a biometric name."""
    if not view.binary:
        return []
    lowered = view.name.lower()
    named = (
        PiiType.BIOMETRIC in view.priors
        or any(t in BIOMETRIC_TOKENS for t in name_tokens(view.name))
        or any(word in lowered for word in THAI_BIOMETRIC_WORDS)
    )
    if not named:
        return []
    opaque = sum(1 for data in view.binary if _opaque(data))
    share = opaque / len(view.binary)
    if share < MIN_OPAQUE_SHARE:
        return []
    return [
        Verdict(
            PiiType.BIOMETRIC,
            f"BIOMETRIC: column name '{view.name}' and {share:.0%} of {len(view.binary)} "
            "values are opaque binary (not pictures, documents or text)",
            PiiMatch(PiiType.BIOMETRIC.value, round(0.6 + 0.3 * share, 3), round(share, 3)),
        )
    ]
