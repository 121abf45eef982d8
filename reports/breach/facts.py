"""The facts of a ``breach.json`` as the drafts write them, in Thai or English.

Thai: moments in Bangkok time with B.E. years (``7 ธ.ค. 2569 09:30 น.``),
dates in B.E.; English: ISO-like moments in the incident's own offset
(``2026-12-07 09:30 +07:00``) and ISO dates. Numbers have thousands
separators; a count that rows or a stated number stand in for says so. What
the document does not know comes out as a blank for an officer to fill.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from reports.breach.draft_model import Table, blank
from reports.breach.wording import EFFECTS, EXFILTRATED, GRADES, KINDS, label, named, yes_no
from reports.text.dates import format_date, format_moment
from reports.text.labels import pii_type_name

Doc = dict[str, Any]


def moment_text(value: str, language: str, like: str | None = None) -> str:
    """An ISO moment: Thai in Bangkok time with a B.E. year; English in its own offset, or in
    the offset of the ISO moment ``like`` (the incident's ``aware_at``) when given."""
    if language == "th":
        return format_moment(value, "th")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        if like is not None and moment.tzinfo is not None:
            moment = moment.astimezone(datetime.fromisoformat(like).tzinfo)
    except ValueError:
        return value
    offset = moment.strftime("%z")
    offset = f"{offset[:3]}:{offset[3:]}" if offset else "UTC"
    return f"{moment.strftime('%Y-%m-%d %H:%M')} {offset}"


def doc_moment(doc: Doc, value: str, language: str) -> str:
    """A moment of ``doc`` (``as_of``, ``assessed_at``…) in the incident's offset in English."""
    return moment_text(value, language, like=doc["clock"]["aware_at"])


def estimated_notes(doc: Doc, language: str) -> tuple[str, ...]:
    """The note under a datasets table whose people are partly estimated (marked ``*``)."""
    if not any(d["people_estimated"] for d in doc["impact"]["datasets"]):
        return ()
    if language == "th":
        return ("* ประมาณการจากจำนวนรายการหรือจำนวนที่ระบุในแบบแจ้งเหตุ",)
    return ("* estimated from the number of records or the number stated in the incident file",)


def day_text(value: str | None, language: str) -> str:
    """An ISO date as ``4 ธ.ค. 2569`` or ``2026-12-04``; empty for none."""
    return "" if not value else format_date(date.fromisoformat(value), language)


def number(value: int | None, language: str) -> str:
    """``1,234``; unknown for None."""
    return label("unknown", language) if value is None else f"{value:,}"


def window_text(incident: Doc, language: str) -> str:
    """When it happened: ``from – to``, one end, or a blank when the file gives neither."""
    start = day_text(incident.get("occurred_from"), language)
    end = day_text(incident.get("occurred_to"), language)
    if start and end:
        return f"{start} – {end}" if language == "en" else f"ระหว่างวันที่ {start} ถึง {end}"
    if start:
        return f"from {start}" if language == "en" else f"ตั้งแต่วันที่ {start}"
    if end:
        return f"until {end}" if language == "en" else f"จนถึงวันที่ {end}"
    return blank("when it happened" if language == "en" else "ช่วงเวลาที่เกิดเหตุ")


def types_text(types: list[str], language: str) -> str:
    """PII types by name, comma separated; "none" for no type."""
    if not types:
        return label("none", language)
    return ", ".join(pii_type_name(code, language) for code in types)


def kinds_text(kinds: list[str], language: str) -> str:
    return "; ".join(named(KINDS, kind, language) for kind in kinds) or blank()


def people_text(doc: Doc, language: str) -> str:
    """The approximate number of data subjects, saying when rows stand in for people."""
    totals = doc["impact"]["totals"]
    people = number(totals["people"], language)
    if language == "th":
        text = f"ประมาณ {people} คน"
        return text + (" (เป็นการประมาณการ)" if totals["people_estimated"] else "")
    text = f"about {people} people"
    return text + (" (an estimate)" if totals["people_estimated"] else "")


def rows_text(doc: Doc, language: str) -> str:
    rows = number(doc["impact"]["totals"]["rows"], language)
    return f"{rows} รายการ" if language == "th" else f"{rows} records"


def minors_text(doc: Doc, language: str) -> str:
    """Minors counted by date of birth, or why the number is unknown."""
    totals = doc["impact"]["totals"]
    if not totals.get("minors_known", True):
        if language == "th":
            return "ไม่ทราบ (ไม่มีข้อมูลวันเกิดในชุดข้อมูลที่เกี่ยวข้อง)"
        return "unknown (no date of birth in the datasets concerned)"
    minors = number(totals["minors"], language)
    if language == "th":
        return f"{minors} คน (นับจากวันเกิด ณ วันที่ทราบเหตุ)"
    return f"{minors} (by date of birth, on the day of awareness)"


def sensitive_text(doc: Doc, language: str) -> str:
    """Whether Section 26 data is involved, and which."""
    sensitive = doc["impact"]["totals"]["sensitive"]
    if not sensitive:
        return "ไม่มี" if language == "th" else "no"
    prefix = "มี: " if language == "th" else "yes: "
    return prefix + types_text(sensitive, language)


def grade_text(doc: Doc, language: str) -> str:
    return named(GRADES, doc["grade"]["level"], language)


def exfiltrated_text(doc: Doc, language: str) -> str:
    return named(EXFILTRATED, doc["incident"]["exfiltrated"], language)


def clock_fields(doc: Doc, language: str) -> tuple[tuple[str, str], ...]:
    """Aware at, the deadline and the time left when the draft was made."""
    clock = doc["clock"]
    return (
        (label("aware_at", language), moment_text(clock["aware_at"], language)),
        (label("deadline", language), moment_text(clock["deadline"], language)),
        (label("left", language), clock["left"][language]),
    )


def incident_fields(doc: Doc, language: str) -> tuple[tuple[str, str], ...]:
    """What happened and when, with what the incident file says about containment."""
    incident = doc["incident"]
    description = incident["description"].strip() or blank(label("description", language))
    return (
        (label("title", language), incident["title"]),
        (label("description", language), description),
        (label("occurred", language), window_text(incident, language)),
        *clock_fields(doc, language)[:1],
        (label("kinds", language), kinds_text(incident["kinds"], language)),
        (label("exfiltrated", language), exfiltrated_text(doc, language)),
        (label("encrypted", language), yes_no(incident["encrypted_at_rest"], language)),
        (label("restored", language), yes_no(incident["restored_from_backup"], language)),
        (label("contained", language), yes_no(incident["recipients_contained"], language)),
    )


def data_fields(doc: Doc, language: str) -> tuple[tuple[str, str], ...]:
    """Kinds of personal data, Section 26 data, people, records and minors."""
    totals = doc["impact"]["totals"]
    fields = [
        (label("types", language), types_text(totals["types"], language)),
        (label("sensitive", language), sensitive_text(doc, language)),
        (label("people", language), people_text(doc, language)),
        (label("rows", language), rows_text(doc, language)),
        (label("minors", language), minors_text(doc, language)),
    ]
    if doc["impact"]["unscanned"]:
        fields.append((label("unscanned", language), ", ".join(doc["impact"]["unscanned"])))
    return tuple(fields)


def grade_fields(doc: Doc, language: str) -> tuple[tuple[str, str], ...]:
    grade = doc["grade"]
    return (
        (label("grade", language), grade_text(doc, language)),
        (label("likelihood", language), str(grade["likelihood"])),
        (label("severity", language), str(grade["severity"])),
        (label("notify_office", language), yes_no(grade["notify_office"], language)),
        (label("notify_subjects", language), yes_no(grade["notify_subjects"], language)),
    )


def factors_table(doc: Doc, language: str, codes: bool = False) -> Table:
    """Every factor of the grade: its effect and its words (and its code, for the record)."""
    headers = (label("effect", language), label("factor", language))
    rows = [
        (named(EFFECTS, f["effect"], language), f[language], *((f["code"],) if codes else ()))
        for f in doc["grade"]["factors"]
    ]
    return Table(headers + ((label("code", language),) if codes else ()), tuple(rows))


def datasets_table(doc: Doc, language: str, detail: bool = False) -> Table:
    """One row per dataset in scope: types, rows, people and minors (and the record's detail)."""
    keys = ["source", "dataset", "types_short", "sensitive_short", "rows_short", "people_short"]
    keys += ["minors_short"]
    keys += ["basis", "register_id", "owner", "scanned_in"] if detail else []
    rows = []
    for d in doc["impact"]["datasets"]:
        row = [
            d["source"],
            d["dataset"],
            types_text(d["types"], language),
            types_text(d["sensitive"], language),
            number(d["rows"], language),
            number(d["people"], language) + (" *" if d["people_estimated"] else ""),
            number(d["minors"], language),
        ]
        if detail:
            row += [
                d["people_basis"] + (f"; {d['minors_basis']}" if d["minors_basis"] else ""),
                d["register_id"] or "-",
                d["owner"] or "-",
                d["scanned_in"] or label("not_scanned", language),
            ]
        rows.append(tuple(row))
    return Table(tuple(label(key, language) for key in keys), tuple(rows))
