"""Exit codes of every command (SPEC §3).

0 success; 1 findings at or above ``--fail-on``; 2 usage or configuration
error (one line, no traceback); 3 the scan completed but a source or dataset
failed, or it could not be recorded in the state store.
"""

from __future__ import annotations

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INCOMPLETE = 0, 1, 2, 3
