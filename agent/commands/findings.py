"""``pdpa-agent findings``: findings from the agent's state store, and what changed.

Lists the findings the store holds (optionally only open or resolved ones,
or only those that changed after a given scan), each with its id (what
``triage`` takes) and its triage unless open (SPEC §9), then what is new and what
was resolved in the latest complete scan compared with the one before it.
Every line is masked already: the store never holds a raw value.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date

from agent.commands.exit_codes import EXIT_OK
from agent.inputs.config_loader import find_config, load_config
from agent.state.decisions.triage import current_triage
from agent.state.store import FindingRecord, StateStore, UnknownScanError
from connectors.errors import PdpaAgentError
from scanners.model.triage import Triage, effective


def finding_line(record: FindingRecord, triage: Triage | None = None) -> str:
    where = f"{record.source}/{record.dataset}" if record.dataset else record.source
    who = f" {record.principal}" if record.principal else ""
    count = f" ({record.count})" if record.count is not None else ""
    seen = f"first {record.first_seen_scan}, last {record.last_seen_scan}"
    decided = ""
    if triage is not None and triage.status != "open":
        until = f" until {triage.until.isoformat()}" if triage.until else ""
        decided = f" [{triage.status}{until}]"
    return (
        f"{record.status:8} {record.severity:8} {record.id} {record.type} "
        f"{where}{who}{count}{decided} — {seen}"
    )


def report_lines(store: StateStore, status: str | None, since: str | None) -> list[str]:
    """The listing (each with its id and triage) and the change since the previous scan."""
    records = store.findings(status=status, since_scan=since)
    today = date.today()
    decisions = current_triage(store.engine, [r.id for r in records])
    lines = [
        finding_line(r, effective(decisions[r.id], today) if r.id in decisions else None)
        for r in records
    ]
    lines.append(f"{len(records)} finding(s)" + (f" ({status})" if status else ""))
    complete = [s for s in store.last_scans(20) if s.status == "complete"]
    if not complete:
        lines.append("no complete scan recorded yet")
        return lines
    latest = complete[0].id
    previous = store.previous_scan_id(latest)
    changed = store.findings(since_scan=previous) if previous else store.findings()
    new = [r for r in changed if r.first_seen_scan == latest]
    resolved = [r for r in changed if r.status == "resolved" and r.resolved_scan == latest]
    lines.append(f"latest scan {latest}: {len(new)} new, {len(resolved)} resolved")
    lines.extend("  new      " + finding_line(r) for r in new)
    lines.extend("  resolved " + finding_line(r) for r in resolved)
    return lines


def diff_line(new: Sequence[str], resolved: Sequence[str], still_open: int) -> str:
    """The summary line of what the scan changed in the store."""
    return f"  since the previous scan: {len(new)} new, {len(resolved)} resolved, {still_open} open"


def findings_command(args: argparse.Namespace) -> int:
    """``pdpa-agent findings [--status open|resolved] [--since SCAN]``."""
    loaded = load_config(find_config(args.config))
    try:
        store = StateStore(loaded.config.agent.state)
    except Exception as exc:
        raise PdpaAgentError(f"cannot open the state store: {type(exc).__name__}") from None
    try:
        print("\n".join(report_lines(store, args.status, args.since)))
    except UnknownScanError as exc:
        raise PdpaAgentError(f"--since: {exc}") from None
    finally:
        store.close()
    return EXIT_OK
