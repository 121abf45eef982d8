"""The database connector's tables, created and filled once per backend for this folder.

``package_backend`` is a new empty database on SQLite, PostgreSQL and MariaDB
in turn, shared by every module of this folder (so each backend's database
is created and filled once, not once per module); ``backend`` fills it with
the tables of :mod:`people_tables`; ``connector`` is an open
:class:`DatabaseConnector` on it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from connectors.sql.database import DatabaseConnector
from tests.connectors.sql.database.people_tables import populate
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
    conn = DatabaseConnector("test", backend.url.render_as_string(hide_password=False))
    conn.open()
    yield conn
    conn.close()
