"""Age band: a date of birth reduced to a range of ages on a given day (SPEC §10).

For a study "by age group" the recipient needs neither the date nor the year
of birth: ``age_band`` gives the age in completed years on ``on`` (a birthday
not yet reached that year does not count) as a band of ``width`` years
(``"30-39"`` for width 10), and ``"90+"`` for every age from 90 up, where
people are few enough to stand out.

The value is read as ``birth_year`` reads it (DATE values, B.E. years, Thai
formats and digits). A value holding only a year is an approximation: its
age is ``on.year - year``, as if the birthday had passed. A birth after
``on``, an age above :data:`MAX_AGE` (a placeholder date) or an unreadable
value gives None.

>>> from datetime import date
>>> age_band("20/05/2529", on=date(2026, 5, 19)), age_band("20/05/2529", on=date(2026, 5, 20))
('30-39', '40-49')
>>> age_band(1930, on=date(2026, 1, 1)), age_band("2533", on=date(2026, 1, 1), width=5)
('90+', '35-39')
>>> age_band("2027-01-01", on=date(2026, 1, 1)) is None
True
"""

from __future__ import annotations

from datetime import date

from scanners.disclosure.treatments.birth_year import read_birth

__all__ = ["DEFAULT_WIDTH", "MAX_AGE", "TOP_AGE", "age_band", "age_on"]

#: Years per band unless the request says otherwise.
DEFAULT_WIDTH = 10
#: Every age from this one up is one open band (``"90+"``): the very old are few and findable.
TOP_AGE = 90
#: An age above this comes from a placeholder or a typing error, not from a person.
MAX_AGE = 130


def age_on(birth: date | int, on: date) -> int:
    """Completed years on ``on`` for a birth date, or ``on.year - year`` for a year alone."""
    if isinstance(birth, int):
        return on.year - birth
    before_birthday = (on.month, on.day) < (birth.month, birth.day)
    return on.year - birth.year - before_birthday


def age_band(value: object, on: date, width: int = DEFAULT_WIDTH) -> str | None:
    """The age band of the birth ``value`` holds on ``on`` (``"30-39"``, ``"90+"``), or None."""
    if isinstance(width, bool) or not isinstance(width, int) or width < 1:
        raise ValueError("an age band is at least one year wide")
    birth = read_birth(value)
    if birth is None:
        return None
    age = age_on(birth, on)
    if age < 0 or age > MAX_AGE:
        return None
    if age >= TOP_AGE:
        return f"{TOP_AGE}+"
    low = age // width * width
    high = min(low + width - 1, TOP_AGE - 1)
    return str(low) if low == high else f"{low}-{high}"
