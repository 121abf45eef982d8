"""How a report is presented beyond its language: the calendar of Thai dates, whose report it is.

``era`` is ``[reports] thai_dates``: ``"be"`` (default) writes Thai dates in
the Buddhist era, ``"ce"`` in the common era; English reports always use
ISO dates. ``owner`` is set for a data owner's own report (``owners/<owner>/``):
the page then names the owner and their datasets, lists what to do first and
orders findings by due date, then severity.
"""

from __future__ import annotations

from dataclasses import dataclass

from reports.text.dates import Era


@dataclass(frozen=True)
class ReportOptions:
    """Presentation choices shared by every writer."""

    era: Era = "be"
    owner: str | None = None


DEFAULT_OPTIONS = ReportOptions()
