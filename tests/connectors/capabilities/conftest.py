"""Retention counts, k-anonymity groups, subject lookups and remediation SQL, per connector.

The database cases run identically on SQLite, PostgreSQL and MariaDB:
``package_backend`` is a new empty database on each backend in turn, shared
by every module of this folder (so each is created and filled once, not once
per module); ``backend`` fills it with the tables of :mod:`capability_data`;
``connector`` is an open :class:`DatabaseConnector` on it; ``writable`` is a
separate writable connection inside a transaction that is rolled back, where
the generated DELETE/UPDATE statements are executed. The files cases
(test_file_capabilities.py) use none of these.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection

from connectors.sql.database import DatabaseConnector
from tests.connectors.capabilities.capability_data import populate
from tests.support.backends import BACKEND_KINDS, Backend, new_backend


@pytest.fixture(scope="package", params=BACKEND_KINDS)
def package_backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Backend:
    """A new empty database on each backend in turn, shared by this folder's modules."""
    kind: str = request.param
    return new_backend(request, kind, tmp_path_factory.mktemp(f"db_{kind}"))


@pytest.fixture(scope="package")
def backend(package_backend: Backend) -> Backend:
    populate(package_backend.url)
    return package_backend


@pytest.fixture
def connector(backend: Backend) -> Iterator[DatabaseConnector]:
    with DatabaseConnector("test", backend.url.render_as_string(hide_password=False)) as c:
        yield c


@pytest.fixture
def writable(backend: Backend) -> Iterator[Connection]:
    """A writable connection of our own, inside a transaction that is rolled back."""
    engine = create_engine(backend.url)
    with engine.connect() as conn:
        transaction = conn.begin()
        yield conn
        transaction.rollback()
    engine.dispose()
