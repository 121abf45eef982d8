"""The incremental file cache, ``pdpa_file_cache``, joins the migrated schema.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04

A frozen copy of the table as release 0.1.0 declared it (``agent/file_cache.py``
then, ``agent.state.tables`` now); never import that module here.

Until this revision the cache made its own table with ``create_all`` whenever
it was opened, outside the migrations. So a store written by release 0.1.0 (or
at revision ``0001``) holds the table, exactly as below, once a file scan ran,
and does not hold it otherwise: a table that exists is left as it is, with
every cached file, and only a missing one is created. From here on a change to
the cache table is a migration like any other.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

_TABLE = "pdpa_file_cache"


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table(_TABLE):
        return
    op.create_table(
        _TABLE,
        sa.Column("source", sa.String(200), primary_key=True),
        sa.Column("dataset", sa.String(2000), primary_key=True),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("mtime", sa.Float, nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("detectors", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("row_count", sa.Integer),
        sa.Column("columns", sa.Text, nullable=False),
    )


def downgrade() -> None:
    # Only a cache: release 0.1.0 (and revision 0001) made it again when opened.
    op.drop_table(_TABLE)
