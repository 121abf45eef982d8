"""The three database backends every cross-database test runs on, created one way.

A :class:`Backend` is a new empty database: SQLite in a temporary folder, or
a fresh database on the local PostgreSQL or MariaDB server (created by the
``fresh_pg_database`` / ``fresh_mariadb_database`` fixtures of
``tests/conftest.py``, which fail rather than skip on CI when a server is
absent). The ``module_backend`` and ``empty_database_url`` fixtures in
``tests/conftest.py`` are built on :func:`new_backend`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

BACKEND_KINDS = ("sqlite", "postgresql", "mariadb")


@dataclass(frozen=True)
class Backend:
    """One new database of one kind."""

    kind: str  # "sqlite" | "postgresql" | "mariadb"
    url: URL
    schema: str  # where its tables are: main, public, or the MariaDB database
    admin: URL | None  # the server's admin URL; None for SQLite

    def name(self, table: str) -> str:
        """A table's dataset name as the connector lists it (``schema.table``)."""
        return f"{self.schema}.{table}"

    @property
    def rendered(self) -> str:
        """The URL as a connector is given it (passwords included: local test servers only)."""
        return self.url.render_as_string(hide_password=False)


def new_backend(request: pytest.FixtureRequest, kind: str, folder: Path) -> Backend:
    """A new empty database of ``kind``; a SQLite file goes in ``folder``."""
    if kind == "sqlite":
        url = URL.create("sqlite", database=str(folder / f"{folder.name}.db"))
        return Backend(kind, url, "main", None)
    server = "pg" if kind == "postgresql" else "mariadb"
    factory: Callable[[], URL] = request.getfixturevalue(f"fresh_{server}_database")
    url = factory()
    schema = "public" if kind == "postgresql" else str(url.database)
    return Backend(kind, url, schema, request.getfixturevalue(f"{server}_url"))
