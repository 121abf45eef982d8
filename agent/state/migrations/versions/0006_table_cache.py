"""The incremental table cache, ``pdpa_table_cache`` (issue 20).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05

A frozen copy of the table as this revision declares it (``agent.state.tables``
now); never import that module here. One row per database table: the change
key its catalogue gave when it was last read in full, the detectors and
detection settings it was classified with, when, and its classification as
detected (masked, before overrides). A new table: an older store gets it
empty, every other table and row kept as it was.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None

_TABLE = "pdpa_table_cache"


def upgrade() -> None:
    op.create_table(
        _TABLE,
        sa.Column("source", sa.String(200), primary_key=True),
        sa.Column("dataset", sa.String(2000), primary_key=True),
        sa.Column("change_key", sa.Text, nullable=False),
        sa.Column("detectors", sa.String(64), nullable=False),
        sa.Column("settings", sa.String(64), nullable=False),
        sa.Column("classified_at", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("row_count", sa.BigInteger),
        sa.Column("columns", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table(_TABLE)  # only a cache: the next scan reads every table
