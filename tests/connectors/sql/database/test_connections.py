"""The database connector's connections: read-only, closed for good, and no password in errors.

A write through the connector's own session fails and changes nothing; a
closed connector stays closed; an unreachable server, a malformed URL or a
missing SQLite file is a SourceError that never shows the password (and the
SQLite file is not created). Every kind of write on the whole pool is
covered by tests/safety/read_only/test_pooled_connections.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import insert
from sqlalchemy.exc import DBAPIError

from connectors.errors import SourceError
from connectors.sql.database import DatabaseConnector
from tests.connectors.sql.database.people_tables import count_rows, small
from tests.support.backends import Backend


def test_connection_is_read_only(backend: Backend, connector: DatabaseConnector) -> None:
    with connector.engine.connect() as conn, pytest.raises(DBAPIError):
        conn.execute(insert(small).values(id=999, code="X"))
        conn.commit()
    assert count_rows(backend, small) == 10


def test_close_is_idempotent(backend: Backend) -> None:
    c = DatabaseConnector("t", backend.url.render_as_string(hide_password=False))
    c.open()
    c.close()
    c.close()
    with pytest.raises(SourceError):
        c.list_datasets()


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg2://u:secret@127.0.0.1:1/x",
        "mysql+pymysql://u:secret@127.0.0.1:1/x",
    ],
)
def test_unreachable_server_masks_password(url: str) -> None:
    with pytest.raises(SourceError) as caught:
        DatabaseConnector("hr", url, connect_timeout_s=2).open()
    message = str(caught.value)
    assert "secret" not in message and "hr" in message and "127.0.0.1" in message
    assert "\n" not in message
    with pytest.raises(SourceError) as caught:
        DatabaseConnector("hr", url.replace("secret@", "@"), password="hunter2").open()
    assert "hunter2" not in str(caught.value)


def test_bad_url_is_a_source_error() -> None:
    with pytest.raises(SourceError) as caught:
        DatabaseConnector("hr", "not a url :secret@").open()
    assert "secret" not in str(caught.value)


def test_missing_sqlite_file_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "absent.db"
    with pytest.raises(SourceError):
        DatabaseConnector("f", f"sqlite:///{path}").open()
    assert not path.exists()
