"""The Thai and English sentences of the breach grade's factors (:mod:`scanners.breach.grading`).

Each function states one fact of the incident or of what it reached, as one formal
sentence in each language, and returns ``(th, en)``. The sentences name the fact
(kinds, types, the number of people, the period) and never a value of the data;
whether the fact raised or lowered the grade is the factor's ``effect``, not the
sentence's, so a sentence stays true whichever way the model weighs it.

PII types appear as their codes (``HEALTH``, ``TH_NATIONAL_ID``): the reports
translate codes, and ``scanners`` may not import them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

Text = tuple[str, str]

#: How many names (types, datasets) a sentence lists before "and N more".
MAX_NAMES = 6

_KIND_TH = {
    "confidentiality": "การละเมิดความลับของข้อมูลส่วนบุคคล (confidentiality breach)",
    "integrity": "การละเมิดความถูกต้องครบถ้วนของข้อมูลส่วนบุคคล (integrity breach)",
    "availability": "การละเมิดความพร้อมใช้งานของข้อมูลส่วนบุคคล (availability breach)",
}
_KIND_MEANING_TH = {
    "confidentiality": "ผู้ไม่มีสิทธิ์อาจเข้าถึงหรือได้รับข้อมูล",
    "integrity": "ข้อมูลอาจถูกเปลี่ยนแปลงหรือแก้ไขโดยไม่มีอำนาจ",
    "availability": "ข้อมูลสูญหายหรือไม่สามารถใช้งานได้",
}
_KIND_MEANING_EN = {
    "confidentiality": "people without authority may have accessed or received the data",
    "integrity": "the data may have been changed without authority",
    "availability": "the data was lost or could not be used",
}


def names(items: Sequence[str], *, th: bool) -> str:
    """``"A, B, C"``; past :data:`MAX_NAMES`, ``"A, …, F and 3 more"``."""
    shown = ", ".join(items[:MAX_NAMES])
    rest = len(items) - MAX_NAMES
    if rest <= 0:
        return shown
    return f"{shown} และอีก {rest:,} รายการ" if th else f"{shown} and {rest:,} more"


def kind(name: str, present: bool) -> Text:
    if present:
        return (
            f"เหตุการณ์นี้เป็น{_KIND_TH[name]} ซึ่ง{_KIND_MEANING_TH[name]}",
            f"This is {_article(name)} {name} breach: {_KIND_MEANING_EN[name]}.",
        )
    return (f"เหตุการณ์นี้ไม่ใช่{_KIND_TH[name]}", f"This is not {_article(name)} {name} breach.")


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _not_secret(what_en: str, what_th: str) -> Text:
    return (
        f"{what_th}ไม่เกี่ยวข้องกับเหตุการณ์นี้ เนื่องจากไม่ใช่การละเมิดความลับของข้อมูล",
        f"{what_en.capitalize()} does not apply: this is not a confidentiality breach.",
    )


def exfiltrated(value: str, confidentiality: bool) -> Text:
    if not confidentiality:
        return _not_secret("whether the data left the organisation", "การนำข้อมูลออกไปนอกองค์กร")
    if value == "yes":
        return (
            "ข้อมูลถูกนำออกไปหรือถูกส่งไปยังผู้อื่นนอกองค์กรแล้ว",
            "The data left the organisation.",
        )
    if value == "no":
        return ("ข้อมูลไม่ได้ถูกนำออกไปนอกองค์กร", "The data did not leave the organisation.")
    return (
        "ยังไม่ทราบว่าข้อมูลถูกนำออกไปนอกองค์กรหรือไม่ จึงถือว่ามีโอกาสที่ข้อมูลถูกนำออกไปแล้ว",
        "It is not known whether the data left the organisation, so it is treated as likely.",
    )


def encrypted_at_rest(encrypted: bool, applies: bool) -> Text:
    if not applies:
        return _not_secret("encryption at rest", "การเข้ารหัสข้อมูลขณะจัดเก็บ")
    if encrypted:
        return (
            "ข้อมูลที่ได้รับผลกระทบถูกเข้ารหัสไว้ขณะจัดเก็บ และกุญแจถอดรหัสไม่ได้ถูกเปิดเผย",
            "The data was encrypted at rest and the key was not exposed.",
        )
    return (
        "ข้อมูลที่ได้รับผลกระทบไม่ได้ถูกเข้ารหัสไว้ขณะจัดเก็บ หรือกุญแจถอดรหัสอาจถูกเปิดเผย",
        "The data was not encrypted at rest, or the key may have been exposed.",
    )


def recipients_contained(contained: bool, applies: bool) -> Text:
    if not applies:
        return _not_secret("containing the recipients", "การควบคุมผู้รับข้อมูล")
    if contained:
        return (
            "ผู้รับข้อมูลที่ส่งผิดเป็นผู้ที่ทราบตัวแล้ว และข้อมูลได้ถูกลบหรือส่งคืนแล้ว",
            "The recipients of the misdirected data are known "
            "and the data was deleted or returned.",
        )
    return (
        "ไม่มีการแจ้งว่าข้อมูลถูกส่งผิดไปยังผู้รับที่ทราบตัวซึ่งได้ลบหรือส่งคืนข้อมูลแล้ว",
        "The data was not reported as sent to known recipients who deleted or returned it.",
    )


def restored_from_backup(restored: bool, applies: bool) -> Text:
    if not applies:
        return (
            "การกู้คืนจากข้อมูลสำรองไม่เกี่ยวข้องกับเหตุการณ์นี้ เนื่องจากไม่ใช่การละเมิด"
            "ความถูกต้องครบถ้วนหรือความพร้อมใช้งานของข้อมูล",
            "Restoring from backup does not apply: "
            "this is not an integrity or availability breach.",
        )
    if restored:
        return ("ข้อมูลได้รับการกู้คืนจากข้อมูลสำรองแล้ว", "The data was restored from backup.")
    return (
        "ข้อมูลยังไม่ได้รับการกู้คืนจากข้อมูลสำรอง",
        "The data has not been restored from backup.",
    )


def duration(start: date | None, end: date, days: int | None) -> Text:
    if start is None or days is None:
        return ("ไม่ได้ระบุวันที่เริ่มเกิดเหตุ", "No start of the breach was given.")
    return (
        f"เหตุการณ์เกิดขึ้นเป็นเวลา {days:,} วัน ตั้งแต่วันที่ {start.isoformat()} ถึงวันที่ {end.isoformat()}",
        f"The breach lasted {days:,} days, from {start.isoformat()} to {end.isoformat()}.",
    )


def sensitive_data(types: Sequence[str]) -> Text:
    if types:
        return (
            f"ข้อมูลที่ได้รับผลกระทบมีข้อมูลส่วนบุคคลที่มีความอ่อนไหวตามมาตรา 26 ({names(types, th=True)})",
            f"The data reached includes Section 26 (sensitive) data: {names(types, th=False)}.",
        )
    return (
        "ข้อมูลที่ได้รับผลกระทบไม่มีข้อมูลส่วนบุคคลที่มีความอ่อนไหวตามมาตรา 26",
        "The data reached holds no Section 26 (sensitive) data.",
    )


def financial_or_id(types: Sequence[str]) -> Text:
    if types:
        return (
            f"ข้อมูลที่ได้รับผลกระทบมีเลขเอกสารแสดงตนหรือข้อมูลทางการเงินซึ่งอาจถูกนำไปใช้"
            f"แอบอ้างตัวตนหรือฉ้อโกงได้ ({names(types, th=True)})",
            "The data reached includes identity-document or financial numbers that can be used "
            f"for identity theft or fraud: {names(types, th=False)}.",
        )
    return (
        "ข้อมูลที่ได้รับผลกระทบไม่มีเลขประจำตัวประชาชน เลขหนังสือเดินทาง เลขบัญชีธนาคาร หรือเลขบัตรเครดิต",
        "The data reached holds no national ID, passport, bank account or credit card number.",
    )


def identifiable(types: Sequence[str]) -> Text:
    if types:
        return (
            f"ข้อมูลที่ได้รับผลกระทบมีข้อมูลที่ระบุตัวบุคคลได้โดยตรง ({names(types, th=True)})",
            f"The data reached includes direct identifiers: {names(types, th=False)}.",
        )
    return (
        "ข้อมูลที่ได้รับผลกระทบไม่มีข้อมูลที่ระบุตัวบุคคลได้โดยตรง",
        "The data reached holds no direct identifier.",
    )


def unscanned(datasets: Sequence[str]) -> Text:
    if datasets:
        return (
            f"ข้อมูลบางส่วนในขอบเขตของเหตุการณ์ยังไม่เคยถูกสแกน ({names(datasets, th=True)}) "
            "จึงถือว่าอาจมีเลขเอกสารแสดงตนหรือข้อมูลทางการเงินจนกว่าผลการสแกนจะแสดงเป็นอย่างอื่น",
            f"Part of the data in scope was never scanned ({names(datasets, th=False)}); until a "
            "scan shows otherwise it is treated as holding identity-document or financial data.",
        )
    return (
        "ข้อมูลทั้งหมดในขอบเขตของเหตุการณ์ผ่านการสแกนแล้ว",
        "All data in scope has been scanned.",
    )


def minors(count: int, counted: bool) -> Text:
    if count:
        return (
            f"เจ้าของข้อมูลส่วนบุคคลที่ได้รับผลกระทบเป็นผู้เยาว์ (อายุต่ำกว่า 20 ปี) จำนวน {count:,} ราย",
            f"{count:,} of the people affected are minors (under 20).",
        )
    if counted:
        return (
            "ไม่พบผู้เยาว์ (อายุต่ำกว่า 20 ปี) จากวันเกิดในข้อมูลที่ได้รับผลกระทบ",
            "No minors (under 20) were found by date of birth in the data reached.",
        )
    return (
        "ไม่สามารถนับจำนวนผู้เยาว์ได้ เนื่องจากข้อมูลที่ได้รับผลกระทบไม่มีวันเกิด",
        "Minors could not be counted: the data reached holds no date of birth.",
    )


def volume(people: int, estimated: bool, small: int, large: int) -> Text:
    about_th, about_en = ("ประมาณ", "about ") if estimated else ("", "")
    if people < small:
        compare_th, compare_en = f"ซึ่งน้อยกว่า {small:,} ราย", f"fewer than {small:,}"
    elif people >= large:
        compare_th, compare_en = f"ซึ่งถึง {large:,} รายขึ้นไป", f"{large:,} or more"
    else:
        compare_th = f"ซึ่งอยู่ระหว่าง {small:,} ถึง {large - 1:,} ราย"
        compare_en = f"between {small:,} and {large - 1:,}"
    return (
        f"เจ้าของข้อมูลส่วนบุคคลที่ได้รับผลกระทบมีจำนวน{about_th} {people:,} ราย {compare_th}",
        f"The breach affects {about_en}{people:,} people, {compare_en}.",
    )
