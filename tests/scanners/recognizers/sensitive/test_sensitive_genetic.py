"""GENETIC: DNA tests, genes, HLA alleles, sequences and genotypes."""

from __future__ import annotations

import pytest

ENTITY = "GENETIC"

MATCHES = [
    "ผลตรวจดีเอ็นเอยืนยันความเป็นบิดา",
    "ส่งตรวจพันธุกรรมมะเร็งเต้านม",
    "ผลตรวจยีน BRCA1 ผิดปกติ",
    "HLA-B*58:01 positive",
    "DNA test result attached",
    "paternity test was negative",
    "เป็นพาหะธาลัสซีเมีย",
]

COLUMN_VALUES = [
    ("AG", "genotype"),
    ("C/T", "snp_call"),
    ("rs334", "snp"),
    ("ACGTTGCAACGTTGCAACGTAGGC", "dna_sequence"),
    ("ดีเอ็นเอ", "ข้อมูลพันธุกรรม"),
]

SHAPES = ["AG", "rs334", "ACGTTGCAACGTTGCAACGTAGGC"]

TRAPS = [
    ("กางเกงยีนส์", None),
    ("กางเกงยีนส์ขาสั้น", ["product_name"]),
    ("innovation is in our DNA", None),
    ("AG", ["company_suffix"]),
    ("Gene Hackman movies", None),
    ("ยุงเป็นพาหะนำโรค", None),
]


@pytest.mark.parametrize("text", MATCHES)
def test_free_text_evidence(best, text: str) -> None:
    assert best(text, ENTITY)[1] >= 0.5


@pytest.mark.parametrize(("value", "column"), COLUMN_VALUES)
def test_values_with_genetic_column(best, value: str, column: str) -> None:
    matched, score = best(value, ENTITY, context=[column])
    assert matched and matched in value
    assert score >= 0.5


@pytest.mark.parametrize("value", SHAPES)
def test_bare_values_are_shapes(best, value: str) -> None:
    assert 0.05 <= best(value, ENTITY)[1] < 0.5


@pytest.mark.parametrize(("text", "context"), TRAPS)
def test_traps(best, text: str, context) -> None:
    assert best(text, ENTITY, context=context)[1] < 0.5
