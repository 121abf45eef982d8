"""Province: an address reduced to the province it names (SPEC §10).

The coarsest useful location. ``province`` returns the canonical name of the
province an address names, in Thai (PyThaiNLP's ``name_th``) or English
(``name_en``), looking for, in this order of trust:

1. a province marker: ``จังหวัดเชียงใหม่``, ``จ.เชียงใหม่``, ``จ. เชียงใหม่``, or the
   capital district, named after its province (``อ.เมืองเชียงใหม่``);
2. Bangkok's forms (``กรุงเทพฯ``, ``กทม.``, ``กรุงเทพมหานคร``, ``Bangkok``), a
   bare Thai province name (not inside a longer Thai word: ``ไม่เลย`` is not
   Loei) or an English name in any case and spacing
   (``Chiang Mai``, ``CHIANGMAI``, ``Nonthaburi Province``);
3. the province of the postcode's two-digit prefix, when that prefix belongs
   to one province only (``10`` is Bangkok and Samut Prakan: None).

Within one step the last mention wins, as a province ends a Thai address
and earlier names are often roads (``ถ.เชียงใหม่-ลำปาง``). Nothing found gives
None, never the address. PyThaiNLP's province list ships with the package:
nothing is downloaded (``scanners.offline``).

>>> province("99/12 ม.3 ต.บางคูครัด อ.บางบัวทอง จ.นนทบุรี 11110")
'นนทบุรี'
>>> province("1 Silom Rd, Bangkok 10500", language="en"), province("กทม.")
('Bangkok', 'กรุงเทพมหานคร')
>>> province("เลขที่ 5 50200"), province("เลขที่ 5 10110") is None
('เชียงใหม่', True)
"""

from __future__ import annotations

import re
from functools import cache

from pythainlp.corpus import provinces

from scanners.disclosure.treatments.postcode import postcode
from scanners.recognizers.th.th_address import POSTCODE_PREFIXES, PROVINCE_NAMES

__all__ = ["LANGUAGES", "province", "province_in"]

#: The languages a province name is returned in.
LANGUAGES = ("th", "en")
#: Longer text is not one address: only its first characters are searched.
MAX_CHARS = 2000

_BANGKOK = "กรุงเทพมหานคร"
# Thai letters, vowels and tone marks: a name must not touch them to stand alone.
_THAI = "\u0e01-\u0e2e\u0e30-\u0e4e"
#: Other English spellings in common use, lower case without spaces -> Thai name.
_ENGLISH_ALIASES = {
    "krungthep": _BANGKOK,
    "krungthepmahanakhon": _BANGKOK,
    "korat": "นครราชสีมา",
    "ayutthaya": "พระนครศรีอยุธยา",
    "ayudhya": "พระนครศรีอยุธยา",
    "samutprakarn": "สมุทรปราการ",
    "sisaket": "ศรีสะเกษ",
    "srisaket": "ศรีสะเกษ",
    "nongbualamphu": "หนองบัวลำภู",
    "ubon": "อุบลราชธานี",
    "udon": "อุดรธานี",
}


def _details() -> list[dict[str, str]]:
    rows = provinces(details=True)
    if not isinstance(rows, list):
        raise TypeError("pythainlp.corpus.provinces(details=True) did not return a list")
    return [{str(k): str(v) for k, v in row.items()} for row in rows]


def _squash(name: str) -> str:
    """Lower case without spaces or dashes: ``Chiang Mai`` and ``CHIANG-MAI`` -> ``chiangmai``."""
    return re.sub(r"[\s\-]", "", name).lower()


@cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(Thai name -> English name, squashed English name or alias -> Thai name)."""
    english = {row["name_th"]: row["name_en"] for row in _details()}
    by_english = {_squash(en): th for th, en in english.items()}
    by_english.update({_squash(alias): th for alias, th in _ENGLISH_ALIASES.items()})
    return english, by_english


def _thai_alternation() -> str:
    return "|".join(re.escape(name) for name in sorted(PROVINCE_NAMES, key=len, reverse=True))


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the marker pattern, the pattern of bare Bangkok, Thai and English names)."""
    thai = _thai_alternation()
    # a province marker, or the capital district, which bears its province's name
    marker = re.compile(rf"(?:จังหวัด|จ\.|(?:อำเภอ|อ\.)\s*เมือง)\s*(?P<th>{thai})")
    english_names = sorted(_tables()[1], key=len, reverse=True)
    # every letter of an English name may be followed by a space or a dash: "Chiang-mai"
    english = "|".join(r"[\s\-]?".join(re.escape(ch) for ch in name) for name in english_names)
    bare = re.compile(
        rf"(?P<bkk>กรุงเทพมหานคร|กรุงเทพฯ?|กทม\.?)"
        rf"|(?<![{_THAI}])(?P<th>{thai})(?![{_THAI}])"
        rf"|(?<![A-Za-z])(?P<en>{english})(?![A-Za-z])",
        re.IGNORECASE,
    )
    return marker, bare


@cache
def _by_prefix() -> dict[str, str | None]:
    """Postcode prefix -> its province, or None when two provinces share it."""
    owners: dict[str, set[str]] = {}
    for name, prefixes in POSTCODE_PREFIXES.items():
        for prefix in prefixes:
            owners.setdefault(prefix, set()).add(name)
    return {
        prefix: next(iter(names)) if len(names) == 1 else None for prefix, names in owners.items()
    }


def _named(match: re.Match[str]) -> str | None:
    if match["bkk"]:
        return _BANGKOK
    if match["th"]:
        return match["th"]
    return _tables()[1].get(_squash(match["en"]))


def province_in(text: str) -> str | None:
    """The Thai name of the province ``text`` names (see the module doc), or None."""
    text = text[:MAX_CHARS]
    marker, bare = _patterns()
    marked = [m["th"] for m in marker.finditer(text)]
    if marked:
        return marked[-1]
    named = [name for m in bare.finditer(text) if (name := _named(m)) is not None]
    if named:
        return named[-1]
    code = postcode(text)
    return _by_prefix().get(code[:2]) if code else None


def province(value: object, language: str = "th") -> str | None:
    """The canonical name of the province an address names, in ``language``; else None."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
    if value is None or isinstance(value, bool):
        return None
    text = value if isinstance(value, str) else str(value)
    if not text.strip():
        return None
    name = province_in(text)
    if name is None or language == "th":
        return name
    return _tables()[0].get(name)
