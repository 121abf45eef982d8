"""How a data subject is searched for: the searches to run, and recognising it in what comes back.

A subject's normal form (:mod:`scanners.subjects.normal_forms`) is written many ways in
real columns. The connectors compare *compact* cells (see
:mod:`connectors.sql.value_forms`: separators, apostrophes and ``+`` dropped and
Thai digits made ASCII for IDs and phone numbers; trimmed and lower-cased
for e-mail addresses), so one subject needs only a few compact forms:

``TH_NATIONAL_ID``
    the 13 digits.
``PHONE_NUMBER``
    a Thai number ``0`` + NSN: ``0NSN``, ``NSN`` (an integer column),
    ``66NSN``, ``660NSN`` (``+66 (0)81…``), ``0066NSN`` and ``00660NSN``;
    another country's ``+D``: ``D`` and ``00D``, also with the trunk ``(0)``
    after a country code of one to three digits (``+44 (0)20 …``).
``EMAIL_ADDRESS``
    the normal form.

Every value whose compact form is one of these is returned by the source and
then verified here, so the count is exact: :func:`normal_of_cell` for a
column of one identifier per cell, :func:`normals_in_text` for free text,
where a subject is found inside a sentence (``โทร 081-234-5678 ครับ``) but
never as part of a longer number. :func:`subjects_in_cell` tells which of
the requested subjects (in clear or hashed) one cell holds.

>>> compact_forms("PHONE_NUMBER", "0812345678")
('0812345678', '812345678', '66812345678', '660812345678', '0066812345678', '00660812345678')
>>> sorted(normals_in_text("PHONE_NUMBER", "ลูกค้าแจ้งเปลี่ยนเบอร์เป็น 081-234-5678 ครับ"))
['0812345678']
>>> sorted(normals_in_text("TH_NATIONAL_ID", "ID 1-1037-00001-23-9 verified"))
['1103700001239']
>>> normals_in_text("TH_NATIONAL_ID", "ref 911037000012395")
set()
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping

from connectors.model import ValueSearch
from scanners.normalise import normalise_text
from scanners.subjects.normal_forms import normalise_cell
from scanners.subjects.spellings import digest, lookup_variants

#: A match ratio below this: the column's values are not the identifier alone (free text).
FREE_TEXT_RATIO = 0.5
#: A written number inside text has at most this many digit groups and digits.
MAX_GROUPS = 8
MAX_DIGITS = 16

_DIGIT_RUN = re.compile(r"[0-9]+")
_GAP = re.compile(r"[\s\-./()']{1,3}")
_EMAIL = re.compile(r"[^\s@<>()\[\]{},;:\"'`|]+@[^\s@<>()\[\]{},;:\"'`|]+")
_ASCII_TAIL = re.compile(r"[\x21-\x7e]+$")
_ASCII_HEAD = re.compile(r"^[\x21-\x7e]+")


def fold_for(subject_type: str) -> str:
    """How the source compacts a cell for this type: ``lower`` for e-mail, else ``digits``."""
    return "lower" if subject_type == "EMAIL_ADDRESS" else "digits"


def compact_forms(subject_type: str, normal: str) -> tuple[str, ...]:
    """The compact forms of every common writing of ``normal`` as a whole cell."""
    if subject_type != "PHONE_NUMBER":
        return (normal,)
    if normal.startswith("+"):
        digits = normal[1:]
        trunk = [digits[:k] + "0" + digits[k:] for k in (1, 2, 3)]  # "+44 (0)20 …"
        return tuple(prefix + d for d in (digits, *trunk) for prefix in ("", "00"))
    nsn = normal[1:]
    return (normal, nsn, "66" + nsn, "660" + nsn, "0066" + nsn, "00660" + nsn)


def inside_form(subject_type: str, normal: str) -> str:
    """The compact fragment every writing of ``normal`` contains (the NSN of a Thai phone)."""
    if subject_type == "PHONE_NUMBER":
        return normal[1:]
    return normal


def exact_search(subject_type: str, normals: Iterable[str]) -> ValueSearch:
    """The common spellings, compared with the bare column (an index serves it)."""
    spellings = {v for n in normals for v in lookup_variants(subject_type, n)}
    return ValueSearch(fold_for(subject_type), exact=tuple(sorted(spellings)))


def whole_search(subject_type: str, normals: Iterable[str]) -> ValueSearch:
    """Every writing of one identifier per cell, compared after compacting the column."""
    forms = {f for n in normals for f in compact_forms(subject_type, n)}
    return ValueSearch(fold_for(subject_type), whole=tuple(sorted(forms)))


def inside_search(subject_type: str, normals: Iterable[str]) -> ValueSearch:
    """The subjects anywhere inside a free-text cell, compared after compacting it."""
    fragments = {inside_form(subject_type, n) for n in normals}
    return ValueSearch(fold_for(subject_type), inside=tuple(sorted(fragments)))


def normal_of_cell(subject_type: str, cell: object) -> set[str]:
    """The normal form of a cell holding one identifier (empty when it holds none)."""
    normal = normalise_cell(subject_type, cell)
    return set() if normal is None else {normal}


def normals_in_text(subject_type: str, cell: object) -> set[str]:
    """Every subject of ``subject_type`` written in ``cell``, as a whole or inside text.

    Numbers are read as runs of digit groups joined by short separators
    (``081 234-5678``, ``+66 (0)81 234 5678``); a candidate starts and ends
    at a group's edge, so an ID inside a longer number is not one.
    """
    found = normal_of_cell(subject_type, cell)
    if not isinstance(cell, str):
        return found
    text = normalise_text(cell)
    if subject_type == "EMAIL_ADDRESS":
        return found | _emails(text)
    return found | _numbers(subject_type, text)


def subjects_in_cell(
    subject_type: str,
    cell: object,
    *,
    free_text: bool,
    clear: Mapping[str, str] | None = None,
    hashed: Collection[str] = (),
) -> set[str]:
    """Digests of the wanted subjects that ``cell`` holds, in any written form.

    ``clear`` maps the normal form of each subject given in clear to its
    digest; ``hashed`` holds the digests of subjects given only as a digest
    (every normal form in the cell is hashed to compare). ``free_text``: the
    subject may stand inside text (:func:`normals_in_text`), else the cell is
    one identifier (:func:`normal_of_cell`).

    >>> wanted = {"0812345678": "sha256:…"}
    >>> subjects_in_cell("PHONE_NUMBER", "+66 81 234 5678", free_text=False, clear=wanted)
    {'sha256:…'}
    >>> subjects_in_cell("PHONE_NUMBER", "โทร 081-234-5678", free_text=False, clear=wanted)
    set()
    """
    read = normals_in_text if free_text else normal_of_cell
    found: set[str] = set()
    for normal in read(subject_type, cell):
        if clear and normal in clear:
            found.add(clear[normal])
        if hashed and (key := digest(subject_type, normal)) in hashed:
            found.add(key)
    return found


def _numbers(subject_type: str, text: str) -> set[str]:
    runs = list(_DIGIT_RUN.finditer(text))
    found: set[str] = set()
    for i, first in enumerate(runs):
        start = first.start()
        if start and text[start - 1] == "+":
            start -= 1
        digits = 0
        for j in range(i, min(i + MAX_GROUPS, len(runs))):
            if j > i and not _GAP.fullmatch(text[runs[j - 1].end() : runs[j].start()]):
                break
            digits += len(runs[j].group())
            if digits > MAX_DIGITS:
                break
            normal = normalise_cell(subject_type, text[start : runs[j].end()])
            if normal is not None:
                found.add(normal)
    return found


def _emails(text: str) -> set[str]:
    found: set[str] = set()
    for match in _EMAIL.finditer(text):
        local, _, domain = match.group().partition("@")
        locals_ = {local}
        if tail := _ASCII_TAIL.search(local):  # Thai text written against the address
            locals_.add(tail.group())
        domains = {domain.rstrip(".")}
        if head := _ASCII_HEAD.search(domain):
            domains.add(head.group().rstrip("."))
        for left in locals_:
            for right in domains:
                normal = normalise_cell("EMAIL_ADDRESS", f"{left}@{right}")
                if normal is not None:
                    found.add(normal)
    return found
