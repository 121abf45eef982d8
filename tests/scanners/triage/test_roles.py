"""Console roles (SPEC §12): who may see and who may decide, with the traps."""

from __future__ import annotations

import pytest

from scanners.model.roles import may_see_finding, may_triage, owns

A = "owner-a@example.co.th"
B = "owner-b@example.co.th"


@pytest.mark.parametrize(
    ("role", "email", "owner", "sees"),
    [
        ("dpo", None, B, True),
        ("security", None, B, True),
        ("viewer", None, B, True),
        ("owner", A, A, True),
        ("owner", " Owner-A@Example.co.th ", A, True),  # case and spaces do not matter
        ("owner", A, B, False),  # another owner's dataset
        ("owner", A, None, False),  # trap: unregistered data belongs to no owner
        ("owner", None, None, False),  # trap: an owner account without an e-mail
        ("owner", "", "", False),
        ("nobody", A, A, False),  # an unknown role sees nothing
    ],
)
def test_may_see_finding(role: str, email: str | None, owner: str | None, sees: bool) -> None:
    assert may_see_finding(role, email, owner) is sees


@pytest.mark.parametrize(
    ("role", "email", "kind", "owner", "decides"),
    [
        ("dpo", None, "RETENTION_EXPIRED", B, True),
        ("security", None, "ACCESS_PUBLIC", B, True),
        ("security", None, "RETENTION_EXPIRED", B, False),  # reads it, decides nothing
        ("owner", A, "RETENTION_EXPIRED", A, True),
        ("owner", A, "ACCESS_PUBLIC", A, True),
        ("owner", A, "RETENTION_EXPIRED", B, False),
        ("viewer", None, "ACCESS_PUBLIC", A, False),
    ],
)
def test_may_triage(role: str, email: str | None, kind: str, owner: str, decides: bool) -> None:
    assert may_triage(role, email, kind, owner) is decides


def test_owns_needs_both_sides() -> None:
    assert not owns(A, None) and not owns(None, A) and owns(A, A.upper())
