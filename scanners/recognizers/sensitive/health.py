"""HEALTH (Section 26 health data): diseases, allergies, blood groups, ICD-10, vital signs.

* A value that is a disease, allergen or abbreviation (``เบาหวาน``,
  ``Diabetes``, ``DM, HT``, ``Penicillin``) scores 0.3 — a shape that a
  health column (``โรคประจำตัว``, ``congenital_disease``, ``drugallergy``) or a
  cue word (``ผู้ป่วย``, ``ป่วยเป็น``, ``diagnosed``) makes evidence.
* A blood group value (``O``, ``AB+``, ``B Rh-``, ``กรุ๊ป A``) is a 0.3 shape that only
  blood words promote (``blood_group``, ``หมู่เลือด``, ``bloodgrp``); labelled
  in text (``กรุ๊ปเลือด O``, ``blood type AB+``) it scores 0.85.
* An ICD-10 code (``E11.9``, ``J459``, ``I10``) is a shape (0.3 as a value,
  0.2 in text) that only diagnosis words promote (``icd10``, ``pdx``, ``dx``,
  ``วินิจฉัย``, ``รหัสโรค``).
* Phrases (``แพ้ยา``, ``โรคประจำตัว``, ``ป่วยเป็น``, ``allergic to``,
  ``diagnosed with``) and blood-pressure readings (``BP 120/80``) score 0.7.

Non-compliant (matched): ``ผู้ป่วยโรคเบาหวาน``, ``แพ้ยาเพนิซิลลิน``, value ``J45.9`` in ``pdx``.
Compliant (not evidence): ``Blood Orange`` juice, ``Type A`` charger, ``A`` in ``grade``,
``มูลนิธิโรคมะเร็ง``, ``hearing aids``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scanners.recognizers.base import Span
from scanners.recognizers.sensitive.common import (
    EVIDENCE,
    SHAPE,
    STRONG,
    SensitiveRecognizer,
    context_words,
)

_RH = r"(?:\s*(?:rh|RH|Rh)?\s*(?:[+\-−]|pos(?:itive)?|neg(?:ative)?|บวก|ลบ))?"
_BLOOD_VALUE = re.compile(rf"\s*(?:(?:กรุ๊ป|หมู่|(?i:group|type|gr\.?))\s*)?(?:AB|A|B|O){_RH}\s*")
_BLOOD_LABELLED = re.compile(
    r"(?:กรุ๊ปเลือด|หมู่เลือด|เลือดกรุ๊ป|เลือดหมู่|(?i:blood[\s_\-]*(?:type|group|grp)|abo))"
    rf"\s*(?:[:：=\-]|คือ|เป็น)?\s*(?:AB|A|B|O){_RH}(?![A-Za-z0-9])"
)
_ICD = re.compile(
    r"(?<![A-Za-z0-9\-])(?:[A-TV-Z][0-9][0-9AB](?:\.?[0-9A-TV-Z]{1,4})?|U07\.?[12])(?![A-Za-z0-9])"
)
_ICD_PREFILTER = re.compile(r"[A-Z][0-9]")
_BP = re.compile(
    r"(?:ความดัน(?:โลหิต)?|(?i:\bbp\b|blood pressure))\s*(?:[:：=]|คือ)?\s*"
    r"\d{2,3}\s*/\s*\d{2,3}(?![0-9/])"
)

SCORE_ICD_IN_TEXT = 0.2


class HealthRecognizer(SensitiveRecognizer):
    """Health data: diseases, allergies, blood groups, ICD-10 codes, readings."""

    ENTITY = "HEALTH"
    CONTEXT = context_words("HEALTH")

    def find_more(self, text: str) -> Iterator[Span]:
        if len(text) <= 16 and _BLOOD_VALUE.fullmatch(text):
            stripped = text.strip()
            start = text.index(stripped[0])
            yield Span(start, start + len(stripped), SHAPE)
            return
        low = text.lower()
        if "เลือด" in text or "blood" in low or "abo" in low:
            for match in _BLOOD_LABELLED.finditer(text):
                yield Span(match.start(), match.end(), STRONG)
        if "/" in text:
            for match in _BP.finditer(text):
                yield Span(match.start(), match.end(), EVIDENCE)
        if _ICD_PREFILTER.search(text):
            whole = len(text.strip()) <= 10
            for match in _ICD.finditer(text):
                yield Span(match.start(), match.end(), SHAPE if whole else SCORE_ICD_IN_TEXT)

    def kind_of(self, matched: str) -> str:
        if _BLOOD_VALUE.fullmatch(matched):
            return "blood"
        if _ICD.fullmatch(matched):
            return "icd"
        return ""
