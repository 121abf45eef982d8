"""Schema migrations of the state store (``agent.state.migrate``) on SQLite and PostgreSQL.

KEEP THESE TESTS (docs/state.md). A store written by release 0.1.0 — built
with that release's frozen tables and history (``tests.support.legacy_state``),
never with the agent's own code — is opened by today's ``StateStore``: every
row is still there, the queries answer as before, the next scan continues the
history, and the schema is then exactly ``agent.state.tables``. A new store
ends at the head revision with exactly that schema too; re-opening a store
changes nothing; a store of a newer release is refused untouched; several
processes opening one store at once all succeed.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from alembic import command as alembic_command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, update
from sqlalchemy.engine import URL
from sqlalchemy.sql import column, table

from agent.commands.findings import report_lines
from agent.state import migrate
from agent.state.migrate import StoreSchemaError, current_revision, head_revision
from agent.state.store import StateStore
from agent.state.tables import metadata
from scanners.model.result import Finding, ScanInfo, ScanResult, SourceStatus
from tests.support import legacy_state
from tests.support.legacy_state import SCAN_TIMES, dump, write_history
from tests.support.paths import REPO_ROOT

PROCESSES = 4
# Each child imports the store, says it is ready, waits for "go", then opens the store.
CHILD = """
import sys, time
from pathlib import Path
from agent.state.store import StateStore
url, go, ready = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
ready.touch()
while not go.exists():
    time.sleep(0.002)
StateStore(url).close()
"""


@pytest.fixture(params=["sqlite", "postgresql"])
def state_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty state database on each backend (PostgreSQL: a temporary database)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'state.db'}"
    fresh: Callable[[], URL] = request.getfixturevalue("fresh_pg_database")
    return fresh().render_as_string(hide_password=False)


def _revision(url: str) -> str | None:
    engine = create_engine(url)
    with engine.connect() as conn:
        revision = current_revision(conn)
    engine.dispose()
    return revision


def _differences(url: str) -> list[Any]:
    """What Alembic's autogenerate finds between the store and ``agent.state.tables``."""
    engine = create_engine(url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts=migrate.CONTEXT_OPTIONS)
        differences = compare_metadata(context, metadata)
    engine.dispose()
    return differences


def _finding(fid: str, source: str, dataset: str | None) -> Finding:
    return Finding(
        id=fid,
        type="PII_UNREGISTERED",
        severity="high",
        source=source,
        dataset=dataset,
        columns=("citizen_id",),
        count=None,
        register_id=None,
        owner=None,
        principal=None,
        privileges=(),
        law="PDPA s.39",
        message_th="พบข้อมูลส่วนบุคคลที่ไม่ได้ลงทะเบียน",
        message_en="Personal data not in the register",
    )


def _scan_s6(findings: tuple[Finding, ...]) -> ScanResult:
    return ScanResult(
        scan=ScanInfo(
            id="s6",
            started_at="2024-04-06T02:00:00+07:00",
            finished_at="2024-04-06T02:05:00+07:00",
            tool_version="0.2.0",
        ),
        sources=(
            SourceStatus(name="hr", status="ok", error=None, datasets=2),
            SourceStatus(name="crm", status="ok", error=None, datasets=2),
        ),
        datasets=(),
        findings=findings,
    )


def test_store_of_release_0_1_keeps_every_row_and_answers(state_url: str) -> None:
    write_history(state_url)
    before = dump(state_url)
    assert {name: len(rows) for name, rows in before.items()} == {
        "pdpa_scans": 5,
        "pdpa_datasets": 12,
        "pdpa_columns": 9,
        "pdpa_findings": 6,
        "pdpa_audit": 9,
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


def test_new_store_is_created_at_head_with_the_declared_tables(state_url: str) -> None:
    with StateStore(state_url) as store:
        assert store.last_scans() == []
    assert _revision(state_url) == head_revision()
    engine = create_engine(state_url)
    tables = set(inspect(engine).get_table_names())
    engine.dispose()
    assert tables == set(metadata.tables) | {migrate.VERSION_TABLE}
    # The migration scripts end at exactly agent/state/tables.py.
    assert _differences(state_url) == []


def test_reopening_a_store_changes_nothing(state_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with StateStore(state_url) as store:
        store.begin_scan("s6", "2024-04-06T02:00:00+07:00", "0.2.0")
        store.record_scan(_scan_s6((_finding("a", "hr", "public.employees"),)))
    before = dump(state_url)

    def no_upgrade(*args: object, **kwargs: object) -> None:
        raise AssertionError("a store at head was upgraded again")

    monkeypatch.setattr(alembic_command, "upgrade", no_upgrade)
    for _ in range(2):
        with StateStore(state_url) as store:
            assert [record.id for record in store.findings(status="open")] == ["a"]
    assert dump(state_url) == before
    assert _revision(state_url) == head_revision()


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


def test_store_of_a_newer_release_is_refused_untouched(state_url: str) -> None:
    StateStore(state_url).close()
    version = table(migrate.VERSION_TABLE, column("version_num"))
    engine = create_engine(state_url)
    with engine.begin() as conn:
        conn.execute(update(version).values(version_num="9999"))
    engine.dispose()
    before = dump(state_url)
    with pytest.raises(StoreSchemaError, match="9999"):
        StateStore(state_url)
    assert dump(state_url) == before
    assert _revision(state_url) == "9999"


@pytest.mark.parametrize("release_0_1", [False, True], ids=["new", "release-0.1"])
def test_processes_opening_one_store_at_once(
    state_url: str, release_0_1: bool, tmp_path: Path
) -> None:
    if release_0_1:
        write_history(state_url)
    before = dump(state_url) if release_0_1 else None
    go = tmp_path / "go"
    ready = [tmp_path / f"ready-{n}" for n in range(PROCESSES)]
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, state_url, str(go), str(path)],
            cwd=REPO_ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in ready
    ]
    deadline = time.monotonic() + 120
    while not all(path.exists() for path in ready) and time.monotonic() < deadline:
        if any(child.poll() is not None for child in children):
            break
        time.sleep(0.01)
    go.touch()
    errors = [child.communicate(timeout=120)[1] for child in children]
    assert [child.returncode for child in children] == [0] * PROCESSES, errors
    assert _revision(state_url) == head_revision()
    assert _differences(state_url) == []
    if before is not None:
        assert dump(state_url) == before
