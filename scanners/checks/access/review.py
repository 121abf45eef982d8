"""Access review (SPEC §6, §8): effective privileges on a source vs the approved access list.

Pure: the agent hands over what the connector reported (principals and the
privileges they effectively hold, with how each is held), which datasets hold
personal data, and the access list; the review returns one
:class:`AccessRow` per (dataset with personal data, principal holding a
privilege on it) and the ACCESS_* findings.

Matching rules:

* a grant covers a dataset when its ``source`` equals the source and its
  ``dataset`` glob matches the dataset name (``fnmatch``, case-sensitive);
* a grant's principal names a source principal as described in
  :mod:`scanners.checks.access.common` — exact names, PUBLIC/everyone in any
  case, and for MySQL-style ``user@host`` names a listed principal without
  ``@`` matches that user on every host;
* a row is approved when at least one grant covers (principal, dataset); its
  approved privileges are the union of those grants' privileges, and
  ``extra`` is what is held beyond them. Column-level grants on the source
  count as holding the privilege (the columns are shown); the access list
  approves whole datasets.

Findings, in the registry's order (:mod:`scanners.checks.registry`): per
row ACCESS_PUBLIC, ACCESS_UNAPPROVED, ACCESS_EXCESSIVE; then per grant
ACCESS_REVIEW_OVERDUE and ACCESS_STALE_ENTRY. Datasets not in ``personal`` get no rows and no
PUBLIC/unapproved/excessive findings; review and stale findings concern the
list itself and are raised whatever the datasets hold.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from connectors.model import HeldPrivilege, Principal
from scanners.checks.access.common import (
    PUBLIC_NAMES,
    principal_matches,
    sort_privileges,
)
from scanners.checks.access.review_overdue import review_status
from scanners.checks.registry import ACCESS_LIST_CHECKS, ACCESS_ROW_CHECKS
from scanners.model.access import FILE_PRIVILEGES, ApprovedGrant
from scanners.model.result import AccessReview, AccessRow, Finding

#: The review's values live in the result model; importers of this module find them here too.
__all__ = ["review_access"]


def _principal(name: str, known: Mapping[str, Principal]) -> Principal:
    """The source's principal called ``name``; one the connector did not list is a user."""
    if name in known:
        return known[name]
    kind = "public" if name.strip().lower() in PUBLIC_NAMES else "user"
    return Principal(name=name, kind=kind)


def source_style(principals: Sequence[Principal], held: Sequence[HeldPrivilege]) -> str:
    """How the source grants access: ``files`` (permission bits: shares, SQLite), ``mysql``
    (``user@host`` accounts) or ``sql`` (PostgreSQL and the rest)."""
    if any(p.kind == "public" and p.name.lower() == "everyone" for p in principals) or any(
        h.via == "other" or h.privilege in FILE_PRIVILEGES for h in held
    ):
        return "files"
    if any("@" in p.name for p in principals if p.kind != "public"):
        return "mysql"
    return "sql"


def _row(
    source: str,
    dataset: str,
    principal: Principal,
    held: Sequence[HeldPrivilege],
    pii_types: frozenset[str],
    grants: Sequence[ApprovedGrant],
    today: date,
    style: str,
) -> AccessRow:
    privileges = sort_privileges(h.privilege for h in held)
    via = tuple(
        sorted(
            {(h.privilege, h.via) for h in held},
            key=lambda pv: (privileges.index(pv[0]), pv[1]),
        )
    )
    column_only: dict[str, set[str]] = {}
    whole = {h.privilege for h in held if not h.columns}
    for h in held:
        if h.columns and h.privilege not in whole:
            column_only.setdefault(h.privilege, set()).update(h.columns)
    covering = [
        g for g in grants if g.covers(source, dataset) and principal_matches(g.principal, principal)
    ]
    approved = sort_privileges(p for g in covering for p in g.privileges)
    statuses = [review_status(g, today) for g in covering]
    dues = [due for due, _ in statuses if due is not None]
    reviews = [g.reviewed_at for g in covering if g.reviewed_at is not None]
    return AccessRow(
        source=source,
        dataset=dataset,
        principal=principal.name,
        principal_kind=principal.kind,
        pii_types=tuple(sorted(pii_types)),
        privileges=privileges,
        via=via,
        columns=tuple((p, tuple(sorted(column_only[p]))) for p in privileges if p in column_only),
        approved_privileges=approved,
        approved=bool(covering),
        extra=tuple(p for p in privileges if p not in approved),
        grants=tuple(g.origin for g in covering),
        reviewed_at=min(reviews, default=None),
        review_due=min(dues, default=None),
        overdue=any(overdue for _, overdue in statuses),
        style=style,
    )


def review_access(
    source: str,
    principals: Sequence[Principal],
    held: Sequence[HeldPrivilege],
    personal: Mapping[str, frozenset[str]],
    grants: Sequence[ApprovedGrant],
    today: date,
) -> AccessReview:
    """Compare what ``principals`` hold on ``source`` with the approved ``grants``.

    ``personal`` maps each dataset holding personal data to its PII types;
    ``grants`` may hold every source's grants (the others are ignored).
    Rows are ordered by dataset, then principal; findings as the module says.
    """
    own_grants = [g for g in grants if g.source == source]
    known = {p.name: p for p in principals}
    grouped: dict[tuple[str, str], list[HeldPrivilege]] = {}
    for privilege in held:
        if privilege.dataset in personal:
            grouped.setdefault((privilege.dataset, privilege.principal), []).append(privilege)
    style = source_style(principals, held)
    rows = tuple(
        _row(
            source,
            dataset,
            _principal(name, known),
            grouped[(dataset, name)],
            personal[dataset],
            own_grants,
            today,
            style,
        )
        for dataset, name in sorted(grouped)
    )
    findings: list[Finding] = [
        f for row in rows for kind in ACCESS_ROW_CHECKS for f in kind.check(row)
    ]
    for kind in ACCESS_LIST_CHECKS:
        findings.extend(kind.check(source, own_grants, principals, today))
    return AccessReview(source=source, rows=rows, findings=tuple(findings))
