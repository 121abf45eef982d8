"""The access review against a table of cases: effective privileges vs the approved access list.

Each case gives the source's principals and held privileges, the datasets with
personal data, the access list and today's date, and expects the findings —
all of them, in order — as (type, dataset, principal, privileges), plus
optional text the messages, remediation or columns must hold. Every finding
is also held to the invariants access findings share.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest

from connectors.model import HeldPrivilege, Principal
from scanners.checks.access.common import principal_matches, sort_privileges
from scanners.checks.access.review import review_access
from scanners.checks.finding_type import finding_id
from scanners.checks.registry import FINDING_TYPES
from scanners.model.access import ApprovedGrant

TODAY = date(2025, 8, 1)
EMPLOYEES = "hr.employees"
PERSONAL = {EMPLOYEES: frozenset({"PERSON", "EMAIL_ADDRESS"})}
PRINCIPALS = (
    Principal("app_login", "user"),
    Principal("hr_rw", "role", can_login=False),
    Principal("PUBLIC", "public"),
    Principal("postgres", "user", superuser=True),
)


def held(
    principal: str,
    privilege: str,
    via: str = "direct",
    dataset: str = EMPLOYEES,
    columns: tuple[str, ...] = (),
) -> HeldPrivilege:
    return HeldPrivilege(
        dataset=dataset, principal=principal, privilege=privilege, via=via, columns=columns
    )


def grant(
    principal: str,
    *privileges: str,
    dataset: str = "hr.*",
    source: str = "hr",
    reviewed_at: date | None = date(2025, 6, 1),
    review_every: str | None = "6m",
    origin: str = "access_list.toml:3",
) -> ApprovedGrant:
    return ApprovedGrant(
        source=source,
        dataset=dataset,
        principal=principal,
        privileges=privileges,
        approved_by="hr-owner@example.co.th",
        reviewed_at=reviewed_at,
        review_every=review_every,
        origin=origin,
    )


@dataclass
class Case:
    name: str
    held: list[HeldPrivilege]
    grants: list[ApprovedGrant]
    expected: list[tuple[str, str, str, tuple[str, ...]]]  # type, dataset, principal, privileges
    principals: tuple[Principal, ...] = PRINCIPALS
    personal: dict[str, frozenset[str]] = field(default_factory=lambda: dict(PERSONAL))
    today: date = TODAY
    contains: dict[str, list[str]] = field(
        default_factory=dict
    )  # type -> text in en message/remediation
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    severities: dict[str, str] = field(default_factory=dict)


CASES = [
    Case(
        "unapproved, every privilege with how it is held",
        held=[held("app_login", "UPDATE", "role hr_rw"), held("app_login", "SELECT")],
        grants=[],
        expected=[("ACCESS_UNAPPROVED", EMPLOYEES, "app_login", ("SELECT", "UPDATE"))],
        contains={
            "ACCESS_UNAPPROVED": [
                "SELECT directly",
                "UPDATE through role hr_rw",
                "REVOKE SELECT ON hr.employees FROM app_login;",
                "REVOKE hr_rw FROM app_login;",
                "never run",
                "add an approved grant",
            ]
        },
        severities={"ACCESS_UNAPPROVED": "high"},
    ),
    Case(
        "unapproved on Section 26 data is critical",
        held=[held("app_login", "SELECT")],
        grants=[],
        personal={EMPLOYEES: frozenset({"PERSON", "HEALTH"})},
        expected=[("ACCESS_UNAPPROVED", EMPLOYEES, "app_login", ("SELECT",))],
        severities={"ACCESS_UNAPPROVED": "critical"},
    ),
    Case(
        "excessive reports only the extra privileges, in SPEC order",
        held=[held("app_login", p) for p in ("TRUNCATE", "SELECT", "DELETE", "UPDATE")],
        grants=[grant("app_login", "SELECT", "UPDATE")],
        expected=[("ACCESS_EXCESSIVE", EMPLOYEES, "app_login", ("DELETE", "TRUNCATE"))],
        contains={
            "ACCESS_EXCESSIVE": [
                "approved for SELECT, UPDATE",
                "REVOKE DELETE, TRUNCATE ON hr.employees FROM app_login;",
            ]
        },
        severities={"ACCESS_EXCESSIVE": "medium"},
    ),
    Case(
        "approved privileges are the union of every covering grant",
        held=[held("app_login", "SELECT"), held("app_login", "UPDATE")],
        grants=[grant("app_login", "SELECT"), grant("app_login", "UPDATE", dataset="hr.employees")],
        expected=[],
    ),
    Case(
        "PUBLIC is public (critical), never also unapproved",
        held=[held("PUBLIC", "SELECT"), held("app_login", "SELECT")],
        grants=[grant("app_login", "SELECT")],
        expected=[("ACCESS_PUBLIC", EMPLOYEES, "PUBLIC", ("SELECT",))],
        contains={"ACCESS_PUBLIC": ["REVOKE SELECT ON hr.employees FROM PUBLIC;"]},
        severities={"ACCESS_PUBLIC": "critical"},
    ),
    Case(
        "everyone on a file share",
        principals=(Principal("everyone", "public"), Principal("alice", "user")),
        held=[held("everyone", "READ", dataset="payroll/2024.xlsx#Sheet1")],
        grants=[],
        personal={"payroll/2024.xlsx#Sheet1": frozenset({"BANK_ACCOUNT"})},
        expected=[("ACCESS_PUBLIC", "payroll/2024.xlsx#Sheet1", "everyone", ("READ",))],
        contains={"ACCESS_PUBLIC": ["chmod o-r"]},
    ),
    Case(
        "file read through a group: the membership is named",
        principals=(Principal("everyone", "public"), Principal("alice", "user")),
        held=[held("alice", "READ", "group hr staff", dataset="hr/pay slips.csv")],
        grants=[],
        personal={"hr/pay slips.csv": frozenset({"PERSON"})},
        expected=[("ACCESS_UNAPPROVED", "hr/pay slips.csv", "alice", ("READ",))],
        contains={
            "ACCESS_UNAPPROVED": [
                "READ through group hr staff",
                "setfacl -x u:alice 'hr/pay slips.csv'",
                "held through group hr staff",
            ]
        },
    ),
    Case(
        "MySQL accounts: DROP stands for TRUNCATE, roles by bare name",
        principals=(
            Principal("app@%", "user"),
            Principal("hr_rw", "role", can_login=False),
            Principal("PUBLIC", "public"),
        ),
        held=[
            held("app@%", "TRUNCATE"),
            held("app@%", "UPDATE", "role hr_rw"),
            held("app@%", "SELECT"),
        ],
        grants=[grant("app", "SELECT")],
        expected=[("ACCESS_EXCESSIVE", EMPLOYEES, "app@%", ("UPDATE", "TRUNCATE"))],
        contains={
            "ACCESS_EXCESSIVE": [
                "REVOKE DROP ON `hr`.`employees` FROM 'app'@'%';",
                "REVOKE hr_rw FROM 'app'@'%';",
            ]
        },
    ),
    Case(
        "SQLite: file permissions of the database file",
        principals=(
            Principal("everyone", "public"),
            Principal("alice", "user"),
            Principal("staff", "group"),
        ),
        held=[
            held("everyone", "SELECT", "other", dataset="main.patients"),
            held("alice", "SELECT", "owner", dataset="main.patients"),
            held("staff", "UPDATE", dataset="main.patients"),
        ],
        grants=[grant("alice", "SELECT", dataset="main.*")],
        personal={"main.patients": frozenset({"PERSON"})},
        expected=[
            ("ACCESS_PUBLIC", "main.patients", "everyone", ("SELECT",)),
            ("ACCESS_UNAPPROVED", "main.patients", "staff", ("UPDATE",)),
        ],
        contains={
            "ACCESS_PUBLIC": [
                "chmod o-r <database file>",
                "the database file holding main.patients",
            ],
            "ACCESS_UNAPPROVED": ["chmod g-w <database file>"],
        },
    ),
    Case(
        "approved exactly: nothing",
        held=[held("app_login", "SELECT"), held("app_login", "INSERT", "role hr_rw")],
        grants=[grant("app_login", "INSERT", "SELECT")],
        expected=[],
    ),
    Case(
        "dataset without personal data: no unapproved, excessive or public",
        held=[
            held("app_login", "DELETE", dataset="hr.lookup"),
            held("PUBLIC", "SELECT", dataset="hr.lookup"),
        ],
        grants=[grant("app_login", "SELECT", dataset="hr.lookup")],
        expected=[],
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
        "column-level grant: the finding names the columns",
        held=[
            held("app_login", "SELECT", columns=("name", "email")),
            held("app_login", "SELECT", columns=("dept",)),
        ],
        grants=[],
        expected=[("ACCESS_UNAPPROVED", EMPLOYEES, "app_login", ("SELECT",))],
        columns={"ACCESS_UNAPPROVED": ("dept", "email", "name")},
        contains={
            "ACCESS_UNAPPROVED": [
                "SELECT (dept, email, name) directly",
                "REVOKE SELECT (dept, email, name) ON hr.employees",
            ]
        },
    ),
    Case(
        "column-level and table-level together: the whole table",
        held=[
            held("app_login", "SELECT", columns=("name",)),
            held("app_login", "SELECT", "role hr_rw"),
        ],
        grants=[],
        expected=[("ACCESS_UNAPPROVED", EMPLOYEES, "app_login", ("SELECT",))],
        columns={"ACCESS_UNAPPROVED": ()},
        contains={"ACCESS_UNAPPROVED": ["SELECT directly and through role hr_rw"]},
    ),
    Case(
        "superuser and owner are shown with how they hold it",
        held=[held("postgres", p, "superuser") for p in ("SELECT", "DELETE")]
        + [held("hr_rw", "UPDATE", "owner")],
        grants=[],
        expected=[
            ("ACCESS_UNAPPROVED", EMPLOYEES, "hr_rw", ("UPDATE",)),
            ("ACCESS_UNAPPROVED", EMPLOYEES, "postgres", ("SELECT", "DELETE")),
        ],
        contains={
            "ACCESS_UNAPPROVED": [
                "as superuser",
                "ALTER ROLE postgres NOSUPERUSER;",
                "as owner",
                "OWNER TO",
            ]
        },
    ),
    Case(
        "a privilege held through PUBLIC is named so",
        held=[held("app_login", "SELECT", "PUBLIC")],
        grants=[],
        expected=[("ACCESS_UNAPPROVED", EMPLOYEES, "app_login", ("SELECT",))],
        contains={"ACCESS_UNAPPROVED": ["SELECT through PUBLIC", "FROM PUBLIC;"]},
    ),
]


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
