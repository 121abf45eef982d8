"""``pdpa-agent disclosures [list|show ID|followup ID …]``: the disclosure log (SPEC §10).

``list`` prints every disclosure with its state and next follow-up (``--xlsx
PATH`` also exports the log for the s.39 record of processing); ``show`` prints
one with its follow-ups; ``followup`` records the recipient's answer:
``deleted``/``returned`` close the disclosure, ``still_needed`` schedules the
next follow-up (``follow_up_every`` from today, or ``--next DATE``),
``no_answer`` records the attempt and leaves the follow-up due.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path

from agent.commands.exit_codes import EXIT_OK
from agent.commands.registers.disclose import open_store
from agent.inputs.config_loader import find_config, load_config
from agent.inputs.user_dates import read_user_date
from agent.state.disclosures import get_disclosure, list_disclosures, record_followup
from agent.state.store import StateStore
from connectors.errors import ConfigError
from reports.disclosure.log_workbook import build_log_workbook
from reports.staging import StagedFile, write_all_or_nothing
from scanners.dates.retention import after
from scanners.model.disclosure import DisclosureRecord


def _line(record: DisclosureRecord, today: date) -> str:
    if not record.is_open:
        last = record.followups[-1].status if record.followups else "closed"
        state = f"closed ({last})"
    elif record.followup_due(today):
        state = f"follow-up DUE since {record.next_followup}"
    else:
        state = f"open, next follow-up {record.next_followup}"
    return (
        f"{record.id}  {record.disclosed_at:%Y-%m-%d}  {record.source}/{record.dataset}  "
        f"→ {record.recipient}  {record.rows} row(s)  {state}"
    )


def _show(record: DisclosureRecord) -> list[str]:
    lines = [
        f"disclosure {record.id} ({record.status})",
        f"  disclosed:      {record.disclosed_at.isoformat(timespec='seconds')}",
        f"  dataset:        {record.source}/{record.dataset} (register {record.register_id})",
        f"  owner:          {record.owner}",
        f"  recipient:      {record.recipient} <{record.recipient_contact}>",
        f"  requested by:   {record.requested_by}",
        f"  approved by:    {record.approved_by}",
        f"  legal basis:    {record.legal_basis}"
        + (f" (sensitive: {record.sensitive_basis})" if record.sensitive_basis else ""),
        f"  purpose:        {record.purpose}",
        "  columns:        " + ", ".join(f"{c} ({t})" for c, t in record.treatments),
        f"  rows:           {record.rows} ({record.format}, sha256 {record.sha256})",
        f"  k:              {record.k if record.k is not None else 'n/a'}",
        f"  follow-up:      every {record.follow_up_every}, next {record.next_followup}",
    ]
    for followup in record.followups:
        lines.append(
            f"  - {followup.recorded_at:%Y-%m-%d} {followup.status} by {followup.by}"
            + (f": {followup.note}" if followup.note else "")
            + (f" (next {followup.next_followup})" if followup.next_followup else "")
        )
    return lines


def disclosures_command(args: argparse.Namespace) -> int:
    loaded = load_config(find_config(args.config))
    now = datetime.now().astimezone()
    with open_store(loaded) as store:
        if args.action == "show":
            record = get_disclosure(store, args.id)
            if record is None:
                raise ConfigError(f"no disclosure {args.id!r} in the log")
            print("\n".join(_show(record)))
            return EXIT_OK
        if args.action == "followup":
            return _followup(args, store, now)
        records = list_disclosures(store)
    for record in records:
        print(_line(record, now.date()))
    if not records:
        print("the disclosure log is empty")
    if args.xlsx:
        workbook = build_log_workbook(records, loaded.config.reports.language)
        path = Path(args.xlsx)

        def save(target: Path) -> Path:
            workbook.save(target)
            return target

        write_all_or_nothing(path.parent, [StagedFile(path.name, save)])
        print(f"log exported to {path}")
    return EXIT_OK


def _next_date(text: str) -> date:
    try:
        return read_user_date(text)
    except ValueError as exc:
        raise ConfigError(f"--next: {exc}") from None


def _followup(args: argparse.Namespace, store: StateStore, now: datetime) -> int:
    record = get_disclosure(store, args.id)
    if record is None:
        raise ConfigError(f"no disclosure {args.id!r} in the log")
    upcoming: date | None = None
    if args.status == "still_needed":
        upcoming = _next_date(args.next) if args.next else None
        upcoming = upcoming or after(now.date(), record.follow_up_every)
        if upcoming <= now.date():
            raise ConfigError(f"--next {upcoming} is not in the future")
    elif args.next:
        raise ConfigError("--next is only for --status still_needed")
    updated = record_followup(
        store,
        args.id,
        args.status,
        args.note or "",
        args.by,
        now,
        upcoming,
    )
    state = "closed" if not updated.is_open else f"next follow-up {updated.next_followup}"
    print(f"disclosure {updated.id}: {args.status} recorded; {state}")
    return EXIT_OK
