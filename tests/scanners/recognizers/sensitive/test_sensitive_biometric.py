"""BIOMETRIC: fingerprint/face/iris templates and mentions; ordinary photos are not."""

from __future__ import annotations

import base64
import random

import pytest

ENTITY = "BIOMETRIC"

_RANDOM = random.Random(26)
TEMPLATE_B64 = base64.b64encode(bytes(_RANDOM.randrange(256) for _ in range(400))).decode()
TEMPLATE_HEX = bytes(_RANDOM.randrange(256) for _ in range(96)).hex()
EMBEDDING = "[" + ", ".join(f"{_RANDOM.uniform(-1, 1):.4f}" for _ in range(128)) + "]"
JPEG_B64 = "/9j/4AAQSkZJRgABAQEASABIAAD" + TEMPLATE_B64

MATCHES = [
    "เก็บข้อมูลลายนิ้วมือพนักงานเพื่อบันทึกเวลา",
    "ลงทะเบียนข้อมูลจำลองใบหน้าสำหรับ eKYC",
    "สแกนม่านตาก่อนเข้าห้อง",
    "fingerprint template enrolled",
    "face embedding stored for matching",
    "facial recognition at the gate",
]

COLUMN_VALUES = [
    (TEMPLATE_B64, "fingerprint_template"),
    (TEMPLATE_HEX, "finger_template"),
    (EMBEDDING, "face_embedding"),
    (TEMPLATE_B64, "ลายนิ้วมือ"),
    (TEMPLATE_B64, "iris_template"),
]

SHAPES = [TEMPLATE_B64, TEMPLATE_HEX, EMBEDDING]

TRAPS = [
    ("เครื่องสแกนลายนิ้วมือ ZKTeco", None),
    ("fingerprint scanner USB", None),
    ("browser fingerprint", None),
    ("SSH key fingerprint SHA256", None),
    (JPEG_B64, ["photo"]),
    (JPEG_B64, ["face_photo"]),
    (TEMPLATE_B64, ["photo"]),
    (TEMPLATE_B64, ["image"]),
    (TEMPLATE_HEX, ["password_hash"]),
    ("profile.jpg", ["photo"]),
    ("2024-05-01", None),
]


@pytest.mark.parametrize("text", MATCHES)
def test_free_text_evidence(best, text: str) -> None:
    assert best(text, ENTITY)[1] >= 0.5


@pytest.mark.parametrize(("value", "column"), COLUMN_VALUES)
def test_blobs_with_biometric_column(best, value: str, column: str) -> None:
    matched, score = best(value, ENTITY, context=[column])
    assert matched and matched in value
    assert score >= 0.5


@pytest.mark.parametrize("value", SHAPES)
def test_bare_blobs_are_shapes(best, value: str) -> None:
    assert 0.05 <= best(value, ENTITY)[1] < 0.5


@pytest.mark.parametrize(("text", "context"), TRAPS)
def test_traps(best, text: str, context) -> None:
    assert best(text, ENTITY, context=context)[1] < 0.5
