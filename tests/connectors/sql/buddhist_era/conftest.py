"""Retention clocks stored in the Buddhist era, on SQLite, PostgreSQL and MariaDB (SPEC §4).

``staff`` creates, for one test, the staff table of :mod:`staff_clocks` on a
new database of each backend in turn (``empty_database_url``) and gives its URL with the number of rows SQL
counts as expired over the converted ``true_ce`` dates: the count every
clock must report.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import MetaData, create_engine, func, select
from sqlalchemy.engine import URL

from tests.connectors.sql.buddhist_era.staff_clocks import CUTOFF, staff_rows, staff_table


@pytest.fixture
def staff(empty_database_url: URL | str) -> Iterator[tuple[str, int]]:
    """The staff table on one backend: its URL and the expired count SQL gives."""
    engine = create_engine(empty_database_url)
    metadata = MetaData()
    table = staff_table(metadata)
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(table.insert(), staff_rows())
        expected = conn.execute(
            select(func.count()).select_from(table).where(table.c.true_ce < CUTOFF)
        ).scalar_one()
    engine.dispose()
    url = (
        empty_database_url.render_as_string(hide_password=False)
        if isinstance(empty_database_url, URL)
        else empty_database_url
    )
    yield url, int(expected)
