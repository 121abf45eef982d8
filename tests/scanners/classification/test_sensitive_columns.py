"""Column-name words for Section 26 types, and the traps they must not fall into."""

from __future__ import annotations

import pytest

from scanners.classification.sensitive_columns import (
    SENSITIVE_COLUMN_WORDS,
    sensitive_column_priors,
)
from scanners.pii_types import SENSITIVE_TYPES, PiiType

POINTS_TO = [
    ("religion", PiiType.RELIGION),
    ("emp_religion", PiiType.RELIGION),
    ("ศาสนา", PiiType.RELIGION),
    ("race", PiiType.ETHNICITY),
    ("เชื้อชาติ", PiiType.ETHNICITY),
    ("ethnicity", PiiType.ETHNICITY),
    ("ethnic_group", PiiType.ETHNICITY),
    ("blood_group", PiiType.HEALTH),
    ("bloodGroup", PiiType.HEALTH),
    ("bloodgrp", PiiType.HEALTH),
    ("หมู่เลือด", PiiType.HEALTH),
    ("กรุ๊ปเลือด", PiiType.HEALTH),
    ("congenital_disease", PiiType.HEALTH),
    ("underlying_diseases", PiiType.HEALTH),
    ("chronic_diseases", PiiType.HEALTH),
    ("โรคประจำตัว", PiiType.HEALTH),
    ("drugallergy", PiiType.HEALTH),
    ("DrugAllergy", PiiType.HEALTH),
    ("drug_allergy_history", PiiType.HEALTH),
    ("op_food_allergy", PiiType.HEALTH),
    ("แพ้ยา", PiiType.HEALTH),
    ("ประวัติการแพ้ยา", PiiType.HEALTH),
    ("icd10", PiiType.HEALTH),
    ("pdx", PiiType.HEALTH),
    ("dx0", PiiType.HEALTH),
    ("diagnosis", PiiType.HEALTH),
    ("การวินิจฉัย", PiiType.HEALTH),
    ("disability", PiiType.DISABILITY),
    ("disabled_type", PiiType.DISABILITY),
    ("ความพิการ", PiiType.DISABILITY),
    ("criminal_record", PiiType.CRIMINAL_RECORD),
    ("ประวัติอาชญากรรม", PiiType.CRIMINAL_RECORD),
    ("union_member", PiiType.TRADE_UNION),
    ("isUnionMember", PiiType.TRADE_UNION),
    ("สหภาพแรงงาน", PiiType.TRADE_UNION),
    ("dna", PiiType.GENETIC),
    ("genetic_test_result", PiiType.GENETIC),
    ("genotype", PiiType.GENETIC),
    ("fingerprint", PiiType.BIOMETRIC),
    ("fingerprint_template", PiiType.BIOMETRIC),
    ("face_template", PiiType.BIOMETRIC),
    ("face_embedding", PiiType.BIOMETRIC),
    ("biometric_data", PiiType.BIOMETRIC),
    ("ลายนิ้วมือ", PiiType.BIOMETRIC),
    ("political_party", PiiType.POLITICAL_OPINION),
    ("พรรคการเมือง", PiiType.POLITICAL_OPINION),
    ("sexual_orientation", PiiType.SEXUAL_ORIENTATION),
    ("รสนิยมทางเพศ", PiiType.SEXUAL_ORIENTATION),
    ("พฤติกรรมทางเพศ", PiiType.SEXUAL_ORIENTATION),
]

#: Column names that must not point to any Section 26 type.
TRAPS = [
    "sex",
    "gender",
    "s_gender",
    "เพศ",
    "nationality",
    "nation",
    "สัญชาติ",
    "citizenship",
    "photo",
    "image",
    "PhotoRaw",
    "PortraitImage",
    "avatar_url",
    "party_id",
    "third_party",
    "charge_amount",
    "is_disabled",
    "orientation",
    "text_embedding",
    "european_union",
    "สหภาพยุโรป",
    "กางเกงยีนส์",
    "ผลตรวจสอบ",
    "ความเชื่อมั่น",
    "dxf_file",
    "warrant_price",
    "iris",
]


@pytest.mark.parametrize(("name", "pii_type"), POINTS_TO)
def test_sensitive_column_names(name: str, pii_type: PiiType) -> None:
    assert pii_type in {prior.type for prior in sensitive_column_priors(name)}


@pytest.mark.parametrize("name", TRAPS)
def test_traps_point_to_no_sensitive_type(name: str) -> None:
    assert sensitive_column_priors(name) == ()


def test_every_sensitive_type_has_column_words() -> None:
    assert set(SENSITIVE_COLUMN_WORDS) == {t.value for t in SENSITIVE_TYPES}
    for words in SENSITIVE_COLUMN_WORDS.values():
        assert words and all(w == w.strip().lower() and " " not in w for w in words)


@pytest.mark.parametrize("word", ["sex", "gender", "เพศ", "nationality", "สัญชาติ", "photo", "image"])
def test_trap_words_are_not_column_words(word: str) -> None:
    assert all(word not in words for words in SENSITIVE_COLUMN_WORDS.values())
