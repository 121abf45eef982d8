"""Access-list verification: who can really read or change each dataset with personal data.

For each source the connector reports its principals and their effective
privileges (roles, PUBLIC, ownership, superusers, file modes); the datasets
holding personal data come from the classification of the same run; the
pure review in :mod:`scanners.checks.access.review` compares both with the approved
access list. Used by ``pdpa-agent access`` and, when an access list is
configured, by every scan.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date

from connectors.base import GrantReader
from scanners.checks.access.review import review_access
from scanners.model.access import ApprovedGrant
from scanners.model.result import AccessReview, DatasetResult
from scanners.pii_types import is_personal_data
from scanners.reasons import error_reason

log = logging.getLogger(__name__)


def personal_datasets(datasets: Sequence[DatasetResult]) -> dict[str, frozenset[str]]:
    """Dataset name → personal-data types, for the datasets that hold any."""
    personal: dict[str, frozenset[str]] = {}
    for dataset in datasets:
        types = frozenset(t for t in dataset.pii_types if is_personal_data(t))
        if types:
            personal[dataset.name] = types
    return personal


def review_source(
    connector: object,
    source: str,
    datasets: Sequence[DatasetResult],
    grants: Sequence[ApprovedGrant],
    today: date,
) -> AccessReview:
    """The access review of one open source; raises when the source cannot report grants."""
    if not isinstance(connector, GrantReader):
        raise TypeError(f"source {source} cannot report privileges")
    names = [d.name for d in datasets if d.error is None]
    principals = connector.principals()
    held = connector.held_privileges(names)
    log.info("source %s: %d principal(s), %d held privilege(s)", source, len(principals), len(held))
    return review_access(source, principals, held, personal_datasets(datasets), grants, today)


def safe_review(
    connector: object,
    source: str,
    datasets: Sequence[DatasetResult],
    grants: Sequence[ApprovedGrant],
    today: date,
) -> tuple[AccessReview | None, str | None]:
    """The review, or the one-line reason it could not be made (a SCAN_ERROR for the source)."""
    try:
        return review_source(connector, source, datasets, grants, today), None
    except Exception as exc:  # the access review of one source must not stop the others
        return None, f"access review failed: {error_reason(exc)}"
