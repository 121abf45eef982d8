"""Bringing a state database to this release's schema: Alembic, run whenever a store is opened.

:func:`upgrade_store` (called by ``StateStore(url)`` and by
``FileCache(url)``, whichever opens the store first) upgrades the store to
the head revision of ``agent/state/migrations/versions``:

- a new, empty database gets every table from the scripts;
- a store written before migrations existed (release 0.1.0: tables made by
  ``create_all``, no version table) is adopted by ``0001``, which keeps every
  table it finds, and every row, then upgraded like any other (``0002``
  keeps its file cache, ``pdpa_file_cache``, or creates it);
- a store already at head is only read (its version row), never locked, so
  opening it never waits for a scan that another process is recording;
- a store at a revision this release does not know (written by a newer
  agent) is refused with :class:`StoreSchemaError`, and left untouched.

The revision is kept in ``pdpa_alembic_version`` (prefixed like every table of
the store, so a database shared with another Alembic-managed application is
not confused). An upgrade runs in ONE transaction holding the store's upgrade
lock: SQLite ``BEGIN IMMEDIATE`` (DDL included: the driver's implicit
transactions are turned off for that connection), a PostgreSQL transaction
advisory lock. Two processes opening the same store at once take turns: the
second finds the store at head and does nothing; a failed upgrade leaves the
store as it was. No ``alembic.ini`` is used: the configuration is built here
from the package folder, so an installed agent migrates its store too.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, column, func, inspect, select, table
from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)

#: The folder of Alembic's environment and of ``versions/``.
MIGRATIONS = Path(__file__).with_name("migrations")
#: Where the store's revision is kept.
VERSION_TABLE = "pdpa_alembic_version"
#: Key of the PostgreSQL advisory lock held while a store is upgraded ("pdpa").
PG_LOCK_KEY = 0x70647061
#: A table every store of release 0.1.0 has.
LEGACY_TABLE = "pdpa_scans"


class StoreSchemaError(RuntimeError):
    """The store's schema is at a revision this release does not know."""


def is_store_table(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic ``include_name``: of the tables found in the database, only the store's own."""
    if type_ != "table":
        return True
    return name is not None and name.startswith("pdpa_")


#: Options of every migration context on a state store (``env.py``, comparisons).
CONTEXT_OPTIONS: dict[str, Any] = {
    "version_table": VERSION_TABLE,
    "render_as_batch": True,  # ALTERs that SQLite lacks become table copies
    "compare_type": True,
    "include_name": is_store_table,
}


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for the package's migrations, on ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    config.attributes["connection"] = connection
    return config


@cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The revision of the newest migration script: the schema this release expects."""
    head = _script().get_current_head()
    if head is None:
        raise StoreSchemaError(f"no migration scripts in {MIGRATIONS / 'versions'}")
    return head


def current_revision(conn: Connection) -> str | None:
    """The store's revision; ``None`` for an empty store or one of release 0.1.0."""
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    version = table(VERSION_TABLE, column("version_num"))
    revisions = conn.execute(select(version.c.version_num)).scalars().all()
    if len(revisions) > 1:
        raise StoreSchemaError(f"the state store is at several revisions: {sorted(revisions)}")
    return revisions[0] if revisions else None


def upgrade_store(engine: Engine) -> None:
    """Bring the store at ``engine`` to :func:`head_revision`; see the module docstring."""
    head = head_revision()
    with engine.connect() as conn:
        current = current_revision(conn)
    if current == head:
        return
    with _upgrade_lock(engine) as conn:
        current = current_revision(conn)  # another process may have upgraded it meanwhile
        if current == head:
            return
        known = {script.revision for script in _script().walk_revisions()}
        if current is not None and current not in known:
            raise StoreSchemaError(
                f"the state store's schema is at revision {current}, written by a newer "
                f"pdpa-agent (this one knows up to {head}): upgrade pdpa-agent"
            )
        if current is None and inspect(conn).has_table(LEGACY_TABLE):
            log.info("state store made before schema migrations: adopting it, every row kept")
        log.info("upgrading the state store schema from %s to %s", current or "nothing", head)
        command.upgrade(alembic_config(conn), head)


@contextmanager
def _upgrade_lock(engine: Engine) -> Iterator[Connection]:
    """A connection in one transaction that holds the store's upgrade lock until it ends."""
    with engine.connect() as conn:
        if conn.dialect.name != "sqlite":
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(select(func.pg_advisory_xact_lock(PG_LOCK_KEY)))
                yield conn
            return
        # pysqlite begins a transaction only before INSERT/UPDATE/DELETE and runs DDL
        # outside any: with its implicit transactions off, BEGIN IMMEDIATE takes the write
        # lock (waiting up to the busy timeout) and the DDL joins the transaction.
        driver: Any = conn.connection.driver_connection  # the sqlite3 connection
        saved = driver.isolation_level
        driver.isolation_level = None
        try:
            with conn.begin():
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                yield conn
        finally:
            driver.isolation_level = saved
