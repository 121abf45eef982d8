"""Every row of chosen columns, streamed out of the database, for a disclosure extract.

:class:`SqlRowStreaming` gives :class:`~connectors.sql.database.DatabaseConnector`
the :class:`~connectors.base.RowStreamer` capability that a PDPA s.37(2)
disclosure (SPEC §10) needs: the exact row count of the dataset, its chosen
columns row by row, and each distinct combination of the quasi-identifiers
with its row count (k-anonymity of the extract, grouped in the database).

It lives beside :class:`~connectors.sql.capabilities.DatabaseCapabilities`
(which has no room left) and reuses its helpers: statements are SQLAlchemy
constructs from :mod:`connectors.sql.queries` and
:mod:`connectors.sql.row_counts`, built on the reflected table by
``_with_table``, and read by ``_stream_rows``: a server-side cursor (a named
cursor on PostgreSQL, an unbuffered one on MySQL/MariaDB) on the connector's
read-only, time-bounded connections, so memory stays bounded whatever the
row count. An unknown dataset or column raises
:class:`~connectors.errors.DatasetError` (naming it, never a value) before
any row is read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Select, Table
from sqlalchemy.engine import Connection

from connectors.base import RowStreamer
from connectors.sql import dialects, queries, row_counts

T = TypeVar("T")


class SqlRowStreaming(RowStreamer):
    """Row counts, streamed rows and group counts of a SQLAlchemy source."""

    if TYPE_CHECKING:  # provided by DatabaseConnector and DatabaseCapabilities

        def _with_table(
            self, name: str, what: str, work: Callable[[Connection, Table], T]
        ) -> T: ...

        def _stream_rows(self, name: str, statement: Select[Any]) -> Iterator[tuple[Any, ...]]: ...

    def count_rows(self, name: str) -> int:
        """The exact number of rows of ``name`` (``count(*)`` in the database; the statement
        timeout bounds it on a very large table)."""
        return self._with_table(name, "count", row_counts.count_rows)

    def stream_rows(self, name: str, columns: Sequence[str]) -> Iterator[tuple[object, ...]]:
        """Every row's ``columns``, in that order, streamed; NULL is None, DATE a ``date``.

        The rows come in the table's natural order (no ORDER BY: sorting would
        make the database materialise the whole extract first). An unknown
        column raises DatasetError at once; the rows are read as the iterator
        is consumed, on one connection held until it is exhausted or closed.
        PostgreSQL bounds each FETCH by the statement timeout; MySQL/MariaDB
        bound the whole read (``max_statement_time``), so a large extract there
        needs a connector opened with a timeout to match. The stream is one
        snapshot; ``count_rows`` is another statement, so a table written to
        meanwhile may give a different number: count the rows streamed.
        """

        def work(_conn: Connection, table: Table) -> Select[Any]:
            return queries.selected_columns(table, queries.columns(table, columns, name))

        return self._stream_rows(name, self._with_table(name, "read", work))

    def group_counts(
        self, name: str, columns: Sequence[str]
    ) -> Iterator[tuple[tuple[object, ...], int]]:
        """``(combination, rows)`` for each distinct combination of ``columns`` (NULL is a
        value of its own), from one streamed ``GROUP BY`` in the database, in no set order.

        Text is grouped byte for byte whatever the column's collation, so the
        groups are exactly those of the rows :meth:`stream_rows` gives (a
        case-insensitive collation would merge values the extract keeps apart
        and overstate its k-anonymity).
        """

        def work(conn: Connection, table: Table) -> Select[Any]:
            cols = queries.columns(table, columns, name)
            return queries.group_counts(table, cols, dialects.family(conn.dialect.name))

        statement = self._with_table(name, "group", work)
        return ((tuple(row[:-1]), int(row[-1])) for row in self._stream_rows(name, statement))
