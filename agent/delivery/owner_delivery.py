"""Each data owner's own report after a scan, and its delivery by e-mail when configured.

Findings carry the owner from the register; every owner gets a folder
``owners/<owner>/`` with reports holding only their datasets and findings,
and, with ``[reports.email]``, one message with their report attached. Each
owner's report names the owner and puts what to do first on top; Thai dates
follow ``[reports] thai_dates``. A failed delivery is a warning line: the
reports are on disk either way.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from agent.delivery.notifier import send_owner_reports
from agent.inputs.config import ReportSettings
from reports.formats.owner_reports import write_owner_reports
from scanners.model.result import ScanResult


def deliver_owner_reports(
    result: ScanResult, out_dir: Path, formats: Sequence[str], settings: ReportSettings
) -> list[str]:
    """Write (and e-mail) each owner's reports; return the lines to print."""
    if not any(finding.owner for finding in result.findings):
        return []
    per_owner = write_owner_reports(
        result, out_dir, formats, settings.language, settings.report_options()
    )
    lines = [f"  wrote reports for {len(per_owner)} owner(s) in {out_dir / 'owners'}"]
    email = settings.email
    if email is None:
        return lines
    password = os.environ.get(email.password_env) if email.password_env else None
    if email.password_env and password is None:
        lines.append(f"  e-mail not sent: environment variable {email.password_env} is not set")
        return lines
    try:
        sent, failed = send_owner_reports(email, per_owner, settings.language, password)
    except ValueError as exc:
        return [*lines, f"  e-mail not sent: {exc}"]
    lines.append(f"  e-mailed {len(sent)} owner(s)" + (f", {len(failed)} failed" if failed else ""))
    return lines
