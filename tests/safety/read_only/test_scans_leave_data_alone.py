"""Read-only by construction (issue 9): a scan holds few connections and changes no row.

- during a scan with ``workers = 2`` and ``max_concurrency = 2`` the scanner
  never holds more than one connection per worker process on the source
  (``POOL_SIZE``), observed in ``pg_stat_activity``;
- a scan whose register asks for ``delete`` and ``anonymise`` remediation
  prints the statements and leaves every row of every table as it was (the
  statements, run on a writable connection of the test's own, would change
  them), on PostgreSQL and MariaDB.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Connection
from sqlalchemy.pool import NullPool

from connectors.sql.database import MAX_OVERFLOW, POOL_SIZE
from tests.safety.read_only.shared import cli_scan, create_people, fingerprint, rendered
from tests.support.polling import PollingThread

# --- bounded connections during a scan -----------------------------------------

SLOW_VIEWS = 4


CLIENT_BACKENDS = text(
    "SELECT count(*) FROM pg_stat_activity "
    "WHERE datname = :db AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
)


@dataclass
class ConnectionPoller(PollingThread):
    """Counts, every 20 ms from database ``postgres``, the backends connected to ``db``."""

    db: str
    most: int = 0
    polls: int = 0

    def poll(self, conn: Connection) -> bool:
        self.most = max(self.most, int(conn.execute(CLIENT_BACKENDS, {"db": self.db}).scalar_one()))
        self.polls += 1
        return True


def test_connections_bounded_during_a_scan(
    fresh_pg_database: Callable[[], URL], pg_url: URL, tmp_path: Path
) -> None:
    url = fresh_pg_database()
    create_people(url)
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as conn:
        for i in range(1, SLOW_VIEWS + 1):
            conn.execute(text(f"CREATE VIEW slow_{i} AS SELECT p.* FROM people p, pg_sleep(0.25)"))
    engine.dispose()
    workers = 2
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(
        f'[agent]\nstate = "sqlite:///{tmp_path / "state.db"}"\nworkers = {workers}\n'
        "inline_below = 0\n\n"
        f'[[sources]]\nname = "db"\nkind = "database"\nurl = "{rendered(url)}"\n'
        f'max_concurrency = 2\n\n[reports]\nformats = ["json"]\n',
        encoding="utf-8",
    )
    admin = create_engine(pg_url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        with ConnectionPoller(admin, str(url.database)) as poller:
            done = cli_scan(config, tmp_path / "out")
    finally:
        admin.dispose()
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    assert len(report["datasets"]) == SLOW_VIEWS + 1
    assert poller.polls > 10
    assert poller.most >= 2  # both workers were seen connected at once
    # One connection per worker process; the overflow (MAX_OVERFLOW) is never needed by a scan.
    assert poller.most <= workers * POOL_SIZE < workers * (POOL_SIZE + MAX_OVERFLOW)


# --- remediation is printed, never run ------------------------------------------

REGISTER = """\
[[datasets]]
id = "HR-1"
source = "db"
match = "{schema}.employees"
legal_basis = "contract"
owner = "hr@example.co.th"
allowed_pii = ["PERSON", "EMAIL_ADDRESS"]
retention = "1y"
clock_column = "left_on"
on_expiry = "delete"

[[datasets]]
id = "CRM-1"
source = "db"
match = "{schema}.customers"
legal_basis = "consent"
owner = "crm@example.co.th"
allowed_pii = ["PERSON", "EMAIL_ADDRESS"]
retention = "1y"
clock_column = "left_on"
on_expiry = "anonymise"
"""


def create_registered_tables(url: URL) -> None:
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as conn:
        for table in ("employees", "customers"):
            conn.execute(
                text(
                    f"CREATE TABLE {table} (id INT PRIMARY KEY, full_name VARCHAR(100), "
                    "email VARCHAR(100), left_on DATE)"
                )
            )
            conn.execute(
                text(f"INSERT INTO {table} VALUES (:id, :name, :email, :left_on)"),
                [
                    {
                        "id": i,
                        "name": f"Somchai Jaidee {i}",
                        "email": f"{table}{i}@example.co.th",
                        "left_on": None if i % 3 else f"20{10 + i % 10:02d}-01-15",
                    }
                    for i in range(1, 41)
                ],
            )
    engine.dispose()


@pytest.mark.parametrize("server", ["pg", "mariadb"])
def test_remediation_is_printed_and_never_run(
    request: pytest.FixtureRequest, tmp_path: Path, server: str
) -> None:
    url: URL = request.getfixturevalue(f"fresh_{server}_database")()
    schema = "public" if server == "pg" else str(url.database)
    create_registered_tables(url)
    (tmp_path / "register.toml").write_text(REGISTER.format(schema=schema), encoding="utf-8")
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(
        f'[agent]\nstate = "sqlite:///{tmp_path / "state.db"}"\nworkers = 2\n\n'
        f'[[sources]]\nname = "db"\nkind = "database"\nurl = "{rendered(url)}"\n\n'
        '[register]\npath = "register.toml"\n\n[reports]\nformats = ["json"]\n',
        encoding="utf-8",
    )
    check = create_engine(url, poolclass=NullPool)
    tables = ("employees", "customers")
    with check.connect() as conn:
        before = {table: fingerprint(conn, table) for table in tables}
    done = cli_scan(config, tmp_path / "out")
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    remediation = {
        f["dataset"]: f["remediation"]
        for f in report["findings"]
        if f["type"] == "RETENTION_EXPIRED"
    }
    assert remediation[f"{schema}.employees"].startswith("DELETE FROM ")
    assert remediation[f"{schema}.customers"].startswith("UPDATE ")
    with check.connect() as conn:
        assert {table: fingerprint(conn, table) for table in tables} == before
    with check.connect() as conn:
        # The statements are real: run here, on a writable connection, they change the rows.
        transaction = conn.begin()
        for statement in remediation.values():
            conn.exec_driver_sql(statement)
        changed = {table: fingerprint(conn, table) for table in tables}
        transaction.rollback()
    check.dispose()
    assert all(changed[table] != before[table] for table in tables)
