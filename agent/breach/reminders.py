"""Remind the DPO of the 72-hour deadline (SPEC §11): ``run`` e-mails ``[breach] dpo_email``
when 24 hours and when 6 hours are left to notify the PDPC office of an open breach that
needs a notice not yet recorded as sent.

Each reminder is claimed in the breach register before it is sent (so two agents never
both send it) and released again when the e-mail could not be sent, so the next check
tries again. Without ``[breach] dpo_email`` or ``[reports.email]`` nothing is sent and
``run`` says so once.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime
from email.message import EmailMessage

from agent.delivery.notifier import send_message
from agent.inputs.config_loader import LoadedConfig
from agent.state.breaches import claim_reminders, open_breaches, release_reminders
from agent.state.store import StateStore
from scanners.breach.clock import describe_left, describe_left_th, due_reminders, time_left
from scanners.model.breach import BreachRecord

log = logging.getLogger(__name__)


def reminder_message(
    record: BreachRecord, sender: str, to: str, now: datetime, language: str
) -> EmailMessage:
    """The reminder for ``record``: what is due by when, and how to record the notice."""
    left = time_left(record.aware_at, now)
    local = record.deadline.astimezone(record.aware_at.tzinfo)
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    if language == "th":
        message["Subject"] = (
            f"[PDPA] เหตุละเมิด {record.id}: {describe_left_th(left)} ก่อนครบ 72 ชั่วโมง"
        )
        body = (
            f"เหตุละเมิดข้อมูลส่วนบุคคล {record.id} ({record.title}) ระดับความเสี่ยง {record.grade}\n"
            f"ต้องแจ้งสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคลภายใน {local:%Y-%m-%d %H:%M} "
            f"({describe_left_th(left)})\nผู้ได้รับผลกระทบ {record.people} คน\n\n"
            f"ร่างหนังสือแจ้ง: pdpa-agent breach show {record.id}\n"
            f"เมื่อแจ้งแล้ว: pdpa-agent breach close {record.id} --outcome notified --by ผู้แจ้ง\n"
        )
    else:
        message["Subject"] = (
            f"[PDPA] Breach {record.id}: {describe_left(left)} to notify the PDPC office"
        )
        body = (
            f"Personal data breach {record.id} ({record.title}), graded {record.grade}.\n"
            f"Notify the PDPC office by {local.isoformat(timespec='minutes')} "
            f"({describe_left(left)}).\n{record.people} people affected.\n\n"
            f"Drafts: pdpa-agent breach show {record.id}\n"
            f"Once notified: pdpa-agent breach close {record.id} --outcome notified --by WHO\n"
        )
    message.set_content(body)
    return message


def send_reminders(loaded: LoadedConfig, store: StateStore, now: datetime) -> list[str]:
    """Send every reminder that is due; one line per reminder sent or failed."""
    config = loaded.config
    email, dpo = config.reports.email, config.breach.dpo_email
    if email is None or dpo is None:
        return []
    password = os.environ.get(email.password_env) if email.password_env else None
    lines = []
    for record in open_breaches(store):
        if not record.notice_due:
            continue
        hours = due_reminders(record.aware_at, now, record.reminders_sent)
        claimed = claim_reminders(store, record.id, hours) if hours else ()
        if not claimed:
            continue
        message = reminder_message(record, email.sender, dpo, now, config.reports.language)
        if send_message(email, message, dpo, password):
            lines.append(f"breach {record.id}: {min(claimed)} h reminder sent to {dpo}")
        else:
            release_reminders(store, record.id, claimed)
            lines.append(f"breach {record.id}: reminder to {dpo} failed; will try again")
    for line in lines:
        log.info("%s", line)
    return lines
