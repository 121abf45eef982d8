"""The generic SQL database connector (SQLAlchemy 2 Core only).

Lists tables and views with the dataset names of SPEC §4 (``schema.table``;
``main.table`` on SQLite; ``database.table`` on MySQL/MariaDB), describes their
columns and row counts, and samples rows at random with the cheapest correct
method of each dialect (see :mod:`connectors.sql.sampling` and
:mod:`connectors.sql.sampling_sqlite`), at a cost that does not grow with the
table: counts stop at ``exact_count_below`` rows (see
:mod:`connectors.sql.row_counts`). Names map to tables through
:mod:`connectors.sql.reflection` and every query is a SQLAlchemy construct,
so identifiers are always quoted by the dialect. Connections are read-only and
time-bounded (see :mod:`connectors.sql.dialects`), and few: a connector keeps a
pool of :data:`POOL_SIZE` connection (plus :data:`MAX_OVERFLOW` for a
statement nested in another), since a dataset's statements run one after
another. A failed statement's reason names its cause (connection lost,
statement timeout, permission denied); a lost connection raises
:class:`~connectors.sql.dialects.ConnectionLostError`. Retention counts, k-anonymity
groups, subject lookups and remediation SQL come from
:class:`~connectors.sql.capabilities.DatabaseCapabilities`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, TypeVar

from sqlalchemy import Table, create_engine, literal, select
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError, NoSuchTableError, OperationalError, SQLAlchemyError

from connectors.base import glob_filter
from connectors.errors import DatasetError, SourceError
from connectors.model import ColumnInfo, DatasetInfo, DatasetSample
from connectors.sql import dialects, reflection, row_counts, sampling, sampling_sqlite
from connectors.sql.capabilities import DatabaseCapabilities
from connectors.sql.change_keys import read_change_keys
from connectors.sql.row_streaming import SqlRowStreaming

log = logging.getLogger(__name__)
T = TypeVar("T")

#: Connections a connector keeps open (one process scans one dataset at a time,
#: statement after statement), and how many more it may open for a nested one.
POOL_SIZE = 1
MAX_OVERFLOW = 1
#: Reflected tables kept per connector (a dataset's statements come one after another).
KEPT_TABLES = 64


class DatabaseConnector(DatabaseCapabilities, SqlRowStreaming):
    """A :class:`~connectors.base.Connector` over any SQLAlchemy database URL."""

    def __init__(
        self,
        name: str,
        url: str | URL,
        include: Sequence[str] = (),
        exclude: Sequence[str] = (),
        password: str | None = None,
        statement_timeout_s: float = 60.0,
        connect_timeout_s: float = 10.0,
        exact_count_below: int = row_counts.EXACT_COUNT_BELOW,
    ) -> None:
        self.name = name
        self._url_arg = url
        self._include = tuple(include)
        self._exclude = tuple(exclude)
        self._password = password
        self._statement_timeout_s = statement_timeout_s
        self._connect_timeout_s = connect_timeout_s
        self._exact_count_below = exact_count_below
        self._engine: Engine | None = None
        self._url: URL | None = None
        self._secrets: list[str] = [password] if password else []
        self._datasets: dict[str, tuple[str | None, str, str]] = {}
        self._tables: dict[str, Table] = {}
        self._views: dict[str, set[str]] = {}  # schema → its view names, for _resolve

    # -- lifecycle ---------------------------------------------------------

    @property
    def engine(self) -> Engine:
        """The open engine (read-only sessions); raises SourceError when closed."""
        if self._engine is None:
            raise SourceError(f"source {self.name!r} is not open")
        return self._engine

    def open(self) -> None:
        """Create the engine and test one connection; SourceError on any failure."""
        if self._engine is not None:
            return
        try:
            url = self._url_arg if isinstance(self._url_arg, URL) else make_url(self._url_arg)
        except Exception:  # the parser's message would echo the raw URL
            raise SourceError(f"source {self.name!r}: invalid database URL") from None
        if self._password is not None:
            url = url.set(password=self._password)
        if url.password:
            self._secrets.append(str(url.password))
            if isinstance(self._url_arg, str):
                self._secrets.append(self._url_arg)
        self._url = url
        shown = url.render_as_string(hide_password=True)
        engine: Engine | None = None
        try:
            pool: dict[str, Any] = {}
            if url.get_backend_name() != "sqlite":
                pool = {"pool_size": POOL_SIZE, "max_overflow": MAX_OVERFLOW, "pool_recycle": 1800}
            engine = create_engine(
                dialects.prepare_url(url),
                pool_pre_ping=True,
                connect_args=dialects.connect_args(url, self._connect_timeout_s),
                **pool,
            )
            dialects.install_session_setup(engine, self._statement_timeout_s)
            with engine.connect() as conn:
                conn.execute(select(literal(1)))
        except Exception as exc:  # any driver/dialect failure becomes one clean line
            if engine is not None:
                engine.dispose()
            log.debug("source %s: connection failed (%s)", self.name, type(exc).__name__)
            reason = self._reason(exc)
            raise SourceError(
                f"source {self.name!r}: cannot connect to {shown}: {reason}"
            ) from None
        self._engine = engine

    def close(self) -> None:
        """Dispose of the engine and its pooled connections; safe to call twice."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def __enter__(self) -> DatabaseConnector:
        self.open()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- listing -----------------------------------------------------------

    def list_datasets(self) -> list[str]:
        """Tables and views as ``schema.table``, after include/exclude, sorted."""
        try:
            with self.engine.connect() as conn:
                found = reflection.list_relations(conn, reflection.user_schemas(conn, self._url))
        except SQLAlchemyError as exc:
            raise SourceError(f"source {self.name!r}: cannot list: {self._reason(exc)}") from None
        self._datasets = found
        return glob_filter(list(found), self._include, self._exclude)

    def change_keys(self) -> dict[str, str]:
        """Change keys of the listed tables (:mod:`connectors.sql.change_keys`); {} when the
        catalogue cannot be read (every table is then read again, nothing worse)."""
        try:
            with self.engine.connect() as conn:
                return read_change_keys(conn, self._url, self._datasets)
        except SQLAlchemyError as exc:
            reason = self._reason(exc)
            log.warning(
                "source %s: change counters unreadable (%s); every table is read", self.name, reason
            )
            return {}

    def _resolve(self, conn: Connection, name: str) -> tuple[str | None, str, str]:
        known = self._datasets.get(name)
        if known is not None:
            return known
        schema, sep, table = name.partition(".")
        if not sep or not table:
            raise DatasetError(f"{name}: not a schema.table name")
        if "." in table:  # a dot inside the schema or the table name: take the split that exists
            schemas = set(reflection.user_schemas(conn, self._url))
            schema, table = reflection.split_dotted(conn, name, schemas)
        views = self._views.get(schema)
        if views is None:  # once per schema: a worker resolves many names it did not list
            views = self._views[schema] = reflection.view_names(conn, schema)
        return schema, table, "view" if table in views else "table"

    # -- describe ----------------------------------------------------------

    def describe(self, name: str) -> DatasetInfo:
        """Columns, kind and row count; DatasetError when missing or unreadable."""
        try:
            with self.engine.connect() as conn:
                schema, table_name, kind = self._resolve(conn, name)
                table = reflection.reflect(conn, schema, table_name)
                self._keep(name, table)
                count, exact = self._row_count(conn, schema, table, kind)
        except NoSuchTableError:
            raise DatasetError(f"{name}: no such table or view") from None
        except SQLAlchemyError as exc:
            raise self._dataset_error(name, "describe", exc) from None
        columns = tuple(
            ColumnInfo(c.name, str(c.type), dialects.value_kind(c.type)) for c in table.columns
        )
        return DatasetInfo(self.name, name, kind, columns, count, exact)

    def _row_count(
        self, conn: Connection, schema: str | None, table: Table, kind: str
    ) -> tuple[int | None, bool]:
        """``(rows, exact)``: a catalogue estimate at or above ``exact_count_below``,
        else a count that stops at it (exact below it). Reaching it reports an
        inexact count: SQLite's ``sqlite_stat1`` or rowid span, elsewhere the
        bound itself (a lower bound; the catalogue had no usable estimate)."""
        bound = self._exact_count_below
        estimate = row_counts.estimated_rows(conn, schema, table.name)
        if estimate is not None and estimate >= bound:
            return estimate, False
        try:
            counted = row_counts.count_rows_upto(conn, table, bound)
        except OperationalError as exc:  # a timeout keeps the columns and skips the count
            if dialects.failure_kind(exc) != dialects.STATEMENT_TIMEOUT:
                raise  # a lost connection or a denied read is the dataset's error
            log.warning("source %s: could not count the rows of a %s in time", self.name, kind)
            return estimate, False
        if counted < bound:
            return counted, True
        larger = None
        if dialects.family(conn.dialect.name) == "sqlite":
            larger = sampling_sqlite.estimated_rows(conn, table, is_view=kind == "view")
        return max(bound, larger or 0), False

    # -- sampling ----------------------------------------------------------

    def sample(self, info: DatasetInfo, rows: int) -> DatasetSample:
        """At most ``rows`` random rows of ``info``, pivoted into columns."""
        names = [c.name for c in info.columns]
        try:
            with self.engine.connect() as conn:
                table = self._tables.get(info.name)
                if table is None:
                    schema, table_name, _kind = self._resolve(conn, info.name)
                    table = reflection.reflect(conn, schema, table_name)
                if rows <= 0:
                    return sampling.pivot(info, [], "full")
                if dialects.family(conn.dialect.name) == "sqlite":
                    kept, method = sampling_sqlite.sample(conn, table, info, rows, names)
                    return sampling.pivot(info, kept, method)
                query = sampling.plan(conn, table, info, rows, names)
                if query.method == "pk_ranges":  # key gaps can cost rows: fresh ranges make up
                    again = partial(sampling.plan, conn, table, info, rows, names)
                    kept = sampling.fetch_rounds(conn, query, again, names, rows)
                else:
                    kept = sampling.fetch(conn, query, names, rows)
                short = info.row_count is None or len(kept) < min(rows, info.row_count)
                if query.method == "tablesample" and short:
                    # SYSTEM sampling picks whole pages and can come up short.
                    query = sampling.order_by_random(table, rows, names)
                    kept = sampling.fetch(conn, query, names, rows)
        except NoSuchTableError:
            raise DatasetError(f"{info.name}: no such table or view") from None
        except (SQLAlchemyError, KeyError) as exc:
            raise self._dataset_error(info.name, "sample", exc) from None
        return sampling.pivot(info, kept, query.method)

    # -- capabilities (the queries are in connectors.sql.capabilities) ---------

    def _with_table(self, name: str, what: str, work: Callable[[Connection, Table], T]) -> T:
        """Run ``work`` on a read-only connection and the reflected table of ``name``."""
        try:
            with self.engine.connect() as conn:
                table = self._tables.get(name)
                if table is None:
                    schema, table_name, _kind = self._resolve(conn, name)
                    table = reflection.reflect(conn, schema, table_name)
                    self._keep(name, table)
                return work(conn, table)
        except NoSuchTableError:
            raise DatasetError(f"{name}: no such table or view") from None
        except SQLAlchemyError as exc:
            raise self._dataset_error(name, what, exc) from None

    def _keep(self, name: str, table: Table) -> None:
        """Remember the reflected ``table`` for the next statements on it; only the last
        :data:`KEPT_TABLES`, so a worker's memory does not grow with the source's tables."""
        self._tables.pop(name, None)
        self._tables[name] = table
        while len(self._tables) > KEPT_TABLES:
            self._tables.pop(next(iter(self._tables)))

    def _dataset_error(self, name: str, what: str, exc: BaseException) -> DatasetError:
        """The DatasetError for a failed statement, its cause named first when known."""
        reason = self._reason(exc)
        kind = dialects.failure_kind(exc)
        if kind is not None and kind not in reason.lower():
            reason = f"{kind}: {reason}"
        if kind == dialects.CONNECTION_LOST:
            return dialects.ConnectionLostError(f"{name}: cannot {what}: {reason}")
        return DatasetError(f"{name}: cannot {what}: {reason}")

    def _reason(self, exc: BaseException) -> str:
        """One line describing ``exc`` with every known secret masked."""
        detail = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
        lines = [ln.strip() for ln in str(detail).splitlines() if ln.strip()]
        text = f"{type(detail).__name__}: {lines[0] if lines else 'no detail'}"
        for secret in sorted(self._secrets, key=len, reverse=True):
            text = text.replace(secret, "***")
        return text[:300]
