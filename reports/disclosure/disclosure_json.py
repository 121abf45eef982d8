"""``disclosure.json``: one disclosure-log entry as JSON (SPEC §10).

Every field of :class:`~scanners.model.disclosure.DisclosureRecord`: the
request (who asked, who receives and how to reach them, legal basis, purpose,
approver), what the extract held (treatments as ``[{column, treatment}]``, row
count, format, SHA-256 of the file, k), the follow-up period, the next
follow-up date and every answer recorded so far. Moments are ISO 8601 UTC,
dates ISO; nothing here holds a disclosed value.
"""

from __future__ import annotations

from typing import Any

from reports.disclosure.page import iso
from scanners.model.disclosure import DisclosureRecord, FollowUp


def followup_to_dict(followup: FollowUp) -> dict[str, Any]:
    """One recorded follow-up answer as JSON values."""
    return {
        "disclosure_id": followup.disclosure_id,
        "recorded_at": iso(followup.recorded_at),
        "status": followup.status,
        "note": followup.note,
        "by": followup.by,
        "next_followup": (
            None if followup.next_followup is None else followup.next_followup.isoformat()
        ),
    }


def disclosure_to_dict(record: DisclosureRecord) -> dict[str, Any]:
    """``disclosure.json``: JSON-ready (strings, numbers, lists, None)."""
    return {
        "id": record.id,
        "source": record.source,
        "dataset": record.dataset,
        "register_id": record.register_id,
        "owner": record.owner,
        "requested_by": record.requested_by,
        "recipient": record.recipient,
        "recipient_contact": record.recipient_contact,
        "legal_basis": record.legal_basis,
        "sensitive_basis": record.sensitive_basis,
        "purpose": record.purpose,
        "approved_by": record.approved_by,
        "disclosed_at": iso(record.disclosed_at),
        "treatments": [{"column": c, "treatment": t} for c, t in record.treatments],
        "rows": record.rows,
        "format": record.format,
        "sha256": record.sha256,
        "k": record.k,
        "follow_up_every": record.follow_up_every,
        "next_followup": (
            None if record.next_followup is None else record.next_followup.isoformat()
        ),
        "status": record.status,
        "followups": [followup_to_dict(f) for f in record.followups],
    }
