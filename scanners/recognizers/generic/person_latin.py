"""PERSON (Latin script): "Given Surname", titled names, and capitalised words.

* ``Mr``/``Mrs``/``Ms``/``Miss``/``Dr``/``Prof`` + one to three capitalised
  words: 0.85.
* Two to four capitalised tokens (accents, apostrophes and hyphens allowed;
  particles such as van, der, de, da, von, O' in between) whose first token
  is a known given name (``scanners/data/given_names_latin.txt``, built
  from Faker by ``scripts/build_name_lists.py``): 0.6.
* A value that is a single capitalised word of 2-30 letters: 0.1 (shape; the
  column classifier counts it only under a name-like column).

Phrases with non-name words (Music, Sales, Manager, Street …) or a company
designator (Inc, Ltd, S.A., GmbH, Co.) are not names. Context words are
specific (first name, surname …) so a ``Name`` column of genres or tracks
does not turn "Rock" into a person.

Non-compliant (matched): ``Contact: Maria Silva``, ``Mr. Smith``.
Compliant (not matched as evidence): ``Rock``, ``Sales Support Agent``,
``For Those About To Rock We Salute You``, ``Apple Inc``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from scanners.recognizers.base import ScannerRecognizer, Span

DATA_FILE = Path(__file__).resolve().parents[2] / "data" / "given_names_latin.txt"

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LOWER = "a-zß-öø-ÿā-ž"
_CAP = rf"(?:O['’]|Mc|Mac|D['’])?[{_UPPER}][{_LOWER}]+(?:[-'’][{_UPPER}]?[{_LOWER}]+)*"
_PARTICLE = r"(?:van|von|der|den|de|del|della|di|da|das|dos|du|la|le|bin|binti|ter|ten|zu)"
_NAME_SEQUENCE = re.compile(
    rf"(?<![\w'’\-])(?P<first>{_CAP})(?P<rest>(?:[ ](?:{_PARTICLE}[ ])*{_CAP}){{1,3}})(?![\w'’\-])"
)
_TITLED = re.compile(
    rf"(?<![\w])(?P<title>Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Madam|Mme|Mlle|Herr|Frau|Sr|Sra|Srta)"
    rf"\.?[ ](?P<name>{_CAP}(?:[ ](?:{_PARTICLE}[ ])*{_CAP}){{0,2}})(?![\w'’\-])"
)
_SINGLE_VALUE = re.compile(rf"\s*([{_UPPER}][{_LOWER}]{{1,29}})\s*")

#: Capitalised words that are not parts of personal names.
NON_NAME_WORDS = frozenset(
    str.split(
        """
    Inc Ltd Llc Plc Gmbh Ag Sa Co Corp Corporation Company Group Holding Holdings Limited
    Bank Hotel Hospital University College School Institute Foundation Association Club
    Street Road Avenue Lane Drive Parkway Boulevard Square Station Airport Park Center
    Centre Building Tower Mall Market Store Shop Restaurant Cafe Studio Studios Records
    Music Rock Jazz Blues Pop Metal Classical Soundtrack Audio Video File Movies Movie
    Band Orchestra Quartet Trio Ensemble Choir Brothers Sisters Symphony
    Philharmonic Project Experience Film Series Edition Volume Vol Album Track Song Songs
    Live Greatest Hits Best Collection
    Sales Support Agent Manager General Director Officer Engineer Assistant Department
    Team Service Services Customer Account Accounts Admin Administrator Staff Sales
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Total Price Product Order
    North South East West New Old The And For With From About Of To In On At By
    """
    )
)
COMPANY_SUFFIX = re.compile(
    r"^\s*,?\s*(?:Inc\b\.?|Ltd\b\.?|LLC\b|PLC\b|GmbH\b|AG\b|S\.A\.|SA\b|S\.L\.|Co\b\.?"
    r"|Corp\b\.?|Company\b|Limited\b|B\.V\.|N\.V\.|Pty\b|& )"
)

SCORE_TITLED = 0.85
SCORE_GIVEN_SURNAME = 0.6
SCORE_SINGLE_WORD = 0.1


@cache
def given_names() -> frozenset[str]:
    """Latin-script given names shipped in ``scanners/data``."""
    lines = DATA_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip())


def _tokens(phrase: str) -> list[str]:
    return [t for t in phrase.split() if not re.fullmatch(_PARTICLE, t)]


class LatinPersonRecognizer(ScannerRecognizer):
    """Latin-script personal names."""

    ENTITY = "PERSON"
    REQUIRES = "latin"
    CONTEXT = (
        "first name",
        "firstname",
        "fname",
        "last name",
        "lastname",
        "lname",
        "surname",
        "given name",
        "family name",
        "full name",
        "fullname",
        "contact name",
        "customer name",
        "employee name",
        "ชื่อ",
        "นามสกุล",
    )
    NEGATIVE_CONTEXT = ("ชื่อสินค้า", "ชื่อบริษัท", "ชื่อไฟล์", "ชื่อเพลง", "ชื่อร้าน")

    def find(self, text: str) -> Iterator[Span]:
        names = given_names()
        titled: list[tuple[int, int]] = []
        for match in _TITLED.finditer(text):
            if not any(t in NON_NAME_WORDS for t in _tokens(match["name"])):
                titled.append((match.start(), match.end()))
                yield Span(match.start(), match.end(), SCORE_TITLED)
        for match in _NAME_SEQUENCE.finditer(text):
            span = self._given_surname(text, match, names)
            if span and not any(s <= span.start < e for s, e in titled):
                yield span
        single = _SINGLE_VALUE.fullmatch(text)
        if single and single[1] not in NON_NAME_WORDS:
            yield Span(single.start(1), single.end(1), SCORE_SINGLE_WORD)

    @staticmethod
    def _given_surname(text: str, match: re.Match[str], names: frozenset[str]) -> Span | None:
        tokens = [match["first"], *_tokens(match["rest"])]
        if match["first"] not in names:
            return None
        if any(t in NON_NAME_WORDS for t in tokens):
            return None
        if COMPANY_SUFFIX.match(text[match.end() :]):
            return None
        return Span(match.start(), match.end(), SCORE_GIVEN_SURNAME)
