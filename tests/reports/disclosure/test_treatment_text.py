"""The shared words: every code has a Thai and an English text; periods and fall-backs."""

from __future__ import annotations

from typing import get_args

import pytest

from agent.inputs.register_loader import LegalBasis, SensitiveBasis
from reports.disclosure import treatment_text as text
from scanners.disclosure.request import TREATMENTS
from scanners.model.disclosure import (
    DISCLOSURE_CLOSED,
    DISCLOSURE_OPEN,
    FOLLOWUP_STATUSES,
)

LEGAL_BASES = get_args(LegalBasis)
SENSITIVE_BASES = tuple(basis for basis in get_args(SensitiveBasis) if basis)


@pytest.mark.parametrize(
    ("words", "codes"),
    [
        (text.TREATMENT_NAMES, TREATMENTS),
        (text.TREATMENT_EXPLANATIONS, TREATMENTS),
        (text.FOLLOWUP_STATUS_NAMES, FOLLOWUP_STATUSES),
        (text.DISCLOSURE_STATUS_NAMES, (DISCLOSURE_OPEN, DISCLOSURE_CLOSED)),
        (text.LEGAL_BASES, LEGAL_BASES),
        (text.SENSITIVE_BASES, SENSITIVE_BASES),
    ],
)
def test_every_code_has_thai_and_english(words: object, codes: tuple[str, ...]) -> None:
    assert isinstance(words, dict)
    assert set(words) == set(codes)
    for code in codes:
        thai, english = words[code]["th"], words[code]["en"]
        assert thai and english and thai != english
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in thai)


def test_lookups_fall_back_to_the_code() -> None:
    assert text.treatment_name("blur", "th") == "blur"
    assert text.treatment_explanation("blur", "en") == ""
    assert text.legal_basis_name("", "th") == ""
    assert text.sensitive_basis_name("medical", "en").endswith("(s.26(5)(a))")
    assert text.followup_status_name("deleted", "th") == "ลบแล้ว"


@pytest.mark.parametrize(
    ("every", "language", "shown"),
    [
        ("6m", "th", "ทุก 6 เดือน"),
        ("12m", "en", "every 12 months"),
        ("1y", "en", "every 1 year"),
        ("90d", "th", "ทุก 90 วัน"),
        ("sometimes", "en", "sometimes"),
    ],
)
def test_period_text(every: str, language: str, shown: str) -> None:
    assert text.period_text(every, language) == shown


def test_k_notes_and_both() -> None:
    assert text.k_note_text("The dataset has no rows.", "th") == "ชุดข้อมูลไม่มีแถว"
    assert text.k_note_text("the dataset has no rows", "en") == "the dataset has no rows"
    assert text.k_note_text("something new", "th") == "something new"
    assert text.both("ก", "a") == "ก / a"
    assert text.both("", "a") == "a"
    with pytest.raises(ValueError):
        text.treatment_name("keep", "fr")
