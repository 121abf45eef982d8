"""A backend terminated or killed under a dataset: read again once, then a SCAN_ERROR.

A helper thread ends the scanner's connection (``pg_terminate_backend`` on
PostgreSQL, ``KILL`` on MariaDB) while it reads a slow view. Killed once, the
dataset is read again on a new connection and scanned; killed at every read,
it is a SCAN_ERROR after exactly two reads. The other datasets are scanned
either way, with one worker and with two (issue 9). Nothing asserts a duration.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Connection
from sqlalchemy.pool import NullPool

from tests.safety.faults.scan_runs import (
    cli,
    create_people,
    database_source,
    pii_of,
    rendered,
    report_of,
    scan_errors,
    write_config,
)
from tests.support.polling import PollingThread

SLOW_S = 1  # a slow view sleeps this long per read

SLEEPERS = {
    "postgresql": text(
        "SELECT pid FROM pg_stat_activity WHERE datname = :db AND wait_event = 'PgSleep'"
    ),
    "mariadb": text(
        "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = :db AND STATE = 'User sleep'"
    ),
}
TERMINATE = {
    "postgresql": text("SELECT pg_terminate_backend(:id)"),
    "mariadb": text("KILL :id"),  # the connection, not only its query
}


@dataclass
class Killer(PollingThread):
    """From its own admin connection (``engine``), ends every backend of ``db`` found sleeping
    in a slow view (the scanner's, mid-read), up to ``limit`` of them."""

    dialect: str
    db: str
    limit: int | None
    killed: list[int] = field(default_factory=list)

    def poll(self, conn: Connection) -> bool:
        if self.limit is not None and len(self.killed) >= self.limit:
            return False
        for backend in conn.execute(SLEEPERS[self.dialect], {"db": self.db}).scalars():
            if backend not in self.killed:
                conn.execute(TERMINATE[self.dialect], {"id": int(backend)})
                self.killed.append(int(backend))
                break
        return True


@dataclass(frozen=True)
class SlowDatabase:
    dialect: str
    url: URL
    admin: URL
    schema: str


@pytest.fixture(scope="module")
def slow_pg(fresh_pg_database: Callable[[], URL], pg_url: URL) -> SlowDatabase:
    url = fresh_pg_database()
    engine = create_engine(url, poolclass=NullPool)
    create_people(engine, "customers", "staff")
    with engine.begin() as conn:  # a_slow: scanned first, then the rest on the same worker
        conn.execute(text(f"CREATE VIEW a_slow AS SELECT c.* FROM customers c, pg_sleep({SLOW_S})"))
    engine.dispose()
    return SlowDatabase("postgresql", url, pg_url, "public")


@pytest.fixture(scope="module")
def slow_mariadb(fresh_mariadb_database: Callable[[], URL], mariadb_url: URL) -> SlowDatabase:
    url = fresh_mariadb_database()
    engine = create_engine(url, poolclass=NullPool)
    create_people(engine, "customers", "staff")
    with engine.begin() as conn:
        conn.execute(
            text(
                "CREATE VIEW a_slow AS SELECT c.* FROM customers c "
                f"CROSS JOIN (SELECT SLEEP({SLOW_S}) AS z) s"
            )
        )
    engine.dispose()
    return SlowDatabase("mariadb", url, mariadb_url, str(url.database))


@pytest.mark.parametrize(
    ("dialect", "kills", "workers"),
    [
        ("postgresql", None, 1),
        ("postgresql", 1, 2),
        ("mariadb", None, 2),
        ("mariadb", 1, 1),
    ],
    ids=["pg-every-read-1", "pg-once-2", "mariadb-every-read-2", "mariadb-once-1"],
)
def test_backend_killed_mid_read(
    request: pytest.FixtureRequest, tmp_path: Path, dialect: str, kills: int | None, workers: int
) -> None:
    """Killed once: read again on a new connection and scanned (exit 0). Killed at every
    read: a SCAN_ERROR after exactly two reads (exit 3). The other datasets are scanned."""
    slow: SlowDatabase = request.getfixturevalue(
        "slow_pg" if dialect == "postgresql" else "slow_mariadb"
    )
    config = write_config(tmp_path, workers, database_source("db", rendered(slow.url)))
    admin = create_engine(slow.admin, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        with Killer(admin, dialect, str(slow.url.database), kills) as killer:
            done = cli(config, tmp_path / "out")
    finally:
        admin.dispose()
    report = report_of(tmp_path / "out")
    errors = scan_errors(report)
    slow_view = f"{slow.schema}.a_slow"
    for table in ("customers", "staff"):
        assert pii_of(report, "db", f"{slow.schema}.{table}") >= {"EMAIL_ADDRESS"}
    assert pii_of(report, "db", f"{slow.schema}.products") == set()
    if kills == 1:
        assert len(killer.killed) == 1  # the kill happened mid-read
        assert done.returncode == 0, done.stdout + done.stderr
        assert errors == {}
        assert pii_of(report, "db", slow_view) >= {"EMAIL_ADDRESS"}
        assert "reading it again on a new connection" in done.stderr
    else:
        assert len(killer.killed) == 2  # one retry, never more
        assert done.returncode == 3, done.stdout + done.stderr
        assert list(errors) == [("db", slow_view)]
        assert "connection lost" in errors[("db", slow_view)]
        assert "read 2 times" in errors[("db", slow_view)]
