"""The JSON codec of scan tasks and outcomes (agent.scan.plain_codec): strict refusals.

Malformed data — unknown fields, a value of the wrong type (``bool`` is no
``int``, ``int`` no ``bool``), a fixed tuple of the wrong length, a dataclass
given a list or text, a date that is not ISO or does not exist, a missing
required field — is a ``ValueError`` from ``from_plain``, even deep inside a
valid message; a missing field with a default takes the default. ``to_plain``
refuses what JSON cannot carry faithfully (sets, bytes, dicts, objects, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from agent.scan.plain_codec import from_plain, to_plain
from agent.scan.tasks import DatasetOutcome, FileKey, ListTask, ReviewOutcome, SourceListing
from scanners.model.result import ColumnResult, PiiMatch
from tests.agent.scan.plain_codec.conftest import FINDING, STAFF, access_review

# --- malformed data ---------------------------------------------------------


def good_outcome() -> dict[str, Any]:
    return to_plain(DatasetOutcome(STAFF, (FINDING,), file_key=FileKey(1, 2.0, "d")))


def good_review() -> dict[str, Any]:
    return to_plain(ReviewOutcome("org", access_review()))


def edited(data: dict[str, Any], path: tuple[str | int, ...], value: object) -> dict[str, Any]:
    """``data`` (already a fresh copy) with the item at ``path`` set to ``value``."""
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


MALFORMED: list[tuple[str, type, Any]] = [
    (
        "unknown field",
        PiiMatch,
        {"type": "EMAIL_ADDRESS", "confidence": 0.9, "match_ratio": 1.0, "raw": "x"},
    ),
    ("unknown nested field", DatasetOutcome, edited(good_outcome(), ("result", "secret"), "x")),
    ("str where int", ColumnResult, {"name": "email", "sampled": "300"}),
    ("bool where int", ColumnResult, {"name": "email", "sampled": True}),
    ("float where int", ColumnResult, {"name": "email", "sampled": 3.0}),
    ("bool where float", PiiMatch, {"type": "EMAIL_ADDRESS", "confidence": True, "match_ratio": 1}),
    ("str where float", PiiMatch, {"type": "EMAIL_ADDRESS", "confidence": "0.9", "match_ratio": 1}),
    ("int where bool", DatasetOutcome, edited(good_outcome(), ("from_cache",), 1)),
    ("int where str", ColumnResult, {"name": 5, "sampled": 1}),
    ("None where a value is required", FileKey, {"size": 1, "mtime": 1.0, "digest": None}),
    (
        "bool where optional int",
        DatasetOutcome,
        edited(good_outcome(), ("result", "row_count"), False),
    ),
    (
        "str where optional int",
        DatasetOutcome,
        edited(good_outcome(), ("result", "row_count"), "3"),
    ),
    ("fixed tuple too short", SourceListing, {"source": "s", "skipped": [["photo.jpg"]]}),
    ("fixed tuple too long", SourceListing, {"source": "s", "skipped": [["a", "b", "c"]]}),
    ("fixed tuple not a list", SourceListing, {"source": "s", "skipped": ["ab"]}),
    ("wrong item type in a fixed tuple", SourceListing, {"source": "s", "skipped": [["a", 1]]}),
    ("variable tuple not a list", SourceListing, {"source": "s", "datasets": "public.t"}),
    ("variable tuple given an object", SourceListing, {"source": "s", "datasets": {"a": 1}}),
    (
        "wrong item type in a variable tuple",
        ColumnResult,
        {"name": "a", "sampled": 1, "evidence": [1]},
    ),
    ("list for a dataclass", PiiMatch, ["EMAIL_ADDRESS", 0.9, 1.0]),
    ("str for a dataclass", ListTask, "org"),
    ("None for a dataclass", ListTask, None),
    ("list for a nested dataclass", DatasetOutcome, edited(good_outcome(), ("result",), [])),
    ("str for an optional dataclass", DatasetOutcome, edited(good_outcome(), ("file_key",), "k")),
    (
        "str for a dataclass in a tuple",
        DatasetOutcome,
        edited(good_outcome(), ("findings", 0), "f"),
    ),
    (
        "non-ISO date",
        ReviewOutcome,
        edited(good_review(), ("review", "rows", 0, "reviewed_at"), "10/01/2025"),
    ),
    (
        "impossible date",
        ReviewOutcome,
        edited(good_review(), ("review", "rows", 0, "reviewed_at"), "2025-02-30"),
    ),
    (
        "number for a date",
        ReviewOutcome,
        edited(good_review(), ("review", "rows", 0, "review_due"), 20250110),
    ),
    (
        "wrong arity deep inside a review",
        ReviewOutcome,
        edited(good_review(), ("review", "rows", 0, "via", 0), ["SELECT"]),
    ),
]


@pytest.mark.parametrize(
    ("cls", "data"), [(c, d) for _, c, d in MALFORMED], ids=[title for title, _, _ in MALFORMED]
)
def test_malformed_data_is_a_value_error(cls: type, data: Any) -> None:
    with pytest.raises(ValueError):
        from_plain(cls, data)


def test_the_malformed_cases_really_edit_a_valid_message() -> None:
    assert from_plain(DatasetOutcome, good_outcome()) == DatasetOutcome(
        STAFF, (FINDING,), file_key=FileKey(1, 2.0, "d")
    )
    assert from_plain(ReviewOutcome, good_review()) == ReviewOutcome("org", access_review())


def test_a_missing_required_field_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        from_plain(PiiMatch, {"type": "EMAIL_ADDRESS"})


def test_missing_fields_with_defaults_take_the_default() -> None:
    assert from_plain(SourceListing, {"source": "s"}) == SourceListing("s")
    assert from_plain(ColumnResult, {"name": "a", "sampled": 0}) == ColumnResult("a", 0)


@dataclass(frozen=True)
class Holder:
    value: object


UNSUPPORTED: list[tuple[str, object]] = [
    ("set", {"EMAIL_ADDRESS"}),
    ("frozenset", frozenset({"a"})),
    ("bytes", b"\x00raw"),
    ("bytearray", bytearray(b"raw")),
    ("dict", {"a": 1}),
    ("object", object()),
    ("dataclass type (not an instance)", PiiMatch),
    ("set inside a dataclass", Holder({1, 2})),
    ("bytes inside a tuple", ("ok", b"raw")),
    ("complex", 1j),
]


@pytest.mark.parametrize("value", [v for _, v in UNSUPPORTED], ids=[t for t, _ in UNSUPPORTED])
def test_to_plain_refuses_what_json_cannot_carry(value: object) -> None:
    with pytest.raises(ValueError):
        to_plain(value)
