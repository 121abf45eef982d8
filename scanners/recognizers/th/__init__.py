"""Recognizers for Thai identifiers, names, phones, addresses, plates and accounts."""

from __future__ import annotations

from scanners.recognizers.base import ScannerRecognizer
from scanners.recognizers.th.bank_account import ThaiBankAccountRecognizer
from scanners.recognizers.th.license_plate import ThaiLicensePlateRecognizer
from scanners.recognizers.th.passport import PassportRecognizer
from scanners.recognizers.th.postal_code import PostalCodeRecognizer
from scanners.recognizers.th.th_address import ThaiAddressRecognizer
from scanners.recognizers.th.th_national_id import ThaiNationalIdRecognizer
from scanners.recognizers.th.th_person import ThaiPersonRecognizer
from scanners.recognizers.th.th_person_model import ThaiPersonModelRecognizer
from scanners.recognizers.th.th_phone import ThaiPhoneRecognizer

RECOGNIZERS: tuple[type[ScannerRecognizer], ...] = (
    ThaiNationalIdRecognizer,
    ThaiPhoneRecognizer,
    ThaiPersonRecognizer,
    ThaiPersonModelRecognizer,
    ThaiAddressRecognizer,
    PostalCodeRecognizer,
    PassportRecognizer,
    ThaiBankAccountRecognizer,
    ThaiLicensePlateRecognizer,
)
