"""SCAN_ERROR: a source or dataset could not be scanned; the message says why.

Risk: a silent gap — personal data in an unreadable table is never checked.
The reason is the error's one-line message, which connectors keep free of
secrets and sample values.
"""

from __future__ import annotations

from scanners.checks.catalogue import CATALOGUE, finding_id
from scanners.result import Finding

KIND = CATALOGUE["SCAN_ERROR"]


def scan_error(source: str, dataset: str | None, reason: str) -> Finding:
    """A SCAN_ERROR finding for a whole source (``dataset`` None) or one dataset."""
    what_en = f"dataset {dataset} of source {source}" if dataset else f"source {source}"
    what_th = f"ชุดข้อมูล {dataset} ของแหล่งข้อมูล {source}" if dataset else f"แหล่งข้อมูล {source}"
    return Finding(
        id=finding_id(KIND.type, source, dataset),
        type=KIND.type,
        severity="high" if dataset is None else KIND.severity,
        source=source,
        dataset=dataset,
        columns=(),
        count=None,
        register_id=None,
        owner=None,
        principal=None,
        privileges=(),
        law=KIND.law,
        message_th=f"ไม่สามารถสแกน{what_th}: {reason}",
        message_en=f"Could not scan {what_en}: {reason}",
        remediation=None,
    )
