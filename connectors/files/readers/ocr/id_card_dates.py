"""The birth date of a Thai ID card from its printed forms, read in parts and voted on.

The card prints the date twice: ``เกิดวันที่ 12 ม.ค. 2530`` (Thai month
abbreviation, Buddhist Era year) and ``Date of Birth 12 Jan. 1987``. OCR
garbles either (``มี ค``, ``พ.ด.``, ``2อ Apr.``, ``26 Sep.`` with the year
lost), so each reading is parsed into whatever parts it gives — day, month,
year (B.E. = C.E. + 543) — and :func:`vote` takes each part by majority over
every reading, the most trusted first on a tie. A month name is matched
with one edit (a Thai look-alike letter, such as ด for ค, costs half) and
only when one month is the closest. The result must be a real date.
"""

from __future__ import annotations

import datetime as dt
import re

TH_MONTHS = tuple("ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.".split())
EN_MONTHS = tuple("Jan. Feb. Mar. Apr. May Jun. Jul. Aug. Sep. Oct. Nov. Dec.".split())
BE_OFFSET = 543
#: Thai letters Tesseract mistakes for each other (a substitution inside a group costs half).
LOOKALIKES = ("คดตศฅ", "พฟผฝ", "บปษ", "ถภฎฏ", "ชซ", "นหฬ", "ยธ", "รฐ", "สล", "อฮ", "มฆ")
_GROUP = {char: index for index, group in enumerate(LOOKALIKES) for char in group}
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_DAY = re.compile(r"(\d \d|\d{1,2})(?=[\s.,]|$)")  # "1 8 Dec." is the 18th
_EN_WHOLE = re.compile(r"(?<!\d)\d{1,2}\s*[A-Za-z]{3,9}[.,]?\s*\d{4}")
_TH_WHOLE = re.compile(r"(?<!\d)\d{1,2}\s*[\u0e01-\u0e4e][\u0e01-\u0e4e.,\s]{0,8}?\s*\d{4}")
_YEAR = re.compile(r"(?<!\d)(\d{4})")
_TH_KEYS = [m.replace(".", "") for m in TH_MONTHS]
_EN_KEYS = [m[:3].lower() for m in EN_MONTHS]

Parts = tuple[int | None, int | None, int | None]  # day, month, C.E. year


def distance(a: str, b: str) -> float:
    """Edit distance of two short strings; look-alike Thai letters cost half."""
    previous = [float(j) for j in range(len(b) + 1)]
    for i, x in enumerate(a, start=1):
        current = [float(i)]
        for j, y in enumerate(b, start=1):
            swap = 0.0 if x == y else 0.5 if _GROUP.get(x, -1) == _GROUP.get(y, -2) else 1.0
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + swap))
        previous = current
    return previous[-1]


def _closest(word: str, names: list[str], most: float = 1.0) -> int | None:
    """Month number of the one name within ``most`` edits of ``word`` and closest, else None."""
    if not word:
        return None
    costs = [distance(word, name) for name in names]
    best = min(costs)
    if best > most or costs.count(best) > 1:
        return None
    return costs.index(best) + 1


def thai_date(text: str) -> Parts | None:
    """The parts of ``12 ม.ค. 2530`` that can be read (None when none can)."""
    return _parts(text, thai=True)


def english_date(text: str) -> Parts | None:
    """The parts of ``12 Jan. 1987`` that can be read (None when none can)."""
    return _parts(text, thai=False)


def anywhere(text: str) -> list[Parts]:
    """Every whole date in ``text`` (English or Thai form), wherever it stands."""
    found = []
    for pattern, thai in ((_EN_WHOLE, False), (_TH_WHOLE, True)):
        for match in pattern.finditer(text.translate(_THAI_DIGITS)):
            parts = _parts(match.group(), thai)
            if parts and None not in parts:
                found.append(parts)
    return found


def _parts(text: str, thai: bool) -> Parts | None:
    text = text.translate(_THAI_DIGITS)[:40].lstrip(" :;.,-|")
    day_match = _DAY.match(text)  # the day comes first: a number later is no day
    number = int(day_match.group(1).replace(" ", "")) if day_match else 0
    day = number if 1 <= number <= 31 else None
    year_match = _YEAR.search(text, day_match.end() if day_match else 0)
    year = None
    if year_match:
        value = int(year_match.group(1)) - (BE_OFFSET if thai else 0)
        year = value if 1880 <= value <= dt.date.today().year else None
    start = day_match.end() if day_match else 0
    middle = text[start : year_match.start() if year_match else len(text)]
    if thai:
        month = _closest(re.sub(r"[^\u0e01-\u0e4e]", "", middle), _TH_KEYS)
    else:
        word = re.search(r"[A-Za-z]{3,9}", middle)
        month = _closest(word.group()[:3].lower(), _EN_KEYS) if word else None
    return None if day is None and month is None and year is None else (day, month, year)


def vote(readings: list[Parts]) -> dt.date | None:
    """One date from the readings (most trusted first): each part by majority among the
    readings that have it, a tie going to the more trusted; None unless a real date."""
    chosen = []
    for field in range(3):
        values = [reading[field] for reading in readings if reading[field] is not None]
        if not values:
            return None
        chosen.append(max(values, key=lambda v: (values.count(v), -values.index(v))))
    day, month, year = chosen
    if day is None or month is None or year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def thai_text(date: dt.date) -> str:
    """``12 ม.ค. 2530``: the card's Thai form."""
    return f"{date.day} {TH_MONTHS[date.month - 1]} {date.year + BE_OFFSET}"


def english_text(date: dt.date) -> str:
    """``12 Jan. 1987``: the card's English form."""
    return f"{date.day} {EN_MONTHS[date.month - 1]} {date.year}"
