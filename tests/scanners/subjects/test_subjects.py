"""Data-subject normal forms, digests and lookup spellings (SPEC §7)."""

from __future__ import annotations

import doctest
import hashlib
from decimal import Decimal
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scanners.subjects import normal_forms, searches, spellings
from scanners.subjects.normal_forms import normalise, normalise_cell
from scanners.subjects.spellings import digest, lookup_variants, parse_subject
from scanners.validators.th_national_id import PROVINCE_CODES, calc_check_digit

ID = "1103700001239"  # synthetic, valid check digit


@pytest.mark.parametrize(
    ("subject_type", "value", "normal"),
    [
        ("TH_NATIONAL_ID", "1103700001239", ID),
        ("TH_NATIONAL_ID", "1-1037-00001-23-9", ID),
        ("TH_NATIONAL_ID", " 1 1037 00001 23 9 ", ID),
        ("TH_NATIONAL_ID", "๑-๑๐๓๗-๐๐๐๐๑-๒๓-๙", ID),
        ("TH_NATIONAL_ID", "1\u20131037\u201300001\u201323\u20139", ID),  # en dashes
        ("EMAIL_ADDRESS", " Somchai.J@Example.CO.TH ", "somchai.j@example.co.th"),
        ("EMAIL_ADDRESS", "somchai.j@example.co.th", "somchai.j@example.co.th"),
        ("EMAIL_ADDRESS", "สมชาย@ตัวอย่าง.ไทย", "สมชาย@ตัวอย่าง.ไทย"),
        ("PHONE_NUMBER", "+66 81 234 5678", "0812345678"),
        ("PHONE_NUMBER", "081-234-5678", "0812345678"),
        ("PHONE_NUMBER", "๐๘๑๒๓๔๕๖๗๘", "0812345678"),
        ("PHONE_NUMBER", "0812345678", "0812345678"),
        ("PHONE_NUMBER", "66812345678", "0812345678"),
        ("PHONE_NUMBER", "+66812345678", "0812345678"),
        ("PHONE_NUMBER", "0066 81 234 5678", "0812345678"),
        ("PHONE_NUMBER", "+66 (0)81 234 5678", "0812345678"),
        ("PHONE_NUMBER", "+660812345678", "0812345678"),
        ("PHONE_NUMBER", "(081) 234-5678", "0812345678"),
        ("PHONE_NUMBER", "081.234.5678", "0812345678"),
        ("PHONE_NUMBER", "812345678", "0812345678"),  # trunk 0 lost in a number column
        ("PHONE_NUMBER", "02-123-4567", "021234567"),
        ("PHONE_NUMBER", "+66 2 123 4567", "021234567"),
        ("PHONE_NUMBER", "053-123-456", "053123456"),
        ("PHONE_NUMBER", "+1 (555) 123-4567", "+15551234567"),
        ("PHONE_NUMBER", "+44 (0)20 7946 0958", "+442079460958"),
        ("PHONE_NUMBER", "0044 20 7946 0958", "+442079460958"),
    ],
)
def test_normalise(subject_type: str, value: str, normal: str) -> None:
    assert normalise(subject_type, value) == normal
    assert normalise(subject_type, normal) == normal
    expected = "sha256:" + hashlib.sha256(normal.encode("utf-8")).hexdigest()
    assert digest(subject_type, value) == expected
    assert normal in lookup_variants(subject_type, normal)


@pytest.mark.parametrize(
    ("subject_type", "value"),
    [
        ("TH_NATIONAL_ID", "1103700001234"),  # wrong check digit
        ("TH_NATIONAL_ID", "110370000123"),  # 12 digits
        ("TH_NATIONAL_ID", "11037000012390"),  # 14 digits
        ("TH_NATIONAL_ID", "0105536112014"),  # a juristic (company) ID
        ("TH_NATIONAL_ID", "1103700001239x"),
        ("TH_NATIONAL_ID", ""),
        ("EMAIL_ADDRESS", "somchai.example.co.th"),
        ("EMAIL_ADDRESS", "som chai@example.co.th"),
        ("EMAIL_ADDRESS", "a@b@c"),
        ("EMAIL_ADDRESS", "@example.co.th"),
        ("EMAIL_ADDRESS", "   "),
        ("PHONE_NUMBER", "081-234-5678 ต่อ 12"),
        ("PHONE_NUMBER", "+66 1234"),
        ("PHONE_NUMBER", "12345"),
        ("PHONE_NUMBER", "08123456789012345"),
        ("PHONE_NUMBER", "tel 0812345678"),
        ("PHONE_NUMBER", "+0812345678"),
        ("PHONE_NUMBER", "66+812345678"),
        ("PHONE_NUMBER", ""),
    ],
)
def test_normalise_rejects_without_echoing(subject_type: str, value: str) -> None:
    with pytest.raises(ValueError) as raised:
        normalise(subject_type, value)
    if value.strip():
        assert value.strip() not in str(raised.value)
    assert normalise_cell(subject_type, value) is None


def test_unknown_subject_type() -> None:
    with pytest.raises(ValueError):
        normalise("PERSON", "Somchai")
    with pytest.raises(ValueError):
        parse_subject("PERSON", "Somchai")


def test_lookup_variants_national_id() -> None:
    assert lookup_variants("TH_NATIONAL_ID", ID) == (
        ID,
        "1-1037-00001-23-9",
        "1 1037 00001 23 9",
    )


@pytest.mark.parametrize(
    ("normal", "expected"),
    [
        (
            "0812345678",
            {
                "0812345678",
                "081-234-5678",
                "081 234 5678",
                "+66812345678",
                "+66 81 234 5678",
                "66812345678",
            },
        ),
        ("021234567", {"021234567", "02-123-4567", "02 123 4567", "+6621234567", "+66 2 123 4567"}),
        ("053123456", {"053123456", "053-123-456", "053 123 456", "+6653123456"}),
        ("+15551234567", {"+15551234567", "15551234567", "0015551234567"}),
    ],
)
def test_lookup_variants_phone(normal: str, expected: set[str]) -> None:
    variants = lookup_variants("PHONE_NUMBER", normal)
    assert variants[0] == normal
    assert expected <= set(variants)
    assert len(variants) == len(set(variants))


def test_lookup_variants_email_is_the_normal_form_only() -> None:
    assert lookup_variants("EMAIL_ADDRESS", "Somchai.J@Example.CO.TH") == (
        "somchai.j@example.co.th",
    )


def test_parse_subject_clear_and_hashed() -> None:
    clear = parse_subject("PHONE_NUMBER", "+66 81 234 5678")
    assert clear.clear == "0812345678"
    assert clear.digest == digest("PHONE_NUMBER", "0812345678")
    assert "0812345678" not in repr(clear)

    hex_digits = hashlib.sha256(b"0812345678").hexdigest()
    hashed = parse_subject("PHONE_NUMBER", f"  SHA256:{hex_digits.upper()} ")
    assert hashed.clear is None
    assert hashed.digest == clear.digest
    with pytest.raises(AttributeError):
        hashed.clear = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    "text", ["sha256:", "sha256:abc", "sha256:" + "g" * 64, "sha256:" + "a" * 65]
)
def test_parse_subject_rejects_bad_digest(text: str) -> None:
    with pytest.raises(ValueError):
        parse_subject("EMAIL_ADDRESS", text)


@pytest.mark.parametrize(
    ("subject_type", "cell", "expected"),
    [
        ("TH_NATIONAL_ID", 1103700001239, ID),
        ("TH_NATIONAL_ID", 1103700001239.0, ID),
        ("TH_NATIONAL_ID", Decimal("1103700001239"), ID),
        ("TH_NATIONAL_ID", "1-1037-00001-23-9", ID),
        ("PHONE_NUMBER", 812345678, "0812345678"),
        ("PHONE_NUMBER", 66812345678, "0812345678"),
        ("PHONE_NUMBER", "081-234-5678", "0812345678"),
        ("EMAIL_ADDRESS", "A@B.CO", "a@b.co"),
        ("PHONE_NUMBER", None, None),
        ("PHONE_NUMBER", True, None),
        ("PHONE_NUMBER", -812345678, None),
        ("PHONE_NUMBER", 812345678.5, None),
        ("PHONE_NUMBER", float("nan"), None),
        ("PHONE_NUMBER", float("inf"), None),
        ("PHONE_NUMBER", b"0812345678", None),
        ("PHONE_NUMBER", "โทร 081-234-5678 ครับ", None),
        ("EMAIL_ADDRESS", 42, None),
        ("TH_NATIONAL_ID", 1103700001234, None),
    ],
)
def test_normalise_cell(subject_type: str, cell: object, expected: str | None) -> None:
    assert normalise_cell(subject_type, cell) == expected


@pytest.mark.parametrize("module", [normal_forms, spellings])
def test_doctests(module: ModuleType) -> None:
    failures, _ = doctest.testmod(module)
    assert failures == 0


@pytest.mark.parametrize("given_in_clear", [True, False])
def test_subjects_in_cell_finds_a_subject_in_any_written_form(given_in_clear: bool) -> None:
    phone, key = "0812345678", digest("PHONE_NUMBER", "0812345678")
    clear = {phone: key} if given_in_clear else {}
    hashed = set() if given_in_clear else {key}

    def found(cell: object, free_text: bool = False) -> set[str]:
        return searches.subjects_in_cell(
            "PHONE_NUMBER", cell, free_text=free_text, clear=clear, hashed=hashed
        )

    assert found("+66 81 234 5678") == found(812345678) == {key}
    assert found("โทร 081-234-5678 ครับ") == set()  # not one identifier per cell
    assert found("โทร 081-234-5678 ครับ", free_text=True) == {key}
    assert found("0812345679") == found(None) == set()


# --- properties -------------------------------------------------------------


@st.composite
def national_ids(draw: st.DrawFn) -> str:
    first12 = (
        draw(st.sampled_from("12345678"))
        + draw(st.sampled_from(sorted(PROVINCE_CODES)))  # digits 2-3: an assigned province
        + draw(st.text(alphabet="0123456789", min_size=9, max_size=9))
    )
    return first12 + calc_check_digit(first12)


thai_phones = st.one_of(
    st.tuples(st.sampled_from(["06", "08", "09"]), st.from_regex(r"\A[0-9]{8}\Z")),
    st.tuples(st.just("02"), st.from_regex(r"\A[0-9]{7}\Z")),
    st.tuples(st.sampled_from(["03", "04", "05", "07"]), st.from_regex(r"\A[1-9][0-9]{6}\Z")),
).map("".join)
foreign_phones = st.from_regex(r"\A\+(?!66)[1-9][0-9]{6,14}\Z")
emails = st.tuples(
    st.from_regex(r"\A[A-Za-z0-9._%+-]{1,20}\Z"),
    st.from_regex(r"\A[A-Za-z0-9-]{1,15}(\.[A-Za-z]{2,6}){1,2}\Z"),
).map(lambda parts: f"{parts[0]}@{parts[1]}")
subjects_by_type = st.one_of(
    st.tuples(st.just("TH_NATIONAL_ID"), national_ids()),
    st.tuples(st.just("PHONE_NUMBER"), st.one_of(thai_phones, foreign_phones)),
    st.tuples(st.just("EMAIL_ADDRESS"), emails),
)


@given(subjects_by_type)
def test_normalising_twice_is_stable(subject: tuple[str, str]) -> None:
    subject_type, value = subject
    normal = normalise(subject_type, value)
    assert normalise(subject_type, normal) == normal
    assert digest(subject_type, value) == digest(subject_type, normal)


@given(subjects_by_type)
def test_every_lookup_variant_normalises_back(subject: tuple[str, str]) -> None:
    subject_type, value = subject
    normal = normalise(subject_type, value)
    variants = lookup_variants(subject_type, normal)
    assert variants[0] == normal
    for variant in variants:
        assert normalise(subject_type, variant) == normal
        assert normalise_cell(subject_type, variant) == normal
    assert parse_subject(subject_type, variants[-1]).digest == digest(subject_type, normal)


@given(
    st.sampled_from(["TH_NATIONAL_ID", "PHONE_NUMBER", "EMAIL_ADDRESS"]),
    st.text(alphabet="0123456789๐๑๒๓ -+()@.abcXYZ", min_size=6, max_size=30),
)
def test_messages_never_contain_the_input(subject_type: str, value: str) -> None:
    for call in (normalise, parse_subject):
        try:
            call(subject_type, value)
        except ValueError as exc:
            assert not value.strip() or value.strip() not in str(exc)
