"""The breach register of PDPA s.37(4) (SPEC §11): ``pdpa_breaches`` and its assessments.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05

A frozen copy of the two tables as this revision declares them
(``agent.state.tables`` now); never import that module here.

``pdpa-agent breach open`` records each breach (when the organisation became
aware of it, with the offset it was given and in UTC, the 72-hour deadline,
its grade, the people and sources it reached, who reported it), one row of
``pdpa_breaches``, and its first assessment (the ``breach.json`` document) in
``pdpa_breach_assessments``; ``breach update`` appends another assessment and
updates the summary; ``breach close`` records the outcome; ``run`` records the
deadline reminders it sent. Both tables are new: no earlier release or
revision held them, so an older store gets them empty, every other table and
row (the disclosure log included) kept as it was.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

_ID = 200  # breach ids
_TS = 40  # ISO timestamps
_WHO = 500  # people

_BREACHES = "pdpa_breaches"
_ASSESSMENTS = "pdpa_breach_assessments"


def upgrade() -> None:
    op.create_table(
        _BREACHES,
        sa.Column("id", sa.String(_ID), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("aware_at", sa.String(_TS), nullable=False),  # with the offset as given
        sa.Column("aware_at_utc", sa.String(_TS), nullable=False),
        sa.Column("deadline", sa.String(_TS), nullable=False),
        sa.Column("opened_at", sa.String(_TS), nullable=False),
        sa.Column("grade", sa.String(20), nullable=False),
        sa.Column("people", sa.BigInteger, nullable=False),
        sa.Column("reported_by", sa.String(_WHO), nullable=False),
        sa.Column("sources", sa.Text, nullable=False),  # JSON list
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("outcome", sa.String(50)),
        sa.Column("closed_at", sa.String(_TS)),
        sa.Column("closed_by", sa.String(_WHO)),
        sa.Column("reminders_sent", sa.Text, nullable=False),  # JSON list of ints
    )
    op.create_index(f"ix_{_BREACHES}_status", _BREACHES, ["status"])
    op.create_table(
        _ASSESSMENTS,
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("breach_id", sa.String(_ID), nullable=False),
        sa.Column("assessed_at", sa.String(_TS), nullable=False),
        sa.Column("grade", sa.String(20), nullable=False),
        sa.Column("document", sa.Text, nullable=False),  # breach.json
    )
    op.create_index(f"ix_{_ASSESSMENTS}_breach_id", _ASSESSMENTS, ["breach_id"])


def downgrade() -> None:
    # The breach register is a legal record (s.37(4)): back the store up first.
    op.drop_index(f"ix_{_ASSESSMENTS}_breach_id", table_name=_ASSESSMENTS)
    op.drop_table(_ASSESSMENTS)
    op.drop_index(f"ix_{_BREACHES}_status", table_name=_BREACHES)
    op.drop_table(_BREACHES)
