"""Issue 9 (3): property-based tests (hypothesis) of masks and subject normal forms.

A mask never gives the value back (a national ID shows at most six digits, a
phone five, an e-mail only the first character of its local part), and a
subject's normal form is stable: every spelling of a national ID has one
normal form, any cell normalises or is ``None``, and any subject text parses
or is a ``ValueError`` the erasure loader and ``pdpa-agent subject`` report.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from scanners.masking import mask_value
from scanners.subjects import normal_forms, spellings
from tests.safety.property.shared import ANY_TEXT, DIGITS, FAST, THAI_DIGITS, thai_id

# -- scanners.masking ----------------------------------------------------------

MASKED_TYPES = [
    "TH_NATIONAL_ID",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "PERSON",
    "DATE_OF_BIRTH",
    "ADDRESS",
    "POSTAL_CODE",
    "PASSPORT",
    "SOMETHING_ELSE",
]


@FAST
@given(st.sampled_from(MASKED_TYPES), ANY_TEXT)
def test_mask_is_total_and_never_the_value(pii_type: str, value: str) -> None:
    masked = mask_value(pii_type, value)
    assert isinstance(masked, str)
    assert (masked == "") == (value == "")
    if len(value) > 1:
        assert masked != value and value not in masked


def shown_digits(masked: str) -> int:
    return sum(ch.isdigit() for ch in masked)


@FAST
@given(DIGITS, st.sampled_from(["", "-", " ", "."]), st.booleans())
def test_a_masked_national_id_shows_at_most_six_digits(
    first12: str, separator: str, thai: bool
) -> None:
    number = thai_id(first12)
    groups = (number[0], number[1:5], number[5:10], number[10:12], number[12])
    written = separator.join(groups)
    if thai:
        written = "".join(THAI_DIGITS[int(c)] if c.isdigit() else c for c in written)
    masked = mask_value("TH_NATIONAL_ID", written)
    assert shown_digits(masked) <= 6 and number not in masked.replace("-", "")


@FAST
@given(st.text(alphabet="0123456789", min_size=9, max_size=12), st.sampled_from(["", "-", " "]))
def test_a_masked_phone_shows_at_most_five_digits(digits: str, separator: str) -> None:
    written = separator.join([digits[:3], digits[3:6], digits[6:]])
    assert shown_digits(mask_value("PHONE_NUMBER", written)) <= 5


@FAST
@given(st.from_regex(r"[a-z0-9._]{2,20}", fullmatch=True), st.sampled_from(["example.co.th"]))
def test_a_masked_email_hides_all_but_the_first_character_of_its_local_part(
    local: str, domain: str
) -> None:
    assert mask_value("EMAIL_ADDRESS", f"{local}@{domain}") == f"{local[0]}***@{domain}"


def test_a_one_letter_email_is_not_shown_whole() -> None:
    masked = mask_value("EMAIL_ADDRESS", "s@example.co.th")
    assert masked == "***@example.co.th"


# -- scanners.subjects.normal_forms and spellings -----------------------------------------


@FAST
@given(st.sampled_from(normal_forms.SUBJECT_TYPES), st.text(max_size=40))
@example("PHONE_NUMBER", "+66 (0)81-234-5678")
@example("EMAIL_ADDRESS", " Somchai.J@Example.CO.TH ")
def test_subject_normal_forms_are_stable(subject_type: str, value: str) -> None:
    try:
        normal = normal_forms.normalise(subject_type, value)
    except ValueError as exc:
        assert value.strip() == "" or value.strip() not in str(exc) or len(value.strip()) < 3
        return
    assert normal_forms.normalise(subject_type, normal) == normal
    assert spellings.digest(subject_type, value) == spellings.digest(subject_type, normal)
    variants = spellings.lookup_variants(subject_type, normal)
    assert variants[0] == normal
    assert all(normal_forms.normalise(subject_type, v) == normal for v in variants)
    assert spellings.parse_subject(subject_type, value).clear == normal


@FAST
@given(DIGITS, st.sampled_from(["", "-", " ", "."]), st.booleans())
def test_every_spelling_of_a_national_id_has_one_normal_form(
    first12: str, separator: str, thai: bool
) -> None:
    number = thai_id(first12)
    written = separator.join((number[0], number[1:5], number[5:10], number[10:12], number[12]))
    if thai:
        written = "".join(THAI_DIGITS[int(c)] if c.isdigit() else c for c in written)
    assert normal_forms.normalise("TH_NATIONAL_ID", written) == number
    assert normal_forms.normalise_cell("TH_NATIONAL_ID", int(number)) == number


@FAST
@given(
    st.sampled_from(normal_forms.SUBJECT_TYPES),
    st.one_of(
        st.text(max_size=30),
        st.integers(),
        st.floats(),
        st.decimals(),
        st.binary(max_size=10),
        st.none(),
        st.booleans(),
        st.dates(),
    ),
)
def test_normalise_cell_is_total(subject_type: str, cell: object) -> None:
    normal = normal_forms.normalise_cell(subject_type, cell)
    assert normal is None or normal_forms.normalise(subject_type, normal) == normal


@FAST
@given(st.sampled_from(normal_forms.SUBJECT_TYPES), ANY_TEXT)
@example("EMAIL_ADDRESS", "\ud800@example.co.th")
def test_any_subject_text_parses_or_is_a_value_error(subject_type: str, text: str) -> None:
    """Lone surrogates included: the erasure loader and ``pdpa-agent subject`` catch
    ValueError (UnicodeEncodeError is one) and report the line."""
    try:
        subject = spellings.parse_subject(subject_type, text)
    except ValueError:
        return
    assert subject.digest.startswith("sha256:") and len(subject.digest) == 71
