"""Dates people write in the register, access list, erasure requests and overrides (SPEC §4).

A user may write a date in the Buddhist era (``2569-06-01`` is 2026-06-01:
"a year above 2400 is read as B.E."), as a TOML date or as text —
ISO, ``dd/mm/yyyy``, Thai month names (``1 มิ.ย. 2569``), Thai digits —
and a spreadsheet cell may hold a date or a timestamp.
:data:`UserDate` is the pydantic field type that reads all of them into a
common-era :class:`~datetime.date`; anything else is a validation error that
says what to write (never echoing the value).

>>> read_user_date("2569-06-01"), read_user_date(date(2569, 6, 1))
(datetime.date(2026, 6, 1), datetime.date(2026, 6, 1))
>>> read_user_date("01/06/2569"), read_user_date("๑ มิ.ย. ๒๕๖๙")
(datetime.date(2026, 6, 1), datetime.date(2026, 6, 1))
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import BeforeValidator

from scanners.dates.date_values import parse_date

MESSAGE = "not a date: write YYYY-MM-DD or DD/MM/YYYY (a B.E. year such as 2569 is accepted)"


def read_user_date(value: object) -> date:
    """``value`` as a common-era date; ValueError with :data:`MESSAGE` otherwise."""
    if isinstance(value, datetime):
        value = value.date()
    day = parse_date(value)
    if day is None and isinstance(value, date):  # 2568-02-29: 2025 had no 29 February
        raise ValueError("not a date in the Buddhist era: that year has no 29 February")
    if day is None:
        raise ValueError(MESSAGE)
    return day


#: A pydantic ``date`` field that accepts B.E. years and Thai forms.
UserDate = Annotated[date, BeforeValidator(read_user_date)]
