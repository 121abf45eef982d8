"""Every finding type, collected from the module that declares it, and the order checks run in.

Each type is a :class:`~scanners.checks.finding_type.FindingType` declared at
the end of its own module: ``register/`` (checks against the retention
register, plus PII_UNREGISTERED for datasets it does not cover), ``access/``
(the access review), ``incidents/`` (raised from the disclosure log and the breach
register in the state store, by the agent) and
``scan_error.py``. A new type is a new module in one of those folders, named
here in :data:`FINDING_TYPES` and, when a runner runs it, in that runner's
tuple. The reports, due dates, configuration and the agent read what a type
is from :data:`FINDING_TYPES`; the runners (``register/run.py``,
``access/review.py``) read their checks from the tuples.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from scanners.checks.access.common import AccessListCheck, AccessRowCheck
from scanners.checks.access.excessive import ACCESS_EXCESSIVE
from scanners.checks.access.public import ACCESS_PUBLIC
from scanners.checks.access.review_overdue import ACCESS_REVIEW_OVERDUE
from scanners.checks.access.stale_entry import ACCESS_STALE_ENTRY
from scanners.checks.access.unapproved import ACCESS_UNAPPROVED
from scanners.checks.finding_type import FindingType
from scanners.checks.incidents.breach_notice_due import BREACH_NOTICE_DUE
from scanners.checks.incidents.disclosure_followup_due import DISCLOSURE_FOLLOWUP_DUE
from scanners.checks.register.anonymisation_weak import ANONYMISATION_WEAK
from scanners.checks.register.common import RegisterCheck
from scanners.checks.register.erasure_pending import ERASURE_PENDING
from scanners.checks.register.minimise_granularity import MINIMISE_GRANULARITY
from scanners.checks.register.minimise_undeclared_pii import MINIMISE_UNDECLARED_PII
from scanners.checks.register.pii_unregistered import PII_UNREGISTERED
from scanners.checks.register.retention_expired import RETENTION_EXPIRED
from scanners.checks.register.retention_undefined import RETENTION_UNDEFINED
from scanners.checks.register.sensitive_no_basis import SENSITIVE_NO_BASIS
from scanners.checks.scan_error import SCAN_ERROR

#: Checks of one registered dataset, in the order they run (and report).
REGISTER_CHECKS: tuple[FindingType[RegisterCheck], ...] = (
    MINIMISE_UNDECLARED_PII,
    MINIMISE_GRANULARITY,
    SENSITIVE_NO_BASIS,
    RETENTION_UNDEFINED,
    RETENTION_EXPIRED,
    ERASURE_PENDING,
    ANONYMISATION_WEAK,
)
#: Checks of each access row (principal × dataset with personal data), in order.
ACCESS_ROW_CHECKS: tuple[FindingType[AccessRowCheck], ...] = (
    ACCESS_PUBLIC,
    ACCESS_UNAPPROVED,
    ACCESS_EXCESSIVE,
)
#: Checks of a source's access list itself, after the rows, in order.
ACCESS_LIST_CHECKS: tuple[FindingType[AccessListCheck], ...] = (
    ACCESS_REVIEW_OVERDUE,
    ACCESS_STALE_ENTRY,
)

#: Code → finding type, every type of SPEC §8 in its order.
FINDING_TYPES: Mapping[str, FindingType[object]] = MappingProxyType(
    {
        kind.code: kind
        for kind in (
            PII_UNREGISTERED,
            MINIMISE_UNDECLARED_PII,
            MINIMISE_GRANULARITY,
            SENSITIVE_NO_BASIS,
            RETENTION_UNDEFINED,
            RETENTION_EXPIRED,
            ERASURE_PENDING,
            ANONYMISATION_WEAK,
            ACCESS_UNAPPROVED,
            ACCESS_EXCESSIVE,
            ACCESS_PUBLIC,
            ACCESS_REVIEW_OVERDUE,
            ACCESS_STALE_ENTRY,
            DISCLOSURE_FOLLOWUP_DUE,
            BREACH_NOTICE_DUE,
            SCAN_ERROR,
        )
    }
)


def check_needing(fact: str) -> FindingType[object]:
    """The finding type whose check needs ``fact`` (a ``DatasetFacts`` field): a fact that
    cannot be gathered fails that check alone. ``KeyError`` for a fact no check declares."""
    for kind in FINDING_TYPES.values():
        if fact in kind.facts:
            return kind
    raise KeyError(f"no finding type needs the fact {fact!r}")
