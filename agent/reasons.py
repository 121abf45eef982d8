"""One-line reasons for failures, as they appear in SCAN_ERROR findings and messages.

Drivers raise long, multi-line errors that may quote SQL; only the first
line of the original error is kept, capped in length, and without a
traceback.
"""

from __future__ import annotations

from connectors.errors import PdpaAgentError


def error_reason(exc: BaseException) -> str:
    """A one-line reason for a failure, without tracebacks or driver noise."""
    if isinstance(exc, PdpaAgentError):
        text = str(exc)
    else:
        original = getattr(exc, "orig", None)
        text = f"{type(exc).__name__}: {original if original is not None else exc}"
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return first[:300]
