"""Trap tables for ``locale_orgs.py``: no personal data, but columns that look like it.

A vet clinic's or a farm's animals (sex and birth date of an animal are not a
person's), prices in ``avg_price_by_zipcode``, holiday names in
``name_th``/``name_en``, products, companies and their founding years, city
and street names in ``name``, song and book titles, 10-digit serial numbers
starting 08/09, random 13-digit codes (about a tenth pass the Thai ID
checksum by chance), 13-digit numbers with a valid checksum but an unassigned
province code, hostnames, MAC addresses, sensor readings, SKUs, order and
tracking numbers, UUIDs, hashes and timestamps. Every column is labelled
empty. DEV and HELD-BACK organisations get different table and column
spellings (``variant``).
"""

from __future__ import annotations

import hashlib
import random
from typing import Any

import locale_values as v
from faker import Faker
from sqlalchemy import Date, Float, Integer, String
from stdnum.th import pin

#: Trap tables written with fewer rows (reference data).
SMALL = {"holidays", "public_holiday"}
PETS = "Max Bella Luna Milo Coco Charlie Mochi Lucy Rocky Simba Daisy Oreo ข้าวปั้น มะลิ ถุงทอง เจ้าด่าง Taro Hana Kuma".split()
HOLIDAYS = [
    ("วันขึ้นปีใหม่", "New Year's Day"),
    ("วันมาฆบูชา", "Makha Bucha Day"),
    ("วันจักรี", "Chakri Memorial Day"),
    ("วันสงกรานต์", "Songkran Festival"),
    ("วันแรงงานแห่งชาติ", "National Labour Day"),
    ("วันฉัตรมงคล", "Coronation Day"),
    ("วันวิสาขบูชา", "Visakha Bucha Day"),
    ("วันอาสาฬหบูชา", "Asarnha Bucha Day"),
    ("วันแม่แห่งชาติ", "Mother's Day"),
    ("วันปิยมหาราช", "Chulalongkorn Day"),
    ("วันพ่อแห่งชาติ", "Father's Day"),
    ("วันรัฐธรรมนูญ", "Constitution Day"),
    ("วันสิ้นปี", "New Year's Eve"),
]
ADJ = "Organic Classic Smart Ultra Mini Eco Deluxe Fresh Crispy Golden".split()
NOUN = "Green Tea|Rice Cooker|Coffee Beans|Phone Case|Desk Lamp|Noodles|Shampoo|Backpack|Yoga Mat|Fish Sauce".split(
    "|"
)
UNASSIGNED = [
    28,
    29,
    59,
    68,
    69,
    78,
    79,
    87,
    88,
    89,
    97,
    98,
    99,
    1,
    5,
    6,
]  # 01, 05, 06: no province

Spec = list[tuple[str, Any, set[str], Any]]


def _d(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def _bad_province(rng: random.Random) -> str:
    body = f"{rng.randint(1, 8)}{rng.choice(UNASSIGNED):02d}{_d(rng, 9)}"
    return body + pin.calc_check_digit(body)


def _title(rng: random.Random, fake: Faker) -> str:
    words = fake.words(nb=rng.randint(1, 4))
    return " ".join(w.capitalize() for w in words)


def trap_tables(rng: random.Random, variant: str) -> dict[str, Spec]:
    """Trap table name -> [(column, SQL type, empty labels, value maker)]."""
    S = String(300)
    dev = variant == "dev"
    none: set[str] = set()

    def c(dev_name: str, held_name: str) -> str:
        return dev_name if dev else held_name

    animals: Spec = [
        (
            c("pet_name", "tag_no"),
            S,
            none,
            (lambda r, f, i: r.choice(PETS))
            if dev
            else (lambda r, f, i: f"TH-{r.randint(10**7, 10**8 - 1)}"),
        ),
        (
            "species",
            S,
            none,
            lambda r, f, _: r.choice(
                ["dog", "cat", "rabbit", "สุนัข", "แมว"] if dev else ["cattle", "goat", "pig", "โคนม"]
            ),
        ),
        (
            c("sex", "gender"),
            S,
            none,
            lambda r, f, _: r.choice(["M", "F", "male (neutered)", "female (spayed)", "ผู้", "เมีย"]),
        ),
        (
            c("birth_date", "date_of_birth"),
            Date,
            none,
            lambda r, f, _: v.past_date(f, 15),
        ),
        ("weight_kg", Float, none, lambda r, f, _: round(r.uniform(1, 600), 1)),
        (
            c("microchip_no", "dam_tag"),
            S,
            none,
            lambda r, f, _: _d(r, 15) if dev else f"TH-{r.randint(10**7, 10**8 - 1)}",
        ),
    ]
    prices: Spec = [
        (c("area", "city_name"), S, none, lambda r, f, _: f.city()),
        (
            c("avg_price_by_zipcode", "median_price_per_zip"),
            S,
            none,
            lambda r, f, _: f"{r.choice(['$', '฿', '€'])}{r.uniform(50, 900000):,.2f}",
        ),
        (c("median_rent", "rent_p50"), Float, none, lambda r, f, _: round(r.uniform(200, 5000), 2)),
        (c("listings", "n_listings"), Integer, none, lambda r, f, _: r.randint(1, 900)),
    ]
    holidays: Spec = [
        ("name_th", S, none, lambda r, f, i: HOLIDAYS[i % len(HOLIDAYS)][0]),
        ("name_en", S, none, lambda r, f, i: HOLIDAYS[i % len(HOLIDAYS)][1]),
        (c("holiday_date", "fecha"), Date, none, lambda r, f, _: v.past_date(f, 2, -1)),
    ]
    products: Spec = [
        (
            "name",
            S,
            none,
            lambda r, f, _: (
                f"{r.choice(ADJ)} {r.choice(NOUN)} {r.choice(['500ml', '1kg', 'XL', '', '2-pack'])}".strip()
            ),
        ),
        (
            c("sku", "cod_articulo"),
            S,
            none,
            lambda r, f, _: f"{f.lexify('???').upper()}-{r.randint(1000, 99999)}",
        ),
        (c("barcode", "ean"), S, none, lambda r, f, _: f.ean13()),
        (c("brand", "marca"), S, none, lambda r, f, _: f.company()),
        ("price", Float, none, lambda r, f, _: round(r.uniform(1, 999), 2)),
    ]
    companies: Spec = [
        (c("name", "razon_social"), S, none, lambda r, f, _: f.company()),
        (
            c("founded_year", "anno_fondazione"),
            Integer,
            none,
            lambda r, f, _: r.randint(1890, 2024),
        ),
        (c("hq_city", "sede"), S, none, lambda r, f, _: f.city()),
        (c("employees", "headcount"), Integer, none, lambda r, f, _: r.randint(5, 90000)),
    ]
    places: Spec = [
        ("name", S, none, lambda r, f, _: f.city() if r.random() < 0.5 else f.street_name()),
        ("kind", S, none, lambda r, f, _: r.choice(["city", "street", "district"])),
        ("lat", Float, none, lambda r, f, _: float(f.latitude())),
        ("lon", Float, none, lambda r, f, _: float(f.longitude())),
    ]
    media: Spec = [
        ("title", S, none, lambda r, f, _: _title(r, f)),
        (c("isbn", "codigo_isbn"), S, none, lambda r, f, _: f.isbn13()),
        (c("release_year", "ano"), Integer, none, lambda r, f, _: r.randint(1950, 2025)),
        (
            "genre",
            S,
            none,
            lambda r, f, _: r.choice(["pop", "rock", "novel", "ลูกทุ่ง", "jazz", "mystery"]),
        ),
    ]
    devices: Spec = [
        (c("serial_no", "serial_number"), S, none, lambda r, f, _: f"0{r.choice('89')}{_d(r, 8)}"),
        (c("host", "hostname"), S, none, lambda r, f, _: f.hostname()),
        (c("mac", "mac_addr"), S, none, lambda r, f, _: f.mac_address()),
        (
            c("firmware_sha256", "fw_hash"),
            S,
            none,
            lambda r, f, i: hashlib.sha256(f"{i}{r.random()}".encode()).hexdigest(),
        ),
        (c("device_uuid", "guid"), S, none, lambda r, f, _: f.uuid4()),
        (
            c("last_seen", "ultimo_acceso"),
            S,
            none,
            lambda r, f, _: v.stamp(f, 1),
        ),
    ]
    codes: Spec = [
        (c("ref_code", "codigo_ref"), S, none, lambda r, f, _: str(r.randint(10**12, 10**13 - 1))),
        (c("batch_code", "lote"), S, none, lambda r, f, _: _bad_province(r)),
        (
            c("order_no", "num_pedido"),
            S,
            none,
            lambda r, f, i: f"SO-{2025 + i % 2}-{r.randint(10**5, 10**6 - 1)}",
        ),
        (
            c("tracking_no", "tracking"),
            S,
            none,
            lambda r, f, _: r.choice(
                [f"1Z{f.bothify('???######????').upper()}", f"TH{_d(r, 11)}TH", f"EX{_d(r, 9)}"]
            ),
        ),
        ("amount", Float, none, lambda r, f, _: round(r.uniform(1, 99999), 2)),
    ]
    sensors: Spec = [
        ("sensor_id", S, none, lambda r, f, _: f"S{r.randint(1, 80):03d}"),
        ("reading", Float, none, lambda r, f, _: round(r.gauss(24, 5), 3)),
        ("unit", S, none, lambda r, f, _: r.choice(["C", "%RH", "hPa"])),
        ("recorded_at", S, none, lambda r, f, _: v.stamp(f, 1)),
    ]
    return {
        c("vet_patients", "livestock"): animals,
        c("zip_price_stats", "precios_zona"): prices,
        c("holidays", "public_holiday"): holidays,
        c("products", "articulos"): products,
        c("companies", "empresas"): companies,
        c("places", "lugares"): places,
        c("media_titles", "catalogo"): media,
        c("devices", "equipos"): devices,
        c("codes", "codigos"): codes,
        c("sensor_readings", "lecturas"): sensors,
    }
