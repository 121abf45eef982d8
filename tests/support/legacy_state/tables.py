"""Release 0.1.0's state-store tables, FROZEN: a byte-for-byte copy of its declarations.

The tables of ``agent/state_store.py`` then (``agent.state.tables`` now) and of
its incremental file cache (``agent/file_cache.py`` then). Never import the
agent's tables here, nor update this copy when they change: it is what stores
in the field look like. The history written into them is in
:mod:`tests.support.legacy_state.history`.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

_ID = 200
_NAME = 2000
_TS = 40

metadata = MetaData()

SCANS = Table(
    "pdpa_scans",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(_ID), nullable=False, unique=True),
    Column("started_at", String(_TS), nullable=False),
    Column("finished_at", String(_TS)),
    Column("status", String(20), nullable=False),
    Column("tool_version", String(100), nullable=False),
)

DATASETS = Table(
    "pdpa_datasets",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("scan_id", String(_ID), nullable=False, index=True),
    Column("source", String(_ID), nullable=False),
    Column("name", String(_NAME), nullable=False),
    Column("kind", String(50), nullable=False),
    Column("row_count", Integer),
    Column("register_id", String(_ID)),
    Column("error", Text),
)

COLUMNS = Table(
    "pdpa_columns",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("scan_id", String(_ID), nullable=False, index=True),
    Column("source", String(_ID), nullable=False),
    Column("dataset", String(_NAME), nullable=False),
    Column("column", String(_NAME), nullable=False),
    Column("sampled", Integer),
    Column("pii", Text, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("reasons", Text, nullable=False),
)

FINDINGS = Table(
    "pdpa_findings",
    metadata,
    Column("id", String(_ID), primary_key=True),
    Column("type", String(50), nullable=False),
    Column("severity", String(20), nullable=False),
    Column("source", String(_ID), nullable=False, index=True),
    Column("dataset", String(_NAME)),
    Column("columns", Text, nullable=False),
    Column("count", Integer),
    Column("register_id", String(_ID)),
    Column("owner", String(500)),
    Column("principal", String(500)),
    Column("privileges", Text, nullable=False),
    Column("law", String(200), nullable=False),
    Column("message_th", Text, nullable=False),
    Column("message_en", Text, nullable=False),
    Column("remediation", Text),
    Column("first_seen_scan", String(_ID), nullable=False),
    Column("first_seen_at", String(_TS), nullable=False),
    Column("last_seen_scan", String(_ID), nullable=False),
    Column("last_seen_at", String(_TS), nullable=False),
    Column("status", String(20), nullable=False, index=True),
    Column("resolved_scan", String(_ID)),
    Column("resolved_at", String(_TS)),
)

AUDIT = Table(
    "pdpa_audit",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("scan_id", String(_ID), nullable=False, index=True),
    Column("source", String(_ID), nullable=False),
    Column("dataset", String(_NAME), nullable=False),
    Column("rows_sampled", Integer, nullable=False),
    Column("at", String(_TS), nullable=False),
)

#: The file cache's own tables (release 0.1.0's ``agent/file_cache.py``), made apart.
file_cache_metadata = MetaData()

FILE_CACHE = Table(
    "pdpa_file_cache",
    file_cache_metadata,
    Column("source", String(200), primary_key=True),
    Column("dataset", String(2000), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("mtime", Float, nullable=False),
    Column("digest", String(64), nullable=False),
    Column("detectors", String(64), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("row_count", Integer),
    Column("columns", Text, nullable=False),
)
