"""The disclosure log of PDPA s.37(2) (SPEC §10): ``pdpa_disclosures`` and its follow-ups.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04

A frozen copy of the two tables as this revision declares them
(``agent.state.tables`` now); never import that module here.

``pdpa-agent disclose`` records every disclosure it produces (who received
which extract of which dataset, when, on which legal basis and for which
purpose), one row of ``pdpa_disclosures``; ``pdpa-agent disclosures followup``
appends the recipient's answers to ``pdpa_disclosure_followups`` and closes
the disclosure when the copy was deleted or returned. Both tables are new:
no earlier release or revision held them, so an older store gets them empty,
every other table and row kept as it was.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

_ID = 200  # disclosure ids, source names
_NAME = 2000  # dataset names
_TS = 40  # ISO timestamps
_DATE = 10  # ISO dates
_WHO = 500  # people, organisations, contacts

_DISCLOSURES = "pdpa_disclosures"
_FOLLOWUPS = "pdpa_disclosure_followups"


def upgrade() -> None:
    op.create_table(
        _DISCLOSURES,
        sa.Column("id", sa.String(_ID), primary_key=True),
        sa.Column("source", sa.String(_ID), nullable=False),
        sa.Column("dataset", sa.String(_NAME), nullable=False),
        sa.Column("recipient", sa.String(_WHO), nullable=False),
        sa.Column("recipient_contact", sa.Text, nullable=False),
        sa.Column("requested_by", sa.String(_WHO), nullable=False),
        sa.Column("legal_basis", sa.String(100), nullable=False),
        sa.Column("sensitive_basis", sa.String(100), nullable=False),
        sa.Column("purpose", sa.Text, nullable=False),
        sa.Column("approved_by", sa.String(_WHO), nullable=False),
        sa.Column("register_id", sa.String(_ID)),
        sa.Column("owner", sa.String(_WHO)),
        sa.Column("disclosed_at", sa.String(_TS), nullable=False),
        sa.Column("rows", sa.BigInteger, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("k", sa.Integer),
        sa.Column("treatments", sa.Text, nullable=False),  # JSON list of [column, treatment]
        sa.Column("format", sa.String(20), nullable=False),
        sa.Column("follow_up_every", sa.String(20), nullable=False),
        sa.Column("next_followup", sa.String(_DATE)),
        sa.Column("status", sa.String(20), nullable=False),
    )
    op.create_index(f"ix_{_DISCLOSURES}_status", _DISCLOSURES, ["status"])
    op.create_table(
        _FOLLOWUPS,
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("disclosure_id", sa.String(_ID), nullable=False),
        sa.Column("recorded_at", sa.String(_TS), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("by", sa.String(_WHO), nullable=False),
        sa.Column("next_followup", sa.String(_DATE)),
    )
    op.create_index(f"ix_{_FOLLOWUPS}_disclosure_id", _FOLLOWUPS, ["disclosure_id"])


def downgrade() -> None:
    # The log of what was given to whom is a legal record: back the store up first.
    op.drop_index(f"ix_{_FOLLOWUPS}_disclosure_id", table_name=_FOLLOWUPS)
    op.drop_table(_FOLLOWUPS)
    op.drop_index(f"ix_{_DISCLOSURES}_status", table_name=_DISCLOSURES)
    op.drop_table(_DISCLOSURES)
