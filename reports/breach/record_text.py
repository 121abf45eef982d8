"""The internal record of a breach, kept in every case, as a :class:`.draft_model.Draft`.

Even a breach that needs no notice is recorded with its assessment: the
grade and what it requires, every factor that raised, lowered or left the
risk (with its code), the incident as described, the 72-hour clock, each
dataset in scope with how its people were counted, and the actions taken and
who signs them off. When no notice is required the record says so and why.
"""

from __future__ import annotations

from typing import Any

from reports.breach import facts
from reports.breach.draft_model import Draft, Section, blank
from reports.breach.office_text import measures_done
from reports.breach.wording import ACT, label

Doc = dict[str, Any]

WORDS: dict[str, dict[str, str]] = {
    "th": {
        "title": "บันทึกเหตุการละเมิดข้อมูลส่วนบุคคลและการประเมินความเสี่ยง",
        "subtitle": "บันทึกภายในสำหรับเก็บไว้เป็นหลักฐาน ตามมาตรา 37(4) แห่ง{act} — เลขที่ {id}",
        "none": "ไม่ต้องแจ้งสำนักงานและไม่ต้องแจ้งเจ้าของข้อมูลส่วนบุคคล — บันทึกการประเมินนี้ไว้เป็นหลักฐาน",
        "risk": "ต้องแจ้งสำนักงานภายใน {deadline} ({left}); ไม่ต้องแจ้งเจ้าของข้อมูลส่วนบุคคล",
        "high": "ต้องแจ้งสำนักงานภายใน {deadline} ({left}) และแจ้งเจ้าของข้อมูลส่วนบุคคลโดยไม่ชักช้า",
        "intro": "บันทึกนี้จัดทำเพื่อเก็บไว้เป็นหลักฐานการประเมินเหตุการละเมิดข้อมูลส่วนบุคคล "
        "ไม่ว่าจะต้องแจ้งเหตุหรือไม่ก็ตาม",
        "s1": "1. ผลการประเมินและการตัดสินใจ",
        "why_not": "ไม่ต้องแจ้งเหตุ: ผลการประเมินพบว่าเหตุนี้ไม่มีความเสี่ยงที่จะมีผลกระทบต่อสิทธิและเสรีภาพของบุคคล "
        "ด้วยเหตุผลตามปัจจัยทุกข้อด้านล่าง",
        "why": "เหตุผลของผลการประเมิน: ปัจจัยทุกข้อด้านล่าง",
        "s2": "2. เหตุการณ์",
        "origin": "แบบแจ้งเหตุ",
        "scope": "ขอบเขต",
        "stated": "ระบุจำนวนผู้ได้รับผลกระทบ {n} คน",
        "s3": "3. กำหนดเวลา 72 ชั่วโมง",
        "as_of": "ณ เวลา",
        "s4": "4. ข้อมูลที่ได้รับผลกระทบ",
        "s5": "5. การดำเนินการและผู้รับผิดชอบ",
        "measures": "มาตรการที่ได้ดำเนินการแล้ว",
        "office_sent": "วันที่แจ้งสำนักงาน",
        "subjects_sent": "วันที่แจ้งเจ้าของข้อมูลส่วนบุคคล",
        "not_required": "ไม่ต้องแจ้ง",
        "assessed_by": "ผู้ประเมิน",
        "approved_by": "ผู้อนุมัติ",
        "footer": "จัดทำโดย pdpa-agent เมื่อ {as_of} — เวลาเป็นเวลาประเทศไทย ปีเป็นพุทธศักราช",
    },
    "en": {
        "title": "Record of a personal data breach and its risk assessment",
        "subtitle": "Internal record kept as evidence under Section 37(4) of {act} — {id}",
        "none": "No notice to the Office or the data subjects is required "
        "— this assessment is kept for the record",
        "risk": "Notify the Office by {deadline} ({left}); the data subjects need not be told",
        "high": "Notify the Office by {deadline} ({left}) and the data subjects without delay",
        "intro": "This record keeps the assessment of a personal data breach as evidence, "
        "whether or not a notice is required.",
        "s1": "1. Assessment and decision",
        "why_not": "No notice required: the assessment found this breach unlikely to result in a "
        "risk to the rights and freedoms of persons, for the reasons in every factor below",
        "why": "Why: every factor below",
        "s2": "2. The incident",
        "origin": "Incident file",
        "scope": "Scope",
        "stated": "stated affected people: {n}",
        "s3": "3. The 72-hour clock",
        "as_of": "As of",
        "s4": "4. Data affected",
        "s5": "5. Actions and sign-off",
        "measures": "Measures taken",
        "office_sent": "Office notified on",
        "subjects_sent": "Data subjects told on",
        "not_required": "not required",
        "assessed_by": "Assessed by",
        "approved_by": "Approved by",
        "footer": "Made by pdpa-agent at {as_of}. Times carry their UTC offset.",
    },
}


def _decision(doc: Doc, words: dict[str, str], language: str) -> tuple[str, str]:
    """(banner, status) from what the grade requires."""
    grade, clock = doc["grade"], doc["clock"]
    if not grade["notify_office"]:
        return words["none"], "info"
    text = words["high" if grade["notify_subjects"] else "risk"].format(
        deadline=facts.moment_text(clock["deadline"], language), left=clock["left"][language]
    )
    return text, "overdue" if clock["overdue"] else "due"


def _scope(doc: Doc, words: dict[str, str]) -> tuple[str, ...]:
    lines = []
    for scope in doc["incident"]["scope"]:
        line = f"{scope['source']}: {', '.join(scope['datasets'])}"
        stated = scope["affected_people"]
        if stated is not None:
            line += " (" + words["stated"].format(n=f"{stated:,}") + ")"
        lines.append(line)
    return tuple(lines)


def _sent(required: bool, words: dict[str, str]) -> str:
    return blank() if required else words["not_required"]


def internal_record(doc: Doc, language: str) -> Draft:
    """The internal record in ``language`` (``"th"`` or ``"en"``)."""
    words = WORDS[language]
    grade, clock = doc["grade"], doc["clock"]
    text, status = _decision(doc, words, language)
    incident, assessed = doc["incident"], doc["assessed_at"]
    sections = (
        Section(
            words["s1"],
            paragraphs=(words["why" if grade["notify_office"] else "why_not"],),
            fields=(
                *facts.grade_fields(doc, language),
                (label("assessed_at", language), facts.doc_moment(doc, assessed, language)),
            ),
            table=facts.factors_table(doc, language, codes=True),
        ),
        Section(
            words["s2"],
            fields=(
                *facts.incident_fields(doc, language),
                (label("reported_by", language), incident["reported_by"] or "-"),
                (words["origin"], incident["origin"] or "-"),
            ),
            items=tuple(f"{words['scope']}: {line}" for line in _scope(doc, words)),
        ),
        Section(
            words["s3"],
            fields=(
                *facts.clock_fields(doc, language),
                (words["as_of"], facts.doc_moment(doc, clock["as_of"], language)),
            ),
        ),
        Section(
            words["s4"],
            fields=facts.data_fields(doc, language),
            table=facts.datasets_table(doc, language, detail=True),
            notes=facts.estimated_notes(doc, language),
        ),
        Section(
            words["s5"],
            fields=(
                (words["measures"], measures_done(doc, language)),
                (words["office_sent"], _sent(grade["notify_office"], words)),
                (words["subjects_sent"], _sent(grade["notify_subjects"], words)),
                (words["assessed_by"], blank()),
                (words["approved_by"], blank()),
            ),
        ),
    )
    return Draft(
        name="internal-record",
        language=language,
        title=words["title"],
        subtitle=words["subtitle"].format(act=ACT[language], id=doc["id"]),
        banner=text,
        status=status,
        opening=(words["intro"],),
        sections=sections,
        closing=(),
        footer=words["footer"].format(as_of=facts.doc_moment(doc, clock["as_of"], language)),
    )
