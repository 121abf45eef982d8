"""The 13-digit number of a Thai ID card read off noisy OCR, corrected only where evidence allows.

OCR of the printed ``1 1037 02071 81 1`` goes wrong in known ways: letters
that look like digits (``O``→0, ``I``/``l``/``|``→1, ``B``→8 …), Thai digits,
stray spaces, dashes or dots, a group glued to the next, a first digit read
as a bracket or lost, a stray mark before or after the number.
:func:`readings` turns one OCR line into :class:`Reading` s: 13 slots, each
the digits it may be (one for a printed digit, a few for a look-alike letter,
all ten for an unreadable mark). :func:`resolve` votes over the readings of
the same number (the page OCR, a re-read of the number's line, several image
variants) and returns an ID only when exactly one checksum-valid number is
consistent with the plurality at every position, with at most
:data:`MAX_GUESSES` positions in doubt. It never searches digits blindly: a
random one-digit change passes the mod-11 check about 1 time in 11, so a
blind search "finds" wrong IDs. Digit 3 is never guessed at all: its weight
(11) is 0 mod 11, so the check digit cannot see it change — only other
readings can.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

PATTERN = (1, 4, 5, 2, 1)  # the printed grouping
ANY = "0123456789"
MAX_GUESSES = 2  # positions whose digit is in doubt (tied vote, look-alike only)
MAX_CANDIDATES = 24
MAX_LINE = 400  # characters of a line looked at for a number
MAX_WORDS = 15  # words one reading may span (13 digits, a mark or two)
UNCHECKED = 2  # digit 3 has weight 11, 0 mod 11: the check digit never sees it change
#: Look-alike characters and the digits they may stand for (the first is the likeliest).
LOOKALIKE: dict[str, str] = {
    **dict.fromkeys("OoDQ", "0"),
    **dict.fromkeys("Il|i!", "17"),
    **dict.fromkeys("Zz", "2"),
    **dict.fromkeys("Ss", "58"),
    "$": "583",
    "G": "6",
    "b": "6",
    "T": "7",
    "B": "83",
    "&": "8",
    **dict.fromkeys("gq", "9"),
}
#: Marks that stand where a digit was printed but tell nothing about it.
JUNK = frozenset("()[]{}+*/\\?™®©%#^~<>")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_SPLIT = re.compile(r"[\s\-–—_.,:;'\"‘’“”`]+")
_GLUE = re.compile(r"(?<=[\u0e00-\u0e4f])(?=[0-9๐-๙])|(?<=[0-9๐-๙])(?=[\u0e00-\u0e4f])")
PROVINCES = frozenset(
    f"{code:02d}"
    for first, last in ((10, 27), (30, 58), (60, 67), (70, 77), (80, 86), (90, 96))
    for code in range(first, last + 1)
)


@dataclass(frozen=True)
class Reading:
    """One OCR reading of the number: per position, the digits it may be."""

    slots: tuple[str, ...]
    sure: tuple[bool, ...]  # read as a printed digit (not a look-alike, not a mark)
    weight: float = 1.0  # its vote (several variants of one image share one)

    @property
    def digits(self) -> str:
        return "".join(slot[0] for slot in self.slots)


def checksum_holds(digits: str) -> bool:
    """The mod-11 check digit of 13 ASCII digits (weights 13 down to 2)."""
    total = sum(int(d) * (13 - i) for i, d in enumerate(digits[:12]))
    return (11 - total % 11) % 10 == int(digits[12])


def is_valid(digits: str) -> bool:
    """A personal ID: 13 digits, first 1-8, an assigned province code, the check digit holds."""
    return (
        len(digits) == 13
        and digits.isascii()
        and digits.isdigit()
        and digits[0] in "12345678"
        and digits[1:3] in PROVINCES
        and checksum_holds(digits)
    )


def grouped(digits: str) -> str:
    """``1 1037 02071 81 1``: the grouping printed on the card."""
    return f"{digits[0]} {digits[1:5]} {digits[5:10]} {digits[10:12]} {digits[12]}"


def _word(word: str) -> tuple[str, ...] | None:
    """The slots of one word when it reads as digits (look-alikes allowed), else None."""
    if len(word) > 16:
        return None
    slots = []
    for char in word:
        if char.isdigit() and char.isascii():
            slots.append(char)
        elif char in LOOKALIKE:
            slots.append(LOOKALIKE[char])
        elif char in JUNK and len(word) > 1:
            slots.append(ANY)
        else:
            return None
    real = sum(
        len(s) == 1 and s.isdigit() and c.isdigit() for s, c in zip(slots, word, strict=True)
    )
    if real * 2 < len(word) and len(word) > 1:
        return None
    return tuple(slots)


def readings(line: str) -> list[Reading]:
    """Every 13-digit reading in one OCR line (most lines have none)."""
    text = _GLUE.sub(" ", line[:MAX_LINE].translate(_THAI_DIGITS))
    words = [w for w in _SPLIT.split(text) if w]
    found: list[Reading] = []
    run: list[tuple[str, tuple[str, ...]]] = []
    for word in [*words, ""]:
        slots = _word(word) if word else None
        if slots is not None:
            run.append((word, slots))
        elif word in JUNK and len(word) == 1:
            run.append((word, (ANY,)))
        else:
            found.extend(_from_run(run))
            run = []
    return found


def _from_run(run: list[tuple[str, tuple[str, ...]]]) -> Iterable[Reading]:
    """The best 13-slot window of a run of digit words (word-aligned), if any."""
    best: tuple[tuple[int, int, int], Reading] | None = None
    for start in range(len(run)):
        for end in range(start + 1, min(len(run), start + MAX_WORDS) + 1):
            part = run[start:end]
            reading = _reading(part)
            if reading is None:
                continue
            groups = tuple(len(slots) for _, slots in part)
            rank = (groups != PATTERN, len(reading.slots) - sum(reading.sure), start)
            if best is None or rank < best[0]:
                best = (rank, reading)
    if best is not None:
        yield best[1]


def _reading(part: list[tuple[str, tuple[str, ...]]]) -> Reading | None:
    slots = [s for _, group in part for s in group]
    sure = [
        len(s) == 1 and s.isdigit() and c.isdigit()
        for word, group in part
        for s, c in zip(group, word if len(word) == len(group) else "?" * len(group), strict=True)
    ]
    groups = tuple(len(group) for _, group in part)
    if len(slots) == 12 and groups == PATTERN[1:]:
        slots, sure = [ANY, *slots], [False, *sure]  # the lone first digit was not read
    elif len(slots) == 12 and groups == PATTERN[:-1]:
        slots, sure = [*slots, ANY], [*sure, False]  # the lone check digit was not read
    if len(slots) != 13 or sum(sure) < 10 or part[0][1] == (ANY,) or part[-1][1] == (ANY,):
        return None
    return Reading(tuple(slots), tuple(sure))


def resolve(found: Sequence[Reading]) -> str | None:
    """The one ID all readings support, or None when the evidence does not single one out.

    At each position the digits are voted on (a reading votes for every digit its
    slot allows); the candidates take a top-voted digit everywhere. A position is
    in doubt when its top vote is tied or comes from look-alikes only; at most
    MAX_GUESSES such positions, and exactly one valid candidate, else None.
    """
    if not found:
        return None
    choices: list[str] = []
    doubts, erased, weak = 0, 0, 0
    for position in range(13):
        votes: Counter[str] = Counter()
        sure_votes: Counter[str] = Counter()
        for reading in found:
            slot = reading.slots[position]
            for digit in slot:
                votes[digit] += round(reading.weight * 100)
            if reading.sure[position]:
                sure_votes[slot] += 1
        top = max(votes.values())
        tied = "".join(d for d in ANY if votes[d] == top)
        if len(tied) > 1 or not sure_votes[tied]:
            doubts += 1
            erased += len(tied) == len(ANY)
        elif sure_votes[tied] < 2:
            weak += 1
        choices.append(tied)
    if doubts > MAX_GUESSES or (erased and (erased > 1 or doubts > 1 or weak)):
        return None  # an unread digit is filled in only when two readings agree on the rest
    if len(choices[UNCHECKED]) > 1:
        return None  # the check digit cannot tell digit 3's options apart
    count = 1
    for options in choices:
        count *= len(options)
    if count > MAX_CANDIDATES:
        return None
    valid = [c for c in ("".join(p) for p in itertools.product(*choices)) if is_valid(c)]
    return valid[0] if len(valid) == 1 else None


def read_number(lines: Iterable[str]) -> str | None:
    """The ID the lines' readings single out (see :func:`resolve`)."""
    return resolve([r for line in lines for r in readings(line)])
