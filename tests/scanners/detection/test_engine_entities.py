"""``analyze_value(..., entities=...)``: only the recognizers of the types asked for run, and
the entities of those types are exactly those found without the filter.

A table of values and type sets, with the traps: a type no recognizer finds, an empty set,
overlapping types on one span (a phone-shaped bank account), context that boosts a score,
Thai digits left for the engine to normalise, a type whose recognizers need different
traits (PERSON: Thai and Latin), and the default path, which must not change. Synthetic
values only.
"""

from __future__ import annotations

import random
import sys

import pytest

from scanners.classification.sampling.rule_margins import IDENTIFIER_TYPES
from scanners.detection.engine import DetectionEngine, Entity
from tests.support.paths import REPO_ROOT
from tests.support.synthetic import national_id

sys.path.insert(0, str(REPO_ROOT / "bench"))

from mixed_columns import mixed_columns

RNG = random.Random(11)
ID = national_id(RNG)
PHONE = frozenset({"PHONE_NUMBER"})
BANK = frozenset({"BANK_ACCOUNT"})

VALUES = [
    # (value, context, a type set to ask for)
    (f"ลูกค้าแจ้งเลขบัตร {ID} โทร 081-234-5678 อีเมล somchai@example.co.th", None, IDENTIFIER_TYPES),
    ("99/12 หมู่ 4 ต.บางพูด อ.ปากเกร็ด จ.นนทบุรี 11120 โทร 02-123-4567", None, IDENTIFIER_TYPES),
    ("99/12 หมู่ 4 ต.บางพูด อ.ปากเกร็ด จ.นนทบุรี 11120", None, frozenset({"POSTAL_CODE"})),
    ("0812345678", None, PHONE),  # a mobile's shape is a bank account's too
    ("0812345678", None, BANK),
    ("123-4-56789-0", ["account_no"], BANK),  # the column name boosts the score
    ("123-4-56789-0", None, BANK | PHONE),
    ("โทร๐๘๑-๒๓๔-๕๖๗๘", None, PHONE),  # Thai digits: normalised by the engine
    ("DE89 3704 0044 0532 0130 00", None, IDENTIFIER_TYPES),  # an IBAN with spaces
    ("4111 1111 1111 1111", ["card"], IDENTIFIER_TYPES),
    ("นายสมชาย ใจดี and Mr. John Smith", None, frozenset({"PERSON"})),  # thai and latin groups
    ("fe80::1ff:fe23:4567:890a%eth0", None, frozenset({"IP_ADDRESS", "PHONE_NUMBER"})),
    ("somchai@example.co.th", None, frozenset({"EMAIL_ADDRESS", "NOT_A_TYPE"})),
    ("somchai@example.co.th", None, frozenset({"NOT_A_TYPE"})),  # no recognizer: nothing
    ("somchai@example.co.th 0812345678", None, frozenset()),  # an empty set: nothing
    ("", None, IDENTIFIER_TYPES),
    ("   ", None, PHONE),
]


def _only(entities: list[Entity], types: frozenset[str]) -> list[Entity]:
    return [e for e in entities if e.type in types]


@pytest.mark.parametrize(("value", "context", "types"), VALUES)
def test_the_filter_keeps_exactly_the_entities_of_its_types(
    detection_engine: DetectionEngine, value: str, context: list[str] | None, types: frozenset[str]
) -> None:
    full = detection_engine.analyze_value(value, context)
    narrowed = detection_engine.analyze_value(value, context, entities=types)
    assert narrowed == _only(full, types)
    assert [e.recognizer for e in narrowed] == [e.recognizer for e in _only(full, types)]


def test_the_table_holds_values_the_filter_changes(detection_engine: DetectionEngine) -> None:
    """The cases above are not vacuous: some lose entities of other types, some keep some."""
    dropped = kept = 0
    for value, context, types in VALUES:
        full = detection_engine.analyze_value(value, context)
        kept += bool(_only(full, types))
        dropped += len(full) > len(_only(full, types))
    assert kept >= 8 and dropped >= 6


def test_a_realistic_sample_gives_the_same_identifiers(detection_engine: DetectionEngine) -> None:
    values = [str(v) for column in mixed_columns(40, seed=5) for v in column.values]
    for value in values:
        full = detection_engine.analyze_value(value, ["note"])
        assert detection_engine.analyze_value(value, ["note"], entities=IDENTIFIER_TYPES) == (
            _only(full, IDENTIFIER_TYPES)
        ), value[:40]


def test_the_default_path_is_unchanged(detection_engine: DetectionEngine) -> None:
    for value, context, _ in VALUES:
        assert detection_engine.analyze_value(value, context, entities=None) == (
            detection_engine.analyze_value(value, context)
        )


def test_only_the_recognizers_of_the_types_run(detection_engine: DetectionEngine) -> None:
    """The Thai address recognizer, the costly one on addresses, is skipped for identifiers."""
    value = "99/12 หมู่ 4 ต.บางพูด อ.ปากเกร็ด จ.นนทบุรี 11120"
    assert {e.type for e in detection_engine.analyze_value(value)} >= {"ADDRESS"}
    groups = detection_engine._recognizers_by_types
    detection_engine.analyze_value(value, entities=IDENTIFIER_TYPES)
    ran = {r.ENTITY for _, group in groups[IDENTIFIER_TYPES] for r in group}
    assert ran == IDENTIFIER_TYPES
