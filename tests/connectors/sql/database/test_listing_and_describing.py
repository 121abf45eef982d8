"""The database connector lists and describes tables and views alike on every backend.

On SQLite, PostgreSQL and MariaDB (people_tables.py): tables
and views listed as ``schema.name`` and filtered by include and exclude
globs; each column's value kind read from its SQL type; row counts exact
below a bound and estimated above it; a missing table a DatasetError.
"""

from __future__ import annotations

import pytest

from connectors.base import Connector
from connectors.errors import DatasetError
from connectors.model import ValueKind
from connectors.sql.database import DatabaseConnector
from tests.connectors.sql.database.people_tables import PEOPLE_ROWS, WEIRD
from tests.support.backends import Backend


def test_is_a_connector(connector: DatabaseConnector) -> None:
    assert isinstance(connector, Connector)


def test_lists_tables_and_views(backend: Backend, connector: DatabaseConnector) -> None:
    names = ["empty", "people", "people_view", "small", WEIRD]
    assert connector.list_datasets() == sorted(backend.name(n) for n in names)


def test_include_and_exclude_globs(backend: Backend) -> None:
    url = backend.url.render_as_string(hide_password=False)
    with DatabaseConnector("t", url, include=[f"{backend.schema}.p*"], exclude=["*_view"]) as c:
        assert c.list_datasets() == [backend.name("people")]
    with DatabaseConnector("t", url, exclude=["*.weird*", "*.e*"]) as c:
        assert c.list_datasets() == [backend.name(n) for n in ("people", "people_view", "small")]


def test_describe_kinds_and_counts(backend: Backend, connector: DatabaseConnector) -> None:
    info = connector.describe(backend.name("people"))
    assert info.source == "test" and info.kind == "table"
    assert (info.row_count, info.row_count_exact) == (PEOPLE_ROWS, True)
    kinds = {c.name: c.kind for c in info.columns}
    assert kinds == {
        "id": ValueKind.INTEGER,
        "name": ValueKind.TEXT,
        "email": ValueKind.TEXT,
        "birth": ValueKind.DATE,
        "balance": ValueKind.DECIMAL,
        # MySQL/MariaDB have no boolean type: BOOL is TINYINT(1).
        "active": ValueKind.INTEGER if backend.kind == "mariadb" else ValueKind.BOOLEAN,
        "photo": ValueKind.BINARY,
        "created": ValueKind.DATETIME,
        "wake": ValueKind.TIME,
    }
    assert all(c.type_name for c in info.columns)
    view = connector.describe(backend.name("people_view"))
    assert (view.kind, view.row_count, view.row_count_exact) == ("view", 50, True)
    assert [c.name for c in view.columns] == ["id", "name"]
    assert connector.describe(backend.name("small")).row_count == 10
    assert connector.describe(backend.name("empty")).row_count == 0


def test_estimated_row_count(backend: Backend) -> None:
    url = backend.url.render_as_string(hide_password=False)
    with DatabaseConnector("test", url, exact_count_below=100) as connector:
        info = connector.describe(backend.name("people"))
    if backend.kind == "sqlite":
        # The count stops at the bound; the rowid span (ids 1..5000) is the estimate.
        assert (info.row_count, info.row_count_exact) == (PEOPLE_ROWS, False)
    else:
        assert info.row_count_exact is False
        assert info.row_count is not None and 0.5 * PEOPLE_ROWS <= info.row_count <= 2 * PEOPLE_ROWS


def test_missing_dataset(backend: Backend, connector: DatabaseConnector) -> None:
    with pytest.raises(DatasetError):
        connector.describe(backend.name("no_such_table"))
    info = connector.describe(backend.name("small"))
    gone = info.__class__(info.source, backend.name("gone"), "table", info.columns, 10, True)
    with pytest.raises(DatasetError):
        connector.sample(gone, 5)
