"""PHONE_NUMBER (other countries' national formats): shapes that phone words confirm.

Numbers written the way their own country dials them, without ``+``:
``(555) 123-4567``, ``555.123.4567``, ``1 (780) 836-9987``, ``020 7946 0958``,
``030 12345678``, ``03-1234-5678``, ``555-1234567``, an extension
(``5551234567x123``, ``555-123-4567 ext. 89``, ``… ต่อ 12``: part of the
span), international ``00`` dialling (``0044 20 7946 0958``) and bare runs
of 10-12 digits. A candidate is made of digit groups (a group may be in
parentheses) joined by single spaces, dashes or dots; its digits must be a
possible number (a length and leading digits of the country's numbering
plan, from ``phonenumbers`` metadata) for at least one region of
``REGIONS`` (or of the regions given to the constructor), and a valid one
scores higher. ``+`` numbers are left to ``InternationalPhoneRecognizer``,
numbers that are valid Thai numbers to ``ThaiPhoneRecognizer``.

Without a phone word every match is a shape: the digits of a date, an order
number or an amount can have a phone's length. A phone word in the column
name or right before the number (``Tel: (555) 123-4567``, ``call 020 7946
0958``, ``โทร +44 …``) makes it evidence.

Scores: grouped and valid for a region 0.4, grouped and only possible 0.3;
bare digits valid 0.2, possible 0.1; the context boost (``CONTEXT_BOOST``) on top.

Not candidates (before ``phonenumbers`` is asked): fewer than 8 or more than
12 digits (15 after ``00``; 13-digit national IDs, card numbers and ISBN-13
are longer), a group of one digit after the first (``0-306-40615-2``,
versions ``10.0.19041.1``), dates (``2024-01-15``, ``2567-01-15``,
``15.01.2024``), year ranges (``2010-2020``), US and Brazilian postcodes
(``12345-6789``, ``01310-100``), dotted quads (IPv4), decimals
(``3.14159265``) and thousands (``1.234.567``), dots mixed with dashes
(``10.30-12.00``), runs of one repeated digit, anything glued to a letter
(``ORD-2024-000123``, UUIDs) or to a sign, slash, colon, comma or decimal point
(``$12.50``, ``1,234,567.89``, ``12:30:45``, ``15/01/2024``).

Non-compliant (matched as evidence): ``Tel: (555) 123-4567``, a ``phone``
column of ``020 7946 0958``.
Compliant (shape only): ``(555) 123-4567`` alone; not matched:
``2024-01-15``, ``1,234,567.89``, ``2010-2020``, ``1-1037-00001-23-9``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneMetadata

from scanners.recognizers.base import ScannerRecognizer, Span
from scanners.recognizers.phone_context import PHONE_CONTEXT

#: Regions whose national formats are tried, in order (a valid match stops the search).
REGIONS: tuple[str, ...] = (
    "US",
    "CA",
    "GB",
    "DE",
    "FR",
    "JP",
    "CN",
    "IN",
    "AU",
    "SG",
    "MY",
    "VN",
    "ID",
    "PH",
    "KR",
    "HK",
    "TW",
    "BR",
    "ES",
    "IT",
    "NL",
    "CH",
    "SE",
    "RU",
    "MX",
    "AE",
    "LA",
    "MM",
    "KH",
)

_GROUP = r"(?:\(\d{1,5}\)|\d{1,12})"
#: One space, dash or dot between groups; nothing is needed next to a parenthesis.
_SEP = r"(?:[ .\-]|(?<=\))|(?=\())"
_EXTENSION = r"[ \t]*(?:ext\.?|extension|x|ต่อ|\#)[ \t]*\d{1,6}"
_CANDIDATE = re.compile(
    rf"(?<![\dA-Za-z_+\-/,@#$€£¥฿%])(?<!\d[.:])"
    rf"(?P<number>\+?{_GROUP}(?:{_SEP}{_GROUP}){{0,6}})(?P<ext>{_EXTENSION})?"
    rf"(?![\dA-Za-z_%]|[.,:/\-]\d)",
    re.IGNORECASE,
)
#: Eight or more characters of digits and separators: a cheap test before the regex above.
_ENOUGH_DIGITS = re.compile(r"\d[\d .\-()]{6,}\d")
_DIGIT_GROUP = re.compile(r"\d+")
_TRAILING_GROUP = re.compile(r" \(?\d+\)?$")
_PUNCTUATED = re.compile(r"[\-.()]")


def _thai_numbers() -> re.Pattern[str]:
    """Thai mobile, fixed-line and VoIP numbers dialled nationally (``phonenumbers`` TH)."""
    metadata = PhoneMetadata.metadata_for_region("TH")
    if metadata is None:
        raise ValueError("phonenumbers has no metadata for region 'TH'")
    kinds = (metadata.mobile, metadata.fixed_line, metadata.voip)
    patterns = "|".join(f"(?:{kind.national_number_pattern})" for kind in kinds if kind)
    return re.compile(f"0(?:{patterns})")


#: What ``ThaiPhoneRecognizer`` accepts, as one regex (no ``phonenumbers`` call per value).
_THAI_NUMBER = _thai_numbers()

_DATE = re.compile(
    r"(?P<y>(?:19|20|24|25)\d\d)[-./ ](?P<m>\d{1,2})[-./ ](?P<d>\d{1,2})"
    r"|(?P<d2>\d{1,2})[-./ ](?P<m2>\d{1,2})[-./ ](?P<y2>(?:19|20|24|25)?\d\d)"
)
_YEAR_RANGE = re.compile(r"(?:19|20|24|25)\d\d-(?:19|20|24|25)\d\d")
_POSTCODE = re.compile(r"\d{5}-(?:\d{4}|\d{3})")

SCORE_GROUPED_VALID = 0.4
SCORE_GROUPED_POSSIBLE = 0.3
SCORE_BARE_VALID = 0.2
SCORE_BARE_POSSIBLE = 0.1

MIN_DIGITS = 8
MAX_DIGITS = 12
MIN_BARE_DIGITS = 10
MAX_INTERNATIONAL_DIGITS = 17  # "00" + up to 15 digits

VALID = 2
POSSIBLE = 1


class _Plan:
    """The part of one region's numbering plan needed for a cheap possibility test."""

    __slots__ = ("country_code", "lengths", "pattern", "prefix", "region")

    def __init__(self, region: str) -> None:
        metadata = PhoneMetadata.metadata_for_region(region)
        if metadata is None:
            raise ValueError(f"phonenumbers has no metadata for region {region!r}")
        general = metadata.general_desc
        if general is None:
            raise ValueError(f"phonenumbers has no general numbering plan for region {region!r}")
        self.region = region
        self.country_code = str(metadata.country_code)
        self.prefix = metadata.national_prefix or ""
        self.lengths = frozenset(general.possible_length or ())
        self.pattern = re.compile(general.national_number_pattern or r"\d+")

    def possible(self, digits: str) -> bool:
        """True when ``digits``, less a trunk prefix or the country code, fit the plan."""
        for national in self._national(digits):
            if len(national) in self.lengths and self.pattern.fullmatch(national):
                return True
        return False

    def _national(self, digits: str) -> Iterator[str]:
        yield digits
        if self.prefix and digits.startswith(self.prefix):
            yield digits[len(self.prefix) :]
        if digits.startswith(self.country_code):
            yield digits[len(self.country_code) :]


@lru_cache(maxsize=64)
def _plans(regions: tuple[str, ...]) -> tuple[_Plan, ...]:
    return tuple(_Plan(region) for region in regions)


@lru_cache(maxsize=8192)
def number_status(digits: str, regions: tuple[str, ...] = REGIONS) -> int:
    """``VALID`` (2), ``POSSIBLE`` (1) or 0 for national ``digits`` in any of ``regions``.

    International ``00`` numbers are parsed as ``+`` numbers and must be valid.
    """
    if digits.startswith("00"):
        try:
            number = phonenumbers.parse("+" + digits[2:], None)
        except phonenumbers.NumberParseException:
            return 0
        return VALID if phonenumbers.is_valid_number(number) else 0
    status = 0
    for plan in _plans(regions):
        if not plan.possible(digits):
            continue
        status = POSSIBLE
        try:
            number = phonenumbers.parse(digits, plan.region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return VALID
    return status


def _date_like(number: str) -> bool:
    match = _DATE.fullmatch(number)
    if match is None:
        return False
    month = int(match.group("m") or match.group("m2"))
    day = int(match.group("d") or match.group("d2"))
    return 1 <= day <= 31 and 1 <= month <= 31 and (month <= 12 or day <= 12)


def _not_a_phone(number: str, groups: list[str]) -> bool:
    """Structural tests that rule out dates, amounts, versions, IPs and codes."""
    if any(len(group) == 1 for group in groups[1:]):
        return True
    if "." in number:
        if "-" in number or len(groups) == 2:
            return True  # 10.30-12.00, a decimal
        if len(groups) == 4 and all(len(group) <= 3 for group in groups):
            return True  # a dotted quad
        if len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:]):
            return True  # thousands: 1.234.567
    if len(groups) == 2:
        return bool(_YEAR_RANGE.fullmatch(number) or _POSTCODE.fullmatch(number))
    return len(groups) == 3 and _date_like(number)


class NationalPhoneRecognizer(ScannerRecognizer):
    """Phone numbers in other countries' national formats, as shapes that context confirms."""

    ENTITY = "PHONE_NUMBER"
    REQUIRES = "digit"
    CONTEXT = PHONE_CONTEXT
    #: Regions tried when none are given to the constructor.
    REGIONS: tuple[str, ...] = REGIONS

    def __init__(
        self, supported_language: str = "th", regions: Sequence[str] | None = None
    ) -> None:
        self.regions = tuple(regions) if regions else self.REGIONS
        _plans(self.regions)  # fail early on an unknown region
        super().__init__(supported_language=supported_language)

    def find(self, text: str) -> Iterator[Span]:
        if text.isdigit() and not MIN_BARE_DIGITS <= len(text) <= MAX_DIGITS:
            return  # a bare run too short or too long: the common ID and amount case
        if _ENOUGH_DIGITS.search(text) is None:
            return
        position = 0
        while match := _CANDIDATE.search(text, position):
            position = match.end()
            number = match.group("number")
            if number.startswith("+"):
                continue  # InternationalPhoneRecognizer's
            whole = True
            while True:
                # A shortened candidate must be punctuated or one bare run (not a card's 4-4-4).
                if whole or number.isdigit() or _PUNCTUATED.search(number):
                    score = self._score(number)
                    if score is not None:
                        end = match.end() if whole else match.start() + len(number)
                        yield Span(match.start(), end, score)
                        position = end
                        break
                if " " not in number:
                    break
                shorter = _TRAILING_GROUP.sub("", number)
                if shorter == number:
                    break
                number, whole = shorter, False

    def _score(self, number: str) -> float | None:
        groups = _DIGIT_GROUP.findall(number)
        digits = "".join(groups)
        bare = len(groups) == 1
        international = digits.startswith("00")
        if international:
            if not MIN_DIGITS + 2 <= len(digits) <= MAX_INTERNATIONAL_DIGITS:
                return None
        elif not (MIN_BARE_DIGITS if bare else MIN_DIGITS) <= len(digits) <= MAX_DIGITS:
            return None
        if _THAI_NUMBER.fullmatch(digits):
            return None  # ThaiPhoneRecognizer's
        if not bare and _not_a_phone(number, groups):
            return None
        if digits.count(digits[0]) == len(digits):
            return None
        status = number_status(digits, self.regions)
        if status == 0:
            return None
        if bare:
            return SCORE_BARE_VALID if status == VALID else SCORE_BARE_POSSIBLE
        return SCORE_GROUPED_VALID if status == VALID else SCORE_GROUPED_POSSIBLE
