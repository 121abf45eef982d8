"""Shared pytest fixtures.

Each section belongs to one area; add new fixtures in their own marked section.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

from tests.support.backends import BACKEND_KINDS, Backend, new_backend
from tests.support.paths import TEST_DATA
from tests.support.smtp import KeepingHandler, start_smtp_server
from tests.support.unavailable import unavailable

# ---------------------------------------------------------------------------
# Real database servers (PostgreSQL, MariaDB)
#
# ``pg_url`` / ``mariadb_url``: the server's admin URL (session-scoped). When
# the server is unreachable the test is skipped, or fails when ``CI=true``.
# Override the defaults with PDPA_TEST_PG_URL / PDPA_TEST_MARIADB_URL.
#
# ``fresh_pg_database`` / ``fresh_mariadb_database``: session-scoped factories;
# each call creates a uniquely named, empty database ``pdpa_test_<8 hex>`` and
# returns its URL. Every database created is dropped at the end of the session.
# ---------------------------------------------------------------------------

DEFAULT_PG_URL = "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres"
DEFAULT_MARIADB_URL = "mysql+pymysql://root@127.0.0.1:3306/?charset=utf8mb4"


def _unavailable(what: str, exc: BaseException) -> None:
    message = f"{what} not reachable: {type(exc).__name__}"
    unavailable(message)


def _reachable_url(env_name: str, default: str, what: str) -> URL:
    url = make_url(os.environ.get(env_name, default))
    engine = create_engine(url, connect_args={"connect_timeout": 3}, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # any failure means "no server here"
        _unavailable(what, exc)
    finally:
        engine.dispose()
    return url


@pytest.fixture(scope="session")
def pg_url() -> URL:
    """Admin URL of the local PostgreSQL server (user ``postgres``)."""
    return _reachable_url("PDPA_TEST_PG_URL", DEFAULT_PG_URL, "PostgreSQL")


@pytest.fixture(scope="session")
def mariadb_url() -> URL:
    """Admin URL of the local MariaDB server (user ``root``)."""
    return _reachable_url("PDPA_TEST_MARIADB_URL", DEFAULT_MARIADB_URL, "MariaDB")


def _database_factory(admin_url: URL, *, postgres: bool) -> Iterator[Callable[[], URL]]:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    preparer = admin.dialect.identifier_preparer
    created: list[str] = []

    def create() -> URL:
        name = f"pdpa_test_{uuid.uuid4().hex[:8]}"
        options = "ENCODING 'UTF8' TEMPLATE template0" if postgres else "CHARACTER SET utf8mb4"
        with admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {preparer.quote_identifier(name)} {options}"))
        created.append(name)
        return admin_url.set(database=name)

    yield create

    with admin.connect() as conn:
        force = " WITH (FORCE)" if postgres and conn.dialect.server_version_info >= (13,) else ""
        for name in created:
            conn.execute(text(f"DROP DATABASE IF EXISTS {preparer.quote_identifier(name)}{force}"))
    admin.dispose()


@pytest.fixture(scope="session")
def fresh_pg_database(pg_url: URL) -> Iterator[Callable[[], URL]]:
    """Factory: ``fresh_pg_database()`` → URL of a new empty PostgreSQL database."""
    yield from _database_factory(pg_url, postgres=True)


@pytest.fixture(scope="session")
def fresh_mariadb_database(mariadb_url: URL) -> Iterator[Callable[[], URL]]:
    """Factory: ``fresh_mariadb_database()`` → URL of a new empty MariaDB database."""
    yield from _database_factory(mariadb_url, postgres=False)


@pytest.fixture(scope="module", params=BACKEND_KINDS)
def module_backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Backend:
    """A new empty database on each backend in turn, shared by one test module."""
    kind: str = request.param
    return new_backend(request, kind, tmp_path_factory.mktemp(f"db_{kind}"))


@pytest.fixture(params=BACKEND_KINDS)
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> URL | str:
    """A new empty database on each backend in turn (SQLite in ``tmp_path``; MariaDB utf8mb4)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'org.sqlite'}"
    url = new_backend(request, request.param, tmp_path).url
    if request.param == "mariadb":
        url = make_url(url).update_query_dict({"charset": "utf8mb4"})
    return url


# --- end of real database servers ------------------------------------------


# ---------------------------------------------------------------------------
# Detection engine and shared data
#
# ``detection_engine``: one real DetectionEngine for the whole session.
# ``shared_data``: tests/data in the repository (public data with its attribution
# in tests/data/README.md: chinook.sqlite, thainer-dev.jsonl.gz).
# ---------------------------------------------------------------------------

from pathlib import Path  # noqa: E402

from scanners.detection.engine import DetectionEngine  # noqa: E402


@pytest.fixture(scope="session")
def detection_engine() -> DetectionEngine:
    return DetectionEngine()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The repository's public test data folder (fails when a file is missing)."""
    for name in ("chinook.sqlite", "thainer-dev.jsonl.gz"):
        if not (TEST_DATA / name).is_file():
            pytest.fail(f"test data {name} not found in {TEST_DATA}")
    return TEST_DATA


# ---------------------------------------------------------------------------
# Message brokers (Redis, RabbitMQ) for the Celery executor
#
# ``redis_broker_url``: a Redis database reserved for the tests (index 13 by
# default, flushed before each test); ``amqp_broker_url``: the local RabbitMQ.
# Skipped when unreachable, failing when ``CI=true``. Override with
# PDPA_TEST_REDIS_URL / PDPA_TEST_AMQP_URL.
# ---------------------------------------------------------------------------

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/13"
DEFAULT_AMQP_URL = "amqp://guest:guest@127.0.0.1:5672//"


@pytest.fixture
def redis_broker_url() -> str:
    """A flushed Redis database for one test's Celery broker and results."""
    import redis

    url = os.environ.get("PDPA_TEST_REDIS_URL", DEFAULT_REDIS_URL)
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=3)
        client.flushdb()
        client.close()
    except Exception as exc:  # any failure means "no server here"
        _unavailable("Redis", exc)
    return url


@pytest.fixture
def amqp_broker_url() -> str:
    """The local RabbitMQ, for a Celery broker with ``rpc://`` results."""
    from kombu import Connection

    url = os.environ.get("PDPA_TEST_AMQP_URL", DEFAULT_AMQP_URL)
    try:
        with Connection(url, connect_timeout=3) as conn:
            conn.ensure_connection(max_retries=1)
    except Exception as exc:  # any failure means "no server here"
        _unavailable("RabbitMQ", exc)
    return url


@pytest.fixture
def smtp_server() -> Iterator[tuple[KeepingHandler, int]]:
    """A real SMTP server on 127.0.0.1 (aiosmtpd) and the handler keeping what it receives."""
    with start_smtp_server() as server:
        yield server
