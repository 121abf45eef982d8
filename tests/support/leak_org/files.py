"""The leak organisation's file share: CSV, LOG, JSON, XLSX, DOCX, a ZIP and broken files.

:func:`fill_share` writes people into files a real share holds, two of them
without a header row, and files that fail to parse part of the way through
with values near the failure (a CSV with NUL and bad bytes, a truncated XLSX
and DOCX, JSON cut short, a damaged ZIP).
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from pathlib import Path

import docx
import openpyxl

from tests.support.file_samples import zip_bytes
from tests.support.leak_org.people import Person


def fill_share(share: Path, everyone: list[Person]) -> None:
    for folder in ("hr", "logs", "data", "letters", "archive", "broken"):
        (share / folder).mkdir()
    staff = everyone[0:12]
    rows = ["ชื่อ,เลขบัตรประชาชน,โทรศัพท์,อีเมล,วันเกิด,วันที่ออก"]
    rows += [
        f"{p.name_th},{p.id_dashed},{p.phone_dashed},{p.email},{p.birth_thai},"
        f"{date(2015 + p.index % 3, 3, 4).isoformat()}"
        for p in staff
    ]
    (share / "hr" / "staff.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    # An export without a header row: its first row must not become column names.
    headerless = [f"{p.name_th};{p.national_id};{p.email};{p.phone}" for p in everyone[4:10]]
    (share / "hr" / "export_noheader.csv").write_text("\n".join(headerless), encoding="utf-8")
    log_lines = [
        f"2025-01-0{1 + p.index % 9} 10:00:00 INFO login {p.email} from 10.0.0.{p.index} "
        f"citizen {p.national_id} phone {p.phone}"
        for p in everyone[8:20]
    ]
    (share / "logs" / "app.log").write_text("\n".join(log_lines) + "\n", encoding="utf-8")
    records = [
        {
            "name": p.name_th,
            "contact": {"email": p.email, "phone": p.phone_dashed},
            "citizen_id": p.national_id,
            "passport": p.passport,
            "note": p.note,
        }
        for p in everyone[12:24]
    ]
    (share / "data" / "customers.json").write_text(
        json.dumps({"customers": records}, ensure_ascii=False), encoding="utf-8"
    )
    (share / "hr" / "book.xlsx").write_bytes(_xlsx(everyone[20:32]))
    (share / "letters" / "letter.docx").write_bytes(_docx(everyone[28:34]))
    member_csv = "name,citizen_id,email,mobile\n" + "".join(
        f"{p.name_en},{p.national_id},{p.email},{p.phone}\n" for p in everyone[30:40]
    )
    (share / "archive" / "export.zip").write_bytes(
        zip_bytes({"members/list.csv": member_csv.encode("utf-8")})
    )
    _broken_files(share / "broken", everyone[34:40])


def _xlsx(group: list[Person]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "staff"
    sheet.append(["ชื่อ-นามสกุล", "เลขบัตรประชาชน", "เบอร์โทร", "email", "วันเกิด", "บัญชีธนาคาร"])
    for p in group:
        sheet.append(
            [p.name_th, p.national_id, p.phone_dashed, p.email, p.birth_date, p.bank_dashed]
        )
    bare = book.create_sheet("no header")
    for p in reversed(group):
        bare.append([p.name_th, p.bank_dashed, p.passport, p.email])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _docx(group: list[Person]) -> bytes:
    document = docx.Document()
    document.add_paragraph("เรียน ฝ่ายบุคคล")
    for p in group:
        document.add_paragraph(p.note)
    table = document.add_table(rows=len(group), cols=3)
    for row, p in enumerate(group):
        for column, value in enumerate((p.name_th, p.id_dashed, p.email)):
            table.cell(row, column).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _broken_files(folder: Path, group: list[Person]) -> None:
    """Files that fail to parse part of the way through, with values near the failure."""
    good = "".join(f"{p.name_th},{p.national_id},{p.phone}\n" for p in group[:3])
    bad = "".join(
        f'{p.name_th},"{p.national_id}\x00{p.email},{p.phone_dashed}\n' for p in group[3:]
    ).encode("utf-8")
    (folder / "partial.csv").write_bytes(
        b"name,citizen_id,phone\n" + good.encode("utf-8") + bad + b"\xff\xfe\x00broken"
    )
    book = _xlsx(group)
    (folder / "truncated.xlsx").write_bytes(book[: len(book) // 2])
    letter = _docx(group)
    (folder / "truncated.docx").write_bytes(letter[: len(letter) * 2 // 3])
    (folder / "bad.json").write_text(
        '{"customers": ['
        + ", ".join(f'{{"id": "{p.national_id}", "mail": {p.email}' for p in group),
        encoding="utf-8",
    )
    member = zipfile.ZipInfo("inner/list.csv")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, good + good)
    data = bytearray(buffer.getvalue())
    data[40:60] = b"\x00" * 20  # damage the compressed member
    (folder / "damaged.zip").write_bytes(bytes(data))
