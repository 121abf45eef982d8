"""Likely consequences of a breach and what data subjects can do, from the data it reached.

Both lists are read off the document: the kinds of breach and the PII types
(and Section 26 data, minors) in scope. They are a starting point the officer
reviews — each list ends with a blank for what the tool cannot know.
"""

from __future__ import annotations

from typing import Any

from reports.breach.draft_model import blank

Doc = dict[str, Any]
Rule = tuple[frozenset[str], dict[str, str]]

_CONTACT = frozenset({"PHONE_NUMBER", "EMAIL_ADDRESS"})
_IDENTITY = frozenset({"TH_NATIONAL_ID", "PASSPORT", "DATE_OF_BIRTH"})
_MONEY = frozenset({"BANK_ACCOUNT", "CREDIT_CARD"})
_PLACE = frozenset({"ADDRESS", "TH_LICENSE_PLATE"})

#: (types any of which triggers it, words): consequences of a confidentiality breach.
CONSEQUENCES: tuple[Rule, ...] = (
    (
        _CONTACT,
        {
            "th": "อาจถูกติดต่อทางโทรศัพท์ ข้อความ SMS หรืออีเมลหลอกลวง โดยแอบอ้างเป็นองค์กรหรือธนาคาร",
            "en": "Scam calls, text messages or e-mails pretending to come from us or a bank",
        },
    ),
    (
        _IDENTITY,
        {
            "th": "อาจถูกสวมรอยใช้ข้อมูลระบุตัวตน เช่น เปิดบัญชี ขอสินเชื่อ หรือลงทะเบียนซิมการ์ดในนามของเจ้าของข้อมูล",
            "en": "Identity theft: accounts, loans or SIM cards opened in the person's name",
        },
    ),
    (
        _MONEY,
        {
            "th": "อาจเกิดความเสียหายทางการเงินจากการใช้ข้อมูลบัญชีธนาคารหรือบัตรเครดิตโดยมิชอบ",
            "en": "Financial loss through misuse of bank account or card details",
        },
    ),
    (
        _PLACE,
        {
            "th": "อาจถูกติดตามหรือติดต่อ ณ ที่อยู่โดยไม่พึงประสงค์",
            "en": "Unwanted contact or visits at the person's address",
        },
    ),
)

SENSITIVE = {
    "th": "ข้อมูลส่วนบุคคลที่มีความอ่อนไหวตามมาตรา 26 อาจทำให้เจ้าของข้อมูลถูกเลือกปฏิบัติ "
    "ได้รับความอับอาย หรือเสียชื่อเสียง",
    "en": "Section 26 data may expose people to discrimination, embarrassment or damage to "
    "their reputation",
}
MINORS = {
    "th": "ผู้เยาว์เป็นกลุ่มเปราะบางที่อาจได้รับผลกระทบมากกว่าบุคคลทั่วไป",
    "en": "Minors are vulnerable and may be harmed more than adults",
}
INTEGRITY = {
    "th": "ข้อมูลที่ถูกเปลี่ยนแปลงอาจทำให้มีการตัดสินใจหรือให้บริการโดยอาศัยข้อมูลที่ไม่ถูกต้อง",
    "en": "Altered data may lead to decisions or services based on wrong information",
}
AVAILABILITY = {
    "th": "เจ้าของข้อมูลอาจไม่ได้รับบริการหรือได้รับบริการล่าช้าระหว่างที่ข้อมูลใช้งานไม่ได้",
    "en": "People may be refused or delayed a service while the data is unavailable",
}

#: What a data subject can do, by the data reached.
ADVICE: tuple[Rule, ...] = (
    (
        _CONTACT,
        {
            "th": "ระวังโทรศัพท์ ข้อความ SMS หรืออีเมลที่อ้างถึงเหตุการณ์นี้ อย่าเปิดลิงก์ที่ไม่รู้จัก "
            "และอย่าให้รหัส OTP หรือรหัสผ่านแก่ผู้ใดเด็ดขาด เราจะไม่ขอรหัสเหล่านี้จากท่าน",
            "en": "Be wary of calls, text messages or e-mails that mention this incident; do not "
            "open unknown links and never give anyone a one-time password (OTP) or a password — "
            "we will never ask for them",
        },
    ),
    (
        frozenset({"EMAIL_ADDRESS"}),
        {
            "th": "เปลี่ยนรหัสผ่านของบัญชีที่ใช้อีเมลนี้ โดยเฉพาะหากใช้รหัสผ่านเดียวกันหลายบริการ "
            "และเปิดใช้การยืนยันตัวตนสองขั้นตอน",
            "en": "Change the passwords of accounts that use this e-mail address, above all where "
            "one password is used for several services, and turn on two-step verification",
        },
    ),
    (
        _MONEY,
        {
            "th": "ติดต่อธนาคารหรือผู้ออกบัตรของท่านเพื่อเฝ้าระวังหรืออายัดบัตร "
            "และตรวจสอบรายการเคลื่อนไหวทางบัญชีอย่างสม่ำเสมอ",
            "en": "Contact your bank or card issuer to watch or block the card, and check your "
            "statements regularly",
        },
    ),
    (
        _IDENTITY,
        {
            "th": "ตรวจสอบว่ามีการเปิดบัญชี ขอสินเชื่อ หรือลงทะเบียนบริการในนามของท่านโดยท่านไม่ทราบหรือไม่ "
            "และแจ้งความหากพบการสวมรอย",
            "en": "Check for accounts, loans or services opened in your name without your "
            "knowledge, and report any such use to the police",
        },
    ),
)
GENERAL_ADVICE = {
    "th": "หากพบสิ่งผิดปกติ โปรดแจ้งเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคลของเราตามช่องทางด้านล่าง",
    "en": "If you notice anything unusual, please tell our data protection officer (below)",
}


def _types(doc: Doc) -> set[str]:
    return set(doc["impact"]["totals"]["types"])


def consequences(doc: Doc, language: str) -> tuple[str, ...]:
    """Likely consequences for the people concerned, ending with a blank to complete."""
    kinds = set(doc["incident"]["kinds"])
    types = _types(doc)
    found: list[str] = []
    if "confidentiality" in kinds:
        found += [words[language] for trigger, words in CONSEQUENCES if trigger & types]
        if doc["impact"]["totals"]["sensitive"]:
            found.append(SENSITIVE[language])
    if "integrity" in kinds:
        found.append(INTEGRITY[language])
    if "availability" in kinds:
        found.append(AVAILABILITY[language])
    totals = doc["impact"]["totals"]
    if totals.get("minors_known", True) and totals["minors"]:
        found.append(MINORS[language])
    other = "ผลกระทบอื่นที่ประเมินได้" if language == "th" else "other consequences assessed"
    return (*found, blank(other))


def what_to_do(doc: Doc, language: str) -> tuple[str, ...]:
    """Advice to the data subjects, by the data reached, then how to report anything odd."""
    types = _types(doc)
    found = [words[language] for trigger, words in ADVICE if trigger & types]
    return (*found, GENERAL_ADVICE[language])
