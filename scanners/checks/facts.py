"""Facts the agent gathers from a connector before the register checks run.

The checks are pure: they never count rows or read files themselves. The
agent asks the connector (``count_before``, ``group_stats``, subject look-ups)
and hands the answers over as these values. A fact left ``None`` means it
could not be or need not be gathered (no retention declared, not an
anonymised dataset, no erasure requests due); the check then says nothing
about it, and the agent reports a failed look-up as a ``SCAN_ERROR``.

None of these values ever holds a personal-data value: only dates, counts,
column names and prepared remediation text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from connectors.model import GroupStats
from scanners.dates.clock_calendar import ClockCalendar
from scanners.model.result import Exemption, Finding

#: ``RetentionFacts.clock`` of a file judged by its modification time.
FILE_MTIME_CLOCK = "file modification time"


@dataclass(frozen=True)
class RetentionFacts:
    """Rows past retention: those whose clock is before ``cutoff``."""

    cutoff: date
    expired: int  # rows (or 1 for a whole file) past retention
    clock: str  # the clock column, or "file modification time"
    remediation: str | None  # a prepared statement or sentence; never run by the agent
    calendar: ClockCalendar | None = None  # how the clock column writes its dates
    unreadable: int = 0  # rows whose clock holds a value that is not a date


@dataclass(frozen=True)
class KAnonymityFacts:
    """Group sizes over the declared quasi-identifiers of an anonymised dataset."""

    columns: tuple[str, ...]
    k_min: int
    stats: GroupStats


@dataclass(frozen=True)
class ErasureFacts:
    """Requested subjects (erasure or withdrawn consent) still present after the grace period."""

    pending: int  # subjects still present
    requests_due: int  # requests past their grace period
    columns: tuple[str, ...]  # where they were found
    remediation: str | None
    deadline: date | None = None  # the earliest request date + grace_days among them


@dataclass(frozen=True)
class DatasetFacts:
    """Everything the register checks need beyond the scan result and the register entry."""

    retention: RetentionFacts | None = None
    k_anonymity: KAnonymityFacts | None = None
    erasure: ErasureFacts | None = None
    failures: tuple[FactFailure, ...] = ()  # facts that could not be gathered


@dataclass(frozen=True)
class FactFailure:
    """A fact one check needs that could not be gathered: only that check fails.

    ``check`` is the finding type it serves (``RETENTION_EXPIRED``,
    ``ERASURE_PENDING``, ``ANONYMISATION_WEAK``); ``reason`` names the entry
    and the column, never a value.
    """

    check: str
    reason: str


@dataclass(frozen=True)
class CheckOutcome:
    """What the register checks produced for one dataset."""

    findings: tuple[Finding, ...] = ()
    exemptions: tuple[Exemption, ...] = ()
