"""The agent's state store (``agent.state.store``) on SQLite and on PostgreSQL.

Scan results are built by hand: a few findings, one kept, one gone, one new,
then checked for exact new/resolved ids, first/last seen, re-opening, failed
sources, crash recovery, queries and that nothing raw is ever stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import URL

from agent.state.store import AuditEntry, StateStore, UnknownScanError, iso_utc
from agent.state.tables import metadata
from scanners.model.result import (
    ColumnResult,
    DatasetResult,
    Finding,
    PiiMatch,
    ScanInfo,
    ScanResult,
    SourceStatus,
)

RAW_ID = "1103700012345"  # a raw national id: must never reach the store
MASKED_ID = "1-1037-xxxxx-xx-5"


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StateStore]:
    if request.param == "sqlite":
        url: str | URL = f"sqlite:///{tmp_path / 'state.db'}"
    else:
        fresh: Callable[[], URL] = request.getfixturevalue("fresh_pg_database")
        url = fresh()
    state = StateStore(url)
    yield state
    state.close()


def _finding(fid: str, source: str = "hr", dataset: str = "public.employees") -> Finding:
    return Finding(
        id=fid,
        type="PII_UNREGISTERED",
        severity="high",
        source=source,
        dataset=dataset,
        columns=("citizen_id",),
        count=None,
        register_id=None,
        owner="hr-owner@example.co.th",
        principal=None,
        privileges=(),
        law="PDPA s.39",
        message_th="พบข้อมูลส่วนบุคคลที่ไม่ได้ลงทะเบียน",
        message_en="Personal data not in the register",
    )


def _result(
    scan_id: str,
    minute: int,
    findings: tuple[Finding, ...],
    sources: tuple[tuple[str, str], ...] = (("hr", "ok"),),
    datasets: tuple[DatasetResult, ...] = (),
) -> ScanResult:
    return ScanResult(
        scan=ScanInfo(
            id=scan_id,
            started_at=f"2024-05-01T02:{minute:02d}:00+07:00",
            finished_at=f"2024-05-01T02:{minute:02d}:30+07:00",
            tool_version="1.0",
        ),
        sources=tuple(
            SourceStatus(
                name=name, status=status, error=None if status == "ok" else "down", datasets=1
            )
            for name, status in sources
        ),
        datasets=datasets,
        findings=findings,
    )


def _run(store: StateStore, result: ScanResult, audit: tuple[AuditEntry, ...] = ()):
    store.begin_scan(result.scan.id, result.scan.started_at, result.scan.tool_version)
    return store.record_scan(result, audit)


def _by_id(store: StateStore, **query) -> dict:
    return {record.id: record for record in store.findings(**query)}


def test_two_scans_new_resolved_and_seen(store: StateStore) -> None:
    first = _run(store, _result("s1", 0, (_finding("kept"), _finding("gone"))))
    assert first.new == ("gone", "kept")
    assert first.resolved == ()
    assert first.still_open == 2

    second = _run(store, _result("s2", 10, (_finding("kept"), _finding("fresh"))))
    assert second.new == ("fresh",)
    assert second.resolved == ("gone",)
    assert second.still_open == 2
    assert second.reopened == ()

    records = _by_id(store)
    s1_at, s2_at = iso_utc("2024-05-01T02:00:00+07:00"), iso_utc("2024-05-01T02:10:00+07:00")
    assert s1_at == "2024-04-30T19:00:00.000000+00:00"
    kept, gone, fresh = records["kept"], records["gone"], records["fresh"]
    assert (kept.first_seen_scan, kept.first_seen_at) == ("s1", s1_at)
    assert (kept.last_seen_scan, kept.last_seen_at, kept.status) == ("s2", s2_at, "open")
    assert (gone.last_seen_scan, gone.status) == ("s1", "resolved")
    assert (gone.resolved_scan, gone.resolved_at) == ("s2", s2_at)
    assert (fresh.first_seen_scan, fresh.last_seen_scan, fresh.status) == ("s2", "s2", "open")
    assert kept.columns == ("citizen_id",) and kept.privileges == ()
    assert kept.message_th == "พบข้อมูลส่วนบุคคลที่ไม่ได้ลงทะเบียน"
    assert kept.to_finding() == _finding("kept")

    assert set(_by_id(store, status="open")) == {"kept", "fresh"}
    assert set(_by_id(store, status="resolved")) == {"gone"}
    assert set(_by_id(store, since_scan="s1")) == {"fresh", "gone"}
    assert set(_by_id(store, status="open", since_scan="s1")) == {"fresh"}
    assert _by_id(store, since_scan="s2") == {}
    with pytest.raises(UnknownScanError):
        store.findings(since_scan="nope")
    with pytest.raises(ValueError):
        store.findings(status="closed")

    assert [scan.id for scan in store.last_scans(5)] == ["s2", "s1"]
    assert all(scan.status == "complete" for scan in store.last_scans(5))
    assert store.previous_scan_id("s2") == "s1"
    assert store.previous_scan_id("s1") is None


def test_resolved_finding_that_reappears_is_reopened(store: StateStore) -> None:
    _run(store, _result("s1", 0, (_finding("a"),)))
    assert _run(store, _result("s2", 10, ())).resolved == ("a",)
    third = _run(store, _result("s3", 20, (_finding("a"),)))
    assert third.new == ()
    assert third.reopened == ("a",)
    record = _by_id(store)["a"]
    assert (record.status, record.resolved_scan, record.resolved_at) == ("open", None, None)
    assert (record.first_seen_scan, record.last_seen_scan) == ("s1", "s3")


def test_failed_source_does_not_resolve_its_findings(store: StateStore) -> None:
    both = (("hr", "ok"), ("crm", "ok"))
    _run(store, _result("s1", 0, (_finding("hr-1"), _finding("crm-1", source="crm")), both))
    # crm failed: its findings were not seen, hr's were looked at and are gone.
    diff = _run(store, _result("s2", 10, (), (("hr", "ok"), ("crm", "error"))))
    assert diff.resolved == ("hr-1",)
    assert diff.still_open == 1
    # A source that was not part of this scan at all keeps its findings too.
    diff = _run(store, _result("s3", 20, (), (("hr", "ok"),)))
    assert diff.resolved == ()
    assert set(_by_id(store, status="open")) == {"crm-1"}


def test_failed_dataset_does_not_resolve_its_findings(store: StateStore) -> None:
    _run(store, _result("s1", 0, (_finding("emp"), _finding("pay", dataset="public.pay"))))
    broken = DatasetResult(source="hr", name="public.pay", kind="table", row_count=None, error="x")
    diff = _run(store, _result("s2", 10, (), datasets=(broken,)))
    assert diff.resolved == ("emp",)
    assert set(_by_id(store, status="open")) == {"pay"}


def test_crash_between_begin_and_record(store: StateStore) -> None:
    _run(store, _result("s1", 0, (_finding("a"),)))
    store.begin_scan("crashed", "2024-05-01T02:05:00+07:00", "1.0")  # and then nothing
    assert store.last_scans(1)[0].status == "running"
    assert _by_id(store)["a"].last_seen_scan == "s1"

    diff = _run(store, _result("s2", 10, (_finding("b"),)))
    assert store.scan("crashed").status == "failed"
    assert store.scan("s2").status == "complete"
    assert store.scan("s2").finished_at == iso_utc("2024-05-01T02:10:30+07:00")
    assert (diff.new, diff.resolved, diff.still_open) == (("b",), ("a",), 1)
    assert store.previous_scan_id("s2") == "s1"  # the failed scan is skipped


def test_record_twice_is_refused(store: StateStore) -> None:
    result = _result("s1", 0, (_finding("a"),))
    _run(store, result)
    with pytest.raises(ValueError):
        store.record_scan(result, ())


def _masked_dataset() -> DatasetResult:
    column = ColumnResult(
        name="citizen_id",
        sampled=1000,
        pii=(PiiMatch(type="TH_NATIONAL_ID", confidence=0.98, match_ratio=0.97),),
        evidence=(MASKED_ID,),
        reasons=("TH_NATIONAL_ID: recognizer ratio 0.97; name prior 'cid'",),
    )
    return DatasetResult(
        source="hr",
        name="public.employees",
        kind="table",
        row_count=5231,
        register_id="HR-001",
        columns=(column,),
    )


def test_datasets_columns_and_audit_stored_without_raw_values(store: StateStore) -> None:
    audit = (AuditEntry("s1", "hr", "public.employees", 1000, "2024-05-01T02:00:05+07:00"),)
    result = _result("s1", 0, (_finding("a"),), datasets=(_masked_dataset(),))
    _run(store, result, audit)

    dump: dict[str, list[dict]] = {}
    with store.engine.connect() as conn:
        for table in metadata.sorted_tables:
            dump[table.name] = [dict(r) for r in conn.execute(select(table)).mappings()]

    assert dump["pdpa_audit"] == [
        {
            "pk": 1,
            "scan_id": "s1",
            "source": "hr",
            "dataset": "public.employees",
            "rows_sampled": 1000,
            "at": "2024-04-30T19:00:05.000000+00:00",
        }
    ]
    [dataset] = dump["pdpa_datasets"]
    assert (dataset["name"], dataset["row_count"], dataset["register_id"]) == (
        "public.employees",
        5231,
        "HR-001",
    )
    [column] = dump["pdpa_columns"]
    assert column["column"] == "citizen_id"
    assert MASKED_ID in column["evidence"]
    assert "TH_NATIONAL_ID" in column["pii"]

    text = repr(dump)
    assert RAW_ID not in text
    assert RAW_ID.replace("-", "") not in text.replace("-", "")


def test_record_scan_is_one_transaction(store: StateStore) -> None:
    _run(store, _result("s1", 0, (_finding("a"),)))
    store.begin_scan("s2", "2024-05-01T02:10:00+07:00", "1.0")
    bad = Finding(**{**_finding("b").__dict__, "law": None})  # NOT NULL: fails mid-way
    result = _result("s2", 10, (bad,), datasets=(_masked_dataset(),))
    with pytest.raises(Exception):  # noqa: B017 - the backend's IntegrityError
        store.record_scan(
            result, (AuditEntry("s2", "hr", "public.employees", 5, "2024-05-01T02:10:01Z"),)
        )
    with store.engine.connect() as conn:
        for table in metadata.sorted_tables:
            if table.name in {"pdpa_datasets", "pdpa_columns", "pdpa_audit"}:
                assert conn.execute(select(table)).all() == []
    assert store.scan("s2").status == "running"
    assert set(_by_id(store, status="open")) == {"a"}
    # The next scan recovers: s2 failed, s3 complete and consistent.
    diff = _run(store, _result("s3", 20, ()))
    assert store.scan("s2").status == "failed"
    assert diff.resolved == ("a",)
