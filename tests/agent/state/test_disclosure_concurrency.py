"""Follow-ups recorded while others write the state store: none is lost, none is doubled.

On SQLite, two follow-ups on two disclosures and a scan's record all start
while another connection holds the store's write lock (a scan recording its
findings): each waits (the store's busy timeout) and lands. On both backends,
two answers closing the same disclosure at once: one is recorded, the other
is refused because the disclosure is closed — never both.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Connection, create_engine, select
from sqlalchemy.pool import NullPool

from agent.state.disclosures import get_disclosure, record_disclosure, record_followup
from agent.state.store import StateStore
from agent.state.tables import DISCLOSURES
from connectors.errors import ConfigError
from tests.agent.state.conftest import BANGKOK, _disclosure, _finding, _scan_s6

ANSWERED = datetime(2027, 6, 5, 9, 15, tzinfo=BANGKOK)
HELD_S = 0.5  # how long the other writer keeps its lock; far below the busy timeout
JOIN_S = 30.0


@contextmanager
def _writer_holding(url: str, disclosure_id: str) -> Iterator[Connection]:
    """Another writer in the middle of its transaction: the SQLite write lock, or the row's."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                row = select(DISCLOSURES.c.id).where(DISCLOSURES.c.id == disclosure_id)
                conn.execute(row.with_for_update())
            yield conn
            conn.rollback()
    finally:
        engine.dispose()


def _all_at_once(url: str, lock_id: str, work: list[Callable[[], object]]) -> list[object]:
    """Run ``work`` in threads that start together while a writer holds its lock."""
    outcomes: list[object] = [None] * len(work)
    start = threading.Barrier(len(work) + 1)

    def run(n: int) -> None:
        start.wait()
        try:
            outcomes[n] = work[n]()
        except Exception as exc:  # kept for the test to look at
            outcomes[n] = exc

    threads = [threading.Thread(target=run, args=(n,), daemon=True) for n in range(len(work))]
    with _writer_holding(url, lock_id):
        for thread in threads:
            thread.start()
        start.wait()
        time.sleep(HELD_S)  # every worker is now waiting for the lock
    for thread in threads:
        thread.join(JOIN_S)
        assert not thread.is_alive()
    return outcomes


def test_followups_and_a_scan_at_once_on_sqlite_all_land(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'state.db'}"
    with StateStore(url) as store:
        record_disclosure(store, _disclosure("REQ-A"))
        record_disclosure(store, _disclosure("REQ-B", day=5))
        store.begin_scan("s6", "2024-04-06T02:00:00+07:00", "0.2.0")
        scan = _scan_s6((_finding("f1", "hr", "public.employees"),))
        outcomes = _all_at_once(
            url,
            "REQ-A",
            [
                lambda: record_followup(
                    store, "REQ-A", "still_needed", "ยังใช้อยู่", "dpo", ANSWERED, date(2027, 12, 5)
                ),
                lambda: record_followup(
                    store, "REQ-B", "returned", "ส่งคืนแล้ว", "dpo", ANSWERED, None
                ),
                lambda: store.record_scan(scan),
            ],
        )
        assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
        a, b = get_disclosure(store, "REQ-A"), get_disclosure(store, "REQ-B")
        assert a is not None and b is not None
        assert [(f.status, f.note) for f in a.followups] == [("still_needed", "ยังใช้อยู่")]
        assert (a.status, a.next_followup) == ("open", date(2027, 12, 5))
        assert [(f.status, f.note) for f in b.followups] == [("returned", "ส่งคืนแล้ว")]
        assert (b.status, b.next_followup) == ("closed", None)
        scanned = store.scan("s6")
        assert scanned is not None and scanned.status == "complete"
        assert [f.id for f in store.findings(status="open")] == ["f1"]


def test_two_answers_closing_one_disclosure_at_once_one_wins(state_url: str) -> None:
    with StateStore(state_url) as store:
        record_disclosure(store, _disclosure("REQ-A"))
        outcomes = _all_at_once(
            state_url,
            "REQ-A",
            [
                lambda: record_followup(store, "REQ-A", "deleted", "", "dpo", ANSWERED, None),
                lambda: record_followup(store, "REQ-A", "returned", "", "dpo", ANSWERED, None),
            ],
        )
        refused = [o for o in outcomes if isinstance(o, ConfigError)]
        assert len(refused) == 1, outcomes
        assert "REQ-A is closed" in str(refused[0])
        final = get_disclosure(store, "REQ-A")
        assert final is not None
        assert final.status == "closed"
        assert len(final.followups) == 1
        assert final in outcomes  # the answer that won returned the disclosure as it stands
