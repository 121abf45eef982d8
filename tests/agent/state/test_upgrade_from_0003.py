"""A store at revision 0003 (before the breach register) upgraded on SQLite and PostgreSQL.

The store is written as release 0.1.0 wrote it (``tests.support.legacy_state``),
brought to ``0003`` with that revision's own migrations, and given a
disclosure and its follow-up as frozen rows (never today's tables or code).
Opening it with today's ``StateStore`` runs ``0004``: every row of every older
table — the disclosure log included — is kept, its scans and disclosures
still answer, the breach register starts empty and takes breaches, and the
schema is then exactly ``agent.state.tables``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from alembic import command
from sqlalchemy import MetaData, Table, column, create_engine, inspect, select, table

from agent.state.breaches import get_breach, list_breaches, open_breach
from agent.state.disclosures import get_disclosure, record_followup
from agent.state.migrate import alembic_config, head_revision
from agent.state.store import StateStore
from agent.state.tables import BREACH_ASSESSMENTS, BREACHES
from tests.agent.state.breach_support import _assessment, _breach, _opened
from tests.agent.state.conftest import _differences, _revision
from tests.support.legacy_state import FINDINGS_ROWS, dump, write_history

REGISTER_TABLES = {BREACHES.name, BREACH_ASSESSMENTS.name}

#: A disclosure as revision 0003 stored it (ISO UTC times, JSON treatments).
DISCLOSURE_ROW: dict[str, Any] = {
    "id": "REQ-2026-014",
    "source": "skyport_pg",
    "dataset": "ops.passengers",
    "recipient": "คณะสาธารณสุขศาสตร์ มหาวิทยาลัยตัวอย่าง",
    "recipient_contact": "a.researcher@example.ac.th",
    "requested_by": "หน่วยวิจัย",
    "legal_basis": "archives_research",
    "sensitive_basis": "",
    "purpose": "ศึกษาการเดินทางของผู้โดยสาร",
    "approved_by": "dpo@example.co.th",
    "register_id": "OPS-007",
    "owner": None,
    "disclosed_at": "2026-12-04T03:30:15.123456+00:00",
    "rows": 3_000_000_000,
    "sha256": "ab" * 32,
    "k": 7,
    "treatments": '[["national_id", "pseudonym"], ["ชื่อเล่น", "mask"]]',
    "format": "csv",
    "follow_up_every": "6m",
    "next_followup": "2027-06-04",
    "status": "open",
}
FOLLOWUP_ROW: dict[str, Any] = {  # its pk is the database's: 1
    "disclosure_id": "REQ-2026-014",
    "recorded_at": "2027-06-05T02:15:00.000000+00:00",
    "status": "no_answer",
    "note": "โทรแล้วไม่มีผู้รับสาย",
    "by": "dpo",
    "next_followup": "2027-06-04",
}
LOG = {"pdpa_disclosures": DISCLOSURE_ROW, "pdpa_disclosure_followups": FOLLOWUP_ROW}


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    names = set(inspect(engine).get_table_names())
    engine.dispose()
    return names


def _store_at_0003(url: str) -> None:
    write_history(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0003")
    with engine.begin() as conn:
        for name, row in LOG.items():
            conn.execute(table(name, *(column(key) for key in row)).insert().values(**row))
    engine.dispose()


def _log_rows(url: str) -> dict[str, list[dict[str, Any]]]:
    """Every row of the disclosure log as the database holds it (tables read from it)."""
    engine = create_engine(url)
    with engine.connect() as conn:
        found = {}
        for name in LOG:
            reflected = Table(name, MetaData(), autoload_with=conn)
            query = select(reflected).order_by(*reflected.primary_key.columns)
            found[name] = [dict(row) for row in conn.execute(query).mappings()]
    engine.dispose()
    return found


def test_store_at_0003_upgrades_to_the_register_keeping_every_row(state_url: str) -> None:
    _store_at_0003(state_url)
    assert _revision(state_url) == "0003"
    assert not REGISTER_TABLES & _tables(state_url)
    before, log = dump(state_url), _log_rows(state_url)
    assert log == {
        "pdpa_disclosures": [DISCLOSURE_ROW],
        "pdpa_disclosure_followups": [{"pk": 1, **FOLLOWUP_ROW}],
    }

    with StateStore(state_url) as store:
        assert _revision(state_url) == head_revision()
        assert head_revision() >= "0004"
        assert _tables(state_url) >= REGISTER_TABLES
        assert dump(state_url) == before  # every scan, dataset, finding, audit and cached file
        assert _log_rows(state_url) == log  # the disclosure log, untouched
        assert [scan.id for scan in store.last_scans(9)] == ["s5", "s4", "s3", "s2", "s1"]
        assert {r.id for r in store.findings()} == {row["id"] for row in FINDINGS_ROWS}
        disclosure = get_disclosure(store, "REQ-2026-014")
        assert disclosure is not None and disclosure.rows == 3_000_000_000
        assert [f.note for f in disclosure.followups] == ["โทรแล้วไม่มีผู้รับสาย"]
        answered = datetime(2027, 7, 1, tzinfo=UTC)
        closed = record_followup(store, "REQ-2026-014", "deleted", "", "dpo", answered, None)
        assert [f.status for f in closed.followups] == ["no_answer", "deleted"]
        assert list_breaches(store) == []
        breach, assessment = _breach("BR-20261204-01"), _assessment("BR-20261204-01", datasets=5)
        open_breach(store, breach, assessment)
        assert get_breach(store, "BR-20261204-01") == _opened(breach, assessment)

    assert _differences(state_url) == []
