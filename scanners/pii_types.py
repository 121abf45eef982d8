"""The PII vocabulary of SPEC §8: direct identifiers, Section 26 data, quasi-identifiers."""

from __future__ import annotations

from enum import StrEnum


class PiiType(StrEnum):
    """Every personal-data type the product can report."""

    PERSON = "PERSON"
    TH_NATIONAL_ID = "TH_NATIONAL_ID"
    PASSPORT = "PASSPORT"
    PHONE_NUMBER = "PHONE_NUMBER"
    EMAIL_ADDRESS = "EMAIL_ADDRESS"
    ADDRESS = "ADDRESS"
    DATE_OF_BIRTH = "DATE_OF_BIRTH"
    BANK_ACCOUNT = "BANK_ACCOUNT"
    CREDIT_CARD = "CREDIT_CARD"
    IP_ADDRESS = "IP_ADDRESS"
    TH_LICENSE_PLATE = "TH_LICENSE_PLATE"
    HEALTH = "HEALTH"
    RELIGION = "RELIGION"
    ETHNICITY = "ETHNICITY"
    POLITICAL_OPINION = "POLITICAL_OPINION"
    SEXUAL_ORIENTATION = "SEXUAL_ORIENTATION"
    CRIMINAL_RECORD = "CRIMINAL_RECORD"
    DISABILITY = "DISABILITY"
    TRADE_UNION = "TRADE_UNION"
    GENETIC = "GENETIC"
    BIOMETRIC = "BIOMETRIC"
    GENDER = "GENDER"
    POSTAL_CODE = "POSTAL_CODE"
    BIRTH_YEAR = "BIRTH_YEAR"


SENSITIVE_TYPES: frozenset[PiiType] = frozenset(
    {
        PiiType.HEALTH,
        PiiType.RELIGION,
        PiiType.ETHNICITY,
        PiiType.POLITICAL_OPINION,
        PiiType.SEXUAL_ORIENTATION,
        PiiType.CRIMINAL_RECORD,
        PiiType.DISABILITY,
        PiiType.TRADE_UNION,
        PiiType.GENETIC,
        PiiType.BIOMETRIC,
    }
)

QUASI_IDENTIFIER_TYPES: frozenset[PiiType] = frozenset(
    {PiiType.GENDER, PiiType.POSTAL_CODE, PiiType.BIRTH_YEAR}
)

DIRECT_TYPES: frozenset[PiiType] = frozenset(PiiType) - SENSITIVE_TYPES - QUASI_IDENTIFIER_TYPES


def is_personal_data(pii_type: str) -> bool:
    """True for types that alone make a dataset hold personal data (not quasi-identifiers)."""
    return pii_type in PiiType.__members__ and PiiType(pii_type) not in QUASI_IDENTIFIER_TYPES
