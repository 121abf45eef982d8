"""The notice to the PDPC office (s.37(4)), as a :class:`~reports.breach.draft_model.Draft`.

Pre-filled with what the PDPC notification on breach notice (B.E. 2565) asks
of a notice to the Office: the controller and the DPO or other contact point;
what happened and when (the window it occurred in, when the controller became
aware); the kind of breach; the kinds of personal data and whether Section 26
data is involved; the approximate number of data subjects and records, and
minors; the likely consequences; the measures taken and proposed; whether and
when the data subjects are told; the risk grade with every factor; and, when
drafted after the 72-hour deadline, the reasons for the delay. What the tool
cannot know is left as a blank ``[… …]``. The Office notice is drafted
whatever the grade: when no notice is required it says so and is kept for the
record.
"""

from __future__ import annotations

from typing import Any

from reports.breach import facts
from reports.breach.advice import consequences
from reports.breach.draft_model import Draft, Section, blank
from reports.breach.wording import ACT, DEFAULT_CONTROLLER, NOTIFICATION, OFFICE, label

Doc = dict[str, Any]

WORDS: dict[str, dict[str, str]] = {
    "th": {
        "title": "หนังสือแจ้งเหตุการละเมิดข้อมูลส่วนบุคคลต่อสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล",
        "subtitle": "ร่าง ตามมาตรา 37(4) แห่ง{act} และ{notification}",
        "not_required": "ไม่ต้องแจ้งสำนักงาน — จัดทำไว้เพื่อเป็นหลักฐาน: ผลการประเมินพบว่าเหตุนี้"
        "ไม่มีความเสี่ยงที่จะมีผลกระทบต่อสิทธิและเสรีภาพของบุคคล",
        "due": "ต้องแจ้งสำนักงานโดยไม่ชักช้าภายใน 72 ชั่วโมงนับแต่ทราบเหตุ: ไม่เกิน {deadline} ({left})",
        "overdue": "เลยกำหนด 72 ชั่วโมงนับแต่ทราบเหตุแล้ว (กำหนด {deadline}; {left}) "
        "— แจ้งโดยเร็วที่สุดพร้อมเหตุผลความล่าช้า",
        "to": "เรียน เลขาธิการคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล",
        "subject": "เรื่อง แจ้งเหตุการละเมิดข้อมูลส่วนบุคคล: {title}",
        "intro": "{controller} ในฐานะผู้ควบคุมข้อมูลส่วนบุคคล ขอแจ้งเหตุการละเมิดข้อมูลส่วนบุคคลต่อ{office} "
        "ตามมาตรา 37(4) แห่ง{act} ซึ่งกำหนดให้แจ้งโดยไม่ชักช้าภายใน 72 ชั่วโมงนับแต่ทราบเหตุ"
        "เท่าที่จะสามารถกระทำได้ และตาม{notification} โดยมีรายละเอียดดังนี้",
        "s1": "1. ผู้ควบคุมข้อมูลส่วนบุคคลและผู้ติดต่อ",
        "s2": "2. ลักษณะและรายละเอียดของเหตุการละเมิด",
        "sent_at": "วันที่แจ้งสำนักงาน",
        "s3": "3. ข้อมูลส่วนบุคคลและเจ้าของข้อมูลส่วนบุคคลที่ได้รับผลกระทบ",
        "s4": "4. ผลกระทบที่อาจเกิดขึ้นกับเจ้าของข้อมูลส่วนบุคคล",
        "s5": "5. การประเมินความเสี่ยง",
        "s6": "6. มาตรการที่ได้ดำเนินการแล้วและที่จะดำเนินการ",
        "contain": "มาตรการระงับหรือควบคุมเหตุที่ได้ดำเนินการแล้ว",
        "remedy": "มาตรการเยียวยาและช่วยเหลือเจ้าของข้อมูลส่วนบุคคล",
        "prevent": "มาตรการป้องกันมิให้เกิดเหตุซ้ำ",
        "s7": "7. การแจ้งเจ้าของข้อมูลส่วนบุคคล",
        "will_tell": "ผลการประเมินพบว่ามีความเสี่ยงสูง {controller} จะแจ้งเหตุการละเมิดแก่เจ้าของข้อมูลส่วนบุคคล"
        "พร้อมแนวทางการเยียวยาโดยไม่ชักช้า",
        "told_when": "วันที่แจ้งหรือกำหนดวันที่จะแจ้ง",
        "told_how": "ช่องทางการแจ้ง",
        "no_tell": "ไม่ต้องแจ้งเจ้าของข้อมูลส่วนบุคคล เนื่องจากผลการประเมินไม่พบความเสี่ยงสูง",
        "s8": "8. เหตุผลที่แจ้งเกินกำหนด 72 ชั่วโมง",
        "late": "หนังสือนี้จัดทำหลังกำหนดแจ้งภายใน 72 ชั่วโมง ({deadline}; {left})",
        "reasons": "เหตุผลความล่าช้า",
        "closing": "จึงเรียนมาเพื่อโปรดทราบ|ขอแสดงความนับถือ|{sign}|({controller})|{position}",
        "sign": "ลงชื่อผู้มีอำนาจ",
        "position": "ตำแหน่ง",
        "footer": "ร่างจัดทำโดย pdpa-agent เมื่อ {as_of} จากการประเมินเลขที่ {id} — โปรดตรวจทาน"
        "และกรอกช่อง […] ก่อนส่ง เวลาเป็นเวลาประเทศไทย ปีเป็นพุทธศักราช",
    },
    "en": {
        "title": "Notice of a personal data breach to the Office of the Personal Data "
        "Protection Committee",
        "subtitle": "Draft under Section 37(4) of {act} and {notification}",
        "not_required": "Not required — kept for the record: the assessment found this breach "
        "unlikely to result in a risk to the rights and freedoms of persons",
        "due": "Notify the Office without delay and within 72 hours of becoming aware: "
        "by {deadline} ({left})",
        "overdue": "The 72 hours from awareness have passed (deadline {deadline}; {left}) "
        "— notify as soon as possible with the reasons for the delay",
        "to": "To: the Secretary-General, Office of the Personal Data Protection Committee",
        "subject": "Subject: notification of a personal data breach: {title}",
        "intro": "{controller}, as data controller, notifies {office} of a personal data breach "
        "under Section 37(4) of {act}, which requires notice without delay and, where "
        "feasible, within 72 hours of becoming aware of it, and under {notification}, "
        "as follows.",
        "s1": "1. Data controller and contact point",
        "s2": "2. The breach: what happened and when",
        "sent_at": "Date of this notice",
        "s3": "3. Personal data and data subjects affected",
        "s4": "4. Likely consequences for the data subjects",
        "s5": "5. Risk assessment",
        "s6": "6. Measures taken and proposed",
        "contain": "Measures taken to stop or contain the breach",
        "remedy": "Measures to remedy and help the data subjects",
        "prevent": "Measures to prevent it happening again",
        "s7": "7. Notifying the data subjects",
        "will_tell": "The assessment found a high risk: {controller} will tell the data subjects "
        "of the breach, with the remedies, without delay",
        "told_when": "Date told or to be told",
        "told_how": "How they are told",
        "no_tell": "The data subjects need not be told: the assessment found no high risk",
        "s8": "8. Reasons for notifying after 72 hours",
        "late": "This notice is drafted after the 72-hour deadline ({deadline}; {left})",
        "reasons": "Reasons for the delay",
        "closing": "Yours faithfully|{sign}|{controller}|{position}",
        "sign": "signature of an authorised person",
        "position": "position",
        "footer": "Drafted by pdpa-agent at {as_of} from assessment {id}; review it and fill "
        "the […] blanks before sending. Times carry their UTC offset.",
    },
}

#: What the incident file says was already done, as containment measures.
DONE: dict[str, dict[str, str]] = {
    "restored_from_backup": {
        "th": "กู้คืนระบบและข้อมูลจากข้อมูลสำรองแล้ว",
        "en": "systems and data restored from backup",
    },
    "recipients_contained": {
        "th": "ผู้รับข้อมูลโดยผิดพลาดได้ลบหรือส่งคืนข้อมูลแล้ว",
        "en": "the recipients of the misdirected data deleted or returned it",
    },
    "encrypted_at_rest": {
        "th": "ข้อมูลที่ได้รับผลกระทบเข้ารหัสไว้และกุญแจไม่รั่วไหล",
        "en": "the data affected was encrypted and the key was not exposed",
    },
}


def controller_name(controller: str, language: str) -> str:
    """The controller as named by the caller; a generic name when none is given."""
    return controller.strip() or DEFAULT_CONTROLLER[language]


def banner(doc: Doc, words: dict[str, str], language: str) -> tuple[str, str]:
    """(banner text, status): not required, due by the deadline, or overdue."""
    clock = doc["clock"]
    deadline = facts.moment_text(clock["deadline"], language)
    left = clock["left"][language]
    if not doc["grade"]["notify_office"]:
        return words["not_required"], "info"
    status = "overdue" if clock["overdue"] else "due"
    return words[status].format(deadline=deadline, left=left), status


def measures_done(doc: Doc, language: str) -> str:
    done = [words[language] for key, words in DONE.items() if doc["incident"][key]]
    return "; ".join([*done, blank()])


def subjects_section(doc: Doc, words: dict[str, str], controller: str, language: str) -> Section:
    if not doc["grade"]["notify_subjects"]:
        return Section(words["s7"], paragraphs=(words["no_tell"],))
    return Section(
        words["s7"],
        paragraphs=(words["will_tell"].format(controller=controller),),
        fields=((words["told_when"], blank()), (words["told_how"], blank())),
    )


def office_notice(doc: Doc, language: str, controller: str, dpo_email: str) -> Draft:
    """The notice to the PDPC office in ``language`` (``"th"`` or ``"en"``)."""
    words = WORDS[language]
    name = controller_name(controller, language)
    law = {"act": ACT[language], "notification": NOTIFICATION[language]}
    text, status = banner(doc, words, language)
    sections = [
        Section(
            words["s1"],
            fields=(
                (label("controller", language), name),
                (label("dpo", language), dpo_email.strip() or blank()),
                (label("contact_person", language), blank()),
                (label("breach_id", language), doc["id"]),
            ),
        ),
        Section(
            words["s2"],
            fields=(
                *facts.incident_fields(doc, language),
                (label("reported_by", language), doc["incident"]["reported_by"] or blank()),
                (words["sent_at"], blank()),
            ),
        ),
        Section(
            words["s3"],
            fields=facts.data_fields(doc, language),
            table=facts.datasets_table(doc, language),
            notes=facts.estimated_notes(doc, language),
        ),
        Section(words["s4"], items=consequences(doc, language)),
        Section(
            words["s5"],
            fields=facts.grade_fields(doc, language),
            table=facts.factors_table(doc, language),
        ),
        Section(
            words["s6"],
            fields=(
                (words["contain"], measures_done(doc, language)),
                (words["remedy"], blank()),
                (words["prevent"], blank()),
            ),
        ),
        subjects_section(doc, words, name, language),
    ]
    if doc["grade"]["notify_office"] and doc["clock"]["overdue"]:
        deadline = facts.moment_text(doc["clock"]["deadline"], language)
        late = words["late"].format(deadline=deadline, left=doc["clock"]["left"][language])
        sections.append(Section(words["s8"], (late,), ((words["reasons"], blank()),)))
    closing = tuple(
        line.format(sign=blank(words["sign"]), controller=name, position=blank(words["position"]))
        for line in words["closing"].split("|")
    )
    return Draft(
        name="office-notice",
        language=language,
        title=words["title"],
        subtitle=words["subtitle"].format(**law),
        banner=text,
        status=status,
        opening=(
            words["to"],
            words["subject"].format(title=doc["incident"]["title"]),
            words["intro"].format(controller=name, office=OFFICE[language], **law),
        ),
        sections=tuple(sections),
        closing=closing,
        footer=words["footer"].format(
            as_of=facts.doc_moment(doc, doc["clock"]["as_of"], language), id=doc["id"]
        ),
    )
