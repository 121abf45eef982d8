"""The access review's cases about held privileges, and the building blocks of every case.

:class:`Case` is one row of the table of cases run by
tests/scanners/checks/test_access_review.py: the source's principals and
held privileges, the datasets with personal data, the access list and
today's date, and the findings expected. :func:`held` and :func:`grant`
write a held privilege and an approved grant with the defaults most cases
share (the ``hr.employees`` table, a grant reviewed on 2025-06-01 every six
months).

:data:`PRIVILEGE_CASES` are about who holds what against what is approved:
unapproved, excessive and public access on databases (PostgreSQL, MySQL
accounts, SQLite file permissions) and file shares, how each privilege is
held (directly, through a role or group, as superuser or owner, through
PUBLIC) and column-level grants.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from connectors.model import HeldPrivilege, Principal
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


PRIVILEGE_CASES = [
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
