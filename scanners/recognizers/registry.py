"""The list of recognizers the detection engine loads, per language."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from scanners.recognizers.generic.date_of_birth import DateOfBirthRecognizer
from scanners.recognizers.generic.email import EmailRecognizer
from scanners.recognizers.generic.gender import GenderRecognizer
from scanners.recognizers.generic.person_latin import LatinPersonRecognizer
from scanners.recognizers.generic.phone_international import InternationalPhoneRecognizer
from scanners.recognizers.th.postal_code import PostalCodeRecognizer
from scanners.recognizers.th.th_address import ThaiAddressRecognizer
from scanners.recognizers.th.th_national_id import ThaiNationalIdRecognizer
from scanners.recognizers.th.th_person import ThaiPersonRecognizer
from scanners.recognizers.th.th_phone import ThaiPhoneRecognizer

#: Every recognizer class; each handles Thai and Latin script alike, so the
#: same set serves both languages (the engine analyses with the Thai pipeline).
RECOGNIZER_CLASSES: tuple[type[EntityRecognizer], ...] = (
    ThaiNationalIdRecognizer,
    ThaiPhoneRecognizer,
    InternationalPhoneRecognizer,
    EmailRecognizer,
    DateOfBirthRecognizer,
    ThaiPersonRecognizer,
    LatinPersonRecognizer,
    ThaiAddressRecognizer,
    PostalCodeRecognizer,
    GenderRecognizer,
)


def all_recognizers(language: str) -> list[EntityRecognizer]:
    """Return one fresh instance of every recognizer, for ``language`` ("th" or "en")."""
    return [cls(supported_language=language) for cls in RECOGNIZER_CLASSES]
