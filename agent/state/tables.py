"""Tables and row records of the agent's state store (``agent.state``, SPEC §4).

SQLAlchemy Core tables, all prefixed ``pdpa_``: the store's history,
``pdpa_file_cache`` and ``pdpa_table_cache``, the incremental caches (read
and written by ``agent.scan.file_cache`` and ``agent.scan.table_cache``,
declared here so that their schema is migrated with the rest,
``agent.state.migrate``), the disclosure log of SPEC §10
(``pdpa_disclosures`` and ``pdpa_disclosure_followups``, read and written by
``agent.state.disclosures``) and the breach register of SPEC §11
(``pdpa_breaches`` and ``pdpa_breach_assessments``, ``agent.state.breaches``),
the findings of each scan by severity (``pdpa_scan_totals``), the triage of
SPEC §9 with its never-rewritten trail and the overrides a false positive
records (``agent.state.decisions``), and the console's accounts, sessions and
failed logins of SPEC §12 (``agent.state.decisions.accounts``).
Timestamps are stored as ISO 8601 UTC strings of fixed width
(``YYYY-MM-DDTHH:MM:SS.ffffff+00:00``) on every backend, so they sort and
compare the same on SQLite and PostgreSQL (a breach's ``aware_at`` is also
kept with the offset it was given, beside its UTC copy); dates as ISO
``YYYY-MM-DD``. Lists are stored as JSON text. Nothing here holds a raw sample
value: only what a ``ScanResult`` holds, which is already masked, what was
disclosed to whom (names, counts, the extract's hash) and what a breach
reached (names, counts, grades), never a value.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Float, Index, Integer, MetaData, String, Table, Text

SCAN_RUNNING = "running"
SCAN_COMPLETE = "complete"
SCAN_FAILED = "failed"
FINDING_OPEN = "open"
FINDING_RESOLVED = "resolved"

_ID = 200  # scan ids, finding ids, source names
_NAME = 2000  # dataset names (file paths can be long)
_TS = 40  # ISO timestamps
_DATE = 10  # ISO dates
_WHO = 500  # people, organisations, contacts

metadata = MetaData()

SCANS = Table(
    "pdpa_scans",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # order of scans
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
    Column("pii", Text, nullable=False),  # JSON list of {type, confidence, match_ratio}
    Column("evidence", Text, nullable=False),  # JSON list of masked examples
    Column("reasons", Text, nullable=False),  # JSON list of strings
)

FINDINGS = Table(
    "pdpa_findings",
    metadata,
    Column("id", String(_ID), primary_key=True),  # the stable finding id (SPEC §8)
    Column("type", String(50), nullable=False),
    Column("severity", String(20), nullable=False),
    Column("source", String(_ID), nullable=False, index=True),
    Column("dataset", String(_NAME)),
    Column("columns", Text, nullable=False),  # JSON list
    Column("count", Integer),
    Column("register_id", String(_ID)),
    Column("owner", String(500)),
    Column("principal", String(500)),
    Column("privileges", Text, nullable=False),  # JSON list
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
    Index("ix_pdpa_findings_owner", "owner"),  # migration 0005: an owner's console pages
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

#: A file's last classification, detected (before overrides), masked; see agent.scan.file_cache.
FILE_CACHE = Table(
    "pdpa_file_cache",
    metadata,
    Column("source", String(_ID), primary_key=True),
    Column("dataset", String(_NAME), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("mtime", Float, nullable=False),
    Column("digest", String(64), nullable=False),  # SHA-256 of the first 128 KiB
    Column("detectors", String(64), nullable=False),  # fingerprint of the detectors
    Column("kind", String(20), nullable=False),
    Column("row_count", Integer),
    Column("columns", Text, nullable=False),  # JSON of ColumnResult values (masked)
)

#: A table's last classification and the change key it was read under; see agent.scan.table_cache.
TABLE_CACHE = Table(
    "pdpa_table_cache",
    metadata,
    Column("source", String(_ID), primary_key=True),
    Column("dataset", String(_NAME), primary_key=True),
    Column("change_key", Text, nullable=False),  # connectors.sql.change_keys
    Column("detectors", String(64), nullable=False),  # fingerprint of the detectors
    Column("settings", String(64), nullable=False),  # digest of [detection]
    Column("classified_at", String(_TS), nullable=False),  # when it was last read in full
    Column("kind", String(20), nullable=False),
    Column("row_count", BigInteger),
    Column("columns", Text, nullable=False),  # JSON of ColumnResult values (masked)
)

#: The disclosure log (SPEC §10): one row per disclosure (``DisclosureRecord``).
DISCLOSURES = Table(
    "pdpa_disclosures",
    metadata,
    Column("id", String(_ID), primary_key=True),  # the request's id, e.g. REQ-2026-014
    Column("source", String(_ID), nullable=False),
    Column("dataset", String(_NAME), nullable=False),
    Column("recipient", String(_WHO), nullable=False),
    Column("recipient_contact", Text, nullable=False),
    Column("requested_by", String(_WHO), nullable=False),
    Column("legal_basis", String(100), nullable=False),
    Column("sensitive_basis", String(100), nullable=False),
    Column("purpose", Text, nullable=False),
    Column("approved_by", String(_WHO), nullable=False),
    Column("register_id", String(_ID)),
    Column("owner", String(_WHO)),
    Column("disclosed_at", String(_TS), nullable=False),
    Column("rows", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False),  # of the extract file
    Column("k", Integer),  # smallest group over the quasi-identifiers (None: none)
    Column("treatments", Text, nullable=False),  # JSON list of [column, treatment]
    Column("format", String(20), nullable=False),
    Column("follow_up_every", String(20), nullable=False),
    Column("next_followup", String(_DATE)),
    Column("status", String(20), nullable=False, index=True),  # "open" | "closed"
)

#: The answers recorded about each disclosure (``FollowUp``), in the order recorded.
DISCLOSURE_FOLLOWUPS = Table(
    "pdpa_disclosure_followups",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("disclosure_id", String(_ID), nullable=False, index=True),
    Column("recorded_at", String(_TS), nullable=False),
    Column("status", String(20), nullable=False),  # one of FOLLOWUP_STATUSES
    Column("note", Text, nullable=False),
    Column("by", String(_WHO), nullable=False),
    Column("next_followup", String(_DATE)),
)


#: The breach register (SPEC §11): one row per breach (``BreachRecord``), its latest summary.
BREACHES = Table(
    "pdpa_breaches",
    metadata,
    Column("id", String(_ID), primary_key=True),  # BR-YYYYMMDD-NN
    Column("title", Text, nullable=False),
    Column("aware_at", String(_TS), nullable=False),  # ISO, with the offset as given
    Column("aware_at_utc", String(_TS), nullable=False),  # the same moment in UTC: order by it
    Column("deadline", String(_TS), nullable=False),
    Column("opened_at", String(_TS), nullable=False),
    Column("grade", String(20), nullable=False),  # of the latest assessment (GRADES)
    Column("people", BigInteger, nullable=False),
    Column("reported_by", String(_WHO), nullable=False),
    Column("sources", Text, nullable=False),  # JSON list of source names in scope
    Column("status", String(20), nullable=False, index=True),  # "open" | "closed"
    Column("outcome", String(50)),  # one of OUTCOMES once closed
    Column("closed_at", String(_TS)),
    Column("closed_by", String(_WHO)),
    Column("reminders_sent", Text, nullable=False),  # JSON list of hours-left (ints)
)

#: Every assessment of each breach (``BreachAssessment``), in the order made; never rewritten.
BREACH_ASSESSMENTS = Table(
    "pdpa_breach_assessments",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("breach_id", String(_ID), nullable=False, index=True),
    Column("assessed_at", String(_TS), nullable=False),
    Column("grade", String(20), nullable=False),
    Column("document", Text, nullable=False),  # the breach.json text (can be large)
)

#: Findings raised by each recorded scan, by severity: the console's trend over scans.
SCAN_TOTALS = Table(
    "pdpa_scan_totals",
    metadata,
    Column("scan_id", String(_ID), primary_key=True),
    Column("severity", String(20), primary_key=True),
    Column("findings", Integer, nullable=False),
)

#: The current triage decision on each finding (SPEC §9), keyed by its stable id.
TRIAGE = Table(
    "pdpa_triage",
    metadata,
    Column("finding_id", String(_ID), primary_key=True),
    Column("status", String(20), nullable=False),  # one of TRIAGE_STATUSES
    Column("by", String(_WHO), nullable=False),
    Column("at", String(_TS), nullable=False),
    Column("reason", Text, nullable=False),
    Column("until", String(_DATE)),  # accepted only
    Column("assignee", String(_WHO)),
)

#: Every triage decision, assignment and comment, in the order made; never rewritten.
TRIAGE_EVENTS = Table(
    "pdpa_triage_events",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("finding_id", String(_ID), nullable=False, index=True),
    Column("at", String(_TS), nullable=False),
    Column("actor", String(_WHO), nullable=False),
    Column("action", String(20), nullable=False),  # "status" | "assign" | "comment" | "expired"
    Column("old_status", String(20)),
    Column("new_status", String(20)),
    Column("reason", Text, nullable=False),
    Column("until", String(_DATE)),
    Column("assignee", String(_WHO)),
    Column("via", String(20), nullable=False),  # "cli" | "console" | "scan"
)

#: Classification overrides recorded by marking a finding a false positive (SPEC §9).
TRIAGE_OVERRIDES = Table(
    "pdpa_triage_overrides",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("finding_id", String(_ID), nullable=False, index=True),
    Column("source", String(_ID), nullable=False),
    Column("dataset", String(_NAME), nullable=False),
    Column("column", String(_NAME), nullable=False),
    Column("types", Text, nullable=False),  # JSON list: the types the column holds
    Column("reason", Text, nullable=False),
    Column("decided_by", String(_WHO), nullable=False),
    Column("decided_at", String(_DATE), nullable=False),
    Column("withdrawn_at", String(_TS)),  # set when the finding is triaged otherwise
)

#: Console accounts (SPEC §12): the password only as a memory-hard hash.
USERS = Table(
    "pdpa_users",
    metadata,
    Column("name", String(_WHO), primary_key=True),
    Column("role", String(20), nullable=False),  # "dpo" | "security" | "owner" | "viewer"
    Column("email", String(_WHO)),
    Column("password_hash", Text),  # None: single sign-on only
    Column("created_at", String(_TS), nullable=False),
    Column("disabled", Integer, nullable=False, default=0),
)

#: Console sessions: only a hash of the cookie's token is stored.
CONSOLE_SESSIONS = Table(
    "pdpa_console_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_name", String(_WHO), nullable=False, index=True),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", String(_TS), nullable=False),
    Column("last_seen_at", String(_TS), nullable=False),
    Column("expires_at", String(_TS), nullable=False),
)

#: Failed console logins, by account name and by client address: the rate limit's memory.
LOGIN_FAILURES = Table(
    "pdpa_login_failures",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("name", String(_WHO), nullable=False, index=True),
    Column("client", String(100), nullable=False, index=True),
    Column("at", String(_TS), nullable=False),
)
