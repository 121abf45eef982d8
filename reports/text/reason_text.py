"""Why a column was classified so, in Thai for a Thai report.

The classifier writes each reason as ``TYPE: clause; clause; …`` in English
(``scanners.classification.classify`` and ``scanners.classification.column_rules``), and
the reasons are stored that way in ``findings.json`` and the state store. A Thai report
renders them at display time: the type by its Thai name, each clause by the
table below (one pattern per shape the classifier writes). A clause whose
shape is unknown is kept in English, so nothing is ever lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reports.text.labels import pii_type_name

_Render = Callable[[re.Match[str]], str]
_TYPE = re.compile(r"^(?P<type>[A-Z][A-Z0-9_]+): (?P<rest>.+)$", re.DOTALL)


def _clause(pattern: str) -> re.Pattern[str]:
    return re.compile("^" + pattern + "$", re.DOTALL)


def _type(match: re.Match[str], group: str = "what") -> str:
    return pii_type_name(match.group(group), "th")


#: Clause shapes and their Thai.
CLAUSES_TH: tuple[tuple[re.Pattern[str], _Render], ...] = (
    (
        _clause(r"evidence from (?P<by>.+) in (?P<n>\d+) of (?P<m>\d+) passages"),
        lambda m: f"พบหลักฐานจาก {m['by']} ใน {m['n']} จาก {m['m']} ช่วงข้อความ",
    ),
    (
        _clause(r"evidence from (?P<by>.+) in (?P<p>\d+%) of (?P<m>\d+) values"),
        lambda m: f"พบหลักฐานจาก {m['by']} ใน {m['p']} ของ {m['m']} ค่า",
    ),
    (
        _clause(r"column name '(?P<name>.*)' and (?P<p>\d+%) of values fit"),
        lambda m: f"ชื่อคอลัมน์ '{m['name']}' และ {m['p']} ของค่ามีรูปแบบตรงกัน",
    ),
    (
        _clause(
            r"column name '(?P<name>.*)' and (?P<p>\d+%) of (?P<m>\d+) values are opaque binary "
            r"\(not pictures, documents or text\)"
        ),
        lambda m: (
            f"ชื่อคอลัมน์ '{m['name']}' และ {m['p']} ของ {m['m']} ค่าเป็นข้อมูลไบนารีที่ไม่ใช่รูปภาพ "
            "เอกสาร หรือข้อความ"
        ),
    ),
    (_clause(r"column name '(?P<name>.*)'"), lambda m: f"ชื่อคอลัมน์ '{m['name']}'"),
    (_clause(r"(?P<n>\d+) distinct"), lambda m: f"ค่าไม่ซ้ำ {m['n']} ค่า"),
    (
        _clause(r"not reported, a single value repeated in every row"),
        lambda m: "ไม่รายงาน เพราะทุกแถวมีค่าเดียวกันซ้ำ",
    ),
    (
        _clause(r"not reported, the rows describe animals"),
        lambda m: "ไม่รายงาน เพราะแถวข้อมูลเป็นข้อมูลสัตว์",
    ),
    (
        _clause(
            r"(?P<p>\d+%) of (?P<m>\d+) values are past (?P<unit>years|dates) spread like ages "
            r"\(median (?P<median>\d+) years, middle half (?P<spread>\d+) years wide\)"
        ),
        lambda m: (
            f"{m['p']} ของ {m['m']} ค่าเป็น{'ปี' if m['unit'] == 'years' else 'วันที่'}ในอดีต"
            f"ที่กระจายตัวแบบอายุคน (มัธยฐาน {m['median']} ปี ช่วงครึ่งกลางกว้าง {m['spread']} ปี)"
        ),
    ),
    (
        _clause(r"(?P<p>\d+%) of (?P<m>\d+) values are blood groups"),
        lambda m: f"{m['p']} ของ {m['m']} ค่าเป็นหมู่เลือด",
    ),
    (
        _clause(
            r"not reported, only (?P<p>\d+%) of (?P<n>\d+) candidate values pass the check digit "
            r"\(codes, not identifiers\)"
        ),
        lambda m: (
            f"ไม่รายงาน เพราะมีเพียง {m['p']} ของ {m['n']} ค่าที่ผ่านการตรวจเลขตรวจสอบ "
            "(เป็นรหัส ไม่ใช่เลขระบุตัวตน)"
        ),
    ),
    (
        _clause(
            r"(?P<p>\d+%) of (?P<m>\d+) values are ICD-10 diagnosis codes \((?P<n>\d+) different\)"
        ),
        lambda m: f"{m['p']} ของ {m['m']} ค่าเป็นรหัสโรค ICD-10 ({m['n']} รหัส)",
    ),
    (
        _clause(r"(?P<p>\d+%) of (?P<m>\d+) values are words for the sexes"),
        lambda m: f"{m['p']} ของ {m['m']} ค่าเป็นคำที่ระบุเพศ",
    ),
    (
        _clause(r"not reported, names inside other values"),
        lambda m: "ไม่รายงาน เพราะชื่อปรากฏอยู่ภายในค่าอื่น",
    ),
    (
        _clause(r"not reported, only (?P<p>\d+%) of the values look like people's names"),
        lambda m: f"ไม่รายงาน เพราะมีเพียง {m['p']} ของค่าที่ดูเหมือนชื่อคน",
    ),
    (
        _clause(
            r"(?P<p>\d+%) of (?P<m>\d+) values look like people's names \((?P<n>\d+) distinct\)"
        ),
        lambda m: f"{m['p']} ของ {m['m']} ค่าดูเหมือนชื่อคน (ไม่ซ้ำ {m['n']} ค่า)",
    ),
    (
        _clause(
            r"not reported, the values' lengths vary like figures \((?P<n>\d+) different lengths\)"
        ),
        lambda m: f"ไม่รายงาน เพราะความยาวของค่าแตกต่างกันแบบตัวเลขทั่วไป ({m['n']} ความยาว)",
    ),
    (
        _clause(r"not reported, the values are proven to be (?P<what>[A-Z][A-Z0-9_]+)"),
        lambda m: f"ไม่รายงาน เพราะค่าได้รับการยืนยันว่าเป็น{_type(m)}",
    ),
    (
        _clause(
            r"(?P<p>\d+%) of (?P<m>\d+) values name a religion \((?P<n>\d+) distinct, repeated\)"
        ),
        lambda m: f"{m['p']} ของ {m['m']} ค่าเป็นชื่อศาสนา (ไม่ซ้ำ {m['n']} ค่า และซ้ำกัน)",
    ),
    (
        _clause(
            r"in (?P<n>\d+) of (?P<m>\d+) sampled values \((?P<d>\d+) different\), inside text"
        ),
        lambda m: f"พบใน {m['n']} จาก {m['m']} ค่าที่สุ่มตัวอย่าง (ต่างกัน {m['d']} ค่า) ภายในข้อความ",
    ),
    (
        _clause(r"not reported, the column name identifies a thing \('(?P<name>.*)'\)"),
        lambda m: f"ไม่รายงาน เพราะชื่อคอลัมน์ระบุสิ่งของ ('{m['name']}')",
    ),
)


def _thai_clause(clause: str) -> str | None:
    for pattern, render in CLAUSES_TH:
        match = pattern.match(clause)
        if match:
            return render(match)
    return None


def thai_reason(reason: str) -> tuple[str, bool]:
    """``reason`` in Thai, and whether every part of it was translated."""
    head = _TYPE.match(reason)
    if head is None:
        return reason, False
    parts: list[str] = []
    complete = True
    for clause in head["rest"].split("; "):
        thai = _thai_clause(clause.strip())
        complete = complete and thai is not None
        parts.append(thai if thai is not None else clause)
    return f"{pii_type_name(head['type'], 'th')}: " + "; ".join(parts), complete


def reason_text(reason: str, language: str) -> str:
    """A column reason as the report shows it."""
    return thai_reason(reason)[0] if language == "th" else reason
