"""Subjects written in every form, on SQLite, PostgreSQL and MariaDB and as a file share.

``package_backend`` is a new empty database on each backend in turn, shared
by every module of this folder (so each is created and filled once, not once
per module); ``backend`` creates the organisation of
:mod:`tests.support.written_forms` in it (MariaDB as utf8mb4) and, in a
folder of its own, the share, register, erasure requests and configuration
of :mod:`organisation`; ``connector`` is an open :class:`DatabaseConnector`
on the database.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from connectors.sql.database import DatabaseConnector
from tests.connectors.sql.written_forms.organisation import ORG, create_tables, write_config
from tests.support.backends import BACKEND_KINDS, Backend, new_backend


@pytest.fixture(scope="package", params=BACKEND_KINDS)
def package_backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Backend:
    """A new empty database on each backend in turn, shared by this folder's modules."""
    kind: str = request.param
    return new_backend(request, kind, tmp_path_factory.mktemp(f"db_{kind}"))


@pytest.fixture(scope="package")
def backend(
    package_backend: Backend, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, str, Path]:
    """(database URL, schema, folder with config, register, requests and share)."""
    folder = tmp_path_factory.mktemp(f"forms_{package_backend.kind}")
    url = package_backend.url
    if package_backend.kind == "mariadb":
        url = make_url(url).update_query_dict({"charset": "utf8mb4"})
    create_tables(url, ORG)
    rendered = url.render_as_string(hide_password=False)
    write_config(folder, rendered, package_backend.schema)
    return rendered, package_backend.schema, folder


@pytest.fixture
def connector(backend: tuple[str, str, Path]) -> Iterator[DatabaseConnector]:
    with DatabaseConnector("org", backend[0]) as c:
        yield c
