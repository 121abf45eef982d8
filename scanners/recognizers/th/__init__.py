"""Recognizers for Thai identifiers, names, phones and addresses."""

from __future__ import annotations

from scanners.recognizers.th.postal_code import PostalCodeRecognizer
from scanners.recognizers.th.th_address import ThaiAddressRecognizer
from scanners.recognizers.th.th_national_id import ThaiNationalIdRecognizer
from scanners.recognizers.th.th_person import ThaiPersonRecognizer
from scanners.recognizers.th.th_phone import ThaiPhoneRecognizer

RECOGNIZERS = (
    ThaiNationalIdRecognizer,
    ThaiPhoneRecognizer,
    ThaiPersonRecognizer,
    ThaiAddressRecognizer,
    PostalCodeRecognizer,
)
