"""RELIGION (Section 26 cult, religious or philosophical beliefs).

* A value that is a religion (``พุทธ``, ``อิสลาม``, ``Christian``,
  ``ไม่นับถือศาสนา``) scores 0.3: a shape that a religion column
  (``religion``, ``ศาสนา``) or a cue (``นับถือ``) makes evidence.
* A religion term in text (``คริสต์``, ``มุสลิม``) is the same shape; a label
  with a separator (``ศาสนา: อิสลาม``, ``ศาสนา พุทธ``, ``Religion: Buddhist``)
  and phrases (``นับถือศาสนาคริสต์``, ``converted to Islam``) score 0.85/0.7.
* A clergy title in front of a name reveals the religion: ``พระครู``,
  ``พระมหา``, ``สามเณร``, ``แม่ชี``, ``บาทหลวง``, ``อิหม่าม``, ``หลวงพ่อ`` +
  name → 0.6; bare ``พระ`` + name → 0.3, or 0.6 with a Pali ordination name
  (``พระสมชาย ฐิตธมฺโม``), promoted by monastery words (``วัด``, ``บวช``).
  ``พระ`` must be its own PyThaiNLP token and not follow a place word, so
  ``พระราชบัญญัติ``, ``พระบรมราชูปถัมภ์``, ``พระนครศรีอยุธยา``, ``ถ.พระราม 4``,
  ``โรงพยาบาลพระมงกุฎเกล้า`` and ``พระพุทธรูป`` are not matched.

Non-compliant (matched): ``นับถือศาสนาอิสลาม``, ``พระครูสมชาย``, value ``พุทธ`` in ``ศาสนา``.
Compliant (not evidence): ``พุทธศักราช 2567``, ``วันคริสต์มาส``, ``ธนาคารอิสลาม``,
``โรงเรียนมุสลิมวิทยา`` (a school name: a shape only).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from pythainlp.corpus import thai_female_names, thai_male_names, thai_stopwords, thai_words

from scanners.recognizers.base import Span
from scanners.recognizers.sensitive.common import (
    SHAPE,
    STRONG,
    SensitiveRecognizer,
    context_words,
    thai_token_after,
)
from scanners.recognizers.sensitive.lexicon import lexicon, normalise_value


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_TITLES = _words(
    "พระครู พระมหา พระอธิการ พระปลัด พระใบฎีกา พระสมุห์ พระอาจารย์ พระภิกษุ ภิกษุณี ภิกษุ "
    "สามเณรี สามเณร แม่ชี บาทหลวง โต๊ะอิหม่าม อิหม่าม หลวงพ่อ หลวงปู่ หลวงตา หลวงพี่ ศาสนาจารย์"
)
_T = r"[\u0e01-\u0e4e]"
_CLERGY = re.compile(rf"(?:{'|'.join(_TITLES)})\s?(?P<name>[ก-ฮเแโใไ]{_T}+)")
_CLERGY_PREFILTER = re.compile("พระ|สามเณร|แม่ชี|หลวง|ภิกษุ|อิหม่าม|ศาสนาจารย์")
_LATIN_PREFILTER = re.compile("Rev|Imam|Rabbi|Venerable")
_CLERGY_LATIN = re.compile(r"(?<![A-Za-z])(?:Rev\.?|Reverend|Imam|Rabbi|Venerable)\s+[A-Z][a-z]+")
_BARE = re.compile(rf"พระ(?P<name>[ก-ฮเแโใไ]{_T}+)(?P<pali>\s+{_T}+)?")
_PALI = re.compile(r"ฺ|(?:โม|โร|โณ|โญ|โก|โต|โภ|วํโส|วังโส|ปญฺโญ|ญาโณ)$")
_LABEL = re.compile(
    r"(?:ศาสนา|(?i:religion|religious\s+belief|faith))\s*(?:[:：=\-]\s*|\s+)(?P<value>[^\s,;|()]+)"
)
#: Words before a title that make it part of a place or an institution's name.
_PLACE_WORDS = _words(
    "วัด โรงพยาบาล รพ. ถนน ถ. ซอย ซ. แขวง เขต อำเภอ อ. ตำบล ต. จังหวัด จ. สะพาน สถานี "
    "ตลาด แยก ค่าย โรงเรียน ร.ร. มหาวิทยาลัย ท่าน้ำ ท่า ศาลเจ้า รูป องค์ เหรียญ"
)
#: Tokens after a bare พระ that are royal words, places, images or amulets, not names.
_NOT_NAMES = frozenset(
    _words(
        "มงกุฎ ปิ่น ปิ่นเกล้า โขนง สมเด็จ แม่ นคร ราม ราช บรม พุทธ ธาตุ เจ้า องค์ ที่นั่ง ตำหนัก "
        "อาทิตย์ จันทร์ เครื่อง เอก นาง รอง ภูมิ ธรรม คุณ ฤกษ์ อินทร์ พรหม ขันธ์ สงฆ์ ประแดง "
        "ประธาน ประจำ ปรางค์ ที่ ทรง ราชา ยู ยอด กริ่ง ผง รอด ศรี สยาม บาท เศียร พักตร์ ไตรปิฎก"
    )
)
_NOT_NAME_PREFIXES = tuple(_NOT_NAMES)
_NOT_AFTER_TITLE = frozenset(_words("เข้า ไป มา ได้ ทั้ง หลาย จำนวน รูป ที่ และ กับ ของ ใน"))

SCORE_CLERGY = 0.6
MAX_NAME = 16


@cache
def _given_names() -> frozenset[str]:
    return frozenset(thai_male_names()) | frozenset(thai_female_names())


@cache
def _dictionary() -> frozenset[str]:
    return frozenset(thai_words()) - _given_names()


class ReligionRecognizer(SensitiveRecognizer):
    """Religion values, labelled religion, religious phrases and clergy titles."""

    ENTITY = "RELIGION"
    CONTEXT = context_words("RELIGION")

    def __init__(self, supported_language: str = "th") -> None:
        super().__init__(supported_language=supported_language)
        lex = lexicon(self.ENTITY)
        self._known = frozenset((*lex.values, *lex.terms))
        self._stop = frozenset(thai_stopwords()) | _NOT_AFTER_TITLE

    def find_more(self, text: str) -> Iterator[Span]:
        low = text.lower()
        labelled = "ศาสนา" in text or "religi" in low or "faith" in low
        for match in _LABEL.finditer(text) if labelled else ():
            if normalise_value(match["value"]).rstrip(":") in self._known:
                yield Span(match.start(), match.end(), STRONG)
        if _CLERGY_PREFILTER.search(text):
            yield from self._clergy(text)
        for match in _CLERGY_LATIN.finditer(text) if _LATIN_PREFILTER.search(text) else ():
            yield Span(match.start(), match.end(), SCORE_CLERGY)

    def _clergy(self, text: str) -> Iterator[Span]:
        titled: list[tuple[int, int]] = []
        for match in _CLERGY.finditer(text):
            if self._after_place(text, match.start()):
                continue
            length = self._name_length(text, match.start("name"), match["name"])
            if length:
                end = match.start("name") + length
                titled.append((match.start(), end))
                yield Span(match.start(), end, SCORE_CLERGY)
        for match in _BARE.finditer(text):
            start, name = match.start(), match["name"]
            if any(s <= start < e for s, e in titled) or self._after_place(text, start):
                continue
            if name.startswith(_NOT_NAME_PREFIXES) or thai_token_after(text, start) != "พระ":
                continue
            length = self._name_length(text, match.start("name"), name)
            if not length:
                continue
            pali = match["pali"]
            if length == len(name) and pali and _PALI.search(pali.strip()):
                yield Span(start, match.end(), SCORE_CLERGY)
            else:
                yield Span(start, match.start("name") + length, SHAPE)

    def _name_length(self, text: str, start: int, run: str) -> int:
        """Length of the personal name opening ``run`` (0 when it opens with an ordinary word)."""
        names = _given_names()
        for length in range(min(len(run), MAX_NAME), 1, -1):
            if run[:length] in names:
                return length
        first = thai_token_after(text, start) or run
        if first in self._stop or first in _dictionary() or first in _NOT_NAMES:
            return 0
        return len(first)

    @staticmethod
    def _after_place(text: str, start: int) -> bool:
        before = text[max(0, start - 14) : start].rstrip()
        return any(before.endswith(word) for word in _PLACE_WORDS)

    def kind_of(self, matched: str) -> str:
        return "clergy" if matched.startswith("พระ") else ""
