"""``notice.th.html`` / ``notice.en.html``: the notice that goes to the recipient with the extract.

SPEC §10(c): the recipient is told that they now are a data controller of this
copy and what that means under the PDPA (use for the stated purpose only,
security under s.37(1), no further disclosure without a basis, deletion or
return and the periodic follow-ups, breach notice within 72 hours under
s.37(4), data subjects' rights under s.30–s.36, the record of processing under
s.39), with the facts of the disclosure: who disclosed and approved it, to
whom, why, on which basis, which columns treated how, how many rows, the file
format and the SHA-256 the recipient can check the file against. The Thai
notice is formal Thai with B.E. dates; the wording lives in
``templates/notice.<language>.html.j2``.
"""

from __future__ import annotations

from typing import Any

from reports.disclosure import page
from reports.disclosure.treatment_text import (
    legal_basis_name,
    period_text,
    sensitive_basis_name,
    treatment_explanation,
    treatment_name,
)
from reports.text.labels import check_language
from scanners.model.disclosure import DisclosureRecord

#: Who disclosed, when the caller names no controller.
DEFAULT_CONTROLLER: dict[str, str] = {
    "th": "ผู้ควบคุมข้อมูลส่วนบุคคลผู้เปิดเผยข้อมูล",
    "en": "the data controller",
}


def notice_template(language: str) -> str:
    """The template of the notice in ``language``."""
    return f"notice.{check_language(language)}.html.j2"


def notice_context(record: DisclosureRecord, language: str, controller: str = "") -> dict[str, Any]:
    """Everything the notice template needs, in ``language``."""
    check_language(language)
    named = controller.strip()
    return {
        "lang": language,
        "id": record.id,
        "controller": named or DEFAULT_CONTROLLER[language],
        "controller_named": bool(named),
        "disclosed_at": page.moment_text(record.disclosed_at, language),
        "disclosed_on": page.local_date_text(record.disclosed_at, language),
        "approved_by": record.approved_by,
        "recipient": record.recipient,
        "recipient_contact": record.recipient_contact,
        "requested_by": record.requested_by,
        "purpose": record.purpose,
        "legal_basis": legal_basis_name(record.legal_basis, language),
        "sensitive_basis": sensitive_basis_name(record.sensitive_basis, language),
        "columns": [
            {
                "name": column,
                "treatment": treatment_name(treatment, language),
                "explanation": treatment_explanation(treatment, language),
            }
            for column, treatment in record.treatments
        ],
        "rows": f"{record.rows:,}",
        "format": record.format.upper(),
        "sha256": record.sha256,
        "follow_up_every": period_text(record.follow_up_every, language),
        "next_followup": page.date_text(record.next_followup, language),
        "is_open": record.is_open,
    }


def render_notice(record: DisclosureRecord, language: str, controller: str = "") -> str:
    """The notice page to the recipient in ``language`` (``"th"`` or ``"en"``).

    ``controller`` names who disclosed (the organisation); empty: "the data controller".
    """
    context = notice_context(record, language, controller)
    context["title"] = (
        "หนังสือแจ้งหน้าที่ของผู้รับข้อมูลส่วนบุคคล"
        if language == "th"
        else "Notice to the recipient of personal data"
    )
    return page.render(notice_template(language), context)
