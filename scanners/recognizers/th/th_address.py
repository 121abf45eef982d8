"""ADDRESS: Thai postal addresses by their markers, and Latin street shapes.

Thai markers (DOMAIN §1.18): house number (บ้านเลขที่/เลขที่ 99/12, or a
bare ``99/12``), village (หมู่/หมู่ที่/ม.), หมู่บ้าน, lane (ซอย/ซ.), road
(ถนน/ถ.), sub-district (ตำบล/แขวง/ต.), district (อำเภอ/เขต/อ.), province
(จังหวัด/จ.), กรุงเทพฯ/กทม., and a Thai postcode. Markers closer than a few
characters apart form one address; two or more distinct kinds are evidence
(0.6, 0.75 with three, 0.85 with four or more) over the whole span. One
marker alone is a shape (0.2).

Latin streets (shape 0.3): ``1600 Amphitheatre Parkway``, ``700 W Pender
Street``, ``Theodor-Heuss-Straße 34``, ``Rua Dr. Falcão Filho, 155``,
``Av. Brigadeiro Faria Lima, 2170``. Nothing inside a URL or an e-mail.

Non-compliant (matched): ``99/12 หมู่ 3 ต.บางคูครัด อ.บางบัวทอง จ.นนทบุรี 11110``.
Compliant (not matched as evidence): ``ถนนสายนี้รถติด``, ``https://x.com/Main Street``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scanners.recognizers.base import ScannerRecognizer, Span

_T = "\u0e01-\u0e2e\u0e30-\u0e4e"
_PLACE = rf"[{_T}]{{2,}}(?:ฯ)?"
_PLACE_NUM = rf"[{_T}]{{2,}}(?: ?\d{{1,3}}(?:/\d{{1,3}})?)?|\d{{1,3}}(?:/\d{{1,3}})?"
_MARKERS: dict[str, str] = {
    "house": r"(?:บ้านเลขที่|เลขที่) ?\d{1,5}(?:/\d{1,4})?|(?<![\d/])\d{1,4}/\d{1,4}(?![\d/])"
    r"|(?<![\d/.,])\d{1,5}(?= (?:ถนน|ถ\.|ซอย|ซ\.|หมู่|ม\.))",
    "moo": r"(?:หมู่ที่|หมู่|ม\.) ?\d{1,2}(?!\d)",
    "village": rf"หมู่บ้าน ?{_PLACE}",
    "soi": rf"(?:ซอย|ซ\.) ?(?:{_PLACE_NUM})",
    "road": rf"(?:ถนน|ถ\.) ?(?:{_PLACE_NUM})",
    "subdistrict": rf"(?:ตำบล|แขวง|ต\.) ?{_PLACE}",
    "district": rf"(?:อำเภอ|เขต|อ\.) ?{_PLACE}",
    "province": rf"(?:จังหวัด|จ\.) ?{_PLACE}",
    "bangkok": r"กรุงเทพมหานคร|กรุงเทพฯ|กรุงเทพ|กทม\.?",
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
        groups: list[tuple[int, int, set[str]]] = []
        for match in _MARKER.finditer(text):
            kind = match.lastgroup or ""
            if groups and _GAP.fullmatch(text[groups[-1][1] : match.start()]):
                start, _, kinds = groups[-1]
                groups[-1] = (start, match.end(), kinds | {kind})
            else:
                groups.append((match.start(), match.end(), {kind}))
        for start, end, kinds in groups:
            strong = kinds - {"postcode", "house"}
            if len(kinds) >= 4:
                score = SCORE_MANY_MARKERS
            elif len(kinds) == 3:
                score = SCORE_THREE_MARKERS
            elif len(kinds) == 2 and strong:
                score = SCORE_TWO_MARKERS
            elif strong:
                score = SCORE_ONE_MARKER
            else:
                continue  # a bare number or postcode is not an address
            yield Span(start, end, score)
