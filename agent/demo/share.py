"""The demo organisation's file share.

A handful of files under ``share/``: an HR payroll sheet with Thai headers, an
unregistered marketing export, an application log with a few contact details
buried in it, a customer's complaint letter in Thai, and two public files
that hold no personal data at all. Only these files are (over)written;
anything else in the folder is left alone.
"""

from __future__ import annotations

import csv
import io
import random
from datetime import date, datetime, timedelta
from pathlib import Path

from agent.demo.database import PRODUCT_COUNT, Population, product_rows
from agent.demo.people import thai_address, thai_mobile

SHARE_FILES = (
    "hr/payroll_2025.csv",
    "marketing/leads_export.csv",
    "it/app.log",
    "letters/complaint.txt",
    "public/price_list.csv",
    "public/readme.txt",
)

_THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)

_QUIET_LOG_LINES = (
    "INFO  http  GET /api/products/{sku} 200 {ms}ms",
    "INFO  http  GET /api/branches/stock?sku={sku} 200 {ms}ms",
    "INFO  cache hit ratio={ratio} keys=18234",
    "DEBUG pool  checked out connection 7/20",
    "INFO  job   stock-sync finished in {ms}ms, 412 items updated",
    "WARN  http  POST /api/cart 429 rate limited, retry in 2s",
    "INFO  job   price-refresh started for branch BKK-0{branch}",
    "INFO  http  POST /api/orders 201 {ms}ms",
    "ERROR pay   gateway timeout after 30000ms, will retry (attempt 1/3)",
    "DEBUG sched next run of nightly-report at 02:00",
)


def _csv_text(header: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def thai_date(day: date) -> str:
    """``25 พฤศจิกายน 2569``: Thai month name and Buddhist Era year."""
    return f"{day.day} {_THAI_MONTHS[day.month - 1]} {day.year + 543}"


def payroll_csv(population: Population) -> str:
    """Payroll of current employees, Thai headers."""
    current = [e for e in population.employees if e.terminated_at is None][:40]
    rows = [
        [f"{e.title_th}{e.first_name_th} {e.last_name_th}", e.citizen_id, e.phone, str(e.salary)]
        for e in current
    ]
    return _csv_text(["ชื่อ-นามสกุล", "เลขบัตรประชาชน", "เบอร์โทร", "เงินเดือน"], rows)


def leads_csv(population: Population) -> str:
    """Marketing leads export (deliberately not in the register)."""
    leads = [c for c in population.customers if c.marketing_consent][:60]
    return _csv_text(["name", "email", "phone"], [[c.name_en, c.email, c.phone] for c in leads])


def app_log(rng: random.Random, population: Population, today: date) -> str:
    """An application log: mostly technical lines, a few with e-mails or phone numbers."""
    start = datetime(today.year, today.month, today.day) - timedelta(days=1)
    people = rng.sample(population.customers, 6)
    noisy = {
        37: f"INFO  auth  password reset requested for {people[0].email}",
        88: f"WARN  sms   OTP delivery failed to {thai_mobile(rng)}, provider code 17",
        141: f"INFO  crm   customer {people[1].customer_id} changed e-mail to {people[1].email}",
        203: f"ERROR mail  bounce from {people[2].email}: mailbox full",
        259: f"INFO  sms   OTP sent to {people[3].phone}",
        311: f"WARN  order contact phone {people[4].phone} rejected by courier API",
        377: f"INFO  auth  login ok user={people[5].email}",
    }
    lines = []
    moment = start
    for i in range(420):
        moment += timedelta(seconds=rng.randrange(5, 400), milliseconds=rng.randrange(1000))
        stamp = moment.strftime("%Y-%m-%d %H:%M:%S,") + f"{moment.microsecond // 1000:03d}"
        message = noisy.get(i) or rng.choice(_QUIET_LOG_LINES).format(
            sku=f"SKU-{rng.randrange(10001, 10121)}",
            ms=rng.randrange(3, 900),
            ratio=f"0.{rng.randrange(80, 99)}",
            branch=rng.randrange(1, 10),
        )
        lines.append(f"{stamp} [worker-{rng.randrange(1, 5)}] {message}")
    return "\n".join(lines) + "\n"


def complaint_letter(rng: random.Random, population: Population, today: date) -> str:
    """A short complaint letter in Thai with the writer's name, phone and address."""
    writer = population.customers[7]
    first_last = writer.full_name.removeprefix("นางสาว").removeprefix("นาง").removeprefix("นาย")
    written = today - timedelta(days=12)
    ordered = written - timedelta(days=20)
    return (
        "เรื่อง ร้องเรียนการจัดส่งสินค้าล่าช้าและขอคืนเงิน\n"
        "เรียน ฝ่ายบริการลูกค้า บริษัท สยามรีเทล จำกัด\n\n"
        f"ข้าพเจ้า {writer.full_name} เป็นลูกค้าสมาชิกของบริษัท ได้สั่งซื้อสินค้าผ่านเว็บไซต์"
        f"เมื่อวันที่ {thai_date(ordered)} และชำระเงินเรียบร้อยแล้ว "
        "แต่จนถึงวันนี้ยังไม่ได้รับสินค้า และติดต่อศูนย์บริการหลายครั้งแต่ไม่มีผู้รับสาย\n\n"
        "จึงเรียนมาเพื่อขอให้บริษัทตรวจสอบและคืนเงินเต็มจำนวน "
        f"กรุณาติดต่อกลับที่หมายเลข {writer.phone} "
        f"หรือส่งเอกสารมาที่ {thai_address(rng)}\n\n"
        "ขอแสดงความนับถือ\n"
        f"{first_last}\n"
        f"{thai_date(written)}\n"
    )


def price_list_csv(seed: int) -> str:
    """Public price list: the database's products (SKU, barcode, name, price) only."""
    products = product_rows(random.Random(f"{seed}:products"), PRODUCT_COUNT)
    rows = [[p["sku"], p["barcode"], p["name"], f"{p['price']:.2f}"] for p in products]
    return _csv_text(["sku", "barcode", "product", "price_thb"], rows)


README = """แฟ้มสาธารณะ (public) ของบริษัท สยามรีเทล จำกัด

โฟลเดอร์นี้เก็บเอกสารที่เผยแพร่ได้ เช่น รายการราคาสินค้าประจำเดือน
ห้ามนำข้อมูลส่วนบุคคลของลูกค้าหรือพนักงานมาไว้ในโฟลเดอร์นี้

This folder holds documents that may be shared outside the company, such as
the monthly price list. Do not store customer or employee data here.
Price list updated every first Monday of the month by the merchandising team.
"""


def write_share(root: Path, population: Population, seed: int, today: date) -> Path:
    """Write the demo files under ``root`` and return it."""
    rng = random.Random(f"{seed}:share")
    contents = {
        "hr/payroll_2025.csv": payroll_csv(population),
        "marketing/leads_export.csv": leads_csv(population),
        "it/app.log": app_log(rng, population, today),
        "letters/complaint.txt": complaint_letter(rng, population, today),
        "public/price_list.csv": price_list_csv(seed),
        "public/readme.txt": README,
    }
    for name in SHARE_FILES:
        _write(root / name, contents[name])
    return root
