"""The Thai ID card number read off noisy OCR: look-alikes fixed, ambiguity left out, traps.

Table-driven over :func:`read_number` (page lines only, no second look) and
:func:`resolve` (readings that vote), plus a simulation showing that the
corrector never produces a wrong ID where a blind single-digit search does.
Synthetic numbers only.
"""

from __future__ import annotations

import random

import pytest

from connectors.files.readers.ocr.id_card import read_number
from connectors.files.readers.ocr.id_card_number import (
    Reading,
    grouped,
    is_valid,
    readings,
    resolve,
)
from tests.support.synthetic import national_id, with_check_digit

ID = with_check_digit("123456789013")  # 1 2345 67890 13 9: every digit; check digit not 1
OTHER = with_check_digit("310060044563")
G = grouped(ID)
DIGITS = "0123456789"
SURE = (True,) * 13

CASES = [
    # (why, OCR lines, expected)
    ("printed grouping", [f"เลขประจำตัวประชาชน {G}"], ID),
    ("dashes", ["1-2345-67890-13-9"], ID),
    ("dots", ["1.2345.67890.13.9"], ID),
    ("groups glued", ["12345 67890 139"], ID),
    ("plain 13 digits", [ID], ID),
    ("a stray space inside a group", ["1 2345 6789 0 13 9"], ID),
    ("glued to the Thai label", [f"เลขประจำตัวประชาชน{G}"], ID),
    ("Thai digits", ["๑ ๒๓๔๕ ๖๗๘๙๐ ๑๓ ๙"], ID),
    ("O for 0", ["1 2345 6789O 13 9"], ID),
    ("o for 0", ["1 2345 6789o 13 9"], ID),
    ("D for 0", ["1 2345 6789D 13 9"], ID),
    ("Q for 0", ["1 2345 6789Q 13 9"], ID),
    ("I for 1", ["1 2345 67890 I3 9"], ID),
    ("l for 1", ["l 2345 67890 13 9"], ID),
    ("| for 1", ["| 2345 67890 13 9"], ID),
    ("i for 1", ["1 2345 67890 i3 9"], ID),
    ("! for 1", ["! 2345 67890 13 9"], ID),
    ("Z for 2", ["1 Z345 67890 13 9"], ID),
    ("z for 2", ["1 z345 67890 13 9"], ID),
    ("S for 5", ["1 234S 67890 13 9"], ID),
    ("s for 5", ["1 234s 67890 13 9"], ID),
    ("G for 6", ["1 2345 G7890 13 9"], ID),
    ("b for 6", ["1 2345 b7890 13 9"], ID),
    ("T for 7", ["1 2345 6T890 13 9"], ID),
    ("B for 8", ["1 2345 67B90 13 9"], ID),
    ("g for 9", ["1 2345 67890 13 g"], ID),
    ("q for 9", ["1 2345 678q0 13 9"], ID),
    ("a stray digit before (14 read)", [f"7 {G}"], ID),
    ("a stray digit after (14 read)", [f"{G} 4"], ID),
    ("a mark before", [f"™ {G}"], ID),
    ("lone first digit lost, two reads agree", ["2345 67890 13 9", "2345 67890 13 9"], ID),
    ("two reads differ once, one valid", [G, "1 2345 67830 13 9"], ID),
    # ambiguous or wrong: left out, never guessed
    ("wrong check digit, one read", ["1 2345 67890 12 2"], None),
    ("a digit misread as a digit", ["1 2345 67890 18 9"], None),
    ("lone first digit lost, one read", ["2345 67890 13 9"], None),
    ("four look-alikes", ["I 2345 6789O I3 g"], None),
    ("digit 3 a look-alike (unchecked)", ["1 2S45 67890 13 9"], None),
    ("two different numbers: the first", [G, grouped(OTHER)], ID),
    ("12 digits, no telling which is lost", ["1 2345 6789 13 9"], None),
    # traps
    ("a juristic (company) ID", ["0 1055 36112 01 4", "0105536112014"], None),
    ("phone numbers", ["โทร 081-234-5678, 02-123-4567"], None),
    ("birth dates", ["เกิดวันที่ 12 ม.ค. 2530", "Date of Birth 12 Jan. 1987"], None),
    ("digits inside a word", ["Identification Number INV2345678901"], None),
    ("nothing", [""], None),
]


@pytest.mark.parametrize(("why", "lines", "expected"), CASES, ids=[c[0] for c in CASES])
def test_number_from_ocr_lines(why: str, lines: list[str], expected: str | None) -> None:
    assert is_valid(ID) and is_valid(OTHER)
    number, rows = read_number(lines)
    assert number == expected, why
    if expected:
        assert rows  # the lines that held the number are not passed on raw


def test_lines_with_a_reading_are_reported_so_they_can_be_dropped() -> None:
    lines = ["ชื่อตัวและชื่อสกุล นาย สมชาย ใจดี", "1 2345 67890 18 9", "ที่อยู่ 9 ต.บางพูด"]
    assert read_number(lines) == (None, frozenset({1}))
    two_cards = [G, "ชื่อตัวและชื่อสกุล นาย สมชาย ใจดี", grouped(OTHER), "1 2345 67890 18 9"]
    assert read_number(two_cards) == (ID, frozenset({0, 3}))  # the other card's line stays
    assert resolve([*readings(G), *readings(grouped(OTHER))]) is None  # votes never mix them


def test_votes_outweigh_a_misread_page_digit() -> None:
    page = readings("1 2345 67890 18 9")  # invalid: digit 12 misread
    again = [Reading(tuple(ID), (True,) * 13, 0.5) for _ in range(4)]
    assert read_number(["1 2345 67890 18 9"], again)[0] == ID
    assert resolve([*page, *again]) == ID


def test_a_valid_page_reading_outvoted_at_digit_3_is_not_kept() -> None:
    """Digit 3 is unchecked: '1 2645 …' is valid too; the re-read votes decide."""
    misread = ID[:2] + "6" + ID[3:]
    assert is_valid(misread)
    again = [Reading(tuple(ID), (True,) * 13, 0.5) for _ in range(4)]
    assert read_number([grouped(misread)], again)[0] == ID
    assert read_number([grouped(misread)])[0] == misread  # without a second look it stands


def _blind(misread: str) -> str | None:
    """The blind search the corrector must not be: the first valid one-digit change."""
    for position in range(13):
        for digit in "0123456789":
            candidate = misread[:position] + digit + misread[position + 1 :]
            if candidate != misread and is_valid(candidate):
                return candidate
    return None


def test_simulated_misreads_never_give_a_wrong_id_where_blind_search_does() -> None:
    """One digit misread at a checked position: the corrector (one reading, nothing to
    vote with) leaves the number out; a blind search returns a wrong ID most times. The
    check digit misses a few such misreads (two sums map to check digit 1): the reading
    is then itself valid — only a second look's votes can catch it."""
    rng = random.Random(19)
    ours = {"right": 0, "none": 0, "wrong": 0}
    blind_wrong = undetectable = 0
    trials = 1500
    for _ in range(trials):
        truth = national_id(rng)
        position = rng.choice([p for p in range(13) if p != 2])  # digit 3 is never checked
        digits = list(truth)
        digits[position] = rng.choice([d for d in "0123456789" if d != truth[position]])
        misread = "".join(digits)
        if is_valid(misread):
            undetectable += 1
            continue
        found = resolve([Reading(tuple(misread), (True,) * 13)])
        ours["none" if found is None else "right" if found == truth else "wrong"] += 1
        blind_wrong += _blind(misread) not in (None, truth)
    assert ours == {"right": 0, "none": trials - undetectable, "wrong": 0}
    assert blind_wrong / (trials - undetectable) > 0.5
    assert undetectable / trials < 0.03


def test_simulated_votes_are_right_or_left_out() -> None:
    """Five independent reads, 5 % of digits misread in each: right, or no ID."""
    rng = random.Random(20)
    votes = {"right": 0, "none": 0, "wrong": 0}
    for _ in range(1500):
        truth = national_id(rng)
        reads = [
            Reading(tuple(d if rng.random() > 0.05 else rng.choice(DIGITS) for d in truth), SURE)
            for _ in range(5)
        ]
        found = resolve(reads)
        votes["none" if found is None else "right" if found == truth else "wrong"] += 1
    assert votes["wrong"] <= 2 and votes["right"] > 1400, votes
