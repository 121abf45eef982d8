"""Recognizers not specific to Thailand: e-mail, phones, dates, names, cards, IPs, IBANs."""

from __future__ import annotations

from scanners.recognizers.base import ScannerRecognizer
from scanners.recognizers.generic.bank_account_national import NationalBankAccountRecognizer
from scanners.recognizers.generic.birth_year import BirthYearRecognizer
from scanners.recognizers.generic.credit_card import CardNumberRecognizer
from scanners.recognizers.generic.date_of_birth import DateOfBirthRecognizer
from scanners.recognizers.generic.email import EmailAddressRecognizer
from scanners.recognizers.generic.gender import GenderRecognizer
from scanners.recognizers.generic.iban import IbanAccountRecognizer
from scanners.recognizers.generic.ip_address import IpAddressRecognizer
from scanners.recognizers.generic.person_latin import LatinPersonRecognizer
from scanners.recognizers.generic.phone_international import InternationalPhoneRecognizer
from scanners.recognizers.generic.phone_national import NationalPhoneRecognizer

RECOGNIZERS: tuple[type[ScannerRecognizer], ...] = (
    InternationalPhoneRecognizer,
    NationalPhoneRecognizer,
    EmailAddressRecognizer,
    DateOfBirthRecognizer,
    LatinPersonRecognizer,
    GenderRecognizer,
    CardNumberRecognizer,
    IpAddressRecognizer,
    BirthYearRecognizer,
    IbanAccountRecognizer,
    NationalBankAccountRecognizer,
)
