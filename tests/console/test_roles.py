"""Every route as every role (SPEC §12): 200, 404 or a redirect to the login, exactly.

dpo, security and viewer read everything (the registers included); owner A
(alice) sees only main.customers and its findings, owner B (bob) only
main.staff and list.csv; anything else is 404 — a page, a dataset, its
evidence, a finding and a triage POST alike. Anonymous requests go to the
login page (GET) or are refused (POST).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from starlette.testclient import TestClient

from tests.console.conftest import Org
from tests.console.org import BREACH_ID, DISCLOSURE_ID, csrf_of

ROLES = ("dpo", "sec", "alice", "bob", "val", None)
EVERYONE = {"dpo": 200, "sec": 200, "alice": 200, "bob": 200, "val": 200, None: 302}
READERS = {"dpo": 200, "sec": 200, "alice": 404, "bob": 404, "val": 200, None: 302}
OF_A = {"dpo": 200, "sec": 200, "alice": 200, "bob": 404, "val": 200, None: 302}
OF_B = {"dpo": 200, "sec": 200, "alice": 404, "bob": 200, "val": 200, None: 302}
NOBODY = {"dpo": 404, "sec": 404, "alice": 404, "bob": 404, "val": 404, None: 302}


def routes(org: Org) -> dict[str, dict[str | None, int]]:
    a_finding = org.finding_id("RETENTION_UNDEFINED", "main.customers")
    b_finding = org.finding_id("SENSITIVE_NO_BASIS", "main.staff")
    b_share = org.finding_id("ACCESS_REVIEW_OVERDUE", "list.csv")
    return {
        "/": EVERYONE,
        "/?lang=th": EVERYONE,
        "/inventory": EVERYONE,
        "/inventory/org/main.customers": OF_A,
        "/inventory/org/main.staff": OF_B,
        "/inventory/share/list.csv": OF_B,
        "/inventory/org/main.products": {**OF_A, "alice": 404},
        "/inventory/org/main.nothing": NOBODY,
        "/findings": EVERYONE,
        "/findings?status=all&severity=high&q=main": EVERYONE,
        f"/findings/{a_finding}": OF_A,
        f"/findings/{b_finding}": OF_B,
        f"/findings/{b_share}": OF_B,
        "/findings/no-such-finding": NOBODY,
        "/access": EVERYONE,
        "/disclosures": READERS,
        f"/disclosures/{DISCLOSURE_ID}": READERS,
        "/disclosures/REQ-NONE": {**NOBODY},
        "/breaches": READERS,
        f"/breaches/{BREACH_ID}": READERS,
        "/breaches/BR-NONE": NOBODY,
        "/healthz": {role: 200 for role in ROLES},
        "/login": {role: 200 for role in ROLES},
        "/static/console.css": {role: 200 for role in ROLES},
        "/no/such/page": {**NOBODY, None: 404},
    }


def test_every_route_as_every_role(
    org: Org, client_for: Callable[[str | None], TestClient]
) -> None:
    expected = routes(org)
    got: dict[tuple[str, str | None], int] = {}
    for role in ROLES:
        client = client_for(role)
        for path in expected:
            response = client.get(path)
            got[(path, role)] = response.status_code
            if response.status_code == 302:
                assert response.headers["location"] == "/login"
    wanted = {(path, role): codes[role] for path, codes in expected.items() for role in ROLES}
    assert got == wanted


def _triage(client: TestClient, finding_id: str, csrf: str) -> int:
    data = {"status": "acknowledged", "reason": "looking into it", "csrf_token": csrf}
    return client.post(f"/findings/{finding_id}/triage", data=data).status_code


@pytest.mark.parametrize(
    ("role", "finding", "status"),
    [
        ("dpo", ("RETENTION_UNDEFINED", "main.customers"), 303),
        ("dpo", ("SENSITIVE_NO_BASIS", "main.staff"), 303),
        ("sec", ("ACCESS_UNAPPROVED", "main.staff"), 303),
        ("sec", ("RETENTION_UNDEFINED", "main.customers"), 404),
        ("val", ("RETENTION_UNDEFINED", "main.customers"), 404),
        ("val", ("ACCESS_UNAPPROVED", "main.customers"), 404),
        ("alice", ("RETENTION_UNDEFINED", "main.customers"), 303),
        ("alice", ("ACCESS_UNAPPROVED", "main.customers"), 303),
        ("alice", ("SENSITIVE_NO_BASIS", "main.staff"), 404),
        ("alice", ("ACCESS_REVIEW_OVERDUE", "list.csv"), 404),
        ("bob", ("RETENTION_UNDEFINED", "main.customers"), 404),
        ("bob", ("SENSITIVE_NO_BASIS", "main.staff"), 303),
    ],
)
def test_triage_post_by_role(
    org: Org,
    client_for: Callable[[str | None], TestClient],
    role: str,
    finding: tuple[str, str],
    status: int,
) -> None:
    client = client_for(role)
    csrf = csrf_of(client.get("/").text)
    finding_id = org.finding_id(*finding)
    assert _triage(client, finding_id, csrf) == status
    from agent.state.decisions.triage import triage_history

    with org.store() as store:
        history = triage_history(store.engine, finding_id)
    assert len(history) == (1 if status == 303 else 0)


def test_anonymous_post_is_refused(
    org: Org, client_for: Callable[[str | None], TestClient]
) -> None:
    client = client_for(None)
    finding_id = org.finding_id("RETENTION_UNDEFINED", "main.customers")
    assert _triage(client, finding_id, "x") == 403
    assert client.post("/logout", data={"csrf_token": "x"}).status_code == 403


def test_an_owner_never_sees_the_other_owners_names(
    org: Org, client_for: Callable[[str | None], TestClient]
) -> None:
    """Alice's pages name none of bob's datasets nor show their masked evidence."""
    alice = client_for("alice")
    pages = ["/", "/inventory", "/findings", "/findings?status=all", "/access"]
    pages.append("/findings?owner=b%40example.co.th")
    for path in pages:
        html = alice.get(path).text
        for name in ("main.staff", "list.csv", "b@example.co.th", "main.products"):
            assert name not in html, (path, name)
    assert "main.customers" in alice.get("/inventory").text
    bob = client_for("bob")
    assert "main.customers" not in bob.get("/findings?status=all").text
    assert "hr-team" in bob.get("/access").text  # bob's grant on list.csv
    assert "hr-team" not in alice.get("/access").text


def test_navigation_follows_the_role(client_for: Callable[[str | None], TestClient]) -> None:
    assert 'id="nav-breaches"' in client_for("val").get("/").text
    owner = client_for("alice").get("/").text
    assert 'id="nav-breaches"' not in owner
    assert 'id="nav-disclosures"' not in owner
