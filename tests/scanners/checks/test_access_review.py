"""The access review against a table of cases: effective privileges vs the approved access list.

Each case gives the source's principals and held privileges, the datasets with
personal data, the access list and today's date, and expects the findings —
all of them, in order — as (type, dataset, principal, privileges), plus
optional text the messages, remediation or columns must hold. Every finding
is also held to the invariants access findings share. The cases about held
privileges are in :mod:`access_review_cases`; the cases here are about the
access list's own entries: which grants cover a dataset and a principal
(source, dataset glob, ``user@host``), reviews due and stale entries. Also:
the rows for the security team, stable finding ids and how a listed
principal matches.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from connectors.model import Principal
from scanners.checks.access.common import principal_matches, sort_privileges
from scanners.checks.access.review import review_access
from scanners.checks.finding_type import finding_id
from scanners.checks.registry import FINDING_TYPES
from tests.scanners.checks.access_review_cases import (
    EMPLOYEES,
    PERSONAL,
    PRINCIPALS,
    PRIVILEGE_CASES,
    TODAY,
    Case,
    grant,
    held,
)

ACCESS_LIST_CASES = [
    Case(
        "other sources' grants are ignored",
        held=[held("app_login", "SELECT")],
        grants=[
            grant("app_login", "SELECT", source="crm"),
            grant("ghost", "SELECT", source="crm", reviewed_at=None),
        ],
        expected=[("ACCESS_UNAPPROVED", EMPLOYEES, "app_login", ("SELECT",))],
    ),
    Case(
        "dataset glob must match",
        held=[held("app_login", "SELECT")],
        grants=[grant("app_login", "SELECT", dataset="crm.*")],
        expected=[("ACCESS_UNAPPROVED", EMPLOYEES, "app_login", ("SELECT",))],
    ),
    Case(
        "user@host: a listed user without @ matches every host; with @ only that host",
        principals=(
            Principal("'rep'@'%'", "user"),
            Principal("'rep'@'10.0.0.5'", "user"),
            Principal("'etl'@'%'", "user"),
            Principal("'etl'@'localhost'", "user"),
        ),
        held=[
            held("'rep'@'%'", "SELECT"),
            held("'rep'@'10.0.0.5'", "SELECT"),
            held("'etl'@'%'", "SELECT"),
            held("'etl'@'localhost'", "SELECT"),
        ],
        grants=[grant("rep", "SELECT"), grant("etl@LOCALHOST", "SELECT")],
        expected=[("ACCESS_UNAPPROVED", EMPLOYEES, "'etl'@'%'", ("SELECT",))],
        contains={"ACCESS_UNAPPROVED": ["REVOKE SELECT ON `hr`.`employees` FROM 'etl'@'%';"]},
    ),
    Case(
        "review overdue: due date in the message, whatever the data",
        held=[],
        grants=[grant("app_login", "SELECT", dataset="hr.lookup", reviewed_at=date(2025, 1, 10))],
        expected=[("ACCESS_REVIEW_OVERDUE", "hr.lookup", "app_login", ("SELECT",))],
        contains={
            "ACCESS_REVIEW_OVERDUE": [
                "2025-07-10",
                "2025-01-10",
                "6 months",
                "update reviewed_at",
                "access_list.toml:3",
            ]
        },
        severities={"ACCESS_REVIEW_OVERDUE": "low"},
    ),
    Case(
        "review due today is not overdue; month end clamps",
        held=[],
        grants=[grant("app_login", "SELECT", reviewed_at=date(2025, 1, 31), review_every="1m")],
        today=date(2025, 2, 28),
        expected=[],
    ),
    Case(
        "never reviewed is overdue; no period is never overdue",
        held=[],
        grants=[
            grant("app_login", "SELECT", reviewed_at=None),
            grant("hr_rw", "SELECT", review_every=None),
        ],
        expected=[("ACCESS_REVIEW_OVERDUE", "hr.*", "app_login", ("SELECT",))],
        contains={"ACCESS_REVIEW_OVERDUE": ["never been reviewed"]},
    ),
    Case(
        "stale entry: principal gone from the source",
        held=[],
        grants=[grant("old_etl", "SELECT", "INSERT")],
        expected=[("ACCESS_STALE_ENTRY", "hr.*", "old_etl", ("SELECT", "INSERT"))],
        contains={"ACCESS_STALE_ENTRY": ["old_etl", "no such principal"]},
    ),
    Case(
        "no principals listed: no stale findings",
        principals=(),
        held=[],
        grants=[grant("old_etl", "SELECT")],
        expected=[],
    ),
]
CASES = PRIVILEGE_CASES + ACCESS_LIST_CASES


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_access_review(case: Case) -> None:
    review = review_access("hr", case.principals, case.held, case.personal, case.grants, case.today)
    got = [(f.type, f.dataset, f.principal, f.privileges) for f in review.findings]
    assert got == case.expected
    for finding in review.findings:
        kind = FINDING_TYPES[finding.type]
        assert finding.id == finding_id(finding.type, "hr", finding.dataset, finding.principal)
        assert finding.law == kind.law
        assert finding.register_id is None and finding.owner is None and finding.count is None
        assert finding.message_th and finding.message_en and finding.remediation
        assert finding.privileges == sort_privileges(finding.privileges)
    for finding_type, texts in case.contains.items():
        text = " ".join(
            f.message_en + " " + (f.remediation or "")
            for f in review.findings
            if f.type == finding_type
        )
        for expected in texts:
            assert expected in text
    for finding_type, columns in case.columns.items():
        assert [f.columns for f in review.findings if f.type == finding_type] == [columns]
    for finding_type, severity in case.severities.items():
        assert {f.severity for f in review.findings if f.type == finding_type} == {severity}


def test_rows_for_the_security_team() -> None:
    review = review_access(
        "hr",
        PRINCIPALS,
        [
            held("app_login", "UPDATE", "role hr_rw"),
            held("app_login", "SELECT"),
            held("app_login", "SELECT", "role hr_rw"),
            held("app_login", "SELECT", dataset="hr.lookup"),
        ],
        PERSONAL,
        [
            grant("app_login", "SELECT", reviewed_at=date(2025, 1, 10), origin="a.toml:1"),
            grant("app_login", "SELECT", dataset=EMPLOYEES, origin="a.toml:9"),
        ],
        TODAY,
    )
    assert len(review.rows) == 1  # hr.lookup holds no personal data
    row = review.rows[0]
    assert (row.source, row.dataset, row.principal) == ("hr", EMPLOYEES, "app_login")
    assert row.privileges == ("SELECT", "UPDATE")
    assert row.via == (("SELECT", "direct"), ("SELECT", "role hr_rw"), ("UPDATE", "role hr_rw"))
    assert row.approved and row.approved_privileges == ("SELECT",) and row.extra == ("UPDATE",)
    assert row.grants == ("a.toml:1", "a.toml:9")
    assert row.reviewed_at == date(2025, 1, 10)
    assert row.review_due == date(2025, 7, 10)
    assert row.overdue
    assert row.pii_types == ("EMAIL_ADDRESS", "PERSON")


def test_finding_ids_are_stable_across_runs() -> None:
    args: tuple[Any, ...] = ("hr", PRINCIPALS, [held("app_login", "SELECT")], PERSONAL, [], TODAY)
    assert [f.id for f in review_access(*args).findings] == [
        f.id for f in review_access(*args).findings
    ]


@pytest.mark.parametrize(
    ("listed", "actual", "matches"),
    [
        ("app", Principal("app", "user"), True),
        ("app", Principal("app@%", "user"), True),
        ("'app'@'%'", Principal("app@%", "user"), True),
        ("App", Principal("app", "user"), False),
        ("public", Principal("PUBLIC", "public"), True),
        ("Everyone", Principal("everyone", "public"), True),
        ("app", Principal("'app'@'%'", "user"), True),
        ("app", Principal("`app`@`db.example`", "user"), True),
        ("app@%", Principal("'app'@'%'", "user"), True),
        ("'app'@'%'", Principal("'app'@'%'", "user"), True),
        ("app@10.0.0.%", Principal("'app'@'10.0.0.5'", "user"), False),
        ("app@localhost", Principal("'app'@'%'", "user"), False),
        ("apps", Principal("'app'@'%'", "user"), False),
    ],
)
def test_principal_matching(listed: str, actual: Principal, matches: bool) -> None:
    assert principal_matches(listed, actual) is matches
