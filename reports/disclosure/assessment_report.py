"""``assessment.json`` and ``assessment.html``: the pre-disclosure assessment (SPEC §10).

The JSON holds the request, the register entry, every requested column
(types, treatment, what the register allows), the problems (blocking first,
each with its Thai and English message), the k-anonymity of the extract with
the generalisation that would reach ``k_min``, and the verdict (``blocked``,
``approved``, ``ready``). The HTML page shows the same for the DPO in Thai and
English at once: every heading and label "Thai / English", each problem's
Thai message above its English one. Neither holds a value of the dataset.
"""

from __future__ import annotations

from typing import Any

from reports.disclosure import page
from reports.disclosure.treatment_text import (
    both,
    k_note_text,
    legal_basis_name,
    period_text,
    sensitive_basis_name,
    treatment_name,
)
from reports.text.labels import pii_type_name
from scanners.disclosure.assessment import Assessment, KAnonymity, Problem
from scanners.disclosure.request import DisclosureRequest

TEMPLATE_NAME = "assessment.html.j2"


def _ordered(problems: tuple[Problem, ...]) -> list[Problem]:
    """Blocking problems first, otherwise in the assessment's order."""
    return sorted(problems, key=lambda p: not p.blocking)


def request_to_dict(request: DisclosureRequest) -> dict[str, Any]:
    """The request's fields as JSON values (the file it came from is left out)."""
    return {
        "id": request.id,
        "requested_by": request.requested_by,
        "recipient": request.recipient,
        "recipient_contact": request.recipient_contact,
        "legal_basis": request.legal_basis,
        "sensitive_basis": request.sensitive_basis,
        "purpose": request.purpose,
        "approved_by": request.approved_by,
        "follow_up_every": request.follow_up_every,
        "source": request.source,
        "dataset": request.dataset,
        "format": request.format,
        "k_min": request.k_min,
        "columns": [
            {"name": c.name, "treatment": c.treatment, "reason": c.reason} for c in request.columns
        ],
    }


def _k_to_dict(k: KAnonymity) -> dict[str, Any]:
    return {
        "k": k.k,
        "k_min": k.k_min,
        "quasi_identifiers": list(k.quasi_identifiers),
        "rows": k.rows,
        "groups": k.groups,
        "small_groups": k.small_groups,
        "reached": k.reached,
        "suggestion": [{"column": c, "treatment": t} for c, t in k.suggestion],
        "suggestion_k": k.suggestion_k,
        "note": k.note,
    }


def assessment_to_dict(a: Assessment) -> dict[str, Any]:
    """``assessment.json``: JSON-ready (strings, numbers, booleans, lists, None)."""
    blocked = bool(a.blocking)
    return {
        "request": request_to_dict(a.request),
        "register_id": a.register_id,
        "owner": a.owner,
        "rows": a.rows,
        "columns": [
            {
                "name": c.name,
                "treatment": c.treatment,
                "types": list(c.types),
                "free_text": c.free_text,
                "allowed": list(c.allowed),
                "quasi_identifier": c.quasi_identifier,
                "exists": c.exists,
            }
            for c in a.columns
        ],
        "problems": [
            {
                "code": p.code,
                "blocking": p.blocking,
                "column": p.column,
                "message": {"th": p.th, "en": p.en},
            }
            for p in _ordered(a.problems)
        ],
        "k_anonymity": None if a.k_anonymity is None else _k_to_dict(a.k_anonymity),
        "blocked": blocked,
        "approved": a.approved,
        "ready": not blocked and a.approved,
        "assessed_at": page.iso(a.assessed_at),
    }


def _treatment(code: str) -> str:
    return both(treatment_name(code, "th"), treatment_name(code, "en"))


def _request_rows(a: Assessment) -> list[tuple[str, str]]:
    """(label, value) pairs of the request summary."""
    r = a.request
    legal = both(legal_basis_name(r.legal_basis, "th"), legal_basis_name(r.legal_basis, "en"))
    sensitive = both(
        sensitive_basis_name(r.sensitive_basis, "th"), sensitive_basis_name(r.sensitive_basis, "en")
    )
    rows = "-" if a.rows is None else f"{a.rows:,}"
    return [
        ("รหัสคำขอ / Request ID", r.id),
        ("ผู้ขอ / Requested by", r.requested_by),
        ("ผู้รับข้อมูล / Recipient", r.recipient),
        ("ช่องทางติดต่อผู้รับ / Recipient contact", r.recipient_contact),
        ("วัตถุประสงค์ / Purpose", r.purpose),
        ("ฐานทางกฎหมาย / Legal basis", legal or "-"),
        ("ฐานสำหรับข้อมูลอ่อนไหว (มาตรา 26) / Sensitive basis (s.26)", sensitive or "-"),
        ("ผู้อนุมัติ / Approved by", r.approved_by or "-"),
        (
            "ติดตามผล / Follow-up",
            both(period_text(r.follow_up_every, "th"), period_text(r.follow_up_every, "en")),
        ),
        ("แหล่งข้อมูล / Source", r.source),
        ("ชุดข้อมูล / Dataset", r.dataset),
        ("รหัสทะเบียน / Register ID", a.register_id or "-"),
        ("ผู้รับผิดชอบข้อมูล / Owner", a.owner or "-"),
        ("จำนวนแถว / Rows", rows),
        ("รูปแบบไฟล์ / File format", r.format),
        (
            "ประเมินเมื่อ / Assessed at",
            f"{page.moment_text(a.assessed_at, 'th')} / {page.moment_text(a.assessed_at, 'en')}",
        ),
    ]


def _k_context(k: KAnonymity | None) -> dict[str, Any] | None:
    if k is None:
        return None
    note = both(k_note_text(k.note, "th"), k.note) if k.note else ""
    return {
        "k": "-" if k.k is None else k.k,
        "k_min": k.k_min,
        "reached": k.reached,
        "quasi_identifiers": list(k.quasi_identifiers),
        "rows": f"{k.rows:,}",
        "groups": f"{k.groups:,}",
        "small_groups": f"{k.small_groups:,}",
        "suggestion": [{"column": c, "treatment": _treatment(t)} for c, t in k.suggestion],
        "suggestion_k": k.suggestion_k,
        "note": note,
    }


def assessment_context(a: Assessment) -> dict[str, Any]:
    """Everything ``assessment.html.j2`` needs, labelled in Thai and English."""
    blocking = a.blocking
    with_problem = {p.column for p in a.problems if p.column}
    reasons = {c.name: c.reason for c in a.request.columns if c.reason}
    return {
        "lang": "th",
        "title": "การประเมินคำขอเปิดเผยข้อมูลส่วนบุคคล / Disclosure request assessment",
        "request_id": a.request.id,
        "blocked": bool(blocking),
        "blocking_count": len(blocking),
        "approved": a.approved,
        "request": _request_rows(a),
        "columns": [
            {
                "name": c.name,
                "treatment": _treatment(c.treatment),
                "types": [both(pii_type_name(t, "th"), pii_type_name(t, "en")) for t in c.types],
                "free_text": c.free_text,
                "allowed": [_treatment(t) for t in c.allowed],
                "quasi_identifier": c.quasi_identifier,
                "exists": c.exists,
                "problem": c.name in with_problem,
                "reason": reasons.get(c.name, ""),
            }
            for c in a.columns
        ],
        "problems": [
            {
                "code": p.code,
                "blocking": p.blocking,
                "column": p.column or "",
                "th": p.th,
                "en": p.en,
            }
            for p in _ordered(a.problems)
        ],
        "k": _k_context(a.k_anonymity),
    }


def render_assessment_html(a: Assessment) -> str:
    """The bilingual ``assessment.html`` page (autoescaped, self-contained)."""
    return page.render(TEMPLATE_NAME, assessment_context(a))
