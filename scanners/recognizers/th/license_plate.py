"""TH_LICENSE_PLATE: Thai vehicle registration plates (DOMAIN §1.9).

A plate is a series and a number (1-9999, no leading zero), usually followed
by the province: ``กข 1234``, ``1กข 1234``, ``2ขก-5959 กรุงเทพมหานคร``,
``กขค 123`` (three-consonant series), ``70-1234`` (numeric series). The
province names are PyThaiNLP's bundled list (offline) plus ``กรุงเทพฯ`` and
``เบตง`` (the one district printed instead of a province).

Scores: with a province name after the number 0.8; without one, a consonant
series is a shape (0.3) and a numeric series a weaker shape (0.1); plate
words (ทะเบียนรถ, เลขทะเบียน, license plate, plate no, registration …) near
the value or in the column name make them evidence. ``ทะเบียนบ้าน``,
``ลงทะเบียน`` and other non-vehicle registers do not count.

Thai words that are consonants only and take a number (``คน 5``, ``รถ 2``,
``ซอย 12``, ``ถนน 3``, ``ยอด 500``, ``กม 12``) are a shape (0.1) that context
cannot promote; only a following province makes them a plate. Abbreviations
with dots (``ม. 4``, ``ซ. 12``, ``ต.ค. 2567``, ``พ.ศ. 2567``, ``ร.ศ. 130``,
``กม. 12``, ``ชม. 2``, ``บ. 500``) are never matched.

Non-compliant (matched): ``1กข 1234 กรุงเทพมหานคร``, ``ทะเบียนรถ กข 1234``.
Compliant (not matched): ``ม. 4``, ``พ.ศ. 2567``; shape only: ``กข 1234``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pythainlp.corpus import provinces

from scanners.recognizers.base import ScannerRecognizer, Span

_CONSONANT = "\u0e01-\u0e2e"
_THAI_CHAR = "\u0e01-\u0e4f"
PROVINCES: frozenset[str] = frozenset({*provinces(), "กรุงเทพฯ", "เบตง"})
_PROVINCE = "|".join(sorted(PROVINCES, key=len, reverse=True))

#: Consonant-only words that are followed by numbers in ordinary text.
COMMON_WORDS: frozenset[str] = frozenset(
    {
        "คน", "รถ", "ซอย", "ถนน", "ยอด", "รวม", "ลด", "รอบ", "งวด", "ตอน", "บท", "ผล",
        "กม", "ชม", "ซม", "มม", "กก", "มก", "มล", "ตร", "ลบ", "บวก", "ขวด", "กอง", "ชน",
        "กทม", "รพ", "รร", "อบต", "อบจ", "สน", "ผอ", "จนท", "อสม", "ปวช", "ปวส", "มค",
        "กพ", "มีค", "พค", "กค", "สค", "กย", "ตค", "พย", "ธค", "ปท", "ทบ", "ทร", "ทอ",
        "ตชด", "สภ", "สอ", "คร", "นศ", "ขส", "สพ", "ปณ", "ตจว", "ถม", "ลบม", "ตรม",
    }
)  # fmt: skip

_BEFORE = rf"(?:(?<![{_THAI_CHAR}0-9.\-/])|(?<=ทะเบียน)|(?<=ทะเบียนรถ))"
_AFTER_NUMBER = rf"(?![0-9]|[.,/:\-]\d)(?:[ \-]?(?P<province>{_PROVINCE})(?![{_THAI_CHAR}]))?"
_PLATE = re.compile(
    _BEFORE
    + rf"(?:(?P<digit>[1-9])?(?P<series>[{_CONSONANT}]{{2}})|(?P<series3>[{_CONSONANT}]{{3}}))"
    r"(?![.\u0e30-\u0e4e])[ \-]?(?P<number>[1-9]\d{0,3})" + _AFTER_NUMBER
)
_NUMERIC = re.compile(r"(?<![0-9.\-/:,])(?P<series>[1-9]\d)-(?P<number>\d{4})" + _AFTER_NUMBER)

SCORE_WITH_PROVINCE = 0.8
SCORE_SERIES = 0.3
SCORE_WEAK = 0.1


class ThaiLicensePlateRecognizer(ScannerRecognizer):
    """Thai plates: evidence with a province name, shapes that plate words promote."""

    ENTITY = "TH_LICENSE_PLATE"
    REQUIRES = "digit"
    CONTEXT = (
        "ทะเบียน",
        "ป้ายทะเบียน",
        "เลขทะเบียน",
        "license plate",
        "licence plate",
        "plate",
        "car no",
        "car plate",
        "carplate",
        "vehicle no",
        "vehicle reg",
        "registration no",
        "registration number",
        "reg no",
        "plate no",
    )
    NEGATIVE_CONTEXT = (
        "ทะเบียนบ้าน",
        "ทะเบียนราษฎร",
        "ทะเบียนสมรส",
        "ทะเบียนนิติ",
        "ทะเบียนพาณิชย์",
        "ทะเบียนการค้า",
        "ทะเบียนผู้ป่วย",
        "ทะเบียนนักศึกษา",
        "ทะเบียนนักเรียน",
        "ลงทะเบียน",
        "นายทะเบียน",
        "ทะเบียนยา",
    )

    def find(self, text: str) -> Iterator[Span]:
        if re.search(rf"[{_CONSONANT}]", text):
            for match in _PLATE.finditer(text):
                series = match["series"] or match["series3"]
                if len(match["number"]) > 3 and match["series3"]:
                    continue
                if match["province"]:
                    yield Span(match.start(), match.end(), SCORE_WITH_PROVINCE)
                elif series in COMMON_WORDS and not match["digit"]:
                    yield Span(match.start(), match.end(), SCORE_WEAK, boostable=False)
                else:
                    yield Span(match.start(), match.end(), SCORE_SERIES)
        if "-" in text:
            for match in _NUMERIC.finditer(text):
                score = SCORE_WITH_PROVINCE if match["province"] else SCORE_WEAK
                yield Span(match.start(), match.end(), score)
