"""PERSON (Thai script): a name-title prefix with a name, or known given names.

* A title (DOMAIN §1.17: นาย, นาง, นางสาว, น.ส., ด.ช., ด.ญ., military,
  police, royal, academic, medical and clergy titles, คุณ, ดร. …) followed,
  with or without a space, by a Thai name and optionally a space and a
  surname: 0.85 over title + name + surname (0.75 when the title is glued
  to a preceding Thai word, as in ``ติดต่อคุณสมชาย``).
* A known given name followed by a space and a known family name
  (PyThaiNLP's bundled name lists): 0.6; followed by another surname-like
  Thai word: 0.55.
* A lone known given name that is not also an ordinary word: 0.3 (shape).

Ordinary words that begin or end with a title are not names: ``นายจ้าง``
(employer), ``นางฟ้า``, ``คุณภาพ`` (quality), ``คุณสมบัติ``, ``ขอบคุณ``,
``เจ้านาย``; the PyThaiNLP dictionary decides. Names right after an
organisation or place word (บริษัท, ห้างหุ้นส่วน, ร้าน, ถนน, ซอย …) are skipped.

Non-compliant (matched): ``นายสมชาย ใจดี``, ``น.ส. สมหญิง รักดี``.
Compliant (not matched): ``นายจ้างต้องจ่าย``, ``คุณภาพดี``, ``ชาย``, ``น้ำดื่ม``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from pythainlp.corpus import (
    provinces,
    thai_family_names,
    thai_female_names,
    thai_male_names,
    thai_stopwords,
    thai_words,
)
from pythainlp.tokenize import word_tokenize

from scanners.recognizers.base import ScannerRecognizer, Span


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


TITLES: tuple[str, ...] = _words(
    """
    นาย นาง นางสาว น.ส. เด็กชาย เด็กหญิง ด.ช. ด.ญ. คุณ คุณหญิง ท่านผู้หญิง
    หม่อมเจ้า ม.จ. หม่อมราชวงศ์ ม.ร.ว. หม่อมหลวง ม.ล. หม่อม
    ศาสตราจารย์ รองศาสตราจารย์ ผู้ช่วยศาสตราจารย์ ศ. รศ. ผศ. ดร. อาจารย์
    ศ.ดร. รศ.ดร. ผศ.ดร. อ.ดร. ศ.นพ. รศ.นพ. ผศ.นพ. ศ.พญ. รศ.พญ. ผศ.พญ.
    นายแพทย์ นพ. แพทย์หญิง พญ. ทันตแพทย์ ทันตแพทย์หญิง ทพ. ทพญ. เภสัชกร ภก. ภญ. ภกญ.
    สัตวแพทย์ สพ. สพญ.
    พลเอก พล.อ. พลโท พล.ท. พลตรี พล.ต. พันเอก พ.อ. พันโท พ.ท. พันตรี พ.ต.
    ร้อยเอก ร.อ. ร้อยโท ร.ท. ร้อยตรี ร.ต. ว่าที่ร้อยตรี ว่าที่ร.ต.
    จ่าสิบเอก จ.ส.อ. จ่าสิบโท จ.ส.ท. จ่าสิบตรี จ.ส.ต. สิบเอก ส.อ. สิบโท ส.ท. สิบตรี ส.ต.
    พลทหาร พลฯ พลเรือเอก พล.ร.อ. พลเรือโท พล.ร.ท. พลเรือตรี พล.ร.ต.
    นาวาเอก น.อ. นาวาโท น.ท. นาวาตรี น.ต. เรือเอก เรือโท เรือตรี
    พันจ่าเอก พ.จ.อ. พันจ่าโท พ.จ.ท. พันจ่าตรี พ.จ.ต. จ่าเอก จ.อ. จ่าโท จ.ท. จ่าตรี จ.ต.
    พลอากาศเอก พล.อ.อ. พลอากาศโท พล.อ.ท. พลอากาศตรี พล.อ.ต.
    นาวาอากาศเอก นาวาอากาศโท นาวาอากาศตรี เรืออากาศเอก เรืออากาศโท เรืออากาศตรี
    พันจ่าอากาศเอก พ.อ.อ. พันจ่าอากาศโท พ.อ.ท. พันจ่าอากาศตรี พ.อ.ต.
    จ่าอากาศเอก จ่าอากาศโท จ่าอากาศตรี
    พลตำรวจเอก พล.ต.อ. พลตำรวจโท พล.ต.ท. พลตำรวจตรี พล.ต.ต.
    พันตำรวจเอก พ.ต.อ. พันตำรวจโท พ.ต.ท. พันตำรวจตรี พ.ต.ต.
    ร้อยตำรวจเอก ร.ต.อ. ร้อยตำรวจโท ร.ต.ท. ร้อยตำรวจตรี ร.ต.ต.
    นายดาบตำรวจ ดาบตำรวจ ด.ต. จ่าสิบตำรวจ สิบตำรวจเอก ส.ต.อ. สิบตำรวจโท ส.ต.ท.
    สิบตำรวจตรี ส.ต.ต. พลตำรวจ
    พระ พระครู พระมหา พระอธิการ เจ้าอธิการ พระปลัด พระสมุห์ พระใบฎีกา พระครูปลัด
    พระครูสมุห์ พระครูใบฎีกา พระครูธรรมธร พระครูวินัยธร สามเณร แม่ชี บาทหลวง หลวงพ่อ
    """
)

_THAI_LETTERS = "\u0e01-\u0e2e\u0e30-\u0e4e"
_NAME = rf"[\u0e01-\u0e2e\u0e40-\u0e44][{_THAI_LETTERS}]{{1,29}}"
_TITLE_ALT = "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
_TITLED = re.compile(
    rf"(?<![.])(?P<title>(?:{_TITLE_ALT})(?: ?หญิง)?) ?(?P<name>{_NAME})"
    rf"(?: {{1,2}}(?P<surname>{_NAME}))?(?![{_THAI_LETTERS}])"
)
_RUN = re.compile(rf"[{_THAI_LETTERS}]+")

#: Words after which a name-like word is an organisation or a place.
ORG_OR_PLACE_WORDS = frozenset(
    _words(
        """บริษัท ห้างหุ้นส่วน ห้างหุ้นส่วนจำกัด หจก บจก บมจ ห้าง ร้าน โรงเรียน โรงพยาบาล
    มหาวิทยาลัย วิทยาลัย วัด มูลนิธิ สมาคม ธนาคาร สหกรณ์ ชมรม โรงแรม ตำบล แขวง อำเภอ
    เขต จังหวัด หมู่บ้าน ถนน ซอย ตรอก อาคาร คอนโด สาขา แบรนด์ ยี่ห้อ"""
    )
)
#: First words that end a name: the next field of a record, not a surname.
NOT_SURNAME_WORDS = frozenset(
    _words(
        """เลข เบอร์ โทร โทรศัพท์ มือถือ อีเมล อีเมล์ อายุ ที่อยู่ บ้าน ตำแหน่ง แผนก รหัส วันที่
    วัน เกิด อาศัย ได้ เป็น มา ไป และ หรือ กับ ซึ่ง ที่ ผู้ จาก ของ ใน ให้ ได้รับ เพศ ชาย หญิง
    สัญชาติ ศาสนา บัตร ประชาชน ไลน์ ติดต่อ สถานะ"""
    )
)
GENDER_AND_COMMON_WORDS = frozenset(("ชาย", "หญิง", "เพศชาย", "เพศหญิง"))

SCORE_TITLED = 0.85
#: The title is glued to a preceding Thai word (ติดต่อคุณสมชาย): slightly less sure.
SCORE_TITLED_GLUED = 0.75
SCORE_KNOWN_PAIR = 0.6
SCORE_NAME_AND_WORD = 0.55
SCORE_LONE_NAME = 0.3


@cache
def _lexicon() -> dict[str, frozenset[str]]:
    """Name lists and dictionary words, loaded once from PyThaiNLP's bundled files."""
    words = frozenset(thai_words())
    titles = {t.rstrip(".") for t in TITLES} | set(TITLES)
    longest = max(map(len, titles))
    forward = frozenset(
        w for w in words if any(w[:k] in titles for k in range(1, min(len(w) - 1, longest) + 1))
    )
    spelled = tuple(t for t in titles if "." not in t)
    backward = frozenset(w for w in words if w.endswith(spelled) and w not in titles)
    given = frozenset(thai_male_names()) | frozenset(thai_female_names())
    return {
        "words": words,
        "forward": forward,
        "backward": backward,
        "given": given - GENDER_AND_COMMON_WORDS - frozenset(provinces()),
        "family": frozenset(thai_family_names()),
        "stop": frozenset(thai_stopwords()) | NOT_SURNAME_WORDS,
    }


@lru_cache(maxsize=8192)
def _first_token(run: str) -> str:
    """The first PyThaiNLP word of a Thai run (cached: surnames repeat across rows)."""
    return word_tokenize(run, engine="newmm", keep_whitespace=False)[0]


def _given_prefix_length(run: str, given: frozenset[str]) -> int:
    for length in range(min(len(run), 20), 1, -1):
        if run[:length] in given:
            return length
    return 0


class ThaiPersonRecognizer(ScannerRecognizer):
    """Thai names: title + name (+ surname), or known given and family names."""

    ENTITY = "PERSON"
    REQUIRES = "thai"
    #: Column cells only; in free text the CRF model (th_person_model) is more precise.
    SCOPE = "values"
    CONTEXT = ("ชื่อ", "สกุล", "ผู้ติดต่อ", "ลูกค้า", "พนักงาน", "full name", "fullname")
    NEGATIVE_CONTEXT = ("ชื่อสินค้า", "ชื่อบริษัท", "ชื่อไฟล์", "ชื่อเพลง", "ชื่อร้าน")

    def find(self, text: str) -> Iterator[Span]:
        if not re.search(r"[\u0e01-\u0e4e]", text):
            return
        lex = _lexicon()
        yield from self._titled(text, lex)
        yield from self._known_names(text, lex)

    def _is_surname(self, run: str, lex: dict[str, frozenset[str]]) -> bool:
        if run in lex["family"]:
            return True
        if run in lex["words"] or run in lex["stop"]:
            return False
        return _first_token(run) not in lex["stop"]

    def _titled(self, text: str, lex: dict[str, frozenset[str]]) -> Iterator[Span]:
        for match in _TITLED.finditer(text):
            start, name = match.start(), match["name"]
            if self._is_compound(text, start, match.end("title"), name, lex):
                continue
            end = match.end("name")
            surname = match["surname"]
            if surname and self._is_surname(surname, lex):
                end = match.end("surname")
            glued = start > 0 and bool(re.match(rf"[{_THAI_LETTERS}]", text[start - 1]))
            yield Span(start, end, SCORE_TITLED_GLUED if glued else SCORE_TITLED)

    @staticmethod
    def _is_compound(
        text: str, start: int, title_end: int, name: str, lex: dict[str, frozenset[str]]
    ) -> bool:
        """True when the title is part of an ordinary word (นายจ้าง, ขอบคุณ)."""
        for back in range(1, 8):
            if start - back >= 0 and text[start - back : title_end] in lex["backward"]:
                return True
        glued = text[start : title_end + len(name)]
        known = _given_prefix_length(name, lex["given"])
        for length in range(len(glued), title_end - start, -1):
            if glued[:length] in lex["forward"]:
                return known <= length - (title_end - start)
        return False

    def _known_names(self, text: str, lex: dict[str, frozenset[str]]) -> Iterator[Span]:
        runs = list(_RUN.finditer(text))
        for index, run in enumerate(runs):
            word = run.group()
            if word not in lex["given"]:
                continue
            previous = runs[index - 1] if index else None
            if previous and previous.group() in ORG_OR_PLACE_WORDS:
                continue
            if previous and text[previous.end() : run.start()] == "." and previous.end() > 0:
                continue  # part of an abbreviation such as น.ส.สมหญิง (the titled rule has it)
            following = runs[index + 1] if index + 1 < len(runs) else None
            gap = text[run.end() : following.start()] if following else ""
            if following and gap in (" ", "  "):
                surname = following.group()
                ordinary = word in lex["words"]
                if surname in lex["family"] and not (ordinary and surname in lex["words"]):
                    yield Span(run.start(), following.end(), SCORE_KNOWN_PAIR)
                    continue
                if not ordinary and self._is_surname(surname, lex):
                    yield Span(run.start(), following.end(), SCORE_NAME_AND_WORD)
                    continue
            if word not in lex["words"] and len(word) >= 3:
                yield Span(run.start(), run.end(), SCORE_LONE_NAME)
