"""Build ``tests/data/id_cards/``: synthetic scans of Thai national ID cards, with their truth.

Run at development time only (Faker and numpy are test/dev tools)::

    python scripts/make_id_cards.py                     # rebuilds dev/ and test/ + truth.json
    python scripts/make_id_cards.py --out DIR --seed 7 --count 40   # another set (bench)

Each card copies the front of the Thai smart ID card (DOMAIN §1.1, §1.16-1.18):
bilingual header, the 1-4-5-2-1 grouped number, Thai name with title, English
name and last name, B.E. and C.E. birth dates, religion (absent on about a
third, as on newer cards), a one- or two-line address, issue/expiry dates, a
photo placeholder and a pale guilloche background. People come from Faker's
th_TH locale (English names romanised with PyThaiNLP's royin), IDs are random
and checksum-valid with an assigned province code. Every image then gets
distortions: a slanted "สำเนาถูกต้อง" certification with a signature scribble,
sometimes an A4 photocopy page, rotation (1-8°), uneven lighting, a low
resolution (card 500-900 px wide), blur, noise and JPEG compression. The
same seed gives the same files. Synthetic people only: no real person's data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import math
import random
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from faker import Faker
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from pythainlp.transliterate import romanize

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "id_cards"
FONTS = Path("/usr/share/fonts/truetype/tlwg")
FAMILIES = ("Garuda", "Loma", "Waree", "Norasi", "Kinnari", "Umpush", "Sawasdee", "Laksaman")
TH_MONTHS = "ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.".split()
EN_MONTHS = "Jan. Feb. Mar. Apr. May Jun. Jul. Aug. Sep. Oct. Nov. Dec.".split()
PROVINCE_CODES = [
    f"{c:02d}"
    for a, b in ((10, 27), (30, 58), (60, 67), (70, 77), (80, 86), (90, 96))
    for c in range(a, b + 1)
]
W, H = 1280, 808  # the card drawn at 15 px/mm (85.6 x 54 mm)


@dataclass(frozen=True)
class Person:
    file: str
    id: str
    name_th: str
    name_en: str
    last_name_en: str
    dob: str  # ISO, C.E.
    dob_th: str
    dob_en: str
    religion: str | None
    address: str


def check_digit(first12: str) -> str:
    return str((11 - sum(int(d) * (13 - i) for i, d in enumerate(first12)) % 11) % 10)


def th_date(d: dt.date) -> str:
    return f"{d.day} {TH_MONTHS[d.month - 1]} {d.year + 543}"


def en_date(d: dt.date) -> str:
    return f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}"


def grouped(pin: str) -> str:
    return f"{pin[0]} {pin[1:5]} {pin[5:10]} {pin[10:12]} {pin[12]}"


def make_person(rng: random.Random, fake: Faker, file: str) -> tuple[Person, list[str]]:
    """A synthetic person and the two address lines printed on the card."""
    male = rng.random() < 0.5
    dob = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 75))
    age = 2025 - dob.year
    if age < 15:
        th_title, en_title = ("เด็กชาย", "Master") if male else ("เด็กหญิง", "Miss")
    elif male:
        th_title, en_title = "นาย", "Mr."
    else:
        th_title, en_title = rng.choice([("นาง", "Mrs."), ("นางสาว", "Miss"), ("น.ส.", "Miss")])
    first = fake.first_name_male() if male else fake.first_name_female()
    last = fake.last_name()
    head = "1" if dob.year >= 1984 else rng.choice("3335")
    body = head + rng.choice(PROVINCE_CODES) + "".join(rng.choice("0123456789") for _ in range(9))
    religion = rng.choices(["พุทธ", "อิสลาม", "คริสต์", None], [0.55, 0.08, 0.05, 0.32])[0]
    house = str(fake.building_number()).split(" ")[0]
    parts = [house] + ([f"หมู่ที่ {rng.randint(1, 15)}"] if rng.random() < 0.6 else [])
    if rng.random() < 0.35:
        parts.append(f"ถ.{fake.street_name().removeprefix('ถนน').removeprefix('ถ.')}")
    if rng.random() < 0.15:
        place = [f"แขวง{fake.tambon()}", f"เขต{fake.amphoe()}", "กรุงเทพมหานคร"]
    else:
        province = fake.province()
        while "กรุงเทพ" in province or province == "กทม.":
            province = fake.province()
        place = [f"ต.{fake.tambon()}", f"อ.{fake.amphoe()}", f"จ.{province}"]
    words = parts + place
    split = len(parts) + 1 if len(" ".join(words)) > 34 else len(words)
    lines = [" ".join(words[:split]), " ".join(words[split:])]
    person = Person(
        file=file,
        id=body + check_digit(body),
        name_th=f"{th_title} {first} {last}",
        name_en=f"{en_title} {romanize(first, engine='royin').title()}",
        last_name_en=romanize(last, engine="royin").title(),
        dob=dob.isoformat(),
        dob_th=th_date(dob),
        dob_en=en_date(dob),
        religion=religion,
        address=" ".join(words),
    )
    return person, [line for line in lines if line]


def font(family: str, size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    path = FONTS / f"{family}{'-Bold' if bold else ''}.ttf"
    return ImageFont.truetype(str(path), size)


def background(rng: random.Random) -> Image.Image:
    """A pale blue-to-pink card with guilloche waves and a faint emblem ring."""
    x = np.linspace(0, 1, W)[None, :, None]
    blue, pink = np.array([222, 236, 248]), np.array([247, 228, 236])
    base = (blue * (1 - x) + pink * x) * np.ones((H, 1, 1))
    card = Image.fromarray(base.astype(np.uint8))
    draw = ImageDraw.Draw(card)
    for k in range(0, H + 200, 14):
        phase, amp = rng.random() * 6.28, 18 + rng.random() * 10
        points = [(px, k + amp * math.sin(px / 70 + phase)) for px in range(0, W + 20, 20)]
        draw.line(points, fill=(205, 215, 235), width=1)
    draw.ellipse((420, 260, 900, 740), outline=(214, 206, 226), width=3)
    return card


def draw_card(rng: random.Random, person: Person, address: list[str]) -> Image.Image:
    card = background(rng)
    draw = ImageDraw.Draw(card)
    fam = rng.choice(FAMILIES)
    ink, label = (20, 20, 30), (40, 50, 80)

    def text(xy: tuple[int, int], value: str, size: int, bold: bool = False, fill=ink) -> int:
        """Draw ``value`` shrunk to end before the photo column; returns its right edge."""
        f = font(fam, size, bold)
        while draw.textlength(value, font=f) > 930 - xy[0] and size > 18:
            size -= 2
            f = font(fam, size, bold)
        draw.text(xy, value, font=f, fill=fill)
        return int(xy[0] + draw.textlength(value, font=f))

    def field(xy: tuple[int, int], name: str, value: str, sizes: tuple[int, int]) -> None:
        end = text(xy, name, sizes[0], False, label)
        text(
            (end + rng.randint(14, 30), xy[1] - (sizes[1] - sizes[0]) // 2 - 4),
            value,
            sizes[1],
            True,
        )

    draw.ellipse((40, 24, 180, 164), outline=(150, 120, 60), width=5)  # the emblem
    draw.rounded_rectangle((60, 250, 190, 350), 12, fill=(212, 180, 100))  # the chip
    end = text((230, 30), "บัตรประจำตัวประชาชน", 44, True, label)
    text((max(end + 30, 700), 40), "Thai National ID Card", 36, True, label)
    text((230, 148), "Identification Number", 22, False, label)
    field((230, 112), "เลขประจำตัวประชาชน", grouped(person.id), (28, 54))
    field((230, 214), "ชื่อตัวและชื่อสกุล", person.name_th, (28, 44))
    field((300, 280), "Name", person.name_en, (26, 38))
    field((300, 332), "Last name", person.last_name_en, (26, 38))
    field((300, 392), "เกิดวันที่", person.dob_th, (28, 38))
    field((300, 442), "Date of Birth", person.dob_en, (26, 36))
    if person.religion:
        field((300, 494), "ศาสนา", person.religion, (28, 36))
    text((110, 556), "ที่อยู่", 28, False, label)
    for row, line in enumerate(address):
        text((200, 548 + 48 * row), line, 34)
    issue = dt.date(rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28))
    expiry = issue.replace(year=issue.year + 8)
    for x, when, th, en in ((90, issue, "วันออกบัตร", "Date of Issue"),
                            (620, expiry, "วันบัตรหมดอายุ", "Date of Expiry")):  # fmt: skip
        text((x, 664), th_date(when), 28, True)
        text((x + 10, 700), th, 22, False, label)
        text((x, 730), en_date(when), 24, True)
        text((x + 10, 764), en, 20, False, label)
    scribble(draw, rng, (330, 690, 560, 760), (30, 30, 60), 2)
    draw.rectangle((960, 430, 1230, 770), fill=(185, 190, 200))  # the photo
    draw.ellipse((1040, 470, 1150, 600), fill=(120, 125, 140))
    draw.chord((990, 600, 1200, 840), 180, 360, fill=(120, 125, 140))
    return card


def scribble(draw: ImageDraw.ImageDraw, rng: random.Random, box, fill, width: int) -> None:
    """A looping signature: a drifting spiral with random loop sizes."""
    x0, y0, x1, y1 = box
    mid, half, loops = (y0 + y1) / 2, (y1 - y0) / 2, rng.randint(3, 7)
    speed, phase = loops * 2 * math.pi, rng.uniform(0, 6.28)
    points = []
    for step in range(121):
        t = step / 120
        size = half * (0.4 + 0.6 * abs(math.sin(3.1 * t + phase)))
        x = x0 + (x1 - x0) * t + 0.5 * size * math.cos(speed * t)
        points.append((x, mid + size * math.sin(speed * t + phase) * (1 - 0.5 * t)))
    draw.line(points, fill=fill, width=width, joint="curve")


def certify(image: Image.Image, rng: random.Random, box: tuple[int, int, int, int]) -> None:
    """A slanted handwritten 'สำเนาถูกต้อง' and a signature over part of ``box``."""
    x0, y0, x1, y1 = box
    ink = rng.choice([(25, 45, 170), (20, 20, 20), (40, 40, 120)])
    layer = Image.new("RGBA", (700, 260), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    draw.text((20, 10), "สำเนาถูกต้อง", font=font("Purisa", rng.randint(56, 76)), fill=ink)
    scribble(draw, rng, (60, 130, 560, 230), ink, 4)
    layer = layer.rotate(rng.uniform(12, 35), expand=True, resample=Image.BICUBIC)
    scale = (x1 - x0) / W
    layer = layer.resize((int(layer.width * scale), int(layer.height * scale)))
    at = (int(rng.uniform(x0 + 0.15 * (x1 - x0), x0 + 0.55 * (x1 - x0))),
          int(rng.uniform(y0 + 0.2 * (y1 - y0), y0 + 0.5 * (y1 - y0))))  # fmt: skip
    image.paste(layer, at, layer)


def distort(card: Image.Image, rng: random.Random) -> Image.Image:
    width = rng.randint(500, 900)  # the card's width in the final image
    if rng.random() < 0.35:  # a photocopy on an A4 page
        page = Image.new("RGB", (1240, 1754), (250, 250, 250))
        card = card.convert("L").point(lambda v: 255 if v > 200 else int(v * 0.85)).convert("RGB")
        size = (int(1240 * rng.uniform(0.5, 0.6)), 0)
        size = (size[0], int(size[0] * H / W))
        at = (rng.randint(60, 1240 - size[0] - 60), rng.randint(80, 700))
        page.paste(card.resize(size), at)
        if rng.random() < 0.85:
            certify(page, rng, (at[0], at[1], at[0] + size[0], at[1] + size[1]))
        image, scale = page, width / size[0]
    else:
        if rng.random() < 0.8:
            certify(card, rng, (0, 0, W, H))
        desk = tuple(rng.randint(120, 220) for _ in range(3))
        image = Image.new("RGB", (W + 160, H + 160), desk)
        image.paste(card, (80, 80))
        scale = width / W
    image = image.rotate(rng.choice([-1, 1]) * rng.uniform(1, 8), Image.BICUBIC, True, None,
                         None, (245, 245, 245))  # fmt: skip
    image = image.resize((int(image.width * scale), int(image.height * scale)), Image.LANCZOS)
    pixels = np.asarray(image).astype(np.float32)
    gy, gx = np.mgrid[0 : image.height, 0 : image.width]
    angle = rng.uniform(0, 6.28)
    ramp = (gx * math.cos(angle) + gy * math.sin(angle)) / max(image.size)
    light = 1.05 - rng.uniform(0.1, 0.3) * (ramp - ramp.min()) / (np.ptp(ramp) or 1)
    pixels = pixels * light[:, :, None] + np.random.default_rng(rng.randint(0, 2**31)).normal(
        0, rng.uniform(2, 9), pixels.shape
    )
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    return image.filter(ImageFilter.GaussianBlur(rng.uniform(0.2, 0.9)))


def save(image: Image.Image, rng: random.Random, stem: Path) -> Path:
    """JPEG (quality 45-85), or PNG when that stays small; under 300 KB either way."""
    if rng.random() < 0.25:
        buffer = io.BytesIO()
        image.convert("L").save(buffer, "PNG", optimize=True)
        if buffer.tell() < 300_000:
            stem.with_suffix(".png").write_bytes(buffer.getvalue())
            return stem.with_suffix(".png")
    quality = rng.randint(45, 85)
    while True:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=quality)
        if buffer.tell() < 300_000 or quality <= 20:
            break
        quality -= 10
    stem.with_suffix(".jpg").write_bytes(buffer.getvalue())
    return stem.with_suffix(".jpg")


def build(out: Path, seed: int, count: int, prefix: str) -> list[dict[str, object]]:
    """Write ``count`` card images into ``out``; their truth, one record per image."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    fake = Faker("th_TH")
    fake.seed_instance(seed)
    truth = []
    for index in range(count):
        person, address = make_person(rng, fake, "")
        card = draw_card(rng, person, address)
        path = save(distort(card, rng), rng, out / f"{prefix}{index:02d}")
        record = asdict(person) | {"file": f"{out.name}/{path.name}"}
        truth.append(record)
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write one set here instead of tests/data")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--count", type=int, default=10)
    args = parser.parse_args()
    if args.out:
        truth = build(args.out, args.seed, args.count, "card_")
        (args.out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1))
        return
    for old in OUT.glob("*/card_*"):
        old.unlink()
    truth = build(OUT / "dev", 1019, 10, "card_") + build(OUT / "test", 2019, 10, "card_")
    text = json.dumps(truth, ensure_ascii=False, indent=1)
    (OUT / "truth.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
