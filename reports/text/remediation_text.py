"""What to do about a finding, in the report's language.

``remediation`` in ``findings.json`` stays what the checks wrote (SQL, a shell
command or an English sentence, SPEC §8). People need more: :func:`remedy`
gives a one-line *action* per finding type (declared with the type,
:mod:`scanners.checks.registry`), the remediation's *advice* (the English
sentences the checks write, rendered in Thai by
:mod:`reports.text.remediation_thai` in a Thai report) and its *command* (SQL
or shell, always verbatim, marked as a suggestion). A sentence whose shape
is not known stays in English and is flagged ``untranslated`` so a Thai page
can say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reports.text.dates import Era
from reports.text.remediation_thai import thai_sentence
from scanners.checks.registry import FINDING_TYPES
from scanners.model.result import Finding

_SUGGESTION_TH = "คำสั่งที่แนะนำ (pdpa-agent ไม่รันคำสั่งนี้เอง)"
_SUGGESTION_EN = "Suggested command (never run by pdpa-agent)"
_ALTERNATIVES_TH = {
    "add an approved grant to the access list": "เพิ่มการอนุมัติสิทธิ์นี้ในรายการสิทธิ์ (access list)",
    "add them to the approved grant": "เพิ่มสิทธิ์เหล่านี้ในรายการสิทธิ์ที่อนุมัติ",
}
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
    kind = FINDING_TYPES.get(finding_type)
    return kind.action.get(language) if kind else ""


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
