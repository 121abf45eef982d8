"""The least a register entry lets a disclosure keep of a column (SPEC §5 ``granularity``,
``allowed_pii``), as the set of treatments that satisfy it.

A granularity level names the coarsest detail the dataset may hold; a
disclosure may only give that or less. ``year`` (of a date of birth) is met
by ``birth_year``, ``age_band`` or ``drop``; ``postcode`` by ``postcode``,
``province`` or ``drop``; ``pseudonym`` by ``pseudonym`` or ``drop``; and so
on. A personal-data type the entry does not allow at all may only be dropped.
Free text is kept only with its personal data replaced, so its types do not
limit it.

>>> from scanners.model.register import RegisterEntry
>>> entry = RegisterEntry("HR-1", "hr", "*", allowed_pii=("DATE_OF_BIRTH",),
...                       granularity=(("DATE_OF_BIRTH", "year"),))
>>> allowed_treatments(entry, ("DATE_OF_BIRTH",), free_text=False)
('drop', 'birth_year', 'age_band')
>>> allowed_treatments(entry, ("PHONE_NUMBER",), free_text=False)
('drop',)
"""

from __future__ import annotations

from collections.abc import Sequence

from scanners.disclosure.request import TREATMENTS
from scanners.model.register import RegisterEntry
from scanners.pii_types import is_personal_data

#: Granularity level (SPEC §5) → the treatments that give no finer detail than it.
SATISFIES: dict[str, frozenset[str]] = {
    "year": frozenset({"birth_year", "age_band", "drop"}),
    "month": frozenset({"birth_year", "age_band", "drop"}),
    "postcode": frozenset({"postcode", "province", "drop"}),
    "province": frozenset({"province", "drop"}),
    "pseudonym": frozenset({"pseudonym", "drop"}),
    "masked": frozenset({"mask", "pseudonym", "drop"}),
    "none": frozenset({"drop"}),
}


def allowed_treatments(
    entry: RegisterEntry | None, types: Sequence[str], free_text: bool
) -> tuple[str, ...]:
    """The treatments the entry allows for a column holding ``types``, in TREATMENTS order."""
    allowed = set(TREATMENTS)
    if entry is None or free_text:
        return TREATMENTS
    levels = dict(entry.granularity)
    for pii_type in types:
        if pii_type in levels:
            allowed &= SATISFIES.get(levels[pii_type], frozenset({"drop"}))
        elif entry.allowed_pii and is_personal_data(pii_type) and pii_type not in entry.allowed_pii:
            allowed &= {"drop"}
    return tuple(t for t in TREATMENTS if t in allowed)


def limiting_rule(entry: RegisterEntry, types: Sequence[str], treatment: str) -> str:
    """The entry's rule a ``treatment`` breaks, for messages
    (``granularity DATE_OF_BIRTH = "year"``)."""
    levels = dict(entry.granularity)
    for pii_type in types:
        level = levels.get(pii_type)
        if level is not None and treatment not in SATISFIES.get(level, frozenset()):
            return f'granularity {pii_type} = "{level}"'
    for pii_type in types:
        if entry.allowed_pii and is_personal_data(pii_type) and pii_type not in entry.allowed_pii:
            return f"{pii_type} is not in allowed_pii"
    return "the register entry"
