"""The state store's first schema: the ``pdpa_*`` tables of release 0.1.0.

Revision ID: 0001
Revises:
Create Date: 2025-06-01

A frozen copy of ``agent.state.tables`` as release 0.1.0 declared it; never
import that module here: it moves on with later migrations, this script must
not.

Release 0.1.0 made its tables with ``metadata.create_all`` and has no
``pdpa_alembic_version`` table. Such a store already holds every table
below, with exactly this schema: a table (or index) that exists is left as it
is, with every row, so upgrading that store from base adopts it; only what a
crash of ``create_all`` may have left missing is created.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

_ID = 200  # scan ids, finding ids, source names
_NAME = 2000  # dataset names (file paths can be long)
_TS = 40  # ISO timestamps


def _tables() -> list[tuple[str, list[sa.Column[Any]], tuple[str, ...]]]:
    """(name, columns, indexed columns) of every table, in creation order."""
    return [
        (
            "pdpa_scans",
            [
                sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
                sa.Column("id", sa.String(_ID), nullable=False, unique=True),
                sa.Column("started_at", sa.String(_TS), nullable=False),
                sa.Column("finished_at", sa.String(_TS)),
                sa.Column("status", sa.String(20), nullable=False),
                sa.Column("tool_version", sa.String(100), nullable=False),
            ],
            (),
        ),
        (
            "pdpa_datasets",
            [
                sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
                sa.Column("scan_id", sa.String(_ID), nullable=False),
                sa.Column("source", sa.String(_ID), nullable=False),
                sa.Column("name", sa.String(_NAME), nullable=False),
                sa.Column("kind", sa.String(50), nullable=False),
                sa.Column("row_count", sa.Integer),
                sa.Column("register_id", sa.String(_ID)),
                sa.Column("error", sa.Text),
            ],
            ("scan_id",),
        ),
        (
            "pdpa_columns",
            [
                sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
                sa.Column("scan_id", sa.String(_ID), nullable=False),
                sa.Column("source", sa.String(_ID), nullable=False),
                sa.Column("dataset", sa.String(_NAME), nullable=False),
                sa.Column("column", sa.String(_NAME), nullable=False),
                sa.Column("sampled", sa.Integer),
                sa.Column("pii", sa.Text, nullable=False),
                sa.Column("evidence", sa.Text, nullable=False),
                sa.Column("reasons", sa.Text, nullable=False),
            ],
            ("scan_id",),
        ),
        (
            "pdpa_findings",
            [
                sa.Column("id", sa.String(_ID), primary_key=True),
                sa.Column("type", sa.String(50), nullable=False),
                sa.Column("severity", sa.String(20), nullable=False),
                sa.Column("source", sa.String(_ID), nullable=False),
                sa.Column("dataset", sa.String(_NAME)),
                sa.Column("columns", sa.Text, nullable=False),
                sa.Column("count", sa.Integer),
                sa.Column("register_id", sa.String(_ID)),
                sa.Column("owner", sa.String(500)),
                sa.Column("principal", sa.String(500)),
                sa.Column("privileges", sa.Text, nullable=False),
                sa.Column("law", sa.String(200), nullable=False),
                sa.Column("message_th", sa.Text, nullable=False),
                sa.Column("message_en", sa.Text, nullable=False),
                sa.Column("remediation", sa.Text),
                sa.Column("first_seen_scan", sa.String(_ID), nullable=False),
                sa.Column("first_seen_at", sa.String(_TS), nullable=False),
                sa.Column("last_seen_scan", sa.String(_ID), nullable=False),
                sa.Column("last_seen_at", sa.String(_TS), nullable=False),
                sa.Column("status", sa.String(20), nullable=False),
                sa.Column("resolved_scan", sa.String(_ID)),
                sa.Column("resolved_at", sa.String(_TS)),
            ],
            ("source", "status"),
        ),
        (
            "pdpa_audit",
            [
                sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
                sa.Column("scan_id", sa.String(_ID), nullable=False),
                sa.Column("source", sa.String(_ID), nullable=False),
                sa.Column("dataset", sa.String(_NAME), nullable=False),
                sa.Column("rows_sampled", sa.Integer, nullable=False),
                sa.Column("at", sa.String(_TS), nullable=False),
            ],
            ("scan_id",),
        ),
    ]


def upgrade() -> None:
    found = sa.inspect(op.get_bind())
    existing = set(found.get_table_names())
    for name, columns, indexed in _tables():
        if name not in existing:
            op.create_table(name, *columns)
            indexes: set[str | None] = set()
        else:
            indexes = {index["name"] for index in found.get_indexes(name)}
        for column in indexed:
            # The name create_all gives ``index=True`` (the default naming convention).
            if f"ix_{name}_{column}" not in indexes:
                op.create_index(f"ix_{name}_{column}", name, [column])


def downgrade() -> None:
    for name, _columns, indexed in reversed(_tables()):
        for column in indexed:
            op.drop_index(f"ix_{name}_{column}", table_name=name)
        op.drop_table(name)
