"""Realistic mixed columns for throughput benchmarks: what a Thai HR/CRM table holds.

Synthetic values only (valid checksums), generated deterministically.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from stdnum.th import pin

from connectors.model import ColumnInfo, ColumnSample, ValueKind
from scanners.validators.th_national_id import PROVINCE_CODES

FIRST_TH = [
    "สมชาย",
    "สมศรี",
    "วีระ",
    "จันทร์เพ็ญ",
    "ธีรพงษ์",
    "ปิยะนุช",
    "อำนาจ",
    "กนกวรรณ",
    "ชัยวัฒน์",
    "พรทิพย์",
]
LAST_TH = ["รักไทย", "ศรีสุข", "บุญเรือง", "พึ่งทอง", "เจริญผล", "วงศ์ใหญ่", "ทองดี", "แสงจันทร์"]
FIRST_EN = ["John", "Maria", "Ahmed", "Yuki", "Pierre", "Anna", "Carlos", "Li", "Fatima", "Olga"]
LAST_EN = [
    "Smith",
    "Garcia",
    "Khan",
    "Tanaka",
    "Dubois",
    "Novak",
    "Silva",
    "Wang",
    "Ali",
    "Petrova",
]
PRODUCTS = ["น้ำดื่ม 600 มล.", "ข้าวหอมมะลิ 5 กก.", "Coffee Beans 250g", "สบู่เหลว 400 มล.", "Notebook A5"]
STATUS = ["active", "inactive", "pending", "closed"]
NOTES = [
    "ลูกค้าขอเปลี่ยนที่อยู่จัดส่ง",
    "โทรกลับลูกค้าหลัง 17:00 น.",
    "สินค้าชำรุด ขอเปลี่ยนใหม่",
    "ติดต่อคุณสมชายที่เบอร์ 081-234-5678",
    "Customer asked for a refund",
]


def _pin(rng: random.Random) -> str:
    body = str(rng.randint(1, 8)) + rng.choice(sorted(PROVINCE_CODES))
    body += "".join(str(rng.randint(0, 9)) for _ in range(9))
    return body + pin.calc_check_digit(body)


def _column(name: str, kind: ValueKind, values: list[object]) -> ColumnSample:
    return ColumnSample(ColumnInfo(name, kind.value, kind), tuple(values))


def mixed_columns(rows: int = 1000, seed: int = 1) -> list[ColumnSample]:
    """Twenty columns of ``rows`` values each, as a sampled table would give them."""
    rng = random.Random(seed)
    day = date(1960, 1, 1)
    text = ValueKind.TEXT
    columns = {
        "id": (ValueKind.INTEGER, [i for i in range(rows)]),
        "citizen_id": (text, [_pin(rng) for _ in range(rows)]),
        "first_name": (text, [rng.choice(FIRST_TH) for _ in range(rows)]),
        "last_name": (text, [rng.choice(LAST_TH) for _ in range(rows)]),
        "full_name_en": (
            text,
            [f"{rng.choice(FIRST_EN)} {rng.choice(LAST_EN)}" for _ in range(rows)],
        ),
        "mobile": (
            text,
            [
                f"08{rng.randint(0, 9)}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}"
                for _ in range(rows)
            ],
        ),
        "email": (text, [f"user{rng.randint(1, 99999)}@example.co.th" for _ in range(rows)]),
        "birth_date": (
            ValueKind.DATE,
            [day + timedelta(days=rng.randint(0, 16000)) for _ in range(rows)],
        ),
        "address": (
            text,
            [
                f"{rng.randint(1, 999)}/{rng.randint(1, 99)} หมู่ {rng.randint(1, 12)} ต.บางพูด อ.ปากเกร็ด จ.นนทบุรี 11120"
                for _ in range(rows)
            ],
        ),
        "created_at": (
            ValueKind.DATETIME,
            [datetime(2024, 1, 1) + timedelta(minutes=rng.randint(0, 500000)) for _ in range(rows)],
        ),
        "amount": (ValueKind.DECIMAL, [rng.randint(100, 99999) / 100 for _ in range(rows)]),
        "product": (text, [rng.choice(PRODUCTS) for _ in range(rows)]),
        "sku": (text, [f"SKU-{rng.randint(0, 99999):05d}" for _ in range(rows)]),
        "status": (text, [rng.choice(STATUS) for _ in range(rows)]),
        "order_no": (text, [f"{2025000000000 + rng.randint(0, 99999999)}" for _ in range(rows)]),
        "note": (text, [rng.choice(NOTES) for _ in range(rows)]),
        "uuid": (text, [f"{rng.getrandbits(128):032x}" for _ in range(rows)]),
        "quantity": (ValueKind.INTEGER, [rng.randint(1, 50) for _ in range(rows)]),
        "city": (
            text,
            [rng.choice(["กรุงเทพมหานคร", "เชียงใหม่", "ขอนแก่น", "ภูเก็ต"]) for _ in range(rows)],
        ),
        "free_text": (
            text,
            [f"{rng.choice(NOTES)} เลขที่ {rng.randint(1, 999)}" for _ in range(rows)],
        ),
    }
    return [_column(name, kind, values) for name, (kind, values) in columns.items()]
