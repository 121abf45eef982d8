"""``due`` (SPEC §8): the date by which each finding should be dealt with.

Rules, first match wins:

1. a legal deadline the finding already carries (a check that knows it sets
   ``Finding.due``: an erasure request's date plus ``grace_days``, a breach
   notice 72 hours after awareness) is kept;
2. a per-type number of days from *first seen* — by default each type's
   ``due_days`` in :mod:`scanners.checks.registry`: ``RETENTION_EXPIRED``,
   ``ERASURE_PENDING`` and ``DISCLOSURE_FOLLOWUP_DUE`` 0 (the data is already
   past its period, the grace period or the follow-up date: due the day it
   was found) and ``BREACH_NOTICE_DUE`` 3 (72 hours);
3. otherwise first seen plus the days for its severity, ``[reports] due_days``
   (critical 7, high 30, medium 90, low 180 by default:
   :mod:`scanners.checks.severity`).

*First seen* is the Bangkok date on which the agent's state store first
recorded the finding's stable id; a finding never recorded before (or a scan
whose store is unusable) is first seen on the scan date. A due date does not
move while the same issue stays open, so a report can say it is overdue.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from types import MappingProxyType

from reports.text.dates import bangkok_date
from scanners.checks.registry import FINDING_TYPES as _TYPES
from scanners.checks.severity import DEFAULT_DUE_DAYS, urgency
from scanners.model.result import Finding, ScanResult

#: Types whose duty is already late when found (or has its own clock): their ``due_days``.
DEFAULT_TYPE_DAYS: Mapping[str, int] = MappingProxyType(
    {kind.code: kind.due_days for kind in _TYPES.values() if kind.due_days is not None}
)
#: Every finding type a per-type setting may name (SPEC §8): those of the registry.
FINDING_TYPES: frozenset[str] = frozenset(_TYPES)
_FALLBACK_DAYS = DEFAULT_DUE_DAYS["medium"]  # an unknown severity


@dataclass(frozen=True)
class DuePolicy:
    """Days allowed from first seen, per severity and (overriding it) per finding type."""

    severity_days: Mapping[str, int] = field(default_factory=lambda: DEFAULT_DUE_DAYS)
    type_days: Mapping[str, int] = field(default_factory=lambda: DEFAULT_TYPE_DAYS)

    def days(self, finding: Finding) -> int:
        """Days from first seen for ``finding``."""
        if finding.type in self.type_days:
            return self.type_days[finding.type]
        return self.severity_days.get(finding.severity, _FALLBACK_DAYS)


DEFAULT_POLICY = DuePolicy()


def scan_date(result: ScanResult) -> date:
    """The Bangkok date the scan started (today's date if the scan's time is unreadable)."""
    return bangkok_date(result.scan.started_at) or date.today()


def due_for(finding: Finding, first_seen: date, policy: DuePolicy = DEFAULT_POLICY) -> date:
    """The due date of ``finding`` first seen on ``first_seen`` (rules in the module doc)."""
    if finding.due is not None:
        return finding.due
    return first_seen + timedelta(days=policy.days(finding))


def with_due(
    result: ScanResult,
    first_seen: Mapping[str, date] | None = None,
    policy: DuePolicy = DEFAULT_POLICY,
) -> ScanResult:
    """``result`` with ``due`` on every finding; ``first_seen`` maps finding ids to dates."""
    seen = first_seen or {}
    today = scan_date(result)
    findings = tuple(
        replace(f, due=due_for(f, seen.get(f.id, today), policy)) for f in result.findings
    )
    return replace(result, findings=findings)


def ensure_due(result: ScanResult) -> ScanResult:
    """``result`` unchanged when every finding has ``due``; else the defaults fill the gaps."""
    if all(f.due is not None for f in result.findings):
        return result
    return with_due(result)


def urgency_key(finding: Finding) -> tuple[object, ...]:
    """Sort key for "what to do first": earliest due (overdue first), then severity."""
    due = finding.due or date.max
    return (due, urgency(finding.severity), finding.type, finding.dataset or "", finding.id)


def is_overdue(finding: Finding, on: date) -> bool:
    """Whether ``finding`` was due before ``on``."""
    return finding.due is not None and finding.due < on
