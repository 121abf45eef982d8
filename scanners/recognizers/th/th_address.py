"""ADDRESS: Thai postal addresses by their markers, and Latin street shapes.

Thai markers (DOMAIN §1.18): house number (บ้านเลขที่/เลขที่ 99/12, or a
bare ``99/12``), village (หมู่/หมู่ที่/ม.), หมู่บ้าน, lane (ซอย/ซ.), road
(ถนน/ถ.), sub-district (ตำบล/แขวง/ต.), district (อำเภอ/เขต/อ.), province
(จังหวัด/จ.), กรุงเทพฯ/กทม., a bare province name, and a Thai postcode.
Markers closer than a few characters apart form one address; two or more
distinct kinds are evidence (0.6, 0.75 with three, 0.85 with four or more)
over the whole span. One marker alone is a shape (0.2). House numbers,
postcodes and bare province names (``เลย`` is also a common word) are weak:
they never make an address on their own or with each other.

Province and postcode must agree (DOMAIN §1.8, ``scanners/data/
th_postcode_prefixes.json``): when an address names a province and holds a
postcode, a postcode prefix of that province raises the score one step
(0.2 → 0.6 → 0.75 → 0.85 → 0.9; a bare ``เชียงใหม่ 50200`` becomes a 0.2
shape), another province's prefix lowers it one step.

Latin streets (shape 0.3): ``1600 Amphitheatre Parkway``, ``700 W Pender
Street``, ``Theodor-Heuss-Straße 34``, ``Rua Dr. Falcão Filho, 155``,
``Av. Brigadeiro Faria Lima, 2170``. Nothing inside a URL or an e-mail, Thai
or Latin, so an address column of URLs, e-mails, IPs or MACs stays clean.

Non-compliant (matched): ``99/12 หมู่ 3 ต.บางคูครัด อ.บางบัวทอง จ.นนทบุรี 11110``.
Compliant (not matched as evidence): ``ถนนสายนี้รถติด``, ``https://x.com/Main Street``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from pythainlp.corpus import provinces

from scanners.recognizers.base import ScannerRecognizer, Span

PREFIX_FILE = Path(__file__).resolve().parents[2] / "data" / "th_postcode_prefixes.json"
#: Province (Thai name, as PyThaiNLP spells it) -> its two-digit postcode prefixes.
POSTCODE_PREFIXES: dict[str, frozenset[str]] = {
    name: frozenset(prefixes)
    for name, prefixes in json.loads(PREFIX_FILE.read_text(encoding="utf-8"))["prefixes"].items()
}
_BANGKOK = "กรุงเทพมหานคร"


def _thai_provinces() -> frozenset[str]:
    """PyThaiNLP's province names (its declared return type also covers the ``details`` list)."""
    names = provinces()
    if not isinstance(names, frozenset):
        raise TypeError("pythainlp.corpus.provinces() did not return a set of names")
    return names


#: The Thai names of the provinces, as PyThaiNLP spells them.
PROVINCE_NAMES: frozenset[str] = _thai_provinces()
_PROVINCE_NAMES = sorted(PROVINCE_NAMES, key=len, reverse=True)

_T = "\u0e01-\u0e2e\u0e30-\u0e4e"


def _alternation_by_first_char(words: list[str]) -> str:
    """``ก(?:ระบี่|รุงเทพมหานคร)|ข(?:อนแก่น)…``: far cheaper for ``re`` than a flat list."""
    tails: dict[str, list[str]] = {}
    for word in words:
        tails.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(
        f"{re.escape(first)}(?:{'|'.join(sorted(rest, key=len, reverse=True))})"
        for first, rest in tails.items()
    )


_PLACE = rf"[{_T}]{{2,}}(?:ฯ)?"
_PLACE_NUM = rf"[{_T}]{{2,}}(?: ?\d{{1,3}}(?:/\d{{1,3}})?)?|\d{{1,3}}(?:/\d{{1,3}})?"
_MARKERS: dict[str, str] = {
    "house": r"(?:บ้านเลขที่|เลขที่) ?\d{1,5}(?:/\d{1,4})?|(?<![\d/])\d{1,4}/\d{1,4}(?![\d/])"
    r"|(?<![\d/.,])\d{1,5}(?= (?:ถนน|ถ\.|ซอย|ซ\.|หมู่|ม\.))",
    # not the ม. of กม./ชม./ซม./มม. (km, hours, cm, mm)
    "moo": r"(?:หมู่ที่|หมู่|(?<![กชซม])ม\.) ?\d{1,2}(?!\d)",
    "village": rf"หมู่บ้าน ?{_PLACE}",
    "soi": rf"(?:ซอย|ซ\.) ?(?:{_PLACE_NUM})",
    "road": rf"(?:ถนน|ถ\.) ?(?:{_PLACE_NUM})",
    "subdistrict": rf"(?:ตำบล|แขวง|ต\.) ?{_PLACE}",
    "district": rf"(?:อำเภอ|เขต|อ\.) ?{_PLACE}",
    "province": rf"(?:จังหวัด|จ\.) ?{_PLACE}",
    "bangkok": r"กรุงเทพมหานคร|กรุงเทพฯ|กรุงเทพ|กทม\.?",
    "province_name": rf"(?<![{_T}])(?:{_alternation_by_first_char(_PROVINCE_NAMES)})(?![{_T}])",
    "postcode": r"(?<!\d)(?:1[0-8]|2[0-7]|3\d|4\d|5[0-8]|6[0-7]|7[0-7]|8[0-6]|9[0-6])\d{3}(?!\d)",
}
_MARKER = re.compile("|".join(f"(?P<{kind}>{regex})" for kind, regex in _MARKERS.items()))
_GAP = re.compile(r"[ ,]{0,3}")

_STREET_WORDS = (
    r"Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Parkway|Pkwy\.?|Lane|Ln\.?"
    r"|Drive|Dr\.?|Way|Court|Ct\.?|Place|Pl\.?|Square|Sq\.?|Highway|Hwy\.?|Terrace|Crescent"
    r"|Close|Trail|Alley"
)
_CAP = r"[A-ZÀ-Þ][\wÀ-ÿ'’.\-]*"
_LATIN_STREETS = (
    # 1600 Amphitheatre Parkway, 700 W Pender Street
    re.compile(
        rf"(?<![\w/.])\d{{1,5}}[A-Za-z]? (?:[NSEW]\.? )?(?:{_CAP} ){{1,4}}(?:{_STREET_WORDS})\b"
    ),
    # Theodor-Heuss-Straße 34, Kalverstraat 92, Drottninggatan 5
    re.compile(
        r"(?<![\w/.])[A-ZÄÖÜÅØÆ][\wäöüßåøæ.\-]*(?:straße|strasse|str\.|weg|gasse|platz|allee"
        r"|damm|straat|laan|gracht|plein|gatan|vägen|gade|vej|veien|gata)"
        r" \d{1,5}[a-z]?\b",
        re.IGNORECASE,
    ),
    # Rua Dr. Falcão Filho, 155 / Av. Brigadeiro Faria Lima, 2170 / Calle Mayor 5
    re.compile(
        rf"(?<![\w/.])(?:Rua|R\.|Avenida|Av\.|Calle|C/|Carrer|Via|Viale|Rue|Travessa|Praça"
        rf"|Alameda|Estrada|Rodovia|Plaza|Paseo|Carrera|ul\.|Ulica)"
        rf" (?:{_CAP} ?|(?:de|da|do|dos|das|del|la|di) ){{1,6}},? (?:n[º°o]\.? ?)?\d{{1,5}}\b"
    ),
)

SCORE_TWO_MARKERS = 0.6
SCORE_THREE_MARKERS = 0.75
SCORE_MANY_MARKERS = 0.85
SCORE_ONE_MARKER = 0.2
SCORE_LATIN_STREET = 0.3
#: One step up from four or more markers, for a province and postcode that agree.
SCORE_MANY_CONSISTENT = 0.9
_STEPS = (
    SCORE_ONE_MARKER,
    SCORE_TWO_MARKERS,
    SCORE_THREE_MARKERS,
    SCORE_MANY_MARKERS,
    SCORE_MANY_CONSISTENT,
)
_WEAK = frozenset({"postcode", "house", "province_name"})


def _province_of(kind: str, marker: str) -> str | None:
    """The province a marker names (``จ.นนทบุรี``, ``กทม.``, ``เชียงใหม่``), if any."""
    if kind == "bangkok":
        return _BANGKOK
    if kind == "province_name":
        return marker
    if kind == "province":
        place = re.sub(r"^(?:จังหวัด|จ\.) ?", "", marker)
        return next((name for name in _PROVINCE_NAMES if place.startswith(name)), None)
    return None


def postcode_agrees(provinces_named: set[str], postcodes: set[str]) -> bool | None:
    """True when every postcode's prefix belongs to a named province; None if either is absent."""
    if not provinces_named or not postcodes:
        return None
    allowed = set().union(*(POSTCODE_PREFIXES.get(name, frozenset()) for name in provinces_named))
    return all(code[:2] in allowed for code in postcodes)


def _marker_score(kinds: set[str]) -> float | None:
    """The score of one group of markers; None when only weak markers are present."""
    if not kinds - _WEAK:
        return None  # numbers and province names alone are not an address
    return _STEPS[min(len(kinds), 4) - 1]


def _step(score: float | None, agrees: bool | None) -> float | None:
    """Move a score one step up (agreeing) or down (disagreeing) the address ladder."""
    if agrees is None:
        return score
    if score is None:
        return SCORE_ONE_MARKER if agrees else None
    index = _STEPS.index(score) + (1 if agrees else -1)
    return _STEPS[min(max(index, 0), len(_STEPS) - 1)]


def _in_url_or_email(text: str, start: int, end: int) -> bool:
    left = text.rfind(" ", 0, start) + 1
    right = text.find(" ", end)
    token = text[left : right if right >= 0 else len(text)]
    return "://" in token or "@" in token or token.lower().startswith("www.")


class ThaiAddressRecognizer(ScannerRecognizer):
    """Thai addresses (two or more markers) and Latin street shapes."""

    ENTITY = "ADDRESS"
    CONTEXT = ("ที่อยู่", "ภูมิลำเนา", "address", "addr", "street", "residence", "home")

    def find(self, text: str) -> Iterator[Span]:
        if re.search(r"[\u0e01-\u0e4e]", text):
            yield from self._thai(text)
        for pattern in _LATIN_STREETS:
            for match in pattern.finditer(text):
                if not _in_url_or_email(text, match.start(), match.end()):
                    yield Span(match.start(), match.end(), SCORE_LATIN_STREET)

    @staticmethod
    def _thai(text: str) -> Iterator[Span]:
        groups: list[tuple[int, int, set[str], set[str], set[str]]] = []
        for match in _MARKER.finditer(text):
            kind = match.lastgroup or ""
            province = _province_of(kind, match.group())
            named = {province} if province else set()
            codes = {match.group()} if kind == "postcode" else set()
            if groups and _GAP.fullmatch(text[groups[-1][1] : match.start()]):
                start, _, kinds, names, postcodes = groups[-1]
                groups[-1] = (start, match.end(), kinds | {kind}, names | named, postcodes | codes)
            else:
                groups.append((match.start(), match.end(), {kind}, named, codes))
        for start, end, kinds, names, postcodes in groups:
            score = _step(_marker_score(kinds), postcode_agrees(names, postcodes))
            if score is not None and not _in_url_or_email(text, start, end):
                yield Span(start, end, score)
