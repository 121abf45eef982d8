"""``pdpa-agent breach open|list|show|update|close`` (SPEC §11): the breach register.

``open INCIDENT.toml`` assesses an incident (impact from the scans, grade, deadline)
and records it, writing ``breach.json`` and the drafts; ``update ID INCIDENT.toml``
re-assesses an open breach (the history is kept); ``show ID`` prints its state and
the time left; ``list`` every breach; ``close ID --outcome notified|subjects_notified|
not_required --by WHO`` ends it (``notified``/``subjects_notified`` record the notice
as sent, which resolves its BREACH_NOTICE_DUE at the next scan).
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from pathlib import Path

from agent.breach.incident_loader import load_incident
from agent.breach.session import Assessed, open_new, reassess
from agent.commands.exit_codes import EXIT_OK
from agent.commands.registers.disclose import open_store
from agent.inputs.config_loader import find_config, load_config
from agent.state.breaches import close_breach, get_breach, list_breaches
from agent.state.store import StateStore
from connectors.errors import ConfigError
from scanners.breach.clock import deadline, describe_left, time_left
from scanners.model.breach import BreachRecord

_VERDICT = {
    "none": "no notice required — the assessment is recorded",
    "risk": "notify the PDPC office within 72 hours",
    "high": "notify the PDPC office within 72 hours and the data subjects without delay",
}


def _deadline_line(aware_at: datetime, now: datetime) -> str:
    """``deadline 2026-12-07T09:30+07:00 (47 h 10 min left)``, in aware_at's own zone."""
    local = deadline(aware_at).astimezone(aware_at.tzinfo)
    left = describe_left(time_left(aware_at, now))
    return f"deadline {local.isoformat(timespec='minutes')} ({left})"


def _assessed_lines(verb: str, assessed: Assessed, aware_at: datetime, now: datetime) -> list[str]:
    impact, graded = assessed.impact, assessed.grade
    people = f"{impact.people} people" + (" (estimated)" if impact.people_estimated else "")
    lines = [
        f"breach {assessed.breach_id} {verb}: grade {graded.level} — {_VERDICT[graded.level]}",
        f"  {_deadline_line(aware_at, now)}",
        f"  impact: {len(impact.datasets)} dataset(s), {people}, {impact.rows} rows, "
        f"{impact.minors} minor(s); types: {', '.join(impact.types) or 'none found'}; "
        f"Section 26: {', '.join(impact.sensitive) or 'none'}",
    ]
    if impact.unscanned:
        lines.append(f"  not in any complete scan: {'; '.join(impact.unscanned)}")
    lines.append("  factors:")
    lines += [f"    {factor.effect}: {factor.en}" for factor in graded.factors]
    folder = assessed.written[0].parent if assessed.written else None
    lines.append(f"  breach.json and drafts written to {folder}")
    return lines


def _list_line(record: BreachRecord, now: datetime) -> str:
    state = (
        f"closed ({record.outcome})"
        if not record.is_open
        else describe_left(time_left(record.aware_at, now))
        if record.notice_due
        else "open, no notice required"
    )
    return (
        f"{record.id}  {record.aware_at.isoformat(timespec='minutes')}  {record.grade:<4}  "
        f"{record.people} people  {record.title}  — {state}"
    )


def _show_lines(record: BreachRecord, now: datetime) -> list[str]:
    lines = [
        f"breach {record.id}: {record.title} ({record.status})",
        f"  aware at:  {record.aware_at.isoformat(timespec='minutes')}",
        f"  grade:     {record.grade} — {_VERDICT.get(record.grade, '')}",
        f"  {_deadline_line(record.aware_at, now)}"
        + ("" if record.notice_due else " — no notice owed"),
        f"  people:    {record.people}",
        f"  sources:   {', '.join(record.sources)}",
        f"  reported:  {record.reported_by}",
    ]
    if not record.is_open:
        closed = record.closed_at.isoformat(timespec="minutes") if record.closed_at else "?"
        lines.append(f"  closed:    {closed} by {record.closed_by}: {record.outcome}")
    if record.reminders_sent:
        lines.append(f"  reminders: {', '.join(f'{h} h' for h in record.reminders_sent)} sent")
    if record.assessments:
        latest = json.loads(record.assessments[-1].document)
        lines.append("  factors (latest assessment):")
        lines += [f"    {f['effect']}: {f['en']}" for f in latest["grade"]["factors"]]
    lines.append("  assessments:")
    lines += [
        f"    {a.assessed_at.isoformat(timespec='minutes')}  grade {a.grade}"
        for a in record.assessments
    ]
    return lines


def breach_command(args: argparse.Namespace) -> int:
    loaded = load_config(find_config(args.config))
    now = datetime.now(UTC)
    names = {source.name for source in loaded.config.sources}
    action = args.action
    with open_store(loaded) as store:
        if action in ("open", "update"):
            incident = load_incident(Path(args.incident), names, now)
            if action == "open":
                assessed = open_new(loaded, store, incident, now, args.out)
                print("\n".join(_assessed_lines("opened", assessed, incident.aware_at, now)))
            else:
                _require_open(store, args.id)
                assessed = reassess(loaded, store, args.id, incident, now, args.out)
                print("\n".join(_assessed_lines("re-assessed", assessed, incident.aware_at, now)))
            return EXIT_OK
        if action == "close":
            record = close_breach(store, args.id, args.outcome, args.by, now)
            print(f"breach {record.id} closed: {record.outcome} (by {record.closed_by})")
            return EXIT_OK
        if action == "show":
            record = get_breach(store, args.id)
            if record is None:
                raise ConfigError(f"no breach {args.id!r} in the register")
            print("\n".join(_show_lines(record, now)))
            return EXIT_OK
        records = list_breaches(store)
    print("\n".join(_list_line(r, now) for r in records) or "the breach register is empty")
    return EXIT_OK


def _require_open(store: StateStore, breach_id: str) -> None:
    record = get_breach(store, breach_id)
    if record is None:
        raise ConfigError(f"no breach {breach_id!r} in the register")
    if not record.is_open:
        raise ConfigError(f"breach {breach_id} is closed ({record.outcome}): open a new one")
