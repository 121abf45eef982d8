"""A Thai national ID card read as a card: its OCR lines rewritten as canonical field lines.

Copies of ID cards (สำเนาบัตรประชาชน) fill Thai file shares. Page OCR
garbles them: a digit misread in the number, labels half-read, the two
dates in two languages. :func:`read_card` decides from the printed labels
whether the page is a card (:mod:`.id_card_layout`). A page short of labels
but with a card-only one (or a label beside a 13-digit number) gets a second
look, which also serves every card: two extra Tesseract runs
(:mod:`.id_card_region`), one for the picture's words read apart (English,
or Thai and English when the page lost Thai fields: labels, names, dates)
and one for the number's line in four variants. The number's readings vote (:mod:`.id_card_number`),
the fields are read from both sets of lines (:mod:`.id_card_fields`), and
the lines the detectors know are returned::

    เลขประจำตัวประชาชน 1 1037 02071 81 1     (only a checksum-valid number)
    ชื่อตัวและชื่อสกุล นาย สมชาย ใจดี
    Name Mr. Somchai
    Last name Jaidee
    เกิดวันที่ 12 ม.ค. 2530
    Date of Birth 12 Jan. 1987
    ศาสนา พุทธ                               (when printed)
    ที่อยู่ 99/9 หมู่ที่ 4 ต.บางพูด อ.ปากเกร็ด จ.นนทบุรี

followed by the OCR lines no field was read from (a line that held a
number reading is dropped: a misread number must not reach the detectors).
A field that could not be read is left out; nothing is invented.
"""

from __future__ import annotations

from collections.abc import Sequence

from PIL.Image import Image

from connectors.files.readers.ocr import id_card_dates as dates
from connectors.files.readers.ocr.id_card_fields import CardFields, read_fields
from connectors.files.readers.ocr.id_card_layout import BY_KEY, Hits, is_card, locate, normalise
from connectors.files.readers.ocr.id_card_number import (
    Reading,
    grouped,
    is_valid,
    readings,
    resolve,
)
from connectors.files.readers.ocr.id_card_region import look, number_readings
from connectors.files.readers.ocr.settings import OcrSettings

NEAR = 3  # digits a page reading may differ from the re-read number's and still be counted
THAI_FIELDS = ("name_th", "birth_th", "address")  # labels whose loss makes the look read Thai


def read_card(image: Image, lines: Sequence[str], settings: OcrSettings) -> tuple[str, ...] | None:
    """The card's canonical lines when ``lines`` (OCR of ``image``) are a Thai ID card."""
    text = [normalise(line) for line in lines]
    found = locate(text)
    if not is_card(found) and not worth_a_look(found, text):
        return None
    seen = look(image, settings, settings.languages if thin(text, found) else "eng")
    extra = [normalise(line) for line in seen.lines]
    if not is_card(found) and not is_card(locate([*text, *extra])):
        return None
    return card_lines(text, extra, number_readings(seen, settings))


def thin(lines: Sequence[str], found: Hits) -> bool:
    """Whether the page OCR lost Thai text the second look should read too (in Thai): a
    Thai label, the birth date, or a printed religion."""
    fields = read_fields(lines, found)
    religion_lost = "religion" in found and fields.religion is None
    return not all(key in found for key in THAI_FIELDS) or not fields.birth or religion_lost


def worth_a_look(found: Hits, lines: Sequence[str]) -> bool:
    """Whether a page short of card labels may be a card OCR half-read (a second look decides):
    a card-only label, or any label beside a 13-digit number."""
    weights = [BY_KEY[key].weight for key in found]
    return max(weights, default=0) >= 2 or (bool(weights) and any(readings(line) for line in lines))


def card_lines(
    lines: Sequence[str], extra: Sequence[str] = (), again: Sequence[Reading] = ()
) -> tuple[str, ...]:
    """The canonical lines of a card from its page lines, the second look's lines (``extra``,
    English words read apart) and its readings of the number (``again``)."""
    both = [*lines, *extra]
    number, number_rows = read_number(lines, again)
    fields = read_fields(both, locate(both, len(lines)), len(lines))
    used = fields.used | number_rows
    rest = [line for index, line in enumerate(lines) if index not in used and line]
    return (*canonical_lines(number, fields), *rest)


def read_number(
    lines: Sequence[str], again: Sequence[Reading] = ()
) -> tuple[str | None, frozenset[int]]:
    """The card's number (or None) and the page lines that held a reading of it.

    The readings of the page and of the second look (``again``) vote: the check
    digit does not protect digit 3 (its weight, 11, is 0 mod 11), so a valid
    page reading is not enough on its own. Without a second look, a valid page
    reading made of printed digits stands, else the page readings vote. A line
    holding another number (a second card on the page) is not the card's.
    """
    page = [(index, r) for index, line in enumerate(lines) for r in readings(line)]
    if again:
        near = [r for _, r in page if any(_differ(r, other) <= NEAR for other in again)]
        number = resolve([*near, *again])
        anchor: Sequence[Reading] = again
    else:
        sure = [r for _, r in page if all(len(s) == 1 for s in r.slots) and is_valid(r.digits)]
        number = sure[0].digits if sure else resolve([r for _, r in page])
        anchor = sure[:1] if sure else [r for _, r in page]
    rows = {i for i, r in page if any(_differ(r, other) <= NEAR for other in anchor)}
    return number, frozenset(rows)


def _differ(one: Reading, other: Reading) -> int:
    return sum(a[0] != b[0] for a, b in zip(one.slots, other.slots, strict=True))


def canonical_lines(number: str | None, fields: CardFields) -> list[str]:
    """The field lines, in the card's order, for what was read."""
    out = []
    if number:
        out.append(f"เลขประจำตัวประชาชน {grouped(number)}")
    if fields.name_th:
        out.append(f"ชื่อตัวและชื่อสกุล {fields.name_th}")
    if fields.name_en:
        out.append(f"Name {fields.name_en}")
    if fields.last_name_en:
        out.append(f"Last name {fields.last_name_en}")
    if fields.birth:
        out.append(f"เกิดวันที่ {dates.thai_text(fields.birth)}")
        out.append(f"Date of Birth {dates.english_text(fields.birth)}")
    if fields.religion:
        out.append(f"ศาสนา {fields.religion}")
    if fields.address:
        out.append(f"ที่อยู่ {fields.address}")
    return out
