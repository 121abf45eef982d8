"""A labelled Thai organisation for measuring column classification (not the demo's data).

A hospital, a school, a lender, a shop and an IT department, written with the
mess real systems have: Thai digits, Buddhist-era dates as text, extensions
and several numbers in one phone field, military and academic titles, NULLs,
and trap columns that look personal but are not (juristic tax IDs, EAN-13
barcodes, invoice and flight numbers, product and company names, province
aggregates, non-birth dates, MAC addresses and URLs in ``address``, UUIDs and
hashes). ``LABELS`` says, for every column, which types it truly holds.
Everything is synthetic and deterministic.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import Column, Date, Integer, MetaData, String, Table, Text, create_engine, insert
from stdnum import ean, luhn
from stdnum.th import moa, pin

from scanners.dates.thai_calendar import THAI_MONTH_ABBREVIATIONS
from scanners.validators.th_national_id import PROVINCE_CODES

ROWS = 400
TH_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
TITLES = ["นาย", "นาง", "นางสาว", "ด.ช.", "ด.ญ.", "พ.ต.อ.", "ร.ต.ท.", "ผศ.ดร.", "นพ.", "พญ.", "คุณ"]
GIVEN = [
    "ณัฐวุฒิ",
    "ศศิธร",
    "ปรเมศวร์",
    "อัญชลี",
    "กิตติพัฒน์",
    "วรรณา",
    "เอกชัย",
    "นันทนา",
    "ภานุวัฒน์",
    "รัตนาภรณ์",
    "สุรเชษฐ์",
    "ดวงใจ",
    "ธนากร",
    "มณีรัตน์",
    "ชาญวิทย์",
    "อารีรัตน์",
]
FAMILY = [
    "ปัญญาดี",
    "สว่างวงศ์",
    "คงสวัสดิ์",
    "อินทรประเสริฐ",
    "ชัยมงคล",
    "เพชรรัตน์",
    "ศรีประเสริฐ",
    "พรหมมา",
    "จันทร์หอม",
    "วัฒนกุล",
    "ทองประเสริฐ",
    "บุญญาศิริ",
]
LATIN_GIVEN = [
    "Emily",
    "Hans",
    "Sofia",
    "Kenji",
    "Aisha",
    "Lucas",
    "Ingrid",
    "Mateo",
    "Chen",
    "Priya",
]
LATIN_FAMILY = [
    "Müller",
    "Rossi",
    "Nakamura",
    "Okafor",
    "Johansson",
    "Fernandes",
    "Kowalski",
    "Lee",
]
PLACES = [
    ("ต.สุเทพ", "อ.เมืองเชียงใหม่", "จ.เชียงใหม่", "50200"),
    ("แขวงลาดยาว", "เขตจตุจักร", "กรุงเทพฯ", "10900"),
    ("ต.ในเมือง", "อ.เมืองขอนแก่น", "จ.ขอนแก่น", "40000"),
    ("ต.ตลาดใหญ่", "อ.เมืองภูเก็ต", "จ.ภูเก็ต", "83000"),
    ("ต.หาดใหญ่", "อ.หาดใหญ่", "จ.สงขลา", "90110"),
]
PROVINCES = ["กรุงเทพมหานคร", "เชียงใหม่", "ขอนแก่น", "ภูเก็ต", "สงขลา", "นครราชสีมา", "ชลบุรี"]
MONTHS = list(THAI_MONTH_ABBREVIATIONS)
DISEASES = ["เบาหวาน", "ความดันโลหิตสูง", "หอบหืด", "ไม่มี", "โรคหัวใจ", "ไขมันในเลือดสูง"]
ALLERGIES = ["แพ้ยาเพนิซิลลิน", "แพ้อาหารทะเล", "ไม่มีประวัติแพ้ยา", "แพ้ยาแอสไพริน"]
PRODUCTS = [
    "ผงซักฟอก 900 กรัม",
    "Green Tea 500ml",
    "นมจืด UHT 225 มล.",
    "ยาสีฟัน 160 กรัม",
    "Instant Noodles",
]
COMPANIES = [
    "บริษัท สยามอุตสาหกรรม จำกัด",
    "ห้างหุ้นส่วนจำกัด ทองดีการค้า",
    "Thai Logistics Co., Ltd.",
    "บริษัท เอเชียฟู้ด จำกัด (มหาชน)",
]

# (table, column) -> the types the column truly holds.
LABELS: dict[tuple[str, str], set[str]] = {}


def _pin(rng: random.Random, first: str = "") -> str:
    """A valid personal ID: category digit, an assigned province code (DOMAIN §1.1), check digit."""
    body = (first or str(rng.randint(1, 8))) + rng.choice(sorted(PROVINCE_CODES))
    body += "".join(str(rng.randint(0, 9)) for _ in range(12 - len(body)))
    return body + pin.calc_check_digit(body)


def _juristic(rng: random.Random) -> str:
    body = "0105" + "".join(str(rng.randint(0, 9)) for _ in range(8))
    return body + moa.calc_check_digit(body)


def _mobile(rng: random.Random) -> str:
    digits = f"0{rng.choice('689')}{rng.randint(0, 9)}{rng.randint(1000000, 9999999)}"
    style = rng.randint(0, 4)
    if style == 0:
        return digits
    if style == 1:
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    if style == 2:
        return f"+66 {digits[1:3]} {digits[3:6]} {digits[6:]}"
    if style == 3:
        return f"{digits[:3]} {digits[3:6]} {digits[6:]}".translate(TH_DIGITS)
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}, 02-{rng.randint(100, 999)}-{rng.randint(1000, 9999)} ต่อ {rng.randint(10, 99)}"


def _be_date(rng: random.Random, start: int = 1950, end: int = 2010) -> date:
    return date(rng.randint(start, end), rng.randint(1, 12), rng.randint(1, 28))


def _be_text(day: date, rng: random.Random) -> str:
    year = day.year + 543
    style = rng.randint(0, 2)
    if style == 0:
        return f"{day.day:02d}/{day.month:02d}/{year}"
    if style == 1:
        return f"{day.day} {MONTHS[day.month - 1]} {year}"
    return f"{year}-{day.month:02d}-{day.day:02d}"


def _address(rng: random.Random) -> str:
    sub, district, province, postcode = rng.choice(PLACES)
    house = f"{rng.randint(1, 400)}/{rng.randint(1, 60)}"
    soi = f" ซ.{rng.randint(1, 40)}" if rng.random() < 0.4 else ""
    return f"{house} หมู่ {rng.randint(1, 12)}{soi} {sub} {district} {province} {postcode}"


def _ean(rng: random.Random) -> str:
    body = "885" + "".join(str(rng.randint(0, 9)) for _ in range(9))
    return body + ean.calc_check_digit(body)


def _card(rng: random.Random) -> str:
    body = "4" + "".join(str(rng.randint(0, 9)) for _ in range(14))
    number = body + luhn.calc_check_digit(body)
    return " ".join(number[i : i + 4] for i in range(0, 16, 4))


def _table(metadata: MetaData, name: str, spec: dict[str, tuple[object, set[str]]]) -> Table:
    columns = [Column("row_id", Integer, primary_key=True)]
    LABELS[(name, "row_id")] = set()
    for column, (sql_type, labels) in spec.items():
        columns.append(Column(column, sql_type))
        LABELS[(name, column)] = set(labels)
    return Table(name, metadata, *columns)


def _sometimes_null(rng: random.Random, value: object, rate: float = 0.1) -> object:
    return None if rng.random() < rate else value


def build_tables(
    metadata: MetaData,
) -> dict[Table, Callable[[random.Random, int], dict[str, object]]]:
    S, T, D = String(300), Text, Date
    patients = _table(
        metadata,
        "patient",
        {
            "hn": (S, set()),
            "cid": (S, {"TH_NATIONAL_ID"}),
            "pname": (S, set()),
            "fname": (S, {"PERSON"}),
            "lname": (S, {"PERSON"}),
            "birthday": (D, {"DATE_OF_BIRTH"}),
            "sex": (S, {"GENDER"}),
            "hometel": (S, {"PHONE_NUMBER"}),
            "informaddr": (T, {"ADDRESS"}),
            "bloodgrp": (S, {"HEALTH"}),
            "drugallergy": (S, {"HEALTH"}),
            "pdx": (S, {"HEALTH"}),
            "religion": (S, {"RELIGION"}),
            "last_visit": (D, set()),
        },
    )
    students = _table(
        metadata,
        "นักเรียน",
        {
            "รหัสนักเรียน": (S, set()),
            "ชื่อ-นามสกุล": (S, {"PERSON"}),
            "เลขประจำตัวประชาชน": (S, {"TH_NATIONAL_ID"}),
            "วันเกิด": (S, {"DATE_OF_BIRTH"}),
            "ชื่อผู้ปกครอง": (S, {"PERSON"}),
            "เบอร์โทรผู้ปกครอง": (S, {"PHONE_NUMBER"}),
            "ที่อยู่": (T, {"ADDRESS"}),
            "ห้องเรียน": (S, set()),
            "วันที่ลงทะเบียน": (S, set()),
        },
    )
    borrowers = _table(
        metadata,
        "loan_applicant",
        {
            "applicant_name": (S, {"PERSON"}),
            "id_card_no": (S, {"TH_NATIONAL_ID"}),
            "passport_no": (S, {"PASSPORT"}),
            "bank_account": (S, {"BANK_ACCOUNT"}),
            "card_number": (S, {"CREDIT_CARD"}),
            "mobile": (S, {"PHONE_NUMBER"}),
            "email": (S, {"EMAIL_ADDRESS"}),
            "employer_tax_id": (S, set()),
            "employer": (S, set()),
            "applied_on": (D, set()),
            "amount": (Integer, set()),
        },
    )
    customers = _table(
        metadata,
        "shop_customer",
        {
            "CustomerName": (S, {"PERSON"}),
            "Email": (S, {"EMAIL_ADDRESS"}),
            "Phone": (S, {"PHONE_NUMBER"}),
            "ShippingAddress": (T, {"ADDRESS"}),
            "ZipCode": (S, {"POSTAL_CODE"}),
            "CarPlate": (S, {"TH_LICENSE_PLATE"}),
            "LastLoginIp": (S, {"IP_ADDRESS"}),
            "Nationality": (S, set()),
            "Note": (T, set()),
        },
    )
    products = _table(
        metadata,
        "product",
        {
            "barcode": (S, set()),
            "name": (S, set()),
            "brand": (S, set()),
            "supplier": (S, set()),
            "supplier_tax_id": (S, set()),
            "price": (Integer, set()),
        },
    )
    orders = _table(
        metadata,
        "sales_order",
        {
            "invoice_no": (S, set()),
            "order_ref": (S, set()),
            "ordered_at": (D, set()),
            "delivery_date": (D, set()),
            "tracking_no": (S, set()),
            "flight_no": (S, set()),
            "seat": (S, set()),
        },
    )
    sales = _table(
        metadata,
        "province_sales",
        {
            "province": (S, set()),
            "year": (Integer, set()),
            "customers": (Integer, set()),
            "revenue": (Integer, set()),
        },
    )
    devices = _table(
        metadata,
        "network_device",
        {
            "hostname": (S, set()),
            "address": (S, set()),
            "homepage": (S, set()),
            "device_uuid": (S, set()),
            "firmware_sha256": (S, set()),
            "installed_on": (D, set()),
        },
    )

    def patient(rng: random.Random, i: int) -> dict[str, object]:
        return {
            "hn": f"{i:06d}/{rng.randint(60, 68)}",
            "cid": _pin(rng),
            "pname": rng.choice(["นาย", "นาง", "น.ส."]),
            "fname": rng.choice(GIVEN),
            "lname": rng.choice(FAMILY),
            "birthday": _be_date(rng),
            "sex": rng.choice(["1", "2"]),
            "hometel": _sometimes_null(rng, _mobile(rng)),
            "informaddr": _address(rng),
            "bloodgrp": rng.choice(["A", "B", "AB", "O", "O+", "A-"]),
            "drugallergy": rng.choice(ALLERGIES),
            "pdx": rng.choice(["E11.9", "I10", "J45.9", "K29.7", "Z00.0"]),
            "religion": rng.choice(["พุทธ", "อิสลาม", "คริสต์"]),
            "last_visit": date(2025, 1, 1) + timedelta(days=rng.randint(0, 300)),
        }

    def student(rng: random.Random, i: int) -> dict[str, object]:
        born = _be_date(rng, 2008, 2016)
        return {
            "รหัสนักเรียน": f"{65000 + i}",
            "ชื่อ-นามสกุล": f"{rng.choice(['ด.ช.', 'ด.ญ.'])}{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
            "เลขประจำตัวประชาชน": "-".join(
                [(p := _pin(rng, "1"))[0], p[1:5], p[5:10], p[10:12], p[12]]
            ),
            "วันเกิด": _be_text(born, rng),
            "ชื่อผู้ปกครอง": f"{rng.choice(TITLES[:3])}{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
            "เบอร์โทรผู้ปกครอง": _mobile(rng),
            "ที่อยู่": _address(rng),
            "ห้องเรียน": f"ม.{rng.randint(1, 6)}/{rng.randint(1, 9)}",
            "วันที่ลงทะเบียน": _be_text(date(2024, 5, rng.randint(1, 28)), rng),
        }

    def borrower(rng: random.Random, i: int) -> dict[str, object]:
        thai = rng.random() < 0.8
        name = (
            f"{rng.choice(TITLES)}{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
            if thai
            else f"{rng.choice(LATIN_GIVEN)} {rng.choice(LATIN_FAMILY)}"
        )
        account = "".join(str(rng.randint(0, 9)) for _ in range(10))
        return {
            "applicant_name": name,
            "id_card_no": _pin(rng) if thai else None,
            "passport_no": None
            if thai
            else f"{rng.choice('ABCDEFGHJK')}{rng.choice('ABCDEFGHJK')}{rng.randint(1000000, 9999999)}",
            "bank_account": f"{account[:3]}-{account[3]}-{account[4:9]}-{account[9]}",
            "card_number": _card(rng),
            "mobile": _mobile(rng),
            "email": f"{rng.choice(['k', 'p', 'n'])}{i}@{rng.choice(['gmail.com', 'hotmail.com', 'outlook.co.th'])}",
            "employer_tax_id": _juristic(rng),
            "employer": rng.choice(COMPANIES),
            "applied_on": date(2025, 1, 1) + timedelta(days=rng.randint(0, 300)),
            "amount": rng.randint(10, 500) * 1000,
        }

    def customer(rng: random.Random, i: int) -> dict[str, object]:
        _sub, _district, province, postcode = rng.choice(PLACES)
        return {
            "CustomerName": f"{rng.choice(LATIN_GIVEN)} {rng.choice(LATIN_FAMILY)}"
            if i % 3
            else f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
            "Email": f"Customer.{i}@Example.COM",
            "Phone": _mobile(rng),
            "ShippingAddress": _address(rng),
            "ZipCode": postcode,
            "CarPlate": f"{rng.randint(1, 9)}{rng.choice(['กข', 'ขค', 'ฒณ', 'นจ'])} {rng.randint(1, 9999)} {province.replace('จ.', '')}",
            "LastLoginIp": f"{rng.randint(1, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
            "Nationality": rng.choice(["ไทย", "Thai", "Japanese", "ลาว"]),
            "Note": rng.choice(["ส่งด่วน", "gift wrap", None, "ชำระปลายทาง"]),
        }

    def product(rng: random.Random, i: int) -> dict[str, object]:
        return {
            "barcode": _ean(rng),
            "name": rng.choice(PRODUCTS),
            "brand": rng.choice(["ตราช้าง", "Nestlé", "Colgate", "มาม่า"]),
            "supplier": rng.choice(COMPANIES),
            "supplier_tax_id": _juristic(rng),
            "price": rng.randint(10, 900),
        }

    def order(rng: random.Random, i: int) -> dict[str, object]:
        return {
            "invoice_no": f"IV{2568}{i:07d}",
            "order_ref": f"{1700000000000 + rng.randint(0, 10**11)}",
            "ordered_at": date(2025, 1, 1) + timedelta(days=rng.randint(0, 300)),
            "delivery_date": date(2025, 2, 1) + timedelta(days=rng.randint(0, 300)),
            "tracking_no": f"TH{rng.randint(10**11, 10**12 - 1)}",
            "flight_no": f"{rng.choice(['TG', 'FD', 'SL', 'WE'])}{rng.randint(100, 999)}",
            "seat": f"{rng.randint(1, 45)}{rng.choice('ABCDEF')}",
        }

    def sale(rng: random.Random, i: int) -> dict[str, object]:
        return {
            "province": PROVINCES[i % len(PROVINCES)],
            "year": 2560 + i % 8,
            "customers": rng.randint(100, 9000),
            "revenue": rng.randint(10**5, 10**8),
        }

    def device(rng: random.Random, i: int) -> dict[str, object]:
        mac = ":".join(f"{rng.randint(0, 255):02x}" for _ in range(6))
        return {
            "hostname": f"sw-{i:03d}.corp.local",
            "address": mac if i % 2 else f"https://sw-{i:03d}.corp.local/admin",
            "homepage": f"https://intranet.example.co.th/devices/{i}",
            "device_uuid": str(uuid.UUID(int=rng.getrandbits(128))),
            "firmware_sha256": hashlib.sha256(str(i).encode()).hexdigest(),
            "installed_on": date(2020, 1, 1) + timedelta(days=rng.randint(0, 1500)),
        }

    return {
        patients: patient,
        students: student,
        borrowers: borrower,
        customers: customer,
        products: product,
        orders: order,
        sales: sale,
        devices: device,
    }


def build(url: str, rows: int = ROWS, seed: int = 2026) -> dict[tuple[str, str], set[str]]:
    """Create the organisation at ``url``; return the labels (table, column) → types."""
    LABELS.clear()
    metadata = MetaData()
    makers = build_tables(metadata)
    engine = create_engine(url)
    metadata.drop_all(engine)
    metadata.create_all(engine)
    with engine.begin() as conn:
        for table, make in makers.items():
            rng = random.Random(f"{seed}:{table.name}")
            count = 40 if table.name == "province_sales" else rows
            conn.execute(insert(table), [make(rng, i) for i in range(1, count + 1)])
    engine.dispose()
    return dict(LABELS)


if __name__ == "__main__":
    target = Path("eval-org.sqlite")
    labels = build(f"sqlite:///{target}")
    print(f"wrote {target}: {len({t for t, _ in labels})} tables, {len(labels)} columns")
