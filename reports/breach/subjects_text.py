"""The notice to data subjects (s.37(4), high risk), as a :class:`.draft_model.Draft`.

Plain language, in the order the PDPC notification asks: what happened, what
data about the person was involved, what could happen, what we have done,
what they can do (watch for calls asking for an OTP, change passwords,
contact the bank — read off the data the breach reached), and how to reach
the DPO. It is only required when the grade is ``high``; drafted for any
grade on request, it then says so in its banner.
"""

from __future__ import annotations

from typing import Any

from reports.breach import facts
from reports.breach.advice import consequences, what_to_do
from reports.breach.draft_model import Draft, Section, blank
from reports.breach.office_text import DONE, controller_name
from reports.breach.wording import ACT, OFFICE

Doc = dict[str, Any]

WORDS: dict[str, dict[str, str]] = {
    "th": {
        "title": "แจ้งเหตุการละเมิดข้อมูลส่วนบุคคลของท่าน",
        "subtitle": "ร่าง ตามมาตรา 37(4) แห่ง{act}",
        "required": "ร่างหนังสือแจ้งเจ้าของข้อมูลส่วนบุคคล: ผลการประเมินพบความเสี่ยงสูง "
        "ต้องแจ้งโดยไม่ชักช้าพร้อมแนวทางการเยียวยา",
        "not_required": "ผลการประเมินไม่พบความเสี่ยงสูง จึงไม่ต้องแจ้งเจ้าของข้อมูลส่วนบุคคล — ร่างนี้จัดทำตามที่ขอ",
        "dear": "เรียน ท่านเจ้าของข้อมูลส่วนบุคคล",
        "intro": "{controller} ขอแจ้งให้ท่านทราบว่าได้เกิดเหตุการละเมิดข้อมูลส่วนบุคคลซึ่งเกี่ยวข้องกับข้อมูลของท่าน "
        "เราขออภัยเป็นอย่างยิ่ง และขอแจ้งรายละเอียดพร้อมคำแนะนำดังนี้",
        "s1": "เกิดอะไรขึ้น",
        "aware": "เมื่อ {aware} เราได้ทราบถึงเหตุ “{title}”",
        "window": "ช่วงเวลาที่เกิดเหตุ: {window}",
        "explain": "อธิบายเหตุการณ์ด้วยภาษาที่เข้าใจง่าย",
        "s2": "ข้อมูลใดของท่านที่เกี่ยวข้อง",
        "types": "ข้อมูลของท่านที่อาจได้รับผลกระทบ ได้แก่",
        "sensitive": "ซึ่งรวมถึงข้อมูลส่วนบุคคลที่มีความอ่อนไหว: {names}",
        "s3": "ผลกระทบที่อาจเกิดขึ้น",
        "s4": "สิ่งที่เราได้ดำเนินการแล้ว",
        "office": "แจ้งเหตุต่อ{office} แล้ว เมื่อ {date}",
        "date": "วันที่",
        "s5": "สิ่งที่ท่านควรทำ",
        "s6": "ติดต่อเรา",
        "dpo": "หากท่านมีข้อสงสัยหรือพบสิ่งผิดปกติ โปรดติดต่อเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล (DPO) ของเราที่ {dpo}",
        "rights": "ท่านมีสิทธิตาม{act} เช่น สิทธิขอเข้าถึง ขอแก้ไข ขอลบ หรือขอให้ระงับการใช้ข้อมูลของท่าน "
        "และมีสิทธิร้องเรียนต่อ{office}",
        "closing": "ขอแสดงความนับถือ|{controller}",
        "footer": "ร่างจัดทำโดย pdpa-agent เมื่อ {as_of} จากการประเมินเลขที่ {id} — "
        "โปรดตรวจทานและกรอกช่อง […] ก่อนส่ง เวลาเป็นเวลาประเทศไทย ปีเป็นพุทธศักราช",
    },
    "en": {
        "title": "A personal data breach affecting you",
        "subtitle": "Draft under Section 37(4) of {act}",
        "required": "Draft notice to the data subjects: the assessment found a high risk; "
        "tell them without delay, with the remedies",
        "not_required": "The assessment found no high risk, so the data subjects need not be "
        "told — this draft was made on request",
        "dear": "Dear Sir or Madam,",
        "intro": "{controller} must tell you of a personal data breach that involves data about "
        "you. We are very sorry. Here is what happened and what you can do.",
        "s1": "What happened",
        "aware": "On {aware} we became aware of this: “{title}”",
        "window": "When it happened: {window}",
        "explain": "explain what happened in plain words",
        "s2": "What data about you was involved",
        "types": "The data about you that may be affected:",
        "sensitive": "This includes sensitive data: {names}",
        "s3": "What could happen",
        "s4": "What we have done",
        "office": "told {office} on {date}",
        "date": "date",
        "s5": "What you can do",
        "s6": "How to reach us",
        "dpo": "If you have questions or notice anything unusual, please contact our data "
        "protection officer (DPO) at {dpo}",
        "rights": "You have rights under {act}, such as to access, correct or erase your data or "
        "to restrict its use, and you may complain to {office}",
        "closing": "Yours faithfully|{controller}",
        "footer": "Drafted by pdpa-agent at {as_of} from assessment {id}; review it and fill "
        "the […] blanks before sending. Times carry their UTC offset.",
    },
}


def _happened(doc: Doc, words: dict[str, str], language: str) -> Section:
    incident = doc["incident"]
    aware = facts.moment_text(doc["clock"]["aware_at"], language)
    return Section(
        words["s1"],
        paragraphs=(
            words["aware"].format(aware=aware, title=incident["title"]),
            incident["description"].strip() or blank(words["explain"]),
            words["window"].format(window=facts.window_text(incident, language)),
            facts.exfiltrated_text(doc, language).capitalize(),
        ),
    )


def _data(doc: Doc, words: dict[str, str], language: str) -> Section:
    """The kinds of data involved, one per line, then the Section 26 data among them."""
    totals = doc["impact"]["totals"]
    items = [facts.types_text([code], language) for code in totals["types"]] or [blank()]
    if totals["sensitive"]:
        names = facts.types_text(totals["sensitive"], language)
        items.append(words["sensitive"].format(names=names))
    return Section(words["s2"], paragraphs=(words["types"],), items=tuple(items))


def subjects_notice(doc: Doc, language: str, controller: str, dpo_email: str) -> Draft:
    """The notice to the data subjects in ``language`` (``"th"`` or ``"en"``)."""
    words = WORDS[language]
    name = controller_name(controller, language)
    office = OFFICE[language]
    done = [w[language] for key, w in DONE.items() if doc["incident"][key]]
    if doc["grade"]["notify_office"]:
        done.append(words["office"].format(office=office, date=blank(words["date"])))
    required = doc["grade"]["notify_subjects"]
    contact = dpo_email.strip() or blank()
    return Draft(
        name="subjects-notice",
        language=language,
        title=words["title"],
        subtitle=words["subtitle"].format(act=ACT[language]),
        banner=words["required" if required else "not_required"],
        status="due" if required else "info",
        opening=(words["dear"], words["intro"].format(controller=name)),
        sections=(
            _happened(doc, words, language),
            _data(doc, words, language),
            Section(words["s3"], items=consequences(doc, language)),
            Section(words["s4"], items=(*done, blank())),
            Section(words["s5"], items=what_to_do(doc, language)),
            Section(
                words["s6"],
                paragraphs=(
                    words["dpo"].format(dpo=contact),
                    words["rights"].format(act=ACT[language], office=office),
                ),
            ),
        ),
        closing=tuple(line.format(controller=name) for line in words["closing"].split("|")),
        footer=words["footer"].format(
            as_of=facts.doc_moment(doc, doc["clock"]["as_of"], language), id=doc["id"]
        ),
    )
