"""Upgrades of a release 0.1.0 state store (``agent.state.migrate``) on SQLite and PostgreSQL.

KEEP THESE TESTS (docs/state.md). A store written by release 0.1.0 — built
with that release's frozen tables and history (``tests.support.legacy_state``),
never with the agent's own code — is opened by today's ``StateStore``: every
row is still there, the queries answer as before, the next scan continues the
history, and the schema is then exactly ``agent.state.tables``. Its file
cache (``pdpa_file_cache``) is kept too, whichever of ``StateStore`` and
``FileCache`` opens the store first, and its cached files are not read again;
a 0.1.0 store that never had a file cache gets one; a store whose creation
stopped after its first table is completed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from agent.commands.findings import report_lines
from agent.inputs.config_loader import load_config
from agent.scan.file_cache import FILE_CACHE, FileCache, detectors_fingerprint
from agent.scan.runner import ScanPlan, run_scan
from agent.state.migrate import head_revision
from agent.state.store import StateStore
from scanners.detection.engine import DetectionEngine
from tests.agent.state.conftest import _differences, _finding, _revision, _scan_s6
from tests.support import legacy_state
from tests.support.legacy_state import (
    CACHE_MARK,
    CACHE_SOURCE,
    CACHED_FILES,
    SCAN_TIMES,
    dump,
    file_cache_rows,
    write_history,
)


def _open_file_cache(url: str, first: str) -> FileCache:
    """The file cache on ``url``, after ``first`` ("state-store" or "file-cache") opened it."""
    if first == "state-store":
        StateStore(url).close()
    return FileCache(url)


def _cached_share(tmp_path: Path) -> Path:
    """A files source holding the files release 0.1.0 cached, unchanged since; its config."""
    for name, content in CACHED_FILES.items():
        path = tmp_path / "share" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        os.utime(path, (legacy_state.CACHED_MTIME, legacy_state.CACHED_MTIME))
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(
        f'[[sources]]\nname = "{CACHE_SOURCE}"\nkind = "files"\npath = "share"\n',
        encoding="utf-8",
    )
    return config


def _scan_reasons(config: Path, cache: FileCache, engine: DetectionEngine) -> dict[str, list[str]]:
    """Scan the files source with ``cache``: every dataset's reasons."""
    loaded = load_config(config)
    result = run_scan(ScanPlan(loaded, tuple(loaded.config.sources), file_cache=cache), engine)
    return {d.name: [r for c in d.columns for r in c.reasons] for d in result.datasets}


def test_store_of_release_0_1_keeps_every_row_and_answers(state_url: str) -> None:
    write_history(state_url)
    before = dump(state_url)
    assert {name: len(rows) for name, rows in before.items()} == {
        "pdpa_scans": 5,
        "pdpa_datasets": 12,
        "pdpa_columns": 9,
        "pdpa_findings": 6,
        "pdpa_audit": 9,
        "pdpa_file_cache": 2,
    }
    assert _revision(state_url) is None

    with StateStore(state_url) as store:
        assert dump(state_url) == before
        assert _revision(state_url) == head_revision()

        records = {record.id: record for record in store.findings()}
        assert set(records) == {row["id"] for row in legacy_state.FINDINGS_ROWS}
        assert {r.id for r in store.findings(status="open")} == {
            "f-employees",
            "f-grant",
            "f-leads",
        }
        assert {r.id for r in store.findings(status="resolved")} == {
            "f-payroll",
            "f-customers",
            "f-old",
        }
        assert {r.id for r in store.findings(since_scan="s2")} == {"f-customers", "f-leads"}
        grant = records["f-grant"]
        assert (grant.principal, grant.privileges, grant.columns) == (
            "report_user",
            ("SELECT", "UPDATE"),
            (),
        )
        assert grant.to_finding().message_th == "ผู้ใช้มีสิทธิ์เกินความจำเป็น"
        assert records["f-customers"].resolved_at == SCAN_TIMES["s4"]
        assert [scan.id for scan in store.last_scans(9)] == ["s5", "s4", "s3", "s2", "s1"]
        assert store.scan("s3").status == "failed"
        assert store.previous_scan_id("s4") == "s2"  # the failed scan is skipped
        lines = report_lines(store, None, None)
        assert "6 finding(s)" in lines
        assert "latest scan s4: 1 new, 1 resolved" in lines

        # The next scan continues the history: s5 (still running) fails, ids keep counting.
        store.begin_scan("s6", "2024-04-06T02:00:00+07:00", "0.2.0")
        seen = ("f-employees", "hr", "public.employees"), ("f-payroll", "hr", "public.payroll")
        diff = store.record_scan(_scan_s6(tuple(_finding(*f) for f in seen)))
        assert (diff.new, diff.reopened) == ((), ("f-payroll",))
        assert diff.resolved == ("f-grant", "f-leads")
        assert dict(diff.first_seen)["f-employees"] == SCAN_TIMES["s1"]
        assert store.scan("s5").status == "failed"
        assert [scan.id for scan in store.last_scans(2)] == ["s6", "s5"]
        assert store.previous_scan_id("s6") == "s4"
        assert {r.id for r in store.findings(since_scan="s4")} == {"f-grant", "f-leads"}

    assert _differences(state_url) == []


@pytest.mark.parametrize("first", ["state-store", "file-cache"])
def test_file_cache_of_release_0_1_is_kept_and_still_used(
    state_url: str, first: str, tmp_path: Path, detection_engine: DetectionEngine
) -> None:
    # Cached under today's detectors: only a changed detector may invalidate the cache.
    rows = file_cache_rows(detectors_fingerprint())
    write_history(state_url, detectors=detectors_fingerprint())
    before = dump(state_url)
    assert before[FILE_CACHE.name] == sorted(rows, key=lambda row: row["dataset"])

    cache = _open_file_cache(state_url, first)
    try:
        assert _revision(state_url) == head_revision()
        assert dump(state_url) == before
        for row in rows:
            cached = cache.previous(row["source"], row["dataset"])
            assert cached is not None
            assert (cached.key.size, cached.key.mtime, cached.key.digest) == (
                row["size"],
                row["mtime"],
                row["digest"],
            )
            assert (cached.kind, cached.row_count) == (row["kind"], row["row_count"])
        reasons = _scan_reasons(_cached_share(tmp_path), cache, detection_engine)
    finally:
        cache.close()

    # No file was read again: every classification is the one release 0.1.0 cached.
    assert reasons == {
        row["dataset"]: [r for c in json.loads(row["columns"]) for r in c["reasons"]]
        for row in rows
    }
    assert all(reason.endswith(CACHE_MARK) for found in reasons.values() for reason in found)
    assert dump(state_url) == before
    assert _differences(state_url) == []


@pytest.mark.parametrize("first", ["state-store", "file-cache"])
def test_store_of_release_0_1_without_a_file_cache_gets_one(
    state_url: str, first: str, tmp_path: Path, detection_engine: DetectionEngine
) -> None:
    # No scan of release 0.1.0 opened the file cache: its table was never made.
    write_history(state_url, file_cache=False)
    before = dump(state_url)
    assert FILE_CACHE.name not in before

    cache = _open_file_cache(state_url, first)
    try:
        assert _revision(state_url) == head_revision()
        after = dump(state_url)
        assert after.pop(FILE_CACHE.name) == []
        assert after == before
        assert cache.previous(CACHE_SOURCE, "leads.csv") is None
        reasons = _scan_reasons(_cached_share(tmp_path), cache, detection_engine)
        assert set(reasons) == set(CACHED_FILES)
        assert not any(CACHE_MARK in reason for found in reasons.values() for reason in found)
        with cache.engine.connect() as conn:
            cached = set(conn.execute(select(FILE_CACHE.c.dataset)).scalars())
        assert cached == set(CACHED_FILES)  # the files just read are cached
    finally:
        cache.close()
    assert _differences(state_url) == []


def test_half_created_store_of_release_0_1_is_completed(state_url: str) -> None:
    # release 0.1.0's create_all stopped after its first table (SQLite runs DDL unbound
    # to any transaction): the table and its rows are kept, the others are created.
    engine = create_engine(state_url)
    legacy_state.SCANS.create(engine)
    with engine.begin() as conn:
        conn.execute(
            legacy_state.SCANS.insert().values(
                id="s1", started_at=SCAN_TIMES["s1"], status="running", tool_version="0.1.0"
            )
        )
    engine.dispose()
    with StateStore(state_url) as store:
        assert store.scan("s1").status == "running"
    assert _differences(state_url) == []
