"""Recognizers that are not specific to Thailand: e-mail, international phones, dates, names."""

from __future__ import annotations

from scanners.recognizers.generic.date_of_birth import DateOfBirthRecognizer
from scanners.recognizers.generic.email import EmailRecognizer
from scanners.recognizers.generic.gender import GenderRecognizer
from scanners.recognizers.generic.person_latin import LatinPersonRecognizer
from scanners.recognizers.generic.phone_international import InternationalPhoneRecognizer

RECOGNIZERS = (
    InternationalPhoneRecognizer,
    EmailRecognizer,
    DateOfBirthRecognizer,
    LatinPersonRecognizer,
    GenderRecognizer,
)
