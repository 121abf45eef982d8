"""The console's findings queries, in SQL (SQLAlchemy Core): aggregates, filters and pages.

A store may hold a million findings (most of them resolved), so nothing
here reads them all: the dashboard groups the open ones in the database,
the findings list pushes every filter and its page (``LIMIT``/``OFFSET``)
into the query, and triage is joined (``LEFT JOIN pdpa_triage``), never
read finding by finding. An owner's queries carry their scope: the
``owner`` values that are their e-mail (case-blind, as
``scanners.model.roles.owns`` compares them), matched with ``IN`` so that an
index on ``pdpa_findings.owner`` can serve them. The *effective* triage
status is the stored one, except that an acceptance whose ``until`` day has
passed counts as open (``scanners.model.triage.effective``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, false, func, literal, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.sql import Select

from agent.state.tables import (
    FINDING_OPEN,
    FINDING_RESOLVED,
    FINDINGS,
    TRIAGE,
)
from scanners.checks.severity import SEVERITY_ORDER
from scanners.model.triage import ACCEPTED, OPEN, TRIAGE_STATUSES

PAGE_SIZE = 100
STATUS_CHOICES = ("open", "resolved", "all")

JOINED = FINDINGS.outerjoin(TRIAGE, TRIAGE.c.finding_id == FINDINGS.c.id)


#: What an account sees: None for everything, else the ``owner`` values of its findings.
Scope = tuple[str, ...] | None


def owner_clause(scope: Scope) -> ColumnElement[bool] | None:
    """The findings of ``scope`` (None: no restriction; an empty scope: nothing)."""
    if scope is None:
        return None
    if not scope:
        return false()
    return FINDINGS.c.owner.in_(sorted(set(scope)))


def effective_triage(today: date) -> ColumnElement[str]:
    """The triage status as it stands ``today`` (an expired acceptance is open)."""
    expired = and_(
        TRIAGE.c.status == ACCEPTED,
        TRIAGE.c.until.is_not(None),
        TRIAGE.c.until < today.isoformat(),
    )
    return case((expired, literal(OPEN)), else_=func.coalesce(TRIAGE.c.status, literal(OPEN)))


def scoped(query: Select[Any], scope: Scope) -> Select[Any]:
    clause = owner_clause(scope)
    return query if clause is None else query.where(clause)


@dataclass(frozen=True)
class Filters:
    """The findings list's filters, as the query string gives them (unknown values dropped)."""

    status: str = "open"
    severity: str = ""
    type: str = ""
    source: str = ""
    owner: str = ""
    triage: str = ""
    q: str = ""
    page: int = 1

    @classmethod
    def read(cls, params: Any) -> Filters:
        def text(name: str, limit: int = 200) -> str:
            return str(params.get(name, "")).strip()[:limit]

        status = text("status") or "open"
        try:
            page = max(1, min(int(text("page") or "1"), 1_000_000))
        except ValueError:
            page = 1
        return cls(
            status=status if status in STATUS_CHOICES else "open",
            severity=text("severity") if text("severity") in SEVERITY_ORDER else "",
            type=text("type"),
            source=text("source"),
            owner=text("owner", 500),
            triage=text("triage") if text("triage") in TRIAGE_STATUSES else "",
            q=text("q"),
            page=page,
        )

    def query_items(self, page: int | None = None) -> list[tuple[str, str]]:
        """The filters as query-string items (for paging links)."""
        items = [
            ("status", self.status),
            ("severity", self.severity),
            ("type", self.type),
            ("source", self.source),
            ("owner", self.owner),
            ("triage", self.triage),
            ("q", self.q),
        ]
        return [(k, v) for k, v in items if v] + [("page", str(page or self.page))]


@dataclass(frozen=True)
class FindingRow:
    """One line of the findings list."""

    id: str
    type: str
    severity: str
    source: str
    dataset: str | None
    columns: tuple[str, ...]
    owner: str | None
    principal: str | None
    count: int | None
    status: str
    last_seen_at: str
    triage: str


@dataclass(frozen=True)
class FindingPage:
    rows: tuple[FindingRow, ...]
    total: int
    page: int
    pages: int


def _filtered(query: Select[Any], filters: Filters, today: date, scope: Scope) -> Any:
    query = scoped(query, scope)
    if filters.status in (FINDING_OPEN, FINDING_RESOLVED):
        query = query.where(FINDINGS.c.status == filters.status)
    for column, value in (
        (FINDINGS.c.severity, filters.severity),
        (FINDINGS.c.type, filters.type),
        (FINDINGS.c.source, filters.source),
    ):
        if value:
            query = query.where(column == value)
    if filters.owner:
        query = query.where(FINDINGS.c.owner == filters.owner)
    if filters.triage:
        query = query.where(effective_triage(today) == filters.triage)
    if filters.q:
        query = query.where(
            or_(
                FINDINGS.c.dataset.icontains(filters.q, autoescape=True),
                FINDINGS.c.columns.icontains(filters.q, autoescape=True),
            )
        )
    return query


def list_findings(engine: Engine, filters: Filters, today: date, scope: Scope) -> FindingPage:
    """One page of the findings matching ``filters``, gravest first, and how many match."""
    rank = case(
        *((FINDINGS.c.severity == name, i) for i, name in enumerate(SEVERITY_ORDER)),
        else_=len(SEVERITY_ORDER),
    )
    columns = (
        FINDINGS.c.id,
        FINDINGS.c.type,
        FINDINGS.c.severity,
        FINDINGS.c.source,
        FINDINGS.c.dataset,
        FINDINGS.c.columns,
        FINDINGS.c.owner,
        FINDINGS.c.principal,
        FINDINGS.c.count,
        FINDINGS.c.status,
        FINDINGS.c.last_seen_at,
    )
    counted = JOINED if filters.triage else FINDINGS  # the join only when it filters
    count = _filtered(select(func.count()).select_from(counted), filters, today, scope)
    with engine.connect() as conn:
        total = int(conn.execute(count).scalar_one())
        pages = max(1, -(-total // PAGE_SIZE))
        page = min(filters.page, pages)
        query = _filtered(
            select(*columns, effective_triage(today).label("triage")).select_from(JOINED),
            filters,
            today,
            scope,
        )
        query = query.order_by(rank, FINDINGS.c.id).limit(PAGE_SIZE)
        query = query.offset((page - 1) * PAGE_SIZE)
        rows = tuple(
            FindingRow(
                **{**row, "columns": tuple(json.loads(row["columns"] or "[]"))},
            )
            for row in conn.execute(query).mappings()
        )
    return FindingPage(rows, total, page, pages)


def choices(engine: Engine, scope: Scope) -> dict[str, list[str]]:
    """The values the filters offer: types, sources and owners of the open findings."""
    found: dict[str, list[str]] = {}
    with engine.connect() as conn:
        for key, column in (
            ("type", FINDINGS.c.type),
            ("source", FINDINGS.c.source),
            ("owner", FINDINGS.c.owner),
        ):
            query = scoped(
                select(column).where(FINDINGS.c.status == FINDING_OPEN).distinct(), scope
            )
            found[key] = sorted(str(v) for v in conn.execute(query).scalars() if v)
    return found


def access_findings(engine: Engine, scope: Scope, limit: int = 5000) -> list[Any]:
    """The open ``ACCESS_*`` findings in scope, by source and principal."""
    query = scoped(
        select(
            FINDINGS.c.id,
            FINDINGS.c.type,
            FINDINGS.c.severity,
            FINDINGS.c.source,
            FINDINGS.c.dataset,
            FINDINGS.c.principal,
            FINDINGS.c.privileges,
            FINDINGS.c.owner,
        )
        .where(FINDINGS.c.status == FINDING_OPEN, FINDINGS.c.type.startswith("ACCESS_"))
        .order_by(FINDINGS.c.source, FINDINGS.c.principal, FINDINGS.c.dataset, FINDINGS.c.id)
        .limit(limit),
        scope,
    )
    with engine.connect() as conn:
        return list(conn.execute(query))


def dataset_findings(
    engine: Engine, source: str, dataset: str, scope: Scope, limit: int = 500
) -> list[Any]:
    """The open findings about one dataset, in scope."""
    query = scoped(
        select(FINDINGS.c.id, FINDINGS.c.type, FINDINGS.c.severity, FINDINGS.c.principal)
        .where(
            FINDINGS.c.status == FINDING_OPEN,
            FINDINGS.c.source == source,
            FINDINGS.c.dataset == dataset,
        )
        .order_by(FINDINGS.c.id)
        .limit(limit),
        scope,
    )
    with engine.connect() as conn:
        return list(conn.execute(query))
