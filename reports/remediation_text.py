"""What to do about a finding, in the report's language.

``remediation`` in ``findings.json`` stays what the checks wrote (SQL, a shell
command or an English sentence, SPEC §8). People need more: :func:`remedy`
gives a one-line *action* per finding type, the remediation's *advice* (the
English sentences the checks write, rendered in Thai from a table of their
shapes in a Thai report) and its *command* (SQL or shell, always verbatim,
marked as a suggestion). A sentence whose shape is not in the table stays
in English and is flagged ``untranslated`` so a Thai page can say so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from reports.dates import Era, format_date
from reports.labels import pii_type_name
from scanners.clock_calendar import describe_th_for
from scanners.result import Finding

#: The first step for each finding type: (Thai, English).
ACTIONS: Mapping[str, tuple[str, str]] = {
    "PII_UNREGISTERED": (
        "ลงทะเบียนชุดข้อมูลนี้ในทะเบียนการเก็บรักษา (วัตถุประสงค์ ฐานทางกฎหมาย ผู้รับผิดชอบ "
        "ระยะเวลาเก็บรักษา) หรือลบข้อมูลส่วนบุคคลออก",
        "Register this dataset (purpose, legal basis, owner, retention) or remove the "
        "personal data.",
    ),
    "MINIMISE_UNDECLARED_PII": (
        "เลิกเก็บข้อมูลประเภทที่วัตถุประสงค์ไม่ต้องใช้ หรือเพิ่มประเภทนั้นใน allowed_pii ของรายการทะเบียนพร้อมเหตุผล",
        "Stop keeping data the purpose does not need, or declare it in allowed_pii with "
        "the reason.",
    ),
    "MINIMISE_GRANULARITY": (
        "ลดความละเอียดของข้อมูลให้เหลือเท่าที่ทะเบียนอนุญาต (เช่น ปีเกิด รหัสไปรษณีย์ หรือนามแฝง)",
        "Reduce the detail to what the register allows (e.g. birth year, postcode, pseudonym).",
    ),
    "SENSITIVE_NO_BASIS": (
        "บันทึกฐานทางกฎหมายสำหรับข้อมูลอ่อนไหว (sensitive_basis) ในรายการทะเบียน หรือลบข้อมูลอ่อนไหวออก",
        "Record the legal basis for the sensitive data (sensitive_basis) or remove it.",
    ),
    "RETENTION_UNDEFINED": (
        "กำหนดระยะเวลาเก็บรักษา (retention) และคอลัมน์วันที่เริ่มนับ (clock_column) ในรายการทะเบียน",
        "Set the retention period and the clock column in the register entry.",
    ),
    "RETENTION_EXPIRED": (
        "ลบหรือทำให้เป็นข้อมูลนิรนามทันทีซึ่งข้อมูลที่เกินระยะเวลาเก็บรักษา",
        "Delete or anonymise the data past its retention period now.",
    ),
    "ERASURE_PENDING": (
        "ลบหรือทำให้เป็นข้อมูลนิรนามซึ่งข้อมูลของผู้ที่ขอให้ลบหรือถอนความยินยอม หรือบันทึกข้อยกเว้นที่ต้องเก็บไว้",
        "Erase or anonymise the data of the subjects who asked, or record the exemption "
        "that keeps it.",
    ),
    "ANONYMISATION_WEAK": (
        "ทำให้ข้อมูลระบุตัวบุคคลไม่ได้จริง (ลบหรือทำให้ตัวระบุหยาบขึ้น) หรือดูแลชุดข้อมูลนี้เป็นข้อมูลส่วนบุคคล",
        "Make the data truly anonymous (drop or coarsen identifiers) or treat it as personal data.",
    ),
    "ACCESS_UNAPPROVED": (
        "เพิกถอนสิทธิ์ที่ไม่ได้รับอนุมัติ หรือขออนุมัติและบันทึกในรายการสิทธิ์",
        "Revoke the unapproved privilege, or approve it in the access list.",
    ),
    "ACCESS_EXCESSIVE": (
        "เพิกถอนสิทธิ์ส่วนที่เกินจากที่อนุมัติ หรือขออนุมัติเพิ่มในรายการสิทธิ์",
        "Revoke the privileges beyond the approved ones, or approve them.",
    ),
    "ACCESS_PUBLIC": (
        "ยกเลิกสิทธิ์ที่เปิดให้ทุกคนเข้าถึงทันที ให้เฉพาะผู้ที่ได้รับอนุมัติเท่านั้น",
        "Remove access for everyone now; grant it only to approved principals.",
    ),
    "ACCESS_REVIEW_OVERDUE": (
        "ทบทวนสิทธิ์กับผู้อนุมัติ แล้วปรับวันที่ reviewed_at หรือลบรายการที่ไม่ใช้แล้ว",
        "Review the grant with its approver and update reviewed_at, or remove it.",
    ),
    "ACCESS_STALE_ENTRY": (
        "ลบรายการสิทธิ์ของผู้ใช้ที่ไม่มีอยู่แล้ว หรือแก้ชื่อให้ถูกต้อง",
        "Remove the grant of a principal that no longer exists, or correct its name.",
    ),
    "DISCLOSURE_FOLLOWUP_DUE": (
        "ติดตามผู้รับข้อมูลว่ายังต้องใช้ข้อมูลหรือไม่ และบันทึกคำตอบ (pdpa-agent disclosures followup)",
        "Ask the recipient whether they still need the data and record the answer "
        "(pdpa-agent disclosures followup).",
    ),
    "BREACH_NOTICE_DUE": (
        "แจ้งเหตุละเมิดต่อสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคลภายใน 72 ชั่วโมง นับแต่ทราบเหตุ และบันทึกว่าแจ้งแล้ว",
        "Notify the PDPC office within 72 hours of awareness and record that the notice was sent.",
    ),
    "SCAN_ERROR": (
        "แก้ไขสาเหตุที่สแกนไม่สำเร็จ (ดูรายละเอียด) แล้วสแกนใหม่",
        "Fix the cause given in the details, then scan again.",
    ),
}

_SUGGESTION_TH = "คำสั่งที่แนะนำ (pdpa-agent ไม่รันคำสั่งนี้เอง)"
_SUGGESTION_EN = "Suggested command (never run by pdpa-agent)"
_ALTERNATIVES_TH = {
    "add an approved grant to the access list": "เพิ่มการอนุมัติสิทธิ์นี้ในรายการสิทธิ์ (access list)",
    "add them to the approved grant": "เพิ่มสิทธิ์เหล่านี้ในรายการสิทธิ์ที่อนุมัติ",
}
_ACT_TH = {"delete": "ลบ", "anonymise": "ทำให้เป็นข้อมูลนิรนาม"}
_COMMAND = re.compile(r"^(DELETE|UPDATE|REVOKE|ALTER|GRANT|DROP|chmod|chown|setfacl)\b")
_SQL_SUGGESTION = re.compile(
    r"^(?P<cmd>(?:REVOKE|ALTER|GRANT) .*?) — suggestion, never run by pdpa-agent"
    r"(?:; or (?P<alt>.+?))?\.$",
    re.DOTALL,
)
_FILE_SUGGESTION = re.compile(
    r"^Remove (?P<privs>[A-Z, ]+) for (?P<who>.+?) on (?P<where>.+?): (?P<cmd>.+?)"
    r" — suggestion, never run by pdpa-agent(?:; or (?P<alt>.+?))?\.$",
    re.DOTALL,
)
#: English words inside suggested commands, and their Thai.
_GLUE_TH: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\(or remove Everyone from its ACL\)"), "(หรือนำ Everyone ออกจาก ACL)"),
    (re.compile(r"\(or remove it from the ACL\)"), "(หรือนำออกจาก ACL)"),
    (
        re.compile(r"; it is held through (.+?): remove the membership"),
        r"; ได้สิทธิ์ผ่าน \1: ให้ถอดการเป็นสมาชิก",
    ),
    (re.compile(r"\(or, for every member of (.+?): "), r"(หรือสำหรับสมาชิกทุกคนของ \1: "),
    (re.compile(r"\(or "), "(หรือ "),
    (re.compile(r" or (?=chmod|chown|setfacl)"), " หรือ "),
    (re.compile(r"<approved owner>"), "<เจ้าของที่ได้รับอนุมัติ>"),
    (re.compile(r"<database file>"), "<ไฟล์ฐานข้อมูล>"),
)

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


#: The English sentences the checks write, and their Thai. Dates (``when``) are
#: formatted for the report before the template sees them.
SENTENCES_TH: tuple[tuple[re.Pattern[str], _Render], ...] = (
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


@dataclass(frozen=True)
class Remedy:
    """What to do about one finding, ready to show."""

    action: str  # the first step for the finding's type, in the report's language
    advice: str = ""  # the remediation sentence, in the report's language when known
    command: str = ""  # a suggested SQL/shell command, shown verbatim in its own box
    command_note: str = ""  # what the command is (a suggestion, never run)
    untranslated: bool = False  # ``advice`` is the English original (Thai report)


def action_text(finding_type: str, language: str) -> str:
    """The first step for ``finding_type`` in ``language`` (empty for an unknown type)."""
    pair = ACTIONS.get(finding_type)
    if pair is None:
        return ""
    return pair[0] if language == "th" else pair[1]


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


def _thai_command(command: str) -> str:
    for pattern, thai in _GLUE_TH:
        command = pattern.sub(thai, command)
    return command


def _alternative(alt: str, language: str) -> str:
    if not alt:
        return ""
    if language != "th":
        return f"Or {alt}."
    return f"หรือ{_ALTERNATIVES_TH.get(alt, alt)}"


def remedy(finding: Finding, language: str, era: Era = "be") -> Remedy:
    """The action, advice and command for ``finding`` in ``language``."""
    action = action_text(finding.type, language)
    text = (finding.remediation or "").strip()
    thai = language == "th"
    note = _SUGGESTION_TH if thai else _SUGGESTION_EN
    if not text:
        return Remedy(action)
    if match := _FILE_SUGGESTION.match(text):
        g = match.groupdict(default="")
        where = g["where"].replace(
            "the database file holding ",
            "ไฟล์ฐานข้อมูลที่เก็บ " if thai else "the database file holding ",
        )
        advice = (
            f"เพิกถอนสิทธิ์ {g['privs']} ของ {g['who']} บน {where}"
            if thai
            else f"Remove {g['privs']} for {g['who']} on {where}."
        )
        advice = " ".join(p for p in (advice, _alternative(g["alt"], language)) if p)
        command = _thai_command(g["cmd"]) if thai else g["cmd"]
        return Remedy(action, advice, command, note)
    if match := _SQL_SUGGESTION.match(text):
        g = match.groupdict(default="")
        command = _thai_command(g["cmd"]) if thai else g["cmd"]
        return Remedy(action, _alternative(g["alt"], language), command, note)
    if _COMMAND.match(text):
        return Remedy(action, "", text, note)
    if not thai:
        return Remedy(action, text)
    rendered = thai_sentence(text, era)
    if rendered is None:
        return Remedy(action, text, untranslated=True)
    return Remedy(action, rendered)
