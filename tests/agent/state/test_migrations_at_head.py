"""Schema migrations of the state store at the head revision, on SQLite and PostgreSQL.

KEEP THESE TESTS (docs/state.md). A new store ends at the head revision with
exactly the schema of ``agent.state.tables``; re-opening a store changes
nothing (no upgrade runs again); a store of a newer release is refused
untouched; several processes opening one store at once — new, or written by
release 0.1.0 — all succeed.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, inspect, select, update
from sqlalchemy.pool import NullPool
from sqlalchemy.sql import column, table

from agent.state import migrate
from agent.state.migrate import StoreSchemaError, head_revision
from agent.state.store import StateStore
from agent.state.tables import metadata
from tests.agent.state.conftest import _differences, _finding, _revision, _scan_s6
from tests.support.legacy_state import dump, write_history
from tests.support.paths import REPO_ROOT

LOCK_WAIT_S = 20.0  # far more than two opens take; an upgrade attempt waits forever (PG)

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


def test_reopening_a_store_changes_nothing(state_url: str) -> None:
    """A store at head is only read: opening it never waits for the upgrade lock, which
    another process (here a connection of our own) may hold while it records a scan."""
    with StateStore(state_url) as store:
        store.begin_scan("s6", "2024-04-06T02:00:00+07:00", "0.2.0")
        store.record_scan(_scan_s6((_finding("a", "hr", "public.employees"),)))
    before = dump(state_url)
    holder = create_engine(state_url, poolclass=NullPool)
    with holder.connect() as lock:
        if holder.dialect.name == "sqlite":  # the write lock an upgrade takes first
            lock.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            lock.execute(select(func.pg_advisory_lock(migrate.PG_LOCK_KEY)))
        opened: list[list[str]] = []

        def reopen_twice() -> None:
            for _ in range(2):
                with StateStore(state_url) as store:
                    opened.append([record.id for record in store.findings(status="open")])

        reader = threading.Thread(target=reopen_twice, daemon=True)
        reader.start()
        reader.join(LOCK_WAIT_S)
        assert not reader.is_alive(), "opening a store at head waited for the upgrade lock"
        lock.rollback()
    holder.dispose()
    assert opened == [["a"], ["a"]]
    assert dump(state_url) == before
    assert _revision(state_url) == head_revision()


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
