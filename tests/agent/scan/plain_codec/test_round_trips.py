"""The JSON codec of scan tasks and outcomes (agent.scan.plain_codec): exact round trips.

Every value a Celery message carries — dataset outcomes with columns,
exemptions, findings and a file key; review outcomes with access rows and
their dates; dataset tasks with a cached classification; listings with
skipped files — must come back equal, and of the same types (tuples, dates,
floats, the declared dataclasses), after ``to_plain`` → ``json.dumps`` →
``json.loads`` → ``from_plain``; so must any ``PiiMatch``, ``ColumnResult``
and dataset outcome Hypothesis makes.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.scan.plain_codec import from_plain, to_plain
from agent.scan.tasks import (
    CachedFile,
    DatasetOutcome,
    DatasetTask,
    FileKey,
    ListTask,
    ReusedClassification,
    ReviewOutcome,
    ReviewTask,
    SourceListing,
)
from scanners.checks.register.pii_unregistered import check_pii_unregistered
from scanners.checks.scan_error import scan_error
from scanners.model.result import (
    AccessReview,
    AccessRow,
    ColumnResult,
    DatasetResult,
    Finding,
    PiiMatch,
)
from tests.agent.scan.plain_codec.conftest import (
    EMAIL,
    FINDING,
    PLAIN_COLUMN,
    STAFF,
    access_review,
)


def roundtrip(value: Any) -> Any:
    """``value`` through JSON text, exactly as a Celery message carries it."""
    return from_plain(type(value), json.loads(json.dumps(to_plain(value))))


def test_the_access_review_fixture_has_rows_dates_and_findings() -> None:
    review = access_review()
    assert len(review.rows) == 3 and review.findings
    assert any(row.reviewed_at is not None and row.review_due is not None for row in review.rows)
    assert any(row.columns for row in review.rows)  # UPDATE held on one column only


VALUES: list[tuple[str, object]] = [
    ("list task", ListTask("org")),
    (
        "listing with skipped pairs",
        SourceListing(
            "share",
            ("hr/export.csv", "memo.txt"),
            skipped=(("photo.jpg", "unsupported format"), ("big.xlsx", "larger than 50 MB")),
        ),
    ),
    ("failed listing", SourceListing("org", error="cannot connect")),
    ("list task asking for change keys", ListTask("org", change_keys=True)),
    (
        "listing with change keys",
        SourceListing(
            "org",
            ("public.staff", "public.product"),
            change_keys=(("public.staff", "pg:16387:40:2:1:88ab"),),
        ),
    ),
    (
        "dataset task reusing an unchanged table",
        DatasetTask(
            "org",
            "public.staff",
            register_id="HR-1",
            reuse=ReusedClassification("table", 40, (EMAIL, PLAIN_COLUMN)),
        ),
    ),
    ("plain dataset task", DatasetTask("org", "public.staff")),
    (
        "dataset task with a cached file",
        DatasetTask(
            "share",
            "hr/export.csv",
            register_id="SHARE-EXPORT",
            cache_files=True,
            cached=CachedFile(
                FileKey(2048, 1_764_000_000.25, "ab" * 32), "file", 12, (EMAIL, PLAIN_COLUMN)
            ),
        ),
    ),
    (
        "dataset outcome with columns, exemptions, findings and a file key",
        DatasetOutcome(
            STAFF,
            (FINDING, check_pii_unregistered(STAFF) or FINDING, scan_error("org", None, "boom")),
            file_key=FileKey(10, 1_700_000_000.0, "0" * 64),
            from_cache=True,
        ),
    ),
    (
        "failed dataset outcome",
        DatasetOutcome(
            DatasetResult("org", "public.broken", "unknown", None, None, (), "division by zero"),
            (scan_error("org", "public.broken", "division by zero"),),
            config_error="the register has no entry 'X'",
        ),
    ),
    ("review task", ReviewTask("org", (STAFF, DatasetResult("org", "public.product", "view", 0)))),
    ("review outcome with an access review", ReviewOutcome("org", access_review())),
    ("review outcome with a problem", ReviewOutcome("org", problem="no access list is configured")),
    ("access row with dates", access_review().rows[0]),
]


@pytest.mark.parametrize("value", [v for _, v in VALUES], ids=[title for title, _ in VALUES])
def test_round_trip_through_json_is_exact(value: object) -> None:
    plain = to_plain(value)
    text = json.dumps(plain, ensure_ascii=False, allow_nan=False)
    back = from_plain(type(value), json.loads(text))
    assert back == value
    assert type(back) is type(value)
    assert to_plain(back) == plain


def test_plain_form_uses_lists_dicts_and_iso_dates() -> None:
    review = access_review()
    plain = to_plain(ReviewOutcome("org", review))
    rows = plain["review"]["rows"]
    dated = next(row for row in rows if row["reviewed_at"] is not None)
    assert dated["reviewed_at"] == "2025-01-10"
    assert isinstance(dated["via"], list) and all(isinstance(p, list) for p in dated["via"])
    plain_outcome = to_plain(DatasetOutcome(STAFF, (FINDING,)))
    assert plain_outcome["result"]["columns"][0]["pii"][0] == {
        "type": "EMAIL_ADDRESS",
        "confidence": 0.95,
        "match_ratio": 1.0,
    }
    assert plain_outcome["file_key"] is None and plain_outcome["from_cache"] is False


def test_decoded_values_are_tuples_and_dates() -> None:
    back = roundtrip(ReviewOutcome("org", access_review()))
    assert back.review is not None
    row = next(r for r in back.review.rows if r.reviewed_at is not None)
    assert isinstance(row.reviewed_at, date) and isinstance(row.via, tuple)
    assert all(isinstance(pair, tuple) for pair in row.via)
    listing = roundtrip(SourceListing("s", ("a",), skipped=(("b", "why"),)))
    assert listing.skipped == (("b", "why"),) and isinstance(listing.skipped[0], tuple)


def test_an_integer_where_a_float_is_expected_becomes_a_float() -> None:
    key = from_plain(FileKey, {"size": 1, "mtime": 5, "digest": "x"})
    assert key == FileKey(1, 5.0, "x") and isinstance(key.mtime, float)


# --- property: any PiiMatch / ColumnResult survives the trip -----------------

floats = st.floats(allow_nan=False)
texts = st.text(max_size=30)
pii_matches = st.builds(PiiMatch, type=texts, confidence=floats, match_ratio=floats)
columns = st.builds(
    ColumnResult,
    name=texts,
    sampled=st.integers(),
    pii=st.lists(pii_matches, max_size=4).map(tuple),
    evidence=st.lists(texts, max_size=4).map(tuple),
    reasons=st.lists(texts, max_size=4).map(tuple),
)


@settings(max_examples=300, deadline=None)
@given(pii_matches)
def test_any_pii_match_round_trips(match: PiiMatch) -> None:
    assert roundtrip(match) == match


@settings(max_examples=300, deadline=None)
@given(columns)
def test_any_column_result_round_trips(column: ColumnResult) -> None:
    back = roundtrip(column)
    assert back == column
    assert all(type(m) is PiiMatch for m in back.pii)


@settings(max_examples=100, deadline=None)
@given(st.lists(columns, max_size=4).map(tuple), st.one_of(st.none(), st.integers(0, 10**12)))
def test_any_dataset_outcome_round_trips(cols: tuple[ColumnResult, ...], rows: int | None) -> None:
    outcome = DatasetOutcome(DatasetResult("org", "public.t", "table", rows, None, cols))
    assert roundtrip(outcome) == outcome


def test_access_row_type_is_decoded_from_its_hints() -> None:
    review = roundtrip(access_review())
    assert isinstance(review, AccessReview)
    assert all(type(row) is AccessRow for row in review.rows)
    assert all(type(f) is Finding for f in review.findings)
