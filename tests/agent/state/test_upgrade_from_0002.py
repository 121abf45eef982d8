"""A store at revision 0002 (before the disclosure log) upgraded on SQLite and PostgreSQL.

The store is written as release 0.1.0 wrote it (``tests.support.legacy_state``)
and brought to ``0002`` with that revision's own migrations, never today's
tables. Opening it with today's ``StateStore`` runs ``0003``: every row of
every older table is kept, its scans still answer, the disclosure log starts
empty and takes entries, and the schema is then exactly ``agent.state.tables``.
"""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, inspect

from agent.state.disclosures import get_disclosure, list_disclosures, record_disclosure
from agent.state.migrate import alembic_config, head_revision
from agent.state.store import StateStore
from agent.state.tables import DISCLOSURE_FOLLOWUPS, DISCLOSURES
from tests.agent.state.conftest import _differences, _disclosure, _revision
from tests.support.legacy_state import FINDINGS_ROWS, dump, write_history

LOG_TABLES = {DISCLOSURES.name, DISCLOSURE_FOLLOWUPS.name}


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    names = set(inspect(engine).get_table_names())
    engine.dispose()
    return names


def test_store_at_0002_upgrades_to_the_log_keeping_its_scans(state_url: str) -> None:
    write_history(state_url)
    engine = create_engine(state_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0002")
    engine.dispose()
    assert _revision(state_url) == "0002"
    assert not LOG_TABLES & _tables(state_url)
    before = dump(state_url)

    with StateStore(state_url) as store:
        assert _revision(state_url) == head_revision()
        assert head_revision() >= "0003"
        assert _tables(state_url) >= LOG_TABLES
        assert dump(state_url) == before  # every scan, dataset, finding, audit and cached file
        assert [scan.id for scan in store.last_scans(9)] == ["s5", "s4", "s3", "s2", "s1"]
        assert {r.id for r in store.findings()} == {row["id"] for row in FINDINGS_ROWS}
        assert list_disclosures(store) == []
        record_disclosure(store, _disclosure("REQ-2026-014"))
        assert get_disclosure(store, "REQ-2026-014") == _disclosure("REQ-2026-014")

    assert _differences(state_url) == []
