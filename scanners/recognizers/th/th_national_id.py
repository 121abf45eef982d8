"""TH_NATIONAL_ID: the 13-digit Thai population identification number.

Matches plain 13-digit runs and the printed 1-4-5-2-1 grouping with dashes
or spaces (Thai digits are normalised by the engine). The mod-11 check
digit must hold, the first digit must be 1-8 (a leading 0 is a juristic
(company) ID and 9 is not issued), and digits 2-3 must be an assigned
province code (10-27, 30-58, 60-67, 70-77, 80-86, 90-96; see
:mod:`scanners.validators.th_national_id`): a number from no registrar
office is never a match, not even beside ID words.

Scores: grouped and valid 0.85; plain and valid 0.75. A plain number that is
also a valid EAN-13 barcode is only a shape (0.3; 0.05 under GS1 Thailand's
885 prefix) until ID context words are near or in the column name.

Non-compliant (matched): ``เลขบัตรประชาชน 1-1037-00001-23-9``.
Compliant (not matched): ``0105536112014`` (juristic ID), ``8858353374062``
(a Thai barcode), ``11037000012390`` (part of a longer number),
``a3900655730733d5a261078d202f00a8`` (digits inside a UUID or hash),
``1590100001231`` (checksum holds, but no province has code 59).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scanners.recognizers.base import ScannerRecognizer, Span
from scanners.validators import ean13, th_national_id

#: Not glued to a Latin letter: a digit run inside a hex token (a UUID, a hash) is no ID.
_PLAIN = re.compile(r"(?<![\dA-Za-z.,])\d{13}(?![\dA-Za-z]|[.,]\d)")
_GROUPED = re.compile(
    r"(?<![\d\-])\d(?P<sep>[- ])\d{4}(?P=sep)\d{5}(?P=sep)\d{2}(?P=sep)\d(?![\d]|-\d)"
)

SCORE_GROUPED = 0.85
SCORE_PLAIN = 0.75
SCORE_BARCODE_SHAPE = 0.3
SCORE_THAI_BARCODE_SHAPE = 0.05


def _is_dummy(digits: str) -> bool:
    """Repeated-digit test values such as 1111111111119."""
    distinct = set(digits)
    return len(distinct) <= 3 and max(digits.count(d) for d in distinct) >= 11


class ThaiNationalIdRecognizer(ScannerRecognizer):
    """Checksum-valid Thai personal IDs, plain or grouped."""

    ENTITY = "TH_NATIONAL_ID"
    REQUIRES = "digit"
    CONTEXT = (
        "ประชาชน",
        "ปชช",
        "บัตรประจำตัว",
        "เลขบัตร",
        "เลขประจำตัว",
        "รหัสบัตร",
        "citizen",
        "national id",
        "nationalid",
        "id card",
        "idcard",
        "id no",
        "id number",
        "thai id",
        "tnin",
        "personal id",
        "identification",
    )

    def find(self, text: str) -> Iterator[Span]:
        for match in _GROUPED.finditer(text):
            digits = th_national_id.compact(match.group())
            if th_national_id.is_valid(digits) and not _is_dummy(digits):
                yield Span(match.start(), match.end(), SCORE_GROUPED)
        for match in _PLAIN.finditer(text):
            digits = match.group()
            if not th_national_id.is_valid(digits) or _is_dummy(digits):
                continue
            if ean13.is_thai_barcode(digits):
                score = SCORE_THAI_BARCODE_SHAPE
            elif ean13.is_valid(digits):
                score = SCORE_BARCODE_SHAPE
            else:
                score = SCORE_PLAIN
            yield Span(match.start(), match.end(), score)
