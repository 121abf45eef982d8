"""Thai renderings of the English remediation sentences the checks write, by their shape.

``remediation`` in ``findings.json`` stays the checks' English (SPEC §8); a
Thai report shows it in Thai when its sentence matches one of the shapes
below (one or more per finding type, in the order of the registry), and in
English, flagged untranslated, when none does. Dates (``when``) are formatted
for the report before a template sees them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date

from reports.text.dates import Era, format_date
from reports.text.labels import pii_type_name
from scanners.dates.clock_calendar import describe_th_for

_ACT_TH = {"delete": "ลบ", "anonymise": "ทำให้เป็นข้อมูลนิรนาม"}

_Render = Callable[[dict[str, str]], str]


def _calendar_th(description_en: str) -> str:
    """A clock's calendar as the retention facts described it, in Thai when known."""
    return describe_th_for(description_en) or description_en


def _shape(pattern: str) -> re.Pattern[str]:
    return re.compile("^" + pattern + "$", re.DOTALL)


def _where(groups: Mapping[str, str]) -> str:
    return f" ({groups['where']})" if groups.get("where") else ""


def _or(text: str) -> str:
    return text.replace(" and ", " และ ").replace(" or ", " หรือ ")


#: The English sentences the checks write, and their Thai.
SENTENCES_TH: tuple[tuple[re.Pattern[str], _Render], ...] = (
    # PII_UNREGISTERED
    (
        _shape(
            r'Add a \[\[datasets\]\] entry with source = "(?P<src>.*)" and a match for '
            r'"(?P<name>.*)" \(purpose, legal_basis, owner, retention\), or remove the data\.'
        ),
        lambda g: (
            f'เพิ่มรายการ [[datasets]] ในทะเบียน โดยมี source = "{g["src"]}" และ match ที่ครอบคลุม '
            f'"{g["name"]}" (ระบุ purpose, legal_basis, owner, retention) หรือลบข้อมูลนี้ออก'
        ),
    ),
    # MINIMISE_UNDECLARED_PII
    (
        _shape(
            r"Drop column (?P<col>.+) of (?P<ds>.+), or stop collecting it, if the purpose "
            r"does not need it; otherwise add (?P<types>.+) to allowed_pii of entry (?P<id>.+) "
            r"and record why the purpose needs it\."
        ),
        lambda g: (
            f"ลบคอลัมน์ {g['col']} ของ {g['ds']} หรือเลิกเก็บข้อมูลนี้ หากวัตถุประสงค์ไม่จำเป็นต้องใช้ "
            f"มิฉะนั้นให้เพิ่ม {g['types']} ใน allowed_pii ของรายการทะเบียน {g['id']} "
            "และบันทึกเหตุผลที่วัตถุประสงค์ต้องใช้"
        ),
    ),
    # MINIMISE_GRANULARITY (scanners.checks.register.minimise_granularity.remediation_for)
    (
        _shape(
            r"Keep only the birth year: replace (?P<col>.+) by its year \(UPDATE (?P<ds>.+) SET "
            r".+ = the year of .+, then narrow the column type\) or store the year in a new "
            r"column and drop .+\."
        ),
        lambda g: (
            f"เก็บเฉพาะปีเกิด: แทนค่าใน {g['col']} ด้วยปีเกิด (UPDATE {g['ds']} ให้เหลือเฉพาะปี "
            f"แล้วลดชนิดคอลัมน์) หรือเก็บปีไว้ในคอลัมน์ใหม่แล้วลบ {g['col']}"
        ),
    ),
    (
        _shape(
            r"Keep only the year and month of (?P<col>.+): store year and month in its place "
            r"\(or set every value to the first day of its month\) and drop the day\."
        ),
        lambda g: (
            f"เก็บเฉพาะปีและเดือนของ {g['col']}: เก็บปีและเดือนแทน "
            "(หรือตั้งทุกค่าเป็นวันที่ 1 ของเดือน) และตัดวันที่ออก"
        ),
    ),
    (
        _shape(
            r"Keep only the (?P<level>postcode|province): move the (?:postcode|province) out of "
            r"(?P<col>.+) into its own column and drop the rest of the address\."
        ),
        lambda g: (
            f"เก็บเฉพาะ{'รหัสไปรษณีย์' if g['level'] == 'postcode' else 'จังหวัด'}: "
            f"แยกออกจาก {g['col']} ไปไว้ในคอลัมน์ของตัวเอง แล้วลบที่อยู่ส่วนที่เหลือ"
        ),
    ),
    (
        _shape(
            r"Replace (?P<col>.+) by a pseudonym: a keyed hash \(e\.g\. HMAC-SHA256 with a key "
            r"kept outside this system\) or a token from a separately secured mapping table\."
        ),
        lambda g: (
            f"แทน {g['col']} ด้วยนามแฝง: ค่าแฮชที่มีกุญแจ (เช่น HMAC-SHA256 โดยเก็บกุญแจไว้นอกระบบนี้) "
            "หรือโทเค็นจากตารางจับคู่ที่รักษาความปลอดภัยแยกต่างหาก"
        ),
    ),
    (
        _shape(
            r"Store only a masked form of (?P<col>.+) \(most characters replaced by x\) "
            r"or drop it\."
        ),
        lambda g: f"เก็บ {g['col']} เฉพาะในรูปที่ปิดบังแล้ว (แทนอักขระส่วนใหญ่ด้วย x) หรือลบทิ้ง",
    ),
    (
        _shape(
            r"Drop (?P<col>.+) from (?P<ds>.+) or stop collecting it: the register entry "
            r"allows no (?P<type>\S+) here\."
        ),
        lambda g: (
            f"ลบ {g['col']} ออกจาก {g['ds']} หรือเลิกเก็บข้อมูลนี้: "
            f"รายการทะเบียนไม่อนุญาตให้เก็บ{pii_type_name(g['type'], 'th')}ที่นี่"
        ),
    ),
    (
        _shape(r"Reduce (?P<col>.+) to the '(?P<level>.+)' level the entry allows\."),
        lambda g: f"ลดความละเอียดของ {g['col']} ให้เหลือระดับ '{g['level']}' ที่รายการทะเบียนอนุญาต",
    ),
    # SENSITIVE_NO_BASIS
    (
        _shape(
            r"Record the explicit basis for (?P<types>.+) in sensitive_basis of entry (?P<id>.+) "
            r"\((?P<bases>[a-z_, ]+)\), or remove column\(s\) (?P<cols>.+)\."
        ),
        lambda g: (
            f"บันทึกฐานทางกฎหมายโดยชัดแจ้งสำหรับ {g['types']} ใน sensitive_basis ของรายการทะเบียน "
            f"{g['id']} ({_or(g['bases'])}) หรือลบคอลัมน์ {g['cols']}"
        ),
    ),
    # RETENTION_UNDEFINED
    (
        _shape(r"Set (?P<what>.+) in register entry (?P<id>.+)\."),
        lambda g: (
            "กำหนด "
            + _or(
                g["what"]
                .replace("(e.g. ", "(เช่น ")
                .replace("(the date column the period counts from)", "(คอลัมน์วันที่ที่เริ่มนับ)")
            )
            + f" ในรายการทะเบียน {g['id']}"
        ),
    ),
    # RETENTION_EXPIRED (written by the check and agent.scan.facts.gather / .retention)
    (
        _shape(
            r"In (?P<ds>.+), (?P<act>delete|anonymise) the (?P<n>\d+) row\(s\) whose "
            r"(?P<clock>.+) is before (?P<when>\d{4}-\d\d-\d\d) \(B\.E\. \d{4} in the Thai "
            r"calendar\); .+ holds (?P<cal>.+)\."
        ),
        lambda g: (
            f"ใน {g['ds']} ให้{_ACT_TH[g['act']]}แถว {g['n']} แถวที่ {g['clock']} "
            f"ก่อนวันที่ {g['when']} ({g['clock']} เก็บวันที่แบบ {_calendar_th(g['cal'])})"
        ),
    ),
    (
        _shape(
            r"(?P<act>Delete|Anonymise) the (?P<n>\d+) row\(s\) of (?P<ds>.+) whose "
            r"(?P<clock>.+) is before (?P<when>\d{4}-\d\d-\d\d) \(B\.E\. \d{4} in the Thai "
            r"calendar\)\. .+ holds (?P<cal>.+), which one SQL comparison cannot select: "
            r"convert it to a DATE column in the common era, then scan again for the exact "
            r"statement\."
        ),
        lambda g: (
            f"{_ACT_TH[g['act'].lower()]}แถว {g['n']} แถวของ {g['ds']} ที่ {g['clock']} "
            f"ก่อนวันที่ {g['when']} ({g['clock']} เก็บวันที่แบบ {_calendar_th(g['cal'])} "
            "ซึ่งคำสั่ง SQL เดียวเลือกแถวเหล่านี้ไม่ได้: แปลงคอลัมน์เป็นชนิด DATE ปี ค.ศ. "
            "แล้วสแกนใหม่เพื่อรับคำสั่งที่ตรงกัน)"
        ),
    ),
    (
        _shape(
            r"In (?P<ds>.+), (?P<act>delete|anonymise) the (?P<n>\d+) row\(s\) whose "
            r"(?P<clock>.+) is before (?P<when>\d{4}-\d\d-\d\d)\."
        ),
        lambda g: (
            f"ใน {g['ds']} ให้{_ACT_TH[g['act']]}แถว {g['n']} แถวที่ {g['clock']} ก่อนวันที่ {g['when']}"
        ),
    ),
    (
        _shape(
            r"(?P<act>Delete|Anonymise) the rows of (?P<ds>.+) whose (?P<clock>.+) is before "
            r"(?P<when>\d{4}-\d\d-\d\d)\."
        ),
        lambda g: f"{_ACT_TH[g['act'].lower()]}แถวของ {g['ds']} ที่ {g['clock']} ก่อนวันที่ {g['when']}",
    ),
    (
        _shape(
            r"(?P<act>Delete|Anonymise) (?P<ds>.+): (?:it was )?last modified before "
            r"(?P<when>\d{4}-\d\d-\d\d)\."
        ),
        lambda g: f"{_ACT_TH[g['act'].lower()]} {g['ds']}: แก้ไขครั้งล่าสุดก่อนวันที่ {g['when']}",
    ),
    # ERASURE_PENDING (written by the check and agent.inputs.erasure)
    (
        _shape(
            r"Erase or anonymise the rows of these subjects in (?P<ds>.+), or record in "
            r"register entry (?P<id>.+) the exemption under which they must be kept\."
        ),
        lambda g: (
            f"ลบหรือทำให้เป็นข้อมูลนิรนามซึ่งแถวของเจ้าของข้อมูลเหล่านี้ใน {g['ds']} "
            f"หรือบันทึกข้อยกเว้นที่ต้องเก็บไว้ในรายการทะเบียน {g['id']}"
        ),
    ),
    (
        _shape(
            r"Erase or anonymise the rows of the (?P<n>\d+) subject\(s\) of (?P<lines>.+) in "
            r"column\(s\) (?P<cols>.+), or record why they must be kept\."
        ),
        lambda g: (
            f"ลบหรือทำให้เป็นข้อมูลนิรนามซึ่งแถวของเจ้าของข้อมูล {g['n']} ราย ตามคำขอ {g['lines']} "
            f"ในคอลัมน์ {g['cols']} หรือบันทึกเหตุผลที่ต้องเก็บไว้"
        ),
    ),
    # ANONYMISATION_WEAK
    (
        _shape(
            r"Drop or irreversibly generalise column\(s\) (?P<cols>.+) of (?P<ds>.+), or set "
            r"anonymised = false in entry (?P<id>.+) and treat the dataset as personal data\."
        ),
        lambda g: (
            f"ลบคอลัมน์ {g['cols']} ของ {g['ds']} หรือทำให้หยาบขึ้นจนย้อนกลับไม่ได้ หรือตั้ง "
            f"anonymised = false ในรายการทะเบียน {g['id']} และดูแลชุดข้อมูลนี้เป็นข้อมูลส่วนบุคคล"
        ),
    ),
    (
        _shape(
            r"Generalise (?P<cols>.+) \(e\.g\. birth year to 5-year bands, postcode to "
            r"province\) or suppress the records in groups smaller than (?P<k>\d+), then re-scan\."
        ),
        lambda g: (
            f"ทำให้ {g['cols']} หยาบขึ้น (เช่น ปีเกิดเป็นช่วง 5 ปี รหัสไปรษณีย์เป็นจังหวัด) "
            f"หรือตัดรายการในกลุ่มที่มีน้อยกว่า {g['k']} รายการออก แล้วสแกนใหม่"
        ),
    ),
    # ACCESS_REVIEW_OVERDUE, ACCESS_STALE_ENTRY
    (
        _shape(
            r"Review the grant with its approver \((?P<who>.+?)\) and update reviewed_at in the "
            r"access list(?: \((?P<where>.+)\))?, or remove the grant\."
        ),
        lambda g: (
            f"ทบทวนสิทธิ์นี้กับผู้อนุมัติ ({g['who']}) แล้วปรับ reviewed_at ในรายการสิทธิ์{_where(g)} "
            "หรือลบรายการสิทธิ์นี้"
        ),
    ),
    (
        _shape(
            r"Remove the grant from the access list(?: \((?P<where>.+)\))? or correct its "
            r"principal name\."
        ),
        lambda g: f"ลบรายการสิทธิ์นี้ออกจากรายการสิทธิ์{_where(g)} หรือแก้ชื่อผู้ใช้/บทบาทให้ถูกต้อง",
    ),
)


def thai_sentence(sentence: str, era: Era = "be") -> str | None:
    """The Thai rendering of one of the checks' English remediation sentences, or None."""
    for pattern, render in SENTENCES_TH:
        match = pattern.match(sentence.strip())
        if match:
            groups = {k: v or "" for k, v in match.groupdict().items()}
            if groups.get("when"):
                groups["when"] = format_date(date.fromisoformat(groups["when"]), "th", era)
            return render(groups)
    return None
