"""``pdpa-agent triage FINDING_ID …``: record a decision on a finding, or show them (SPEC §9).

With ``--status`` (and ``--reason``; ``--until`` for ``accepted``),
``--assignee`` or ``--comment`` it records the decision through
``agent.triage.decide`` and prints the finding's triage after it; a false
positive on a classification finding also prints the overrides it recorded.
With none of them it prints the finding, its triage and its whole history.
A refused decision exits 2 with the reason, and nothing is recorded.
"""

from __future__ import annotations

import argparse
from datetime import date

from agent.commands.exit_codes import EXIT_OK
from agent.commands.registers.disclose import open_store
from agent.inputs.config_loader import find_config, load_config
from agent.inputs.user_dates import read_user_date
from agent.inputs.user_files import load_register_for
from agent.state.decisions.triage import active_overrides, current_triage, triage_history
from agent.state.store import StateStore
from agent.triage.decide import TriageRefused, TriageRequest, decide
from connectors.errors import PdpaAgentError
from scanners.model.triage import FALSE_POSITIVE, Triage, TriageEvent, effective


def _until(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return read_user_date(text)
    except ValueError as exc:
        raise PdpaAgentError(f"--until: {exc}") from None


def _triage_line(triage: Triage | None) -> str:
    if triage is None:
        return "triage: open (no decision recorded)"
    until = f" until {triage.until.isoformat()}" if triage.until else ""
    assignee = f", assigned to {triage.assignee}" if triage.assignee else ""
    return (
        f"triage: {triage.status}{until} by {triage.by} at {triage.at[:16].replace('T', ' ')} "
        f"UTC{assignee} — {triage.reason or '(no reason)'}"
    )


def _event_line(event: TriageEvent) -> str:
    when = event.at[:16].replace("T", " ")
    if event.action in ("status", "expired"):
        until = f" until {event.until.isoformat()}" if event.until else ""
        what = f"{event.old_status or 'open'} → {event.new_status}{until}"
    elif event.action == "assign":
        what = f"assigned to {event.assignee or '(nobody)'}"
    else:
        what = "comment"
    said = f": {event.reason}" if event.reason else ""
    return f"  {when} UTC  {event.actor} ({event.via})  {what}{said}"


def _show(store: StateStore, finding_id: str, today: date) -> list[str]:
    record = store.finding(finding_id)
    if record is None:
        raise PdpaAgentError(f"no finding {finding_id!r} in the state store")
    triage = current_triage(store.engine, [finding_id]).get(finding_id)
    history = triage_history(store.engine, finding_id)
    lines = [
        f"finding {record.id} ({record.type}, {record.severity}, {record.status})",
        f"  {record.source}/{record.dataset or '-'}  owner {record.owner or '-'}",
        f"  {record.message_en}",
        "  " + _triage_line(effective(triage, today) if triage else None),
        f"history ({len(history)}):" if history else "history: none",
    ]
    return lines + [_event_line(event) for event in history]


def triage_command(args: argparse.Namespace) -> int:
    """``pdpa-agent triage``."""
    loaded = load_config(find_config(args.config))
    today = date.today()
    request = TriageRequest(
        finding_id=args.finding_id,
        by=args.by,
        via="cli",
        status=args.status,
        reason=args.reason,
        until=_until(args.until),
        assignee=args.assignee,
        comment=args.comment,
    )
    given = (
        args.status,
        args.assignee,
        args.comment,
        args.until,
        args.by or None,
        args.reason or None,
    )
    asks = any(option is not None for option in given)  # else: show the finding's history
    store = open_store(loaded)
    try:
        if not asks:
            print("\n".join(_show(store, args.finding_id, today)))
            return EXIT_OK
        try:
            after = decide(store, request, load_register_for(loaded), today)
        except TriageRefused as exc:
            raise PdpaAgentError(f"triage of {args.finding_id} refused: {exc}") from None
        print(f"finding {args.finding_id}: " + _triage_line(after))
        if after.status == FALSE_POSITIVE and request.status == FALSE_POSITIVE:
            origin = f"triage {args.finding_id}"
            recorded = [o for o in active_overrides(store.engine) if o.origin == origin]
            for override in recorded:
                types = ", ".join(override.types) or "no personal data"
                print(f"  override recorded: {override.dataset}.{override.column} holds {types}")
            if not recorded:
                print("  not a classification finding: no override recorded")
    finally:
        store.close()
    return EXIT_OK
