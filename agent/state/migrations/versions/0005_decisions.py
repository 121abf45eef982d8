"""Triage, the console's accounts and the trend over scans (SPEC §9, §12).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05

A frozen copy of the tables as this revision declares them
(``agent.state.tables`` now); never import that module here.

- ``pdpa_triage``: the current decision on each finding, by its stable id;
  ``pdpa_triage_events``: every decision, assignment and comment, appended
  and never rewritten; ``pdpa_triage_overrides``: the classification
  overrides that marking a finding a false positive records.
- ``pdpa_users``, ``pdpa_console_sessions``, ``pdpa_login_failures``: the
  web console's accounts (memory-hard password hashes), sessions (a hash of
  the token) and failed logins (for the rate limit).
- an index on ``pdpa_findings`` by owner (an owner's console pages).
- ``pdpa_scan_totals``: findings raised by each scan, by severity. Scans
  recorded before this revision have none (what they raised was not kept):
  the trend starts with the first scan after the upgrade.

Every table is new: an older store gets them empty, every other table and row
kept as it was.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None

_ID = 200
_NAME = 2000
_TS = 40
_DATE = 10
_WHO = 500


def upgrade() -> None:
    op.create_index("ix_pdpa_findings_owner", "pdpa_findings", ["owner"])
    op.create_table(
        "pdpa_scan_totals",
        sa.Column("scan_id", sa.String(_ID), primary_key=True),
        sa.Column("severity", sa.String(20), primary_key=True),
        sa.Column("findings", sa.Integer, nullable=False),
    )
    op.create_table(
        "pdpa_triage",
        sa.Column("finding_id", sa.String(_ID), primary_key=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("by", sa.String(_WHO), nullable=False),
        sa.Column("at", sa.String(_TS), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("until", sa.String(_DATE)),
        sa.Column("assignee", sa.String(_WHO)),
    )
    op.create_table(
        "pdpa_triage_events",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("finding_id", sa.String(_ID), nullable=False),
        sa.Column("at", sa.String(_TS), nullable=False),
        sa.Column("actor", sa.String(_WHO), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("old_status", sa.String(20)),
        sa.Column("new_status", sa.String(20)),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("until", sa.String(_DATE)),
        sa.Column("assignee", sa.String(_WHO)),
        sa.Column("via", sa.String(20), nullable=False),
    )
    op.create_index("ix_pdpa_triage_events_finding_id", "pdpa_triage_events", ["finding_id"])
    op.create_table(
        "pdpa_triage_overrides",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("finding_id", sa.String(_ID), nullable=False),
        sa.Column("source", sa.String(_ID), nullable=False),
        sa.Column("dataset", sa.String(_NAME), nullable=False),
        sa.Column("column", sa.String(_NAME), nullable=False),
        sa.Column("types", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("decided_by", sa.String(_WHO), nullable=False),
        sa.Column("decided_at", sa.String(_DATE), nullable=False),
        sa.Column("withdrawn_at", sa.String(_TS)),
    )
    op.create_index("ix_pdpa_triage_overrides_finding_id", "pdpa_triage_overrides", ["finding_id"])
    op.create_table(
        "pdpa_users",
        sa.Column("name", sa.String(_WHO), primary_key=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("email", sa.String(_WHO)),
        sa.Column("password_hash", sa.Text),
        sa.Column("created_at", sa.String(_TS), nullable=False),
        sa.Column("disabled", sa.Integer, nullable=False),
    )
    op.create_table(
        "pdpa_console_sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("user_name", sa.String(_WHO), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(_TS), nullable=False),
        sa.Column("last_seen_at", sa.String(_TS), nullable=False),
        sa.Column("expires_at", sa.String(_TS), nullable=False),
    )
    op.create_index("ix_pdpa_console_sessions_user_name", "pdpa_console_sessions", ["user_name"])
    op.create_table(
        "pdpa_login_failures",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(_WHO), nullable=False),
        sa.Column("client", sa.String(100), nullable=False),
        sa.Column("at", sa.String(_TS), nullable=False),
    )
    op.create_index("ix_pdpa_login_failures_name", "pdpa_login_failures", ["name"])
    op.create_index("ix_pdpa_login_failures_client", "pdpa_login_failures", ["client"])


def downgrade() -> None:
    # The triage trail is an audit record: back the store up first.
    for name in (
        "pdpa_login_failures",
        "pdpa_console_sessions",
        "pdpa_users",
        "pdpa_triage_overrides",
        "pdpa_triage_events",
        "pdpa_triage",
        "pdpa_scan_totals",
    ):
        op.drop_table(name)
    op.drop_index("ix_pdpa_findings_owner", table_name="pdpa_findings")
