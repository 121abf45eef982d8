"""The causes a failed statement is named by, the same on every dialect.

:func:`connectors.sql.dialects.failure_kind` returns one of these names (the
vendor modules map their error numbers to them too); they appear as they are
in SCAN_ERROR reasons.
"""

from __future__ import annotations

CONNECTION_LOST = "connection lost"
STATEMENT_TIMEOUT = "statement timeout"
LOCK_TIMEOUT = "lock timeout"
PERMISSION_DENIED = "permission denied"
