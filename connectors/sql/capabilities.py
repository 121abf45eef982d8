"""What the database connector computes in the database itself, beyond sampling.

:class:`DatabaseCapabilities` gives :class:`~connectors.sql.database.DatabaseConnector`
the capability protocols of :mod:`connectors.base`:

- :class:`~connectors.base.RowCounter` — ``count_before``: rows past a
  retention cutoff, counted with ``count(*)`` on the clock column as its
  dates are stored (see :mod:`connectors.sql.clock_predicates`);
- :class:`~connectors.base.ClockReader` — how a clock column stores its
  dates, the eras of a DATE column (counted in the database) and the
  distinct values of a text clock with their row counts (streamed ``GROUP BY``);
- :class:`~connectors.base.GroupCounter` — ``group_stats``: k-anonymity facts
  from one ``GROUP BY`` query;
- :class:`~connectors.base.SubjectFinder` — ``present_values`` and
  ``count_values`` (indexed ``IN`` lookups in batches), ``matching_values``
  (a value in any written form, compared after compacting the column in the
  database; see :mod:`connectors.sql.value_forms`) and ``column_values`` (a
  streamed, server-side cursor);
- :class:`~connectors.base.RemediationWriter` — ``delete_sql`` and
  ``anonymise_sql``: statements compiled for the dialect, never executed;
- :class:`~connectors.base.GrantReader` — ``principals`` and
  ``held_privileges``: roles and effective privileges from the catalogue
  (dispatched per dialect by :mod:`connectors.sql.grants.reader`).

Everything runs on the connector's read-only, time-bounded connections; the
statements come from :mod:`connectors.sql.queries`. Failures become
:class:`~connectors.errors.DatasetError` messages that name columns, never values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Select, Table, and_
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from connectors.base import (
    ClockReader,
    GrantReader,
    GroupCounter,
    RemediationWriter,
    RowCounter,
    SubjectFinder,
)
from connectors.errors import DatasetError, SourceError
from connectors.model import (
    NATIVE_CE,
    ClockLayout,
    GroupStats,
    HeldPrivilege,
    Principal,
    ValueSearch,
)
from connectors.sql import clock_predicates, dialects, queries, remediation, value_forms
from connectors.sql.grants import reader as grants

T = TypeVar("T")

#: Rows fetched per round trip when streaming a column.
STREAM_BATCH = 1000


class DatabaseCapabilities(
    RowCounter, ClockReader, GroupCounter, SubjectFinder, RemediationWriter, GrantReader
):
    """Counting, grouping, lookups and remediation SQL for a SQLAlchemy source."""

    if TYPE_CHECKING:  # provided by DatabaseConnector
        name: str
        _url: URL | None

        @property
        def engine(self) -> Engine: ...

        def _with_table(
            self, name: str, what: str, work: Callable[[Connection, Table], T]
        ) -> T: ...

        def _reason(self, exc: BaseException) -> str: ...

        def _dataset_error(self, name: str, what: str, exc: BaseException) -> DatasetError: ...

    def count_before(
        self, name: str, column: str, cutoff: date, layout: ClockLayout = NATIVE_CE
    ) -> int:
        """Rows whose ``column``, read as ``layout``, is earlier than ``cutoff`` (NULLs never
        count). The legacy :data:`~connectors.model.NATIVE_CE` compares the bare column."""

        def work(conn: Connection, table: Table) -> int:
            col = queries.column(table, column, name)
            if layout == NATIVE_CE:
                bound = queries.cutoff_bound(col, cutoff, dialects.family(conn.dialect.name))
                where = col < bound
            else:
                where = clock_predicates.before(col, cutoff, layout)
            return int(conn.execute(queries.count_where(table, where)).scalar_one())

        return self._with_table(name, "count", work)

    def clock_storage(self, name: str, column: str) -> str:
        """How ``column`` stores dates: ``"native"``, ``"number"`` or ``"text"``."""

        def work(conn: Connection, table: Table) -> str:
            col = queries.column(table, column, name)
            return clock_predicates.storage(col, dialects.family(conn.dialect.name))

        return self._with_table(name, "read", work)

    def native_clock_eras(self, name: str, column: str) -> tuple[int, int]:
        """Rows of a DATE/TIMESTAMP ``column`` with a C.E. year and with a B.E. year."""

        def work(conn: Connection, table: Table) -> tuple[int, int]:
            col = queries.column(table, column, name)
            low = date(clock_predicates.BE_FIRST_YEAR, 1, 1)
            high = date(clock_predicates.IMPLAUSIBLE_YEAR, 1, 1)
            be = and_(
                col >= clock_predicates.native_bound(col, low),
                col < clock_predicates.native_bound(col, high),
            )
            ce = col < clock_predicates.native_bound(col, low)
            ce_rows, be_rows = conn.execute(queries.era_counts(table, ce, be)).one()
            return int(ce_rows or 0), int(be_rows or 0)

        return self._with_table(name, "count", work)

    def clock_value_counts(self, name: str, column: str) -> Iterator[tuple[object, int]]:
        """``(value, rows)`` per distinct non-NULL value of ``column``, streamed; text and
        numbers as stored (a DATE on SQLite is its text)."""

        def work(conn: Connection, table: Table) -> Select[Any]:
            col = queries.column(table, column, name)
            if clock_predicates.storage(col, dialects.family(conn.dialect.name)) == "text":
                return queries.value_counts(table, col, clock_predicates.as_text(col))
            return queries.value_counts(table, col, col)

        statement = self._with_table(name, "read", work)
        return ((value, int(rows)) for value, rows in self._stream_rows(name, statement))

    def group_stats(self, name: str, columns: Sequence[str], k_min: int) -> GroupStats:
        """Sizes of the groups sharing one combination of ``columns`` (NULL is a value)."""

        def work(conn: Connection, table: Table) -> GroupStats:
            cols = queries.columns(table, columns, name)
            statement = queries.group_stats(table, cols, k_min)
            groups, smallest, records, small = conn.execute(statement).one()
            least = None if smallest is None else int(smallest)
            return GroupStats(int(groups), least, int(records), int(small))

        return self._with_table(name, "group", work)

    def present_values(
        self, name: str, column: str, candidates: Sequence[str], fold_case: bool = False
    ) -> set[str]:
        """Which of ``candidates`` occur in ``column``, looked up 500 at a time.

        An integer column is compared with the all-digit candidates as ints.
        The result is always a subset of ``candidates``.
        """
        if not candidates:
            return set()

        def work(conn: Connection, table: Table) -> set[str]:
            col = queries.column(table, column, name)
            keys = queries.lookup_keys(col, candidates, fold_case)
            target, batch = queries.lookup_target(col, fold_case), list(keys)
            found: list[object] = []
            for start in range(0, len(batch), queries.IN_BATCH):
                chunk = batch[start : start + queries.IN_BATCH]
                found.extend(conn.execute(queries.present_values(table, target, chunk)).scalars())
            return queries.matched_candidates(keys, found)

        return self._with_table(name, "look up", work)

    def count_values(
        self, name: str, column: str, candidates: Sequence[str], fold_case: bool = False
    ) -> int:
        """Rows whose ``column`` equals one of ``candidates``, counted 500 at a time."""
        if not candidates:
            return 0

        def work(conn: Connection, table: Table) -> int:
            col = queries.column(table, column, name)
            target = queries.lookup_target(col, fold_case)
            batch = list(queries.lookup_keys(col, candidates, fold_case))
            total = 0
            for start in range(0, len(batch), queries.IN_BATCH):
                chunk = batch[start : start + queries.IN_BATCH]
                total += int(conn.execute(queries.count_in(table, target, chunk)).scalar_one())
            return total

        return self._with_table(name, "count", work)

    def matching_values(self, name: str, column: str, search: ValueSearch) -> dict[object, int]:
        """The distinct values of ``column`` matching ``search``, with their row counts.

        Text and integer columns are searched in the database (one bounded
        statement per batch, no row leaves it unless it matches); a column of
        any other type is streamed and compacted here instead.
        """

        def work(conn: Connection, table: Table) -> dict[object, int] | None:
            col = queries.column(table, column, name)
            if not value_forms.searchable_in_sql(col):
                return None
            found: dict[object, int] = {}
            family = dialects.family(conn.dialect.name)
            for statement in value_forms.matching_statements(table, col, search, family):
                for value, rows in conn.execute(statement):
                    found[bytes(value) if isinstance(value, memoryview) else value] = int(rows)
            return found

        found = self._with_table(name, "look up", work)
        if found is None:
            return value_forms.match_cells(self.column_values(name, column), search)
        return found

    def column_values(self, name: str, column: str) -> Iterator[object]:
        """Every non-NULL value of ``column``, streamed through a server-side cursor.

        An unknown dataset or column raises :class:`DatasetError` at once; the
        rows are only read as the iterator is consumed.
        """

        def work(_conn: Connection, table: Table) -> Select[Any]:
            return queries.non_null_values(table, queries.column(table, column, name))

        statement = self._with_table(name, "read", work)
        return (value for (value,) in self._stream_rows(name, statement))

    def _stream_rows(self, name: str, statement: Select[Any]) -> Iterator[tuple[Any, ...]]:
        """Every row of ``statement`` as a tuple (binary values as ``bytes``), fetched
        :data:`STREAM_BATCH` at a time through a server-side cursor (PostgreSQL: a named
        cursor; MySQL/MariaDB: an unbuffered one) on a read-only, time-bounded connection
        that is held until the iterator is exhausted or closed."""
        try:
            with self.engine.connect() as conn:
                streaming = conn.execution_options(stream_results=True, yield_per=STREAM_BATCH)
                for row in streaming.execute(statement):
                    yield tuple(_plain(value) for value in row)
        except SQLAlchemyError as exc:
            raise self._dataset_error(name, "read", exc) from None

    def delete_sql(
        self, name: str, column: str, cutoff: date, layout: ClockLayout = NATIVE_CE
    ) -> str:
        """The ``DELETE`` of the rows whose ``column`` is earlier than ``cutoff`` (not run)."""

        def work(conn: Connection, table: Table) -> str:
            family = dialects.family(conn.dialect.name)
            return remediation.delete_sql(table, name, column, cutoff, conn.dialect, family, layout)

        return self._with_table(name, "write SQL", work)

    def anonymise_sql(
        self,
        name: str,
        columns: Sequence[str],
        clock_column: str,
        cutoff: date,
        layout: ClockLayout = NATIVE_CE,
    ) -> str:
        """The ``UPDATE`` nulling ``columns`` where ``clock_column`` is before ``cutoff``."""

        def work(conn: Connection, table: Table) -> str:
            family = dialects.family(conn.dialect.name)
            return remediation.anonymise_sql(
                table, name, columns, clock_column, cutoff, conn.dialect, family, layout
            )

        return self._with_table(name, "write SQL", work)

    def principals(self) -> list[Principal]:
        """Every role or user of the source, PUBLIC included (see grants.reader)."""
        return self._read_grants(
            "read principals",
            lambda conn: grants.read_principals(conn, conn.dialect.name, self._url),
        )

    def held_privileges(self, datasets: Sequence[str]) -> list[HeldPrivilege]:
        """Effective privileges on ``datasets``: direct, by role, PUBLIC, owner, superuser."""
        return self._read_grants(
            "read privileges",
            lambda conn: grants.read_held_privileges(conn, conn.dialect.name, datasets, self._url),
        )

    def _read_grants(self, what: str, work: Callable[[Connection], T]) -> T:
        try:
            with self.engine.connect() as conn:
                return work(conn)
        except SQLAlchemyError as exc:
            raise SourceError(f"source {self.name!r}: cannot {what}: {self._reason(exc)}") from None


def _plain(value: object) -> object:
    """A driver's binary buffer (psycopg2's ``memoryview``) as ``bytes``; others unchanged."""
    return bytes(value) if isinstance(value, memoryview | bytearray) else value
