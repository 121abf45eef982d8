"""The JSON codec of scan tasks and outcomes (agent.scan.plain_codec): exact round trips, strict refusals.

Every value a Celery message carries — dataset outcomes with columns,
exemptions, findings and a file key; review outcomes with access rows and
their dates; dataset tasks with a cached classification; listings with
skipped files — must come back equal after ``to_plain`` → ``json.dumps`` →
``json.loads`` → ``from_plain``. Malformed data is a ``ValueError``, and
``to_plain`` refuses what JSON cannot carry faithfully.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
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
    ReviewOutcome,
    ReviewTask,
    SourceListing,
)
from connectors.model import HeldPrivilege, Principal
from scanners.checks.access.review import AccessReview, AccessRow, review_access
from scanners.checks.register.pii_unregistered import check_pii_unregistered
from scanners.checks.scan_error import scan_error
from scanners.model.access import ApprovedGrant
from scanners.model.result import ColumnResult, DatasetResult, Exemption, Finding, PiiMatch

TODAY = date(2026, 11, 25)

EMAIL = ColumnResult(
    name="email",
    sampled=300,
    pii=(PiiMatch("EMAIL_ADDRESS", 0.95, 1.0),),
    evidence=("c*******0@example.co.th", "c*******1@example.co.th"),
    reasons=("EMAIL_ADDRESS: recognizer ratio 1.00",),
)
CITIZEN = ColumnResult(
    name="เลขบัตรประชาชน",
    sampled=300,
    pii=(PiiMatch("TH_NATIONAL_ID", 0.99, 0.97), PiiMatch("PHONE_NUMBER", 0.4, 0.25)),
    evidence=("1-****-*****-**-3",),
    reasons=("TH_NATIONAL_ID: recognizer ratio 0.97; name prior 'cid'", "checksum valid"),
)
PLAIN_COLUMN = ColumnResult(name="amount", sampled=0)
STAFF = DatasetResult(
    source="org",
    name="public.staff",
    kind="table",
    row_count=300,
    register_id="HR-1",
    columns=(EMAIL, CITIZEN, PLAIN_COLUMN),
    exemptions=(
        Exemption("RETENTION_EXPIRED", "archives", 7, "kept as an archive", "เก็บเป็นจดหมายเหตุ"),
        Exemption("ERASURE_PENDING", "legal_claims", None, "legal claim", "การใช้สิทธิเรียกร้อง"),
    ),
)
FINDING = Finding(
    id="MINIMISE_UNDECLARED_PII:org:public.staff:phone",
    type="MINIMISE_UNDECLARED_PII",
    severity="medium",
    source="org",
    dataset="public.staff",
    columns=("phone", "mobile"),
    count=12,
    register_id="HR-1",
    owner="owner@example.co.th",
    principal=None,
    privileges=(),
    law="PDPA s.22",
    message_th="มีข้อมูลที่ไม่ได้ประกาศ",
    message_en="undeclared personal data",
    remediation="drop the column",
)


def access_review() -> AccessReview:
    """A real review: rows with dates, ``via`` pairs, column-only grants, and findings."""
    personal = {"public.staff": frozenset({"EMAIL_ADDRESS", "TH_NATIONAL_ID"})}
    principals = (
        Principal("app", "user"),
        Principal("hr_rw", "role", can_login=False),
        Principal("PUBLIC", "public"),
    )
    held = (
        HeldPrivilege("public.staff", "app", "SELECT", "direct"),
        HeldPrivilege("public.staff", "app", "UPDATE", "role hr_rw", ("email",)),
        HeldPrivilege("public.staff", "hr_rw", "SELECT", "direct"),
        HeldPrivilege("public.staff", "PUBLIC", "SELECT", "PUBLIC"),
    )
    grants = (
        ApprovedGrant("org", "public.*", "app", ("SELECT",), "dpo", date(2025, 1, 10), "6m"),
        ApprovedGrant("org", "public.*", "hr_rw", ("SELECT",), "dpo", None, None),
        ApprovedGrant("org", "public.gone", "old_user", ("SELECT",), "dpo", TODAY, "1y"),
    )
    return review_access("org", principals, held, personal, grants, TODAY)


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
