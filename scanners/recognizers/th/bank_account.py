"""BANK_ACCOUNT: Thai bank account numbers, which only bank words make evidence.

Thai account numbers carry no public check digit (DOMAIN §1.5), so every
match is a shape. Printed groupings per bank: 3-1-5-1 (KBank, BBL, KTB, SCB,
Krungsri …), 3-6-1 (TTB, KKP), 3-3-3-1 (UOB), 3-1-5-3 (BAAC, GSB, GHB: 12
digits), 4-3-6-1 (TISCO), with dashes or spaces. Plain runs of 10 or 12
digits are accepted too.

Scores: grouped 0.3; plain 0.1; a plain 10-digit run in the Thai mobile
ranges (06x/08x/09x, ``0812345678``) 0.05, left to PHONE_NUMBER unless bank
words are near. Bank words (เลขที่บัญชี, ธนาคาร, ออมทรัพย์, bank account, account
no, KBank, SCB, พร้อมเพย์ …) near the value or in the column name add the
context boost. ``กรุงเทพ`` alone is Bangkok, so only ``ธ.กรุงเทพ`` /
``ธนาคารกรุงเทพ`` name Bangkok Bank. Runs of one repeated digit are dummies.

Non-compliant (matched as evidence): ``เลขที่บัญชี 123-4-56789-0``.
Compliant (shape only): ``123-4-56789-0`` alone; not matched:
``1103700001239`` (13 digits), ``2024-01-15``, ``12,345,678.90``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scanners.recognizers.base import ScannerRecognizer, Span

_GROUPINGS = (
    (3, 1, 5, 1),
    (3, 6, 1),
    (3, 3, 3, 1),
    (3, 1, 5, 3),
    (4, 3, 6, 1),
)


def _grouped(sizes: tuple[int, ...], index: int) -> str:
    """One grouping such as 3-1-5-1, with the same separator between every group."""
    first, *rest = sizes
    sep = f"sep{index}"
    tail = "".join(rf"(?P={sep})\d{{{size}}}" for size in rest[1:])
    return rf"\d{{{first}}}(?P<{sep}>[- ])\d{{{rest[0]}}}{tail}"


_GROUPED = re.compile(
    r"(?<![\d\-/.,])(?:"
    + "|".join(_grouped(sizes, i) for i, sizes in enumerate(_GROUPINGS))
    + r")(?![\d]|[\-/.,:]\d)"
)
#: Thai mobile (and VoIP) numbers dialled nationally: 06x/08x/09x + 7 digits (DOMAIN §1.7).
_MOBILE = re.compile(r"0(?:6[0-68]|[89]\d)\d{7}")
_DIGITS3 = re.compile(r"\d{3}")
_PLAIN = re.compile(r"(?<![\d\-/.,])(?:\d{10}|\d{12})(?![\d]|[\-/.,:]\d)")

SCORE_GROUPED = 0.3
SCORE_PLAIN = 0.1
SCORE_PHONE_SHAPED = 0.05


def _is_dummy(digits: str) -> bool:
    return max(digits.count(d) for d in set(digits)) >= len(digits) - 1


class ThaiBankAccountRecognizer(ScannerRecognizer):
    """Thai account-number shapes that bank words turn into evidence."""

    ENTITY = "BANK_ACCOUNT"
    REQUIRES = "digit"
    CONTEXT = (
        "บัญชี",
        "ธนาคาร",
        "ธ.กรุงเทพ",
        "ออมทรัพย์",
        "กระแสรายวัน",
        "ฝากประจำ",
        "กสิกร",
        "ไทยพาณิชย์",
        "กรุงไทย",
        "กรุงศรี",
        "ทหารไทย",
        "ธนชาต",
        "ทีทีบี",
        "ออมสิน",
        "ธ.ก.ส",
        "ธกส",
        "ธอส",
        "อาคารสงเคราะห์",
        "เกียรตินาคิน",
        "ทิสโก้",
        "ยูโอบี",
        "ซีไอเอ็มบี",
        "พร้อมเพย์",
        "โอนเงิน",
        "bank",
        "account no",
        "account number",
        "acc no",
        "acc num",
        "acct",
        "bban",
        "iban",
        "kbank",
        "kasikorn",
        "scb",
        "ktb",
        "bbl",
        "krungsri",
        "ttb",
        "tmb",
        "gsb",
        "baac",
        "ghb",
        "uob",
        "cimb",
        "kkp",
        "tisco",
        "promptpay",
    )

    def find(self, text: str) -> Iterator[Span]:
        if _DIGITS3.search(text) is None:
            return
        for match in _GROUPED.finditer(text):
            digits = re.sub(r"\D", "", match.group())
            if not _is_dummy(digits):
                yield Span(match.start(), match.end(), SCORE_GROUPED)
        for match in _PLAIN.finditer(text):
            digits = match.group()
            if _is_dummy(digits):
                continue
            score = SCORE_PHONE_SHAPED if _MOBILE.fullmatch(digits) else SCORE_PLAIN
            yield Span(match.start(), match.end(), score)
