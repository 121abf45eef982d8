"""Rebuild the office-format fixtures in ``tests/data/formats/office/`` (dev-time only).

The files hold synthetic Thai + English personal data (a valid 13-digit Thai
national ID, a Thai mobile number, an e-mail address, a Thai name with its
title, a Buddhist-era date) in every office format the file-share scanner
reads. DOCX, XLSX and PPTX are made here with python-docx, openpyxl and
python-pptx; LibreOffice (driven headless over UNO by the system Python,
``/usr/bin/python3``) turns them into .doc, .xls, .ppt, .odt, .ods and .rtf,
and saves password-protected copies (password ``secret``). LibreOffice 7.4
cannot encrypt a .ppt or a .pptx: the encrypted .ppt is a copy marked
encrypted, the encrypted .pptx an OLE2 container written here by hand. The
two hand-written RTF files hold Thai as ``\\uN`` escapes and as ``\\'xx``
bytes of code page 874. CI has no LibreOffice: the output is committed.

Usage::

    .venv/bin/python scripts/make_office_samples.py
"""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import tempfile
from datetime import date, datetime
from pathlib import Path

import docx
import olefile
import openpyxl
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from pptx import Presentation
from pptx.util import Inches

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "data" / "formats" / "office"


def thai_id(body: str) -> str:
    """``body`` (12 digits) with its check digit (weights 13 … 2, mod 11; DOMAIN.md 1.1)."""
    total = sum(int(d) * (13 - i) for i, d in enumerate(body))
    return body + str((11 - total % 11) % 10)


NAME, NAME_2 = "นายสมชาย ใจดี", "นางสาวกานดา มีสุข"
NATIONAL_ID, NATIONAL_ID_2 = thai_id("110170020345"), thai_id("310050123456")
PHONE, PHONE_2 = "081-234-5678", "089-765-4321"
EMAIL, EMAIL_2 = "somchai.j@example.co.th", "kanda.m@example.com"
BIRTH_BE, BIRTH_BE_2 = "1 มีนาคม 2528", "15/08/2533"


def dashed(pin: str) -> str:
    """A national ID as printed on the card: 1-2345-67890-12-3."""
    return f"{pin[0]}-{pin[1:5]}-{pin[5:10]}-{pin[10:12]}-{pin[12]}"


def _hyperlink_field(paragraph: Paragraph, target: str, shown: str) -> None:
    """A complex HYPERLINK field (code + result) at the end of ``paragraph``."""

    def run_with(child: OxmlElement) -> None:
        run = OxmlElement("w:r")
        run.append(child)
        paragraph._p.append(run)

    def fld_char(kind: str) -> OxmlElement:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    run_with(fld_char("begin"))
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f' HYPERLINK "{target}" '
    run_with(code)
    run_with(fld_char("separate"))
    result = OxmlElement("w:t")
    result.text = shown
    run_with(result)
    run_with(fld_char("end"))


def letter_docx(path: Path) -> None:
    """A letter: heading, paragraphs, a line break, a HYPERLINK field, a table, a page break."""
    document = docx.Document()
    document.add_heading("บันทึกข้อมูลพนักงาน (Employee record)", level=1)
    document.add_paragraph(f"ชื่อ: {NAME}")
    document.add_paragraph(f"เลขประจำตัวประชาชน: {dashed(NATIONAL_ID)}")
    contact = document.add_paragraph(f"โทร: {PHONE}")
    contact.add_run().add_break()
    contact.add_run("อีเมล: ")
    _hyperlink_field(contact, f"mailto:{EMAIL}", EMAIL)
    document.add_paragraph(f"วันเกิด: {BIRTH_BE}")
    table = document.add_table(rows=2, cols=3)
    for column, text in enumerate(["ชื่อ", "โทรศัพท์", "อีเมล"]):
        table.cell(0, column).text = text
    for column, text in enumerate([NAME_2, PHONE_2, EMAIL_2]):
        table.cell(1, column).text = text
    last = document.add_paragraph(f"Date of birth (B.E.): {BIRTH_BE_2}")
    last.add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph(f"National ID {NATIONAL_ID_2}")
    document.save(str(path))


def book_xlsx(path: Path) -> None:
    """Sheets พนักงาน (dates, float IDs, money), a hidden one, an empty one, a headerless one."""
    book = openpyxl.Workbook()
    staff = book.active
    staff.title = "พนักงาน"
    staff.append([])
    staff.append(["ชื่อ-นามสกุล", "เลขประจำตัวประชาชน", "โทรศัพท์", "อีเมล", "วันเกิด (พ.ศ.)"])
    staff["F2"], staff["G2"] = "เริ่มงาน", "เงินเดือน"
    staff.append([NAME, NATIONAL_ID, PHONE, EMAIL, BIRTH_BE, date(2015, 6, 1), 25000.0])
    staff.append([NAME_2, float(NATIONAL_ID_2), PHONE_2, EMAIL_2, BIRTH_BE_2, None, 31500.5])
    staff["F4"] = datetime(2019, 1, 2, 9, 30)
    staff["F4"].number_format = "yyyy-mm-dd hh:mm:ss"
    staff["F3"].number_format = "yyyy-mm-dd"
    hidden = book.create_sheet("Hidden")
    hidden.append(["team", "head count"])
    hidden.append(["HR", 2])
    hidden.sheet_state = "hidden"
    book.create_sheet("Empty")
    bare = book.create_sheet("ไม่มีหัว")
    bare.append([EMAIL_2, NATIONAL_ID_2])
    bare.append([EMAIL, NATIONAL_ID])
    book.save(str(path))


def slides_pptx(path: Path) -> None:
    """Two slides: placeholders and notes; a table, a group of text boxes and notes."""
    deck = Presentation()
    first = deck.slides.add_slide(deck.slide_layouts[1])
    first.shapes.title.text = "ข้อมูลลูกค้า (Customer)"
    body = first.placeholders[1].text_frame
    body.text = NAME
    body.add_paragraph().text = f"เลขประจำตัวประชาชน {NATIONAL_ID}"
    first.notes_slide.notes_text_frame.text = f"โทร {PHONE}"
    second = deck.slides.add_slide(deck.slide_layouts[5])
    second.shapes.title.text = "ติดต่อ"
    table = second.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(6), Inches(1)).table
    cells = {(0, 0): "อีเมล", (0, 1): EMAIL, (1, 0): "โทร", (1, 1): PHONE_2}
    for (row, column), text in cells.items():
        table.cell(row, column).text = text
    group = second.shapes.add_group_shape()
    born = group.shapes.add_textbox(Inches(1), Inches(4), Inches(4), Inches(1))
    born.text_frame.text = f"วันเกิด {BIRTH_BE}"
    named = group.shapes.add_textbox(Inches(1), Inches(5), Inches(4), Inches(1))
    named.text_frame.text = NAME_2
    second.notes_slide.notes_text_frame.text = f"Email: {EMAIL_2}"
    deck.save(str(path))


def _rtf_unicode(text: str) -> str:
    return "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in text)


def _rtf_cp874(text: str) -> str:
    return "".join(c if ord(c) < 128 else f"\\'{b:02x}" for c in text for b in c.encode("cp874"))


def rtf_unicode() -> bytes:
    """Thai as ``\\uN`` escapes (``?`` fallbacks), a hyperlink field, a skipped destination."""
    lines = [
        f"\\pard {_rtf_unicode('ชื่อ: ' + NAME)}\\par",
        f"{_rtf_unicode('เลขประจำตัวประชาชน')} {NATIONAL_ID}\\line",
        f"{_rtf_unicode('โทร')} {PHONE}\\par",
        '{\\field{\\*\\fldinst{HYPERLINK "mailto:' + EMAIL + '"}}{\\fldrslt{' + EMAIL + "}}}\\par",
        f"{{\\*\\generator Synthetic writer;}}{_rtf_unicode('วันเกิด ' + BIRTH_BE)}\\par",
    ]
    head = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fnil Tahoma;}}\\uc1\\f0\n"
    return (head + "\n".join(lines) + "\n}").encode("ascii")


def rtf_cp874() -> bytes:
    """Thai as ``\\'xx`` bytes of code page 874, declared by ``\\ansicpg874``."""
    lines = [
        f"\\pard {_rtf_cp874('ชื่อ: ' + NAME_2)}\\par",
        f"{_rtf_cp874('เลขบัตรประชาชน')} {dashed(NATIONAL_ID_2)}\\par",
        f"{_rtf_cp874('มือถือ')} {PHONE_2}\\tab {EMAIL_2}\\par",
        f"{_rtf_cp874('วันเกิด ' + BIRTH_BE_2)}\\par",
    ]
    head = "{\\rtf1\\ansi\\ansicpg874\\deff0{\\fonttbl{\\f0\\fnil\\fcharset222 Tahoma;}}\\f0\n"
    return (head + "\n".join(lines) + "\n}").encode("ascii")


UNO = r"""
import json, subprocess, sys, time
import uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

work, jobs = sys.argv[1], json.loads(sys.argv[2])
office = subprocess.Popen(
    ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
     "-env:UserInstallation=file://" + work + "/profile",
     "--accept=pipe,name=pdpa_office_samples;urp;"],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext(
    "com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(120):
    try:
        ctx = resolver.resolve("uno:pipe,name=pdpa_office_samples;urp;StarOffice.ComponentContext")
        break
    except Exception:
        time.sleep(0.5)
smgr = ctx.ServiceManager
provider = smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
node = prop("nodepath", "/org.openoffice.Office.Common/Save/Document")
settings = provider.createInstanceWithArguments(
    "com.sun.star.configuration.ConfigurationUpdateAccess", (node,))
settings.setPropertyValue("GenerateThumbnail", False)  # no 600 KB preview in .ppt files
settings.commitChanges()
desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
for source, target, filter_name, password in jobs:
    doc = desktop.loadComponentFromURL("file://" + source, "_blank", 0, (prop("Hidden", True),))
    props = [prop("FilterName", filter_name)] + ([prop("Password", password)] if password else [])
    doc.storeToURL("file://" + target, tuple(props))
    doc.close(True)
try:
    desktop.terminate()
except Exception:
    pass
office.wait(timeout=60)
"""

#: (source, fixture name, LibreOffice filter, password)
CONVERSIONS = [
    ("letter.docx", "letter.doc", "MS Word 97", ""),
    ("letter.docx", "letter.odt", "writer8", ""),
    ("letter.docx", "letter.rtf", "Rich Text Format", ""),
    ("book.xlsx", "book.xls", "MS Excel 97", ""),
    ("book.xlsx", "book.ods", "calc8", ""),
    ("slides.pptx", "slides.ppt", "MS PowerPoint 97", ""),
    ("letter.docx", "encrypted.doc", "MS Word 97", "secret"),
    ("letter.docx", "encrypted.odt", "writer8", "secret"),
    ("book.xlsx", "encrypted.xls", "MS Excel 97", "secret"),
    ("book.xlsx", "encrypted.ods", "calc8", "secret"),
]


def mark_encrypted(source: Path, target: Path) -> None:
    """A copy of a .ppt whose Current User atom carries the encrypted-document token
    ([MS-PPT] 2.3.2 CurrentUserAtom.headerToken 0xF3D1C4DF)."""
    shutil.copyfile(source, target)
    with olefile.OleFileIO(str(target), write_mode=True) as ole:
        atom = bytearray(ole.openstream("Current User").read())
        atom[12:16] = (0xF3D1C4DF).to_bytes(4, "little")
        ole.write_stream("Current User", bytes(atom))


def encrypted_ooxml() -> bytes:
    """What an encrypted PPTX looks like ([MS-OFFCRYPTO] 2.3.4.4): an OLE2 compound file
    holding ``EncryptionInfo`` and ``EncryptedPackage`` (zeros here). LibreOffice
    7.4 cannot write one, so this writes the container by hand ([MS-CFB], version 3):
    sector 0 the FAT, sector 1 the directory, then each stream in 8 sectors of 512 bytes."""
    end, free, no_stream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFF
    streams = [("EncryptionInfo", bytes(4096)), ("EncryptedPackage", bytes(4096))]
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 44, 1, 1, 0, 4096, end, 0, end, 0)
    struct.pack_into("<109I", header, 76, 0, *([free] * 108))
    fat = [0xFFFFFFFD, end] + [free] * 126
    for index in range(len(streams)):
        first = 2 + 8 * index
        fat[first : first + 8] = [*range(first + 1, first + 8), end]
    directory = bytearray(512)
    entries = [("Root Entry", 5, 1, no_stream, end, 0)]
    entries += [
        (n, 2, no_stream, 2 if i == 0 else no_stream, 2 + 8 * i, len(d))
        for i, (n, d) in enumerate(streams)
    ]
    for index, (name, kind, child, right, start, size) in enumerate(entries):
        encoded = name.encode("utf-16-le")
        at = 128 * index
        directory[at : at + len(encoded)] = encoded
        struct.pack_into("<HBB", directory, at + 64, len(encoded) + 2, kind, 1)
        struct.pack_into("<III", directory, at + 68, no_stream, right, child)
        struct.pack_into("<II", directory, at + 116, start, size)
    for at in range(128 * len(entries), 512, 128):
        struct.pack_into("<III", directory, at + 68, no_stream, no_stream, no_stream)
    body = b"".join(d for _n, d in streams)
    return bytes(header) + struct.pack("<128I", *fat) + bytes(directory) + body


def convert(work: Path) -> None:
    """Every conversion in one LibreOffice session (the system Python has ``uno``)."""
    jobs = [(str(work / s), str(work / t), f, p) for s, t, f, p in CONVERSIONS]
    subprocess.run(["/usr/bin/python3", "-c", UNO, str(work), json.dumps(jobs)], check=True)


def main() -> None:
    if shutil.which("soffice") is None:
        raise SystemExit("LibreOffice (soffice) is needed to rebuild these fixtures")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        letter_docx(work / "letter.docx")
        book_xlsx(work / "book.xlsx")
        slides_pptx(work / "slides.pptx")
        convert(work)
        shutil.copyfile(work / "slides.pptx", OUT / "slides.pptx")
        mark_encrypted(work / "slides.ppt", OUT / "encrypted.ppt")
        for _source, target, _filter, _password in CONVERSIONS:
            shutil.copyfile(work / target, OUT / target)
    (OUT / "encrypted.pptx").write_bytes(encrypted_ooxml())
    (OUT / "thai_unicode.rtf").write_bytes(rtf_unicode())
    (OUT / "thai_cp874.rtf").write_bytes(rtf_cp874())
    print("\n".join(f"{p.stat().st_size:>8}  {p.name}" for p in sorted(OUT.iterdir())))


if __name__ == "__main__":
    main()
